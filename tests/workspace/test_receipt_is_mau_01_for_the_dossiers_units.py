"""The receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Mẫu 01) is a print-ready page: the national header, the
receiving unit, the code, the applicant, the procedure, the components with originals and copies, the number of
sets, the reception and appointment times (dd/mm/yyyy, HH:MM, Vietnam time), how the result is returned and the
receiving officer. A dossier refused at the counter gets its refusal slip (Mẫu 03) with the reason. Only the
officers who may see the dossier see it (404 otherwise), with a fixed number of queries."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.intake import ApplicantData, receive_at_counter
from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import WORK_MENU_COUNTER, at, counter_form, request_for
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db

# session, user, role assignments, agency tree; the dossier (joined with procedure, case, people, handler), its
# components, steps, the agencies it names (no pauses or apologies yet: not read); the receiving unit with its parent
# and administrative unit; the reception entry of the process log; unread notifications; the personal-data access
# log's INSERT (the receipt shows the applicant's identity and contact data); the menu's work counts (a counter
# officer's)
RECEIPT_QUERIES = 4 + 4 + 1 + 1 + 1 + 1 + WORK_MENU_COUNTER


def receipt_url(dossier) -> str:
    return f"/mot-cua/ho-so/{dossier.code or dossier.reference}/giay-tiep-nhan/"


@pytest.fixture
def received(procedure, officers):
    request = request_for(
        applicant=ApplicantData(
            name="Trần Thị Bình", id_number="038190001234", phone="0912345678", address="Phường Hạc Thành"
        ),
        representative=ApplicantData(name="Lê Văn Cường", id_number="038085000111"),
        sets=2,
        result_delivery="postal",
    )
    return receive_at_counter(request, officers["counter"], at=at("2026-03-09 09:15"))


def test_the_receipt_has_the_content_of_mau_01(signed_in, officers, received):
    response = signed_in(officers["counter"]).get(receipt_url(received))
    assert response.status_code == 200
    html = response.content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {received.code}",
        "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ của:",
        "Ông/Bà: Trần Thị Bình",
        "Số định danh cá nhân: 038190001234",
        "Số điện thoại: 0912345678",
        "Người nộp hồ sơ (được ủy quyền): Lê Văn Cường",
        "Thủ tục hành chính: Đăng ký thường trú (mã 1.004222)",
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01) 1 0",  # name, originals, copies
        "Giấy tờ chứng minh chỗ ở hợp pháp 0 1",
        "Số lượng hồ sơ: 2 (bộ)",
        "Thời gian giải quyết hồ sơ theo quy định: 7 ngày làm việc",
        "Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 09/03/2026",
        "Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 18/03/2026",
        "Đăng ký nhận kết quả tại: Nhận qua dịch vụ bưu chính công ích — địa chỉ nhận: Phường Hạc Thành",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Nguyễn An",  # the receiving officer, as the process log recorded the name
        "Ngày 09 tháng 03 năm 2026",  # the unit has no administrative unit here: no place name before the date
    ):
        assert expected in text, expected
    assert "data-print>" in html and "workspace/workspace.css" in html


def test_the_print_rules_exist():
    from pathlib import Path

    css = (Path(__file__).parents[2] / "src/motcua/workspace/static/workspace/workspace.css").read_text()
    section = css[css.index("/* --- counter intake ---") :]
    assert "@media print" in section and "@page { size: A4" in section and ".doc-toolbar" in section


def test_the_receipt_keeps_the_appointment_given_at_reception(signed_in, officers, received):
    apply(received, "transfer", officers["counter"], at=at("2026-03-09 10:00"))
    apply(
        received,
        "apologize",
        officers["lead"],
        inputs={"reason": "Cần xác minh", "new_due_at": "2026-03-25T09:15:00+07:00"},
        at=at("2026-03-17 09:00"),
    )
    assert timezone.localtime(Dossier.objects.get().due_at).day == 25
    html = signed_in(officers["counter"]).get(receipt_url(received)).content.decode()
    assert "ngày 18/03/2026" in html and "25/03/2026" not in html


def test_only_the_dossiers_officers_see_it(signed_in, officers, received):
    url = receipt_url(received)
    assert signed_in(officers["other_counter"]).get(url).status_code == 404
    assert signed_in(officers["specialist"]).get(url).status_code == 200
    assert (
        signed_in(officers["counter"])
        .get("/mot-cua/ho-so/000.00.03.H56-260309-9999/giay-tiep-nhan/")
        .status_code
        == 404
    )


def test_the_receipt_costs_fixed_queries(signed_in, officers, received, django_assert_num_queries):
    client = signed_in(officers["counter"])
    with django_assert_num_queries(RECEIPT_QUERIES):
        assert client.get(receipt_url(received)).status_code == 200
    apply(received, "transfer", officers["counter"])
    apply(received, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    apply(received, "request_payment", officers["specialist"], inputs={"reason": "Lệ phí"})
    apply(received, "confirm_payment", officers["specialist"])
    with django_assert_num_queries(RECEIPT_QUERIES + 1):  # its pause now: one query, however many
        assert client.get(receipt_url(received)).status_code == 200


def test_a_refusal_at_the_counter_gets_its_slip(signed_in, officers, procedure, django_assert_num_queries):
    client = signed_in(officers["counter"])
    response = client.post(
        URL,
        counter_form(
            procedure, decision="refuse", reason="Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh."
        ),
    )
    dossier = Dossier.objects.get()
    assert dossier.status == 3 and dossier.code is None and dossier.due_at is None
    assert response["Location"] == f"/mot-cua/ho-so/{dossier.reference}/giay-tiep-nhan/"
    with django_assert_num_queries(RECEIPT_QUERIES + 1):  # found by its reference, after trying it as a code
        html = client.get(response["Location"]).content.decode()
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in html
    assert "Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh." in html
    assert "GIẤY TIẾP NHẬN" not in html and dossier.reference in html


def test_an_online_dossier_not_yet_accepted_has_no_receipt(signed_in, officers, procedure):
    from motcua.dossiers.services.intake import submit_online

    dossier = submit_online(request_for(), officers["counter"], at=timezone.now())
    response = signed_in(officers["counter"]).get(receipt_url(dossier))
    assert response.status_code == 404 and "chưa có giấy tiếp nhận" in response.content.decode()
