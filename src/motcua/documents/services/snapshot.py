"""The values a form prints, as plain data (dicts, lists, strings): taken once at issuance and stored with the
issued form (``IssuedForm.data``), so that a re-print is identical whatever happens to the dossier later.

Everything is in Vietnamese (the forms are legal documents) and in Vietnam time; dates are dd/mm/yyyy.
What a template can use (``{{ dossier.code }}``, ``{% for c in components %}`` …) is exactly :func:`for_entry`'s
result, documented on the admin's template page.
"""

from __future__ import annotations

import bisect
import datetime as dt
import time

from django.db.models import Q
from django.utils import timezone, translation

from motcua.catalog.choices import Channel, LimitUnit, limit_text
from motcua.documents import official_forms
from motcua.documents.render.codes import tracking_url
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import ApplicantKind, ResultDelivery, Status, Timeliness
from motcua.dossiers.models import Apology, Dossier, ProcessLogEntry
from motcua.org.places import place_of


def moment(value: dt.datetime | None) -> dict | str:
    """A point in time as the forms print it (Vietnam time): parts and “09 giờ 15 phút, ngày 09/03/2026”."""
    if value is None:
        return ""
    local = timezone.localtime(value, timezone.get_default_timezone())
    parts = {
        "date": f"{local:%d/%m/%Y}",
        "time": f"{local:%H:%M}",
        "day": f"{local:%d}",
        "month": f"{local:%m}",
        "year": f"{local:%Y}",
        "hour": f"{local:%H}",
        "minute": f"{local:%M}",
    }
    parts["text"] = f"{parts['hour']} giờ {parts['minute']} phút, ngày {parts['date']}"
    parts["long"] = f"ngày {parts['day']} tháng {parts['month']} năm {parts['year']}"
    return parts


def unit(agency) -> dict:
    if agency is None:
        return {"name": "", "name_upper": "", "parent": "", "parent_upper": "", "place": ""}
    parent = agency.parent.name if agency.parent_id and agency.parent else ""
    return {
        "name": agency.name,
        "name_upper": agency.name.upper(),
        "parent": parent,
        "parent_upper": parent.upper(),
        "identifier": agency.identifier,
        "place": place_of(agency),
        "address": agency.address,
        "phone": agency.phone,
        "email": agency.email,
    }


def person(applicant) -> dict | str:
    if applicant is None:
        return ""
    citizen = applicant.kind == ApplicantKind.CITIZEN
    return {
        "name": applicant.name,
        "is_citizen": citizen,
        "title": "Ông/Bà" if citizen else "Tổ chức",
        "kind": str(ApplicantKind(applicant.kind).label) if applicant.kind in ApplicantKind.values else "",
        "id_label": "Số định danh cá nhân" if citizen else "Mã số doanh nghiệp, mã số thuế",
        "id_number": applicant.id_number,
        "birth_date": f"{applicant.birth_date:%d/%m/%Y}" if applicant.birth_date else "",
        "address": applicant.address,
        "phone": applicant.phone,
        "email": applicant.email,
    }


def limit_of(dossier: Dossier) -> str:
    if dossier.limit_amount is None or not dossier.limit_unit:
        return ""
    amount = dossier.limit_amount.normalize()
    return limit_text(f"{amount:f}".replace(".", ","), float(amount), dossier.limit_unit)


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value or "")


def load_dossier(dossier_id: int) -> Dossier:
    """The dossier with everything a form prints, in two queries (the row with its joins, its components)."""
    return _printed().get(pk=dossier_id)


SHARED = (
    "procedure_version__procedure",
    "receiving_agency__parent",
    "receiving_agency__admin_unit",
    "handling_agency__parent",
    "handling_agency__admin_unit",
)


def load_dossiers(dossier_ids) -> dict[int, Dossier]:
    """:func:`load_dossier` for several dossiers at once, by id. What dossiers share (the procedure version, the
    units and their parents and places) is read once for all — a batch of 100 dossiers of one procedure at one
    centre would otherwise build each of these objects 100 times: 10 queries, whatever the number."""
    query = (
        Dossier.objects.select_related("case", "applicant", "representative")
        .prefetch_related(*SHARED, "components")
        .filter(pk__in=list(dossier_ids))
    )
    return {d.pk: d for d in query}


def _printed():
    return Dossier.objects.select_related(
        "procedure_version__procedure",
        "case",
        "applicant",
        "representative",
        "receiving_agency__parent",
        "receiving_agency__admin_unit",
        "handling_agency__parent",
        "handling_agency__admin_unit",
    ).prefetch_related("components")


BOOK_CACHE_SECONDS = 600
_days_before: dict[tuple[int, dt.date], tuple[float, int]] = {}


