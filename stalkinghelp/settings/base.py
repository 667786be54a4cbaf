"""Settings shared by every environment. Everything that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path

from django.core.files.storage import FileSystemStorage
from jinja2 import StrictUndefined

from .caches import cache_from_url
from .database import database_settings
from .email import email_settings
from .env import admin_path, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

# The admin lives under a path of our choosing; dev and test default it, production must set it.
ADMIN_PATH = admin_path("admin")

INSTALLED_APPS = [
    # The default admin site is accounts' StaffAdminSite: two-factor sign-in, review dashboard.
    "accounts.admin_config.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "crispy_forms",
    "crispy_forms_gds",
    "csp",
    "simple_history",
    "django_prose_editor",
    "stalkinghelp",
    "signposting",
    "content",
    "partners",
    # Pages and service descriptions in other languages, each with its own draft and history.
    "translations",
    # Changes that need a second person: working copies, approvals, schedules.
    "approvals",
    # accounts comes before two_factor so its templates replace two_factor's CDN-styled ones.
    "accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "axes",
]

MIDDLEWARE = [
    # Outermost, so it sees every response last: it enforces the no-cookie and header rules.
    "stalkinghelp.middleware.PublicPrivacyMiddleware",
    # The address's language, before anything renders a page: the 4xx refusals, the page
    # cache's copies (kept per address, so per prefix) and the outage page are all in it.
    "stalkinghelp.language.AddressLanguageMiddleware",
    # Outside the page cache and the outage fallback, so every open-data answer has CORS.
    "stalkinghelp.open_data.OpenDataCorsMiddleware",
    # A bad Host, a chunked body or a NUL gets a clear 4xx before anything reads it.
    "stalkinghelp.request_checks.RequestChecksMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # One read of the content token per request, however many kept copies the request uses.
    "stalkinghelp.content_generation.OneReadPerRequest",
    # Scheduled changes land on the first request after their moment, before any cached copy.
    "approvals.schedule.ScheduledChangesMiddleware",
    # Whole public pages as sent (compressed, with every header), so a hit skips the rest.
    "stalkinghelp.page_cache.PageCacheMiddleware",
    # Pages compressed as served; WhiteNoise already serves static files pre-compressed.
    "django.middleware.gzip.GZipMiddleware",
    # Inside GZip, so the ETag is the page's own; answers If-None-Match with 304.
    "django.middleware.http.ConditionalGetMiddleware",
    # Fills the empty 405s of Django's method checks with a sentence a person can read.
    "stalkinghelp.error_messages.ClearErrorMessageMiddleware",
    "csp.middleware.CSPMiddleware",
    # Sessions, CSRF, sign-in, messages and audit only under the admin path (see the module).
    "stalkinghelp.staff_middleware.StaffSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "stalkinghelp.staff_middleware.StaffCsrfViewMiddleware",
    "stalkinghelp.staff_middleware.StaffAuthenticationMiddleware",
    "stalkinghelp.staff_middleware.StaffOTPMiddleware",
    "stalkinghelp.staff_middleware.StaffMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "stalkinghelp.staff_middleware.staff_history_request_middleware",
    # A view failing on the database gets the page's last good copy or the emergency page.
    "stalkinghelp.outage.DatabaseOutageMiddleware",
    # Last, as django-axes requires: it turns a lockout flagged during sign-in into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stalkinghelp.urls"
WSGI_APPLICATION = "stalkinghelp.wsgi.application"

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
                "stalkinghelp.context_processors.site",
            ],
        },
    },
    # Only the help-finder's results content (signposting.results_page): the one page that
    # is rendered for every visit, so its per-visit part needs a template engine that is fast.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "undefined": StrictUndefined,  # a misspelt name fails loudly, never renders as ""
            "environment": "stalkinghelp.jinja2_environment.environment",
            "extensions": ["jinja2.ext.i18n"],
            "trim_blocks": True,
            "lstrip_blocks": True,
        },
    },
]

# Bounded in time (see the module): a database that hangs gives the outage fallback.
DATABASES = {
    "default": database_settings(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        connect_timeout=env_int("DATABASE_CONNECT_TIMEOUT", 2),
        statement_timeout=env_int("DATABASE_STATEMENT_TIMEOUT", 3),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# One cache shared by every worker (see .caches): the file cache in var/cache unless
# DJANGO_CACHE_URL names Redis. Never local memory where more than one process serves.
CACHES = {"default": cache_from_url(env_str("DJANGO_CACHE_URL", ""), BASE_DIR / "var" / "cache")}
# Public pages are rendered at most once per this many seconds per address (stalkinghelp.
# page_cache), and at once after any change in the admin: as long as browsers may keep them.
PAGE_CACHE_SECONDS = env_int("DJANGO_PAGE_CACHE_SECONDS", 300)
# How long a page's last good copy is kept, to serve while the database is down.
PAGE_CACHE_KEEP_SECONDS = 30 * 24 * 60 * 60
# Public forms take a few short answers; a bigger body is refused before it is parsed.
DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Staff sign-in: two factors, lockout (issue 5) ------------------------------------
# Axes first: it refuses a locked-out account or address before a password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Every staff session must be verified with a second factor (TOTP, or a backup code).
# Only dev.py may switch this off; production.py forces it on.
ADMIN_REQUIRE_2FA = True
# two_factor's own admin patch would always redirect; accounts.admin_site decides instead.
TWO_FACTOR_PATCH_ADMIN = False
# The sign-in, setup and backup-code pages live under the admin path (stalkinghelp.urls), so
# their cookies stay scoped to it like the admin's.
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"
# Lockout (accounts.lockout.lockout_parameters): by the pair (account, address), so one
# person's typos never lock out an office sharing an address; and by address alone once it
# has failed on SIGN_IN_ACCOUNTS_PER_ADDRESS accounts, so spraying accounts is stopped.
AXES_FAILURE_LIMIT = env_int("DJANGO_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = "accounts.lockout.lockout_parameters"
SIGN_IN_ACCOUNTS_PER_ADDRESS = env_int("DJANGO_SIGN_IN_ACCOUNTS_PER_ADDRESS", 5)
# A wrong authenticator code makes the next try wait a moment (django-otp doubles the wait,
# from this many seconds, with each wrong code in a row), never a lock: the right code
# that follows works. A right code resets it.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
AXES_RESET_ON_SUCCESS = True
# The same page whether or not the account exists, without echoing the username back.
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# How many reverse proxies we run in front of gunicorn (each appends to X-Forwarded-For).
# Without it every visitor shares the proxy's address and one person could lock out all staff.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"

LANGUAGE_CODE = "en-gb"
# The one list of languages (issue 16), each named in its own script for the header's
# language links, English first. Each has its address prefix (/pl/...) and nothing
# else chooses it: no cookie, no session, no Accept-Language (stalkinghelp.language).
# Adding a language is a line here, a .po file and its translated pages: no code.
LANGUAGES = [
    ("en-gb", "English"),
    ("pl", "Polski"),
    ("ur", "اردو"),
    ("ar", "العربية"),
    ("ro", "Română"),
    ("zh-hans", "简体中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Outside the code if you like (the front proxy serves it, so its user must read it).
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        # The manifest lists every file: kept in var/static, out of STATIC_ROOT, so neither
        # WhiteNoise nor a proxy serving STATIC_ROOT publishes it.
        "OPTIONS": {"manifest_storage": FileSystemStorage(location=BASE_DIR / "var" / "static")},
    },
}
# Hashed file names never change, so browsers and CDNs may keep them for a year.
WHITENOISE_MAX_AGE = 31536000

# --- Cookies: only the admin may set any, and only under its own path -------------------
SESSION_COOKIE_PATH = "/" + ADMIN_PATH
CSRF_COOKIE_PATH = "/" + ADMIN_PATH
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
# The site's 403 page, with the emergency strip, not Django's.
CSRF_FAILURE_VIEW = "stalkinghelp.views.csrf_failure"
# Django's check looks for its own CsrfViewMiddleware by name; ours is its subclass,
# checking every admin request and no public one (stalkinghelp.staff_middleware).
# tests/security/test_error_pages_and_health.py proves an admin POST without a token fails.
SILENCED_SYSTEM_CHECKS = ["security.W003"]
# A working day, and gone when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# --- Headers --------------------------------------------------------------------------
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=()"
# Public pages may be kept by browsers and a CDN for a short while; they carry no personal data.
PUBLIC_CACHE_MAX_AGE = env_int("DJANGO_PUBLIC_CACHE_MAX_AGE", 300)

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Ofcom's drama numbers (01632 960xxx, 07700 900xxx) reach nobody: a live directory refuses
# them (signposting.phone). Test and dev settings allow them for made-up services.
PHONE_DRAMA_NUMBERS_ALLOWED = False

# --- Email: approvers are told of changes waiting for them (see .email) ---------------
globals().update(email_settings("django.core.mail.backends.console.EmailBackend"))
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "stalking-help@localhost")

# --- Site -----------------------------------------------------------------------------
# Where the quick exit goes: a neutral, busy site that explains nothing.
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
SITE_NAME = env_str("SITE_NAME", "Stalking Help Nottinghamshire")

# --- The police area this site serves (README: "Running this site for another police area")
# Copy speaks of the area with these; which services are local, and which fills each role
# (999, the force's non-emergency line and online report, the local advocates ...), is
# the directory's to say (manage.py import_directory).
AREA = {
    # As in "help in ...", "helps women in ...".
    "name": env_str("AREA_NAME", "Nottingham and Nottinghamshire"),
    # As in "Do you live in ...?", "Only for people who live in ...".
    "live_in": env_str("AREA_LIVE_IN", "Nottingham or Nottinghamshire"),
    # One or two words for the site's header.
    "short_name": env_str("AREA_SHORT_NAME", "Nottinghamshire"),
    # The open data's service_areas[].name for local services.
    "service_area": env_str(
        "AREA_SERVICE_AREA",
        "Nottinghamshire police area: Nottingham city and Nottinghamshire county",
    ),
}
# The HSDS 3.0 standard's folder (its schema/compiled/service.json), for import_directory.
HSDS_STANDARD_DIR = env_str("HSDS_STANDARD_DIR", str(BASE_DIR.parent / "shared/standards/hsds-3.0"))
# Absolute base for canonical links, QR codes and feeds, e.g. https://stalkinghelp.example.org
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
