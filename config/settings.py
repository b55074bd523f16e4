"""Mizan settings: the one settings module. Every environment value is read through config.env.

MIZAN_ENV selects the mode: ``development`` (default; makes its own local secret, DEBUG on),
``production`` (fails closed: secret key and allowed hosts must be given, DEBUG off, HTTPS only),
``test`` (used by the test harness).
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO

from config import keys
from config.env import EnvError, env_bool, env_choice, env_int, env_list, env_required, env_str
from mizan.common import languages

BASE_DIR = Path(__file__).resolve().parent.parent
MIZAN_ENV = env_choice("MIZAN_ENV", ("development", "production", "test"), "development")
PRODUCTION = MIZAN_ENV == "production"
DATA_DIR = Path(env_str("MIZAN_DATA_DIR", str(BASE_DIR / "var")) or "var")


def _development_secret() -> str:
    """A secret made once per checkout and kept out of git, so development never shares a key."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


if PRODUCTION:
    SECRET_KEY = env_required("MIZAN_SECRET_KEY")
    if len(SECRET_KEY) < 50:
        raise EnvError("MIZAN_SECRET_KEY must be at least 50 characters long")
    DEBUG = False
    ALLOWED_HOSTS = env_list("MIZAN_ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise EnvError("MIZAN_ALLOWED_HOSTS must list the host names Mizan is served on")
else:
    SECRET_KEY = env_str("MIZAN_SECRET_KEY") or _development_secret()
    DEBUG = env_bool("MIZAN_DEBUG", MIZAN_ENV == "development")
    ALLOWED_HOSTS = env_list("MIZAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])

CSRF_TRUSTED_ORIGINS = env_list("MIZAN_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mizan.common",
    "mizan.accounts",
    "mizan.api",
    "mizan.privacy.vault",
    "mizan.privacy.ledger",
    "mizan.privacy.consent",
    "mizan.taxonomy",
    "mizan.workers",
    "mizan.compliance",
    "mizan.privacy.rights",
    "mizan.registry",
    "mizan.vacancies",
    "mizan.profiles",
    "mizan.matching",
    "mizan.wages",
    "mizan.web",
    "mizan.demo",
]

MIDDLEWARE = [
    "mizan.web.middleware.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mizan.web.middleware.BodySizeLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "mizan.accounts.middleware.UserLanguageMiddleware",
    "mizan.accounts.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mizan.web.context_processors.shell",
            ],
        },
    }
]

# --- Database: SQLite (WAL, busy timeout) by default, PostgreSQL through DATABASE_URL -------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'mizan.sqlite3'}") or ""
try:
    _database = dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("MIZAN_DB_CONN_MAX_AGE", 60))
except ValueError as exc:
    raise EnvError(f"DATABASE_URL is not a database address Mizan understands: {exc}") from exc
if _database["ENGINE"] == "django.db.backends.sqlite3":
    _database["CONN_MAX_AGE"] = 0
    _database["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("MIZAN_SQLITE_BUSY_TIMEOUT", 20, minimum=1),
    }
    Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True) if _database["NAME"] else None
elif _database["ENGINE"] == "django.db.backends.postgresql":
    _database["CONN_HEALTH_CHECKS"] = True
else:
    raise EnvError("DATABASE_URL must point to SQLite or PostgreSQL")
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
OTP_TOTP_ISSUER = "Mizan"

MIZAN_MESSAGE_GATEWAY = env_choice(
    "MIZAN_MESSAGE_GATEWAY", ("console", "file"), "file" if MIZAN_ENV == "test" else "console"
)
MIZAN_MESSAGE_OUTBOX = Path(env_str("MIZAN_MESSAGE_OUTBOX", str(DATA_DIR / "outbox")) or "")
MIZAN_DEFAULT_PHONE_REGION = env_str("MIZAN_DEFAULT_PHONE_REGION", "NP") or "NP"
# One-time codes and sign-in throttles. Windows are in seconds.
MIZAN_CODE_TTL = env_int("MIZAN_CODE_TTL", 600, minimum=60, maximum=3600)
MIZAN_CODE_MAX_TRIES = env_int("MIZAN_CODE_MAX_TRIES", 5, minimum=1, maximum=20)
MIZAN_THROTTLES = {
    # scope: (attempts allowed, window seconds, lockout seconds once exceeded)
    "code_request_phone": (env_int("MIZAN_CODES_PER_PHONE", 5, minimum=1), 3600, 3600),
    "code_request_ip": (env_int("MIZAN_CODES_PER_IP", 30, minimum=1), 3600, 3600),
    "sign_in_phone": (10, 900, 900),
    "sign_in_account": (10, 900, 900),
    "sign_in_ip": (60, 900, 900),
}

