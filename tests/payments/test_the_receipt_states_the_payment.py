"""The e-receipt (biên lai điện tử) of a successful payment, in Vietnamese: number, dossier, procedure, the payer's
name only, items, the amount in figures and in words, the transaction and the time; only its payer downloads it."""

import pytest

from motcua.payments.services.money import in_words
from tests.builders.payments import begin, fresh, message
from tests.system_tools import run_tool

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "amount, words",
    [
        (0, "Không đồng"),
        (5000, "Năm nghìn đồng"),
        (10000, "Mười nghìn đồng"),
        (15000, "Mười lăm nghìn đồng"),
        (20000, "Hai mươi nghìn đồng"),
        (21000, "Hai mươi mốt nghìn đồng"),
        (105000, "Một trăm linh năm nghìn đồng"),
        (1_250_000, "Một triệu hai trăm năm mươi nghìn đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_000_000_500, "Hai tỷ năm trăm đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
    ],
)
def test_amounts_in_words(amount, words):
    assert in_words(amount) == words


def test_the_receipt_text(client, dossier, lan, other_citizen, officers):
    payment = begin(dossier, lan)
    client.post("/thanh-toan/callback/sandbox/", message(payment, transaction="SB7F3A9C21"))
    payment = fresh(payment)
    client.force_login(lan)
    response = client.get(f"/thanh-toan/bien-lai/{payment.order_id}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="bien-lai-{payment.receipt_number}.pdf"'
    text = run_tool(
        "pdftotext",
        "-layout",
        "-",
        "-",
        why="cannot read the receipt",
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    flat = " ".join(text.split())
    for expected in (
        "BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ",
        f"Số biên lai: {payment.receipt_number}",
        "GIAO DỊCH THỬ NGHIỆM",
        "Người nộp: Trần Thị Lan",
        f"Mã hồ sơ: {dossier.reference}",
        "1.004222 — Đăng ký thường trú",
        "Lệ phí",
        "Số tiền: 10.000 đồng",
        "Bằng chữ: Mười nghìn đồng",
        "Mã giao dịch: SB7F3A9C21",
        "Cổng thanh toán: Cổng thanh toán thử nghiệm",
        "Trung tâm Phục vụ hành chính công tỉnh",
    ):
        assert expected in flat, expected
    assert "038190001234" not in flat and "0912345678" not in flat  # the payer's name only
    client.force_login(other_citizen)
    assert client.get(f"/thanh-toan/bien-lai/{payment.order_id}.pdf").status_code == 404
