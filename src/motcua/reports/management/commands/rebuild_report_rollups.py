"""``motcua rebuild_report_rollups [--from YYYY-MM-DD --to YYYY-MM-DD] [--verify]``: recompute the statistics'
per-dossier facts and daily roll-up from the dossier tables — everything, or the dossiers received (refused:
submitted) in a range of days. Needed after writes that bypass the transition service (bulk loads, repairs);
transitions keep it current by themselves. ``--verify`` then compares the roll-up with the raw computation from
the dossiers for the range (default: this year) and exits 1 on any difference. ``--check`` compares without
rebuilding: the proof that the roll-up the jobs keep (a refresh per committed transaction, run by a worker seconds
later) has converged — run it once the worker has drained the jobs."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from motcua.core.dated import today
from motcua.reports.services import measures, raw, rollup

USAGE_ERROR = 2


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            f"{option} “{text}” không hợp lệ: cần dạng YYYY-MM-DD.", returncode=USAGE_ERROR
        ) from None


class Command(BaseCommand):
    help = "Tính lại số liệu tổng hợp của báo cáo thống kê từ dữ liệu hồ sơ (toàn bộ hoặc một khoảng ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", help="ngày đầu (hồ sơ tiếp nhận từ ngày này), YYYY-MM-DD")
        parser.add_argument("--to", dest="end", help="ngày cuối, YYYY-MM-DD")
        parser.add_argument("--verify", action="store_true", help="so sánh với cách tính trực tiếp từ hồ sơ")
        parser.add_argument(
            "--check",
            action="store_true",
            help="chỉ so sánh số liệu tổng hợp hiện có với cách tính trực tiếp, không tính lại",
        )

    def handle(self, *args, start=None, end=None, verify=False, check=False, **options):
        if (start is None) != (end is None):
            raise CommandError("Cần cả --from và --to, hoặc không có cả hai.", returncode=USAGE_ERROR)
        first = _date(start, "--from") if start else None
        last = _date(end, "--to") if end else None
        if first and last and last < first:
            raise CommandError("--to phải sau hoặc bằng --from.", returncode=USAGE_ERROR)
        if not check:
            report = rollup.refresh_range(first, last) if first else rollup.rebuild()
            what = f"hồ sơ tiếp nhận từ {first:%d/%m/%Y} đến {last:%d/%m/%Y}" if first else "toàn bộ hồ sơ"
            self.stdout.write(
                f"Đã tính lại {what}: {report.facts:,} hồ sơ, {report.pauses:,} lần tạm dừng; "
                f"bảng tổng hợp {report.daily_rows:,} dòng; {report.seconds:.1f} s."
            )
        if verify or check:
            now = today()
            begin, finish = (first, min(last, now)) if first else (dt.date(now.year, 1, 1), now)
            expected = raw.query(begin, finish)
            got = {
                k: v
                for k, v in measures.query(begin, finish, group_by=("handling_id", "field_id")).items()
                if any(v.values())
            }
            if got != expected:
                keys = sorted(
                    set(got) ^ set(expected)
                    | {k for k in got.keys() & expected.keys() if got[k] != expected[k]}
                )
                raise CommandError(
                    f"Số liệu tổng hợp khác cách tính trực tiếp ở {len(keys)} nhóm, ví dụ {keys[:3]}."
                )
            self.stdout.write(
                f"Đã kiểm tra {begin:%d/%m/%Y}–{finish:%d/%m/%Y}: khớp với cách tính trực tiếp từ hồ sơ."
            )
