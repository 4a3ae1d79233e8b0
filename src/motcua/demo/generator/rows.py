"""The rows of a batch of planned dossiers, as the lifecycle would have written them: ids given, the reference,
the process log hashed into its chain (``ProcessLogEntry.compute_hash`` under the current key), the dossier's
``version``, ``log_head``, ``deadline_at`` (``current_deadline``) and seal (``row_seal``, as ``apply`` seals it),
and the flags of its pauses and apologies."""

from __future__ import annotations

import datetime as dt
import json

from motcua.core import logkeys
from motcua.demo.generator.plan import Pending
from motcua.dossiers.choices import StepKind, WorkQueue
from motcua.dossiers.models import ProcessLogEntry
from motcua.dossiers.models.dossier import current_deadline
from motcua.dossiers.models.log import GENESIS, row_seal
from motcua.worktime.engine import VIETNAM

DOSSIER_COLUMNS = (
    "id", "code", "reference", "external_code", "procedure_version_id", "case_id", "receiving_agency_id",
    "handling_agency_id", "current_agency_id", "current_handler_id", "current_step_id", "channel",
    "result_delivery", "applicant_id", "representative_id", "summary", "sets", "legal_regime", "form_set",
    "status", "version", "log_head", "supplement_state", "limit_amount", "limit_unit", "pause_mode",
    "submitted_at", "reception_due_at", "received_at", "original_due_at", "due_at", "deadline_at", "finished_at",
    "returned_at", "closed_at", "timeliness", "created_at", "updated_at", "has_pauses", "has_apologies", "seal",
)  # fmt: skip
APPLICANT_COLUMNS = (
    "id", "kind", "name", "id_number", "birth_date", "address", "phone", "email", "created_at", "verified_via",
)  # fmt: skip
COMPONENT_COLUMNS = ("dossier_id", "case_component_id", "name", "originals", "copies", "provided")
LOG_COLUMNS = (
    "dossier_id", "seq", "at", "actor_id", "actor_name", "role", "agency_id", "action", "from_status",
    "to_status", "note", "step_due_at", "on_time", "data", "prev_hash", "hash", "key_id",
)  # fmt: skip
STEP_COLUMNS = (
    "id", "dossier_id", "order", "kind", "name", "agency_id", "role", "handler_id", "limit_amount", "limit_unit",
    "started_at", "due_at", "finished_at", "timeliness", "queue", "needs_signature", "sent_back",
)  # fmt: skip
PAUSE_COLUMNS = ("dossier_id", "reason", "mode", "agency_id", "started_at", "ended_at", "note")
APOLOGY_COLUMNS = (
    "dossier_id",
    "agency_id",
    "previous_due_at",
    "new_due_at",
    "reason",
    "signer",
    "created_at",
)
RESULT_COLUMNS = (
    "dossier_id",
    "number",
    "summary",
    "signer",
    "signed_on",
    "result_code",
    "issuing_agency_id",
)


DATETIME_COLUMNS = frozenset(
    [
        "submitted_at",
        "reception_due_at",
        "received_at",
        "original_due_at",
        "due_at",
        "deadline_at",
        "finished_at",
        "returned_at",
        "closed_at",
        "created_at",
        "updated_at",
        "at",
        "step_due_at",
        "started_at",
        "ended_at",
        "previous_due_at",
        "new_due_at",
    ]
)
DATE_COLUMNS = frozenset({"birth_date", "signed_on"})
DECIMAL_COLUMNS = frozenset({"limit_amount"})
ENUM_COLUMNS = frozenset(
    [
        "status",
        "channel",
        "result_delivery",
        "kind",
        "timeliness",
        "queue",
        "from_status",
        "to_status",
        "reason",
        "mode",
        "role",
        "limit_unit",
        "pause_mode",
        "legal_regime",
        "form_set",
    ]
)
SEVEN_HOURS = dt.timedelta(hours=7)  # Vietnam: UTC+7 all year since 1975


TABLES = (  # in the order they are written (each refers only to those before it)
    ("dossiers_applicant", APPLICANT_COLUMNS),
    ("dossiers_dossierstep", STEP_COLUMNS),
    ("dossiers_dossier", DOSSIER_COLUMNS),
    ("dossiers_dossiercomponent", COMPONENT_COLUMNS),
    ("dossiers_processlogentry", LOG_COLUMNS),
    ("dossiers_dossierpause", PAUSE_COLUMNS),
    ("dossiers_apology", APOLOGY_COLUMNS),
    ("dossiers_dossierresult", RESULT_COLUMNS),
)


