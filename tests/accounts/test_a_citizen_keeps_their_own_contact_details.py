"""The citizen's account page: verified identity read-only, contact details editable (a local account's new
e-mail is its new sign-in name and must be verified), password change for local accounts, sign-out. Officers are
sent to their own page."""

import pytest
from django.core import mail

from motcua.accounts.models import Citizen
from tests.builders.accounts import PASSWORD, link_in, make_local

pytestmark = pytest.mark.django_db
NEW = "Mat-khau-moi-cua-Binh-2026"


def test_contact_details_are_saved(client):
    citizen = make_local(id_number="038190001234")
    client.force_login(citizen.user)
    page = client.get("/tai-khoan/ca-nhan/").content.decode()
    assert "Tự khai, chưa xác thực" in page and "038190001234" in page and "Đổi mật khẩu" in page
    response = client.post(
        "/tai-khoan/ca-nhan/",
        {"phone": "0911222333", "email": "binh@example.vn", "address": "12 Lê Lợi, Thanh Hóa"},
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert (citizen.phone, citizen.address) == ("0911222333", "12 Lê Lợi, Thanh Hóa")
    assert citizen.email_verified_at is not None and mail.outbox == []


def test_a_new_email_is_the_new_sign_in_name_and_is_verified_again(client):
    citizen = make_local()
    make_local(email="da-co@example.vn")
    client.force_login(citizen.user)
    taken = client.post("/tai-khoan/ca-nhan/", {"phone": "", "email": "da-co@example.vn", "address": ""})
    assert taken.status_code == 200 and "đã dùng cho một tài khoản khác" in taken.content.decode()
    client.post("/tai-khoan/ca-nhan/", {"phone": "", "email": "Moi@Example.vn", "address": ""})
    citizen.refresh_from_db()
    citizen.user.refresh_from_db()
    assert citizen.user.username == citizen.email == "moi@example.vn" and citizen.email_verified_at is None
    assert mail.outbox[0].to == ["moi@example.vn"]
    client.get(link_in(mail.outbox[0].body))
    client.post("/dang-xuat/")
    assert client.post("/dang-nhap/", {"username": "moi@example.vn", "password": PASSWORD}).status_code == 302


def test_the_verified_identity_cannot_be_edited(client, fake_idp):
    from tests.builders.accounts import start_sign_in

    query = start_sign_in(client, fake_idp)
    client.get("/dang-nhap/vneid/callback/", {"code": "c", "state": query["state"]})
    page = client.get("/tai-khoan/ca-nhan/").content.decode()
    assert "Đã xác thực bằng định danh điện tử" in page and "không sửa được" in page
    assert "Đổi mật khẩu" not in page
    client.post(
        "/tai-khoan/ca-nhan/",
        {
            "phone": "0900000000",
            "email": "",
            "address": "",
            "full_name": "Ai Khác",
            "id_number": "000000000000",
        },
    )
    citizen = Citizen.objects.get()
    assert (citizen.full_name, citizen.id_number, citizen.phone) == (
        "Lê Văn Hùng",
        "038095004567",
        "0900000000",
    )
    assert client.get("/tai-khoan/ca-nhan/doi-mat-khau/").status_code == 200  # Django's form: no old password


def test_change_password(client):
    citizen = make_local()
    client.force_login(citizen.user)
    wrong = client.post(
        "/tai-khoan/ca-nhan/doi-mat-khau/",
        {"old_password": "sai", "new_password1": NEW, "new_password2": NEW},
    )
    assert wrong.status_code == 200
    done = client.post(
        "/tai-khoan/ca-nhan/doi-mat-khau/",
        {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW},
    )
    assert done.status_code == 302 and done["Location"] == "/tai-khoan/ca-nhan/"
    citizen.user.refresh_from_db()
    assert citizen.user.check_password(NEW)


def test_sign_out(client):
    client.force_login(make_local().user)
    assert client.post("/dang-xuat/")["Location"] == "/"
    assert client.get("/tai-khoan/ca-nhan/")["Location"].startswith("/dang-nhap/")


def test_an_officer_is_not_a_citizen(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("tn.an", password=PASSWORD))
    assert client.get("/tai-khoan/ca-nhan/").status_code == 403
