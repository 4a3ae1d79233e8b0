from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from motcua.payments.services.payments import expire_all


class Command(BaseCommand):
    help = _(
        "Đánh dấu “Hết thời gian chờ” các giao dịch thanh toán đang chờ quá MOTCUA_PAYMENT_TIMEOUT_MINUTES phút "
        "(hỏi cổng thanh toán trước; giao dịch cổng báo thành công được ghi nhận)."
    )

    def handle(self, *args, **options):
        expired, recovered = expire_all()
        self.stdout.write(
            _("Hết thời gian chờ: %(expired)d; ghi nhận thành công: %(recovered)d")
            % {"expired": expired, "recovered": recovered}
        )
