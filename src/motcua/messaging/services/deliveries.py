"""Who is told what: the delivery records of an event (one per channel the applicant has), created once per event
and channel (``Delivery.key``) and sent by :func:`motcua.messaging.services.sending.send_delivery` jobs on the
``messages`` queue, enqueued in the same transaction as the rows.

The channels: a dossier submitted from an account, or whose applicant is the verified identity of an account, follows
that account's choices (“Tài khoản”: e-mail, SMS, Zalo) and its contacts; any other dossier (a counter dossier with
no account) is told by e-mail if the applicant gave an address and by SMS if they gave a phone. A channel whose
gateway is not configured is skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.accounts.models import Citizen
from motcua.core import jobs
from motcua.core.links import public_url
from motcua.dossiers.choices import ResultDelivery
from motcua.dossiers.models import Dossier, DossierStep, ProcessLogEntry
from motcua.messaging import gateways
from motcua.messaging.choices import Channel, Event, State
from motcua.messaging.models import Delivery


@dataclass
class Contacts:
    email: str = ""
    phone: str = ""
    channels: list[str] = field(default_factory=list)


def mask(channel: str, address: str) -> str:
    """What officers see of an address: ``t***@example.vn``, ``0912***678``."""
    if channel == Channel.EMAIL:
        local, _at, domain = address.partition("@")
        return f"{local[:1]}***@{domain}" if domain else "***"
    return f"{address[:4]}***{address[-3:]}" if len(address) > 7 else "***"


def _offered(channels: list[str], email: str, phone: str) -> list[str]:
    usable = {
        Channel.EMAIL: bool(email),
        Channel.SMS: bool(phone) and gateways.sms() is not None,
        Channel.ZALO: bool(phone) and gateways.zalo() is not None,
    }
    return [c for c in Channel.values if c in channels and usable[c]]


def citizens_of(dossiers) -> dict[int, Citizen]:
    """The account that speaks for each dossier (by dossier id), in two queries for any number of dossiers: the
    submitting account, else the account whose verified identity is the applicant's."""
    by_user = {
        c.user_id: c
        for c in Citizen.objects.filter(user_id__in={d.account_id for d in dossiers if d.account_id})
    }
    numbers = {d.applicant.id_number for d in dossiers if d.applicant.id_number}
    by_number = {c.id_number: c for c in Citizen.objects.filter(id_verified=True, id_number__in=numbers)}
    found = {}
    for d in dossiers:
        citizen = by_user.get(d.account_id) or by_number.get(d.applicant.id_number)
        if citizen is not None:
            found[d.pk] = citizen
    return found


def contacts_for(dossier: Dossier, citizen: Citizen | None) -> Contacts:
    """The applicant's addresses and the channels they are told on (see the module's rule); ``citizen``: the
    account that speaks for the dossier (:func:`citizens_of`)."""
    applicant, representative = dossier.applicant, dossier.representative
    email = applicant.email or (representative.email if representative else "")
    phone = applicant.phone or (representative.phone if representative else "")
    if citizen is not None:
        chosen = [
            c
            for c, on in (
                (Channel.EMAIL, citizen.notify_email),
                (Channel.SMS, citizen.notify_sms),
                (Channel.ZALO, citizen.notify_zalo),
            )
            if on
        ]
        email, phone = citizen.email or email, citizen.phone or phone
    else:
        chosen = [Channel.EMAIL, Channel.SMS]
    return Contacts(email, phone, _offered(chosen, email, phone))


def _day(moment: dt.datetime | None) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y") if moment else ""


