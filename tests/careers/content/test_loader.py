"""loadcontent: a good load, each kind of bad input refused with its place and reason, idempotence, round trip."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from careers.content.export import export_content
from careers.content.load import load_content
from careers.content.reader import ContentError
from careers.models import FAQ
from roles.models import Role, RoleLevel, RoleLevelSkill, RoleRelation
from salaries.models import SalaryBand
from tests.factories import load_roles, reference, role_doc, write_content

from .helpers import snapshot

pytestmark = pytest.mark.django_db


def test_a_good_load_writes_everything(tmp_path):
    report = load_roles(tmp_path, role_doc("data-scientist", faqs=[{"question": "Q?", "answer": "A."}]))
    role = Role.objects.get(slug="data-scientist")
    assert role.status == "published"
    assert [rl.level.slug for rl in role.role_levels.order_by("level__order")] == ["junior", "mid", "senior", "lead"]
    assert [s.slug for s in role.role_levels.get(level__slug="junior").skills] == ["python", "sql"]
    assert SalaryBand.objects.filter(role=role).count() == 8
    assert FAQ.objects.get(role=role).answer == "A."
    assert report.changed


def test_a_second_load_changes_nothing_and_says_so(tmp_path):
    directory = write_content(tmp_path, [role_doc("data-scientist"), role_doc("data-engineer")])
    call_command("loadcontent", dir=directory, stdout=StringIO())
    before, updated_at = snapshot(), list(Role.objects.values_list("updated_at", flat=True))
    out = StringIO()
    call_command("loadcontent", dir=directory, stdout=out)
    assert "Nothing changed" in out.getvalue()
    assert snapshot() == before
    assert list(Role.objects.values_list("updated_at", flat=True)) == updated_at


def test_a_changed_file_updates_only_what_changed(tmp_path):
    doc = role_doc("data-scientist")
    load_roles(tmp_path, doc)
    doc["salaries"]["bands"][0]["high"] = 1_300_000
    doc["levels"][0]["skills"] = ["sql", "python"]
    report = load_content(directory=write_content(tmp_path, [doc]))
    assert report.counts["salary bands"] == [0, 1, 0]
    assert report.counts["level skills"] == [0, 2, 0]
    assert report.counts["roles"] == [0, 0, 0]
    junior = RoleLevel.objects.get(role__slug="data-scientist", level__slug="junior")
    assert [s.slug for s in junior.skills] == ["sql", "python"]


def test_removed_children_are_deleted(tmp_path):
    doc = role_doc("data-scientist", faqs=[{"question": "Q1?", "answer": "A."}, {"question": "Q2?", "answer": "B."}])
    load_roles(tmp_path, doc)
    doc["faqs"] = doc["faqs"][:1]
    report = load_content(directory=write_content(tmp_path, [doc]))
    assert report.counts["FAQs"] == [0, 0, 1]
    assert list(FAQ.objects.values_list("question", flat=True)) == ["Q1?"]


def _bad(tmp_path, mutate):
    """Load a good catalog, then a broken copy; return the problems, having checked nothing changed."""
    good = [role_doc("data-scientist"), role_doc("data-engineer")]
    load_roles(tmp_path / "good", *good)
    before = snapshot()
    broken = json.loads(json.dumps(good))
    ref = reference()
    mutate(broken, ref, tmp_path / "bad")
    directory = tmp_path / "bad"
    if not (directory / "roles").exists():
        write_content(directory, broken, ref)
    with pytest.raises(ContentError) as refused:
        load_content(directory=directory)
    assert snapshot() == before, "a refused load must leave the database as it was"
    return [str(p) for p in refused.value.problems]


def test_unknown_skill_is_refused_with_file_and_path(tmp_path):
    def mutate(roles, ref, d):
        roles[0]["levels"][2]["skills"].append("cobol")

    problems = _bad(tmp_path, mutate)
    assert problems == ["bad/roles/data-scientist.json: levels[2].skills[1]: unknown skill 'cobol'"] or any(
        p.endswith("roles/data-scientist.json: levels[2].skills[1]: unknown skill 'cobol'") for p in problems
    )


def test_relation_to_missing_role_is_refused(tmp_path):
    def mutate(roles, ref, d):
        roles[0]["relations"] = [{"to": "astronaut", "kind": "next", "note": ""}]

    [problem] = _bad(tmp_path, mutate)
    assert "data-scientist.json: relations[0].to: no role has the slug 'astronaut'" in problem


def test_pay_out_of_order_is_refused(tmp_path):
    def mutate(roles, ref, d):
        roles[1]["salaries"]["bands"][3]["low"] = 99_000_000

    [problem] = _bad(tmp_path, mutate)
    assert "data-engineer.json: salaries.bands[3]:" in problem
    assert "low <= median <= high" in problem


def test_missing_field_and_wrong_type_are_refused(tmp_path):
    def mutate(roles, ref, d):
        del roles[0]["summary"]
        roles[1]["featured"] = "yes"

    problems = _bad(tmp_path, mutate)
    assert any("data-scientist.json: summary: Field required" in p for p in problems)
    assert any("data-engineer.json: featured: Input should be a valid boolean" in p for p in problems)


def test_unknown_key_is_refused(tmp_path):
    def mutate(roles, ref, d):
        roles[0]["levels"][0]["salary"] = 5

    [problem] = _bad(tmp_path, mutate)
    assert "levels[0].salary: Extra inputs are not permitted" in problem


def test_invalid_json_is_refused_with_its_line(tmp_path):
    def mutate(roles, ref, d):
        write_content(d, roles, ref)
        (d / "roles" / "data-engineer.json").write_text('{"slug": "data-engineer",\n  "title": }', encoding="utf-8")

    [problem] = _bad(tmp_path, mutate)
    assert "data-engineer.json: (whole document): is not valid JSON: Expecting value at line 2" in problem


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    def mutate(roles, ref, d):
        write_content(d, roles, ref)
        (d / "roles" / "data-engineer.json").write_bytes('{"title": "Ingénieur"}'.encode("latin-1"))

    [problem] = _bad(tmp_path, mutate)
    assert "data-engineer.json: (whole document): is not UTF-8 text" in problem


def test_slug_must_match_file_name(tmp_path):
    def mutate(roles, ref, d):
        write_content(d, roles, ref)
        (d / "roles" / "data-engineer.json").rename(d / "roles" / "engineer.json")

    [problem] = _bad(tmp_path, mutate)
    assert "engineer.json: slug: 'data-engineer' does not match the file name 'engineer.json'" in problem


def test_missing_reference_file_and_unknown_family(tmp_path):
    def mutate(roles, ref, d):
        roles[0]["family"] = "astronomy"

    [problem] = _bad(tmp_path, mutate)
    assert "data-scientist.json: family: unknown family 'astronomy'" in problem


def test_published_role_needs_every_level(tmp_path):
    def mutate(roles, ref, d):
        roles[0]["levels"] = roles[0]["levels"][:3]

    problems = _bad(tmp_path, mutate)
    assert any("data-scientist.json: levels: a published role needs every level; missing lead" in p for p in problems)


def test_command_prints_every_problem_and_fails(tmp_path):
    doc = role_doc("data-scientist")
    doc["levels"][0]["skills"] = ["cobol"]
    directory = write_content(tmp_path, [doc])
    err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("loadcontent", dir=directory, stdout=StringIO(), stderr=err)
    assert "levels[0].skills[0]: unknown skill 'cobol'" in err.getvalue()
    assert not Role.objects.exists()


def test_export_gives_back_the_loaded_documents(tmp_path):
    docs = [
        role_doc(
            "data-scientist",
            aliases=["DS"],
            faqs=[{"question": "Q?", "answer": "A."}],
            relations=[{"to": "data-engineer", "kind": "lateral", "note": "Close."}],
        ),
        role_doc("data-engineer"),
    ]
    docs[1]["salaries"]["bands"][0]["source"] = "Editor's correction"
    source = write_content(tmp_path / "in", docs)
    load_content(directory=source)
    export_content(directory=tmp_path / "out")
    for path in sorted((source / "roles").glob("*.json")) + sorted((source / "reference").glob("*.json")):
        exported = tmp_path / "out" / path.parent.name / path.name
        original = json.loads(path.read_text())
        if path.parent.name == "reference":
            key = path.stem
            original[key] = sorted(original[key], key=lambda d: (d.get("order", 0), d["slug"]))
        assert json.loads(exported.read_text()) == original, path.name


def test_export_then_load_into_an_empty_database_is_identical(tmp_path):
    load_roles(tmp_path / "in", role_doc("data-scientist", aliases=["DS"]))
    export_content(directory=tmp_path / "out")
    before = snapshot()
    for model in [FAQ, SalaryBand, RoleRelation, RoleLevelSkill, RoleLevel, Role]:
        model.objects.all().delete()
    report = load_content(directory=tmp_path / "out")
    assert report.counts["roles"][0] == 1
    after = snapshot()
    # Primary keys differ after a reload; compare what the rows say.
    assert Role.objects.get().title == "Data Scientist"
    assert len(after["SalaryBand"]) == len(before["SalaryBand"])
    export_content(directory=tmp_path / "again")
    for path in (tmp_path / "out" / "roles").glob("*.json"):
        assert (tmp_path / "again" / "roles" / path.name).read_text() == path.read_text()
