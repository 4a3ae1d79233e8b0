"""``motcua import_procedures PATH``: import the national TTHC catalogue (Cổng Dịch vụ công quốc gia)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.importing.loader import ImportSummary, import_file

FIELD_LABELS = {
    "limit": "thời hạn giải quyết",
    "fees": "phí, lệ phí",
    "channel_options": "cách thức thực hiện",
    "cases": "thành phần hồ sơ",
    "legal_bases": "căn cứ pháp lý",
    "results": "kết quả thực hiện",
    "levels": "cấp thực hiện",
    "kind": "loại thủ tục",
}


class ProgressBar:
    """A text bar redrawn with \\r on stderr when it is a terminal; silent otherwise."""

    def __init__(self, stream, width: int = 30):
        self.stream, self.width = stream, width
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.tty or total <= 0:
            return
        percent = done * 100 // total
        if percent == self.last and done != total:
            return
        self.last = percent
        filled = self.width * done // total
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.width - filled)}] {percent:3d}% {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Nhập danh mục thủ tục hành chính từ tệp xuất của Cổng Dịch vụ công quốc gia (jsonl hoặc JSON)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp .jsonl hoặc .json")
        parser.add_argument(
            "--valid-from", dest="valid_from", help="Ngày có hiệu lực của các phiên bản (YYYY-MM-DD)."
        )
        parser.add_argument("--limit", type=int, help="Chỉ nhập N bản ghi đầu tiên.")

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{path}”.", returncode=2)
        try:
            with path.open("rb") as handle:
                handle.read(1)
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp “{path}”: {exc.strerror or exc}.", returncode=2) from exc
        valid_from = None
        if options.get("valid_from"):
            try:
                valid_from = dt.date.fromisoformat(options["valid_from"])
            except ValueError as exc:
                raise CommandError(
                    f"Ngày có hiệu lực “{options['valid_from']}” không hợp lệ; cần dạng YYYY-MM-DD.",
                    returncode=2,
                ) from exc
        limit = options.get("limit")
        if limit is not None and limit <= 0:
            raise CommandError("--limit phải là số nguyên dương.", returncode=2)
        stderr = getattr(self.stderr, "_out", sys.stderr)
        try:
            summary = import_file(path, valid_from=valid_from, progress=ProgressBar(stderr), limit=limit)
        except UnicodeDecodeError as exc:
            raise CommandError(f"Tệp “{path}” không phải văn bản UTF-8.", returncode=2) from exc
        self.stdout.write(render_summary(summary))
        if summary.records == 0:
            raise CommandError("Không nhập được bản ghi nào.", returncode=1)


def render_summary(summary: ImportSummary) -> str:
    lines = [
        f"Đã xử lý {summary.records} thủ tục trong {summary.seconds:.1f} giây:",
        f"  - tạo mới: {summary.created}",
        f"  - cập nhật (phiên bản mới): {summary.updated}",
        f"  - không thay đổi: {summary.unchanged}",
        f"  - lỗi: {len(summary.errors)}",
    ]
    for error in summary.errors[:50]:
        lines.append(f"      {error}")
    if len(summary.errors) > 50:
        lines.append(f"      … và {len(summary.errors) - 50} lỗi khác")
    if summary.records:
        lines += [
            f"Thời hạn giải quyết đọc được ở mọi cách thức: {summary.with_limits}/{summary.records}"
            f" ({summary.share(summary.with_limits):.1%}); ở ít nhất một cách thức: {summary.with_any_limit}"
            f" ({summary.share(summary.with_any_limit):.1%}).",
            f"Phí, lệ phí đọc được: {summary.with_fees}/{summary.records} ({summary.share(summary.with_fees):.1%}).",
            f"Thủ tục có nội dung cần công chức kiểm soát TTHC rà soát: {summary.flagged_records}.",
        ]
        if summary.review_notes:
            lines.append("Nội dung giữ nguyên văn và đánh dấu cần rà soát, theo trường:")
            for name, count in summary.review_notes.most_common():
                lines.append(f"  - {FIELD_LABELS.get(name, name)}: {count}")
    return "\n".join(lines)
