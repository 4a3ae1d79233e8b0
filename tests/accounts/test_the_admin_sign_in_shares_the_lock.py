"""``/admin/login/`` is no second door: it signs nobody in and sends to ``/dang-nhap/``, whose one counter per account
and per address (``accounts.lockout``) and second factor apply to administrators too — guessing cannot move from
one form to the other."""

import pytest
from django.contrib.auth import get_user_model

from motcua.accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db
PASSWORD = "Quan-tri-vien-2026!"


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("quantri.he.thong", "qt@example.vn", PASSWORD)


def admin_login(client, password, username="quantri.he.thong", **extra):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def site_login(client, password, username="quantri.he.thong", **extra):
    return client.post("/dang-nhap/", {"username": username, "password": password}, **extra)


def test_a_post_to_the_admin_form_signs_nobody_in_and_sends_to_the_sign_in_page(client, superuser):
    response = admin_login(client, PASSWORD)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/?next=")
    assert "_auth_user_id" not in client.session


def test_failures_count_once_whatever_the_door(client, superuser):
    for _ in range(3):
        admin_login(client, "sai")  # not a sign-in attempt at all: nothing is checked, nothing counted
        site_login(client, "sai")
    assert SignInThrottle.objects.get(key="account:quantri.he.thong").failures == 3


def test_five_failures_lock_the_administrator_even_with_the_right_password(client, superuser):
    for _ in range(5):
        site_login(client, "sai")
    assert site_login(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session
    assert admin_login(client, PASSWORD)["Location"].startswith("/dang-nhap/")
    assert "_auth_user_id" not in client.session
