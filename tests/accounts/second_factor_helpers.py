"""Officers for the second-factor tests, and the steps of a sign-in through the pages."""

from __future__ import annotations

import itertools
import re

from django.contrib.auth import get_user_model

from motcua.accounts import second_factor
from motcua.org.roles import Role
from tests.builders.accounts import current_code
from tests.builders.org import assign, make_agency

PASSWORD = "mat-khau-dai-123"
CODE_PAGE = "/dang-nhap/ma-xac-thuc/"
ENROL_PAGE = "/dang-nhap/cai-dat-xac-thuc/"
RECOVERY_PAGE = "/dang-nhap/ma-du-phong/"
WORKSPACE = "/mot-cua/"


_numbers = itertools.count(10)


def make_officer(username: str, role: str | None = Role.AGENCY_LEAD, **extra):
    user = get_user_model().objects.create_user(username, password=PASSWORD, last_name="Nguyễn", **extra)
    if role:
        assign(user, role, make_agency(f"000.00.{next(_numbers) % 100:02d}.H56", f"Sở {username}"))
    return user


def enrol(user) -> tuple[object, list[str]]:
    """Enrol an authenticator for ``user`` through the service, as the enrolment page does."""
    device = second_factor.pending_device(user)
    return second_factor.confirm_enrolment(user, device.pk, current_code(device))


def password_step(client, user, next_url: str = ""):
    data = {"username": user.get_username(), "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/dang-nhap/", data)


def secret_on(page: str) -> str:
    return re.search(r'id="otp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")


def in_workspace(client) -> bool:
    """Whether the client's session opens the officers' workspace (its home redirects to a queue)."""
    response = client.get(WORKSPACE, follow=True)
    return response.status_code == 200 and response.request["PATH_INFO"].startswith(WORKSPACE)
