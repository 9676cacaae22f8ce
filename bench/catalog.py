"""A synthetic catalog in the fixture format: thousands of complete roles on the real reference data.

Titles are made from three word lists (industry x field x job: "Fintech Data Engineer"), so 10,000
roles read like a real catalog and a search for "data engineer" finds a few dozen, not all of them.
Every role has the four levels, four or five skills per level from the real skills catalogue, pay for
every level in all seven locations and in India by each employer type, three moves to other roles, aliases
and questions; texts are as long as the real ones, so a page weighs what a real page weighs. The same seed
gives the same catalog.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "fixtures" / "reference"

INDUSTRIES = [
    "Fintech",
    "Healthcare",
    "Retail",
    "Logistics",
    "Insurance",
    "Telecom",
    "Gaming",
    "Media",
    "Travel",
    "Automotive",
    "Energy",
    "Agritech",
    "Edtech",
    "Govtech",
    "Banking",
    "Pharma",
    "Manufacturing",
    "Real Estate",
    "Hospitality",
    "Aerospace",
    "Payments",
    "Marketplace",
    "Cybersecurity",
    "Biotech",
    "Legal",
]
FIELDS = [
    "Data",
    "Cloud",
    "Security",
    "Mobile",
    "Platform",
    "Web",
    "Embedded",
    "Analytics",
    "AI",
    "Network",
    "Quality",
    "Infrastructure",
    "Product",
    "Design",
    "Research",
    "Integration",
    "Payments",
    "Search",
    "Identity",
    "Observability",
]
JOBS = [
    "Engineer",
    "Analyst",
    "Developer",
    "Architect",
    "Manager",
    "Scientist",
    "Specialist",
    "Consultant",
    "Administrator",
    "Designer",
    "Lead",
    "Strategist",
    "Tester",
    "Operator",
    "Researcher",
    "Planner",
    "Programmer",
    "Technologist",
    "Advisor",
    "Coordinator",
]
# No two places alike: the content check refuses a place whose figures copy another's.
CITY_FACTORS = {
    "india": 1.0,
    "bengaluru": 1.18,
    "hyderabad": 1.1,
    "pune": 1.04,
    "mumbai": 1.12,
    "delhi-ncr": 1.08,
    "chennai": 0.97,
}
# Pay in India by employer type, against the all-employer figure (a published role is paid by every one).
EMPLOYER_FACTORS = {"it-services": 0.7, "product": 1.5, "gcc": 1.1, "startup": 1.05}
LEVEL_PAY = {"junior": (6, 8, 11), "mid": (11, 14, 19), "senior": (19, 23, 29), "lead": (27, 31, 38)}  # lakh
WORK = {
    "junior": "You carry out well-defined tasks with a senior close by, learn how the team plans, builds and "
    "reviews its work, and ship small changes to {what} that are tested, documented and easy to maintain.",
    "mid": "You own features from start to finish, choose the right tools for each problem and automate the "
    "repetitive parts of {what}. You review other people's work and begin to mentor the juniors on the team.",
    "senior": "You lead the hardest projects and decide how they should be built, balancing speed, cost and "
    "reliability. Your reviews and designs raise the standard of the whole team working on {what}.",
    "lead": "You set the direction for {what} across several teams, grow the people around you and agree the "
    "plan with the business. Here the path forks: some manage a team, others stay hands-on as a principal.",
}
FAQS = [
    (
        "Is {title} a good career in India?",
        "Demand for {lower}s has grown steadily across product companies, global capability centres and "
        "start-ups. The work is varied, pay rises quickly with experience, and the skills carry over to "
        "neighbouring roles, so the career keeps its options open as the market changes.",
    ),
    (
        "How do I become a {title} without experience?",
        "Start with the skills the junior level asks for, build two or three small projects that show them "
        "working end to end, and write about what you learned. Internships, open-source contributions and "
        "internal moves from a neighbouring team are the usual ways in.",
    ),
    (
        "What does a {title} do every day?",
        "Most days mix planned work with reviews and conversations: building and testing changes, looking at "
        "how live systems behave, agreeing priorities with the team and helping colleagues unblock their work.",
    ),
]


def title_parts(count: int) -> list[tuple[str, str, str]]:
    """``count`` distinct (industry, field, job), every industry before a field and job repeat."""
    combos = [(i, f, j) for j in JOBS for f in FIELDS for i in INDUSTRIES]
    if not 4 <= count <= len(combos):
        raise ValueError(f"between 4 and {len(combos)} synthetic roles")
    return combos[:count]


def slugify(title: str) -> str:
    return "-".join(title.lower().replace("&", "and").split())


def role_doc(index: int, parts: tuple[str, str, str], slugs: list[str], skills: list[str], families: list[str]) -> dict:
    rng = random.Random(index)
    industry, field, job = parts
    title = " ".join(parts)
    slug = slugs[index]
    lower = title.lower()
    what = f"{industry.lower()} {field.lower()} work"
    picked = rng.sample(skills, 14)
    levels = []
    for n, level in enumerate(("junior", "mid", "senior", "lead")):
        start = n * 3
        levels.append(
            {
                "level": level,
                "title": {
                    "junior": f"Junior {title}",
                    "mid": title,
                    "senior": f"Senior {title}",
                    "lead": f"Lead {title}",
                }[level],
                "what_you_do": WORK[level].format(what=what),
                "skills": picked[start : start + 4 + (n % 2)],
                "manager_track": f"{title} Manager" if level == "lead" else "",
                "specialist_track": f"Principal {title}" if level == "lead" else "",
            }
        )
    # Next moves only lead to a later role, so they never go round in a circle (the loader refuses one);
    # the last role ends its path.
    others: list[int] = []
    while len(others) < 2:
        other = rng.randrange(len(slugs))
        if other != index and other not in others:
            others.append(other)
    relations = [
        {"to": slugs[others[0]], "kind": "lateral", "note": "Shares most of the skills; the problems differ."},
        {
            "to": slugs[others[1]],
            "kind": "lateral",
            "note": "A sideways move that keeps the same tools and adds new users.",
        },
    ]
    later = [i for i in range(index + 1, min(index + 40, len(slugs))) if i not in others]
    if later:
        step_up = rng.choice(later)
        relations.insert(
            0, {"to": slugs[step_up], "kind": "next", "note": "A natural step up once you lead the work end to end."}
        )
    scale = 0.8 + rng.random() * 0.6
    bands = []
    for location, factor in CITY_FACTORS.items():
        for level, (low, median, high) in LEVEL_PAY.items():
            f = scale * factor * 100_000
            bands.append(
                {
                    "location": location,
                    "level": level,
                    "low": int(round(low * f, -4)),
                    "median": int(round(median * f, -4)),
                    "high": int(round(high * f, -4)),
                }
            )
    for employer_type, factor in EMPLOYER_FACTORS.items():
        for level, (low, median, high) in LEVEL_PAY.items():
            f = scale * factor * 100_000
            bands.append(
                {
                    "location": "india",
                    "level": level,
                    "employer_type": employer_type,
                    "low": int(round(low * f, -4)),
                    "median": int(round(median * f, -4)),
                    "high": int(round(high * f, -4)),
                }
            )
    return {
        "slug": slug,
        "title": title,
        "family": families[index % len(families)],
        "status": "published",
        "featured": index < 6,
        "aliases": [f"{field} {job} ({industry})", f"{industry} {job}"],
        "summary": (
            f"{'An' if title[0] in 'AEIOU' else 'A'} {lower} plans, builds and improves the {what} that a "
            f"{industry.lower()} business depends on. The job sits between the people who use the systems and the "
            "engineers who run them: turning needs into working software, keeping it reliable and affordable, and "
            "explaining trade-offs in plain words."
        ),
        "body": (
            f"{title}s work in product companies, global capability centres and service firms across India. "
            "The role owns a clear slice of the business and is measured by what it ships and how well it runs.\n\n"
            "Most people arrive from a neighbouring engineering or analysis role. The job rewards people who write "
            "clearly, learn fast and care about the users of what they build as much as about the technology.\n\n"
            "Early on you ship parts of the work under guidance. With experience you own whole systems, then set "
            "the direction for a team, and finally choose between leading people and going deeper as a principal."
        ),
        "levels": levels,
        "relations": relations,
        "salaries": {
            "currency": "INR",
            "period": "year",
            "source": "Synthetic benchmark figures",
            "as_of": "2026-10-01",
            "bands": bands,
        },
        "faqs": [
            {"question": q.format(title=title), "answer": a.format(lower=lower)} for q, a in FAQS[: 2 + index % 2]
        ],
    }


def write_catalog(directory: Path, count: int) -> list[str]:
    """Write the real reference data and ``count`` synthetic roles under ``directory``; return the role slugs."""
    shutil.copytree(REFERENCE, directory / "reference", dirs_exist_ok=True)
    skills = [s["slug"] for s in json.loads((REFERENCE / "skills.json").read_text())["skills"]]
    families = [f["slug"] for f in json.loads((REFERENCE / "families.json").read_text())["families"]]
    names = title_parts(count)
    slugs = [slugify(" ".join(parts)) for parts in names]
    roles = directory / "roles"
    roles.mkdir(parents=True, exist_ok=True)
    for index, parts in enumerate(names):
        doc = role_doc(index, parts, slugs, skills, families)
        (roles / f"{doc['slug']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    write_titles(directory / "reference" / "titles.json", slugs)
    return slugs


def write_titles(path: Path, slugs: list[str]) -> None:
    """The real job titles, each real role they name replaced by a synthetic one.

    The loader refuses a title that names a role the catalog does not have, and the real roles are not in it;
    keeping the titles (rather than none) keeps the title pages and the translator as heavy as they really are.
    The same real role always becomes the same synthetic one."""
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    real = sorted({role for title in data["titles"] for role in title.get("roles", [])})
    stand_in = {role: slugs[i % len(slugs)] for i, role in enumerate(real)}
    for title in data["titles"]:
        if "roles" in title:
            # dict.fromkeys: two real roles may share a stand-in when the catalog has fewer roles than the real one.
            title["roles"] = list(dict.fromkeys(stand_in[role] for role in title["roles"]))
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
