"""Catalogue services: the only code that writes procedures, versions and assignments.

Life of a version: ``new_draft`` (empty, or a copy of an earlier version) → edits while a draft → ``publish`` with
its decision and first day of validity. Publishing closes the previous published version on the eve; a published
version is never edited again. ``version_on`` answers which version was in force on a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.catalog import processes, validity
from motcua.catalog.choices import VersionState
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Fee,
    LegalBasis,
    Procedure,
    ProcedureAssignment,
    ProcedureCase,
    ProcedureVersion,
    ResultDocument,
)
from motcua.core import audit
from motcua.core.dated import today, valid_on_q
from motcua.core.models import AuditEntry
from motcua.org.models import Agency


def version_on(procedure: Procedure, on: dt.date | None = None) -> ProcedureVersion | None:
    """The published version of ``procedure`` in force on ``on`` (default today)."""
    return (
        procedure.versions.filter(state=VersionState.PUBLISHED)
        .filter(valid_on_q(on or today()))
        .order_by("-valid_from", "-number")
        .first()
    )


def version_by_code(code: str, on: dt.date | None = None) -> ProcedureVersion | None:
    """:func:`version_on` for a procedure code, with its procedure, in one query."""
    return (
        ProcedureVersion.objects.filter(procedure__code=code, state=VersionState.PUBLISHED)
        .filter(valid_on_q(on or today()))
        .select_related("procedure")
        .order_by("-valid_from", "-number")
        .first()
    )


@dataclass(frozen=True)
class PublishedContent:
    """What intake reads of a published version: its cases with their components, and its channel options."""

    cases: tuple[ProcedureCase, ...]
    components: dict[int, tuple[CaseComponent, ...]]  # by case id
    channel_options: tuple[ChannelOption, ...]


_content: dict[tuple[int, dt.datetime | None], PublishedContent] = {}
CONTENT_CACHE_SIZE = 2000


def published_content(version: ProcedureVersion) -> PublishedContent:
    """The cases, components and channel options (with fees) of ``version`` (four queries), kept per process for published
    versions: those never change (``VersionPart`` refuses edits), so the cache needs no invalidation. The key
    includes the publication time, so a reused id (a rolled-back test database) is never mistaken for another.
    Treat the objects as read-only: they are shared between requests."""
    key = (version.pk, version.published_at)
    cached = _content.get(key) if version.is_published else None
    if cached is not None:
        return cached
    cases = tuple(version.cases.order_by("order", "id"))
    components: dict[int, list[CaseComponent]] = {case.pk: [] for case in cases}
    for component in CaseComponent.objects.filter(case__version=version).order_by("case_id", "order", "id"):
        components[component.case_id].append(component)
    content = PublishedContent(
        cases,
        {case_id: tuple(items) for case_id, items in components.items()},
        tuple(version.channel_options.prefetch_related("fees").order_by("order", "id")),
    )
    if version.is_published:
        if len(_content) >= CONTENT_CACHE_SIZE:
            _content.clear()
        _content[key] = content
    return content


def _next_number(procedure: Procedure) -> int:
    return (procedure.versions.aggregate(n=Max("number"))["n"] or 0) + 1


@transaction.atomic
def new_draft(
    procedure: Procedure, *, copy_from: ProcedureVersion | None = None, actor=None, **fields
) -> ProcedureVersion:
    """A new draft version of ``procedure``: empty (``fields`` give its content) or a deep copy of ``copy_from``."""
    if copy_from is not None:
        draft = _copy_version(copy_from, _next_number(procedure), actor)
        for name, value in fields.items():
            setattr(draft, name, value)
        if fields:
            draft.save()
    else:
        draft = ProcedureVersion(
            procedure=procedure, number=_next_number(procedure), created_by=actor, **fields
        )
        draft.full_clean(exclude=["procedure"])
        draft.save()
    audit.record(
        actor,
        AuditEntry.Action.CREATE,
        draft,
        {"number": [None, draft.number]},
        "Dự thảo mới" + (f" từ phiên bản {copy_from.number}" if copy_from else ""),
    )
    return draft


def _copy_version(source: ProcedureVersion, number: int, actor) -> ProcedureVersion:
    draft = ProcedureVersion.objects.get(pk=source.pk)
    draft.pk = None
    draft.number = number
    draft.state = VersionState.DRAFT
    draft.valid_from = draft.valid_to = None
    draft.decision_number, draft.decision_date = "", None
    draft.published_at, draft.published_by = None, None
    draft.created_by = actor
    draft.content_hash = ""
    draft.save()
    for row in source.legal_bases.all():
        LegalBasis.objects.create(version=draft, order=row.order, title=row.title, number=row.number)
    for row in source.results.all():
        ResultDocument.objects.create(version=draft, order=row.order, name=row.name, code=row.code)
    processes.carry_over(source, draft)
    case_map = {}
    for case in source.cases.all():
        new_case = ProcedureCase.objects.create(version=draft, order=case.order, name=case.name)
        case_map[case.pk] = new_case
        for comp in case.components.all():
            CaseComponent.objects.create(
                case=new_case,
                order=comp.order,
                name=comp.name,
                code=comp.code,
                originals=comp.originals,
                copies=comp.copies,
                count_text=comp.count_text,
                required=comp.required,
                form_name=comp.form_name,
                form_file=comp.form_file,
            )
    for option in source.channel_options.all():
        new_option = ChannelOption.objects.create(
            version=draft,
            case=case_map.get(option.case_id),
            order=option.order,
            channel=option.channel,
            limit_amount=option.limit_amount,
            limit_unit=option.limit_unit,
            limit_text=option.limit_text,
            description=option.description,
        )
        for fee in option.fees.all():
            Fee.objects.create(
                option=new_option,
                order=fee.order,
                kind=fee.kind,
                amount=fee.amount,
                text=fee.text,
                note=fee.note,
            )
    return draft


def check_publishable(version: ProcedureVersion) -> None:
    errors = []
    if version.state != VersionState.DRAFT:
        errors.append(_("Chỉ công bố được phiên bản đang là dự thảo."))
    if not version.name.strip():
        errors.append(_("Thiếu tên thủ tục."))
    if not version.cases.exists():
        errors.append(_("Cần ít nhất một trường hợp với thành phần hồ sơ."))
    if not version.channel_options.exists():
        errors.append(_("Cần ít nhất một cách thức thực hiện (trực tiếp, trực tuyến hoặc bưu chính)."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def publish(
    version: ProcedureVersion,
    *,
    valid_from: dt.date,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    actor=None,
    note: str = "",
) -> ProcedureVersion:
    """Publish a draft from ``valid_from``. The version published before it ends on the eve (or, if it had not
    started yet, is marked superseded). Nothing is saved if the version cannot be published."""
    version = ProcedureVersion.objects.select_for_update().get(pk=version.pk)
    check_publishable(version)
    if decision_date and decision_date > valid_from:
        raise ValidationError(
            {"decision_date": _("Ngày quyết định công bố không được sau ngày có hiệu lực.")}
        )
    previous = (
        ProcedureVersion.objects.select_for_update()
        .filter(procedure_id=version.procedure_id, state=VersionState.PUBLISHED)
        .exclude(pk=version.pk)
        .filter(validity.open_on_or_after(valid_from))
    )
    validity.supersede(previous, valid_from, actor, f"Thay thế bởi phiên bản {version.number}")
    version.state = VersionState.PUBLISHED
    version.valid_from = valid_from
    version.decision_number = decision_number
    version.decision_date = decision_date
    version.published_at = timezone.now()
    version.published_by = actor
    ProcedureVersion.objects.filter(pk=version.pk).update(
        state=version.state,
        valid_from=valid_from,
        decision_number=decision_number,
        decision_date=decision_date,
        published_at=version.published_at,
        published_by=actor if getattr(actor, "pk", None) else None,
    )
    refresh_current_version(version.procedure)
    _publish_carried_processes(version, valid_from, actor)
    audit.record(
        actor,
        AuditEntry.Action.PUBLISH,
        version,
        {"valid_from": [None, str(valid_from)], "decision_number": [None, decision_number]},
        note,
    )
    return version


def _publish_carried_processes(version: ProcedureVersion, valid_from: dt.date, actor) -> None:
    """The processes carried over from the version this one was drafted from take effect with it, under their own
    approval decision; one that no longer fits the new time limit stays a draft for the controllers to fix."""
    for draft in version.processes.filter(state=VersionState.DRAFT).exclude(decision_number=""):
        try:
            with transaction.atomic():
                processes.publish(
                    draft,
                    valid_from=valid_from,
                    decision_number=draft.decision_number,
                    decision_date=draft.decision_date,
                    decision_signer=draft.decision_signer,
                    actor=actor,
                    note=f"Áp dụng cho phiên bản thủ tục {version.number}",
                )
        except ValidationError:
            continue


def refresh_current_version(procedure: Procedure, on: dt.date | None = None) -> None:
    current = version_on(procedure, on)
    if procedure.current_version_id != (current.pk if current else None):
        procedure.current_version = current
        procedure.save(update_fields=["current_version"])


def refresh_current_versions(on: dt.date | None = None) -> int:
    """Point every procedure at its version in force on ``on`` (run daily: versions published ahead take effect)."""
    changed = 0
    for procedure in Procedure.objects.all():
        before = procedure.current_version_id
        refresh_current_version(procedure, on)
        changed += before != procedure.current_version_id
    return changed


def _lock_assignments_of(procedure_id: int) -> None:
    """Lock the procedure's row alone until the end of the transaction: its assignments are checked for overlaps
    (``ProcedureAssignment.clean``) and written by one controller at a time."""
    list(Procedure.objects.select_for_update().filter(pk=procedure_id).values_list("pk", flat=True))


def assign(
    procedure: Procedure,
    agency: Agency,
    role: str,
    *,
    valid_from: dt.date,
    valid_to: dt.date | None = None,
    decision: str = "",
    actor=None,
) -> ProcedureAssignment:
    """Assign ``role`` for ``procedure`` to ``agency`` from ``valid_from``, with an audit entry, in one transaction
    with the procedure's row locked. Raises ValidationError (an overlap, the dates), saving nothing."""
    assignment = ProcedureAssignment(
        procedure=procedure,
        agency=agency,
        role=role,
        valid_from=valid_from,
        valid_to=valid_to,
        decision=decision,
    )
    with transaction.atomic():
        _lock_assignments_of(procedure.pk)
        assignment.full_clean()
        assignment.save()
        audit.record(actor, AuditEntry.Action.CREATE, assignment, audit.snapshot(assignment))
    return assignment


def end_assignment(assignment: ProcedureAssignment, valid_to: dt.date, *, actor=None) -> ProcedureAssignment:
    """Give ``assignment`` its last day ``valid_to``, with an audit entry, in one transaction with the procedure's
    row locked. Raises ValidationError (before its first day, an overlap), saving nothing and leaving
    ``assignment`` as it was."""
    before, old_end = audit.snapshot(assignment), assignment.valid_to
    with transaction.atomic():
        _lock_assignments_of(assignment.procedure_id)
        assignment.valid_to = valid_to
        try:
            assignment.full_clean()
        except ValidationError:
            assignment.valid_to = old_end
            raise
        assignment.save(update_fields=["valid_to"])
        audit.record(
            actor, AuditEntry.Action.UPDATE, assignment, audit.diff(before, audit.snapshot(assignment))
        )
    return assignment


def assignments_on(on: dt.date | None = None):
    return ProcedureAssignment.objects.filter(valid_on_q(on or today()))
