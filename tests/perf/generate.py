"""N role documents in the fixture format (tests/factories.py), for budgets that must not grow with the catalog.

Every role is complete (four levels, pay in both test locations, moves, aliases, questions) and the
same few slugs exist whatever N is (``role-0000``, ``role-0001``), so one page can be measured with 3
roles and with 300 and the two counts compared.
"""

from __future__ import annotations

from pathlib import Path

from tests.factories import SKILLS, employer_bands, load_roles, reference, role_doc

SKILL_SLUGS = [s["slug"] for s in SKILLS]


def slug(i: int) -> str:
    return f"role-{i:04d}"


def generated_role(i: int, n: int) -> dict:
    """Role ``i`` of ``n``: a step up to the next role (the last one ends the path: next moves never go round in
    a circle), a sideways move to the one after, two questions."""
    title = f"Generated Role {i:04d}"
    relations = []
    if i + 1 < n:
        relations.append({"to": slug((i + 1) % n), "kind": "next", "note": "A step up."})
    if n > 2:
        relations.append({"to": slug((i + 2) % n), "kind": "lateral", "note": "A move sideways."})
    doc = role_doc(
        slug(i),
        title,
        featured=i < 6,
        aliases=[f"GR {i}", f"Generated {i}"],
        relations=relations,
        faqs=[
            {"question": f"Is {title} a good career?", "answer": "For many people, yes."},
            {"question": f"How do I become a {title}?", "answer": "Start at the junior level."},
        ],
    )
    # Rotate the skills so that different roles ask for different ones (skill pages list many roles).
    for j, level in enumerate(doc["levels"]):
        start = (i + 2 * j) % len(SKILL_SLUGS)
        level["skills"] = [SKILL_SLUGS[(start + k) % len(SKILL_SLUGS)] for k in range(3)]
    return doc


def role_docs(n: int, employer_types: int = 0) -> list[dict]:
    docs = [generated_role(i, n) for i in range(n)]
    shares = {employer_type_slug(k): 0.6 + k / 10 for k in range(employer_types)}
    for doc in docs:
        doc["salaries"]["bands"] += employer_bands(shares=shares)
    return docs


def employer_type_slug(k: int) -> str:
    return f"employer-type-{k}"


def load_generated(directory: Path, n: int, *, employer_types: int = 0):
    """Write ``n`` generated roles to ``directory`` and load them with the real loader; with ``employer_types``,
    that many kinds of employer, each paying every role at every level in the country."""
    ref = reference()
    ref["employer_types"]["employer_types"] = [
        {"slug": employer_type_slug(k), "name": f"Kind {k}", "description": "-", "level_naming": "-", "order": k}
        for k in range(employer_types)
    ]
    return load_roles(directory, *role_docs(n, employer_types), ref=ref)