def _moment(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def tracking_link(code: str) -> str:
    return public_url(f"/tra-cuu/{code}/")


HOW = {
    ResultDelivery.COUNTER: gettext_lazy("Nhận trực tiếp tại Bộ phận Một cửa"),
    ResultDelivery.POSTAL: gettext_lazy("Nhận qua dịch vụ bưu chính công ích"),
    ResultDelivery.ONLINE: gettext_lazy("Nhận kết quả điện tử"),
}


def values_for(event: str, dossier: Dossier, entry: ProcessLogEntry) -> dict[str, str]:
    """The variables of ``event`` (``choices.VARIABLES``) for ``dossier`` as the transition logged as ``entry``
    left it: nothing else about the applicant."""
    code = dossier.code or dossier.reference
    agency = dossier.receiving_agency
    values = {
        "ma_ho_so": code,
        "ten_thu_tuc": dossier.procedure_version.name,
        "co_quan": agency.name,
        "link_tra_cuu": tracking_link(code),
    }
    if event == Event.RECEIVED:
        values |= {
            "ngay_tiep_nhan": _day(dossier.received_at or entry.at),
            "ngay_hen_tra": _day(dossier.due_at),
        }
    elif event in (Event.COMPLETION, Event.SUPPLEMENT, Event.FEE):
        values["noi_dung"] = entry.note
    elif event == Event.APOLOGY:
        values |= {
            "noi_dung": entry.note,
            "ngay_hen_cu": _day(_moment(entry.data.get("previous_due_at"))),
            "ngay_hen_moi": _day(_moment(entry.data.get("new_due_at"))),
        }
    elif event == Event.RESULT_READY:
        delivery = dossier.result_delivery
        where = {
            ResultDelivery.COUNTER: _(
                "Nơi nhận: %(agency)s%(address)s. Khi đến nhận, xin mang theo giấy tiếp nhận."
            )
            % {"agency": agency.name, "address": f", {agency.address}" if agency.address else ""},
            ResultDelivery.POSTAL: _("Kết quả được gửi qua bưu chính đến địa chỉ Quý ông/bà đã đăng ký."),
            ResultDelivery.ONLINE: _("Kết quả điện tử được tải về từ trang tra cứu hồ sơ."),
        }
        values |= {
            "cach_nhan": str(HOW.get(delivery, HOW[ResultDelivery.COUNTER])),
            "noi_nhan": str(where.get(delivery, where[ResultDelivery.COUNTER])),
            "link_ket_qua": tracking_link(code),
        }
    elif event == Event.RETURNED:
        values["ngay_tra"] = _day(dossier.returned_at or entry.at)
    return values


def _key(event: str, subject: str, entry_id: int | None, channel: str) -> str:
    return f"{event}:{subject}:{entry_id or 0}:{channel}"


def _create(rows: list[Delivery]) -> list[int]:
    """Insert the rows whose key is new; the ids of those inserted (a row already there was planned before)."""
    if not rows:
        return []
    keys = [r.key for r in rows]
    existing = set(Delivery.objects.filter(key__in=keys).values_list("key", flat=True))
    fresh = [r for r in rows if r.key not in existing]
    Delivery.objects.bulk_create(fresh, ignore_conflicts=True)
    return list(
        Delivery.objects.filter(key__in=[r.key for r in fresh], status=State.QUEUED).values_list(
            "pk", flat=True
        )
    )


def _enqueue(ids: list[int]) -> None:
    from motcua.messaging.services.sending import send_delivery

    jobs.enqueue_many([(send_delivery, [pk], {}) for pk in ids])


def plan_dossier_events(pairs: list[tuple[str, int, int]]) -> list[int]:
    """Create the deliveries of ``(event, dossier_id, entry_id)`` and enqueue their sending, in one transaction;
    the ids of the deliveries created now (none for an event planned before)."""
    if not pairs:
        return []
    dossiers = Dossier.objects.select_related(
        "applicant", "representative", "receiving_agency", "procedure_version"
    ).in_bulk({d for _e, d, _n in pairs})
    entries = ProcessLogEntry.objects.in_bulk({n for _e, _d, n in pairs})
    citizens = citizens_of(dossiers.values())
    rows = []
    for event, dossier_id, entry_id in pairs:
        dossier, entry = dossiers.get(dossier_id), entries.get(entry_id)
        if dossier is None or entry is None:
            continue
        contacts = contacts_for(dossier, citizens.get(dossier_id))
        if not contacts.channels:
            continue
        values = values_for(event, dossier, entry)
        for channel in contacts.channels:
            address = contacts.email if channel == Channel.EMAIL else contacts.phone
            rows.append(
                Delivery(
                    key=_key(event, str(dossier_id), entry_id, channel),
                    dossier=dossier,
                    entry_id=entry_id,
                    event=event,
                    channel=channel,
                    recipient=address,
                    recipient_masked=mask(channel, address),
                    values=values,
                    event_at=entry.at,
                )
            )
    with transaction.atomic():
        ids = _create(rows)
        _enqueue(ids)
    return ids


def step_values(dossier: Dossier, step: DossierStep) -> dict[str, str]:
    """The variables of ``Event.STEP_STARTED``: the dossier's common ones, the step, its unit and its deadline."""
    code = dossier.code or dossier.reference
    due = timezone.localtime(step.due_at).strftime("%d/%m/%Y %H:%M") if step.due_at else ""
    return {
        "ma_ho_so": code,
        "ten_thu_tuc": dossier.procedure_version.name,
        "co_quan": dossier.receiving_agency.name,
        "link_tra_cuu": tracking_link(code),
        "ten_buoc": step.name,
        "don_vi": step.agency.name,
        "han_buoc": due,
    }


def plan_step_starts(pairs: list[tuple[int, int]]) -> list[int]:
    """Tell the citizen of each step started by the transitions ``(dossier_id, entry_id)`` whose process step asks
    for it (``ProcessStep.notify_citizen``): one delivery per channel and step (``Delivery.key`` names the dossier
    and the step, so a repeated job, or a later transition, tells nobody twice), enqueued in one transaction. A step
    is started by a transition when its start is the moment the transition logged. The ids created now."""
    if not pairs:
        return []
    moments = dict(ProcessLogEntry.objects.filter(pk__in={n for _d, n in pairs}).values_list("pk", "at"))
    entry_of = {(d, moments[n]): n for d, n in pairs if n in moments}
    if not entry_of:
        return []
    steps = list(
        DossierStep.objects.filter(
            dossier_id__in={d for d, _at in entry_of},
            started_at__in={at for _d, at in entry_of},
            process_step__notify_citizen=True,
        )
        .select_related(
            "agency",
            "dossier__applicant",
            "dossier__representative",
            "dossier__receiving_agency",
            "dossier__procedure_version",
        )
        .order_by("pk")
    )
    steps = [s for s in steps if (s.dossier_id, s.started_at) in entry_of]
    citizens = citizens_of({s.dossier_id: s.dossier for s in steps}.values())
    rows = []
    for step in steps:
        dossier = step.dossier
        contacts = contacts_for(dossier, citizens.get(dossier.pk))
        values = step_values(dossier, step)
        for channel in contacts.channels:
            address = contacts.email if channel == Channel.EMAIL else contacts.phone
            rows.append(
                Delivery(
                    key=_key(Event.STEP_STARTED, f"{dossier.pk}:step{step.pk}", 0, channel),
                    dossier=dossier,
                    entry_id=entry_of[(dossier.pk, step.started_at)],
                    event=Event.STEP_STARTED,
                    channel=channel,
                    recipient=address,
                    recipient_masked=mask(channel, address),
                    values=values,
                    event_at=step.started_at,
                )
            )
    with transaction.atomic():
        ids = _create(rows)
        _enqueue(ids)
    return ids


def tell_feedback_sender(
    *, feedback_id: int, code: str, status: str, email: str, phone: str, entry_id: int, at: dt.datetime
) -> list[int]:
    """Tell the sender of a PAKN item its new status (e-mail and SMS to the contacts they gave): the code, the
    status and the tracking link, nothing else."""
    channels = _offered([Channel.EMAIL, Channel.SMS], email, phone)
    values = {
        "ma_pakn": code,
        "trang_thai": status,
        "link_tra_cuu": public_url("/phan-anh-kien-nghi/tra-cuu/"),
    }
    rows = [
        Delivery(
            key=_key(Event.FEEDBACK_ANSWERED, f"pakn{feedback_id}", entry_id, channel),
            feedback_code=code,
            entry_id=entry_id,
            event=Event.FEEDBACK_ANSWERED,
            channel=channel,
            recipient=email if channel == Channel.EMAIL else phone,
            recipient_masked=mask(channel, email if channel == Channel.EMAIL else phone),
            values=values,
            event_at=at,
        )
        for channel in channels
    ]
    with transaction.atomic():
        ids = _create(rows)
        _enqueue(ids)
    return ids


def resend(ids) -> int:
    """An administrator's “Gửi lại”: the failed deliveries ``ids`` are queued again with a fresh set of attempts
    (their last error stays until the next try replaces it)."""
    with transaction.atomic():
        again = list(
            Delivery.objects.select_for_update()
            .filter(pk__in=list(ids), status=State.FAILED)
            .exclude(recipient="")
            .values_list("pk", "attempts")
        )
        for pk, attempts in again:
            Delivery.objects.filter(pk=pk).update(status=State.QUEUED, attempts_before=attempts)
        _enqueue([pk for pk, _a in again])
    return len(again)


def for_dossier(dossier_id: int) -> list[Delivery]:
    """The dossier's deliveries, newest first (one query): the officers' block “Tin nhắn gửi công dân”."""
    return list(Delivery.objects.filter(dossier_id=dossier_id).defer("values").order_by("-created_at", "-id"))