# --- Privacy core: vault keys --------------------------------------------------------------------
# Master keys wrap each person's data key: "id:base64,id:base64", the first is current. The index key
# makes blind indexes for exact-match lookups. Both fail closed in production. See docs/privacy/vault.md.
MIZAN_VAULT_MASTER_KEYS, MIZAN_VAULT_INDEX_KEY = keys.vault_keys(production=PRODUCTION, data_dir=DATA_DIR)
# Seconds an unwrapped data key stays in a process's memory (0: never cached).
MIZAN_VAULT_KEY_CACHE_SECONDS = env_int("MIZAN_VAULT_KEY_CACHE_SECONDS", 30, minimum=0, maximum=3600)
# Largest file a person may upload into the vault (sealed files live in the default storage).
MIZAN_VAULT_MAX_FILE_BYTES = env_int("MIZAN_VAULT_MAX_FILE_BYTES", 5 * 1024 * 1024, minimum=1024)
MEDIA_ROOT = Path(env_str("MIZAN_MEDIA_ROOT", str(DATA_DIR / "media")) or "media")


# --- Privacy core: ledger ------------------------------------------------------------------------
MIZAN_LEDGER_SIGNING_KEY = keys.ledger_signing_key(production=PRODUCTION, data_dir=DATA_DIR)
# Public keys (base64 or verifier keys, comma-separated) of keys rotated out: old checkpoints still verify.
MIZAN_LEDGER_PREVIOUS_PUBLIC_KEYS = keys.ledger_previous_keys()
# The log's name in signed checkpoints: no spaces, no "+"; conventionally the server's host and a path.
MIZAN_LEDGER_ORIGIN = env_str("MIZAN_LEDGER_ORIGIN", "mizan.local/ledger") or "mizan.local/ledger"
if any(character.isspace() or character == "+" for character in MIZAN_LEDGER_ORIGIN):
    raise EnvError("MIZAN_LEDGER_ORIGIN must have no spaces and no “+”")

# --- Privacy core: retention ---------------------------------------------------------------------
# Days each kind of record is kept, counted from the moment docs/privacy/rights.md names (a read, a
# withdrawal, the last sign-in, the end of a contract …); 0 = deleted as soon as its reason ends.
# MIZAN_RETENTION_DAYS_<KEY> overrides one. Minimums keep accountability records long enough to be useful.
# `mizan purge_expired` (daily) deletes what has expired; purpose keys are those of the consent registry.
MIZAN_RETENTION_DAYS: dict[str, int] = {
    key: env_int(f"MIZAN_RETENTION_DAYS_{key.upper()}", default, minimum=minimum, maximum=36500)
    for key, default, minimum in (
        # records the data-rights app purges itself
        ("sign_in_codes", 1, 1),
        ("access_records", 730, 90),
        ("consents", 1825, 365),
        ("inactive_accounts", 1095, 180),
        ("correction_requests", 365, 30),
        ("legal_holds", 365, 30),
        # records other apps purge: rankings served are kept for audit (EU AI Act arts 12, 19: ≥ 6 months)
        ("ranking_logs", 365, 183),
        # purposes (mizan.privacy.consent.purposes, ``retention``): for the apps that hold such data
        ("account", 0, 0),
        ("job_matching", 0, 0),
        ("recruitment", 365, 0),
        ("contract", 2190, 0),
        ("case_handling", 1095, 0),
        ("legal_obligation", 2190, 0),
        ("statistics", 0, 0),
        ("equality_monitoring", 0, 0),
    )
}

# --- Sessions, cookies and headers ----------------------------------------------------------------
SESSION_COOKIE_AGE = env_int("MIZAN_SESSION_DAYS", 30, minimum=1, maximum=365) * 86400
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "mizan.web.views.errors.csrf_failure"
LANGUAGE_COOKIE_NAME = "mizan_language"
LANGUAGE_COOKIE_AGE = 365 * 86400
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("MIZAN_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("MIZAN_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("MIZAN_HSTS_PRELOAD", True)
    if env_bool("MIZAN_BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
MIZAN_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)

# Requests larger than this are refused with 413 before anything reads them.
MIZAN_MAX_BODY_BYTES = env_int("MIZAN_MAX_BODY_BYTES", 10 * 1024 * 1024, minimum=1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MIZAN_MAX_BODY_BYTES

# --- Languages ----------------------------------------------------------------------------------
for _language in languages.LANGUAGES:
    LANG_INFO.setdefault(
        _language.code,
        {
            "bidi": _language.rtl,
            "code": _language.code,
            "name": _language.english_name,
            "name_local": _language.endonym,
        },
    )
LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = [(language.code, language.english_name) for language in languages.LANGUAGES]
LANGUAGES_BIDI = [language.code for language in languages.LANGUAGES if language.rtl]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static files -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Logging ------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("MIZAN_LOG_LEVEL", "INFO") or "INFO"},
}

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("MIZAN_FROM_EMAIL", "mizan@localhost")
EMAIL_HOST = env_str("MIZAN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("MIZAN_EMAIL_PORT", 25, minimum=1, maximum=65535)
