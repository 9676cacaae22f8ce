"""The pay grid's employer-type axis (salaries.pay_grid): a group of rows per employer type in each place, the
"rarely hires" boxes, the rule a published role's pay must meet (salaries.rules, as the content check), the edit
conflicts and the history that follow the new rows, and the publish action asking the same rule."""

import html as html_lib

import pytest
from django.urls import reverse
from reversion.models import Version

from roles.models import Role
from salaries.models import RarelyHiring, SalaryBand
from tests.factories import employer_bands, load_roles, reference, role_doc

from .formdata import form_data, pay_input, rarely_input
from .test_role_screen import change_url, current_form, errors_of, post

FIGURES = ("low", "median", "high")
LEVELS = ("junior", "mid", "senior", "lead")


@pytest.fixture
def paid(db, tmp_path):
    """A scientist paid by both employer types; an engineer whom IT services rarely hire."""
    scientist = role_doc("data-scientist", "Data Scientist")
    scientist["salaries"]["bands"] += employer_bands()
    engineer = role_doc("data-engineer", "Data Engineer")
    engineer["salaries"]["bands"] += employer_bands(shares={"product": 1.3})
    engineer["salaries"]["rarely_hired_by"] = ["it-services"]
    load_roles(tmp_path, scientist, engineer, ref=reference(employer_types=True))
    return Role.objects.get(slug="data-scientist"), Role.objects.get(slug="data-engineer")


def band(role, employer_type: str, level: str = "senior", location: str = "india") -> SalaryBand:
    return SalaryBand.objects.get(
        role=role, employer_type__slug=employer_type, level__slug=level, location__slug=location
    )


def empty_rows(data: dict, employer_type: str, levels=LEVELS, location: str = "india") -> None:
    for level in levels:
        for figure in FIGURES:
            data[pay_input(level, location, figure, employer_type)] = [""]


def test_a_group_per_employer_type_in_each_place_cities_folded_away(editor_client, paid):
    scientist, engineer = paid
    html = editor_client.get(change_url(scientist)).content.decode()
    data = form_data(html)
    figures = [name for name in data if name.startswith("salary_bands-") and name.rsplit("-", 1)[1] in FIGURES]
    assert len(figures) == 3 * 2 * 4 * 3  # (all, two employer types) × two places × four levels × three figures
    assert data[pay_input("senior", "india", "median", "product")] == ["3360000"]
    assert 'aria-label="Senior · India · Product company median"' in html
    main, folded = html.split('class="pay-optional"')
    assert ">India · Product company<" in main and ">Bengaluru · Product company<" in folded
    assert "By kind of employer in each city (optional: 2 empty groups)" in folded
    # The boxes: none ticked for the scientist, IT services for the engineer.
    assert rarely_input("it-services") not in data
    assert form_data(editor_client.get(change_url(engineer)).content.decode())[rarely_input("it-services")] == ["on"]


def test_a_median_by_employer_type_is_saved_and_named_in_the_history(editor_client, paid):
    scientist, _ = paid
    data = current_form(editor_client, scientist)
    data[pay_input("senior", "india", "median", "product")] = ["35,00,000"]
    assert post(editor_client, scientist, data).status_code == 302
    assert band(scientist, "product").median == 3_500_000
    assert SalaryBand.objects.filter(role=scientist).count() == 16
    comment = Version.objects.get_for_object(scientist)[0].revision.comment
    assert "Senior · India · Product company" in comment


def test_a_city_by_employer_type_is_typed_into_the_folded_group(editor_client, paid):
    scientist, _ = paid
    data = current_form(editor_client, scientist)
    for figure, value in zip(FIGURES, ("3000000", "3600000", "4400000"), strict=True):
        data[pay_input("senior", "bengaluru", figure, "product")] = [value]
    assert post(editor_client, scientist, data).status_code == 302
    assert band(scientist, "product", location="bengaluru").median == 3_600_000
    main = editor_client.get(change_url(scientist)).content.decode().split('class="pay-optional"')[0]
    assert ">Bengaluru · Product company<" in main, "a group with figures is never folded away"


def test_a_published_role_needs_pay_from_every_employer_type_that_hires_it(editor_client, paid):
    scientist, _ = paid
    data = current_form(editor_client, scientist)
    empty_rows(data, "it-services", levels=("lead",))
    page = html_lib.unescape(errors_of(post(editor_client, scientist, data)))
    assert (
        "IT services and consulting hires this role, yet has no pay in India at Lead / Principal / Manager. Fill "
        "those rows, tick that it rarely hires the role, or save the role as a draft."
    ) in page
    assert SalaryBand.objects.filter(role=scientist, employer_type__slug="it-services").count() == 4

    # Said to rarely hire the role, it needs no pay at all.
    empty_rows(data, "it-services")
    data[rarely_input("it-services")] = ["on"]
    assert post(editor_client, scientist, data).status_code == 302
    assert not SalaryBand.objects.filter(role=scientist, employer_type__slug="it-services").exists()
    assert list(RarelyHiring.objects.filter(role=scientist).values_list("employer_type__slug", flat=True)) == [
        "it-services"
    ]


