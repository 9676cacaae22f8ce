"""Security headers on every kind of response, cookies that scripts and other sites cannot use, and pages
that a strict Content-Security-Policy does not break (no inline script, style or event handler)."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.test import Client

from roles.models import Role
from tests.html import element
from tools.pages import NOT_FOUND, PAGES, PARTIALS

from .helpers import inline_problems

REQUIRED_CSP = {
    "default-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Anything that would let a script in the page run (or a style attribute apply) defeats the policy.
UNSAFE_SOURCES = (
    "'unsafe-inline'",
    "'unsafe-eval'",
    "'unsafe-hashes'",
    "'wasm-unsafe-eval'",
    "*",
    "data:",
    "http:",
    "https:",
)
SCRIPT_DIRECTIVES = (
    "script-src",
    "script-src-elem",
    "script-src-attr",
    "style-src",
    "style-src-elem",
    "style-src-attr",
)


def parse_csp(header: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            assert words[0] not in directives, f"{words[0]} twice in {header!r}"
            directives[words[0]] = words[1:]
    return directives


def assert_security_headers(response, what: str) -> None:
    assert "Content-Security-Policy-Report-Only" not in response.headers, what
    csp = parse_csp(response.headers.get("Content-Security-Policy", ""))
    for directive, sources in REQUIRED_CSP.items():
        assert csp.get(directive) == sources, f"{what}: {directive} is {csp.get(directive)}"
    for directive, sources in csp.items():
        for unsafe in ("'unsafe-inline'", "'unsafe-eval'"):
            assert unsafe not in sources, f"{what}: {directive} allows {unsafe}"
        if directive in SCRIPT_DIRECTIVES:
            assert not set(sources) & set(UNSAFE_SOURCES), f"{what}: {directive} {sources}"
    # Scripts and styles fall back to default-src or are 'self' only.
    for directive in ("script-src", "style-src"):
        assert csp.get(directive, ["'self'"]) == ["'self'"], f"{what}: {directive}"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", what
    assert response.headers.get("Referrer-Policy") in (
        "strict-origin-when-cross-origin",
        "same-origin",
        "no-referrer",
    ), what
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin", what
    permissions = response.headers.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions, f"{what}: {permissions!r}"
    assert response.headers.get("X-Frame-Options") in (None, "DENY"), what


def every_response(client: Client) -> list[tuple[str, object]]:
    """(what, response) for every kind of response a visitor or an editor can get."""
    out = []
    for name, url in PAGES.items():
        out.append((name, client.get(url)))
        out.append((f"{name} (from the page cache)", client.get(url)))
        out.append((f"{name} (HEAD)", client.head(url)))
    for name, url in PARTIALS.items():
        out.append((f"htmx partial: {name}", client.get(url, headers={"HX-Request": "true"})))
    out.append(("404", client.get(NOT_FOUND)))
    out.append(("404 outside every pattern", client.get("/no/such/page")))
    out.append(("405", client.post("/roles/")))
    out.append(("admin login page", client.get("/admin/login/?next=/admin/")))
    out.append(("admin redirect to login", client.get("/admin/")))
    out.append(("static file", client.get("/static/css/site.css")))
    out.append(("robots.txt", client.get("/robots.txt")))
    out.append(("sitemap", client.get("/sitemap.xml")))
    out.append(("health check", client.get("/healthz")))
    return out


def test_every_response_has_the_security_headers(client, site_content):
    responses = every_response(client)
    statuses = {what: r.status_code for what, r in responses}
    # The responses are what they say they are (a 404 is not a 200 with headers).
    assert statuses["home"] == statuses["static file"] == statuses["admin login page"] == 200
    assert statuses["htmx partial: catalog-results"] == 200 and statuses["404"] == 404 and statuses["405"] == 405
    assert statuses["admin redirect to login"] == 302
    for what, response in responses:
        assert_security_headers(response, what)


def test_partials_are_partials(client, site_content):
    """The htmx responses checked above really are the fragments (so the headers cover them)."""
    for url in PARTIALS.values():
        html = client.get(url, headers={"HX-Request": "true"}).content.decode()
        # A fragment may hold a <header> (the salary page's heading is in its region), never a <head>.
        assert "<html" not in html and not re.search(r"<head[\s>]", html), url


class TLSClient(Client):
    """Every request arrives over TLS (what .get(url, secure=True) does for one request)."""

    def generic(self, *args, **kwargs):
        kwargs["secure"] = True
        return super().generic(*args, **kwargs)


def https_client(**kwargs) -> Client:
    """Production is behind a load balancer that ends TLS and says so; only that header makes a request secure."""
    return TLSClient(headers={"X-Forwarded-Proto": "https"}, **kwargs)


def test_production_sends_the_headers_and_hsts_over_https(client, site_content, production):
    assert production["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    for what, response in every_response(https_client()):
        assert_security_headers(response, what)
        hsts = response.headers.get("Strict-Transport-Security", "")
        assert hsts.startswith(f"max-age={production['SECURE_HSTS_SECONDS']}"), what
        assert "includeSubDomains" in hsts and "preload" in hsts, what


def test_production_sends_plain_http_to_https(client, site_content, production):
    response = client.get("/roles/")
    assert response.status_code == 301 and response["Location"] == "https://testserver/roles/"
    # No HSTS over plain HTTP (browsers ignore it there), but the rest of the headers.
    assert "Strict-Transport-Security" not in response.headers
    assert_security_headers(response, "redirect to https")


def test_production_trusts_only_the_load_balancers_https_header(client, site_content, production):
    assert https_client().get("/roles/").status_code == 200
    # The load balancer saying "http" wins over how the request reached this server.
    assert TLSClient().get("/roles/", headers={"X-Forwarded-Proto": "http"}).status_code == 301


def test_hsts_as_override_settings_would_set_it(client, site_content, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    assert client.get("/", secure=True).headers["Strict-Transport-Security"].startswith("max-age=3600")
    assert "Strict-Transport-Security" not in client.get("/").headers


# --- cookies ------------------------------------------------------------------------------------


def cookie_flags(morsel) -> dict:
    return {"secure": bool(morsel["secure"]), "httponly": bool(morsel["httponly"]), "samesite": morsel["samesite"]}


def test_public_pages_set_no_cookies(client, site_content):
    for name, url in PAGES.items():
        assert not client.get(url).cookies, name


def test_csrf_and_session_cookies_are_secure_httponly_and_samesite(db, production):
    client = https_client()
    user = get_user_model().objects.create_superuser("boss", "boss@example.in", "a-long-admin-password")
    login_page = client.get("/admin/login/")
    csrf = login_page.cookies["csrftoken"]
    assert cookie_flags(csrf) == {"secure": True, "httponly": True, "samesite": "Lax"}

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": user.username, "password": "a-long-admin-password", "next": "/admin/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    session = response.cookies["sessionid"]
    assert cookie_flags(session) == {"secure": True, "httponly": True, "samesite": "Lax"}
    assert client.get("/admin/").status_code == 200


def test_the_admin_login_form_works_with_an_httponly_csrf_cookie(db, production):
    """The token comes from the form, not from JavaScript: a browser that enforces CSRF can log in."""
    client = https_client(enforce_csrf_checks=True)
    get_user_model().objects.create_superuser("boss", "boss@example.in", "a-long-admin-password")
    html = client.get("/admin/login/").content.decode()
    token = element(html, "input", name="csrfmiddlewaretoken")["value"]
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "boss", "password": "a-long-admin-password", "csrfmiddlewaretoken": token},
        headers={"Referer": "https://testserver/admin/login/"},
    )
    assert response.status_code == 302


# --- nothing inline, so the policy breaks nothing -----------------------------------------------


def test_inline_patterns_catch_what_they_should():
    bad = '<p style="color:red"><script>x()</script><a href="javascript:x()" onclick="y()">'
    assert len(inline_problems(bad)) == 4
    good = (
        '<script src="/static/a.js" defer></script><script type="application/ld+json">{}</script><p class="x">on=1</p>'
    )
    assert inline_problems(good) == []


def test_no_public_page_has_inline_script_style_or_handlers(client, site_content):
    urls = {**PAGES, "404": NOT_FOUND}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code in (200, 404), name
        assert inline_problems(response.content.decode()) == [], name
    for name, url in PARTIALS.items():
        html = client.get(url, headers={"HX-Request": "true"}).content.decode()
        assert inline_problems(html) == [], name


def test_error_pages_have_nothing_inline():
    from django.template import loader

    for name in ("404.html", "500.html", "503.html"):
        try:
            html = loader.get_template(name).render({})
        except Exception:  # 404.html may need a request context; rendered through a real 404 above
            continue
        assert inline_problems(html) == [], name


def test_the_admin_works_under_the_policy(admin_client, site_content):
    """The admin screens editors use ship their scripts as files: the strict policy does not break them."""
    role = Role.objects.get(slug="machine-learning-engineer")
    for url in [
        "/admin/",
        "/admin/roles/role/",
        f"/admin/roles/role/{role.pk}/change/",
        "/admin/roles/skill/",
        "/admin/salaries/salaryband/",
        "/admin/careers/faq/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)
        assert inline_problems(response.content.decode()) == [], url
