"""Refusals that compare the files with the database: an empty role folder, a slug that redirects to another
role, a title held by a role renamed in the admin. Each names its file, its JSON path and the role involved,
and the database stays as it was."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from careers.content.load import load_content
from careers.content.reader import ContentError
from roles.editing import record_rename
from roles.models import RemovedRole, Role, RoleSlugHistory
from tests.factories import load_roles, role_doc, write_content

from .helpers import snapshot

pytestmark = pytest.mark.django_db


def _refused(directory) -> list[str]:
    before = snapshot(), list(RoleSlugHistory.objects.values_list("slug", "role__slug"))
    with pytest.raises(ContentError) as refused:
        load_content(directory=directory)
    assert (snapshot(), list(RoleSlugHistory.objects.values_list("slug", "role__slug"))) == before
    return [str(p) for p in refused.value.problems]


def _rename(slug: str, new_slug: str, new_title: str | None = None) -> Role:
    """What the admin does when an editor renames a role."""
    role = Role.objects.get(slug=slug)
    role.slug = new_slug
    role.title = new_title or role.title
    role.save()
    record_rename(role=role, old_slug=slug)
    return role


def test_an_empty_role_folder_is_refused_saying_what_the_database_holds(tmp_path):
    load_roles(tmp_path / "full", role_doc("data-scientist"), role_doc("data-engineer"))
    [problem] = _refused(write_content(tmp_path / "empty", []))
    assert problem.endswith(
        "empty/roles: (whole document): no role files: refusing to load an empty catalogue "
        "(the database has 2 roles that the files lack)"
    )


def test_the_command_refuses_an_empty_folder_too(tmp_path):
    err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("loadcontent", dir=write_content(tmp_path, []), stdout=StringIO(), stderr=err)
    assert "no role files: refusing to load an empty catalogue (the database has 0 roles" in err.getvalue()


def test_roles_without_a_file_are_left_alone(tmp_path):
    load_roles(tmp_path / "both", role_doc("data-scientist"), role_doc("data-engineer"))
    load_roles(tmp_path / "one", role_doc("data-scientist", summary="Changed."))
    assert Role.objects.get(slug="data-engineer").summary == "Data Engineers do useful things with data."
    assert Role.objects.get(slug="data-scientist").summary == "Changed."


def test_a_new_role_on_a_slug_that_redirects_to_another_role_is_refused(tmp_path):
    """A renamed role's old slug keeps redirecting: a new role file may not take it over silently."""
    load_roles(tmp_path / "first", role_doc("data-scientist"))
    _rename("data-scientist", "ml-scientist")
    newcomer = role_doc("data-scientist", "Data Scientist (New)")
    renamed = role_doc("ml-scientist", "Data Scientist")
    [problem] = _refused(write_content(tmp_path / "second", [newcomer, renamed]))
    assert problem.endswith(
        "roles/data-scientist.json: slug: 'data-scientist' is an old slug of the role 'Data Scientist' "
        "(ml-scientist): its addresses redirect there. Choose another slug, or delete that redirect in the admin first"
    )
    assert RoleSlugHistory.objects.get(slug="data-scientist").role.slug == "ml-scientist"


def test_a_title_held_by_a_role_renamed_in_the_admin_is_refused_not_a_traceback(tmp_path):
    """Once an IntegrityError: the files still have the old slug, the database the role under its new one."""
    load_roles(tmp_path / "first", role_doc("data-scientist", "Data Scientist"))
    _rename("data-scientist", "data-science-lead")
    stale = role_doc("data-scientist-two", "Data Scientist")
    [problem] = _refused(write_content(tmp_path / "stale", [stale]))
    assert "roles/data-scientist-two.json: title: 'Data Scientist' is already the title of the role " in problem
    assert "(data-science-lead) in the database, which has no file here" in problem


def test_an_old_slug_in_a_file_may_not_be_another_roles_slug_or_redirect(tmp_path):
    load_roles(tmp_path / "first", role_doc("data-scientist"), role_doc("data-engineer"))
    _rename("data-engineer", "analytics-engineer")
    doc = role_doc("data-scientist", old_slugs=["data-engineer"])
    [problem] = _refused(write_content(tmp_path / "second", [doc]))
    assert problem.endswith(
        "roles/data-scientist.json: old_slugs[0]: 'data-engineer' already redirects to the role "
        "'Data Engineer' (analytics-engineer)"
    )


def test_the_same_file_rules_hold_without_any_database_row(tmp_path):
    """A slug that the files both remove (410) and give to a role is refused before anything is written."""
    ref_dir = write_content(tmp_path, [role_doc("data-scientist")])
    (ref_dir / "reference" / "removed.json").write_text(
        '{"removed": [{"slug": "data-scientist", "title": "Data Scientist"}]}', encoding="utf-8"
    )
    [problem] = _refused(ref_dir)
    assert "reference/removed.json: removed[0].slug: 'data-scientist' is removed, yet " in problem
    assert not RemovedRole.objects.exists()


def test_two_roles_may_swap_titles_in_one_load(tmp_path):
    """Each title stays unique before and after, though not row by row on the way: the load still goes through."""
    load_roles(tmp_path / "a", role_doc("data-scientist", "Alpha"), role_doc("data-engineer", "Beta"))
    load_roles(
        tmp_path / "b", role_doc("data-scientist", "Beta"), role_doc("data-engineer", "Alpha"), role_doc("x", "Gamma")
    )
    assert dict(Role.objects.values_list("slug", "title")) == {
        "data-scientist": "Beta",
        "data-engineer": "Alpha",
        "x": "Gamma",
    }
