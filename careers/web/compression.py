"""Compressed responses: brotli or gzip, as the client's Accept-Encoding asks.

Three parts, used by the middleware below and by the page cache (which stores the compressed bodies, so that a
warm hit compresses nothing):

- ``negotiate``: which coding to send for an Accept-Encoding header (q-values, ``*``, ``identity;q=0``);
- ``compressible``: whether a response may be compressed at all. It holds the one rule against BREACH: a response
  that carries a secret (a CSRF token, anything under /admin/, a cookie, a personal page) is never compressed;
- ``compress`` / ``encoded``: the bytes and the response headers of one coding.

Django's GZipMiddleware only gzips, and pads each body at random against BREACH instead of leaving secrets out.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from typing import Literal

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

Coding = Literal["br", "gzip"]
# Preferred in this order when the client weighs them equally: brotli makes HTML about a fifth smaller than gzip.
CODINGS: tuple[Coding, ...] = ("br", "gzip")
# Below this a coding's own framing and the CPU cost outweigh what it saves (Django's GZipMiddleware says 200).
MIN_LENGTH = 200
# Text that compresses well; images, fonts and archives are compressed already (or not ours: static files).
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/atom+xml", "application/rss+xml")
TEXT_SUFFIXES = ("+json", "+xml")
# brotli's quality 5 is about 13% larger than 11 at a small fraction of the time (/skills/, 66 KB: 1.7 ms instead of
# 122 ms); pages are compressed on every uncached response, so time matters more than the last bytes.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# Either side of a coding's q-value in Accept-Encoding: "br;q=0.8". RFC 9110 allows three decimals.
QVALUE = re.compile(r"(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)")


def _weights(accept_encoding: str) -> dict[str, float]:
    """Each coding named in the header with its weight (lower-cased; "x-gzip" is gzip). An element whose q-value
    is malformed is ignored, as if it were absent."""
    weights: dict[str, float] = {}
    for element in accept_encoding.split(","):
        name, _, params = element.partition(";")
        name = name.strip().lower()
        if not name:
            continue
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                weight = float(value) if QVALUE.fullmatch(value) else -1.0
        if weight < 0:
            continue
        name = "gzip" if name == "x-gzip" else name
        weights[name] = max(weight, weights.get(name, weight))  # named twice: the kinder weight
    return weights


def negotiate(accept_encoding: str | None) -> Coding | None:
    """The coding to send ("br", "gzip") or None for the body as it is.

    No header means the identity (RFC 9110 would allow any coding, but an old client that sends none may not
    decode one). A coding is acceptable when its q-value, or else the q-value of ``*``, is above 0; the highest
    weight wins, brotli before gzip when equal, and a coding before the identity unless the identity weighs more.
    When nothing is acceptable, not even the identity (``identity;q=0, *;q=0``), the body is sent as it is rather
    than refused with a 406: a page the client may not like beats no page.
    """
    if not accept_encoding:
        return None
    weights = _weights(accept_encoding)
    star = weights.get("*")
    best: Coding | None = None
    best_weight = 0.0
    for coding in CODINGS:
        weight = weights.get(coding, star if star is not None else 0.0)
        if weight > best_weight:
            best, best_weight = coding, weight
    if best is None:
        return None
    # The identity counts only when the client named it (or "*"): unnamed, it is the last resort.
    identity = weights.get("identity", star if star is not None else 0.0)
    return None if identity > best_weight else best


def compressible(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether this response may be sent compressed: text, long enough, not encoded already, and carrying no secret.

    The rule against BREACH, in one place: a compressed body whose length an attacker can watch while putting
    text of their choice into the same body gives away the secrets in it, a byte at a time. So nothing that holds
    a secret is compressed at all: the admin (its forms carry CSRF tokens, its pages personal data), any response
    for which a CSRF token was made (``get_token`` marks the request; every form with ``{% csrf_token %}`` does),
    a response that sets a cookie, one marked private, and any request that carries a session (staff, previews).
    The public pages hold no secret, so they are compressed whatever they echo (a search, a parameter).
    """
    control = response.get("Cache-Control", "")
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and (content_type.startswith(TEXT_TYPES) or content_type.endswith(TEXT_SUFFIXES))
        and len(response.content) >= MIN_LENGTH
        and not request.path.startswith("/admin/")
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.cookies
        and "private" not in control
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def compress(body: bytes, coding: Coding) -> bytes:
    """The body in this coding. gzip's header carries no time or name, so the same page gives the same bytes."""
    if coding == "br":
        return brotli.compress(body, mode=brotli.MODE_TEXT, quality=BROTLI_QUALITY)
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def coded_etag(etag: str, coding: Coding | None) -> str:
    """The ETag of one coding of a representation: ``"abc"`` becomes ``"abc-br"`` (weak ones stay weak), so that a
    cache never answers a brotli request's If-None-Match with a gzip copy, or the other way round."""
    if coding is None or not etag.endswith('"'):
        return etag
    return f'{etag[:-1]}-{coding}"'


def encoded(response: HttpResponse, body: bytes, coding: Coding | None) -> HttpResponse:
    """Give the response this coding's body and headers (``None``: the body as it is). Its Vary names
    Accept-Encoding whatever the coding, since another client would get another body."""
    patch_vary_headers(response, ("Accept-Encoding",))
    if coding is None:
        return response
    response.content = body
    response["Content-Encoding"] = coding
    response["Content-Length"] = str(len(body))
    if response.has_header("ETag"):
        response["ETag"] = coded_etag(response["ETag"], coding)
    return response


def negotiated(response: HttpResponse) -> bool:
    """A response whose coding was already chosen further in (by the page cache): leave it alone."""
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",")}
    return response.has_header("Content-Encoding") or "accept-encoding" in vary


class CompressionMiddleware:
    """Compress what ``compressible`` allows in the coding ``negotiate`` picks.

    Placed below whitenoise, whose static files (with their own brotli and gzip copies made at collectstatic) are
    answered before they reach it, and above the page cache, which answers with the stored compressed body; so this
    compresses only what was rendered now and not cached. A body that compression would not make smaller is sent
    as it is.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if negotiated(response) or not compressible(request, response):
            return response
        coding = negotiate(request.headers.get("Accept-Encoding"))
        if coding is None:
            return encoded(response, response.content, None)
        body = compress(response.content, coding)
        if len(body) >= len(response.content):
            return encoded(response, response.content, None)
        return encoded(response, body, coding)