def book_position(dossier: Dossier) -> dict:
    """Quyển số / Số thứ tự of the dossier in its receiving unit's Sổ theo dõi hồ sơ: one book per unit and
    calendar year (Vietnam time), numbered in the order of receipt (then id) — the order of ``services.book``.

    The number is the count of the unit's dossiers received earlier in the year. A provincial centre receives a
    few hundred thousand a year, so the part before the day of receipt is kept per process (for
    ``BOOK_CACHE_SECONDS``: a dossier recorded later with an earlier receipt time shifts the numbers after it,
    as it does in the book) and only the day itself is counted on each receipt."""
    if dossier.received_at is None:
        return {"volume": "", "number": ""}
    local, day_start, before = _book_day(dossier)
    same_day = Dossier.objects.filter(
        Q(received_at__lt=dossier.received_at) | Q(received_at=dossier.received_at, id__lt=dossier.pk),
        receiving_agency_id=dossier.receiving_agency_id,
        received_at__gte=day_start,
    ).count()
    return {"volume": f"{local:%Y}", "number": str(before + same_day + 1)}


def book_positions(dossiers) -> dict[int, dict]:
    """:func:`book_position` of several dossiers (e.g. the receipts of one batch intake), by id: dossiers of one
    unit and day are placed together, from the count before the earliest of them and the few rows received
    between the earliest and the latest (two queries per unit and day, not one per dossier)."""
    groups: dict[tuple, list[Dossier]] = {}
    positions = {}
    for dossier in dossiers:
        if dossier.received_at is None:
            positions[dossier.pk] = {"volume": "", "number": ""}
            continue
        day = timezone.localtime(dossier.received_at, timezone.get_default_timezone()).date()
        groups.setdefault((dossier.receiving_agency_id, day), []).append(dossier)
    for group in groups.values():
        if len(group) == 1:
            positions[group[0].pk] = book_position(group[0])
            continue
        local, day_start, before = _book_day(group[0])
        first = min(d.received_at for d in group)
        last = max(d.received_at for d in group)
        unit = Dossier.objects.filter(receiving_agency_id=group[0].receiving_agency_id)
        earlier = unit.filter(received_at__gte=day_start, received_at__lt=first).count()
        between = sorted(
            unit.filter(received_at__gte=first, received_at__lte=last).values_list("received_at", "id")
        )
        for dossier in group:
            rank = bisect.bisect_left(between, (dossier.received_at, dossier.pk))
            positions[dossier.pk] = {"volume": f"{local:%Y}", "number": str(before + earlier + rank + 1)}
    return positions


def _book_day(dossier: Dossier) -> tuple[dt.datetime, dt.datetime, int]:
    """The receipt in Vietnam time, the start of its day, and how many the unit received earlier in the year
    before that day (kept per process, see :func:`book_position`)."""
    local = timezone.localtime(dossier.received_at, timezone.get_default_timezone())
    year_start = local.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    day_start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    unit = dossier.receiving_agency_id
    key = (unit, day_start.date())
    now = time.monotonic()
    cached = _days_before.get(key)
    if cached is None or now - cached[0] > BOOK_CACHE_SECONDS:
        earlier_days = Dossier.objects.filter(
            receiving_agency_id=unit, received_at__gte=year_start, received_at__lt=day_start
        ).count()
        if len(_days_before) > 10_000:
            _days_before.clear()
        _days_before[key] = cached = (now, earlier_days)
    return local, day_start, cached[1]


def form_header(spec: official_forms.FormSpec) -> dict:
    """What a form prints about itself: its code, title, form set and legal basis."""
    return {
        "code": spec.code,
        "title": spec.title,
        "title_upper": spec.title.upper(),
        "set": spec.form_set,
        "basis": spec.basis,
    }


def common(dossier: Dossier, spec: official_forms.FormSpec) -> dict:
    """What every form of the dossier prints (dossier, procedure, people, units)."""
    version = dossier.procedure_version
    submitter = dossier.representative or dossier.applicant
    code = dossier.code or ""
    return {
        "form": form_header(spec),
        "dossier": {
            "code": code,
            "reference": dossier.reference,
            "code_or_reference": code or dossier.reference,
            "summary": dossier.summary or version.name,
            "procedure_name": version.name,
            "procedure_code": version.procedure.code,
            "case_name": dossier.case.name if dossier.case_id else "",
            "channel": _label(Channel, dossier.channel),
            "delivery": _label(ResultDelivery, dossier.result_delivery),
            "is_postal_delivery": dossier.result_delivery == ResultDelivery.POSTAL,
            "sets": str(dossier.sets),
            "limit": limit_of(dossier),
            "limit_unit": _label(LimitUnit, dossier.limit_unit) if dossier.limit_unit else "",
            "submitted": moment(dossier.submitted_at),
            "received": moment(dossier.received_at),
            "due": moment(dossier.due_at),
            "original_due": moment(dossier.original_due_at),
            "status": _label(Status, dossier.status),
        },
        "applicant": person(dossier.applicant),
        "representative": person(dossier.representative),
        "submitter": person(submitter),
        "receiving": unit(dossier.receiving_agency),
        "handling": unit(dossier.handling_agency),
        "components": [
            {"no": str(n), "name": c.name, "originals": str(c.originals), "copies": str(c.copies)}
            for n, c in enumerate(dossier.components.all(), 1)
        ],
        "tracking_url": tracking_url(code) if code else "",
    }


