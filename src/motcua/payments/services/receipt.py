"""The electronic receipt (biên lai điện tử) of a successful online payment: an A4 PDF drawn with fpdf2 and the
embedded Vietnamese font of ``documents.render``. Everything it prints comes from the payment's own snapshot
(``Payment.items``, taken when the payment started) and its outcome, so a later download is identical. The payer is
named, nothing else about them (no ID number, phone or address)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from motcua.documents.render.pdf import FONT, font_paths
from motcua.payments import gateways
from motcua.payments.models import Payment
from motcua.payments.services.money import figures, in_words

LEFT, TOP, RIGHT = 20.0, 18.0, 20.0


def payer_name(payment: Payment) -> str:
    citizen = getattr(payment.account, "citizen", None)
    return citizen.full_name if citizen is not None else payment.dossier.applicant.name


def render(payment: Payment) -> bytes:
    if payment.receipt_number is None or not payment.succeeded:
        raise ValueError("no receipt for a payment that did not succeed")
    items = payment.items or {}
    gateway = gateways.get(payment.gateway)
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(LEFT, TOP, RIGHT)
    pdf.set_auto_page_break(True, 18)
    pdf.set_title(_("Biên lai điện tử %(number)s") % {"number": payment.receipt_number})
    pdf.set_creator("motcua")
    pdf.set_lang("vi")
    pdf.set_creation_date(payment.finished_at)
    paths = font_paths()
    for style in ("", "B", "I"):
        pdf.add_font(FONT, style, paths[style])
    pdf.add_page()
    width = pdf.w - LEFT - RIGHT

    def line(text: str, style: str = "", size: float = 12, align: str = "L", height: float = 6.5):
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(width, height, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def pair(label: str, value: str):
        pdf.set_font(FONT, "", 12)
        pdf.cell(52, 7, label + ":")
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(width - 52, 7, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    line(items.get("agency", ""), "B", 12, "C")
    pdf.ln(4)
    line(_("BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ"), "B", 15, "C", 8)
    line(_("(Thanh toán trực tuyến)"), "I", 12, "C")
    pdf.ln(2)
    line(_("Số biên lai: %(number)s") % {"number": payment.receipt_number}, "", 12, "C")
    if gateway is not None and gateway.is_test:
        line(_("GIAO DỊCH THỬ NGHIỆM — KHÔNG CÓ GIÁ TRỊ THANH TOÁN"), "B", 11, "C")
    pdf.ln(4)
    pair(_("Người nộp"), payer_name(payment))
    pair(_("Mã hồ sơ"), items.get("dossier", ""))
    if items.get("reference") and items.get("reference") != items.get("dossier"):
        pair(_("Mã tham chiếu"), items["reference"])
    pair(_("Thủ tục"), f"{items.get('procedure_code', '')} — {items.get('procedure', '')}")
    pdf.ln(3)

    pdf.set_font(FONT, "B", 12)
    pdf.set_fill_color(235, 239, 245)
    pdf.cell(12, 8, _("STT"), border=1, align="C", fill=True)
    pdf.cell(width - 12 - 45, 8, _("Khoản thu"), border=1, fill=True)
    pdf.cell(45, 8, _("Số tiền (đồng)"), border=1, align="R", fill=True, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 12)
    for number, item in enumerate(items.get("lines", []), 1):
        label = item.get("kind", "")
        if item.get("note"):
            label = f"{label} ({item['note']})"
        pdf.cell(12, 8, str(number), border=1, align="C")
        pdf.cell(width - 12 - 45, 8, label[:90], border=1)
        pdf.cell(
            45, 8, figures(item.get("amount") or 0), border=1, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    if items.get("paid_before"):
        pdf.cell(width - 45, 8, _("Đã thanh toán trước đó"), border=1)
        pdf.cell(
            45,
            8,
            "-" + figures(items["paid_before"]),
            border=1,
            align="R",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
    pdf.set_font(FONT, "B", 12)
    pdf.cell(width - 45, 8, _("Tổng cộng"), border=1)
    pdf.cell(45, 8, figures(payment.amount), border=1, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(3)
    pair(_("Số tiền"), _("%(amount)s đồng") % {"amount": figures(payment.amount)})
    pair(_("Bằng chữ"), in_words(payment.amount))
    pair(_("Cổng thanh toán"), str(gateway.label) if gateway is not None else payment.gateway)
    pair(_("Mã giao dịch"), payment.transaction_id)
    pair(_("Mã đơn hàng"), payment.order_id)
    pair(_("Thời gian thanh toán"), timezone.localtime(payment.finished_at).strftime("%H:%M, %d/%m/%Y"))
    pdf.ln(6)
    line(
        _(
            "Biên lai điện tử do Hệ thống thông tin giải quyết thủ tục hành chính lập khi cổng thanh toán xác nhận "
            "giao dịch thành công."
        ),
        "I",
        10.5,
    )
    return bytes(pdf.output())
