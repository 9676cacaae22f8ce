"""Helpers for the discovery pages' tests: page text, internal links, and a small catalog built for search."""

from __future__ import annotations

import copy
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from tests.factories import load_roles, reference, role_doc


def text_of(response) -> str:
    """The visible text of <main>, tags dropped and spaces collapsed, as a reader sees it."""
    html = response.content.decode()
    main = re.search(r"<main.*?</main>", html, re.S)
    body = re.sub(r"<[^>]+>", " ", main.group(0) if main else html)
    return re.sub(r"\s+", " ", unescape(body)).strip()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def internal_links(response) -> list[str]:
    """Every site-internal <a href> on the page (fragments dropped), each once, in page order."""
    parser = _Links()
    parser.feed(response.content.decode())
    seen: dict[str, None] = {}
    for href in parser.hrefs:
        path = href.split("#", 1)[0]
        if path.startswith("/") and not path.startswith("//"):
            seen.setdefault(path)
    return list(seen)


def zoo_reference() -> dict:
    ref = reference()
    ref["skills"]["skills"].append(
        {"slug": "zebra-care", "name": "Zebra Care", "kind": "practice", "description": "Zebras."}
    )
    return ref


@pytest.fixture
def zoo(db, tmp_path):
    """Four roles that each match "zebra" one way, titled so that alphabetical order is the reverse of rank."""
    bison = role_doc("bison-herder", "Bison Herder")
    bison["levels"][1]["skills"] = ["statistics", "zebra-care"]
    roles = [
        role_doc("zebra-keeper", "Zebra Keeper"),
        role_doc("cat-trainer", "Cat Trainer", aliases=["Zebra Trainer"]),
        bison,
        role_doc("aardvark-vet", "Aardvark Vet", summary="Looks after zebra herds and other animals."),
        role_doc("devops-engineer", "DevOps Engineer", aliases=["Build and Release Engineer"], featured=True),
        role_doc("data-scientist", "Data Scientist", featured=True),
    ]
    load_roles(tmp_path, *copy.deepcopy(roles), ref=zoo_reference())
    return roles


@pytest.fixture
def view_queries(settings):
    """Count only what the view itself reads: the whole-page cache (its content-version lookup) is off."""
    settings.PAGE_CACHE_ENABLED = False
