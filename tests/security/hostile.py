"""What the hostile-input tests send: every URL pattern and the real slugs to fill it, and hypothesis strategies for
path segments, query strings, headers and bodies."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlencode

from django.conf import settings as django_settings
from django.urls import URLPattern
from hypothesis import HealthCheck
from hypothesis import strategies as st

from careers import urls as site_urls
from careers.web.sitemaps import SITEMAPS

# --- what there is to attack ------------------------------------------------------------------

PATTERNS = [p for p in site_urls.urlpatterns if isinstance(p, URLPattern)]
PLACEHOLDER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
# Every public view answers GET and HEAD only.
SAFE = ("GET", "HEAD")
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS")


def _slugs(path: str, key: str) -> list[str]:
    doc = json.loads((Path(django_settings.CONTENT_DIR) / "reference" / path).read_text(encoding="utf-8"))
    return [item["slug"] for item in doc[key]]


ROLES = sorted(p.stem for p in (Path(django_settings.CONTENT_DIR) / "roles").glob("*.json"))
LEVELS = _slugs("levels.json", "levels")
SKILLS = _slugs("skills.json", "skills")
LOCATIONS = _slugs("locations.json", "locations")
FAMILIES = _slugs("families.json", "families")
EMPLOYER_TYPES = _slugs("employer_types.json", "employer_types")
TITLES = _slugs("titles.json", "titles")
# A social card's digest (careers/cards): any 16 hex digits reach the view (an old one answers 301 with the current).
DIGESTS = ["0123456789abcdef"]
REAL = {"role": ROLES, "other": ROLES, "level": LEVELS, "skill": SKILLS, "section": list(SITEMAPS)}
REAL |= {"title": TITLES, "digest": DIGESTS}
ALL_REAL = sorted({s for slugs in REAL.values() for s in slugs} | set(LOCATIONS) | set(FAMILIES) | set(EMPLOYER_TYPES))
PARAMETERS = ("q", "location", "level", "family", "employer", "sort", "view", "to", "skill", "years")
PARAMETERS += ("title", "p", "page", "next")
VIEW_PARAMETERS = PARAMETERS[:11]  # the ones views read


def real(name: str) -> list[str]:
    """Real values for a placeholder: its own kind where known, any real slug otherwise."""
    return REAL.get(name, ALL_REAL)


def placeholders(pattern: URLPattern) -> list[str]:
    return [m["name"] for m in PLACEHOLDER.finditer(str(pattern.pattern))]


def fill(pattern: URLPattern, segments: dict[str, str]) -> str:
    return "/" + PLACEHOLDER.sub(lambda m: segments[m["name"]], str(pattern.pattern))


# --- strategies ---------------------------------------------------------------------------------

made_up_slug = st.from_regex(r"\A[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}\Z")
any_text = st.text(max_size=40)
# Header values travel as latin-1 in WSGI: printable latin-1, which is what a server would pass on.
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60)
RAW_JUNK = [
    "..",
    ".",
    "...",
    "%2e%2e",
    "%2E",
    "%00",
    "a%00b",
    "%ff",
    "%c0%af",
    "%2F",
    "%2f..%2f",
    "%25",
    "%%",
    "%",
    "%zz",
    "~",
    "%20",
    "+",
    "-",
    "--",
    "-a-",
    "A",
    "UPPER-Case",
    "_",
    "a_b",
    "%E0%A4%AC%E0%A5%87",
    "%F0%9F%98%80",
    "index.php",
    "..%2F..%2Fetc%2Fpasswd",
    "%3Cscript%3E",
    "'%20OR%201=1--",
    "%0d%0aSet-Cookie:x=1",
    "null",
    "0",
]


def segment_for(name: str) -> st.SearchStrategy[str]:
    """A path segment: already in URL form (percent-encoded where needed), as a browser would send it."""
    return st.one_of(
        st.sampled_from(real(name)),
        made_up_slug,
        any_text.filter(bool).map(lambda s: quote(s, safe="")),
        st.sampled_from(RAW_JUNK),
        st.integers(200, 5000).map(lambda n: ("long-" * n)[:n]),
        st.tuples(st.sampled_from(real(name)), st.sampled_from([".json", ".", "..", "%00", "/..", "%20"])).map("".join),
    )


@st.composite
def paths(draw) -> tuple[URLPattern, str]:
    pattern = draw(st.sampled_from(PATTERNS))
    return pattern, fill(pattern, {name: draw(segment_for(name)) for name in placeholders(pattern)})


query_value = st.one_of(
    st.sampled_from(ALL_REAL),
    made_up_slug,
    any_text,
    st.just(""),
    st.sampled_from(["title", "median", "-median", "az", "families", "-1", "0", "99999999999999999999", "1e9"]),
    st.integers(500, 20_000).map(lambda n: "x" * n),
)
query_pairs = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), any_text), query_value), max_size=6)
RAW_QUERIES = [
    "%",
    "%zz",
    "q=%ff%fe",
    "&&&",
    "=",
    "q=%00",
    ";;",
    "q",
    "q=a&q=b&q=",
    "location[]=x",
    "employer=product&employer=gcc&employer=",
    "location=bengaluru&employer=product",
    "employer=it-services&location=india",
    "q=" + "%" * 50,
    "level=mid%00",
    "to=%2e%2e",
    "view=az&view=families",
    "sort=__class__",
    "p=-1",
    "p=0",
    "p=99999",
    "skill=python&skill=python&skill=",
    "years=-1",
    "years=1e999",
    "years=" + "9" * 400,
    "skill&years",
]
queries = st.one_of(query_pairs.map(urlencode), st.sampled_from(RAW_QUERIES))

headers = st.fixed_dictionaries(
    {},
    optional={
        "HX-Request": st.one_of(st.just("true"), header_text),
        "HX-History-Restore-Request": st.sampled_from(["true", "false", ""]),
        "HX-Target": header_text,
        "HX-Current-URL": header_text,
        "Accept": st.one_of(st.sampled_from(["*/*", "application/json", "text/html;q=0", "image/*"]), header_text),
        "Accept-Language": header_text,
        "Accept-Encoding": st.sampled_from(["gzip", "br", "identity;q=0", "*;q=0", ""]),
        "If-None-Match": st.one_of(st.sampled_from(["*", '""', 'W/"x"', '"abc", *']), header_text),
        "If-Modified-Since": st.one_of(
            st.sampled_from(["Thu, 01 Jan 1970 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "yesterday"]),
            header_text,
        ),
        "User-Agent": st.one_of(header_text, st.integers(1000, 20_000).map(lambda n: "Mozilla/5.0 " + "x" * n)),
        "Cookie": st.one_of(
            st.sampled_from(["sessionid=junk", "csrftoken=;", "sessionid=" + "a" * 5000, "=;=;"]), header_text
        ),
        "Range": header_text,
        "Referer": header_text,
        "Content-Type": st.sampled_from(
            ["application/x-www-form-urlencoded", "multipart/form-data", "application/json", "text/plain", "junk"]
        ),
    },
)
bodies = st.one_of(st.just(b""), st.binary(max_size=200), query_pairs.map(lambda pairs: urlencode(pairs).encode()))

HYPOTHESIS = dict(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.large_base_example,
        HealthCheck.data_too_large,
    ],
)
