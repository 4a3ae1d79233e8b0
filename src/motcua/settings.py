"""Settings, read from environment variables with safe defaults.

Everything a deployment changes is an environment variable; everything else is fixed here.

- ``DATABASE_URL``  default ``sqlite:///<MOTCUA_DATA_DIR>/motcua.sqlite3``; ``postgres://…`` selects PostgreSQL.
- ``SECRET_KEY``    required when ``DEBUG`` is off (or ``SECRET_KEY_FILE``, a file holding it); with ``DEBUG`` on
                    (and under pytest) generated once and kept in ``<MOTCUA_DATA_DIR>/secret_key``.
- ``DEBUG``         default off.
- ``ALLOWED_HOSTS`` comma separated, default ``127.0.0.1,localhost``.
- ``TIME_ZONE``     default ``Asia/Ho_Chi_Minh``; ``LANGUAGE_CODE`` default ``vi``.
- ``MOTCUA_DATA_DIR`` the local data folder (database, uploads, collected static), default ``./var``.
- ``MOTCUA_UPLOAD_MAX_MB`` the largest file accepted (default 20); ``MOTCUA_S3_*`` an S3-compatible file store.
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from motcua.files.storage_config import StorageConfigError, file_storage

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("MOTCUA_DATA_DIR", Path.cwd() / "var")).resolve()


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# pytest (>= 8.2) sets PYTEST_VERSION before it loads the settings: the test run, like DEBUG, may use a generated
# key and keeps a per-process cache (each run its own counts).
_TESTING = "PYTEST_VERSION" in os.environ


def _secret_key(debug: bool) -> str:
    """``SECRET_KEY``, else the content of ``SECRET_KEY_FILE``. In production (``DEBUG`` off) one of them must be
    set: a key generated on the spot would differ between machines and change when the data folder is lost,
    silently breaking every signed link and session. Only development and tests get a generated key."""
    if key := os.environ.get("SECRET_KEY", "").strip():
        return key
    if key_path := os.environ.get("SECRET_KEY_FILE", "").strip():
        try:
            key = Path(key_path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"SECRET_KEY_FILE={key_path} cannot be read: {exc.strerror}") from None
        if not key:
            raise ImproperlyConfigured(f"SECRET_KEY_FILE={key_path} is empty")
        return key
    if not (debug or _TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production (DEBUG off) set SECRET_KEY, or SECRET_KEY_FILE to a file that "
            "holds it (e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'); keep it the same on every "
            "server and across restarts. `make run` makes one for the demo in <MOTCUA_DATA_DIR>/secret_key."
        )
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = _flag("DEBUG")
SECRET_KEY = _secret_key(DEBUG)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves the API docs' assets from the package instead of a CDN
    "django_otp",  # officers' second factor (motcua.accounts.second_factor)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "motcua.core",
    "motcua.org",
    "motcua.worktime",
    "motcua.catalog",
    "motcua.dossiers",
    "motcua.files",
    "motcua.documents",
    "motcua.notifications",
    "motcua.workspace",
    "motcua.accounts",
    "motcua.portal",
    "motcua.payments",
    "motcua.satisfaction",
    "motcua.feedback",
    "motcua.reports",
    "motcua.web",
    "motcua.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "motcua.web.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "motcua.core.middleware.InputGuardMiddleware",  # NUL bytes, lone surrogates: 422/400 before any view
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified(): the session passed the second factor
    "django.contrib.messages.middleware.MessageMiddleware",
    "motcua.accounts.middleware.IdleSessionMiddleware",
    "motcua.accounts.middleware.SecondFactorMiddleware",  # request.second_factor_blocked(); /api/ by session too
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "motcua.urls"
WSGI_APPLICATION = "motcua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

# Database: SQLite embedded by default, PostgreSQL through DATABASE_URL. Connections persist (gunicorn workers
# keep theirs) and are health-checked before reuse.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'motcua.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers run beside the writer; IMMEDIATE takes the write lock at BEGIN so that
        # concurrent writers queue instead of failing half-way through a transaction.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

# PostgreSQL: with server-side binding, psycopg prepares a statement run five times on a connection, so the
# planner's work on the same queries (the dossier page's joins) is done once per worker connection (the dossier
# detail 27 ms p50 instead of 28–40 on 1,000,000 dossiers, BENCHMARKS.md). On by default; turn it off
# (MOTCUA_PG_SERVER_SIDE_BINDING=0) behind a pooler in transaction mode, which cannot keep prepared statements.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _flag(
    "MOTCUA_PG_SERVER_SIDE_BINDING", default=True
):
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "vi")
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = "motcua.formats"  # dd/mm/yyyy in and out, in both languages
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves collected files from here in production
# Files of dossiers (components, results) are private: stored under MEDIA_ROOT, or in an S3-compatible bucket when
# MOTCUA_S3_BUCKET is set (motcua.files.storage_config), and only ever downloaded through motcua.files' views after
# the permission check. Nothing serves MEDIA_URL: no URL pattern, no whitenoise root points to MEDIA_ROOT.
MEDIA_ROOT = DATA_DIR / "files"
try:
    _FILE_STORAGE = file_storage(os.environ)
except StorageConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from None
STORAGES = {
    "default": _FILE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploads: the largest file accepted (checked while the request is read: motcua.files.uploads); smaller uploads stay
# in memory, larger ones stream to a temporary file; form fields other than files stay under 2.5 MB.
MOTCUA_UPLOAD_MAX_MB = int(os.environ.get("MOTCUA_UPLOAD_MAX_MB", "20"))
if MOTCUA_UPLOAD_MAX_MB < 1:
    raise ImproperlyConfigured("MOTCUA_UPLOAD_MAX_MB must be at least 1")
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
# How long the link an applicant gets to download an electronic result stays valid (motcua.files.services).
MOTCUA_RESULT_LINK_DAYS = int(os.environ.get("MOTCUA_RESULT_LINK_DAYS", "30"))
# How long an intake's Idempotency-Key is remembered: a retry within it returns the dossier already made.
MOTCUA_IDEMPOTENCY_HOURS = int(os.environ.get("MOTCUA_IDEMPOTENCY_HOURS", "24"))
WHITENOISE_USE_FINDERS = True  # serve app static files without a collectstatic step

SESSION_COOKIE_HTTPONLY = True
# Behind HTTPS: cookies only over HTTPS (MOTCUA_SECURE_COOKIES; SECURE_COOKIES is its older name).
SESSION_COOKIE_SECURE = _flag("MOTCUA_SECURE_COOKIES", _flag("SECURE_COOKIES"))
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# --- the edges of the deployment (issue 16 rule 7; README "Security") ----------------------------------------------
# The reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma separated): the client's
# address is then the right-most one of that header that is not a trusted proxy (motcua.core.client). Empty: the
# header is ignored and the client is the connection's address.
MOTCUA_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("MOTCUA_TRUSTED_PROXIES", "").split(",") if p.strip()
]
try:
    for _proxy in MOTCUA_TRUSTED_PROXIES:
        ipaddress.ip_network(_proxy, strict=False)
except ValueError as exc:
    raise ImproperlyConfigured(f"MOTCUA_TRUSTED_PROXIES: {exc}") from None
# The header a TLS-terminating proxy sets to say the request came over HTTPS, e.g. X-Forwarded-Proto (its value must
# then be "https"). Only set it when the proxy always sets or strips that header.
if _proxy_ssl_header := os.environ.get("MOTCUA_PROXY_SSL_HEADER", "").strip():
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
SECURE_SSL_REDIRECT = _flag("MOTCUA_SSL_REDIRECT")
# Strict-Transport-Security: seconds browsers keep to HTTPS only (0: not sent; 31536000 once HTTPS works for good).
SECURE_HSTS_SECONDS = int(os.environ.get("MOTCUA_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("MOTCUA_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = _flag("MOTCUA_HSTS_PRELOAD")
# Content-Security-Policy of every page (motcua.web.middleware): scripts and styles only from this site, no inline
# script, no eval (htmx runs with allowEval off). MOTCUA_CSP replaces the whole policy; MOTCUA_CSP_REPORT_ONLY sends
# it as Content-Security-Policy-Report-Only, to try a policy before enforcing it.
MOTCUA_CSP = os.environ.get(
    "MOTCUA_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
).strip()
MOTCUA_CSP_REPORT_ONLY = _flag("MOTCUA_CSP_REPORT_ONLY")
# An officer's session ends after this many minutes without a request (0: never); citizens have their own setting.
MOTCUA_OFFICER_IDLE_MINUTES = int(os.environ.get("MOTCUA_OFFICER_IDLE_MINUTES", "30"))
MOTCUA_CITIZEN_IDLE_MINUTES = int(os.environ.get("MOTCUA_CITIZEN_IDLE_MINUTES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- motcua ---------------------------------------------------------------------------------------------------
# The format an agency's electronic identifier (mã định danh, QĐ 20/2020/QĐ-TTg as amended by QĐ 09/2025/QĐ-TTg)
# must have. The identifier is otherwise opaque: nothing parses it. [!] configurable: the decision may change.
MOTCUA_AGENCY_IDENTIFIER_PATTERN = os.environ.get(
    "MOTCUA_AGENCY_IDENTIFIER_PATTERN", r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$"
)
# Official working sessions used when a unit has none stored (SPEC §8.3, configurable per unit).
MOTCUA_DEFAULT_WORKING_HOURS = os.environ.get("MOTCUA_DEFAULT_WORKING_HOURS", "07:30-11:30,13:30-17:00")
# Online dossiers must be accepted, returned or refused within this many working hours (SPEC §7.2). [!]
MOTCUA_ONLINE_RECEPTION_HOURS = int(os.environ.get("MOTCUA_ONLINE_RECEPTION_HOURS", "8"))
# Legal regime and form set by receipt date (SPEC §0.3): the last row whose date is on or before the receipt. [!]
MOTCUA_LEGAL_REGIMES = [
    ("2018-01-01", "ND61_2018", "TT01_2018"),
    ("2025-07-01", "ND118_2025", "TT03_2025"),
]
# Warn about work due within this many working hours (SPEC §1.7: "e.g. 1 working day"). [!]
MOTCUA_DUE_SOON_WORKING_HOURS = int(os.environ.get("MOTCUA_DUE_SOON_WORKING_HOURS", "8"))
# The counter's lookup of a returning applicant by ID number (personal data, ND 13/2023): at most this many
# lookups per officer in a window of this many seconds (Django's cache; shared when MOTCUA_CACHE_URL is set).
MOTCUA_PERSON_LOOKUP_LIMIT = int(os.environ.get("MOTCUA_PERSON_LOOKUP_LIMIT", "20"))
MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS = int(os.environ.get("MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS", "600"))
# Reporting windows of ND 09/2019 (SPEC §4.2): data up to this day of the month (the window starts the day after
# in the previous month), and the day reports are due. [!] configurable: sector circulars differ.
MOTCUA_REPORT_CUTOFF_DAY = int(os.environ.get("MOTCUA_REPORT_CUTOFF_DAY", "14"))
MOTCUA_REPORT_DUE_DAY = int(os.environ.get("MOTCUA_REPORT_DUE_DAY", "20"))
# The public address of the site, printed in the QR code of every form: it opens {MOTCUA_PUBLIC_URL}/tra-cuu/<mã hồ sơ>/.
MOTCUA_PUBLIC_URL = os.environ.get("MOTCUA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")


# The cache holds the limits every worker must share (the tracking page's failed checks: motcua.portal.throttle;
# the mock VNeID's used codes), so the default is shared by every worker and every server: a table of the database
# (``motcua_cache``, made by ``motcua migrate``). MOTCUA_CACHE_URL names another: ``redis://host:6379/0`` (Django's
# RedisCache, atomic counters, the choice for a busy site), ``file:///path`` (one machine), ``locmem://`` (one
# process: limits multiply by the number of workers; only for development).
# Django culls a third of the entries beyond MAX_ENTRIES (default 300), which would let a flood of failures wipe
# the counts it is held by: room for 50,000 live entries instead (each lives 15 minutes at most).
_CULL = {"OPTIONS": {"MAX_ENTRIES": 50_000}}


def _cache(url: str) -> dict:
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("file://"):
        path = url[len("file://") :]
        return {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": path, **_CULL}
    if url.startswith("locmem://"):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", **_CULL}
    if url in {"db://", "database://"}:
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "motcua_cache", **_CULL}
    raise ImproperlyConfigured(
        f"MOTCUA_CACHE_URL={url!r}: expected redis://host:port/db, file:///path, db:// or locmem://"
    )


_cache_url = os.environ.get("MOTCUA_CACHE_URL", "").strip() or ("locmem://" if _TESTING else "db://")
CACHES = {"default": _cache(_cache_url)}

# --- payments (issue 8 part 4: online payment of fees) -----------------------------------------------------------
# The payment gateways offered to citizens, as dotted paths of motcua.payments.gateways.base.Gateway subclasses
# (comma separated). The built-in sandbox is a simulated bank for the demo; a province adds PayGov/VNPay here.
MOTCUA_PAYMENT_GATEWAYS = [
    p.strip()
    for p in os.environ.get(
        "MOTCUA_PAYMENT_GATEWAYS", "motcua.payments.gateways.sandbox.SandboxGateway"
    ).split(",")
    if p.strip()
]
# The key the sandbox gateway signs its callbacks and returns with (HMAC-SHA256); empty: derived from SECRET_KEY.
MOTCUA_PAYMENT_SANDBOX_SECRET = os.environ.get("MOTCUA_PAYMENT_SANDBOX_SECRET", "")
# A payment with no outcome after this many minutes is marked expired (on read, and by `motcua expire_payments`).
MOTCUA_PAYMENT_TIMEOUT_MINUTES = int(os.environ.get("MOTCUA_PAYMENT_TIMEOUT_MINUTES", "15"))
# --- end payments -------------------------------------------------------------------------------------------------
# --- accounts (sign-in, citizens' accounts: motcua.accounts) ------------------------------------------------------
# The user of a request is read with its citizen account (motcua.accounts.backends): pages tell citizens from officers.
AUTHENTICATION_BACKENDS = ["motcua.accounts.backends.AccountBackend"]
# Passwords: Argon2 for new hashes; the others still verify (and upgrade on sign-in) hashes made before.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# E-mail (verification and password-reset letters). Default: one file per letter in <MOTCUA_DATA_DIR>/mail, so a
# local run works offline; EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST… sends them.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS")
EMAIL_USE_SSL = _flag("EMAIL_USE_SSL")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "motcua <no-reply@localhost>")
# A sign-up's verification link stays valid this many hours; a password-reset link this many seconds.
MOTCUA_EMAIL_VERIFY_HOURS = int(os.environ.get("MOTCUA_EMAIL_VERIFY_HOURS", "48"))
PASSWORD_RESET_TIMEOUT = int(os.environ.get("PASSWORD_RESET_TIMEOUT", str(24 * 3600)))
# Brute force: after this many failures for one account within the window, the account is locked; one address
# is locked after its own (higher) count. Counted in the database, shared by every worker (accounts.lockout).
MOTCUA_SIGNIN_MAX_FAILURES = int(os.environ.get("MOTCUA_SIGNIN_MAX_FAILURES", "5"))
MOTCUA_SIGNIN_IP_MAX_FAILURES = int(os.environ.get("MOTCUA_SIGNIN_IP_MAX_FAILURES", "20"))
MOTCUA_SIGNIN_WINDOW_MINUTES = int(os.environ.get("MOTCUA_SIGNIN_WINDOW_MINUTES", "15"))
MOTCUA_SIGNIN_LOCK_MINUTES = int(os.environ.get("MOTCUA_SIGNIN_LOCK_MINUTES", "15"))
# Officers' second factor (motcua.accounts.second_factor, django-otp): officers holding one of these roles (codes
# of motcua.org.roles.Role, comma separated; empty: nobody by role) must sign in with a code from an authenticator
# app (TOTP) or a single-use recovery code; staff and superusers too (they reach /admin/) unless
# MOTCUA_2FA_REQUIRED_FOR_STAFF=0. Any other officer may turn it on from their account page; citizens use VNeID.
MOTCUA_2FA_REQUIRED_ROLES = [
    r.strip().upper()
    for r in os.environ.get("MOTCUA_2FA_REQUIRED_ROLES", "AGENCY_LEAD,CENTRE_HEAD,DEPT_LEAD,ADMIN").split(",")
    if r.strip()
]
MOTCUA_2FA_REQUIRED_FOR_STAFF = _flag("MOTCUA_2FA_REQUIRED_FOR_STAFF", True)
# The name the authenticator app shows next to the account.
OTP_TOTP_ISSUER = os.environ.get("MOTCUA_2FA_ISSUER", "motcua")
# Wrong codes count towards the sign-in lockout above (the same counter as wrong passwords), so django-otp's own
# growing delay after a wrong code is off: it would refuse the right code typed just after a typo.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Sign-in through an OpenID Connect provider (the national e-identity VNeID): set the issuer (its discovery
# document is <issuer>/.well-known/openid-configuration), the client's id and secret. The claim names say where the
# provider puts the personal identification number, the name, the birth date and the phone.
MOTCUA_OIDC_ISSUER = os.environ.get("MOTCUA_OIDC_ISSUER", "").rstrip("/")
MOTCUA_OIDC_CLIENT_ID = os.environ.get("MOTCUA_OIDC_CLIENT_ID", "")
MOTCUA_OIDC_CLIENT_SECRET = os.environ.get("MOTCUA_OIDC_CLIENT_SECRET", "")
MOTCUA_OIDC_SCOPES = os.environ.get("MOTCUA_OIDC_SCOPES", "openid profile")
MOTCUA_OIDC_LABEL = os.environ.get("MOTCUA_OIDC_LABEL", "VNeID")
MOTCUA_OIDC_CLAIM_ID_NUMBER = os.environ.get("MOTCUA_OIDC_CLAIM_ID_NUMBER", "id_number")
MOTCUA_OIDC_CLAIM_NAME = os.environ.get("MOTCUA_OIDC_CLAIM_NAME", "name")
MOTCUA_OIDC_CLAIM_BIRTH_DATE = os.environ.get("MOTCUA_OIDC_CLAIM_BIRTH_DATE", "birthdate")
MOTCUA_OIDC_CLAIM_PHONE = os.environ.get("MOTCUA_OIDC_CLAIM_PHONE", "phone_number")
MOTCUA_OIDC_TIMEOUT_SECONDS = int(os.environ.get("MOTCUA_OIDC_TIMEOUT_SECONDS", "10"))
# A mock provider for trying the flow without VNeID, at /mock-vneid/ (404 unless on). With no issuer set, the
# client then uses it (<MOTCUA_PUBLIC_URL>/mock-vneid). Never turn it on in production.
MOTCUA_OIDC_MOCK = _flag("MOTCUA_OIDC_MOCK")
MOTCUA_OIDC_MOCK_KEY_FILE = Path(os.environ.get("MOTCUA_OIDC_MOCK_KEY_FILE", DATA_DIR / "mock_vneid_key.pem"))
# The tamper-evident process log (motcua.core.logkeys, motcua.dossiers.services.anchors): the HMAC keys live in a
# file outside the database (0600; rotate with "motcua log_key rotate"). A missing key file is created only when
# MOTCUA_LOG_KEY_CREATE is on (default: with DEBUG); in production it is a hard error at start. The daily digest of
# the chain heads ("motcua anchor_log_heads") is written to MOTCUA_LOG_ANCHOR_DIR (and to the object store when
# MOTCUA_S3_BUCKET is set).
MOTCUA_LOG_KEY_FILE = Path(os.environ.get("MOTCUA_LOG_KEY_FILE", DATA_DIR / "keys" / "log-keys.json"))
MOTCUA_LOG_KEY_CREATE = _flag("MOTCUA_LOG_KEY_CREATE", DEBUG)
MOTCUA_LOG_ANCHOR_DIR = Path(os.environ.get("MOTCUA_LOG_ANCHOR_DIR", DATA_DIR / "anchors"))
