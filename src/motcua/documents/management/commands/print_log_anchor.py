"""``motcua print_log_anchor [--day YYYY-MM-DD] OUTPUT.pdf``: the daily digest of the process-log heads as a
printable A4 page for the inspectors (the root hash, the counts, the digest's MAC and the previous one), in the
documents' embedded Liberation Serif. Whoever keeps the printed page can later check that the digest file (and so
every dossier's log up to that day) is unchanged: ``motcua anchor_log_heads --print --day …`` must show the same
values."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from fpdf import FPDF

from motcua.documents.render.pdf import FONT, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, font_paths
from motcua.dossiers.services.anchors import digest_for, digest_text


def anchor_pdf(digest: dict) -> bytes:
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_margins(MARGIN_LEFT, MARGIN_TOP, MARGIN_RIGHT)
    pdf.set_title(f"Mốc niêm phong nhật ký {digest['day']}")
    pdf.set_creator("motcua")
    pdf.set_lang("vi")
    paths = font_paths()
    pdf.add_font(FONT, "", paths[""])
    pdf.add_font(FONT, "B", paths["B"])
    pdf.add_page()
    title, *lines = digest_text(digest)
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 8, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font(FONT, "", 12)
    for line in lines:
        label, _, value = line.partition(": ")
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(0, 6, label + ":", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 12)
        pdf.multi_cell(0, 6, value, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    pdf.ln(6)
    pdf.multi_cell(
        0,
        6,
        "Đối chiếu: chạy “motcua anchor_log_heads --print --day "
        f"{digest['day']}” và “motcua verify_dossier_log”; mã băm gốc và mã xác thực phải trùng với trang này.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(12)
    pdf.cell(0, 6, "Người đối chiếu (ký, ghi rõ họ tên)", align="R")
    return bytes(pdf.output())


class Command(BaseCommand):
    help = "In mốc niêm phong nhật ký xử lý (trang A4, PDF) cho thanh tra đối chiếu."

    def add_arguments(self, parser):
        parser.add_argument("output", help="Tệp PDF cần ghi.")
        parser.add_argument("--day", help="Ngày của mốc (YYYY-MM-DD); mặc định mốc mới nhất.")

    def handle(self, *args, output, day=None, **options):
        try:
            digest = digest_for(day)
        except LookupError as exc:
            raise CommandError(str(exc), returncode=2) from None
        try:
            Path(output).write_bytes(anchor_pdf(digest))
        except OSError as exc:
            raise CommandError(f"Không ghi được tệp {output}: {exc.strerror}.", returncode=2) from None
        day = dt.date.fromisoformat(digest["day"])
        self.stdout.write(f"Đã ghi {output}: mốc ngày {day:%d/%m/%Y}, mã băm gốc {digest['root']}.")
