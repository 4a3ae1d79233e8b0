"""Messages to citizens for tests: what the sandbox gateways recorded, what the mail outbox holds, and a gateway
that fails a given number of times before it sends (a provider that times out, then recovers)."""

from __future__ import annotations

from django.core import mail

from motcua.messaging.gateways.base import SmsGateway, Unavailable
from motcua.messaging.gateways.sandbox import SandboxSmsGateway
from motcua.messaging.models import Delivery, SandboxMessage

FLAKY = "tests.builders.messaging.FlakySmsGateway"


def texts_to(phone: str, channel: str = "sms") -> list[str]:
    """The texts the sandbox gateway recorded for ``phone``, oldest first."""
    rows = SandboxMessage.objects.filter(phone=phone, channel=channel).order_by("created_at", "id")
    return list(rows.values_list("text", flat=True))


def letters_to(address: str) -> list:
    """The e-mails sent to ``address`` (Django's test outbox), in order."""
    return [m for m in mail.outbox if address in m.to]


def deliveries(dossier=None, **filters):
    query = Delivery.objects.order_by("id").filter(**filters)
    if dossier is not None:
        query = query.filter(dossier_id=dossier.pk)
    return list(query)


class FlakySmsGateway(SmsGateway):
    """Unavailable ``failures`` times (class attribute, set by the test), then sends through the sandbox."""

    code = "flaky"
    failures = 0
    calls = 0

    def send_sms(self, phone: str, text: str) -> str:
        type(self).calls += 1
        if type(self).calls <= type(self).failures:
            raise Unavailable(f"Nhà cung cấp không phản hồi (lần {type(self).calls}).")
        return SandboxSmsGateway().send_sms(phone, text)
