from tests.dossiers.conftest import officers, procedure  # noqa: F401  (the same small province and procedure)
