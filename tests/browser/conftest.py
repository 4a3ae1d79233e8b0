"""Browser tests: Playwright drives the system Chromium against Django's live server (the fixtures ``browser``,
``new_page`` and ``shot`` come from ``tests/browser_support.py``, loaded for the whole suite)."""

from tests.dossiers.conftest import make_procedure, officers, partner, procedure  # noqa: F401  (shared fixtures)
