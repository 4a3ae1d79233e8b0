"""``motcua revoke_api_token PREFIX``: revoke a token by the first 8 characters of its key."""

from django.core.management.base import BaseCommand, CommandError

from motcua.core.tokens import PREFIX_LENGTH, revoke


class Command(BaseCommand):
    help = "Thu hồi mã truy cập API theo tiền tố (8 ký tự đầu của mã)."

    def add_arguments(self, parser):
        parser.add_argument("prefix", help="8 ký tự đầu của mã truy cập")

    def handle(self, *args, prefix, **options):
        if len(prefix) < PREFIX_LENGTH:
            raise CommandError(f"Tiền tố phải có ít nhất {PREFIX_LENGTH} ký tự.", returncode=2)
        count = revoke(prefix)
        if not count:
            raise CommandError(f"Không có mã truy cập đang hiệu lực với tiền tố “{prefix}”.", returncode=2)
        self.stdout.write(f"Đã thu hồi {count} mã truy cập {prefix[:PREFIX_LENGTH]}….")
