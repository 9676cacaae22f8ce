"""Whatever a role file holds, loadcontent and checkcontent answer with a refusal that names the file (and the
place in it), never a traceback, and a refused load leaves the database exactly as it was.

Hypothesis breaks a valid role document in generated ways: a value anywhere replaced by any JSON value
(huge numbers, NaN, NUL characters, lone surrogates, deep nesting), a key removed or added or written twice,
the text cut short or spliced. Examples are derandomised, so every run checks the same inputs.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careers.content.load import load_content
from careers.content.reader import ContentError
from tests.factories import role_doc, write_content

from .helpers import snapshot

VICTIM = "roles/data-scientist.json"
GOOD_DOCS = [
    role_doc("data-scientist", relations=[{"to": "data-engineer", "kind": "lateral", "note": "Close."}]),
    role_doc("data-engineer"),
]

text = st.text(st.characters(codec=None, exclude_categories=()), max_size=20) | st.sampled_from(
    ["", "\x00", "\ud800", "python", "data-engineer", "2026-02-30", "USD", "next", "lead", " "]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**15), max_value=10**15)
    | st.sampled_from([10**13, -1, 0, "@HUGE@"])  # @HUGE@: a number of 5,000 digits, written into the text
    | st.floats(allow_nan=True, allow_infinity=True)
    | text
)
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3)
)


def _places(doc: object, path: tuple = ()) -> list[tuple]:
    """Every path to a value in ``doc``, as key/index tuples."""
    places = [path]
    if isinstance(doc, dict):
        for key, value in doc.items():
            places += _places(value, (*path, key))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            places += _places(value, (*path, i))
    return places


def _set(doc: dict, path: tuple, value: object) -> object:
    if not path:
        return value
    parent = doc
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return doc


@st.composite
def broken_documents(draw) -> str:
    """The text of a role file, broken in one or two generated ways."""
    doc = json.loads(json.dumps(GOOD_DOCS[0]))
    for _ in range(draw(st.integers(1, 2))):
        places = _places(doc)
        path = draw(st.sampled_from(places))
        kind = draw(st.sampled_from(["replace", "remove", "add", "nest"]))
        if kind == "replace":
            doc = _set(doc, path, draw(json_values))
        elif kind == "remove" and path:
            parent = doc
            for part in path[:-1]:
                parent = parent[part]
            del parent[path[-1]]
        elif kind == "add":
            target = doc
            for part in path:
                target = target[part]
            if isinstance(target, dict):
                target[draw(text)] = draw(json_values)
        elif kind == "nest":
            depth = draw(st.sampled_from([2, 65, 1_000, 100_000]))
            doc = _set(doc, path, "@NEST@")
            break
        if not isinstance(doc, dict):
            break
    body = json.dumps(doc, indent=1, ensure_ascii=draw(st.booleans()), allow_nan=True)
    body = body.replace('"@HUGE@"', "7" + "0" * 5000)
    if "@NEST@" in body:
        body = body.replace('"@NEST@"', "[" * depth + "]" * depth, 1)
    how = draw(st.sampled_from(["as is", "as is", "cut", "splice", "repeat a key"]))
    if how == "cut":
        body = body[: draw(st.integers(0, max(len(body) - 1, 0)))]
    elif how == "splice":
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.sampled_from(["{", "]", '"', ",", ":", "\\", "\x00", "\ud800", "NaN"])) + body[at:]
    elif how == "repeat a key":
        lines = body.splitlines()
        keyed = [i for i, line in enumerate(lines) if re.match(r'\s*"[^"]+": ', line)]
        if keyed:
            i = draw(st.sampled_from(keyed))
            line = lines[i].rstrip(",")
            lines.insert(i, line + ",")
            body = "\n".join(lines)
    return body


@pytest.fixture
def good_directory(db, tmp_path) -> Path:
    directory = write_content(tmp_path / "good", GOOD_DOCS)
    load_content(directory=directory)
    return directory


@settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=broken_documents())
def test_a_broken_role_file_is_refused_cleanly_and_changes_nothing(good_directory: Path, body: str):
    with tempfile.TemporaryDirectory() as scratch:
        directory = Path(scratch) / "fixtures"
        shutil.copytree(good_directory, directory)
        (directory / VICTIM).write_text(body, encoding="utf-8", errors="surrogatepass")
        before = snapshot()
        try:
            load_content(directory=directory)
        except ContentError as exc:
            assert exc.problems, "a refusal says why"
            for problem in exc.problems:
                assert problem.file and str(problem).startswith(f"{problem.file}: "), problem
                assert problem.reason and "Traceback" not in problem.reason
            assert snapshot() == before, "a refused load must leave the database as it was"
            refused = True
        else:
            # Some changes are still valid content (a different summary): that load may stand. Put the
            # good content back for the next example.
            load_content(directory=good_directory)
            refused = False
        # checkcontent reads the same input with the same rules: a clean answer, never a traceback.
        err = StringIO()
        try:
            call_command("checkcontent", dir=directory, stdout=StringIO(), stderr=err)
        except CommandError:
            assert refused, "checkcontent refused what loadcontent took:\n" + err.getvalue()
            assert err.getvalue().strip()
        else:
            assert not refused, "checkcontent passed what loadcontent refused"
