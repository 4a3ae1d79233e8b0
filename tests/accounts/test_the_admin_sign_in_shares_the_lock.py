"""``/admin/login/`` counts failures and obeys locks exactly like ``/dang-nhap/`` (one counter per account and per
address, ``accounts.lockout``): guessing cannot move from one form to the other."""

import pytest
from django.contrib.auth import get_user_model

from motcua.accounts.models import SignInThrottle

pytestmark = pytest.mark.django_db
PASSWORD = "Quan-tri-vien-2026!"
LOCKED = "Đăng nhập sai quá nhiều lần nên tạm bị khóa"


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser("quantri.he.thong", "qt@example.vn", PASSWORD)


def admin_login(client, password, username="quantri.he.thong", **extra):
    return client.post(
        "/admin/login/?next=/admin/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def site_login(client, password, username="quantri.he.thong"):
    return client.post("/dang-nhap/", {"username": username, "password": password})


def test_five_failures_on_the_admin_form_lock_the_account_even_with_the_right_password(client, superuser):
    for _ in range(4):
        page = admin_login(client, "sai")
        assert page.status_code == 200 and LOCKED not in page.content.decode()
    assert LOCKED in admin_login(client, "sai").content.decode()
    right = admin_login(client, PASSWORD)
    assert right.status_code == 200 and LOCKED in right.content.decode()
    assert "_auth_user_id" not in client.session
    # the same lock closes the site's form
    assert site_login(client, PASSWORD).status_code == 429


def test_failures_on_both_forms_add_up(client, superuser):
    for _ in range(3):
        site_login(client, "sai")
    for _ in range(2):
        admin_login(client, "sai")
    assert SignInThrottle.objects.get(key="account:quantri.he.thong").failures == 5
    assert LOCKED in admin_login(client, PASSWORD).content.decode()


def test_the_address_limit_counts_admin_attempts(client, superuser, settings):
    for n in range(settings.MOTCUA_SIGNIN_IP_MAX_FAILURES):
        admin_login(client, "sai", username=f"khong-co-{n}", REMOTE_ADDR="203.0.113.50")
    assert LOCKED in admin_login(client, PASSWORD, REMOTE_ADDR="203.0.113.50").content.decode()
    assert admin_login(client, PASSWORD, REMOTE_ADDR="198.51.100.3").status_code == 302


def test_a_right_password_signs_in_and_clears_the_account_count(client, superuser):
    admin_login(client, "sai")
    response = admin_login(client, PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not SignInThrottle.objects.filter(key="account:quantri.he.thong").exists()


def test_a_non_staff_account_with_its_right_password_is_still_refused(client, django_user_model):
    django_user_model.objects.create_user("cong.dan", password=PASSWORD)
    page = admin_login(client, PASSWORD, username="cong.dan")
    assert page.status_code == 200 and "_auth_user_id" not in client.session
