"""Internal processes as versioned data: drafts, checks, publication with the approval decision, and the process a
dossier is received under. The screens, the import and the ISO document call these; nothing else writes a process.

The time shares are legal time: a step's share is in working hours or working days (8 working hours), and the sum
of a process's shares may not exceed the procedure's shortest legal time limit (:func:`share_problems`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog import validity
from motcua.catalog.choices import LimitUnit, VersionState
from motcua.catalog.models import ChannelOption, InternalProcess, Performer, ProcedureVersion, ProcessStep
from motcua.core import audit
from motcua.core.models import AuditEntry

HOURS_PER_DAY = Decimal(8)
# a calendar limit counted as working time: five working days in seven calendar days (a lower bound, SPEC §8)
CALENDAR_WORKING_SHARE = Decimal(5) / Decimal(7)
SHARE_UNITS = (LimitUnit.WORKING_HOURS, LimitUnit.WORKING_DAYS)


def working_hours(amount: Decimal, unit: str) -> Decimal | None:
    """``amount`` ``unit`` as working hours (None for a unit that has no fixed length: months)."""
    amount = Decimal(amount)
    if unit == LimitUnit.WORKING_HOURS:
        return amount
    if unit == LimitUnit.WORKING_DAYS:
        return amount * HOURS_PER_DAY
    if unit == LimitUnit.SAME_DAY:
        return HOURS_PER_DAY
    if unit == LimitUnit.CALENDAR_DAYS:
        return (amount * CALENDAR_WORKING_SHARE).quantize(Decimal(1)) * HOURS_PER_DAY
    return None


def legal_limit(version: ProcedureVersion) -> tuple[Decimal, ChannelOption] | None:
    """The shortest legal time limit of the version's channels, in working hours, and the channel it is of."""
    found = None
    for option in version.channel_options.all():
        if option.limit_amount is None or not option.limit_unit:
            continue
        hours = working_hours(option.limit_amount, option.limit_unit)
        if hours is not None and hours > 0 and (found is None or hours < found[0]):
            found = (hours, option)
    return found


def total_hours(steps) -> Decimal:
    return sum((working_hours(s.limit_amount, s.limit_unit) or Decimal(0) for s in steps), Decimal(0))


def share_problems(process: InternalProcess, steps=None) -> list[str]:
    """Why the steps of ``process`` cannot be approved as they are (empty when they can)."""
    steps = list(process.steps.order_by("order") if steps is None else steps)
    problems = []
    if not steps:
        problems.append(_("Quy trình cần ít nhất một bước."))
    orders = [s.order for s in steps]
    for s in steps:
        if s.limit_unit not in SHARE_UNITS:
            problems.append(
                _("Bước %(order)s: thời gian của bước tính bằng giờ làm việc hoặc ngày làm việc.")
                % {"order": s.order}
            )
        elif s.limit_amount is None or Decimal(s.limit_amount) <= 0:
            problems.append(_("Bước %(order)s: thời gian của bước phải lớn hơn 0.") % {"order": s.order})
        if s.performer == Performer.PARTNER and not s.unit_id:
            problems.append(_("Bước %(order)s: cần chọn cơ quan phối hợp.") % {"order": s.order})
        for target in s.send_back_to or []:
            if target not in orders or target >= s.order:
                problems.append(
                    _("Bước %(order)s: chỉ trả lại được về một bước trước nó (không có bước %(target)s).")
                    % {"order": s.order, "target": target}
                )
    limit = legal_limit(process.version)
    if limit is not None and steps:
        total = total_hours(steps)
        if total > limit[0]:
            problems.append(
                _(
                    "Tổng thời gian các bước (%(total)s giờ làm việc) vượt thời hạn giải quyết theo quy định "
                    "(%(limit)s, tức %(hours)s giờ làm việc)."
                )
                % {
                    "total": _number(total),
                    "limit": limit[1].limit_label(),
                    "hours": _number(limit[0]),
                }
            )
    return problems


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _next_number(version: ProcedureVersion, level: str) -> int:
    top = InternalProcess.objects.filter(version=version, level=level).aggregate(n=Max("number"))["n"]
    return (top or 0) + 1


