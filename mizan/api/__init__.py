"""Mizan's HTTP API (django-ninja) under /api/v<VERSION>/: problems, authentication, tokens, routers."""

# The number in the URL. It changes only for a breaking change; see docs/api.md "Versioning".
VERSION = "1"
