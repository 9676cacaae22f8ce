"""The downloads: what is in them, that they validate against their schemas, that they are revalidated like pages."""

from __future__ import annotations

import csv
import io
import json

import pytest

from careers.opendata.licence import LICENCE_URL
from careers.opendata.pay_rows import HEADER
from salaries.models import SalaryBand

from .helpers import DRAFT, PUBLISHED, body, download_json, valid

pytestmark = pytest.mark.django_db

DOWNLOADS = ["/data/catalog.json", "/data/pay.csv", "/data/pay.csv-metadata.json", f"/roles/{PUBLISHED[0]}.json"]


def pay_rows(client) -> list[dict]:
    response = client.get("/data/pay.csv")
    assert response.status_code == 200
    assert response.streaming
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8"))))


def test_the_catalog_holds_every_published_role_and_validates_against_its_schema(client, with_draft):
    catalog = download_json(client, "/data/catalog.json")
    valid(catalog, "catalog")
    assert sorted(role["slug"] for role in catalog["roles"]) == sorted(PUBLISHED)
    assert catalog["licence"]["url"] == LICENCE_URL
    assert catalog["$schema"].endswith("/data/schema/1.0/catalog.json")
    assert {"families", "levels", "skills", "locations", "employer_types", "removed"} <= set(catalog["reference"])


def test_each_role_document_validates_against_the_role_schema(client, with_draft):
    for slug in PUBLISHED:
        download = download_json(client, f"/roles/{slug}.json")
        valid(download, "role-download")
        valid(download["role"], "role")
        assert download["role"]["slug"] == slug
        assert download["licence"]["url"] == LICENCE_URL


def test_the_reference_lists_validate_against_the_reference_schemas(client, with_draft):
    reference = download_json(client, "/data/catalog.json")["reference"]
    for name in ("families", "levels", "skills", "locations", "employer_types", "removed"):
        valid({name: reference[name]}, name)


def test_the_csv_has_one_row_per_published_band(client, with_draft):
    rows = pay_rows(client)
    assert list(rows[0]) == HEADER
    assert len(rows) == SalaryBand.objects.published().count()
    first = rows[0]
    assert first["employer_type"] == "all"
    assert first["currency"] == "INR" and first["as_of"] == "2026-10-01" and first["source"] == "Test estimate"
    assert int(first["low"]) <= int(first["median"]) <= int(first["high"])
    keys = [(r["role"], r["level"], r["location"], r["employer_type"]) for r in rows]
    assert len(set(keys)) == len(keys)


def test_the_csv_metadata_describes_every_column_and_carries_the_licence(client, with_draft):
    response = client.get("/data/pay.csv")
    assert "/data/pay.csv-metadata.json" in response["Link"]
    metadata = download_json(client, "/data/pay.csv-metadata.json")
    assert metadata["@context"] == "http://www.w3.org/ns/csvw"
    assert [c["name"] for c in metadata["tableSchema"]["columns"]] == HEADER
    assert metadata["dc:license"]["@id"] == LICENCE_URL
    assert metadata["url"].endswith("/data/pay.csv")


def test_drafts_are_in_no_download(client, with_draft):
    for url in DOWNLOADS:
        assert DRAFT.encode() not in body(client.get(url)), url
        assert b"Secret Draft" not in body(client.get(url)), url
    assert client.get(f"/roles/{DRAFT}.json").status_code == 404
    # The published role's move to the draft is left out, so the catalog still loads as it is.
    scientist = download_json(client, f"/roles/{PUBLISHED[0]}.json")["role"]
    assert [rel["to"] for rel in scientist["relations"]] == [PUBLISHED[1]]


def test_an_archived_role_is_in_no_download(client, with_draft):
    from roles.models import Role

    Role.objects.filter(slug=PUBLISHED[1]).update(status=Role.Status.ARCHIVED)
    catalog = download_json(client, "/data/catalog.json")
    assert [role["slug"] for role in catalog["roles"]] == [PUBLISHED[0]]
    assert {row["role"] for row in pay_rows(client)} == {PUBLISHED[0]}
    assert client.get(f"/roles/{PUBLISHED[1]}.json").status_code == 404


@pytest.mark.parametrize("url", DOWNLOADS + ["/data/schema/role.json"])
def test_downloads_are_revalidated_like_pages(client, with_draft, url):
    response = client.get(url)
    assert response["Cache-Control"] == "public, no-cache"
    assert response["ETag"] and response["Last-Modified"]
    assert response["Access-Control-Allow-Origin"] == "*"
    again = client.get(url, headers={"If-None-Match": response["ETag"]})
    assert again.status_code == 304
    assert body(again) == b""


def test_a_content_change_changes_the_etag_of_a_streamed_download(client, with_draft):
    from careers.models import ContentVersion

    before = client.get("/data/pay.csv")["ETag"]
    ContentVersion.bump()
    response = client.get("/data/pay.csv", headers={"If-None-Match": before})
    assert response.status_code == 200
    assert response["ETag"] != before


def test_head_gets_the_headers_and_no_body(client, with_draft):
    response = client.head("/data/catalog.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert body(response) == b""


def test_the_catalog_is_json_one_role_a_line(client, with_draft):
    lines = body(client.get("/data/catalog.json")).decode().splitlines()
    # The envelope and the reference data, then a line per role, then the end of the list.
    assert len(lines) == 2 + len(PUBLISHED)
    for line in lines[1:-1]:
        json.loads(line.rstrip(","))


def test_a_renamed_roles_old_address_moves_to_the_new_one(client, with_draft):
    from roles.models import Role, RoleSlugHistory

    RoleSlugHistory.objects.create(role=Role.objects.get(slug=PUBLISHED[1]), slug="data-plumber")
    response = client.get("/roles/data-plumber.json")
    assert response.status_code == 301
    assert response["Location"] == f"/roles/{PUBLISHED[1]}.json"
