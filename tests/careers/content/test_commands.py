"""checkcontent and loadcontent over the real fixtures: counts, refusals, and every role's pages render."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from roles.models import Role, RoleFamily

from .helpers import FIXTURES, ContentCopy, role_files

COUNTS = re.compile(
    r"roles: (?P<roles>\d+) \((?P<published>\d+) published\), families: (?P<families>\d+), "
    r"skills: (?P<skills>\d+), locations: (?P<locations>\d+), employer types: (?P<employer_types>\d+), "
    r"salary bands: (?P<bands>\d+), by employer type: (?P<by_type>\d+), rarely hiring: (?P<rarely>\d+), "
    r"FAQs: (?P<faqs>\d+)"
)


def _published_files() -> set[str]:
    return {
        path.stem
        for path in role_files()
        if json.loads(path.read_text(encoding="utf-8")).get("status", "published") == "published"
    }


def test_checkcontent_passes_on_the_real_fixtures_and_prints_counts(db):
    out = StringIO()
    call_command("checkcontent", stdout=out)
    match = COUNTS.search(out.getvalue())
    assert match, out.getvalue()
    counts = {key: int(value) for key, value in match.groupdict().items()}
    assert counts["roles"] == len(role_files()) and counts["published"] >= 40
    assert counts["families"] >= 8 and counts["locations"] >= 7
    # Every published role is paid at four levels in every location.
    assert counts["bands"] == counts["published"] * 4 * counts["locations"]
    # And in the country by every employer type, at four levels, unless it rarely hires the role.
    assert counts["employer_types"] == 4 and counts["rarely"] < counts["published"]
    assert counts["by_type"] == (counts["published"] * counts["employer_types"] - counts["rarely"]) * 4
    assert "Content check passed." in out.getvalue()


def test_checkcontent_lists_a_target_not_met_and_passes_as_loadcontent_would_load(db, content_copy: ContentCopy):
    """Completeness targets (two questions a role) are listed, not refused: the loader takes such a role too."""
    name = role_files()[0].name
    content_copy.edit(f"roles/{name}", lambda d: d.update(faqs=d["faqs"][:1]))
    out = StringIO()
    call_command("checkcontent", dir=content_copy.root, stdout=out)
    assert "Below the site's targets (1;" in out.getvalue()
    assert f"roles/{name}: faqs: faqs:" in out.getvalue()
    assert "Content check passed." in out.getvalue()


def test_checkcontent_fails_on_a_rule_the_loader_applies(db, content_copy: ContentCopy):
    """Equal medians at every level: once only checkcontent objected; now both refuse, with the same words."""
    name = role_files()[0].name

    def flat_pay(doc):
        for band in doc["salaries"]["bands"]:
            band.update(low=900_000, median=900_000, high=900_000)

    content_copy.edit(f"roles/{name}", flat_pay)
    err = StringIO()
    with pytest.raises(CommandError, match="loadcontent would refuse it"):
        call_command("checkcontent", dir=content_copy.root, stdout=StringIO(), stderr=err)
    assert f"roles/{name}: salaries.bands: median-rises: in india the mid median is not above" in err.getvalue()
    load_err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("loadcontent", dir=content_copy.root, stdout=StringIO(), stderr=load_err)
    assert sorted(load_err.getvalue().splitlines()) == sorted(err.getvalue().splitlines())
    assert not Role.objects.exists()


def test_checkcontent_fails_on_a_schema_error_naming_the_file_and_path(db, content_copy: ContentCopy):
    name = role_files()[0].name
    content_copy.edit(
        f"roles/{name}", lambda d: d["salaries"]["bands"][2].update(low=d["salaries"]["bands"][2]["high"] + 1)
    )
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("checkcontent", dir=content_copy.root, stdout=StringIO(), stderr=err)
    assert f"roles/{name}: salaries.bands[2]: pay must satisfy low <= median <= high" in err.getvalue()


def test_loadcontent_loads_every_real_role(site_content):
    assert set(Role.objects.published().values_list("slug", flat=True)) == _published_files()
    assert Role.objects.published().count() >= 40
    assert RoleFamily.objects.filter(roles__status=Role.Status.PUBLISHED).distinct().count() >= 8


def test_the_real_fixtures_export_byte_for_byte_as_loaded(site_content, tmp_path):
    """exportcontent after loadcontent gives back every file as it is in fixtures/: pay by employer type included."""
    call_command("exportcontent", dir=tmp_path, stdout=StringIO())
    for folder in ("reference", "roles"):
        for path in sorted((FIXTURES / folder).glob("*.json")):
            assert (tmp_path / folder / path.name).read_bytes() == path.read_bytes(), f"{folder}/{path.name}"


def test_every_published_role_renders_all_its_pages(site_content, client):
    failures = []
    roles = Role.objects.published().prefetch_related("role_levels__level")
    for role in roles:
        urls = [reverse(name, args=[role.slug]) for name in ("role_detail", "career_path", "role_salary")]
        urls += [reverse("career_level", args=[role.slug, rl.level.slug]) for rl in role.role_levels.all()]
        assert len(urls) == 7, role.slug
        failures += [f"{url}: {status}" for url in urls if (status := client.get(url).status_code) != 200]
    assert not failures, "\n".join(failures)