def test_a_draft_may_lack_pay_by_employer_type(editor_client, paid):
    scientist, _ = paid
    data = current_form(editor_client, scientist)
    data["status"] = ["draft"]
    empty_rows(data, "product")
    assert post(editor_client, scientist, data).status_code == 302
    assert not SalaryBand.objects.filter(role=scientist, employer_type__slug="product").exists()


def test_an_employer_type_with_pay_cannot_be_ticked_as_rarely_hiring(editor_client, paid):
    scientist, _ = paid
    data = current_form(editor_client, scientist)
    data["status"] = ["draft"]  # refused for a draft too: the content check refuses it in any file
    data[rarely_input("product")] = ["on"]
    page = html_lib.unescape(errors_of(post(editor_client, scientist, data)))
    assert "Product company ticked as rarely hiring this role, yet with pay: empty those rows or untick it." in page
    assert not RarelyHiring.objects.filter(role=scientist).exists()


def test_unticking_needs_the_pay_it_then_lacks(editor_client, paid):
    _, engineer = paid
    data = current_form(editor_client, engineer)
    del data[rarely_input("it-services")]  # an unticked box is not sent
    page = html_lib.unescape(errors_of(post(editor_client, engineer, data)))
    assert "IT services and consulting hires this role, yet has no pay in India at Entry / Junior, Mid-level" in page
    for level in LEVELS:
        for figure, value in zip(FIGURES, (500_000, 600_000, 700_000), strict=True):
            data[pay_input(level, "india", figure, "it-services")] = [str(value * (LEVELS.index(level) + 1))]
    assert post(editor_client, engineer, data).status_code == 302
    assert not RarelyHiring.objects.filter(role=engineer).exists()
    assert band(engineer, "it-services", "lead").median == 2_400_000


def refused_table(response) -> str:
    assert response.status_code == 200
    page = html_lib.unescape(response.content.decode())
    assert "Not saved" in page
    return page[page.index('class="edit-conflict"') : page.index("</table>", page.index('class="edit-conflict"'))]


def test_edit_conflicts_name_bands_by_employer_type_and_the_boxes(editor_client, other_client, paid):
    _, engineer = paid
    Role.objects.filter(pk=engineer.pk).update(status="draft")
    mine, theirs = current_form(editor_client, engineer), current_form(other_client, engineer)
    theirs[pay_input("senior", "india", "median", "product")] = ["3200000"]
    del theirs[rarely_input("it-services")]
    assert post(other_client, engineer, theirs).status_code == 302

    mine[pay_input("senior", "india", "median", "product")] = ["3300000"]
    table = refused_table(post(editor_client, engineer, mine))
    assert "Salary band “Senior · India · Product company” · Median (changed by both)" in table
    assert "<td>₹31,20,000</td><td>₹32,00,000</td><td>₹33,00,000</td>" in table
    assert "Rarely hires the role: “IT services and consulting”" in table and "removed" in table
    assert band(engineer, "product").median == 3_200_000


def test_the_history_keeps_the_boxes_with_the_pay(editor_client, paid):
    _, engineer = paid
    data = current_form(editor_client, engineer)
    data["status"] = ["draft"]
    del data[rarely_input("it-services")]
    assert post(editor_client, engineer, data).status_code == 302
    newer, older = list(Version.objects.get_for_object(engineer))[:2]
    compare = reverse("admin:roles_role_compare", args=[engineer.pk])
    page = html_lib.unescape(editor_client.get(compare, {"older": older.pk, "newer": newer.pk}).content.decode())
    assert (
        "Employer type that rarely hires the role “Data Engineer · rarely hired by IT services and consulting”" in page
    )
    assert "removed" in page

    # Restoring the older version brings the box back.
    older.revision.revert(delete=True)
    assert RarelyHiring.objects.filter(role=engineer, employer_type__slug="it-services").exists()


def test_the_publish_action_asks_the_same_rule(editor_client, paid):
    scientist, _ = paid
    Role.objects.filter(pk=scientist.pk).update(status="draft")
    SalaryBand.objects.filter(role=scientist, employer_type__slug="product", level__slug="lead").delete()
    changelist = reverse("admin:roles_role_changelist")
    action = {"action": "publish", "_selected_action": [scientist.pk]}
    page = html_lib.unescape(editor_client.post(changelist, action, follow=True).content.decode())
    assert "Not published, because they lack levels or pay" in page and "Data Scientist" in page
    assert Role.objects.get(pk=scientist.pk).status == "draft"

    # Product companies said to rarely hire the role: it is complete, and published.
    product = band(scientist, "product", "junior").employer_type
    SalaryBand.objects.filter(role=scientist, employer_type=product).delete()
    RarelyHiring.objects.create(role=scientist, employer_type=product)
    page = html_lib.unescape(editor_client.post(changelist, action, follow=True).content.decode())
    assert "Published 1 role(s)." in page
    assert Role.objects.get(pk=scientist.pk).status == "published"
