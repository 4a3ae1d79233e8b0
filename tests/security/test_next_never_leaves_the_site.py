"""Every ``next=`` (sign-in, sign-out, VNeID, the administration, the language switch, the officer's notifications)
only ever leads to a page of this site: an address elsewhere, a scheme-relative ``//host``, a backslash trick or a
``javascript:`` URL is dropped and the usual page follows. Sign-in and e-mail links are built from
``MOTCUA_PUBLIC_URL``, never from a forged ``Host``."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from motcua.accounts import oidc
from tests.builders.accounts import PASSWORD, make_local

pytestmark = pytest.mark.django_db

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example",
    "https:evil.example",
    "javascript:alert(1)",
    "http://testserver@evil.example/",
    " //evil.example",
]


def stays_here(location: str) -> bool:
    return location.startswith("/") and not location.startswith(("//", "/\\")) and "evil" not in location


@pytest.mark.parametrize("target", EVIL)
def test_sign_in(client, target):
    make_local()
    response = client.post(
        f"/dang-nhap/?next={target}", {"username": "binh@example.vn", "password": PASSWORD}
    )
    assert response.status_code == 302 and stays_here(response["Location"])
    response = client.post(
        "/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD, "next": target}
    )
    assert stays_here(client.get("/dang-nhap/", {"next": target})["Location"])


@pytest.mark.parametrize("target", EVIL)
def test_sign_in_page_does_not_carry_a_foreign_next(client, target):
    page = client.get("/dang-nhap/", {"next": target}).content.decode()
    assert '<input type="hidden" name="next" value="">' in page  # the form's own next (the language switch's
    assert "vneid/?next=" not in page  # next is this page's path, checked again by Django's set_language)


@pytest.mark.parametrize("target", EVIL)
def test_sign_out(client, target):
    client.force_login(make_local().user)
    response = client.post("/dang-xuat/", {"next": target})
    assert response.status_code == 302 and stays_here(response["Location"])
    client.force_login(get_user_model().objects.get(username="binh@example.vn"))
    response = client.post(f"/dang-xuat/?next={target}")
    assert stays_here(response["Location"])


@pytest.mark.parametrize("target", EVIL)
def test_the_language_switch(client, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert response.status_code == 302 and stays_here(response["Location"])


@pytest.mark.parametrize("target", EVIL)
def test_the_admin_sign_in(client, target):
    get_user_model().objects.create_superuser("quantri", "qt@example.vn", PASSWORD)
    response = client.post("/admin/login/", {"username": "quantri", "password": PASSWORD, "next": target})
    assert response.status_code == 302 and stays_here(response["Location"])


@pytest.mark.parametrize("target", EVIL)
def test_vneid_keeps_no_foreign_next(client, mock_idp, target):
    response = client.get("/dang-nhap/vneid/", {"next": target})
    assert response.status_code == 302
    assert client.session[oidc.SESSION_KEY]["next"] == ""


@pytest.mark.parametrize("target", EVIL)
def test_marking_notifications_read(client, officers, target):
    client.force_login(officers["counter"])
    response = client.post("/mot-cua/thong-bao/da-doc/", {"next": target})
    assert response.status_code == 302 and stays_here(response["Location"])


def test_a_page_of_the_site_is_still_followed(client, officers):
    client.force_login(officers["counter"])
    response = client.post("/mot-cua/thong-bao/da-doc/", {"next": "/mot-cua/thong-bao/?chua-doc=1"})
    assert response["Location"] == "/mot-cua/thong-bao/?chua-doc=1"


FORGED = "evil.example"


@pytest.fixture
def any_host(settings):
    settings.ALLOWED_HOSTS = ["*"]  # the worst case: a server that answers any Host
    settings.MOTCUA_PUBLIC_URL = "https://dichvucong.example.gov.vn"


def test_the_password_reset_letter_links_to_the_public_address(client, any_host):
    make_local()
    client.post("/tai-khoan/quen-mat-khau/", {"email": "binh@example.vn"}, HTTP_HOST=FORGED)
    (letter,) = mail.outbox
    assert "https://dichvucong.example.gov.vn/tai-khoan/dat-lai-mat-khau/" in letter.body
    assert FORGED not in letter.body


def test_the_sign_up_letter_links_to_the_public_address(client, any_host):
    client.post(
        "/tai-khoan/dang-ky/",
        {
            "full_name": "Lê Văn Cường",
            "email": "cuong@example.vn",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        HTTP_HOST=FORGED,
    )
    (letter,) = mail.outbox
    assert (
        "https://dichvucong.example.gov.vn/tai-khoan/xac-nhan/" in letter.body and FORGED not in letter.body
    )
