"""motcua search_procedures "QUERY" [--limit N] [--json]: search the catalogue as the portal does."""

import json

from django.core.management.base import BaseCommand, CommandError

from motcua.catalog import search


class Command(BaseCommand):
    help = "Tìm thủ tục hành chính (không dấu, chịu lỗi gõ), kết quả phù hợp nhất trước."

    def add_arguments(self, parser):
        parser.add_argument("query", help="Từ khóa, có dấu hoặc không dấu, hoặc mã thủ tục")
        parser.add_argument("--limit", type=int, default=10, help="Số kết quả tối đa (mặc định 10)")
        parser.add_argument("--json", action="store_true", help="In danh sách JSON: code, name, score, field")

    def handle(self, *args, query: str, limit: int, json: bool, **options):
        if not query.strip():
            raise CommandError("Cần nhập từ khóa tìm kiếm.", returncode=2)
        if len(query) > search.MAX_QUERY_LENGTH:
            raise CommandError("Từ khóa tìm kiếm dài quá %d ký tự." % search.MAX_QUERY_LENGTH, returncode=2)
        if limit < 1:
            raise CommandError("--limit phải là số nguyên dương.", returncode=2)
        hits = search.search(query, limit=limit)
        if json:
            self.stdout.write(_dumps([hit.as_dict() for hit in hits]))
            return
        if not hits:
            self.stdout.write("Không tìm thấy thủ tục nào phù hợp với “%s”." % query)
            return
        self.stdout.write(f"{'Mã':<10} {'Điểm':>8}  Tên thủ tục — lĩnh vực")
        for hit in hits:
            name = hit.name if len(hit.name) <= 100 else hit.name[:99] + "…"
            self.stdout.write(f"{hit.code:<10} {hit.score:>8.2f}  {name} — {hit.field}")
        self.stdout.write(f"{len(hits)} kết quả.")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
