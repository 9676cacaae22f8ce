"""One settings module; everything that differs between machines comes from the environment.

Zero-setup default: SQLite and the local-memory cache, DEBUG on. Production sets DJANGO_DEBUG=0,
DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL and REDIS_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# "production" turns on every protection and refuses an unsafe configuration (see the end of this file).
PRODUCTION = os.environ.get("DJANGO_ENV", "development") == "production"
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

DEBUG = env_bool("DJANGO_DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "" if PRODUCTION else DEV_SECRET_KEY)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")

# The absolute address of the public site, used for canonical URLs and sitemaps.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Career Paths"
# The other name search engines may show for the site (WebSite JSON-LD on the home page).
SITE_ALTERNATE_NAME = "Career Paths India"

# Where readers report a wrong figure (the methodology page, /about/data/, gives it).
CORRECTIONS_EMAIL = os.environ.get("CORRECTIONS_EMAIL", "corrections@example.org")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # whitenoise's runserver_nostatic keeps dev and production serving static files the same way.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_htmx",
    "axes",
    # Every content change is kept as a revision that editors can compare and restore.
    "reversion",
    "roles",
    "salaries",
    "titles",
    "careers",
]

MIDDLEWARE = [
    # First, so that its line covers every request, including those answered by static files or the cache.
    "careers.web.middleware.RequestLogMiddleware",
    # Outside everything else, so that a HEAD request's headers (length, ETag) are those of the GET.
    "careers.web.middleware.HeadResponseMiddleware",
    # Above SecurityMiddleware, so that its redirect to https carries these headers too.
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "careers.web.middleware.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, so static files skip everything below.
    "careers.web.middleware.StaticFilesMiddleware",
    # Below whitenoise, so static files keep the brotli and gzip copies collectstatic made and never reach it; above
    # the page cache, which answers with the compressed bodies it stores, so this compresses only what was rendered
    # now (uncached pages, the 404 page); below HeadResponseMiddleware, so a HEAD gets the GET's coded length. The
    # CSP and security headers are added above it and do not depend on the body.
    "careers.web.compression.CompressionMiddleware",
    # Before sessions and auth: a cached public page is served without touching either, so it
    # never gains a Vary: Cookie. Requests that carry a session cookie bypass it.
    "careers.web.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "roles.redirects.RenamedRoleRedirectMiddleware",
    # Last, as django-axes asks: it turns a lock-out into its response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and locks an account (and address) out for a while.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The lock-out page looks like the admin and says for how long (careers/admin/refusals.py).
AXES_LOCKOUT_CALLABLE = "careers.admin.refusals.locked_out"

# Only editors log in, through the admin: after a login whose ?next= was refused (another site, a bad URL)
# they land on the admin's index, not on Django's default /accounts/profile/, which this site does not have.
LOGIN_URL = "admin:login"
LOGIN_REDIRECT_URL = "admin:index"

ROOT_URLCONF = "careers.urls"
WSGI_APPLICATION = "careers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careers.context_processors.site",
            ],
            # {% url %} with each path worked out once per process: Django's own reverses on every use, and a
            # career path has ~68 of them (careers/web/reverse.py). Listed after Django's builtins, so it wins.
            "builtins": ["careers.templatetags.urls"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, reusing its redis-py client (careers/web/redis_cache.py).
            "BACKEND": "careers.web.redis_cache.SharedRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "careers"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-in"
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# From the environment so that a deploy (or the benchmark) can collect static files outside the tree.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed names and compressed copies in production; plain storage when DEBUG so that
        # no collectstatic is needed to run the site or the tests.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

# In development whitenoise serves straight from the app and project static folders, so that
# no collectstatic is needed; production serves the hashed, compressed copies in STATIC_ROOT.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Whole public pages are cached until what they show changes (careers/web/page_cache.py, page_tags.py).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Whether every process shares the cache (Redis): then a page's freshness is read from the cache alone and a warm hit
# runs no query. A cache of the process's own (local memory under several workers) cannot see another process's
# saves, so each hit also reads the database's content version (careers/web/page_cache.py).
PAGE_CACHE_SHARED = env_bool("PAGE_CACHE_SHARED", bool(REDIS_URL))
# With a shared cache, each worker also keeps the pages it served last (this many bytes of them) and asks the shared
# cache only for their tags at each hit: one round trip instead of two (careers/web/local_pages.py).
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(8 * 1024 * 1024)))

# Where loadcontent reads and exportcontent writes.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR", BASE_DIR / "fixtures"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"refused_request": {"()": "careers.web.logs.RefusedRequestFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "refused": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["refused_request"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # A refused request (bad Host header, too many fields) is one warning line, not an error's traceback.
        "django.security": {"handlers": ["refused"], "level": "WARNING", "propagate": False},
        # careers.requests writes the one line per request; django.server would write a second one.
        "django.server": {"level": "WARNING"},
        # Lock-outs are warnings; axes' start-up chatter is not worth a line.
        "axes": {"level": "WARNING"},
    },
}

# --- security headers (every response) ---------------------------------------------------------
# No inline script or style anywhere: whole pages are cached, so a per-request nonce is impossible.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The admin reads the CSRF token from the form, never from JavaScript.
CSRF_COOKIE_HTTPONLY = True

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # TLS ends at the load balancer, which says so in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Behind the load balancer every request comes from its address: count failed logins per real client.
    AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "1"))
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL if SITE_URL.startswith("https://") else "")

    problems = []
    if DEBUG:
        problems.append("DJANGO_DEBUG must be off")
    if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        problems.append("DJANGO_SECRET_KEY must be set to a random value of at least 50 characters")
    if not ALLOWED_HOSTS:
        problems.append("DJANGO_ALLOWED_HOSTS must name the site's hosts")
    if problems:
        raise ImproperlyConfigured("Refusing to start in production: " + "; ".join(problems) + ".")
