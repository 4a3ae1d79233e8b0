"""The public procedure pages show every part ND 63/2010 Art. 8 requires, as of a date, with known SQL counts."""

import datetime as dt

import pytest

from motcua.catalog import services
from motcua.catalog.models import LegalBasis, ResultDocument
from tests.builders.catalog import draft_procedure, published_procedure
from tests.builders.org import make_agency

pytestmark = pytest.mark.django_db


@pytest.fixture
def residence(province):
    version = draft_procedure(
        steps="Bước 1: Chuẩn bị hồ sơ.\nBước 2: Nộp hồ sơ tại Công an cấp xã.",
        requirements="Đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư",
        subjects="Công dân Việt Nam",
        competent_agency="Công an cấp xã",
        implementing_agency="Công an cấp xã",
        online_level="full",
    )
    LegalBasis.objects.create(version=version, order=1, title="Luật Cư trú 2020", number="68/2020/QH14")
    ResultDocument.objects.create(
        version=version, order=1, name="Thông báo kết quả giải quyết thủ tục về cư trú", code="KQ.G01.000065"
    )
    version = services.publish(version, valid_from=dt.date(2025, 7, 1), decision_number="1523/QĐ-BCA-C06")
    police = make_agency("000.38.00.G01", "Công an tỉnh", kind="nganh_doc", level="central")
    services.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    services.assign(version.procedure, police, "handles", valid_from=dt.date(2025, 7, 1))
    return version


def test_procedure_page_shows_every_published_part(client, residence, django_assert_num_queries):
    # procedure, version on the date, the version with its field, 7 prefetches, assignments, other versions
    with django_assert_num_queries(12):
        page = client.get("/thu-tuc/1.004222/").content.decode()
    for text in [
        "Đăng ký thường trú",
        "1.004222",
        "Đăng ký, quản lý cư trú",
        "Cấp xã",  # name, code, field, level
        "Bước 2: Nộp hồ sơ tại Công an cấp xã.",  # steps
        "Trực tiếp",
        "Trực tuyến",
        "7 ngày làm việc",  # methods and time limit
        "20.000 đồng",
        "10.000 đồng",
        "Miễn cho người có công",  # fees
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "1 bản chính",
        "1 bản sao",  # components
        "Công dân Việt Nam",
        "Công an cấp xã",  # subjects, agency
        "Thông báo kết quả giải quyết thủ tục về cư trú",
        "KQ.G01.000065",  # result
        "Luật Cư trú 2020",
        "68/2020/QH14",  # legal basis
        "Đã có thông tin trong Cơ sở dữ liệu quốc gia về dân cư",  # requirements
        "Trung tâm Phục vụ hành chính công tỉnh",
        "Công an tỉnh",  # where submitted, who handles
        "Dịch vụ công trực tuyến toàn trình",
        "1523/QĐ-BCA-C06",
    ]:
        assert text in page, text


def test_page_as_of_a_date_shows_the_version_then_in_force(client, residence):
    draft = services.new_draft(residence.procedure, copy_from=residence, name="Đăng ký thường trú (sửa đổi)")
    services.publish(draft, valid_from=dt.date(2026, 3, 1))
    assert "Đăng ký thường trú (sửa đổi)" in client.get("/thu-tuc/1.004222/").content.decode()
    old = client.get("/thu-tuc/1.004222/", {"ngay": "15/01/2026"}).content.decode()
    assert "Đây là phiên bản 1" in old and "(sửa đổi)</h1>" not in old


def test_unknown_code_or_date_before_publication_is_404(client, residence):
    assert client.get("/thu-tuc/9.999999/").status_code == 404
    assert client.get("/thu-tuc/1.004222/", {"ngay": "01/01/2020"}).status_code == 404


def test_list_browses_by_field_level_agency_and_online(
    client, residence, province, django_assert_num_queries
):
    published_procedure(code="1.001193", name="Đăng ký khai sinh", field_name="Hộ tịch")
    with django_assert_num_queries(4):  # count, page, fields, agencies with assignments
        page = client.get("/thu-tuc/").content.decode()
    assert "Đăng ký thường trú" in page and "Đăng ký khai sinh" in page
    by_field = client.get("/thu-tuc/", {"linh-vuc": "hộ-tịch"}).content.decode()
    assert "Đăng ký khai sinh" in by_field and "Đăng ký thường trú</strong>" not in by_field
    by_agency = client.get("/thu-tuc/", {"co-quan": province["centre"].identifier}).content.decode()
    assert "Đăng ký thường trú" in by_agency and "Đăng ký khai sinh</strong>" not in by_agency
    online = client.get("/thu-tuc/", {"truc-tuyen": "1"}).content.decode()
    assert "Đăng ký thường trú" in online and "Đăng ký khai sinh</strong>" not in online
    by_level = client.get("/thu-tuc/", {"cap": "province"}).content.decode()
    assert "Không tìm thấy thủ tục nào" in by_level


def test_bad_filters_get_a_message_not_an_error(client, residence):
    response = client.get("/thu-tuc/", {"cap": "galaxy", "linh-vuc": "khong-co", "co-quan": "x"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cấp thực hiện không hợp lệ." in page and "Không có lĩnh vực này." in page
    assert "Không có cơ quan này." in page
