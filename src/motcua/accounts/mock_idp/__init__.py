"""A mock OpenID Connect provider standing in for VNeID, for trying and testing the sign-in flow offline.

Served at ``/mock-vneid/`` only when ``MOTCUA_OIDC_MOCK`` is on (404 otherwise). It has a discovery document, an
authorization page (pick a demo identity or type one), a token endpoint (checks the client secret, the code, the
PKCE verifier and the redirect URI), a JWKS and userinfo. Codes and access tokens are signed, short-lived blobs
(no table); a code is accepted once per process. The RSA key is generated once into ``MOTCUA_OIDC_MOCK_KEY_FILE``.
Never turn it on in production: anyone could sign in as anyone.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from pathlib import Path

from django.conf import settings

_lock = threading.Lock()
_keys: dict[str, tuple] = {}


def credentials() -> tuple[str, str]:
    """The client id and secret the mock expects when none is configured (derived from SECRET_KEY)."""
    secret = hmac.new(settings.SECRET_KEY.encode(), b"motcua.mock-vneid.client", hashlib.sha256).hexdigest()
    return "motcua-local", secret


def signing_key():
    """(private key, kid), generated into MOTCUA_OIDC_MOCK_KEY_FILE on first use and kept per process."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    path = Path(settings.MOTCUA_OIDC_MOCK_KEY_FILE)
    with _lock:
        if str(path) in _keys:
            return _keys[str(path)]
        if not path.exists():
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            pem = key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(pem)
            try:
                os.link(tmp, path)  # atomic: another worker that made the key first wins
            except FileExistsError:
                pass
            finally:
                tmp.unlink()
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        public = key.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        kid = hashlib.sha256(public).hexdigest()[:16]
        _keys[str(path)] = (key, kid)
        return key, kid
