"""The built-in sandbox SMS and Zalo gateways: like the sandbox bank, nothing leaves the system. Each message is
recorded (:class:`~motcua.messaging.models.SandboxMessage`) and shown to testers at ``/thu-nghiem/tin-nhan/``.

To try the failure paths, the sandbox refuses a number ending in ``0000`` (as an operator refuses a number that is
not a mobile) and is unavailable for a number ending in ``9999`` (as a provider that times out: the job retries).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.messaging.gateways.base import Refused, SmsGateway, Unavailable, ZaloGateway

REFUSED_SUFFIX, UNAVAILABLE_SUFFIX = "0000", "9999"


def _check(phone: str) -> None:
    if phone.endswith(REFUSED_SUFFIX):
        raise Refused(_("Số điện thoại không nhận được tin nhắn (cổng thử nghiệm từ chối số tận cùng 0000)."))
    if phone.endswith(UNAVAILABLE_SUFFIX):
        raise Unavailable(_("Cổng tin nhắn không phản hồi (cổng thử nghiệm, số tận cùng 9999)."))


def _record(**fields) -> str:
    from motcua.messaging.models import SandboxMessage

    provider_id = f"SBX-{uuid.uuid4().hex[:16].upper()}"
    SandboxMessage.objects.create(provider_id=provider_id, **fields)
    return provider_id


class SandboxSmsGateway(SmsGateway):
    code = "sandbox-sms"
    label = gettext_lazy("Cổng SMS thử nghiệm")

    @property
    def is_test(self) -> bool:
        return True

    def send_sms(self, phone: str, text: str) -> str:
        _check(phone)
        return _record(channel="sms", phone=phone, text=text)


class SandboxZaloGateway(ZaloGateway):
    code = "sandbox-zalo"
    label = gettext_lazy("Cổng Zalo ZNS thử nghiệm")

    @property
    def is_test(self) -> bool:
        return True

    def send_zns(self, phone: str, template_id: str, parameters: Mapping[str, str]) -> str:
        _check(phone)
        text = "\n".join(f"{k}: {v}" for k, v in parameters.items())
        return _record(
            channel="zalo", phone=phone, text=text, zalo_template_id=template_id, parameters=dict(parameters)
        )
