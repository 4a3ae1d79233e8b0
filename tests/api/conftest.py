from tests.dossiers.conftest import procedure  # noqa: F401  (the published procedure 1.004222)
