"""The open-data pages and downloads: how the figures are made, the downloads page, the downloads, their schemas."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from careers.models import ContentVersion
from roles.models import Role

from . import narrative
from .documents import catalog_chunks, role_download
from .http import CSV, CSVW, JSON, SCHEMA_JSON, Conditional, streamed, whole
from .licence import LICENCE_NAME, LICENCE_TITLE, LICENCE_URL, attribution
from .pay_rows import COLUMNS, metadata, pay_csv_chunks
from .reads import first_role, read_methodology
from .schemas import FORMAT_VERSION, SCHEMA_TITLES, SCHEMAS, json_schema
from .sizes import counted, read_download_sizes


def _licence() -> dict:
    return {"name": LICENCE_NAME, "title": LICENCE_TITLE, "url": LICENCE_URL, "attribution": attribution()}


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    figures = read_methodology()
    context = {
        "figures": figures,
        "coverage": narrative.coverage(figures),
        "age": narrative.age(figures),
        "corrections_email": settings.CORRECTIONS_EMAIL,
        "licence": _licence(),
        "crumbs": [("How the figures are made", "")],
    }
    return render(request, "opendata/methodology.html", context)


@require_safe
def downloads(request: HttpRequest) -> HttpResponse:
    figures = read_methodology()
    version, _ = ContentVersion.current()
    sizes = read_download_sizes(version=version, roles=figures.roles)
    context = {
        "figures": figures,
        "catalog_size": narrative.size(sizes["catalog"]),
        "pay_csv_size": narrative.size(sizes["pay_csv"]),
        "metadata_size": narrative.size(len(_json_bytes(metadata()))),
        "example_role": first_role(),
        "columns": COLUMNS,
        "schemas": [(name, SCHEMA_TITLES[name]) for name in SCHEMAS],
        "format_version": FORMAT_VERSION,
        "licence": _licence(),
        "crumbs": [("Open data", "")],
    }
    response = render(request, "opendata/downloads.html", context)
    if None in sizes.values():
        # Not kept by the page cache: once a download has been made whole, the next view shows its size.
        patch_cache_control(response, private=True)
    return response


@require_safe
def catalog_json(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    conditional = Conditional(request)
    if conditional.not_modified:
        return conditional.finish(conditional.not_modified)
    return streamed(conditional, counted("catalog", conditional.version, catalog_chunks()), JSON)


@require_safe
def pay_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    conditional = Conditional(request)
    if conditional.not_modified:
        return conditional.finish(conditional.not_modified)
    response = streamed(conditional, counted("pay_csv", conditional.version, pay_csv_chunks()), CSV)
    # The metadata beside the CSV, as CSV on the Web says to find it.
    described = f'<{reverse("opendata_pay_csv_metadata")}>; rel="describedby"; type="application/csvm+json"'
    response["Link"] = f"{response['Link']}, {described}"
    return response


@require_safe
def pay_csv_metadata(request: HttpRequest) -> HttpResponse:
    conditional = Conditional(request)
    if conditional.not_modified:
        return conditional.finish(conditional.not_modified)
    return whole(conditional, _json_bytes(metadata()), CSVW)


@require_safe
def role_json(request: HttpRequest, role: str) -> HttpResponse | HttpResponsePermanentRedirect:
    conditional = Conditional(request)
    if conditional.not_modified:
        # A 304 only ever answers a request for something the client has: an address that had a role.
        return conditional.finish(conditional.not_modified)
    body = role_download(role)
    if body is None:
        # A renamed role's old address moves for good, as its pages do (roles/redirects.py).
        renamed = Role.objects.published().filter(old_slugs__slug=role).values_list("slug", flat=True).first()
        if renamed is None:
            raise Http404("No published role has this address")
        return HttpResponsePermanentRedirect(reverse("role_json", args=[renamed]))
    return whole(conditional, body, JSON)


@require_safe
def schema_current(request: HttpRequest, name: str) -> HttpResponse:
    return schema_version(request, FORMAT_VERSION, name)


@require_safe
def schema_version(request: HttpRequest, version: str, name: str) -> HttpResponse:
    if version != FORMAT_VERSION or name not in SCHEMAS:
        raise Http404("No such schema")
    conditional = Conditional(request)
    if conditional.not_modified:
        return conditional.finish(conditional.not_modified)
    return whole(conditional, _json_bytes(json_schema(name)), SCHEMA_JSON)


def _json_bytes(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
