"""What the payment service asks of a gateway (PayGov, VNPay, a bank, the built-in sandbox).

A gateway is configured by its dotted path in ``MOTCUA_PAYMENT_GATEWAYS``. The service never trusts a message it
did not verify: :meth:`Gateway.verify` checks the signature of a server callback (IPN) or of a browser return and
answers a plain :class:`GatewayOutcome`; the service then checks the order and the amount against its own records.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass

SUCCEEDED, FAILED, CANCELLED = "succeeded", "failed", "cancelled"


class InvalidMessage(Exception):
    """A message whose signature is missing or wrong, or that cannot be read: refused, nothing changes."""


@dataclass(frozen=True)
class GatewayOutcome:
    order_id: str
    status: str  # SUCCEEDED, FAILED or CANCELLED
    amount: int
    transaction_id: str = ""


@dataclass(frozen=True)
class StartRequest:
    order_id: str
    amount: int
    description: str
    return_url: str  # absolute URL the browser comes back to
    callback_url: str  # absolute URL of the server-to-server notification (IPN)


class Gateway(ABC):
    code: str = ""
    label: str = ""

    @abstractmethod
    def start(self, request: StartRequest) -> str:
        """Register the order with the gateway; the URL to send the payer's browser to."""

    @abstractmethod
    def verify(self, params: Mapping[str, str]) -> GatewayOutcome:
        """The outcome a signed callback or return states; :class:`InvalidMessage` if it is not genuine."""

    def query(self, order_id: str) -> GatewayOutcome | None:
        """Ask the gateway what became of an order (None: it knows of no final outcome)."""
        return None

    @property
    def is_test(self) -> bool:
        """A test gateway: no money moves, its receipts say so."""
        return False
