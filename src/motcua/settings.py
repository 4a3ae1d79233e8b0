"""Settings, read from environment variables with safe defaults.

Everything a deployment changes is an environment variable; everything else is fixed here.

- ``DATABASE_URL``  default ``sqlite:///<MOTCUA_DATA_DIR>/motcua.sqlite3``; ``postgres://…`` selects PostgreSQL.
- ``SECRET_KEY``    default: generated once and kept in ``<MOTCUA_DATA_DIR>/secret_key``.
- ``DEBUG``         default off.
- ``ALLOWED_HOSTS`` comma separated, default ``127.0.0.1,localhost``.
- ``TIME_ZONE``     default ``Asia/Ho_Chi_Minh``; ``LANGUAGE_CODE`` default ``vi``.
- ``MOTCUA_DATA_DIR`` the local data folder (database, uploads, collected static), default ``./var``.
- ``MOTCUA_UPLOAD_MAX_MB`` the largest file accepted (default 20); ``MOTCUA_S3_*`` an S3-compatible file store.
"""

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


def _secret_key() -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _flag("DEBUG")
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
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "motcua.core.middleware.InputGuardMiddleware",  # NUL bytes, lone surrogates: 422/400 before any view
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
SESSION_COOKIE_SECURE = _flag("SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

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
# Reporting windows of ND 09/2019 (SPEC §4.2): data up to this day of the month (the window starts the day after
# in the previous month), and the day reports are due. [!] configurable: sector circulars differ.
MOTCUA_REPORT_CUTOFF_DAY = int(os.environ.get("MOTCUA_REPORT_CUTOFF_DAY", "14"))
MOTCUA_REPORT_DUE_DAY = int(os.environ.get("MOTCUA_REPORT_DUE_DAY", "20"))
# The public address of the site, printed in the QR code of every form: it opens {MOTCUA_PUBLIC_URL}/tra-cuu/<mã hồ sơ>/.
MOTCUA_PUBLIC_URL = os.environ.get("MOTCUA_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# The cache (the tracking page counts failed checks in it: motcua.portal.throttle). Django's per-process
# memory cache unless MOTCUA_CACHE_URL (redis://host:6379/0; needs `pip install redis`) names a shared one.
if _cache_url := os.environ.get("MOTCUA_CACHE_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _cache_url}}

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
