"""Rules about names and addresses: each slug means one thing (a live role, a redirect or a 410), each title
one role, across the files and against what the database already holds.

A visitor's old link must keep working: a new role may not take a slug that redirects to another role,
and a load may not give a title to a second role (the database would refuse it half-way).
"""

from __future__ import annotations

from .database import DatabaseState
from .reader import ContentSet, Problem


def file_slug_problems(content: ContentSet, removed_file: str) -> list[Problem]:
    """Within the files: an old slug or a removed slug that is also a live slug, or claimed twice."""
    problems: list[Problem] = []
    live = {rf.doc.slug: rf.path for rf in content.roles}
    old_owner: dict[str, str] = {}
    for rf in content.roles:
        for i, old in enumerate(rf.doc.old_slugs):
            if old in live:
                problems.append(Problem(rf.path, f"old_slugs[{i}]", f"{old!r} is the slug of {live[old]}"))
            elif old in old_owner:
                problems.append(
                    Problem(rf.path, f"old_slugs[{i}]", f"{old!r} is already an old slug of {old_owner[old]}")
                )
            old_owner.setdefault(old, rf.path)
    for i, gone in enumerate(content.removed):
        if gone.slug in live:
            problems.append(
                Problem(removed_file, f"removed[{i}].slug", f"{gone.slug!r} is removed, yet {live[gone.slug]} uses it")
            )
        elif gone.slug in old_owner:
            problems.append(
                Problem(
                    removed_file,
                    f"removed[{i}].slug",
                    f"{gone.slug!r} is removed, yet it is an old slug of {old_owner[gone.slug]} (it redirects there)",
                )
            )
    return problems


def database_slug_problems(content: ContentSet, state: DatabaseState) -> list[Problem]:
    """Against the database: the files may not take a slug or title that a role without a file holds."""
    problems: list[Problem] = []
    in_files = {rf.doc.slug for rf in content.roles}
    if not content.roles:
        lacking = len(state.roles)
        problems.append(
            Problem(
                content.roles_dir,
                "",
                f"no role files: refusing to load an empty catalogue (the database has {lacking} "
                f"role{'s' if lacking != 1 else ''} that the files lack)",
            )
        )
    elsewhere_titles = {title.casefold(): slug for slug, title in state.roles.items() if slug not in in_files}
    for rf in content.roles:
        doc = rf.doc
        owner = state.old_slugs.get(doc.slug)
        if owner is not None and doc.slug not in state.roles:
            problems.append(
                Problem(
                    rf.path,
                    "slug",
                    f"{doc.slug!r} is an old slug of the role {_name(state, owner)}: its addresses redirect there. "
                    "Choose another slug, or delete that redirect in the admin first",
                )
            )
        holder = elsewhere_titles.get(doc.title.casefold())
        if holder is not None:
            problems.append(
                Problem(
                    rf.path,
                    "title",
                    f"{doc.title!r} is already the title of the role {_name(state, holder)} in the database, "
                    "which has no file here (renamed in the admin?); export the content first, or choose another title",
                )
            )
        for i, old in enumerate(doc.old_slugs):
            if old in state.roles and old not in in_files:
                problems.append(
                    Problem(rf.path, f"old_slugs[{i}]", f"{old!r} is the slug of the role {_name(state, old)}")
                )
            elif (owner := state.old_slugs.get(old)) is not None and owner != doc.slug and owner not in in_files:
                problems.append(
                    Problem(rf.path, f"old_slugs[{i}]", f"{old!r} already redirects to the role {_name(state, owner)}")
                )
    return problems


def _name(state: DatabaseState, slug: str) -> str:
    return f"{state.roles.get(slug, slug)!r} ({slug})"