@transaction.atomic
def new_draft(
    version: ProcedureVersion, *, level: str = "", actor=None, source: InternalProcess | None = None
) -> InternalProcess:
    """A draft process for ``version`` at ``level``, a copy of ``source`` (or of the process in force) if any."""
    source = source or process_for(version, level, timezone.localdate(), exact=True)
    draft = InternalProcess.objects.create(
        version=version,
        level=level,
        number=_next_number(version, level),
        code=source.code if source else "",
        note=source.note if source else "",
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if source is not None:
        copy_steps(source, draft)
    audit.record(actor, AuditEntry.Action.CREATE, draft, {}, "Dự thảo quy trình nội bộ")
    return draft


def copy_steps(source: InternalProcess, target: InternalProcess) -> None:
    ProcessStep.objects.bulk_create(
        ProcessStep(
            process=target,
            order=s.order,
            name=s.name,
            role=s.role,
            performer=s.performer,
            unit_id=s.unit_id,
            limit_amount=s.limit_amount,
            limit_unit=s.limit_unit,
            needs_signature=s.needs_signature,
            notify_citizen=s.notify_citizen,
            send_back_to=list(s.send_back_to or []),
            output=s.output,
        )
        for s in source.steps.order_by("order")
    )


def carry_over(source: ProcedureVersion, draft: ProcedureVersion) -> None:
    """A new version of a procedure keeps the processes approved for the version it was drafted from (as drafts:
    the new version's processes are published with it, ``publish_with``)."""
    for process in source.processes.filter(state=VersionState.PUBLISHED, valid_to__isnull=True):
        copy = InternalProcess.objects.create(
            version=draft,
            level=process.level,
            number=1,
            code=process.code,
            note=process.note,
            decision_number=process.decision_number,
            decision_date=process.decision_date,
            decision_signer=process.decision_signer,
        )
        copy_steps(process, copy)


@transaction.atomic
def publish(
    process: InternalProcess,
    *,
    valid_from: dt.date,
    decision_number: str,
    decision_date: dt.date,
    decision_signer: str,
    actor=None,
    note: str = "",
) -> InternalProcess:
    """Approve a draft process from ``valid_from`` under its decision. The process of the same version and level
    in force before ends on the eve (or, not started yet, is superseded). Nothing is saved if it cannot be
    approved."""
    process = InternalProcess.objects.select_for_update().select_related("version").get(pk=process.pk)
    errors = []
    if process.state != VersionState.DRAFT:
        errors.append(_("Chỉ phê duyệt được quy trình đang là dự thảo."))
    if not str(decision_number).strip():
        errors.append(_("Cần số quyết định phê duyệt quy trình."))
    if not str(decision_signer).strip():
        errors.append(_("Cần người ký quyết định phê duyệt."))
    if decision_date and decision_date > valid_from:
        errors.append(_("Ngày quyết định phê duyệt không được sau ngày có hiệu lực."))
    errors += share_problems(process)
    if errors:
        raise ValidationError(errors)
    previous = (
        InternalProcess.objects.select_for_update()
        .filter(version__procedure_id=process.version.procedure_id, level=process.level)
        .filter(state=VersionState.PUBLISHED)
        .filter(validity.open_on_or_after(valid_from))
        .exclude(pk=process.pk)
    )
    validity.supersede(previous, valid_from, actor, f"Thay thế bởi quy trình phiên bản {process.number}")
    InternalProcess.objects.filter(pk=process.pk).update(
        state=VersionState.PUBLISHED,
        valid_from=valid_from,
        decision_number=str(decision_number).strip(),
        decision_date=decision_date,
        decision_signer=str(decision_signer).strip(),
        published_at=timezone.now(),
        published_by=actor if getattr(actor, "pk", None) else None,
    )
    process.refresh_from_db()
    audit.record(
        actor,
        AuditEntry.Action.PUBLISH,
        process,
        {"valid_from": [None, str(valid_from)], "decision_number": [None, process.decision_number]},
        note,
    )
    return process


def process_for(
    version: ProcedureVersion | int, level: str, on: dt.date, *, exact: bool = False
) -> InternalProcess | None:
    """The approved process of ``version`` for ``level`` valid on ``on``: the level's own, else the one for every
    level (unless ``exact``)."""
    version_id = version.pk if isinstance(version, ProcedureVersion) else version
    levels = [level] if exact or not level else [level, ""]
    found = list(
        InternalProcess.objects.filter(
            version_id=version_id,
            level__in=levels,
            state=VersionState.PUBLISHED,
            valid_from__lte=on,
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-number")
    )
    for wanted in levels:
        for process in found:
            if process.level == wanted:
                return process
    return None


def valid_on(version: ProcedureVersion, on: dt.date) -> list[InternalProcess]:
    """Every approved process of ``version`` valid on ``on`` (one per level), with its steps: two queries."""
    from django.db.models import Prefetch

    return list(
        InternalProcess.objects.filter(version=version, state=VersionState.PUBLISHED, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .prefetch_related(
            Prefetch("steps", queryset=ProcessStep.objects.select_related("unit").order_by("order"))
        )
        .order_by("level", "-number")
    )


STEP_FIELDS = (
    "order",
    "name",
    "role",
    "performer",
    "unit_id",
    "limit_amount",
    "limit_unit",
    "needs_signature",
    "notify_citizen",
    "send_back_to",
    "output",
)


def _step_record(step: ProcessStep) -> dict:
    record = {name: getattr(step, name) for name in STEP_FIELDS}
    record["limit_amount"] = _number(Decimal(step.limit_amount))
    record["send_back_to"] = list(step.send_back_to or [])
    return record


@transaction.atomic
def replace_steps(process: InternalProcess, steps, *, actor=None) -> list[ProcessStep]:
    """Make ``steps`` (dicts of :data:`STEP_FIELDS`, ``unit`` or ``unit_id``) the steps of the draft ``process``,
    audited with the steps before and after. Refused (ValidationError, nothing saved) for a process that is no
    longer a draft or for two steps with the same number. The time shares are not checked here: a draft may be
    saved unfinished; :func:`share_problems` says what still stops its approval."""
    process = (
        InternalProcess.objects.select_for_update().select_related("version__procedure").get(pk=process.pk)
    )
    if process.state != VersionState.DRAFT:
        raise ValidationError(
            _("Quy trình đã công bố không được sửa; hãy tạo phiên bản quy trình mới (dự thảo).")
        )
    rows = sorted((ProcessStep(process=process, **dict(s)) for s in steps), key=lambda s: s.order)
    orders = [s.order for s in rows]
    duplicates = sorted({n for n in orders if orders.count(n) > 1})
    if duplicates:
        raise ValidationError(
            _("Hai bước không được cùng số thứ tự (bước %(orders)s).")
            % {"orders": ", ".join(str(n) for n in duplicates)}
        )
    before = [_step_record(s) for s in process.steps.order_by("order")]
    process.steps.all().delete()
    ProcessStep.objects.bulk_create(rows)
    after = [_step_record(s) for s in rows]
    if before != after:
        audit.record(
            actor, AuditEntry.Action.UPDATE, process, {"steps": [before, after]}, "Các bước của quy trình"
        )
    return rows