def for_entry(
    dossier: Dossier,
    entry: ProcessLogEntry,
    spec: official_forms.FormSpec,
    issuing_agency,
    book: dict | None = None,
) -> dict:
    """Everything ``spec`` prints for the transition logged as ``entry``: the dossier's values now (at issuance),
    the entry's (time, officer, reason, items) and what the kind of form adds (the book position of a receipt —
    ``book`` when already known, see :func:`book_positions` —, the dates of an apology)."""
    with translation.override("vi"):
        data = common(dossier, spec)
        transition = lifecycle.BY_ACTION.get(entry.action)
        data.update(
            {
                "unit": unit(issuing_agency),
                "issued": moment(entry.at),
                "officer": {"name": entry.actor_name, "role": entry.role},
                "action": str(transition.label) if transition else entry.action,
                "reason": entry.note,
                "items": [str(i) for i in (entry.data or {}).get("items", []) if str(i).strip()],
                "number": "",
                "at_reception": entry.action in ("request_completion", "refuse", "refuse_at_counter"),
            }
        )
        if spec.kind == official_forms.Kind.RECEIPT:
            due = (entry.data or {}).get("due_at")
            if due:
                data["dossier"]["due"] = moment(dt.datetime.fromisoformat(due))
            data["dossier"]["received"] = moment(entry.at)
            data["book"] = book if book is not None else book_position(dossier)
        elif spec.kind == official_forms.Kind.APOLOGY:
            apology = (
                Apology.objects.filter(dossier_id=dossier.pk, created_at=entry.at).order_by("-id").first()
            )
            payload = entry.data or {}
            previous = payload.get("previous_due_at")
            new = payload.get("new_due_at")
            data["apology"] = {
                "previous_due": moment(dt.datetime.fromisoformat(previous)) if previous else "",
                "new_due": moment(dt.datetime.fromisoformat(new)) if new else "",
                "signer": apology.signer if apology else "",
            }
        return data


# --- the control sheet: a view of the process log, read at each print ---------------------------------------------

RECEIVER_OF = {
    "finish": "receiving",
    "return_result": "citizen",
    "return_from_partner": "handling",
}


def control(dossier: Dossier, entries: list[ProcessLogEntry], agencies: dict[str, object]) -> dict:
    """The Phiếu kiểm soát: the dossier's header values and one row per process-log entry (who handed over, who
    received, when, and whether the step was on time)."""
    spec = official_forms.of_kind(dossier.form_set, official_forms.Kind.CONTROL)
    with translation.override("vi"):
        data = common(dossier, spec)
        data["unit"] = unit(dossier.receiving_agency)
        data["issued"] = moment(timezone.now())
        partners = []
        rows = []
        for n, e in enumerate(entries, 1):
            transition = lifecycle.BY_ACTION.get(e.action)
            payload = e.data or {}
            giver = e.agency.name if e.agency_id and e.agency else ""
            target = RECEIVER_OF.get(e.action)
            if e.action == "transfer":
                receiver = (
                    getattr(agencies.get(payload.get("agency", "")), "name", "")
                    or dossier.handling_agency.name
                )
            elif e.action == "consult_partner":
                receiver = getattr(agencies.get(payload.get("partner", "")), "name", "") or payload.get(
                    "partner", ""
                )
                if receiver and receiver not in partners:
                    partners.append(receiver)
            elif target == "receiving":
                receiver = dossier.receiving_agency.name
            elif target == "handling":
                receiver = dossier.handling_agency.name
            elif target == "citizen":
                receiver = "Tổ chức, cá nhân"
            else:
                receiver = giver
            if e.action == "finish" and payload.get("timeliness") in Timeliness.values:
                result = str(Timeliness(payload["timeliness"]).label)
            elif payload.get("step_timeliness") in Timeliness.values:  # the step's own: early, on time, late
                result = str(Timeliness(payload["step_timeliness"]).label)
            elif e.on_time is True:
                result = str(Timeliness.ON_TIME.label)
            elif e.on_time is False:
                result = str(Timeliness.LATE.label)
            else:
                result = ""
            rows.append(
                {
                    "no": str(n),
                    "action": str(transition.label) if transition else e.action,
                    "from": giver,
                    "to": receiver,
                    "at": moment(e.at),
                    "actor": e.actor_name,
                    "step_due": moment(e.step_due_at),
                    "result": result,
                    "note": e.note,
                }
            )
        data["rows"] = rows
        data["partners"] = partners
        return data
