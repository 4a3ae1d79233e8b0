"""``motcua report bieu06 --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format json|xlsx|pdf] [--output PATH]``

Biểu 06 of a unit and its subunits: a table on the terminal; ``--format json`` prints one JSON object per row
(``{"stt", "label", "kind", "c3" … "c13"}``, one per line); ``xlsx`` and ``pdf`` write the official layout to
``--output`` (default: a file named after the form, unit and period, in the current folder). Instead of
``--from/--to``: ``--period 2026-Q1`` (``YYYY-MM``, ``YYYY-Qn``, ``YYYY-Hn``, ``YYYY``) with ``--window calendar|nd09``.
Invalid parameters: a message naming the parameter, exit code 2, nothing written.

``motcua report overdue --unit CODE --from … --to …``: the overdue dossiers with their reasons (JSON lines or a
table)."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from motcua.core.dated import today
from motcua.reports.services import bieu06, export, overdue, params
from motcua.reports.services.units import Registry

USAGE_ERROR = 2


class Command(BaseCommand):
    help = "Báo cáo thống kê giải quyết TTHC: Biểu 06 (bieu06) hoặc danh sách hồ sơ quá hạn (overdue)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="report", required=True, metavar="{bieu06,overdue}")
        for name, text in (
            ("bieu06", "Biểu số 06/VPCP/KSTT (hoặc II.06a với --variant centre)"),
            ("overdue", "Danh sách hồ sơ giải quyết quá hạn và đang quá hạn, với lý do và văn bản xin lỗi"),
        ):
            p = sub.add_parser(
                name, help=text, called_from_command_line=getattr(parser, "called_from_command_line", None)
            )
            p.add_argument("--unit", required=True, help="mã định danh của đơn vị, ví dụ 000.00.00.H56")
            p.add_argument("--from", dest="start", help="ngày đầu kỳ, YYYY-MM-DD")
            p.add_argument("--to", dest="end", help="ngày cuối kỳ, YYYY-MM-DD")
            p.add_argument("--period", help="thay cho --from/--to: 2026-03, 2026-Q1, 2026-H1 hoặc 2026")
            p.add_argument(
                "--window", default="calendar", help="calendar (theo lịch) hoặc nd09 (ngày 15 đến 14)"
            )
            p.add_argument(
                "--mapping", default="then", help="then (như tại thời điểm đó) hoặc today (quy đổi)"
            )
            p.add_argument("--format", dest="fmt", default="text",
                           help="text | json" + (" | xlsx | pdf" if name == "bieu06" else ""))  # fmt: skip
            p.add_argument("--output", help="tệp kết quả (xlsx, pdf; mặc định: trong thư mục hiện hành)")
            if name == "bieu06":
                p.add_argument(
                    "--variant", default="agency", help="agency (Biểu 06) hoặc centre (Biểu II.06a)"
                )

    def handle(self, *args, report, unit, start, end, period, window, mapping, fmt, output, **options):
        translation.activate("vi")
        formats = ("text", "json", "xlsx", "pdf") if report == "bieu06" else ("text", "json")
        if fmt not in formats:
            raise CommandError(
                f"--format “{fmt}” không hợp lệ: chọn một trong {', '.join(formats)}.", returncode=USAGE_ERROR
            )
        registry = Registry.load()
        try:
            asked = params.parse(registry, unit=unit, start=start, end=end, period=period, window=window,
                                 mapping=mapping, variant=options.get("variant"))  # fmt: skip
        except params.ParamError as error:
            names = {"from": "--from", "to": "--to", "unit": "--unit", "period": "--period", "window": "--window",
                     "mapping": "--mapping", "variant": "--variant", "year": "--period", "number": "--period"}  # fmt: skip
            lines = [f"{names.get(k, k)}: {v}" for k, v in error.errors.items()]
            raise CommandError("\n".join(lines), returncode=USAGE_ERROR) from None
        if report == "overdue":
            return self._overdue(asked, registry, fmt)
        result = bieu06.build(
            asked.unit, asked.period, mapping=asked.mapping, variant=asked.variant, registry=registry
        )
        if fmt == "json":
            for row in result.rows:
                self.stdout.write(json.dumps(row.as_dict(), ensure_ascii=False))
            return None
        if fmt in ("xlsx", "pdf"):
            path = Path(output) if output else Path.cwd() / export.filename(result, fmt)
            data = export.xlsx(result) if fmt == "xlsx" else export.pdf(result)
            try:
                path.write_bytes(data)
            except OSError as error:
                raise CommandError(
                    f"--output: không ghi được “{path}”: {error.strerror}.", returncode=USAGE_ERROR
                ) from None
            self.stdout.write(str(path))
            return None
        self._table(result)
        return None

    def _table(self, result):
        period = result.period
        self.stdout.write(f"{result.form_number} — {result.title}")
        self.stdout.write(f"Đơn vị báo cáo: {result.unit.name} ({result.unit.identifier})")
        self.stdout.write(
            f"Kỳ báo cáo: {period.name()} ({period.range_text()}); số liệu đến hết {result.through:%d/%m/%Y}"
        )
        header = f"{'STT':>4} {'Lĩnh vực, công việc giải quyết theo cấp':<44}" + "".join(
            f"{f'({n})':>8}" for n in bieu06.BY_NUMBER
        )
        self.stdout.write(header)
        for row in result.rows:
            label = row.label if len(row.label) <= 44 else row.label[:43] + "…"
            self.stdout.write(
                f"{row.stt:>4} {label:<44}" + "".join(f"{row.values[n]:>8}" for n in bieu06.BY_NUMBER)
            )
        broken = result.broken_identities()
        if broken:
            self.stderr.write("Không thỏa mãn: " + "; ".join(f"{label}: {rule}" for label, rule in broken))

    def _overdue(self, asked, registry, fmt):
        through = asked.period.through(today())
        scope = registry.scope(asked.unit.pk, asked.mapping)
        rows, total = overdue.rows(scope, asked.period.start, through, registry=registry, limit=sys.maxsize)
        for row in rows:
            d = row.dossier
            record = {
                "code": d.code,
                "procedure": d.procedure_version.procedure.code,
                "handling": row.handling,
                "received": d.received_at.date().isoformat() if d.received_at else None,
                "original_due": row.fact.due_on.isoformat() if row.fact.due_on else None,
                "ended": None if row.open else row.fact.ended_on.isoformat(),
                "working_days_late": row.days_late,
                "pauses": [
                    {"reason": p.reason, "from": p.started_at.date().isoformat(), "note": p.note}
                    for p in d.pauses.all()
                ],
                "apologies": [
                    {"reason": a.reason, "new_due": a.new_due_at.date().isoformat(), "signer": a.signer}
                    for a in d.apologies.all()
                ],
            }
            if fmt == "json":
                self.stdout.write(json.dumps(record, ensure_ascii=False))
            else:
                state = "đang giải quyết" if row.open else f"kết thúc {row.fact.ended_on:%d/%m/%Y}"
                reason = "; ".join(a.reason for a in d.apologies.all()) or "chưa có văn bản xin lỗi"
                self.stdout.write(
                    f"{d.code}  {row.handling}  quá hạn {row.days_late} ngày làm việc, {state} — {reason}"
                )
        if fmt != "json":
            self.stdout.write(f"Tổng số: {total} hồ sơ")
