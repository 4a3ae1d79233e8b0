"""Helpers for the dossier API tests: one bearer token per officer of ``conftest.officers``, and a client that
sends it."""

import pytest
from django.utils import timezone

from motcua.core.models import ApiToken
from motcua.core.tokens import create_token

INTAKE = {
    "procedure_code": "1.004222",
    "receiving_agency": "000.00.02.H56",
    "applicant": {"name": "Trần Thị Bình", "id_number": "038190001234", "phone": "0912345678"},
}


class Api:
    def __init__(self, client, key):
        self.client, self.headers = client, {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def get(self, url, params=None):
        return self.client.get(url, params or {}, **self.headers)

    def post(self, url, body):
        return self.client.post(url, body, content_type="application/json", **self.headers)

    def act(self, code, action, inputs=None, **extra):
        return self.post(f"/api/v1/dossiers/{code}/actions/{action}", {"inputs": inputs or {}, **extra})


@pytest.fixture(name="api")
def api_fixture(client, officers):
    """``api["counter"].get(...)``: requests as that officer. Tokens are marked as just used, so the per-minute
    ``last_used_at`` write does not show in query counts."""
    keys = {name: create_token(user, name)[1] for name, user in officers.items()}
    ApiToken.objects.update(last_used_at=timezone.now())
    return {name: Api(client, key) for name, key in keys.items()}


def intake(**overrides):
    body = {**INTAKE, **overrides}
    return body
