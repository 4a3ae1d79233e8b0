"""Dossiers with a known outcome, made through the real services at chosen times (local time text)."""

import datetime as dt
from zoneinfo import ZoneInfo

from motcua.dossiers.models import Apology, Dossier, DossierComponent, DossierPause
from tests.builders.dossiers import act, at, fresh, receive, request_for

VN = ZoneInfo("Asia/Ho_Chi_Minh")
ORIGIN = dt.datetime(2026, 1, 1, 0, 0, tzinfo=VN)
DAYS = 30  # randomised data: a short window, so due days, ends, pauses and period bounds often coincide
MINUTES = DAYS * 24 * 60


def finish_inputs(day: str) -> dict:
    return {
        "result_number": "15/XN-STP",
        "result_summary": "Xác nhận thông tin cư trú",
        "result_signer": "Mai Xuân Khánh",
        "result_signed_on": day,
    }


def received(officers, when: str, channel: str = "1"):
    """Accepted at the counter (``channel`` 1 or 3), or submitted online and accepted the same minute (2)."""
    from motcua.dossiers.services.intake import submit_online

    if channel == "2":
        dossier = submit_online(request_for(channel="2"), officers["counter"], at=at(when))
        return act(dossier, "accept", officers["counter"], when)
    return receive(officers, when, channel=channel)


def processing(officers, when: str, channel: str = "1", transferred: str | None = None):
    """Received at ``when`` and transferred to Sở Tư pháp 30 minutes later (status 4)."""
    dossier = received(officers, when, channel)
    moment = transferred or (at(when) + dt.timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M")
    return act(dossier, "transfer", officers["counter"], moment)


def finished(officers, received_at: str, finished_at: str, channel: str = "1", returned: bool = True):
    dossier = processing(officers, received_at, channel)
    dossier = act(dossier, "finish", officers["lead"], finished_at, **finish_inputs(finished_at[:10]))
    if returned:
        dossier = act(dossier, "return_result", officers["counter"], finished_at)
    return dossier


def refused(officers, when: str):
    from motcua.dossiers.services.intake import refuse_at_counter

    return refuse_at_counter(request_for(), officers["counter"], reason="Không thuộc thẩm quyền", at=at(when))


# --- dossiers written directly, as the load generator writes them (no transition, no signal) ----------------


def moment(minutes: int) -> dt.datetime:
    return ORIGIN + dt.timedelta(minutes=minutes)


def values_of(world, spec: dict) -> dict:
    """The dossier's fields as the lifecycle would leave them for ``spec``."""
    version, case, _ = world["versions"][spec["version"]]
    status = spec["status"]
    submitted = moment(spec["received"])
    received = None if status in (1, 3) else submitted
    end = moment(spec["received"] + spec["duration"])
    due = None
    if received is not None and spec["due_days"] is not None:
        day = (received + dt.timedelta(days=spec["due_days"])).date()
        due = dt.datetime.combine(day, dt.time(0, 0), tzinfo=VN) + dt.timedelta(minutes=spec["due_minute"])
    handling = world["handling"][spec["handling"]]
    return dict(
        procedure_version=version,
        case=case,
        receiving_agency=world["receiving"][spec["receiving"]],
        handling_agency=handling,
        current_agency=handling,
        channel=spec["channel"],
        status=status,
        submitted_at=submitted,
        received_at=received,
        original_due_at=due,
        due_at=due,
        deadline_at=due or submitted,
        closed_at=end if status in (3, 7, 8, 9, 10) else None,
        finished_at=end if status in (9, 10) else None,
    )


def children(world, d: Dossier, spec: dict) -> None:
    """Pauses (non-overlapping, within the open days; the last one open for statuses 5 and 6), an apology and
    a component, replacing any the dossier had."""
    for model in (DossierPause, Apology, DossierComponent):
        model.objects.filter(dossier_id=d.pk).delete()
    if d.received_at is None:
        return
    end, closed = d.closed_at, spec["status"] in (7, 8, 9, 10)
    cursor, pauses = d.received_at, []
    for i, (gap, length) in enumerate(spec["pauses"]):
        start = cursor + dt.timedelta(minutes=gap)
        if closed and start > end:
            break
        stop = None if length is None else start + dt.timedelta(minutes=length)
        if closed:
            stop = end if stop is None or stop > end else stop
        elif stop is None and not (i == len(spec["pauses"]) - 1 and spec["status"] in (5, 6)):
            stop = start + dt.timedelta(hours=5)
        pauses.append(
            DossierPause(dossier=d, reason="supplement", mode="pause", agency=d.handling_agency, started_at=start, ended_at=stop)
        )  # fmt: skip
        if stop is None:
            break
        cursor = stop
    DossierPause.objects.bulk_create(pauses)
    apologised = bool(spec["apology"] and d.original_due_at)
    if apologised:
        Apology.objects.create(
            dossier=d, agency=d.handling_agency, previous_due_at=d.original_due_at,
            new_due_at=d.original_due_at + dt.timedelta(days=5), reason="Xác minh", created_at=d.received_at,
        )  # fmt: skip
    type(d).objects.filter(pk=d.pk).update(
        has_pauses=bool(pauses), has_apologies=apologised
    )  # as the service keeps them
    DossierComponent.objects.create(
        dossier=d, case_component=world["versions"][spec["version"]][2], name="Tờ khai",
        digitisation=1 if spec["digitised"] else 0,
    )  # fmt: skip


def make(world, specs: list[dict]) -> list[int]:
    """Write the dossiers directly (as the load generator does: no transition, no signal)."""
    start = Dossier.objects.count()
    dossiers = [
        Dossier(reference=f"HS-T{start + n:05d}", applicant=world["applicant"], legal_regime="ND118_2025",
                form_set="TT03_2025", **values_of(world, spec))
        for n, spec in enumerate(specs)
    ]  # fmt: skip
    Dossier.objects.bulk_create(dossiers)
    for d, spec in zip(dossiers, specs, strict=True):
        children(world, d, spec)
    return [d.pk for d in dossiers]


def change(world, pk: int, spec: dict) -> None:
    values = values_of(world, spec)
    Dossier.objects.filter(pk=pk).update(**values)
    children(world, Dossier.objects.get(pk=pk), spec)


__all__ = [
    "change",
    "make",
    "values_of",
    "act",
    "at",
    "finish_inputs",
    "finished",
    "fresh",
    "processing",
    "received",
    "refused",
]
