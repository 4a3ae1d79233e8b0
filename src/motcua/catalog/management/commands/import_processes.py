"""``motcua import_processes FILE [--dry-run]``: import approved internal processes from a spreadsheet."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog.importing.processes import ImportFileError, import_processes, render_report


class Command(BaseCommand):
    help = (
        "Nhập quy trình nội bộ giải quyết TTHC đã phê duyệt từ tệp .xlsx hoặc .csv (UTF-8), mỗi dòng một bước "
        "(mẫu: src/motcua/catalog/data/quy_trinh_mau.xlsx)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp .xlsx hoặc .csv")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            dest="dry_run",
            help="Chỉ kiểm tra và báo cáo, không ghi gì vào cơ sở dữ liệu.",
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp “{path}”.", returncode=2)
        try:
            summary = import_processes(path, filename=path.name, dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp “{path}”: {exc.strerror or exc}.", returncode=2) from exc
        except ImportFileError as exc:
            raise CommandError(f"Tệp “{path.name}”: {exc}", returncode=2) from exc
        self.stdout.write(render_report(summary))
        errors = summary.errors
        if errors:
            first = errors[0]
            raise CommandError(
                f"{len(errors)} lỗi, đầu tiên ở {first}; các quy trình có lỗi không được nhập.", returncode=1
            )
        if not summary.results:
            raise CommandError("Tệp không có dòng quy trình nào.", returncode=1)