class _Entry:
    """A process-log entry being prepared: hashed with ``ProcessLogEntry.compute_hash`` itself."""

    __slots__ = (
        "dossier_id", "seq", "at", "actor_id", "actor_name", "role", "agency_id", "action", "from_status",
        "to_status", "note", "step_due_at", "on_time", "data", "prev_hash", "hash", "key_id",
    )  # fmt: skip
    content = ProcessLogEntry.content
    compute_hash = ProcessLogEntry.compute_hash


class Rows:
    """The rows of one batch, per table; :meth:`add` one planned dossier with its ids."""

    def __init__(self):
        self.by_table: dict[str, list] = {table: [] for table, _ in TABLES}
        self.dossiers: list[dict] = []
        self.key_id = logkeys.keyring().current_id

    def add(self, p: Pending, did: int, aid: int, sid: int | None) -> dict:
        d, rows = p.d, self.by_table
        d["id"], d["applicant_id"] = did, aid
        d["reference"] = f"HS-{d['submitted_at'].astimezone(VIETNAM):%y%m%d}-G{did:08d}"
        kind, name, idn, birth, address, phone, email = p.applicant
        # declared: the generator does not simulate an officer checking the card (registry rule)
        rows["dossiers_applicant"].append(
            (aid, kind, name, idn, birth, address, phone, email, d["submitted_at"], "")
        )
        rows["dossiers_dossiercomponent"].extend((did, *comp) for comp in p.components)
        if sid is not None:
            step = p.step
            rows["dossiers_dossierstep"].append(
                (
                    sid,
                    did,
                    step[0],
                    StepKind.INTERNAL,
                    *step[1:4],
                    None,
                    *step[4:],
                    WorkQueue.ASSIGN,
                    False,
                    False,
                )
            )
            if p.step_open:
                d["current_step_id"] = sid
        rows["dossiers_dossierpause"].extend((did, *pause) for pause in p.pauses)
        if p.apology is not None:
            rows["dossiers_apology"].append((did, *p.apology))
        if p.result is not None:
            rows["dossiers_dossierresult"].append((did, *p.result))
        self._log(p, did)
        self._seal(p, d)
        return d

    def _log(self, p: Pending, did: int) -> None:
        """The process log, chained from the genesis hash."""
        d, prev, key_id, logs = p.d, GENESIS, self.key_id, self.by_table["dossiers_processlogentry"]
        for seq, (at, actor, role, agency_id, action, frm, to, note, data, step_due, on_time) in enumerate(
            p.log, 1
        ):
            if action == "submit_online":
                data = {"reference": d["reference"]}
            e = _Entry()
            e.dossier_id, e.seq, e.at, e.actor_id, e.actor_name, e.role = (
                did,
                seq,
                at,
                actor[0],
                actor[1],
                role,
            )
            e.agency_id, e.action, e.from_status, e.to_status, e.note = agency_id, action, frm, int(to), note
            e.step_due_at, e.on_time, e.data, e.prev_hash, e.key_id = step_due, on_time, data, prev, key_id
            e.hash = ProcessLogEntry.compute_hash(e)
            prev = e.hash
            logs.append((did, seq, at, actor[0], actor[1], role, agency_id, action, frm, int(to), note,
                         step_due, on_time, json.dumps(data, ensure_ascii=False), e.prev_hash, e.hash, key_id))  # fmt: skip
        d["version"], d["log_head"] = len(p.log), prev

    def _seal(self, p: Pending, d: dict) -> None:
        d["status"] = int(d["status"])
        d["created_at"] = d["submitted_at"]
        d["updated_at"] = p.log[-1][0]
        d["deadline_at"] = current_deadline(d["due_at"], d["reception_due_at"], d["submitted_at"])
        d["seal"] = row_seal(d)  # as apply seals it
        self.dossiers.append(d)

    def done(self) -> dict[str, list]:
        """Every table's rows, the dossiers with their flags of pauses and apologies."""
        paused = {row[0] for row in self.by_table["dossiers_dossierpause"]}
        apologised = {row[0] for row in self.by_table["dossiers_apology"]}
        for d in self.dossiers:
            d["has_pauses"], d["has_apologies"] = d["id"] in paused, d["id"] in apologised
        self.by_table["dossiers_dossier"] = [tuple(d[c] for c in DOSSIER_COLUMNS) for d in self.dossiers]
        return self.by_table
