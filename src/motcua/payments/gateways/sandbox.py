"""The built-in sandbox gateway: a simulated bank inside motcua, for the demo and for tests. No money moves.

``start`` sends the browser to the sandbox "bank" page ``/thanh-toan/sandbox/<order>/`` where the payer chooses
the outcome (success, failure, cancel, or no answer at all — a timeout). The bank then delivers a server-to-server
notification (IPN) with the fields ``order, amount, status, transaction, ts`` signed with HMAC-SHA256 under
``MOTCUA_PAYMENT_SANDBOX_SECRET`` (field ``signature``, lowercase hex over ``k=v`` pairs sorted by key and joined
with ``&``), exactly what ``POST /thanh-toan/callback/sandbox/`` accepts, and redirects the browser to the return
URL with the same signed fields.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.core.inputs import ascii_int
from motcua.payments.gateways.base import (
    CANCELLED,
    FAILED,
    SUCCEEDED,
    Gateway,
    GatewayOutcome,
    InvalidMessage,
    StartRequest,
)

FIELDS = ("order", "amount", "status", "transaction", "ts")
STATUSES = {"00": SUCCEEDED, "24": CANCELLED, "51": FAILED}  # codes in the manner of Vietnamese gateways
CODES = {v: k for k, v in STATUSES.items()}


def secret() -> bytes:
    configured = settings.MOTCUA_PAYMENT_SANDBOX_SECRET
    if configured:
        return configured.encode()
    return (
        hmac.new(settings.SECRET_KEY.encode(), b"motcua.payments.sandbox", hashlib.sha256)
        .hexdigest()
        .encode()
    )


def canonical(params: Mapping[str, str]) -> str:
    return "&".join(f"{k}={params[k]}" for k in sorted(params) if k != "signature")


def sign(params: Mapping[str, str]) -> str:
    return hmac.new(secret(), canonical(params).encode(), hashlib.sha256).hexdigest()


class SandboxGateway(Gateway):
    code = "sandbox"
    label = _("Cổng thanh toán thử nghiệm")

    @property
    def is_test(self) -> bool:
        return True

    def start(self, request: StartRequest) -> str:
        return reverse("payments:sandbox", args=[request.order_id])

    def message(self, order_id: str, amount: int, status: str, transaction: str) -> dict[str, str]:
        """The signed fields the sandbox bank sends for an outcome."""
        params = {
            "order": order_id,
            "amount": str(amount),
            "status": CODES[status],
            "transaction": transaction,
            "ts": str(int(time.time())),
        }
        params["signature"] = sign(params)
        return params

    def return_query(self, params: Mapping[str, str]) -> str:
        return urlencode(params)

    def verify(self, params: Mapping[str, str]) -> GatewayOutcome:
        signature = params.get("signature") or ""
        fields = {k: params.get(k) for k in FIELDS}
        if not signature or any(v is None for v in fields.values()):
            raise InvalidMessage("missing signature or field")
        if not hmac.compare_digest(sign(fields).encode(), signature.lower().encode()):
            raise InvalidMessage("bad signature")
        if fields["status"] not in STATUSES or ascii_int(fields["amount"]) is None:
            raise InvalidMessage("unreadable status or amount")
        return GatewayOutcome(
            order_id=fields["order"],
            status=STATUSES[fields["status"]],
            amount=int(fields["amount"]),
            transaction_id=fields["transaction"],
        )
