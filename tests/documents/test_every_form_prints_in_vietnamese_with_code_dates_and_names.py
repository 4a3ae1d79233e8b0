"""Every form a transition issues prints — as PDF and as Word — the exact Vietnamese text, the dossier code (also as
a Code 128 barcode), the dates (dd/mm/yyyy, Vietnam time) and the names of the people; the QR code opens the
dossier's public tracking page. Page 1 of each PDF is kept in test-artifacts/forms/ for people to look at."""

import pytest
from django.urls import reverse

from motcua.documents.models import IssuedForm
from motcua.dossiers.services.intake import refuse_at_counter, submit_online
from tests.builders.documents import decode_codes, docx_text, flat, pdf_text, rasterise
from tests.builders.dossiers import act, at, receive, request_for

pytestmark = pytest.mark.django_db

HEADER = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
)
TRACKING = "https://dichvucong.thanhhoa.gov.vn/tra-cuu/{code}/"


def download(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200, response.content[:300]
    return response


def check_pdf(response, tmp_path, artefact, expected, *, code=None):
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path, artefact)
    for line in (*HEADER, *expected):
        assert line in flat(text), f"{line!r} not in the PDF text:\n{text}"
    png = rasterise(response.content, tmp_path, artefact)
    assert png.stat().st_size > 5_000
    if code:
        assert set(decode_codes(response.content, tmp_path, artefact)) == {
            f"CODE-128:{code}",
            f"QR-Code:{TRACKING.format(code=code)}",
        }
    return text


def check_docx(response, expected):
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    text = flat(docx_text(response.content))
    for line in (*HEADER, *expected):
        assert line in text, f"{line!r} not in the Word text:\n{text}"


def test_receipt_mau_01_of_tt03_2025(procedure, officers, signed_in, issued, tmp_path):
    with issued():
        dossier = receive(officers, "2026-03-09 09:15")
    form = IssuedForm.objects.get(dossier=dossier)
    assert (form.form_set, form.code, form.kind, form.issued_at) == (
        "TT03_2025",
        "01",
        "receipt",
        at("2026-03-09 09:15"),
    )
    assert form.data["tracking_url"] == TRACKING.format(code=dossier.code)  # what the QR code encodes
    expected = [
        "Thanh Hóa, ngày 09 tháng 03 năm 2026",
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        f"Mã hồ sơ: {dossier.code}",
        "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ của:",
        "Ông/Bà: Trần Thị Bình",
        "Số định danh cá nhân: 038190001234",
        "Địa chỉ: Phường Hạc Thành",
        "Số điện thoại: 0912345678",
        "Nội dung yêu cầu giải quyết: Đăng ký thường trú",
        "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        "Giấy tờ chứng minh chỗ ở hợp pháp",
        "2. Số lượng hồ sơ: 1 (bộ)",
        "3. Thời gian giải quyết hồ sơ theo quy định: 7 ngày làm việc",
        "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 09/03/2026",
        "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 18/03/2026",
        "6. Đăng ký nhận kết quả tại: Nhận tại bộ phận một cửa",
        "Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: 1.",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "Trần Thị Bình",
        "Nguyễn An",
        "Mẫu số 01 — Thông tư số 03/2025/TT-VPCP",
    ]
    client = signed_in(officers["counter"])
    pdf = download(client, "documents:receipt-pdf", dossier.code)
    raw = pdf_text(pdf.content, tmp_path, "raw")
    check_pdf(pdf, tmp_path, "tt03-01-giay-tiep-nhan", expected, code=dossier.code)
    assert "UBND TỈNH" in raw and "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH" in flat(
        pdf_text_plain(pdf.content, tmp_path)
    )
    assert pdf["Content-Disposition"] == f'inline; filename="{dossier.code}_mau-01.pdf"'
    check_docx(download(client, "documents:receipt-docx", dossier.code), expected)
    # the same form through its own address
    assert download(client, "documents:form-pdf", form.pk).content == pdf.content


def pdf_text_plain(content, tmp_path):
    """pdftotext without -layout: each column of the national header reads on its own."""
    return pdf_text(content, tmp_path, "plain", layout=())


def test_refusal_at_the_counter_mau_03_with_its_reason(procedure, officers, signed_in, issued, tmp_path):
    with issued():
        dossier = refuse_at_counter(
            request_for(),
            officers["counter"],
            reason="Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp.",
            at=at("2026-03-09 10:00"),
        )
    form = IssuedForm.objects.get(dossier=dossier)
    assert (form.form_set, form.code, form.kind) == ("TT03_2025", "03", "refusal")
    expected = [
        "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
        f"Mã tham chiếu: {dossier.reference}",
        "Ông/Bà: Trần Thị Bình",
        "Thời gian nộp hồ sơ: 10 giờ 00 phút, ngày 09/03/2026",
        "thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
        "Hồ sơ không thuộc thẩm quyền giải quyết của Sở Tư pháp.",
        "Xin thông báo cho Ông/Bà được biết và thực hiện./.",
        "Nguyễn An",
        "Mẫu số 03",
    ]
    client = signed_in(officers["counter"])
    check_pdf(download(client, "documents:form-pdf", form.pk), tmp_path, "tt03-03-phieu-tu-choi", expected)
    check_docx(download(client, "documents:form-docx", form.pk), expected)


