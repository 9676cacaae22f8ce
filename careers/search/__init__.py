"""Role search: titles, aliases, skills and summaries, case- and accent-insensitive, ranked in Python.

Why Python: SQLite and PostgreSQL fold case and accents differently, and ranking must be the same on
both. The searchable text of every published role is normalised once into a compact in-process index
(three queries, rebuilt when the content version moves on): each distinct title, alias and skill name once,
with the roles that have it; summaries as one byte string, with the roles having each word. A search finds
the tier of every matching role through those lists, sorts numbers, matches in full only the roles it shows,
and reads those in one query. Nothing the user typed reaches SQL.

Ranking, best first: exact title or alias; title or alias starting with the query; title or alias
containing it; a skill name containing it; the summary containing it at a word start; every word of
the query found somewhere. Within a tier a title match beats an alias match; then by title.

The rooms: ``text`` cleans what was typed and normalises text for matching; ``index`` holds every published
role's searchable text in process; ``ranking`` says how well roles match; ``suggestions`` finds near misses
when nothing matches; ``results`` runs a query and reads the roles it shows.
"""

from careers.search.index import build_index, current_index, forget_index
from careers.search.results import MAX_RESULTS, SearchResult, search
from careers.search.text import MAX_QUERY_LENGTH, clean_query, normalise

__all__ = [
    "MAX_QUERY_LENGTH",
    "MAX_RESULTS",
    "SearchResult",
    "build_index",
    "clean_query",
    "current_index",
    "forget_index",
    "normalise",
    "search",
]
