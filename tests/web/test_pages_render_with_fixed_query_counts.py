"""Every page answers 200 in Vietnamese with a fixed, known number of SQL queries."""

import pytest

from motcua.demo.loader import load_province


@pytest.fixture
def demo(db):
    load_province()


@pytest.mark.parametrize(
    ("url", "queries", "text"),
    [
        ("/", 0, "Hệ thống thông tin giải quyết thủ tục hành chính"),
        ("/co-quan/", 1, "Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa"),
        ("/co-quan/?ngay=30/06/2025", 1, "Ủy ban nhân dân huyện Đông Sơn"),
        ("/co-quan/000.00.02.H56/", 4, "07:00–11:30, 13:30–17:00"),
        ("/co-quan/000.01.21.H56/", 6, "Nay do:"),
        ("/dang-nhap/", 0, "Tên đăng nhập hoặc thư điện tử"),
    ],
)
def test_public_page(client, demo, django_assert_num_queries, url, queries, text):
    client.get(url)  # working hours are kept per process after the first use
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_directory_as_of_a_past_date_shows_the_old_district(client, demo):
    page = client.get("/co-quan/", {"ngay": "30/06/2025"}).content.decode()
    assert "Ủy ban nhân dân xã Đông Hòa" in page
    assert "Ủy ban nhân dân phường Đông Quang" not in page
    today = client.get("/co-quan/").content.decode()
    assert "Ủy ban nhân dân xã Đông Hòa" not in today
    assert "Ủy ban nhân dân phường Đông Quang" in today


def test_malformed_date_gets_a_message_not_an_error(client, demo):
    response = client.get("/co-quan/", {"ngay": "31/13/2025"})
    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()


def test_unknown_agency_is_404(client, demo):
    assert client.get("/co-quan/999.99.99.H56/").status_code == 404


def test_officer_home_and_account_list_todays_roles(
    client, demo, django_user_model, django_assert_num_queries
):
    client.force_login(django_user_model.objects.get(username="tn.binh"))
    with django_assert_num_queries(3):  # session, user, role assignments
        home = client.get("/").content.decode()
    assert "Công chức tiếp nhận, trả kết quả" in home and "Cán bộ số hóa" in home
    with django_assert_num_queries(5):  # session, user, today's roles, history, the choice of e-mails (+1)
        account = client.get("/tai-khoan/")
    assert account.status_code == 200
    assert "Lịch sử phân công" in account.content.decode()


def test_account_page_requires_login(client, demo):
    response = client.get("/tai-khoan/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


def test_login_with_wrong_password_shows_a_vietnamese_error(client, demo):
    response = client.post("/dang-nhap/", {"username": "tn.an", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu chính xác" in response.content.decode()


def test_login_and_logout(client, demo):
    response = client.post("/dang-nhap/", {"username": "tn.an", "password": "motcua-demo"})
    assert response.status_code == 302
    assert client.get("/").context["user"].username == "tn.an"
    client.post("/dang-xuat/")
    assert not client.get("/").context["user"].is_authenticated


def test_english_is_available(client, demo):
    client.cookies["django_language"] = "en"
    page = client.get("/co-quan/").content.decode()
    assert "Agencies and units" in page


def test_officer_names_are_written_family_name_first(client, demo, django_user_model):
    client.force_login(django_user_model.objects.get(username="kiemsoat.tthc"))
    page = client.get("/tai-khoan/").content.decode()
    assert "<h1>Nguyễn Thu Hà</h1>" in page
