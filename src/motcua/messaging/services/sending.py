"""Sending one delivery (a job on the ``messages`` queue): the template version valid on the event's day, filled
with the values the event recorded, through the channel's gateway.

Idempotent: the row is locked and only a queued one is sent, so a job run twice sends once. A transient failure
(the mail server or the provider is unavailable) is recorded on the row (attempts, reason) and raised, so that the
job is retried with back-off; the last attempt, or a final refusal, leaves the row failed with its reason for the
officers (and the administrators' “Gửi lại”). Once sent, the full address is dropped: officers see the masked one.
"""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.message import make_msgid
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import jobs
from motcua.core.jobs import job
from motcua.messaging import attachments, gateways
from motcua.messaging.choices import Channel, State
from motcua.messaging.gateways.base import GatewayError, Refused, Unavailable
from motcua.messaging.models import Delivery
from motcua.messaging.services import templates


def _email(delivery: Delivery, subject: str, text: str) -> str:
    message_id = make_msgid()
    message = EmailMessage(
        subject, text, settings.DEFAULT_FROM_EMAIL, [delivery.recipient], headers={"Message-ID": message_id}
    )
    for name, content, mime in attachments.for_event(delivery.event, delivery.dossier_id, delivery.entry_id):
        message.attach(name, content, mime)
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused:
        raise Refused(_("Máy chủ thư từ chối địa chỉ nhận.")) from None
    except (smtplib.SMTPException, OSError) as exc:
        raise Unavailable(_("Không gửi được tới máy chủ thư: %(error)s") % {"error": exc}) from None
    return message_id


def _through_gateway(delivery: Delivery, text: str, template, parameters: dict) -> str:
    if delivery.channel == Channel.SMS:
        gateway = gateways.sms()
        if gateway is None:
            raise Refused(_("Kênh SMS chưa được cấu hình."))
        return gateway.send_sms(delivery.recipient, text)
    gateway = gateways.zalo()
    if gateway is None:
        raise Refused(_("Kênh Zalo chưa được cấu hình."))
    return gateway.send_zns(delivery.recipient, template.zalo_template_id, parameters)


@job(queue="messages")
def send_delivery(delivery_id: int) -> str:
    """Send the delivery ``delivery_id`` if it is still queued; its status afterwards."""
    policy = jobs.policy_of(send_delivery.module_path)
    retry: Exception | None = None
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None or delivery.status != State.QUEUED:
            return delivery.status if delivery else "gone"
        template = templates.template_for(
            delivery.event, delivery.channel, timezone.localdate(delivery.event_at)
        )
        subject, text, parameters = templates.render(template, delivery.values)
        delivery.attempts += 1
        delivery.template = template
        try:
            if delivery.channel == Channel.EMAIL:
                provider_id = _email(delivery, subject, text)
            else:
                provider_id = _through_gateway(delivery, text, template, parameters)
        except Refused as exc:
            delivery.status, delivery.last_error = State.FAILED, str(exc)
        except (Unavailable, GatewayError) as exc:
            delivery.last_error = str(exc)
            if delivery.attempts - delivery.attempts_before >= policy.attempts:
                delivery.status = State.FAILED
            else:
                retry = exc
        else:
            delivery.status, delivery.provider_id = State.SENT, (provider_id or "")[:120]
            delivery.sent_at, delivery.recipient = timezone.now(), ""
        delivery.save(
            update_fields=[
                "attempts",
                "template",
                "status",
                "last_error",
                "provider_id",
                "sent_at",
                "recipient",
                "updated_at",
            ]
        )
    if retry is not None:
        raise retry  # the job is tried again later; the row says why
    return delivery.status