def test_completion_request_at_reception_mau_02(procedure, officers, signed_in, issued, tmp_path):
    with issued():
        dossier = submit_online(request_for(), officers["counter"], at=at("2026-03-09 08:00"))
        act(
            dossier,
            "request_completion",
            officers["counter"],
            "2026-03-09 14:00",
            reason="Tờ khai chưa có chữ ký của chủ hộ.",
            items=["Tờ khai thay đổi thông tin cư trú có chữ ký của chủ hộ", "Bản sao hợp đồng thuê nhà"],
        )
    form = IssuedForm.objects.get(dossier=dossier)
    assert (form.form_set, form.code, form.kind) == ("TT03_2025", "02", "completion")
    expected = [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Mã tham chiếu: {dossier.reference}",
        "Yêu cầu Ông/Bà hoàn thiện hồ sơ gồm những nội dung như sau:",
        "1. Tờ khai thay đổi thông tin cư trú có chữ ký của chủ hộ",
        "2. Bản sao hợp đồng thuê nhà",
        "Lý do: Tờ khai chưa có chữ ký của chủ hộ.",
        "liên hệ với Nguyễn An, Trung tâm Phục vụ hành chính công tỉnh, số điện thoại 0237 3 720 999",
        "NGƯỜI HƯỚNG DẪN",
    ]
    client = signed_in(officers["counter"])
    check_pdf(
        download(client, "documents:form-pdf", form.pk), tmp_path, "tt03-02-yeu-cau-hoan-thien", expected
    )
    check_docx(download(client, "documents:form-docx", form.pk), expected)


def test_supplement_during_processing_mau_02_with_code(procedure, officers, signed_in, issued, tmp_path):
    with issued():
        dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
        dossier = act(
            dossier,
            "request_supplement",
            officers["specialist"],
            "2026-03-10 09:15",
            reason="Bổ sung bản sao hợp đồng thuê nhà",
            items=["Hợp đồng thuê nhà có công chứng"],
        )
    form = IssuedForm.objects.get(dossier=dossier, kind="completion")
    expected = [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        f"Mã hồ sơ: {dossier.code}",
        "Thanh Hóa, ngày 10 tháng 03 năm 2026",
        "Sở Tư pháp tiếp nhận hồ sơ của:",
        "1. Hợp đồng thuê nhà có công chứng",
        "Lý do: Bổ sung bản sao hợp đồng thuê nhà",
        "Nguyễn Tuphap",
    ]
    client = signed_in(officers["specialist"])
    check_pdf(
        download(client, "documents:form-pdf", form.pk),
        tmp_path,
        "tt03-02-yeu-cau-bo-sung",
        expected,
        code=dossier.code,
    )


def test_apology_and_extension_mau_04_of_tt03_2025(procedure, officers, signed_in, issued, tmp_path):
    with issued():
        dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
        dossier = act(
            dossier,
            "apologize",
            officers["lead"],
            "2026-03-17 16:00",
            reason="Chờ kết quả xác minh của công an xã",
            new_due_at="2026-03-25T09:15:00+07:00",
            signer="Mai Xuân Khánh",
        )
    form = IssuedForm.objects.get(dossier=dossier, kind="apology")
    assert (form.form_set, form.code) == ("TT03_2025", "04")
    expected = [
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Thanh Hóa, ngày 17 tháng 03 năm 2026",
        "Kính gửi: Trần Thị Bình",
        "Ngày 09/03/2026, Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ đề nghị Đăng ký thường trú của Ông/Bà.",
        f"Mã hồ sơ: {dossier.code}",
        "Thời gian hẹn trả kết quả giải quyết hồ sơ: 09 giờ 15 phút, ngày 18/03/2026",
        "Lý do: Chờ kết quả xác minh của công an xã",
        "vào 09 giờ 15 phút, ngày 25/03/2026",
        "THỦ TRƯỞNG CƠ QUAN",
        "Mai Xuân Khánh",
        "Nơi nhận:",
    ]
    client = signed_in(officers["lead"])
    check_pdf(
        download(client, "documents:form-pdf", form.pk),
        tmp_path,
        "tt03-04-xin-loi-gia-han",
        expected,
        code=dossier.code,
    )
    check_docx(download(client, "documents:form-docx", form.pk), expected)


