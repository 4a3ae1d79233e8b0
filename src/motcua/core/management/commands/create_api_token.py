"""``motcua create_api_token USERNAME [--name NAME]``: a bearer token for an integrator, printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from motcua.core.tokens import create_token


class Command(BaseCommand):
    help = (
        "Tạo mã truy cập API (Authorization: Bearer …) cho một tài khoản. Mã chỉ được in ra một lần; "
        "hệ thống chỉ lưu mã băm."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="tên đăng nhập của tài khoản dùng mã")
        parser.add_argument("--name", default="", help="tên gợi nhớ, ví dụ tên hệ thống tích hợp")

    def handle(self, *args, username, name="", **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có tài khoản “{username}”.", returncode=2)
        if not user.is_active:
            raise CommandError(f"Tài khoản “{username}” đã bị khóa; không thể tạo mã truy cập.", returncode=2)
        token, key = create_token(user, name[:100])
        self.stdout.write(key)
        self.stderr.write(
            f"Đã tạo mã truy cập {token.prefix}… cho {username}. Hãy lưu lại ngay: mã sẽ không hiển thị lại. "
            f"Thu hồi: motcua revoke_api_token {token.prefix}"
        )
