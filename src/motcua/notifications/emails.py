"""The e-mail that follows a hand-over notification, for the officers who chose it (``NotificationPreference``).

One job per notification on the ``messages`` queue, idempotent: the notification's row is locked, skipped if it
was already e-mailed (``emailed_at``), and marked in the transaction that sends — a mail server that refuses
rolls the mark back and the job is tried again. The letter names only the dossier's code and its procedure,
nothing of the applicant, and links to the dossier's page in the workspace.
"""

from __future__ import annotations

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.jobs import job
from motcua.core.links import public_url
from motcua.notifications.models import Notification


@job(queue="messages")
def send_handover_email(notification_id: int) -> bool:
    """E-mail the notification ``notification_id`` to its officer, once, if they still want it. Returns whether
    a letter was sent."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("user", "dossier__procedure_version")
            .filter(
                pk=notification_id,
                emailed_at__isnull=True,
                user__is_active=True,
                user__notification_preference__email_on_handover=True,
            )
            .exclude(user__email="")
            .first()
        )
        if notification is None or notification.dossier is None:
            return False
        dossier = notification.dossier
        code = dossier.code or dossier.reference
        subject = _("Hồ sơ %(code)s: %(kind)s") % {"code": code, "kind": notification.get_kind_display()}
        body = _(
            "Có việc cần bạn làm với hồ sơ %(code)s (thủ tục “%(procedure)s”): %(kind)s.\n\n"
            "Mở hồ sơ: %(url)s\n\n"
            "Bạn nhận thư này vì đã chọn nhận thư khi có hồ sơ chuyển đến; "
            "có thể tắt trong trang tài khoản: %(account)s"
        ) % {
            "code": code,
            "procedure": dossier.procedure_version.name,
            "kind": notification.get_kind_display().lower(),
            "url": public_url(reverse("workspace:dossier", kwargs={"code": code})),
            "account": public_url(reverse("my-account")),
        }
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
        send_mail(subject, body, None, [notification.user.email])
    return True
