"""What a dossier owes: the fees (phí, lệ phí) of the catalogue's way of submitting that applies to its case and
channel — chosen exactly as intake chose the time limit (``dossiers.services.intake``) — less what was already
paid online. A fee stated only in words ("theo thông báo của cơ quan thuế") has no amount: it is shown, and paid at
the counter or as notified, never online."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db.models import Sum
from django.utils.translation import gettext as _

from motcua.catalog.models import ChannelOption
from motcua.dossiers.services.intake import channel_option
from motcua.payments.choices import PaymentStatus
from motcua.payments.services.money import figures


@dataclass(frozen=True)
class FeeLine:
    kind: str  # "Phí", "Lệ phí", "Phí, lệ phí"
    amount: int | None  # đồng; None: stated in words only
    text: str  # how it reads: "20.000 đồng", "Miễn phí", or the catalogue's words
    note: str  # exemptions, reductions

    @property
    def online(self) -> bool:
        return self.amount is not None and self.amount > 0

    def as_json(self) -> dict:
        return {"kind": self.kind, "amount": self.amount, "text": self.text, "note": self.note}


@dataclass
class Owed:
    lines: list[FeeLine] = field(default_factory=list)
    paid: int = 0  # already paid online

    @property
    def total(self) -> int:
        """The sum of the fees that have an amount (payable online)."""
        return sum(line.amount for line in self.lines if line.online)

    @property
    def due(self) -> int:
        return max(self.total - self.paid, 0)

    @property
    def offline(self) -> list[FeeLine]:
        """Fees stated in words only: nộp tại quầy / theo thông báo."""
        return [line for line in self.lines if line.amount is None]

    @property
    def nothing(self) -> bool:
        """No fee at all to pay online, now or ever (free, or only fees stated in words)."""
        return self.total == 0


def fee_lines(option: ChannelOption | None) -> list[FeeLine]:
    if option is None:
        return []
    lines = []
    for fee in option.fees.all():
        text = fee.amount_label() if fee.amount is not None else (fee.text or _("Không quy định"))
        lines.append(FeeLine(kind=str(fee.get_kind_display()), amount=fee.amount, text=text, note=fee.note))
    return lines


def option_for(dossier) -> ChannelOption | None:
    """The way of submitting whose fees apply: the dossier's version, case and channel (two queries)."""
    options = list(
        ChannelOption.objects.filter(version_id=dossier.procedure_version_id)
        .prefetch_related("fees")
        .order_by("order", "id")
    )
    return channel_option(options, SimpleNamespace(pk=dossier.case_id), dossier.channel)


def paid_online(dossier, payments=None) -> int:
    """What was paid online: the dossier's record (``pay_online``), or the succeeded payments if more (one query,
    none when the dossier's ``payments`` are given)."""
    if payments is None:
        succeeded = dossier.payments.filter(status=PaymentStatus.SUCCEEDED, refund_required=False).aggregate(
            s=Sum("amount")
        )["s"]
    else:
        succeeded = sum(
            p.amount for p in payments if p.status == PaymentStatus.SUCCEEDED and not p.refund_required
        )
    return max(dossier.paid_online_amount or 0, succeeded or 0)


def owed(dossier, payments=None) -> Owed:
    return Owed(lines=fee_lines(option_for(dossier)), paid=paid_online(dossier, payments))


def amount_text(amount: int) -> str:
    return _("%(amount)s đồng") % {"amount": figures(amount)}
