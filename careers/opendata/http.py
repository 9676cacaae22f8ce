"""Downloads answered like pages: an ETag from the content version, Last-Modified, revalidated on every use (304).

The ETag is known before anything is read, so a conditional request costs one query and no body, and a streamed
download (which the page cache cannot keep) is revalidated as cheaply as a cached page.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from careers.models import ContentVersion
from careers.web.page_cache import PUBLIC_CACHE_CONTROL

from .licence import LICENCE_URL
from .schemas import FORMAT_VERSION

JSON = "application/json; charset=utf-8"
SCHEMA_JSON = "application/schema+json; charset=utf-8"
CSV = "text/csv; charset=utf-8; header=present"
CSVW = "application/csvm+json; charset=utf-8"


class Conditional:
    """The validators of the content as it stands, and the 304 (or 412) a conditional request gets."""

    def __init__(self, request: HttpRequest):
        self.version, self.changed_at = ContentVersion.current()
        # The body quotes SITE_URL ($schema, $id): a different address is a different representation.
        site = hashlib.sha256(settings.SITE_URL.encode()).hexdigest()[:8]
        self.etag = f'"data-{FORMAT_VERSION}-{self.version}-{site}"'
        self.not_modified = get_conditional_response(
            request, etag=self.etag, last_modified=int(self.changed_at.timestamp())
        )

    def finish[R: HttpResponse | StreamingHttpResponse](self, response: R) -> R:
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.changed_at.timestamp())
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        # Open data: any site may fetch it from a browser.
        response["Access-Control-Allow-Origin"] = "*"
        response["Link"] = f'<{LICENCE_URL}>; rel="license"'
        return response


def whole(conditional: Conditional, body: bytes, content_type: str) -> HttpResponse:
    return conditional.finish(HttpResponse(body, content_type=content_type))


def streamed(conditional: Conditional, pieces: Iterable[bytes], content_type: str) -> StreamingHttpResponse:
    return conditional.finish(StreamingHttpResponse(pieces, content_type=content_type))
