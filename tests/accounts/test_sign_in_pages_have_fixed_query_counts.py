"""Known SQL on the sign-in and account pages."""

import pytest

from tests.builders.accounts import PASSWORD, make_local

pytestmark = pytest.mark.django_db


def test_sign_in_page(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        page = client.get("/dang-nhap/")
    assert page.status_code == 200 and "Đăng nhập" in page.content.decode()


def test_sign_in_page_with_the_vneid_button(client, settings, django_assert_num_queries):
    settings.MOTCUA_OIDC_ISSUER, settings.MOTCUA_OIDC_CLIENT_ID = "https://id.example.vn", "motcua"
    with django_assert_num_queries(0):
        page = client.get("/dang-nhap/", {"next": "/tai-khoan/ca-nhan/"}).content.decode()
    assert "Đăng nhập bằng VNeID" in page
    assert 'href="/dang-nhap/vneid/?next=/tai-khoan/ca-nhan/"' in page


def test_a_failed_sign_in(client, django_assert_num_queries):
    make_local()
    # the name, the lock, the user (password check); then per count (account, address): a savepoint, the row
    # locked, created the first time (in its own savepoint), updated, released
    with django_assert_num_queries(17):
        client.post("/dang-nhap/", {"username": "binh@example.vn", "password": "sai"})


def test_a_successful_sign_in(client, django_assert_num_queries):
    make_local()
    # the name, the lock, the user, clear the count, the citizen (verified?), the session (exists?, created in a
    # savepoint), last login, role assignments (officer?), the session saved (in a savepoint)
    with django_assert_num_queries(14):
        response = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD})
    assert response.status_code == 302


def test_other_account_pages(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert client.get("/tai-khoan/dang-ky/").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/tai-khoan/quen-mat-khau/").status_code == 200
    with django_assert_num_queries(0):
        assert client.get("/tai-khoan/gui-lai-xac-nhan/").status_code == 200
    client.force_login(make_local().user)
    with django_assert_num_queries(2):  # session, user with its citizen
        assert client.get("/tai-khoan/ca-nhan/").status_code == 200
