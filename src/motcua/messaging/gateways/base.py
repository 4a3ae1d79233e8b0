"""What the sending job asks of an SMS or Zalo ZNS gateway (a telecom's brandname SMS, Zalo's ZNS API, the built-in
sandboxes). A gateway is configured by its dotted path: ``MOTCUA_SMS_GATEWAY``, ``MOTCUA_ZALO_GATEWAY`` (empty: the
channel is off).

``send`` answers the provider's message id, or raises :class:`Refused` (the provider will never accept this
message: a number that is not a mobile, a phone without Zalo — the delivery fails at once, with the reason) or
:class:`Unavailable` (try later: timeout, quota, server error — the job is retried with back-off).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping


class GatewayError(Exception):
    """A message the gateway did not take; ``str(error)`` is the reason shown to officers."""


class Refused(GatewayError):
    """Final: sending this message again cannot succeed."""


class Unavailable(GatewayError):
    """Transient: the same message may succeed later."""


class Gateway:
    code: str = ""
    label: str = ""

    @property
    def is_test(self) -> bool:
        """A test double: nothing leaves the system; what it would send is shown to testers."""
        return False


class SmsGateway(Gateway, ABC):
    @abstractmethod
    def send_sms(self, phone: str, text: str) -> str:
        """Send ``text`` to ``phone`` (digits, leading 0); the provider's message id."""


class ZaloGateway(Gateway, ABC):
    @abstractmethod
    def send_zns(self, phone: str, template_id: str, parameters: Mapping[str, str]) -> str:
        """Send the registered ZNS template ``template_id`` with ``parameters`` to the Zalo user of ``phone``."""
