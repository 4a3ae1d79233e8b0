"""Password reset with Django's views, in Vietnamese: the letter's link sets a new password once."""

import pytest
from django.core import mail

from tests.builders.accounts import PASSWORD, link_in, make_local

pytestmark = pytest.mark.django_db
NEW = "Mat-khau-moi-cua-Binh-2026"


def test_reset_by_email(client):
    citizen = make_local()
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "binh@example.vn"})
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.subject == "Đặt lại mật khẩu tài khoản dịch vụ công"
    assert "đặt lại mật khẩu cho tài khoản binh@example.vn" in letter.body

    form_page = client.get(link_in(letter.body), follow=True)
    assert "Đặt mật khẩu mới" in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == "/tai-khoan/dat-lai-mat-khau/xong/"

    assert (
        client.post("/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD}).status_code == 200
    )
    assert client.post("/dang-nhap/", {"username": "binh@example.vn", "password": NEW}).status_code == 302
    assert client.session["_auth_user_id"] == str(citizen.user_id)

    used_again = client.get(link_in(letter.body), follow=True)
    assert "không hợp lệ hoặc đã được dùng" in used_again.content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_letter(client):
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "khong-co@example.vn"})
    assert response.status_code == 302 and response["Location"] == "/tai-khoan/quen-mat-khau/da-gui/"
    assert mail.outbox == []


def test_a_reset_also_verifies_an_unverified_address(client):
    citizen = make_local(verified=False)
    client.post("/tai-khoan/quen-mat-khau/", {"email": "binh@example.vn"})
    form_page = client.get(link_in(mail.outbox[0].body), follow=True)
    client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    citizen.refresh_from_db()
    assert citizen.email_verified_at is not None
    assert client.post("/dang-nhap/", {"username": "binh@example.vn", "password": NEW}).status_code == 302
