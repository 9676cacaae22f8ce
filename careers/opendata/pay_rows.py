"""Pay as CSV: one row per published role × level × location × employer type ("all" for all employers), streamed.

Rows come from one query read in chunks (``.iterator(chunk_size=…)``), so a worker holds a chunk, never the table;
the CSV-on-the-web metadata (``metadata()``) describes the columns and carries the licence.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.conf import settings
from django.db.models import F
from django.urls import reverse

from salaries.models import SalaryBand

from .licence import LICENCE_TITLE, LICENCE_URL, attribution

ALL_EMPLOYERS = "all"
ROW_CHUNK = 2000
STREAM_PIECE = 64 * 1024

# name, CSV-on-the-web datatype, what the column holds
COLUMNS: list[tuple[str, str, str]] = [
    ("role", "string", "The role's slug: its address is /roles/<role>/"),
    ("role_title", "string", "The role's title"),
    ("level", "string", "The level's slug (reference/levels.json in the catalog)"),
    ("location", "string", "The location's slug: the country, or a city (reference/locations.json)"),
    ("employer_type", "string", 'The kind of employer (reference/employer_types.json), or "all" for all employers'),
    ("low", "integer", "The low figure: pay a year, in whole units of the currency"),
    ("median", "integer", "The median figure: pay a year, in whole units of the currency"),
    ("high", "integer", "The high figure: pay a year, in whole units of the currency"),
    ("currency", "string", "ISO 4217 code of the currency"),
    ("as_of", "date", "The date the figure was set or last reviewed"),
    ("source", "string", "Where the figure comes from"),
]
HEADER = [name for name, _, _ in COLUMNS]


def pay_rows() -> Iterator[tuple]:
    """Every published role's bands as CSV rows, ordered by role, level, location, then all employers first."""
    bands = (
        SalaryBand.objects.published()
        .order_by(
            "role__slug",
            "level__order",
            "location__order",
            "location__slug",
            F("employer_type__order").asc(nulls_first=True),
            "employer_type__slug",
        )
        .values_list(
            "role__slug",
            "role__title",
            "level__slug",
            "location__slug",
            "employer_type__slug",
            "low",
            "median",
            "high",
            "currency",
            "as_of",
            "source",
        )
    )
    for row in bands.iterator(chunk_size=ROW_CHUNK):
        yield (*row[:4], row[4] or ALL_EMPLOYERS, *row[5:9], row[9].isoformat(), row[10])


def pay_csv_chunks() -> Iterator[bytes]:
    """The CSV (RFC 4180: CRLF line ends, UTF-8), in pieces of about ``STREAM_PIECE`` bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in pay_rows():
        writer.writerow(row)
        if buffer.tell() >= STREAM_PIECE:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def metadata() -> dict:
    """The CSV's CSV-on-the-web metadata (W3C, ``pay.csv-metadata.json``): its columns, key and licence."""
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": settings.SITE_URL + reverse("opendata_pay_csv"),
        "dc:title": f"Pay by role, level, location and kind of employer ({settings.SITE_NAME})",
        "dc:description": (
            "Editorial estimates of yearly pay for technology roles in India, from publicly reported pay; "
            "not survey data. How they are made: " + settings.SITE_URL + reverse("methodology")
        ),
        "dc:license": {"@id": LICENCE_URL, "dc:title": LICENCE_TITLE},
        "dc:rights": "Credit: " + attribution(),
        "dc:publisher": {"schema:name": settings.SITE_NAME, "schema:url": {"@id": settings.SITE_URL + "/"}},
        "dialect": {"header": True, "encoding": "utf-8", "lineTerminators": ["\r\n"]},
        "tableSchema": {
            "columns": [
                {"name": name, "titles": name, "datatype": datatype, "dc:description": about, "required": True}
                for name, datatype, about in COLUMNS
            ],
            "primaryKey": ["role", "level", "location", "employer_type"],
        },
    }
