"""After a feedback is published, its sender is told (an e-mail when they gave one; the account's page shows it
too), in a job after the commit: a mail server that refuses is tried again later."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.utils.translation import gettext as _

from motcua.feedback.models import Feedback
from motcua.feedback.signals import feedback_transitioned

TOLD = {"publish", "refuse", "request_info"}


@feedback_transitioned.receiver
def on_transitions(events):
    for event in events:
        if event.action in TOLD:
            tell_the_sender(event.feedback_id)


def tell_the_sender(feedback_id: int) -> None:
    """E-mail the sender of the feedback (when they gave an address) its new status."""
    feedback = Feedback.objects.filter(pk=feedback_id).only("code", "sender_email", "status").first()
    if feedback is None or not feedback.sender_email:
        return
    base = settings.MOTCUA_PUBLIC_URL
    subject = _("Phản ánh, kiến nghị %(code)s: %(status)s") % {
        "code": feedback.code,
        "status": feedback.get_status_display(),
    }
    body = _(
        "Phản ánh, kiến nghị %(code)s của bạn đã được cập nhật: %(status)s.\n"
        "Tra cứu và cho ý kiến tại %(url)s (nhập mã và 4 số cuối điện thoại)."
    ) % {
        "code": feedback.code,
        "status": feedback.get_status_display(),
        "url": f"{base}/phan-anh-kien-nghi/tra-cuu/",
    }
    send_mail(subject, body, None, [feedback.sender_email])
