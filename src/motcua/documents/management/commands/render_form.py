"""``motcua render_form CODE FORM --output PATH``: print a dossier's form to a file (PDF or .docx by the extension).

FORM is the form's number in the dossier's own set (01, 02, …; the control sheet: 05 for TT 01/2018, 06 for
TT 03/2025); the latest issued form of that number is printed, exactly as the counter would print it."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from motcua.documents import official_forms
from motcua.documents.models import IssuedForm
from motcua.documents.services import printing
from motcua.dossiers.models import Dossier


class Command(BaseCommand):
    help = "In một giấy tờ của hồ sơ ra tệp PDF hoặc Word (.docx)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã hồ sơ hoặc mã tham chiếu")
        parser.add_argument("form", help="số hiệu mẫu trong bộ biểu mẫu của hồ sơ, ví dụ 01")
        parser.add_argument("--output", required=True, help="tệp kết quả: .pdf hoặc .docx")

    def handle(self, code, form, output, **options):
        path = Path(output)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in printing.FORMATS:
            raise CommandError("Tệp kết quả phải có đuôi .pdf hoặc .docx.")
        dossier = Dossier.objects.filter(Q(code=code) | Q(reference=code)).first()
        if dossier is None:
            raise CommandError(f"Không có hồ sơ “{code}”.")
        spec = official_forms.spec(dossier.form_set, form.zfill(2))
        if spec is None or spec.kind == official_forms.Kind.BOOK:
            raise CommandError(f"Bộ biểu mẫu {dossier.form_set} không có mẫu “{form}” in theo hồ sơ.")
        if spec.kind == official_forms.Kind.CONTROL:
            printed = printing.print_control(dossier, fmt)
        else:
            issued = (
                IssuedForm.objects.filter(dossier=dossier, code=spec.code, form_set=spec.form_set)
                .order_by("-issued_at", "-id")
                .first()
            )
            if issued is None:
                raise CommandError(f"Hồ sơ {code} chưa có {spec.label} ({spec.title}).")
            printed = printing.print_issued(issued, fmt)
        path.write_bytes(printed.content)
        self.stdout.write(f"{spec.label} — {spec.title}: {path} ({len(printed.content)} byte)")
