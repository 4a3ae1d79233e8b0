"""Accounts tests: local accounts made through the real services, an in-memory OpenID Connect provider for the
client's refusals (``fake_idp``), and the mock provider of ``accounts.mock_idp`` reached through the Django test
client (``mock_idp``) or over real HTTP (one test). Lockout counts live in the database: nothing to clear."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from motcua.accounts import oidc
from tests.builders.accounts import CLIENT_ID, CLIENT_SECRET, ISSUER, FakeIdP, make_local


@pytest.fixture
def local_account(db):
    return make_local()


@pytest.fixture(scope="session")
def rsa_keys():
    """Two RSA keys: the provider's and an attacker's."""
    return [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(2)]


@pytest.fixture
def oidc_settings(settings):
    settings.MOTCUA_OIDC_ISSUER = ISSUER
    settings.MOTCUA_OIDC_CLIENT_ID = CLIENT_ID
    settings.MOTCUA_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.MOTCUA_OIDC_MOCK = False
    settings.MOTCUA_PUBLIC_URL = "http://testserver"
    return settings


@pytest.fixture
def fake_idp(oidc_settings, rsa_keys, monkeypatch):
    idp = FakeIdP(rsa_keys[0])
    monkeypatch.setattr(oidc, "transport", idp)
    return idp
