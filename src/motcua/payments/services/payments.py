"""Online payment of a dossier's fees: the only writer of ``Payment`` and ``PaymentEvent``.

* :func:`start` — only the account that submitted the dossier (``Dossier.account``), while it is open, for what it
  owes now (``services.fees``); one pending payment per dossier at a time (a unique partial index), and a second
  start while one is pending returns that one.
* :func:`handle` — a server callback (IPN) or a browser return: the gateway verifies the signature, then the order
  and the amount must match our record. Under a row lock on the payment, a final outcome is written once; a replay
  changes nothing and is answered OK. Success records ``pay_online`` on the dossier through
  ``transitions.apply`` exactly once (``Payment.recorded_at``); if the dossier closed meanwhile, the payment stays
  succeeded, is flagged ``refund_required`` and the counter sees it.
* :func:`expire_stale` — pending payments older than ``MOTCUA_PAYMENT_TIMEOUT_MINUTES`` become expired (lazily
  when a payment page is read, and by ``motcua expire_payments``). A success that arrives later is still honoured:
  the money was taken.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.rules import RuleError
from motcua.dossiers.lifecycle import OPEN_STATES
from motcua.dossiers.services.transitions import TransitionError, apply
from motcua.payments import gateways
from motcua.payments.choices import EventSource, PaymentStatus
from motcua.payments.gateways.base import SUCCEEDED, InvalidMessage, StartRequest
from motcua.payments.models import Payment, PaymentEvent
from motcua.payments.services import fees

log = logging.getLogger(__name__)

OUTCOME_STATUS = {
    "succeeded": PaymentStatus.SUCCEEDED,
    "failed": PaymentStatus.FAILED,
    "cancelled": PaymentStatus.CANCELLED,
}


class PaymentError(RuleError):
    """A payment that may not start (see :class:`RuleError`); ``message`` says why (Vietnamese), nothing was
    written."""


@dataclass
class Started:
    payment: Payment
    redirect_url: str
    resumed: bool = False


@dataclass
class Handled:
    ok: bool  # False: refused (400) — nothing changed
    message: str
    payment: Payment | None = None


def timeout() -> dt.timedelta:
    return dt.timedelta(minutes=settings.MOTCUA_PAYMENT_TIMEOUT_MINUTES)


def expire_stale(now: dt.datetime | None = None, dossier=None) -> int:
    """Mark pending payments older than the timeout expired (of one dossier, or all); how many."""
    now = now or timezone.now()
    pending = Payment.objects.filter(status=PaymentStatus.PENDING, created_at__lt=now - timeout())
    if dossier is not None:
        pending = pending.filter(dossier=dossier)
    return pending.update(status=PaymentStatus.EXPIRED, finished_at=now)


def expire_all(now: dt.datetime | None = None) -> tuple[int, int]:
    """The command's sweep: ask each gateway about its stale orders first (a success it reports is recorded), then
    expire the rest. (expired, recovered)."""
    now = now or timezone.now()
    recovered = 0
    stale = Payment.objects.filter(status=PaymentStatus.PENDING, created_at__lt=now - timeout())
    for payment in stale.only("pk", "order_id", "gateway"):
        gateway = gateways.get(payment.gateway)
        outcome = gateway.query(payment.order_id) if gateway is not None else None
        if outcome is not None and outcome.status == SUCCEEDED:
            result = _apply_outcome(
                gateway.code, outcome, EventSource.QUERY, {"query": payment.order_id}, now
            )
            recovered += bool(result.ok)
    return expire_stale(now), recovered


def _order_id(now: dt.datetime) -> str:
    return f"MC{timezone.localtime(now):%y%m%d}{secrets.token_hex(6).upper()}"


def start(dossier, user, gateway_code: str, *, return_url: str, callback_url: str, now=None) -> Started:
    now = now or timezone.now()
    gateway = gateways.get(gateway_code)
    if gateway is None:
        raise PaymentError("invalid_input", _("Cổng thanh toán này không được sử dụng."))
    if dossier.account_id is None or dossier.account_id != user.pk:
        raise PaymentError(
            "forbidden", _("Chỉ tài khoản đã nộp hồ sơ trực tuyến mới thanh toán được phí, lệ phí của hồ sơ.")
        )
    if dossier.status not in OPEN_STATES:
        raise PaymentError("wrong_state", _("Hồ sơ đã kết thúc xử lý, không thể thanh toán trực tuyến."))
    expire_stale(now, dossier)
    pending = dossier.payments.filter(status=PaymentStatus.PENDING).first()
    if pending is not None:
        found = gateways.get(pending.gateway)
        if found is None:
            raise PaymentError(
                "conflict", _("Đang có một giao dịch chờ kết quả; vui lòng thử lại sau ít phút.")
            )
        return Started(pending, found.start(_start_request(pending, return_url, callback_url)), resumed=True)
    owed = fees.owed(dossier)
    if owed.due <= 0:
        raise PaymentError(
            "conflict",
            _("Hồ sơ không có khoản phí, lệ phí nào cần thanh toán trực tuyến.")
            if owed.nothing
            else _("Hồ sơ đã được thanh toán đủ phí, lệ phí."),
        )
    items = {
        "lines": [line.as_json() for line in owed.lines if line.online],
        "paid_before": owed.paid,
        "procedure": dossier.procedure_version.name,
        "procedure_code": dossier.procedure_version.procedure.code,
        "dossier": dossier.code or dossier.reference,
        "reference": dossier.reference,
        "agency": dossier.receiving_agency.name,
    }
    payment = Payment(
        dossier=dossier,
        account_id=user.pk,
        amount=owed.due,
        items=items,
        gateway=gateway.code,
        order_id=_order_id(now),
        created_at=now,
    )
    try:
        with transaction.atomic():
            payment.save()
    except IntegrityError as exc:  # another tab started one at the same moment
        raise PaymentError(
            "conflict", _("Đang có một giao dịch chờ kết quả; vui lòng thử lại sau ít phút.")
        ) from exc
    return Started(payment, gateway.start(_start_request(payment, return_url, callback_url)))


def _start_request(payment: Payment, return_url: str, callback_url: str) -> StartRequest:
    return StartRequest(
        order_id=payment.order_id,
        amount=payment.amount,
        description=_("Phí, lệ phí hồ sơ %(dossier)s") % {"dossier": payment.items.get("dossier", "")},
        return_url=return_url,
        callback_url=callback_url,
    )


def _event(payment, gateway_code, source, params, verified, result, order_id=""):
    PaymentEvent.objects.create(
        payment=payment,
        gateway=gateway_code,
        source=source,
        order_id=(order_id or "")[:100],
        # kept as received, bounded: an unsigned request must not be able to write a large row
        payload={str(k)[:50]: str(v)[:500] for k, v in list(dict(params).items())[:40]},
        verified=verified,
        result=result[:200],
    )


def handle(
    gateway_code: str, params: Mapping[str, str], source: str = EventSource.CALLBACK, now=None
) -> Handled:
    """A callback or a return from ``gateway_code``; see the module docstring."""
    now = now or timezone.now()
    params = {str(k): str(v) for k, v in params.items()}
    gateway = gateways.get(gateway_code)
    if gateway is None:
        return Handled(False, "unknown gateway")
    try:
        outcome = gateway.verify(params)
    except InvalidMessage as exc:
        _event(None, gateway_code, source, params, False, f"refused: {exc}", params.get("order", ""))
        return Handled(False, "invalid signature")
    return _apply_outcome(gateway_code, outcome, source, params, now)


def _apply_outcome(gateway_code, outcome, source, params, now) -> Handled:
    with transaction.atomic():
        payment = (
            Payment.objects.select_for_update()
            .filter(order_id=outcome.order_id, gateway=gateway_code)
            .select_related("dossier")
            .first()
        )
        if payment is None:
            _event(None, gateway_code, source, params, True, "refused: unknown order", outcome.order_id)
            return Handled(False, "unknown order")
        if outcome.amount != payment.amount:
            _event(payment, gateway_code, source, params, True, "refused: amount differs", outcome.order_id)
            return Handled(False, "amount differs", payment)
        new = OUTCOME_STATUS[outcome.status]
        if payment.status == new or (
            payment.status != PaymentStatus.PENDING
            and not (payment.status == PaymentStatus.EXPIRED and new == PaymentStatus.SUCCEEDED)
        ):
            _event(payment, gateway_code, source, params, True, f"already {payment.status}", outcome.order_id)
            return Handled(True, "already handled", payment)
        payment.status = new
        payment.finished_at = now
        payment.transaction_id = outcome.transaction_id[:100]
        fields = ["status", "finished_at", "transaction_id"]
        result = str(new)
        if new == PaymentStatus.SUCCEEDED:
            payment.receipt_number = f"BL{timezone.localtime(now):%y%m%d}-{payment.pk:07d}"
            fields.append("receipt_number")
            result = _record_on_dossier(payment, now, fields)
        payment.save(update_fields=fields)
        _event(payment, gateway_code, source, params, True, result, outcome.order_id)
    return Handled(True, "OK", payment)


def _record_on_dossier(payment: Payment, now, fields: list[str]) -> str:
    """``pay_online`` on the dossier, once; a closed dossier flags the payment for a refund instead."""
    try:
        with transaction.atomic():
            apply(
                payment.dossier_id,
                "pay_online",
                payment.account,
                inputs={
                    "amount": payment.amount,
                    "transaction": payment.transaction_id,
                    "gateway": payment.gateway,
                },
                at=now,
            )
    except TransitionError as exc:
        log.warning("payment %s succeeded but not recorded on the dossier: %s", payment.order_id, exc.message)
        payment.refund_required = True
        payment.refund_reason = (
            _("Hồ sơ đã kết thúc trước khi cổng báo thanh toán thành công: %(reason)s")
            % {"reason": exc.message}
        )[:500]
        fields += ["refund_required", "refund_reason"]
        return "succeeded, refund required"
    payment.recorded_at = now
    fields.append("recorded_at")
    return "succeeded, recorded on the dossier"


def history(dossier) -> list[Payment]:
    return list(dossier.payments.order_by("-created_at", "-id"))


def for_officer(dossier) -> dict:
    """What the counter sees on the dossier page: paid online, and any payment to refund (one query)."""
    rows = list(
        dossier.payments.filter(status=PaymentStatus.SUCCEEDED).values(
            "amount", "receipt_number", "transaction_id", "finished_at", "refund_required", "refund_reason"
        )
    )
    return {
        "paid": [r for r in rows if not r["refund_required"]],
        "refunds": [r for r in rows if r["refund_required"]],
        "paid_amount": dossier.paid_online_amount or 0,
    }
