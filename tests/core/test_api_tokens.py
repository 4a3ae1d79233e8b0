"""Integrators authenticate with a bearer token: created once by a command (only its hash is stored), refused when
missing, wrong or revoked, and marked as used at most once a minute."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from motcua.core import tokens
from motcua.core.models import ApiToken

pytestmark = pytest.mark.django_db


def create(username, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command("create_api_token", username, *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


def test_the_key_is_printed_once_and_only_its_hash_is_stored(officer):
    key, message = create("officer", "--name", "Cổng DVCQG")
    token = ApiToken.objects.get()
    assert len(key) >= 40 and token.prefix == key[:8] and token.name == "Cổng DVCQG"
    assert token.key_hash == tokens.hash_key(key) and key not in token.key_hash
    assert key not in str(list(ApiToken.objects.values()))
    assert "không hiển thị lại" in message and token.prefix in message


def test_unknown_or_inactive_user_exits_2(officer):
    with pytest.raises(CommandError, match="Không có tài khoản") as unknown:
        create("nobody")
    officer.is_active = False
    officer.save()
    with pytest.raises(CommandError, match="đã bị khóa") as inactive:
        create("officer")
    assert unknown.value.returncode == inactive.value.returncode == 2
    assert not ApiToken.objects.exists()


def bearer(key):
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_bearer_token_authenticates_and_revocation_stops_it(client, officer):
    key, _ = create("officer")
    assert client.get("/api/v1/dossiers").status_code == 401
    altered = ("y" if key[0] == "x" else "x") + key[1:]  # one character changed (keys are random)
    assert client.get("/api/v1/dossiers", **bearer(altered)).status_code == 401
    assert client.get("/api/v1/dossiers", **bearer("")).status_code == 401
    response = client.get("/api/v1/dossiers", **bearer(key))
    assert response.status_code == 200, response.content
    assert response.json() == {"items": [], "next_cursor": None}
    out = io.StringIO()
    call_command("revoke_api_token", key[:8], stdout=out)
    assert "Đã thu hồi 1" in out.getvalue()
    response = client.get("/api/v1/dossiers", **bearer(key))
    assert response.status_code == 401 and "mã truy cập" in response.json()["detail"]
    with pytest.raises(CommandError) as again:
        call_command("revoke_api_token", key[:8])
    assert again.value.returncode == 2


def test_inactive_user_token_is_refused(client, officer):
    _, key = tokens.create_token(officer)
    officer.is_active = False
    officer.save()
    assert client.get("/api/v1/dossiers", **bearer(key)).status_code == 401


def test_last_used_is_written_at_most_once_a_minute(officer):
    token, key = tokens.create_token(officer)
    now = timezone.now()
    assert tokens.user_for_key(key, now) == officer
    token.refresh_from_db()
    assert token.last_used_at == now
    tokens.user_for_key(key, now + dt.timedelta(seconds=30))
    token.refresh_from_db()
    assert token.last_used_at == now
    tokens.user_for_key(key, now + dt.timedelta(seconds=61))
    token.refresh_from_db()
    assert token.last_used_at == now + dt.timedelta(seconds=61)


def test_session_auth_still_works(client, officer):
    client.force_login(officer)
    assert client.get("/api/v1/dossiers").status_code == 200


def test_a_key_never_starts_like_a_command_line_option(officer):
    """The prefix is typed on the command line (revoke_api_token): it starts with a letter or a digit, never “-”."""
    keys = [tokens.create_token(officer)[1] for _ in range(300)]
    assert all(key[0].isalnum() for key in keys)
