"""Write normalised procedure records as published versions: idempotent, versioned, fast enough for the
whole national catalogue.

For each record the content hash (sha256 of the canonical JSON of the normalised record) is compared with the
hash of the procedure's latest published version: equal → unchanged (nothing is written); a new code → the
procedure and its first version are created and published; a different hash → a new version is published (the
previous one is closed by ``services.publish``). The record's raw source, its review notes and its hash are
stored on the version.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from motcua.catalog import search, services
from motcua.catalog.choices import VersionState
from motcua.catalog.importing import dvcqg_json, dvcqg_text
from motcua.catalog.importing.records import (
    CODE_RE,
    CaseRecord,
    ChannelOptionRecord,
    ProcedureRecord,
)
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Fee,
    LegalBasis,
    Procedure,
    ProcedureCase,
    ProcedureField,
    ProcedureVersion,
    ResultDocument,
)
from motcua.core.dated import today
from motcua.core.models import AuditEntry
from motcua.core.text import strip_marks

BATCH_SIZE = 200
IMPORT_NOTE = "Nhập từ danh mục TTHC quốc gia"
Progress = Callable[[int, int], None]


@dataclass
class LineError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"dòng {self.line}: {self.reason}"


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[LineError] = field(default_factory=list)
    review_notes: Counter = field(default_factory=Counter)  # field → number of notes
    flagged_records: int = 0
    with_limits: int = 0  # records whose every channel has a time limit (amount + unit)
    with_any_limit: int = 0  # records with a time limit on at least one channel
    with_fees: int = 0  # records whose every fee cell was read
    seconds: float = 0.0

    @property
    def records(self) -> int:
        return self.created + self.updated + self.unchanged

    @property
    def imported(self) -> int:
        return self.created + self.updated

    def share(self, count: int) -> float:
        return count / self.records if self.records else 0.0

    def count(self, record: ProcedureRecord) -> None:
        for note in record.review_notes:
            self.review_notes[note.field] += 1
        self.flagged_records += bool(record.review_notes)
        self.with_limits += record.limits_parsed
        self.with_any_limit += any(o.has_limit for o in record.channel_options)
        self.with_fees += record.fees_parsed


# -- reading -----------------------------------------------------------------------------------------------------


def read_items(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """(line or item number, object, error) for each record of a file: jsonl (one object a line), one JSON
    object, or a JSON list. Lines that are not JSON objects come back with an error."""
    text = Path(path).read_text(encoding="utf-8-sig")
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield exc.lineno, None, f"JSON không hợp lệ ({exc.msg})"
            return
        for index, item in enumerate(data, start=1):
            yield (
                index,
                item if isinstance(item, dict) else None,
                "" if isinstance(item, dict) else "không phải đối tượng JSON",
            )
        return
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if stripped.startswith("{") and not _is_json(first):
        try:
            yield 1, json.loads(text), ""  # one object over several lines
            return
        except json.JSONDecodeError:
            pass
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"JSON không hợp lệ ({exc.msg}, cột {exc.colno})"
            continue
        if not isinstance(item, dict):
            yield number, None, "không phải đối tượng JSON"
            continue
        yield number, item, ""


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def parse_item(item: dict) -> ProcedureRecord:
    """The normalised record of one source object, whichever of the two formats it is in."""
    if dvcqg_text.looks_like(item):
        return dvcqg_text.parse_record(item)
    if dvcqg_json.looks_like(item):
        return dvcqg_json.parse_record(item)
    raise ValueError(
        "không nhận ra định dạng (cần bản ghi xuất từ Cổng DVCQG: ma_thu_tuc… hoặc code, executionMethods…)"
    )


def check_record(record: ProcedureRecord) -> str:
    if not record.code:
        return "thiếu mã thủ tục"
    if not CODE_RE.match(record.code):
        return f"mã thủ tục “{record.code}” không đúng định dạng (ví dụ 1.004222)"
    if not record.name:
        return "thiếu tên thủ tục"
    return ""


# -- writing -----------------------------------------------------------------------------------------------------


def field_slug(name: str) -> str:
    return slugify(strip_marks(name))[:255] or "linh-vuc"


class _Writer:
    def __init__(self, valid_from: dt.date | None, actor):
        self.valid_from = valid_from or today()
        self.actor = actor
        self.fields = {f.name: f for f in ProcedureField.objects.all()}
        self.procedures = dict(Procedure.objects.values_list("code", "pk"))
        self.hashes: dict[int, str] = {}
        for procedure_id, content_hash in (
            ProcedureVersion.objects.filter(state=VersionState.PUBLISHED)
            .order_by("procedure_id", "number")
            .values_list("procedure_id", "content_hash")
        ):
            self.hashes[procedure_id] = content_hash

    def field(self, name: str) -> ProcedureField | None:
        if not name:
            return None
        found = self.fields.get(name)
        if found is None:
            slug, base, n = field_slug(name), field_slug(name), 1
            while ProcedureField.objects.filter(slug=slug).exists():
                n += 1
                slug = f"{base[:250]}-{n}"
            found, _ = ProcedureField.objects.get_or_create(name=name[:255], defaults={"slug": slug})
            self.fields[name] = found
        return found

    def write(self, record: ProcedureRecord) -> str:
        """'created', 'updated' or 'unchanged'."""
        content_hash = record.content_hash()
        procedure_id = self.procedures.get(record.code)
        if procedure_id is not None and self.hashes.get(procedure_id) == content_hash:
            return "unchanged"
        outcome = "updated" if procedure_id is not None else "created"
        with transaction.atomic():
            if procedure_id is None:
                procedure = Procedure.objects.create(code=record.code)
            else:
                procedure = Procedure.objects.get(pk=procedure_id)
            version = services.new_draft(
                procedure, actor=self.actor, **self._version_fields(record, content_hash)
            )
            self._children([(version, record)])
            services.publish(
                version,
                valid_from=self.valid_from,
                decision_number=record.decision_number[:100],
                actor=self.actor,
                note=IMPORT_NOTE,
            )
        self.procedures[record.code] = procedure.pk
        self.hashes[procedure.pk] = content_hash
        return outcome

    def _version_fields(self, record: ProcedureRecord, content_hash: str) -> dict:
        return dict(
            name=record.name[:1000],
            field=self.field(record.field_name),
            levels=record.levels,
            kind=record.kind,
            subjects=record.subjects,
            competent_agency=record.competent_agency,
            implementing_agency=record.implementing_agency,
            authorized_agency=record.authorized_agency,
            coordinating_agency=record.coordinating_agency,
            receiving_place=record.receiving_place,
            steps=record.steps,
            requirements=record.requirements,
            related_procedures=record.related_procedures,
            online_level=record.online_level,
            non_boundary=record.non_boundary,
            source=record.source,
            source_url=record.source_url[:500],
            raw=record.raw,
            review_notes=[
                {"field": n.field, "message": n.message, "raw": n.raw} for n in record.review_notes
            ],
            content_hash=content_hash,
        )

    def _children(self, pairs: list[tuple[ProcedureVersion, ProcedureRecord]]) -> None:
        """All the rows under fresh versions, a few bulk inserts for the whole list.

        bulk_create skips VersionPart.save(), which only checks that the version is a draft; these versions are
        being created by this import and are either drafts or published in the same transaction.
        """
        LegalBasis.objects.bulk_create(
            LegalBasis(version=version, order=i, title=b.title, number=b.number[:100])
            for version, record in pairs
            for i, b in enumerate(record.legal_bases, start=1)
        )
        ResultDocument.objects.bulk_create(
            ResultDocument(version=version, order=i, name=r.name, code=r.code[:32])
            for version, record in pairs
            for i, r in enumerate(record.results, start=1)
        )
        # A version needs a case and a channel to be published: the parser flags their absence, and an empty
        # case / an empty direct channel stands in for them until a controller completes the version.
        case_pairs = [
            (ProcedureCase(version=version, order=i, name=c.name), c)
            for version, record in pairs
            for i, c in enumerate(record.cases or [CaseRecord()], start=1)
        ]
        ProcedureCase.objects.bulk_create([row for row, _ in case_pairs])
        CaseComponent.objects.bulk_create(
            CaseComponent(
                case=row,
                order=j,
                name=c.name,
                code=c.code,
                originals=min(c.originals, 32767),
                copies=min(c.copies, 32767),
                count_text=c.count_text[:200],
                required=c.required,
                form_name=c.form_name[:500],
            )
            for row, case in case_pairs
            for j, c in enumerate(case.components, start=1)
        )
        option_pairs = [
            (
                ChannelOption(
                    version=version,
                    order=i,
                    channel=o.channel,
                    limit_amount=o.limit_amount,
                    limit_unit=o.limit_unit,
                    limit_text=o.limit_text,
                    description=o.description,
                ),
                o,
            )
            for version, record in pairs
            for i, o in enumerate(record.channel_options or [ChannelOptionRecord(channel="1")], start=1)
        ]
        ChannelOption.objects.bulk_create([row for row, _ in option_pairs])
        Fee.objects.bulk_create(
            Fee(option=row, order=j, kind=f.kind, amount=f.amount, text=f.text, note=f.note)
            for row, option in option_pairs
            for j, f in enumerate(option.fees, start=1)
        )

    def create_many(self, records: list[ProcedureRecord]) -> None:
        """New procedures, a batch at a time, with what ``services.new_draft`` + ``services.publish`` do for a
        procedure without versions: version 1 published from ``valid_from``, the procedure's current version,
        and the two audit entries ("Dự thảo mới", publication). Per-record service calls are ~20 queries each,
        too slow for the national catalogue on PostgreSQL; changed procedures still go through the services."""
        now = timezone.now()
        actor_id = self.actor.pk if getattr(self.actor, "pk", None) else None
        procedures = Procedure.objects.bulk_create(Procedure(code=r.code) for r in records)
        versions = []
        for procedure, record in zip(procedures, records, strict=True):
            version = ProcedureVersion(
                procedure=procedure,
                number=1,
                state=VersionState.PUBLISHED,
                valid_from=self.valid_from,
                decision_number=record.decision_number[:100],
                published_at=now,
                published_by_id=actor_id,
                created_by_id=actor_id,
                **self._version_fields(record, record.content_hash()),
            )
            version.full_clean(
                exclude=["procedure", "field", "created_by", "published_by"],
                validate_unique=False,
                validate_constraints=False,
            )
            versions.append(version)
        ProcedureVersion.objects.bulk_create(versions)
        self._children(list(zip(versions, records, strict=True)))
        current = today()
        for procedure, version in zip(procedures, versions, strict=True):
            procedure.current_version = version if version.valid_from <= current else None
        Procedure.objects.bulk_update([p for p in procedures if p.current_version_id], ["current_version"])
        entries = []
        actor = self.actor if getattr(self.actor, "is_authenticated", False) else None
        for version in versions:
            common = dict(
                actor=actor,
                object_type=version._meta.label_lower,
                object_id=str(version.pk),
                object_repr=str(version)[:300],
            )
            entries.append(
                AuditEntry(
                    action=AuditEntry.Action.CREATE,
                    changes={"number": [None, 1]},
                    note="Dự thảo mới",
                    **common,
                )
            )
            entries.append(
                AuditEntry(
                    action=AuditEntry.Action.PUBLISH,
                    changes={
                        "valid_from": [None, str(self.valid_from)],
                        "decision_number": [None, version.decision_number],
                    },
                    note=IMPORT_NOTE,
                    **common,
                )
            )
        AuditEntry.objects.bulk_create(entries)
        search.schedule_reindex([p.pk for p in procedures])
        for procedure, version in zip(procedures, versions, strict=True):
            self.procedures[procedure.code] = procedure.pk
            self.hashes[procedure.pk] = version.content_hash


def _finish_record(record: ProcedureRecord) -> None:
    if not record.channel_options and not any(n.field == "channel_options" for n in record.review_notes):
        record.flag(
            "channel_options", "Không có cách thức thực hiện; đã tạo một cách thức trực tiếp trống.", ""
        )
    if not record.cases and not any(n.field == "cases" for n in record.review_notes):
        record.flag("cases", "Không có thành phần hồ sơ.", "")


def _import(
    items: Iterable[tuple[int, dict | ProcedureRecord | None, str]],
    *,
    total: int,
    valid_from: dt.date | None,
    actor,
    progress: Progress | None,
    limit: int | None = None,
) -> ImportSummary:
    started = time.monotonic()
    summary = ImportSummary()
    writer = _Writer(valid_from, actor)
    pending: list[tuple[int, ProcedureRecord]] = []
    done = 0

    def record_outcome(line: int, record: ProcedureRecord, outcome: str | None, error: str = "") -> None:
        nonlocal done
        if outcome is None:
            summary.errors.append(LineError(line, error))
        else:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
            summary.count(record)
        done += 1
        if progress:
            progress(done, total)

    def write_one(line: int, record: ProcedureRecord) -> None:
        try:
            with transaction.atomic():
                outcome = writer.write(record)
        except Exception as exc:
            record_outcome(line, record, None, f"không ghi được ({type(exc).__name__}: {exc})")
        else:
            record_outcome(line, record, outcome)

    def flush() -> None:
        if not pending:
            return
        new = [(line, r) for line, r in pending if r.code not in writer.procedures]
        known = [(line, r) for line, r in pending if r.code in writer.procedures]
        # One transaction per batch (a savepoint per changed record); the search index is rebuilt once per batch.
        with search.deferred_reindex(), transaction.atomic():
            if new:
                try:
                    with transaction.atomic():
                        writer.create_many([r for _, r in new])
                except Exception:
                    for line, record in new:
                        write_one(line, record)
                else:
                    for line, record in new:
                        record_outcome(line, record, "created")
            for line, record in known:
                write_one(line, record)
        pending.clear()

    seen: set[str] = set()
    for line, item, error in items:
        if limit is not None and summary.records + len(pending) >= limit:
            break
        record = None
        if not error:
            try:
                record = item if isinstance(item, ProcedureRecord) else parse_item(item)
            except ValueError as exc:
                error = str(exc)
            except Exception as exc:
                error = f"không đọc được bản ghi ({type(exc).__name__}: {exc})"
        if not error:
            error = check_record(record)
        if not error and record.code in seen:
            error = f"mã thủ tục {record.code} trùng với một dòng trước trong tệp"
        if error:
            summary.errors.append(LineError(line, error))
            done += 1
            if progress:
                progress(done, total)
            continue
        seen.add(record.code)
        _finish_record(record)
        pending.append((line, record))
        if len(pending) >= BATCH_SIZE:
            flush()
    flush()
    summary.errors.sort(key=lambda e: e.line)
    summary.seconds = time.monotonic() - started
    return summary


def import_file(
    path,
    *,
    valid_from: dt.date | None = None,
    actor=None,
    progress: Progress | None = None,
    limit: int | None = None,
) -> ImportSummary:
    """Import a catalogue file (jsonl of flattened detail records, or the portal's structured JSON)."""
    items = list(read_items(Path(path)))
    total = min(len(items), limit) if limit is not None else len(items)
    return _import(items, total=total, valid_from=valid_from, actor=actor, progress=progress, limit=limit)


def import_records(
    records: Iterable[ProcedureRecord | dict],
    *,
    valid_from: dt.date | None = None,
    actor=None,
    progress: Progress | None = None,
) -> ImportSummary:
    """Import records already in memory: normalised records, or source objects of either format."""
    items = [(index, item, "") for index, item in enumerate(records, start=1)]
    return _import(items, total=len(items), valid_from=valid_from, actor=actor, progress=progress)