def test_stop_notice_mau_05_of_tt03_2025(procedure, officers, signed_in, issued, tmp_path):
    with issued():
        dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
        dossier = act(
            dossier, "stop", officers["lead"], "2026-03-11 10:00", reason="Không đủ điều kiện đăng ký"
        )
    form = IssuedForm.objects.get(dossier=dossier, kind="stop")
    assert (form.form_set, form.code, form.title) == ("TT03_2025", "05", "Thông báo dừng giải quyết hồ sơ")
    expected = [
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "Kính gửi: Trần Thị Bình",
        "Sở Tư pháp thông báo dừng giải quyết hồ sơ nêu trên kể từ 10 giờ 00 phút, ngày 11/03/2026.",
        "Lý do: Không đủ điều kiện đăng ký",
        "Nguyễn Tuphap",
        "Mẫu số 05 — Thông tư số 03/2025/TT-VPCP",
    ]
    client = signed_in(officers["lead"])
    check_pdf(download(client, "documents:form-pdf", form.pk), tmp_path, "tt03-05-thong-bao-dung", expected)
    check_docx(download(client, "documents:form-docx", form.pk), expected)


def test_control_sheet_mau_06_is_the_process_log_at_print_time(
    procedure, officers, signed_in, issued, tmp_path
):
    with issued():
        dossier = act(receive(officers), "transfer", officers["counter"], "2026-03-09 10:00")
    opened = IssuedForm.objects.get(dossier=dossier, kind="control")
    assert (opened.form_set, opened.code) == ("TT03_2025", "06")
    client = signed_in(officers["counter"])
    first = pdf_text_plain(download(client, "documents:control-pdf", dossier.code).content, tmp_path)
    assert "Phân công xử lý" not in first
    act(dossier, "assign", officers["dept"], "2026-03-09 14:00", handler=officers["specialist"].pk)
    response = download(client, "documents:control-pdf", dossier.code)
    expected = [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        f"Mã hồ sơ: {dossier.code}",
        "Kèm theo hồ sơ của: Trần Thị Bình",
        "Ngày nhận: 09 giờ 15 phút, ngày 09/03/2026",
        "Ngày, giờ hẹn trả kết quả: 09 giờ 15 phút, ngày 18/03/2026",
        "Cơ quan (bộ phận) giải quyết hồ sơ: Sở Tư pháp",
        "TÊN CƠ QUAN",
        "GHI CHÚ",
    ]
    check_pdf(response, tmp_path, "tt03-06-phieu-kiem-soat", expected, code=dossier.code)
    plain = flat(pdf_text_plain(response.content, tmp_path))
    for cell in (
        "THỜI GIAN GIAO, NHẬN HỒ SƠ",
        "1. Giao: Trung tâm Phục vụ hành chính công tỉnh",
        "2. Nhận: Sở Tư pháp",
        "10 giờ 00 phút, ngày 09/03/2026",
        "14 giờ 00 phút, ngày 09/03/2026",
        "Người giao: Nguyễn An",
        "Phân công xử lý",  # the row added after the first print: the sheet grows with the log
    ):
        assert cell in plain, f"{cell!r} not in:\n{plain}"
    check_docx(
        download(client, "documents:control-docx", dossier.code),
        [
            "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
            "Phân công xử lý",
            "Mẫu số 06 — Thông tư số 03/2025/TT-VPCP",
        ],
    )


def test_forms_of_a_dossier_received_under_nd61_are_those_of_tt01_2018(
    old_procedure, officers, signed_in, issued, tmp_path
):
    with issued():
        dossier = receive(officers, "2025-06-20 09:00")
        dossier = act(dossier, "transfer", officers["counter"], "2025-06-20 10:00")
        dossier = act(
            dossier,
            "apologize",
            officers["lead"],
            "2025-06-30 16:00",
            reason="Chờ ý kiến của cơ quan phối hợp",
            new_due_at="2025-07-07T09:00:00+07:00",
            signer="Mai Xuân Khánh",
        )
    assert dossier.form_set == "TT01_2018"
    assert sorted(IssuedForm.objects.filter(dossier=dossier).values_list("code", "kind")) == [
        ("01", "receipt"),
        ("04", "apology"),
        ("05", "control"),
    ]
    client = signed_in(officers["counter"])
    check_pdf(
        download(client, "documents:receipt-pdf", dossier.code),
        tmp_path,
        "tt01-01-giay-tiep-nhan",
        [
            "Thanh Hóa, ngày 20 tháng 06 năm 2025",
            "4. Thời gian nhận hồ sơ: 09 giờ 00 phút, ngày 20/06/2025",
            "Mẫu số 01 — Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ",
        ],
        code=dossier.code,
    )
    apology = IssuedForm.objects.get(dossier=dossier, kind="apology")
    check_pdf(
        download(signed_in(officers["lead"]), "documents:form-pdf", apology.pk),
        tmp_path,
        "tt01-04-phieu-xin-loi",
        [
            "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ",
            "Tuy nhiên đến nay, Sở Tư pháp chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn",
            "vào 09 giờ 00 phút, ngày 07/07/2025",
            "Mẫu số 04 — Thông tư số 01/2018/TT-VPCP",
        ],
    )
    check_pdf(
        download(signed_in(officers["counter"]), "documents:control-pdf", dossier.code),
        tmp_path,
        "tt01-05-phieu-kiem-soat",
        ["PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mẫu số 05 — Thông tư số 01/2018/TT-VPCP"],
    )
