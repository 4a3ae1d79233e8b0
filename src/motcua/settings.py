"""Settings. Everything a deployment changes is an environment variable; everything else is fixed here.

Every variable is read once, below, through ``motcua.core.env.env`` with its default and its meaning; the README's
configuration table is generated from these declarations (``motcua settings_table --write README.md``) and a test
fails when it is out of date. Services read ``django.conf.settings``, never the environment.
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from motcua.core.env import env
from motcua.files.storage_config import StorageConfigError, file_storage

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env.path(
    "MOTCUA_DATA_DIR",
    Path.cwd() / "var",
    "local data folder: SQLite file, uploads, collected static files, the demo's keys",
    shown="`./var`",
).resolve()

# pytest (>= 8.2) sets PYTEST_VERSION before it loads the settings: the test run, like DEBUG, may use a generated
# key and keeps a per-process cache (each run its own counts).
_TESTING = "PYTEST_VERSION" in os.environ


def _secret_key(debug: bool) -> str:
    """``SECRET_KEY``, else the content of ``SECRET_KEY_FILE``. In production (``DEBUG`` off) one of them must be
    set: a key generated on the spot would differ between machines and change when the data folder is lost,
    silently breaking every signed link and session. Only development and tests get a generated key."""
    key = env.secret(
        "SECRET_KEY",
        "the signing key, the same on every server and across restarts; `make run` and `DEBUG=1` keep a generated "
        "one in `<MOTCUA_DATA_DIR>/secret_key`",
        shown="none: required with `DEBUG` off",
    )
    key_path = env.text("SECRET_KEY_FILE", "", "a file holding the signing key, instead of `SECRET_KEY`")
    if key:
        return key
    if key_path:
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


DEBUG = env.flag("DEBUG", False, "`1` for development error pages")
SECRET_KEY = _secret_key(DEBUG)
# The address ``make run`` serves on: the web server binds it and the public address (QR codes, letters, the VNeID
# redirect) defaults from it, so ``PORT=8212 make run`` works throughout.
HOST = (
    env.text(
        "HOST",
        "127.0.0.1",
        "the address the web server listens on; with `PORT`, the default of `GUNICORN_BIND`, `MOTCUA_PUBLIC_URL` "
        "(`0.0.0.0` or `::`: there `127.0.0.1`) and `ALLOWED_HOSTS`",
    ).strip("[]")
    or "127.0.0.1"
)
PORT = env.integer("PORT", 8000, "the port the web server listens on", low=1, high=65535)
_WILDCARD = HOST in {"0.0.0.0", "::"}
_HOST_IN_URL = "127.0.0.1" if _WILDCARD else f"[{HOST}]" if ":" in HOST else HOST

ALLOWED_HOSTS = env.items(
    "ALLOWED_HOSTS",
    ",".join(dict.fromkeys(["127.0.0.1", "localhost"] + ([] if _WILDCARD else [_HOST_IN_URL]))),
    "the host names served, comma separated",
    shown="`127.0.0.1,localhost` and `HOST`",
)
CSRF_TRUSTED_ORIGINS = env.items(
    "CSRF_TRUSTED_ORIGINS", "", "e.g. `https://motcua.example.gov.vn` behind a proxy, comma separated"
)

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
    "django_tasks",  # Django's Tasks API (the backport for 5.2): background jobs, motcua.core.jobs
    "django_tasks_db",  # their table: the outbox the transitions write in their transaction
    "django_rq",  # the Redis jobs backend's workers (`motcua rqworker`), used when MOTCUA_JOBS_BACKEND=redis
    "motcua.core",
    "motcua.org",
    "motcua.worktime",
    "motcua.catalog",
    "motcua.dossiers",
    "motcua.files",
    "motcua.documents",
    "motcua.notifications",
    "motcua.messaging",
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
    "motcua.core.middleware.DatabaseUnavailableMiddleware",  # a lost database connection: 503, not 500
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
        env.text(
            "DATABASE_URL",
            f"sqlite:///{DATA_DIR / 'motcua.sqlite3'}",
            "`postgres://user@host:5432/name` selects PostgreSQL",
            shown="`sqlite:///<MOTCUA_DATA_DIR>/motcua.sqlite3`",
        ),
        conn_max_age=env.integer(
            "CONN_MAX_AGE", 600, "seconds a database connection is kept by a worker", low=0
        ),
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
if (
    env.flag(
        "MOTCUA_PG_SERVER_SIDE_BINDING",
        True,
        "PostgreSQL: bind parameters on the server, so psycopg prepares statements run five times on a connection and "
        "their plans are kept (the dossier page ~2–10 ms faster, see BENCHMARKS.md); set `0` behind a connection pooler "
        "in transaction mode (PgBouncer), which cannot keep prepared statements. CI runs the PostgreSQL suite with it on",
    )
    and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
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

LANGUAGE_CODE = env.text("LANGUAGE_CODE", "vi", "the language of the pages for whoever has not chosen one")
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = "motcua.formats"  # dd/mm/yyyy in and out, in both languages
TIME_ZONE = env.text("TIME_ZONE", "Asia/Ho_Chi_Minh", "the time zone dates and times are shown in")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise serves collected files from here in production
# Files of dossiers (components, results) are private: stored under MEDIA_ROOT, or in an S3-compatible bucket when
# MOTCUA_S3_BUCKET is set (motcua.files.storage_config), and only ever downloaded through motcua.files' views after
# the permission check. Nothing serves MEDIA_URL: no URL pattern, no whitenoise root points to MEDIA_ROOT.
MEDIA_ROOT = DATA_DIR / "files"
_S3 = {
    "MOTCUA_S3_BUCKET": env.text(
        "MOTCUA_S3_BUCKET",
        "",
        "set to keep files in an S3-compatible bucket (MinIO, Ceph, AWS S3) instead of `<MOTCUA_DATA_DIR>/files`; "
        "needs `pip install 'motcua[s3]'`; keep the bucket private (files are streamed by the application after its "
        "permission check, under the prefix `files/`)",
    ),
    "MOTCUA_S3_ENDPOINT_URL": env.text(
        "MOTCUA_S3_ENDPOINT_URL",
        "",
        "the store's address, e.g. `http://127.0.0.1:9000` for MinIO (path-style addressing); empty for AWS",
    ),
    "MOTCUA_S3_ACCESS_KEY": env.secret(
        "MOTCUA_S3_ACCESS_KEY",
        "the bucket's access key (with the secret key, or neither: boto3's own sources)",
    ),
    "MOTCUA_S3_SECRET_KEY": env.secret(
        "MOTCUA_S3_SECRET_KEY", "the bucket's secret key (with the access key)"
    ),
    "MOTCUA_S3_REGION": env.text("MOTCUA_S3_REGION", "", "the bucket's region, if the store needs one"),
}
try:
    _FILE_STORAGE = file_storage(_S3)
except StorageConfigError as exc:
    raise ImproperlyConfigured(str(exc)) from None
STORAGES = {
    "default": _FILE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploads: the largest file accepted (checked while the request is read: motcua.files.uploads); smaller uploads stay
# in memory, larger ones stream to a temporary file; form fields other than files stay under 2.5 MB.
MOTCUA_UPLOAD_MAX_MB = env.integer(
    "MOTCUA_UPLOAD_MAX_MB",
    20,
    "largest file accepted, in MB (scans of components, electronic results); checked while the upload streams in",
    low=1,
)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700
MOTCUA_RESULT_LINK_DAYS = env.integer(
    "MOTCUA_RESULT_LINK_DAYS",
    30,
    "days an applicant's signed link to download an electronic result stays valid",
    low=1,
)
MOTCUA_IDEMPOTENCY_HOURS = env.integer(
    "MOTCUA_IDEMPOTENCY_HOURS",
    24,
    "hours an intake's `Idempotency-Key` is remembered (a retry within them returns the dossier already made)",
    low=1,
)
WHITENOISE_USE_FINDERS = True  # serve app static files without a collectstatic step

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.flag(
    "MOTCUA_SECURE_COOKIES",
    False,
    "`1` behind HTTPS: session and CSRF cookies only over HTTPS",
    also=("SECURE_COOKIES",),
)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# --- the edges of the deployment (issue 16 rule 7; README "Security") ----------------------------------------------


def _network(value: str) -> str:
    try:
        ipaddress.ip_network(value, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"MOTCUA_TRUSTED_PROXIES: {exc}") from None
    return value


# The client's address is the right-most one of X-Forwarded-For that is not a trusted proxy (motcua.core.client).
MOTCUA_TRUSTED_PROXIES = env.items(
    "MOTCUA_TRUSTED_PROXIES",
    "",
    "addresses or networks of the reverse proxies whose `X-Forwarded-For` is believed, comma separated (e.g. "
    "`127.0.0.1`, `10.0.0.0/8`); the client is the right-most address that is not one of them. Empty: the header is "
    "ignored",
    each=_network,
)
if _proxy_ssl_header := env.text(
    "MOTCUA_PROXY_SSL_HEADER",
    "",
    "the header a TLS-terminating proxy sets to `https`, e.g. `X-Forwarded-Proto` (only if the proxy always sets or "
    "strips it)",
):
    SECURE_PROXY_SSL_HEADER = ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https")
SECURE_SSL_REDIRECT = env.flag(
    "MOTCUA_SSL_REDIRECT", False, "`1`: plain-HTTP requests are redirected to HTTPS"
)
SECURE_HSTS_SECONDS = env.integer(
    "MOTCUA_HSTS_SECONDS",
    0,
    "`Strict-Transport-Security`: seconds browsers keep to HTTPS only (`0`: not sent; `31536000` once HTTPS works "
    "for good)",
    low=0,
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.flag(
    "MOTCUA_HSTS_INCLUDE_SUBDOMAINS", False, "HSTS covers the subdomains too"
)
SECURE_HSTS_PRELOAD = env.flag("MOTCUA_HSTS_PRELOAD", False, "HSTS asks to be preloaded in browsers")
# Content-Security-Policy of every page (motcua.web.middleware): scripts and styles only from this site, no inline
# script, no eval (htmx runs with allowEval off).
MOTCUA_CSP = env.text(
    "MOTCUA_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    "the Content-Security-Policy of every answer, replacing the whole policy (empty: none)",
)
MOTCUA_CSP_REPORT_ONLY = env.flag(
    "MOTCUA_CSP_REPORT_ONLY", False, "`1`: send it as `Content-Security-Policy-Report-Only` (to try a policy)"
)
MOTCUA_OFFICER_IDLE_MINUTES = env.integer(
    "MOTCUA_OFFICER_IDLE_MINUTES",
    30,
    "an officer's session ends after this many minutes without a request (0: never)",
    low=0,
)
MOTCUA_CITIZEN_IDLE_MINUTES = env.integer(
    "MOTCUA_CITIZEN_IDLE_MINUTES",
    0,
    "a citizen's session ends after this many minutes without a request (0: never)",
    low=0,
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env.text(
            "LOG_LEVEL", "INFO", "the least severe log records written (`DEBUG`, `INFO`, `WARNING`…)"
        ),
    },
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# --- motcua ---------------------------------------------------------------------------------------------------
# The identifier is otherwise opaque: nothing parses it. [!] configurable: the decision may change.
MOTCUA_AGENCY_IDENTIFIER_PATTERN = env.text(
    "MOTCUA_AGENCY_IDENTIFIER_PATTERN",
    r"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$",
    "the format of an agency's electronic identifier (mã định danh, QĐ 20/2020/QĐ-TTg as amended by QĐ 09/2025)",
)
MOTCUA_DEFAULT_WORKING_HOURS = env.text(
    "MOTCUA_DEFAULT_WORKING_HOURS",
    "07:30-11:30,13:30-17:00",
    "official working sessions of a unit that has no stored timetable (SPEC §8.3)",
)
MOTCUA_ONLINE_RECEPTION_HOURS = env.integer(
    "MOTCUA_ONLINE_RECEPTION_HOURS",
    8,
    "working hours within which an online dossier must be accepted, returned or refused (SPEC §7.2)",
    low=1,
)
# Legal regime and form set by receipt date (SPEC §0.3): the last row whose date is on or before the receipt. [!]
MOTCUA_LEGAL_REGIMES = [
    ("2018-01-01", "ND61_2018", "TT01_2018"),
    ("2025-07-01", "ND118_2025", "TT03_2025"),
]
MOTCUA_DUE_SOON_WORKING_HOURS = env.integer(
    "MOTCUA_DUE_SOON_WORKING_HOURS",
    8,
    "officers are warned about work due within this many working hours (SPEC §1.7: “e.g. 1 working day”)",
    low=1,
)
# The counter's lookup of a returning applicant by ID number (personal data, ND 13/2023).
MOTCUA_PERSON_LOOKUP_LIMIT = env.integer(
    "MOTCUA_PERSON_LOOKUP_LIMIT",
    20,
    "lookups of a returning applicant by ID number one counter officer may make within the window (Django's cache, "
    "shared by the workers when `MOTCUA_CACHE_URL` is set); over it the lookup answers 429 and reads nothing",
    low=1,
)
MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS = env.integer(
    "MOTCUA_PERSON_LOOKUP_WINDOW_SECONDS", 600, "the window of that limit, in seconds", low=1
)
# Reporting windows of ND 09/2019 (SPEC §4.2). [!] configurable: sector circulars differ.
MOTCUA_REPORT_CUTOFF_DAY = env.integer(
    "MOTCUA_REPORT_CUTOFF_DAY",
    14,
    "ND 09/2019 reporting windows: data up to this day of the month (the window starts the day after, in the "
    "previous month)",
    low=1,
    high=27,
)
MOTCUA_REPORT_DUE_DAY = env.integer(
    "MOTCUA_REPORT_DUE_DAY", 20, "the day of the window's last month by which reports are due", low=1, high=28
)
MOTCUA_PUBLIC_URL = env.text(
    "MOTCUA_PUBLIC_URL",
    f"http://{_HOST_IN_URL}:{PORT}",
    "the public address of the site: the QR code of every form opens `<MOTCUA_PUBLIC_URL>/tra-cuu/<mã hồ sơ>/`, and "
    "links in letters and the VNeID redirect are built from it; set it whenever the site is reached through "
    "another address (a proxy, HTTPS, a domain name)",
    shown="`http://<HOST>:<PORT>` (`http://127.0.0.1:8000`)",
).rstrip("/")


# The cache holds the limits every worker must share (the tracking page's failed checks: motcua.portal.throttle;
# the mock VNeID's used codes), so the default is shared by every worker and every server: a table of the database
# (``motcua_cache``, made by ``motcua migrate``). Redis gives atomic counters, the choice for a busy site.
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


_cache_url = env.text(
    "MOTCUA_CACHE_URL",
    "",
    "where shared counts live (tracking and lookup limits): `redis://host:6379/0` (atomic), `file:///path` (one "
    "machine), `db://` (the database's table `motcua_cache`, made by `migrate`), `locmem://` (one process: "
    "development only)",
    shown="`db://`",
) or ("locmem://" if _TESTING else "db://")
CACHES = {"default": _cache(_cache_url)}

# --- background jobs and the schedule (issue 18: motcua.core.jobs, motcua.core.schedule) ----------------------------
MOTCUA_JOBS_BACKEND = env.text(
    "MOTCUA_JOBS_BACKEND",
    "database",
    "where deferred work (forms, the statistics' roll-up, notifications, messages to citizens) waits for a "
    "worker: `database` (a table written in the transaction of the change that causes the job, so a committed "
    "change never loses its work; run `motcua worker`), `redis` (RQ on `MOTCUA_JOBS_REDIS_URL`, pushed after the "
    "commit; run `motcua rqworker --job-class django_tasks_rq.Job --with-scheduler default messages reports`), "
    "`eager` (in the same process after the commit, for "
    "tests and scripts only)",
    shown="`database` (`eager` under the tests)",
)
if "MOTCUA_JOBS_BACKEND" not in os.environ and _TESTING:
    MOTCUA_JOBS_BACKEND = "eager"
if MOTCUA_JOBS_BACKEND not in {"database", "redis", "eager"}:
    raise ImproperlyConfigured(
        f"MOTCUA_JOBS_BACKEND={MOTCUA_JOBS_BACKEND!r}: expected database, redis or eager"
    )
MOTCUA_JOBS_REDIS_URL = env.text(
    "MOTCUA_JOBS_REDIS_URL",
    "redis://127.0.0.1:6379/1",
    "the Redis server of the `redis` jobs backend",
)
MOTCUA_JOB_ATTEMPTS = env.integer(
    "MOTCUA_JOB_ATTEMPTS",
    6,
    "how many times a failing job is tried before it is left failed for an administrator",
    low=1,
    high=50,
)
MOTCUA_JOB_BACKOFF_SECONDS = env.integer(
    "MOTCUA_JOB_BACKOFF_SECONDS",
    30,
    "the wait before a failed job's first retry; each later retry waits twice as long (30 s, 1, 2, 4, 8 minutes)",
    low=1,
)
MOTCUA_JOB_LEASE_SECONDS = env.integer(
    "MOTCUA_JOB_LEASE_SECONDS",
    600,
    "a job still running this long after it started is taken for lost (its worker was killed) and run again",
    low=5,
)
MOTCUA_JOBS_KEEP_DAYS = env.integer(
    "MOTCUA_JOBS_KEEP_DAYS",
    14,
    "finished jobs are kept this many days for the administrators, then deleted (failed "
    "ones are kept until retried or deleted by hand)",
    low=1,
)
MOTCUA_SCHEDULER_TICK_SECONDS = env.integer(
    "MOTCUA_SCHEDULER_TICK_SECONDS",
    10,
    "how often `motcua scheduler` looks for periodic jobs whose time has come",
    low=1,
    high=300,
)
_JOB_QUEUES = ["default", "messages", "reports"]
_TASK_BACKENDS = {
    "database": {"BACKEND": "motcua.core.job_backends.OutboxDatabaseBackend", "QUEUES": _JOB_QUEUES},
    "redis": {"BACKEND": "motcua.core.job_backends.OnCommitRQBackend", "QUEUES": _JOB_QUEUES},
    "eager": {"BACKEND": "motcua.core.job_backends.EagerBackend", "QUEUES": _JOB_QUEUES},
}
TASKS = {"default": _TASK_BACKENDS[MOTCUA_JOBS_BACKEND]}
RQ_QUEUES = {name: {"URL": MOTCUA_JOBS_REDIS_URL} for name in _JOB_QUEUES}

# --- payments (issue 8 part 4: online payment of fees) -----------------------------------------------------------
MOTCUA_PAYMENT_GATEWAYS = env.items(
    "MOTCUA_PAYMENT_GATEWAYS",
    "motcua.payments.gateways.sandbox.SandboxGateway",
    "payment gateways offered to citizens, comma-separated dotted paths of `motcua.payments.gateways.base.Gateway` "
    "subclasses; the default is the built-in test bank (“Cổng thanh toán thử nghiệm”, no money moves): replace it "
    "with a real gateway (PayGov, VNPay) in production",
)
MOTCUA_PAYMENT_SANDBOX_SECRET = env.secret(
    "MOTCUA_PAYMENT_SANDBOX_SECRET",
    "the key the sandbox gateway signs its callbacks and returns with (HMAC-SHA256)",
    shown="derived from `SECRET_KEY`",
)
MOTCUA_PAYMENT_TIMEOUT_MINUTES = env.integer(
    "MOTCUA_PAYMENT_TIMEOUT_MINUTES",
    15,
    "a payment with no outcome after this many minutes is marked expired (when its page is read, and by "
    "`motcua expire_payments`)",
    low=1,
)
# --- end payments -------------------------------------------------------------------------------------------------
# --- messages to citizens (issue 18 point 6: motcua.messaging) ----------------------------------------------------
MOTCUA_SMS_GATEWAY = env.text(
    "MOTCUA_SMS_GATEWAY",
    "motcua.messaging.gateways.sandbox.SandboxSmsGateway",
    "the SMS gateway citizens' messages go through: the dotted path of a `motcua.messaging.gateways.base.SmsGateway` "
    "subclass, empty to send no SMS; the default is the built-in test gateway (nothing is sent: testers read the "
    "messages at `/thu-nghiem/tin-nhan/`): replace it with the province's brandname SMS provider in production",
)
MOTCUA_ZALO_GATEWAY = env.text(
    "MOTCUA_ZALO_GATEWAY",
    "motcua.messaging.gateways.sandbox.SandboxZaloGateway",
    "the Zalo ZNS gateway: the dotted path of a `motcua.messaging.gateways.base.ZaloGateway` subclass, empty to "
    "send no Zalo message; the default is the built-in test gateway, shown at `/thu-nghiem/tin-nhan/`",
)
# --- end messages ---------------------------------------------------------------------------------------------------
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
# E-mail (verification and password-reset letters): by default one file per letter, so a local run works offline.
EMAIL_BACKEND = env.text(
    "EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend",
    "how letters leave; the default writes one file per letter into `<MOTCUA_DATA_DIR>/mail`; "
    "`django.core.mail.backends.smtp.EmailBackend` sends them",
)
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_HOST = env.text("EMAIL_HOST", "localhost", "the SMTP server (with the smtp backend)")
EMAIL_PORT = env.integer("EMAIL_PORT", 25, "its port", low=1, high=65535)
EMAIL_HOST_USER = env.text("EMAIL_HOST_USER", "", "the user name at the SMTP server")
EMAIL_HOST_PASSWORD = env.secret("EMAIL_HOST_PASSWORD", "its password")
EMAIL_USE_TLS = env.flag("EMAIL_USE_TLS", False, "`1`: STARTTLS to the SMTP server")
EMAIL_USE_SSL = env.flag("EMAIL_USE_SSL", False, "`1`: implicit TLS to the SMTP server")
DEFAULT_FROM_EMAIL = env.text(
    "DEFAULT_FROM_EMAIL", "motcua <no-reply@localhost>", "sender of verification and password-reset letters"
)
MOTCUA_EMAIL_VERIFY_HOURS = env.integer(
    "MOTCUA_EMAIL_VERIFY_HOURS", 48, "how long a sign-up's confirmation link stays valid, in hours", low=1
)
PASSWORD_RESET_TIMEOUT = env.integer(
    "PASSWORD_RESET_TIMEOUT", 24 * 3600, "seconds a password-reset link stays valid", low=60
)
# Brute force: counted in the database, shared by every worker (accounts.lockout).
MOTCUA_SIGNIN_MAX_FAILURES = env.integer(
    "MOTCUA_SIGNIN_MAX_FAILURES", 5, "failed sign-ins of one account within the window that lock it", low=1
)
MOTCUA_SIGNIN_IP_MAX_FAILURES = env.integer(
    "MOTCUA_SIGNIN_IP_MAX_FAILURES",
    20,
    "failed sign-ins from one address within the window that lock the address",
    low=1,
)
MOTCUA_SIGNIN_WINDOW_MINUTES = env.integer(
    "MOTCUA_SIGNIN_WINDOW_MINUTES", 15, "the window in which failed sign-ins are counted, in minutes", low=1
)
MOTCUA_SIGNIN_LOCK_MINUTES = env.integer(
    "MOTCUA_SIGNIN_LOCK_MINUTES", 15, "how long a lock lasts, in minutes", low=1
)
# Officers' second factor (motcua.accounts.second_factor, django-otp): a code from an authenticator app (TOTP) or a
# single-use recovery code. Any other officer may turn it on from their account page; citizens use VNeID.
MOTCUA_2FA_REQUIRED_ROLES = env.items(
    "MOTCUA_2FA_REQUIRED_ROLES",
    "AGENCY_LEAD,CENTRE_HEAD,DEPT_LEAD,ADMIN",
    "officers holding one of these roles (codes of `motcua.org.roles.Role`) must sign in with a second factor "
    "(authenticator app or recovery code); empty: nobody by role. Other officers may turn it on themselves",
    each=str.upper,
)
MOTCUA_2FA_REQUIRED_FOR_STAFF = env.flag(
    "MOTCUA_2FA_REQUIRED_FOR_STAFF",
    True,
    "staff and superusers (who reach `/admin/`) must use the second factor too",
)
OTP_TOTP_ISSUER = env.text(
    "MOTCUA_2FA_ISSUER", "motcua", "the name the authenticator app shows next to the account"
)
# Wrong codes count towards the sign-in lockout above (the same counter as wrong passwords), so django-otp's own
# growing delay after a wrong code is off: it would refuse the right code typed just after a typo.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Sign-in through an OpenID Connect provider (the national e-identity VNeID).
MOTCUA_OIDC_ISSUER = env.text(
    "MOTCUA_OIDC_ISSUER",
    "",
    "the OpenID Connect provider (VNeID); its discovery document is `<issuer>/.well-known/openid-configuration`; "
    "empty: no “Đăng nhập bằng VNeID” button",
).rstrip("/")
MOTCUA_OIDC_CLIENT_ID = env.text(
    "MOTCUA_OIDC_CLIENT_ID",
    "",
    "this system's client at the provider; register the redirect URI `<MOTCUA_PUBLIC_URL>/dang-nhap/vneid/callback/`",
)
MOTCUA_OIDC_CLIENT_SECRET = env.secret("MOTCUA_OIDC_CLIENT_SECRET", "the client's secret at the provider")
MOTCUA_OIDC_SCOPES = env.text("MOTCUA_OIDC_SCOPES", "openid profile", "scopes asked for")
MOTCUA_OIDC_LABEL = env.text(
    "MOTCUA_OIDC_LABEL", "VNeID", "the provider's name on the button and in messages"
)
MOTCUA_OIDC_CLAIM_ID_NUMBER = env.text(
    "MOTCUA_OIDC_CLAIM_ID_NUMBER",
    "id_number",
    "the claim holding the 12-digit personal identification number",
)
MOTCUA_OIDC_CLAIM_NAME = env.text("MOTCUA_OIDC_CLAIM_NAME", "name", "the claim holding the full name")
MOTCUA_OIDC_CLAIM_BIRTH_DATE = env.text(
    "MOTCUA_OIDC_CLAIM_BIRTH_DATE",
    "birthdate",
    "the claim holding the birth date (`YYYY-MM-DD` or `dd/mm/yyyy`)",
)
MOTCUA_OIDC_CLAIM_PHONE = env.text("MOTCUA_OIDC_CLAIM_PHONE", "phone_number", "the claim holding the phone")
MOTCUA_OIDC_TIMEOUT_SECONDS = env.integer(
    "MOTCUA_OIDC_TIMEOUT_SECONDS",
    10,
    "timeout of each server-to-server call to the provider, in seconds",
    low=1,
)
MOTCUA_OIDC_MOCK = env.flag(
    "MOTCUA_OIDC_MOCK",
    False,
    "serve the mock provider at `/mock-vneid/` and, with no issuer set, sign in through it — for trying and tests "
    "only, never in production",
)
MOTCUA_OIDC_MOCK_KEY_FILE = env.path(
    "MOTCUA_OIDC_MOCK_KEY_FILE",
    DATA_DIR / "mock_vneid_key.pem",
    "the mock provider's RSA key, generated on first use",
    shown="`<MOTCUA_DATA_DIR>/mock_vneid_key.pem`",
)
# The tamper-evident process log (motcua.core.logkeys, motcua.dossiers.services.anchors).
MOTCUA_LOG_KEY_FILE = env.path(
    "MOTCUA_LOG_KEY_FILE",
    DATA_DIR / "keys" / "log-keys.json",
    "the HMAC keys of the process log (0600, outside the database; back it up apart from the database): "
    "`motcua log_key init` creates it, `motcua log_key rotate` adds a key",
    shown="`<MOTCUA_DATA_DIR>/keys/log-keys.json`",
)
MOTCUA_LOG_KEY_CREATE = env.flag(
    "MOTCUA_LOG_KEY_CREATE",
    DEBUG,
    "create a missing key file on first use (development only); off, a missing key file stops the WSGI application "
    "at start, fails `motcua check --deploy` and any write to a log",
    shown="same as `DEBUG`",
)
MOTCUA_LOG_ANCHOR_DIR = env.path(
    "MOTCUA_LOG_ANCHOR_DIR",
    DATA_DIR / "anchors",
    "where `motcua anchor_log_heads` writes the daily digest of the log heads (copied to the bucket under `anchors/` "
    "when `MOTCUA_S3_BUCKET` is set)",
    shown="`<MOTCUA_DATA_DIR>/anchors`",
)
# --- rules a province sets (read by the services from these settings only) ---------------------------------------
MOTCUA_SATISFACTION_THRESHOLDS = env.text(
    "MOTCUA_SATISFACTION_THRESHOLDS",
    "5,3.5",
    "classification of a citizen's total score (indicators 1, 2, 3, 4, 6, 7; max 12): at least the first number "
    "“Rất hài lòng”, at least the second “Hài lòng”, else “Không hài lòng”. The default is R1's local rule, not a "
    "legal threshold: set the rule in force",
)
MOTCUA_PAKN_DEADLINES = env.text(
    "MOTCUA_PAKN_DEADLINES",
    "",
    "working days of the PAKN steps (SPEC §6.4, DVCQG scoring rules); e.g. `answer=10` for the ND 20/2008 regime "
    "(the steps not named keep their default). As a Django setting also a dict",
    shown="empty: `refuse=2,request_info=5,answer=15,publish=2`",
)
# --- the web server (read by gunicorn_conf.py) ----------------------------------------------------------------------
GUNICORN_BIND = env.text(
    "GUNICORN_BIND",
    f"{'[' + HOST + ']' if ':' in HOST else HOST}:{PORT}",
    "the address and port the web server listens on (or `unix:<path>`)",
    shown="`<HOST>:<PORT>`",
)
GUNICORN_WORKERS = env.integer("GUNICORN_WORKERS", 2, "web server processes (about 2 per core)", low=1)
GUNICORN_THREADS = env.integer("GUNICORN_THREADS", 1, "threads per web server process", low=1)
GUNICORN_TIMEOUT = env.integer(
    "GUNICORN_TIMEOUT", 60, "seconds a request may take before its worker is restarted", low=1
)
GUNICORN_ACCESSLOG = env.text("GUNICORN_ACCESSLOG", "-", "where the access log goes (`-`: standard output)")
