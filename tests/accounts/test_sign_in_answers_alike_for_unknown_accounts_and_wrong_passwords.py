"""No enumeration: an unknown name and a wrong password get the same page, and an unknown name is locked exactly
like a real one. Officers sign in on the same page and land on their workspace."""

import pytest

from motcua.org.roles import Role
from tests.builders.accounts import PASSWORD, make_local, without_tokens
from tests.builders.org import assign, make_agency

pytestmark = pytest.mark.django_db


def test_unknown_account_and_wrong_password_get_the_same_answer(client):
    make_local()
    wrong = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": "sai"})
    unknown = client.post("/dang-nhap/", {"username": "ai-do@example.vn", "password": "sai"})
    assert wrong.status_code == unknown.status_code == 200
    message = "Hãy nhập tên đăng nhập (hoặc thư điện tử) và mật khẩu chính xác."
    assert message in wrong.content.decode()
    same = without_tokens(wrong.content.decode()).replace("binh@example.vn", "X")
    assert same == without_tokens(unknown.content.decode()).replace("ai-do@example.vn", "X")
    for _ in range(4):
        client.post("/dang-nhap/", {"username": "binh@example.vn", "password": "sai"})
        client.post("/dang-nhap/", {"username": "ai-do@example.vn", "password": "sai"})
    locked_real = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": "sai"})
    locked_unknown = client.post("/dang-nhap/", {"username": "ai-do@example.vn", "password": "sai"})
    assert locked_real.status_code == locked_unknown.status_code == 429


def test_an_unverified_account_is_told_only_after_the_right_password(client):
    make_local(verified=False)
    wrong = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": "sai"}).content.decode()
    assert "chưa được xác nhận" not in wrong
    right = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD}).content.decode()
    assert "chưa được xác nhận" in right


def test_an_officer_signs_in_by_username_or_email_and_lands_on_the_workspace(client, django_user_model):
    officer = django_user_model.objects.create_user("tn.an", email="an@tinh.gov.vn", password=PASSWORD)
    assign(
        officer, Role.COUNTER_OFFICER, make_agency("000.00.02.H56", "Trung tâm Phục vụ hành chính công tỉnh")
    )
    response = client.post("/dang-nhap/", {"username": "TN.AN", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/mot-cua/"
    client.post("/dang-xuat/")
    response = client.post("/dang-nhap/", {"username": "an@tinh.gov.vn", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/mot-cua/"


def test_a_signed_in_visitor_is_sent_on(client):
    citizen = make_local()
    client.force_login(citizen.user)
    assert client.get("/dang-nhap/")["Location"] == "/"


def test_an_account_without_an_address_is_told_to_ask_the_administrator(client):
    citizen = make_local(verified=False)
    citizen.email = ""
    citizen.save()
    right = client.post("/dang-nhap/", {"username": "binh@example.vn", "password": PASSWORD}).content.decode()
    assert "Tài khoản chưa có thư điện tử đã xác nhận: hãy liên hệ quản trị hệ thống để bổ sung." in right
    assert "đã gửi tới ." not in right
