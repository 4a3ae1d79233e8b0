"""Builders for tests, one module per domain: the functions and data that make agencies, procedures, dossiers,
PAKN items, accounts, payments, files… through the real services. Fixtures live in ``tests/conftest.py``."""
