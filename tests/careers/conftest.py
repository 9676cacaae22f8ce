"""Fixtures for the discovery pages' tests: a small catalog built for search; views counted without the page cache."""

from __future__ import annotations

import copy

import pytest

from tests.factories import load_roles, role_doc

from .helpers import zoo_reference


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
