"""Sign-up → a Vietnamese letter with a signed link → verification → sign-in. The identity typed at sign-up is
only declared; the password is stored as an Argon2 hash."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from motcua import settings as project_settings
from motcua.accounts.models import Citizen
from tests.builders.accounts import PASSWORD, link_in

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "  Trần   Thị Bình ",
    "email": "Binh.Tran@Example.vn",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "phone": "0912345678",
    "id_number": "038190001234",
}


def test_sign_up_verify_and_sign_in(client):
    response = client.post("/tai-khoan/dang-ky/", FORM)
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/dang-ky/da-gui/"
    assert "binh.tran@example.vn" in client.get(response["Location"]).content.decode()

    citizen = Citizen.objects.select_related("user").get()
    assert citizen.full_name == "Trần Thị Bình"
    assert citizen.user.username == citizen.email == "binh.tran@example.vn"
    assert citizen.id_number == "038190001234" and citizen.id_verified is False  # declared, not verified
    assert citizen.email_verified_at is None

    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["binh.tran@example.vn"]
    assert letter.subject == "Xác nhận thư điện tử của tài khoản dịch vụ công"
    assert "Kính gửi Trần Thị Bình" in letter.body and "48 giờ" in letter.body

    # before verification: the right password is refused with a way to get a new letter
    refused = client.post("/dang-nhap/", {"username": "binh.tran@example.vn", "password": PASSWORD})
    page = refused.content.decode()
    assert refused.status_code == 200 and "chưa được xác nhận" in page and "Gửi lại thư xác nhận" in page
    assert "_auth_user_id" not in client.session

    verified = client.get(link_in(letter.body))
    assert verified.status_code == 302 and verified["Location"] == "/dang-nhap/"
    citizen.refresh_from_db()
    assert citizen.email_verified_at is not None

    signed_in = client.post("/dang-nhap/", {"username": "BINH.TRAN@example.vn", "password": PASSWORD})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/"
    assert client.session["_auth_user_id"] == str(citizen.user_id)


def test_a_citizen_goes_to_next_after_sign_in(client):
    from tests.builders.accounts import make_local

    make_local()
    response = client.post(
        "/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD, "next": "/tai-khoan/ca-nhan/"}
    )
    assert response["Location"] == "/tai-khoan/ca-nhan/"
    evil = client.post(
        "/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert evil["Location"] == "/"


def test_the_password_is_stored_as_argon2(client, settings):
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS  # the tests' fast hasher off
    client.post("/tai-khoan/dang-ky/", FORM)
    user = get_user_model().objects.get()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(PASSWORD)


def test_sign_up_refuses_bad_input_and_creates_nothing(client):
    from tests.builders.accounts import make_local

    make_local(email="binh.tran@example.vn")
    cases = [
        ({"password2": "khac-mat-khau-2026"}, "Hai lần nhập mật khẩu không giống nhau."),
        ({"email": "binh.tran@example.vn"}, "Thư điện tử này đã dùng cho một tài khoản."),
        ({"password1": "12345678", "password2": "12345678"}, "password2"),
        ({"id_number": "12345"}, "Số định danh cá nhân gồm 12 chữ số"),
        ({"email": "khong-phai-thu"}, "email"),
    ]
    for change, _text in cases:
        response = client.post("/tai-khoan/dang-ky/", {**FORM, "email": "moi@example.vn", **change})
        assert response.status_code == 200
        assert 'class="field-error"' in response.content.decode()
    page = client.post("/tai-khoan/dang-ky/", {**FORM, "password2": "khac-mat-khau-2026"}).content.decode()
    assert "Hai lần nhập mật khẩu không giống nhau." in page
    assert Citizen.objects.count() == 1 and len(mail.outbox) == 0


def test_resend_sends_a_new_letter_and_answers_the_same_for_unknown_addresses(client):
    from tests.builders.accounts import make_local

    make_local(email="chua@example.vn", verified=False)
    one = client.post("/tai-khoan/gui-lai-xac-nhan/", {"email": "chua@example.vn"}, follow=True)
    two = client.post("/tai-khoan/gui-lai-xac-nhan/", {"email": "khong-co@example.vn"}, follow=True)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["chua@example.vn"]
    message = "Nếu địa chỉ này thuộc một tài khoản chưa xác nhận"
    assert message in one.content.decode() and message in two.content.decode()
