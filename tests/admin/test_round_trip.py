"""What editors change in the admin survives exportcontent → loadcontent into a fresh database."""

from io import StringIO

from django.core.cache import cache
from django.core.management import call_command

from careers.models import FAQ
from roles.models import Role, RoleAlias, RoleLevel, RoleRelation, Skill
from salaries.models import SalaryBand
from tests.html import parse, without

from .formdata import form_data, pay_input
from .test_role_screen import change_url

PAGES = [
    "/roles/data-scientist/",
    "/roles/data-scientist/career-path/",
    "/roles/data-scientist/career-path/junior/",
    "/roles/data-scientist/salary/?location=bengaluru",
    "/roles/data-engineer/to/data-scientist/",
    "/skills/python/",
]


def pages(client) -> dict[str, bytes]:
    cache.clear()
    return {url: client.get(url).content for url in PAGES}


def without_history(page: bytes):
    """The page without what the revision history says (careers.changes: "Last reviewed", the changes list), which
    lives in the database, not in the content files: a fresh database starts a history of its own."""
    tree = parse(page)
    return without(tree, *tree.find_all("p", id="last-reviewed"), *tree.find_all("section", aria_labelledby="changes"))


def test_admin_edits_round_trip_through_the_fixture_files(editor_client, client, two_roles, tmp_path):
    role = Role.objects.get(slug="data-scientist")
    data = form_data(editor_client.get(change_url(role)).content.decode())
    data["summary"] = ["Edited in the admin: data scientists answer questions with evidence."]
    data[pay_input("junior", "bengaluru", "median")] = ["1050000"]
    data["faqs-TOTAL_FORMS"] = [str(int(data["faqs-TOTAL_FORMS"][0]) + 1)]
    data["faqs-1-question"], data["faqs-1-answer"], data["faqs-1-order"] = ["Added?"], ["Yes, in the admin."], ["1"]
    assert editor_client.post(change_url(role), data).status_code == 302
    editor_client.logout()
    before = pages(client)
    assert b"Edited in the admin" in before["/roles/data-scientist/career-path/"]

    call_command("exportcontent", dir=tmp_path, stdout=StringIO())
    exported = (tmp_path / "roles" / "data-scientist.json").read_text()
    assert "Edited in the admin" in exported and '"median": 1050000' in exported and "Yes, in the admin." in exported

    for model in [FAQ, SalaryBand, RoleRelation, RoleAlias, RoleLevel, Role, Skill]:
        model.objects.all().delete()
    call_command("loadcontent", dir=tmp_path, stdout=StringIO())
    after = pages(client)
    assert after.keys() == before.keys()
    for url, page in after.items():
        assert without_history(page) == without_history(before[url]), url
