"""Realistic historical dossiers for the demo province (``motcua generate_dossiers``), fast enough for millions.

The generator writes **the same rows the lifecycle would write** — dossier, applicant, components, process log
(with a valid hash chain: ``ProcessLogEntry.compute_hash``, ``log_head`` and ``version`` set as ``apply`` sets
them), steps, pauses, apologies, results and the daily code counters — but as historical data, in bulk: no
``apply()`` call, no per-dossier query. Calendars and working hours are precomputed per receiving unit (the
working-time engine of ``motcua.worktime.services.engine_for``); rows are written per batch in one transaction,
with ``executemany`` on SQLite and ``COPY … FROM STDIN`` on PostgreSQL; ids are reserved per batch.

Calibration (shares of all generated dossiers unless said otherwise; published figures of provincial public
administration service centres, e.g. 2023–2024 yearly reports: ~98–99 % of resolved dossiers early or on time):

- resolved (status 9/10): among them 98.67 % early, 1.18 % on time, 0.15 % late (late ones carry an apology,
  Mẫu 04, with a new appointment; statistics still judge them against the original appointment);
- ≈ 1 % still in progress at the cut-off (status 2/4; those received in the last days of the window, plus a few
  overdue stragglers received earlier), ≈ 0.3 % paused (5 supplement requested, 6 financial obligation);
- ≈ 1.2 % refused at reception (3; at the counter on the spot, or online after checking), ≈ 0.8 % withdrawn (7),
  ≈ 0.25 % stopped (8);
- ≈ 6 % of resolved dossiers had a supplement pause, ≈ 3 % a financial-obligation pause (clock paused);
- ≈ 1.5 % of resolved dossiers wait at the counter for the citizen (status 9), the rest are returned (10);
- channels: 60 % online, 38 % at the counter, 2 % by public post; the result online/at the counter/by post.

Dossiers are received on working days during working hours of the receiving unit (online submissions arrive
at any time and are accepted within the online reception limit), in the window from the later of 1 January of
the year and the start of validity of the demo catalogue, to the earlier of 31 December and now (the cut-off).
Only procedures whose channel options carry a time limit are used (due dates come from that limit). Codes follow
SPEC §3 per handling agency and receipt day, numbered in receipt order, continuing the ``DailyCounter`` values
found (a second run continues the sequences), and the counters end at the generated maxima.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from django.db import connection, transaction
from django.utils import timezone

from motcua.catalog.choices import AssignmentRole
from motcua.catalog.models import ProcedureAssignment, ProcedureVersion
from motcua.catalog.services import version_on
from motcua.core import logkeys
from motcua.core.dated import valid_on_q
from motcua.dossiers.choices import (
    ApplicantKind,
    Channel,
    PauseMode,
    PauseReason,
    ResultDelivery,
    Status,
    StepKind,
    Timeliness,
)
from motcua.dossiers.models import DailyCounter, Dossier, ProcessLogEntry
from motcua.dossiers.models.dossier import current_deadline
from motcua.dossiers.models.log import GENESIS, row_seal
from motcua.dossiers.services.codes import format_code
from motcua.dossiers.services.intake import regime_for
from motcua.dossiers.signals import dossiers_bulk_loaded
from motcua.org.models import Agency, RoleAssignment
from motcua.org.permissions import counted_from
from motcua.org.tree import AgencyTree
from motcua.worktime import services as worktime
from motcua.worktime.engine import VIETNAM, WorkTimeEngine

UTC = dt.UTC

# --- calibration ---------------------------------------------------------------------------------------------

EARLY, ON_TIME, LATE = 0.9867, 0.0118, 0.0015
REFUSED, WITHDRAWN, STOPPED = 0.012, 0.008, 0.0025
STRAGGLERS = 0.0012  # open and overdue, received any time in the window
PAUSED_OPEN = 0.0030  # open pause (status 5/6) at the cut-off
KEEP_OPEN_AT_CUTOFF = (
    0.35  # dossiers that would finish after the cut-off: share left open (others finish early)
)
SUPPLEMENT_PAUSE, PAYMENT_PAUSE = 0.06, 0.03
WAITING_AT_COUNTER = 0.015
CHANNELS = ((Channel.ONLINE, 0.60), (Channel.DIRECT, 0.38), (Channel.POSTAL, 0.02))
FIELD_WEIGHTS = (
    ("chứng thực", 6.0),
    ("hộ tịch", 5.0),
    ("đất đai", 3.0),
    ("cư trú", 2.0),
    ("doanh nghiệp", 1.5),
)
ONLINE_RECEPTION_HOURS = 8

# --- names ---------------------------------------------------------------------------------------------------

FAMILY = (
    ("Nguyễn", 31), ("Lê", 16), ("Trần", 9), ("Phạm", 6), ("Hoàng", 4), ("Vũ", 3.5), ("Đỗ", 3), ("Trịnh", 3),
    ("Mai", 2.5), ("Lương", 2), ("Bùi", 2), ("Đặng", 2), ("Ngô", 1.5), ("Hà", 1.5), ("Đinh", 1.5),
    ("Phan", 1.5), ("Dương", 1.2), ("Hồ", 1), ("Võ", 1), ("Tạ", 0.8), ("Cao", 0.8), ("Lò", 0.5),
    ("Quách", 0.5), ("Đào", 0.8), ("Lưu", 0.6),
)  # fmt: skip
MIDDLE_MALE = (
    "Văn",
    "Văn",
    "Văn",
    "Đức",
    "Minh",
    "Hữu",
    "Quang",
    "Xuân",
    "Công",
    "Ngọc",
    "Thành",
    "Đình",
    "Trọng",
)
MIDDLE_FEMALE = ("Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Minh", "Kim", "Thùy")
GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Kiên",
    "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành",
    "Tiến", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng", "Lâm", "Khoa", "Thịnh", "Hiển", "Lực",
)  # fmt: skip
GIVEN_FEMALE = (
    "Anh", "Ánh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng", "Huyền", "Hương",
    "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm",
    "Thảo", "Thơ", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến", "Nhàn", "Lý", "Xuân",
)  # fmt: skip
PLACES = (
    "phường Hạc Thành", "phường Quảng Phú", "phường Đông Quang", "phường Đông Sơn", "xã Thiệu Hóa",
    "xã Hoằng Hóa", "phường Sầm Sơn",
)  # fmt: skip
STREETS = (
    "Lê Lợi",
    "Trần Phú",
    "Bà Triệu",
    "Lê Hoàn",
    "Quang Trung",
    "Nguyễn Trãi",
    "Hàm Nghi",
    "Phan Chu Trinh",
)
COMPANY_WORDS = ("Thương mại", "Xây dựng", "Dịch vụ", "Vận tải", "Nông sản", "Cơ khí", "Du lịch", "May mặc")
PHONE_PREFIXES = (
    "091",
    "094",
    "088",
    "098",
    "097",
    "096",
    "086",
    "090",
    "093",
    "089",
    "032",
    "033",
    "035",
    "037",
)
PROVINCE_ID = "038"  # Thanh Hóa: the province code of the personal identifier

REFUSAL_REASONS = (
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan.",
    "Người nộp không đủ điều kiện theo quy định của thủ tục.",
    "Hồ sơ đã được giải quyết trước đó, không tiếp nhận lại.",
)
SUPPLEMENT_REASONS = (
    "Bổ sung bản sao giấy tờ còn thiếu theo danh mục thành phần hồ sơ.",
    "Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo, đề nghị hoàn thiện.",
)
WITHDRAWAL_REASONS = (
    "Công dân đề nghị rút hồ sơ để điều chỉnh nội dung.",
    "Công dân không còn nhu cầu giải quyết.",
)
STOP_REASONS = ("Hồ sơ không đủ điều kiện giải quyết sau khi thẩm định.",)
APOLOGY_REASONS = ("Cần xác minh thêm thông tin với cơ quan liên quan.", "Số lượng hồ sơ tăng đột biến.")
SIGNERS = ("Lê Văn Hùng", "Nguyễn Thị Hà", "Trịnh Xuân Nam", "Phạm Minh Đức")


class GeneratorError(Exception):
    """The database is not ready for generation (no demo province, no procedure valid in the year)."""


# --- reference data, read once -------------------------------------------------------------------------------


@dataclass
class Combo:
    """One way a dossier can arise: a procedure version received at one centre, handled by one agency."""

    version_id: int
    name: str
    receiving: Agency
    handling: Agency
    cases: list  # [(case_id, [(case_component_id, name, originals, copies)], {channel: (amount, unit)})]
    pause_mode: str
    enterprise: bool
    result_name: str
    result_code: str


@dataclass
class People:
    """Officers who act for a unit (any, for realism of the log): (user id, display name, role)."""

    counter: dict = field(default_factory=dict)
    processor: dict = field(default_factory=dict)
    lead: dict = field(default_factory=dict)


def _person_name(user) -> str:
    name = " ".join(p for p in (user.last_name, user.first_name) if p)
    return name or user.username


def _people(agencies: list[Agency], on: dt.date) -> People:
    people = People()
    tree = AgencyTree.load()
    rows = list(RoleAssignment.objects.filter(valid_on_q(on)).select_related("user"))
    for agency in agencies:
        inside = counted_from(tree, agency.pk)  # whose processing roles count there (org.permissions)
        for bucket, roles, scope in (
            (people.counter, {"COUNTER_OFFICER"}, {agency.pk}),
            (people.processor, {"SPECIALIST", "DEPT_LEAD"}, inside),
            (people.lead, {"AGENCY_LEAD", "CLERK"}, {agency.pk}),
        ):
            found = [
                (r.user_id, _person_name(r.user), r.role)
                for r in rows
                if r.role in roles and r.agency_id in scope and r.user.is_active
            ]
            bucket[agency.pk] = sorted(found) or [(None, "", sorted(roles)[0])]
    return people


def _combos(window_start: dt.date) -> list[tuple[Combo, float]]:
    on = window_start
    versions = {
        v.pk: v
        for v in ProcedureVersion.objects.filter(state="published")
        .select_related("field", "procedure")
        .prefetch_related("cases__components", "channel_options", "results")
    }
    by_procedure: dict[int, ProcedureVersion] = {}
    for version in versions.values():
        chosen = version_on(version.procedure, on)
        if chosen is not None:
            by_procedure[version.procedure_id] = versions.get(chosen.pk, chosen)
    assignments = list(
        ProcedureAssignment.objects.filter(valid_on_q(on), procedure_id__in=by_procedure)
        .filter(valid_on_q(on, "agency__"))
        .select_related("agency")
    )
    receives: dict[int, list[Agency]] = {}
    handles: dict[int, list[Agency]] = {}
    for a in assignments:
        (receives if a.role == AssignmentRole.RECEIVES else handles).setdefault(a.procedure_id, []).append(
            a.agency
        )
    combos = []
    for procedure_id, version in by_procedure.items():
        options = list(version.channel_options.all())
        cases = []
        for case in version.cases.all():
            limits = {}
            for channel in Channel.values:
                option = _option(options, case.pk, channel)
                if option is not None and option.has_limit:
                    limits[channel] = (option.limit_amount, option.limit_unit)
            if limits:
                components = [
                    (c.pk, c.name, c.originals, c.copies) for c in case.components.all() if c.required
                ]
                cases.append((case.pk, components, limits))
        if not cases:
            continue
        field_name = (version.field.name if version.field else "").lower()
        weight = next((w for word, w in FIELD_WEIGHTS if word in field_name), 1.0)
        results = list(version.results.all())
        for receiving in receives.get(procedure_id, []):
            handlers = handles.get(procedure_id, [])
            if len(handlers) > 1:
                handlers = [h for h in handlers if h.pk in {receiving.pk, receiving.parent_id}]
            if len(handlers) != 1:
                continue
            combo = Combo(
                version_id=version.pk,
                name=version.name[:500],
                receiving=receiving,
                handling=handlers[0],
                cases=cases,
                pause_mode=version.supplement_clock or PauseMode.PAUSE,
                enterprise="doanh nghiệp" in field_name or "hộ kinh doanh" in field_name,
                result_name=(results[0].name if results else "Văn bản giải quyết thủ tục")[:300],
                result_code=(results[0].code if results else ""),
            )
            # the provincial centre receives for the whole province: more dossiers per procedure
            combos.append((combo, weight * (3.0 if receiving.level == "province" else 1.0)))
    return combos


def _option(options, case_id, channel):
    for candidates in (
        [o for o in options if o.case_id == case_id and o.channel == channel],
        [o for o in options if o.case_id is None and o.channel == channel],
        [o for o in options if o.has_limit],
    ):
        with_limit = [o for o in candidates if o.has_limit]
        if with_limit or candidates:
            return (with_limit or candidates)[0]
    return None


# --- the per-unit calendar ------------------------------------------------------------------------------------


class UnitTime:
    """Working days and hours of one receiving unit over the window, for fast sampling and deadline arithmetic."""

    def __init__(self, agency: Agency, start: dt.date, end: dt.date):
        self.engine: WorkTimeEngine = worktime.engine_for(agency, start)
        calendar = self.engine.calendar
        self.days = [
            start + dt.timedelta(n)
            for n in range((end - start).days + 1)
            if calendar.is_working_day(start + dt.timedelta(n))
        ]
        self.day_set = set(self.days)
        self.bounds = self.engine.hours.bounds
        self.spd = self.engine.hours.seconds_per_day

    def moment(self, day: dt.date, rng: random.Random) -> dt.datetime:
        """A random working moment of ``day`` (a working day), to the second."""
        elapsed = rng.randrange(self.spd)
        for s, e in self.bounds:
            if elapsed < e - s:
                second = s + elapsed
                break
            elapsed -= e - s
        return dt.datetime(
            day.year, day.month, day.day, second // 3600, second // 60 % 60, second % 60, tzinfo=VIETNAM
        )

    def later(self, moment: dt.datetime, seconds: int) -> dt.datetime:
        engine = self.engine
        return engine.at_position(engine.position(moment) + max(1, int(seconds)))


# --- rows ------------------------------------------------------------------------------------------------------

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
    "started_at", "due_at", "finished_at", "timeliness",
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


class _Entry:
    """A process-log entry being prepared: hashed with ``ProcessLogEntry.compute_hash`` itself."""

    __slots__ = (
        "dossier_id", "seq", "at", "actor_id", "actor_name", "role", "agency_id", "action", "from_status",
        "to_status", "note", "step_due_at", "on_time", "data", "prev_hash", "hash", "key_id",
    )  # fmt: skip
    content = ProcessLogEntry.content
    compute_hash = ProcessLogEntry.compute_hash


@dataclass
class Pending:
    """One generated dossier before ids are known."""

    d: dict
    applicant: tuple
    components: list
    log: list  # [(at, actor, role, agency_id, action, from, to, note, step_due, on_time, data)]
    step: tuple | None = (
        None  # (order, name, agency_id, role, amount, unit, started, due, finished, timeliness)
    )
    step_open: bool = False
    pauses: list = field(default_factory=list)
    apology: tuple | None = None
    result: tuple | None = None


@dataclass
class Report:
    count: int = 0
    seconds: float = 0.0
    by_status: dict = field(default_factory=dict)
    window: tuple = ()

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


# --- the generator ---------------------------------------------------------------------------------------------


class Generator:
    def __init__(self, *, count: int, year: int, seed: int = 5, batch: int = 5000, now=None, progress=None):
        self.count, self.year, self.batch = count, year, max(100, batch)
        self.rng = random.Random(seed)
        self.now = now or timezone.now()
        self.progress = progress
        self.vendor = connection.vendor

    # setup
    def prepare(self) -> None:
        if (
            not Agency.objects.filter(identifier="000.00.02.H56").exists()
            or not ProcedureAssignment.objects.exists()
        ):
            raise GeneratorError(
                "Chưa có dữ liệu tỉnh minh họa và danh mục thủ tục: hãy chạy “motcua seed_demo” trước."
            )
        first_valid = (
            ProcedureVersion.objects.filter(state="published", valid_from__isnull=False)
            .order_by("valid_from")
            .values_list("valid_from", flat=True)
            .first()
        )
        start = dt.date(self.year, 1, 1)
        if first_valid and first_valid > start:
            start = first_valid
        local_now = timezone.localtime(self.now, VIETNAM)
        end = min(dt.date(self.year, 12, 31), local_now.date())
        if start > end:
            raise GeneratorError(
                f"Năm {self.year} không có ngày nào để sinh hồ sơ: danh mục thủ tục mẫu có hiệu lực từ "
                f"{first_valid:%d/%m/%Y}, hôm nay là {local_now:%d/%m/%Y}."
            )
        self.start, self.end = start, end
        self.cutoff = min(dt.datetime(end.year, end.month, end.day, 23, 59, 59, tzinfo=VIETNAM), local_now)
        weighted = _combos(start)
        if not weighted:
            raise GeneratorError(
                "Không có thủ tục nào có thời hạn giải quyết được giao cho đơn vị trong tỉnh."
            )
        self.combos = [c for c, _ in weighted]
        total = sum(w for _, w in weighted)
        acc, self.cum = 0.0, []
        for _, w in weighted:
            acc += w
            self.cum.append(acc / total)
        units = {c.receiving.pk: c.receiving for c in self.combos}
        self.units = {pk: UnitTime(a, start, end) for pk, a in units.items()}
        agencies = {**units, **{c.handling.pk: c.handling for c in self.combos}}
        self.people = _people(list(agencies.values()), start)
        self.counters = {
            (agency_id, day): value
            for agency_id, day, value in DailyCounter.objects.filter(day__range=(start, end)).values_list(
                "agency_id", "day", "value"
            )
        }
        self.touched: set = set()
        # the calendar of the province centre gives the days; each dossier uses its own unit's hours
        all_days = sorted({d for u in self.units.values() for d in u.days if d <= end})
        self.days = [
            d for d in all_days if dt.datetime(d.year, d.month, d.day, 7, 30, tzinfo=VIETNAM) < self.cutoff
        ]
        if not self.days:
            raise GeneratorError("Không có ngày làm việc nào trong khoảng thời gian sinh hồ sơ.")

    # sampling helpers
    def _combo(self) -> Combo:
        x = self.rng.random()
        lo, hi = 0, len(self.cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        return self.combos[lo]

    def _applicant(self, combo: Combo, received: dt.datetime) -> tuple:
        rng = self.rng
        family = rng.choices(FAMILY_NAMES, FAMILY_WEIGHTS)[0]
        male = rng.random() < 0.48
        if combo.enterprise and rng.random() < 0.7:
            name = f"Công ty TNHH {rng.choice(COMPANY_WORDS)} {family} {rng.choice(GIVEN_MALE)}"
            id_number = "28" + "".join(rng.choices("0123456789", k=8))
            return (ApplicantKind.ENTERPRISE, name, id_number, None, self._address(), self._phone(), "")
        middle = rng.choice(MIDDLE_MALE if male else MIDDLE_FEMALE)
        given = rng.choice(GIVEN_MALE if male else GIVEN_FEMALE)
        name = f"{family} {middle} {given}"
        birth = dt.date(rng.randint(1945, 2007), rng.randint(1, 12), rng.randint(1, 28))
        century = 0 if birth.year < 2000 else 2
        id_number = (
            f"{PROVINCE_ID}{century + (0 if male else 1)}{birth.year % 100:02d}{rng.randrange(10**6):06d}"
        )
        email = ""
        if rng.random() < 0.3:
            email = f"{_ascii(given)}{_ascii(family)}{rng.randrange(100, 9999)}@gmail.com".lower()
        return (ApplicantKind.CITIZEN, name, id_number, birth, self._address(), self._phone(), email)

    def _address(self) -> str:
        rng = self.rng
        return f"Số {rng.randint(1, 250)} {rng.choice(STREETS)}, {rng.choice(PLACES)}, tỉnh Thanh Hóa"

    def _phone(self) -> str:
        return self.rng.choice(PHONE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"

    # one dossier
    def _dossier(self, day: dt.date, combo: Combo, unit: UnitTime) -> Pending:
        rng, engine = self.rng, unit.engine
        case_id, components, limits = rng.choice(combo.cases)
        x, channel = rng.random(), Channel.DIRECT
        for ch, share in CHANNELS:
            if x < share:
                channel = ch
                break
            x -= share
        if channel not in limits:
            channel = next(iter(limits))
        amount, unit_name = limits[channel]
        received = unit.moment(day, rng)
        if channel == Channel.ONLINE:
            # submitted earlier (evening, weekend…), accepted within the online reception limit
            submitted = received - dt.timedelta(seconds=rng.randint(600, 3 * 86400))
            if submitted < self.cutoff - dt.timedelta(days=400):
                submitted = received - dt.timedelta(minutes=10)
            reception_due = engine.add_working_hours(submitted, ONLINE_RECEPTION_HOURS)
            if received > reception_due and rng.random() < 0.9:
                submitted = received - dt.timedelta(seconds=rng.randint(300, 4 * 3600))
                reception_due = engine.add_working_hours(submitted, ONLINE_RECEPTION_HOURS)
            delivery = rng.choices(
                (ResultDelivery.ONLINE, ResultDelivery.COUNTER, ResultDelivery.POSTAL), (50, 45, 5)
            )[0]
        else:
            submitted, reception_due = received, None
            delivery = (
                ResultDelivery.POSTAL
                if channel == Channel.POSTAL or rng.random() < 0.08
                else ResultDelivery.COUNTER
            )
        regime, form_set = _regime(day)
        counter = rng.choice(self.people.counter[combo.receiving.pk])
        d = dict(
            code=None,
            external_code="",
            procedure_version_id=combo.version_id,
            case_id=case_id,
            receiving_agency_id=combo.receiving.pk,
            handling_agency_id=combo.handling.pk,
            current_agency_id=combo.receiving.pk,
            current_handler_id=None,
            current_step_id=None,
            channel=channel,
            result_delivery=delivery,
            representative_id=None,
            summary=combo.name,
            sets=1,
            legal_regime=regime,
            form_set=form_set,
            supplement_state="",
            limit_amount=amount,
            limit_unit=unit_name,
            pause_mode=combo.pause_mode,
            submitted_at=submitted,
            reception_due_at=reception_due,
            received_at=None,
            original_due_at=None,
            due_at=None,
            finished_at=None,
            returned_at=None,
            closed_at=None,
            timeliness="",
        )
        applicant = self._applicant(combo, received)
        comps = [(cid, name, o, c, True) for cid, name, o, c in components]
        p = Pending(d=d, applicant=applicant, components=comps, log=[])
        recv_id = combo.receiving.pk
        if channel == Channel.ONLINE:
            p.log.append(
                (submitted, (None, "", ""), "", recv_id, "submit_online", None, Status.SUBMITTED,
                 "Nộp trực tuyến", {"reference": None}, reception_due, None)
            )  # fmt: skip
        x = rng.random()
        if x < REFUSED:
            reason = rng.choice(REFUSAL_REASONS)
            d.update(status=Status.REFUSED, closed_at=received)
            action, frm = (
                ("refuse", Status.SUBMITTED) if channel == Channel.ONLINE else ("refuse_at_counter", None)
            )
            p.log.append(
                (
                    received,
                    counter,
                    "COUNTER_OFFICER",
                    recv_id,
                    action,
                    frm,
                    Status.REFUSED,
                    reason,
                    {},
                    None,
                    None,
                )
            )
            return p
        # accepted: a code and an appointment
        self._number(p, combo, received)
        due0 = engine.due(received, amount, unit_name)
        d.update(received_at=received, due_at=due0, original_due_at=due0)
        data = {"code": d["code"], "due_at": due0.isoformat()}
        if channel == Channel.ONLINE:
            on_time = received <= reception_due
            p.log.append((received, counter, "COUNTER_OFFICER", recv_id, "accept", Status.SUBMITTED, Status.ACCEPTED,
                          "Tiếp nhận hồ sơ trực tuyến, cấp mã " + d["code"], data, reception_due, on_time))  # fmt: skip
        else:
            p.log.append((received, counter, "COUNTER_OFFICER", recv_id, "receive", None, Status.ACCEPTED,
                          "Tiếp nhận hồ sơ, cấp mã " + d["code"], data, None, None))  # fmt: skip
        x -= REFUSED
        fate = "resolved"
        if x < WITHDRAWN:
            fate = "withdrawn"
        elif x < WITHDRAWN + STOPPED:
            fate = "stopped"
        elif x < WITHDRAWN + STOPPED + STRAGGLERS:
            fate = "straggler"
        self._process(p, combo, unit, counter, fate)
        return p

    def _number(self, p: Pending, combo: Combo, received: dt.datetime) -> None:
        key = (combo.handling.pk, received.date())
        p.d["_code_key"] = key
        p.d["code"] = ""  # numbered in receipt order when the day is complete

    def _process(self, p: Pending, combo: Combo, unit: UnitTime, counter, fate: str) -> None:
        rng, engine, d = self.rng, unit.engine, p.d
        received, due0 = d["received_at"], d["due_at"]
        recv_id, hand_id = combo.receiving.pk, combo.handling.pk
        spd = unit.spd
        pos0 = engine.position(received)
        span = max(spd // 8, engine.position(due0) - pos0)
        transfer = unit.later(received, rng.randint(60, max(120, min(4 * 3600, span // 10))))
        if transfer >= self.cutoff:
            d["status"] = Status.ACCEPTED
            return
        step_due = engine.due(transfer, d["limit_amount"], d["limit_unit"])
        processor = rng.choice(self.people.processor[hand_id])
        lead = rng.choice(self.people.lead[hand_id])
        p.log.append((transfer, counter, "COUNTER_OFFICER", recv_id, "transfer", Status.ACCEPTED, Status.PROCESSING,
                      f"Chuyển đến {combo.handling.name}", {"agency": combo.handling.identifier}, step_due, None))  # fmt: skip
        p.step = [1, "Thẩm định, xử lý hồ sơ", hand_id, "SPECIALIST", d["limit_amount"], d["limit_unit"],
                  transfer, step_due, None, ""]  # fmt: skip
        d.update(current_agency_id=hand_id, status=Status.PROCESSING)
        p.step_open = True
        if fate in ("withdrawn", "stopped"):
            at = unit.later(transfer, rng.randint(spd // 4, max(spd // 2, int(span * 0.6))))
            if at >= self.cutoff:
                return
            if fate == "withdrawn":
                p.log.append((at, counter, "COUNTER_OFFICER", recv_id, "withdraw", Status.PROCESSING, Status.WITHDRAWN,
                              rng.choice(WITHDRAWAL_REASONS), {"requested_by": p.applicant[1], "fees": ""}, None, None))  # fmt: skip
                d["status"] = Status.WITHDRAWN
            else:
                p.log.append((at, lead, lead[2], hand_id, "stop", Status.PROCESSING, Status.STOPPED,
                              STOP_REASONS[0], {}, None, None))  # fmt: skip
                d["status"] = Status.STOPPED
            d.update(closed_at=at, current_step_id=None)
            self._close_step(p, at)
            return
        # resolved (or overdue straggler): plan pauses, then the finish
        x = rng.random()
        pause = None
        if x < SUPPLEMENT_PAUSE:
            pause = PauseReason.SUPPLEMENT
        elif x < SUPPLEMENT_PAUSE + PAYMENT_PAUSE:
            pause = PauseReason.FINANCIAL_OBLIGATION
        due = due0
        now_pos = engine.position(transfer)
        if pause is not None:
            p_start = unit.later(transfer, rng.randint(60, max(120, int(span * 0.3))))
            length = rng.randint(spd // 2, 8 * spd)
            p_end = unit.later(p_start, length)
            mode = combo.pause_mode if pause == PauseReason.SUPPLEMENT else PauseMode.PAUSE
            if p_start >= self.cutoff:
                pause = None
            else:
                open_pause = p_end >= self.cutoff
                if pause == PauseReason.SUPPLEMENT:
                    p.log.append((p_start, processor, processor[2], hand_id, "request_supplement", Status.PROCESSING,
                                  Status.SUPPLEMENT_REQUESTED, SUPPLEMENT_REASONS[rng.randrange(2)],
                                  {"items": [], "mode": mode}, None, None))  # fmt: skip
                    d["supplement_state"] = "Yêu cầu công dân bổ sung"
                else:
                    amount = rng.choice((100000, 500000, 1500000, 4200000))
                    p.log.append((p_start, processor, processor[2], hand_id, "request_payment", Status.PROCESSING,
                                  Status.FINANCIAL_OBLIGATION, "Thông báo nộp phí, lệ phí, nghĩa vụ tài chính",
                                  {"amount": amount}, None, None))  # fmt: skip
                if open_pause:
                    p.pauses.append((pause, mode, hand_id, p_start, None, p.log[-1][7]))
                    d["status"] = (
                        Status.SUPPLEMENT_REQUESTED
                        if pause == PauseReason.SUPPLEMENT
                        else Status.FINANCIAL_OBLIGATION
                    )
                    return
                p.pauses.append((pause, mode, hand_id, p_start, p_end, p.log[-1][7]))
                if mode == PauseMode.RESTART:
                    due = engine.due(p_end, d["limit_amount"], d["limit_unit"])
                else:
                    due = engine.shift(due, engine.position(p_end) - engine.position(p_start))
                if pause == PauseReason.SUPPLEMENT:
                    d["supplement_state"] = "Hoàn thành bổ sung"
                    p.log.append((p_end, counter, "COUNTER_OFFICER", recv_id, "receive_supplement",
                                  Status.SUPPLEMENT_REQUESTED, Status.PROCESSING, "Tiếp nhận hồ sơ bổ sung",
                                  {"mode": mode}, None, None))  # fmt: skip
                else:
                    p.log.append((p_end, processor, processor[2], hand_id, "confirm_payment",
                                  Status.FINANCIAL_OBLIGATION, Status.PROCESSING, "Đã thực hiện nghĩa vụ tài chính",
                                  {"receipt": ""}, None, None))  # fmt: skip
                now_pos = engine.position(p_end)
                d["due_at"] = d["original_due_at"] = due
        due_pos = engine.position(due)
        if fate == "straggler":
            return  # still open, overdue by the cut-off (or soon)
        x = rng.random()
        timeliness = (
            Timeliness.EARLY if x < EARLY else Timeliness.ON_TIME if x < EARLY + ON_TIME else Timeliness.LATE
        )
        if timeliness == Timeliness.EARLY:
            # a working moment on a date before the due date
            day_start = engine.position(dt.datetime.combine(due.date(), dt.time(0, 0), tzinfo=VIETNAM))
            latest = day_start - 1
            if latest <= now_pos + 60:
                timeliness = Timeliness.ON_TIME
            else:
                finish_pos = now_pos + 60 + int((latest - now_pos - 60) * rng.betavariate(1.3, 2.2))
                finish = engine.at_position(finish_pos)
        if timeliness == Timeliness.ON_TIME:
            elapsed_today = due_pos - engine.position(
                dt.datetime.combine(due.date(), dt.time(0, 0), tzinfo=VIETNAM)
            )
            back = rng.randint(0, max(0, min(elapsed_today - 1, due_pos - now_pos - 60, 3 * 3600)))
            finish = engine.at_position(max(now_pos + 1, due_pos - back))
            if finish.date() != due.date() or finish > due:
                finish = due
        elif timeliness == Timeliness.LATE:
            finish = engine.at_position(due_pos + rng.randint(spd + 60, 6 * spd))
        if finish >= self.cutoff:
            if timeliness == Timeliness.EARLY and rng.random() > KEEP_OPEN_AT_CUTOFF:
                limit_pos = engine.position(self.cutoff)
                if limit_pos - now_pos > 120:
                    finish = engine.at_position(now_pos + 60 + rng.randrange(limit_pos - now_pos - 120))
            if finish >= self.cutoff:
                if timeliness == Timeliness.LATE:
                    self._apology(p, combo, unit, due, lead)
                return  # in progress at the cut-off
        floor = unit.later(p.log[-1][0], 60)
        if finish < floor:
            finish = floor
        if timeliness == Timeliness.LATE:
            self._apology(p, combo, unit, due, lead, before=finish)
        self._finish(p, combo, unit, finish, due, counter, lead)

    def _apology(self, p, combo, unit, due, lead, before=None):
        rng, engine = self.rng, unit.engine
        at = engine.at_position(engine.position(due) - rng.randint(600, unit.spd))
        if at <= p.log[-1][0] or at >= self.cutoff:
            return
        new_due = engine.at_position(engine.position(due) + rng.randint(2, 10) * unit.spd)
        if before is not None and new_due < before:
            new_due = before
        reason = rng.choice(APOLOGY_REASONS)
        signer = lead[1] or rng.choice(SIGNERS)
        p.apology = (combo.handling.pk, due, new_due, reason, signer, at)
        p.log.append((at, lead, lead[2], combo.handling.pk, "apologize", Status.PROCESSING, Status.PROCESSING, reason,
                      {"previous_due_at": due.isoformat(), "new_due_at": new_due.isoformat()}, None, None))  # fmt: skip
        p.d["due_at"] = new_due

    def _close_step(self, p: Pending, at: dt.datetime) -> None:
        step = p.step
        step[8] = at
        step[9] = "on_time" if at <= step[7] else "late"
        p.step_open = False

    def _finish(self, p, combo, unit, finish, due, counter, lead):
        rng, d = self.rng, p.d
        timeliness = _classify(finish, due)
        self._close_step(p, finish)
        number = f"{rng.randint(1, 9999)}/{finish.year}/{'QĐ' if rng.random() < 0.5 else 'GCN'}"
        p.result = (number, combo.result_name, lead[1] or rng.choice(SIGNERS), finish.date(), combo.result_code,
                    combo.handling.pk)  # fmt: skip
        d.update(finished_at=finish, timeliness=timeliness, status=Status.FINISHED, closed_at=finish,
                 current_agency_id=combo.receiving.pk, current_step_id=None)  # fmt: skip
        p.log.append((finish, lead, lead[2], combo.handling.pk, "finish", Status.PROCESSING, Status.FINISHED,
                      f"Có kết quả: {number}", {"timeliness": timeliness}, due, timeliness != "late"))  # fmt: skip
        if rng.random() < WAITING_AT_COUNTER:
            return
        delay = rng.randint(600, 3 * unit.spd) if d["result_delivery"] != ResultDelivery.ONLINE else 60
        returned = unit.later(finish, delay)
        if returned >= self.cutoff:
            return
        d.update(returned_at=returned, status=Status.RETURNED)
        p.log.append((returned, counter, "COUNTER_OFFICER", combo.receiving.pk, "return_result", Status.FINISHED,
                      Status.RETURNED, "Trả kết quả", {"method": d["result_delivery"], "receiver": ""}, None, None))  # fmt: skip

    # the run
    def run(self) -> Report:
        started = time.monotonic()
        self.prepare()
        report = Report(window=(self.start, self.end, self.cutoff))
        # dossiers per day: even over the working days, ±25 % day to day, fewer in the first week of a month
        weights = [self.rng.uniform(0.75, 1.25) * (0.85 if d.day <= 5 else 1.0) for d in self.days]
        total_w = sum(weights)
        per_day, carry = [], 0.0
        for w in weights:
            exact = self.count * w / total_w + carry
            n = int(exact)
            carry = exact - n
            per_day.append(n)
        per_day[-1] += self.count - sum(per_day)
        pending: list[Pending] = []
        done = 0
        for day, n in zip(self.days, per_day, strict=True):
            todays = []
            for _ in range(n):
                combo = self._combo()
                unit = self.units[combo.receiving.pk]
                if day not in unit.day_set:
                    day_used = unit.engine.calendar.next_working_day(day)
                    if day_used > self.end:
                        day_used = day
                else:
                    day_used = day
                todays.append(self._dossier(day_used, combo, unit))
            self._assign_codes(todays)
            pending.extend(todays)
            if len(pending) >= self.batch:
                self._flush(pending, report)
                done += len(pending)
                pending = []
                self._progress(done, started)
        if pending:
            self._flush(pending, report)
            done += len(pending)
        self._save_counters()
        self._progress(done, started, final=True)
        report.count = done
        report.seconds = time.monotonic() - started
        return report

    def _assign_codes(self, todays: list[Pending]) -> None:
        numbered = [p for p in todays if "_code_key" in p.d]
        numbered.sort(key=lambda p: p.d["received_at"])
        identifiers = {c.handling.pk: c.handling.identifier for c in self.combos}
        for p in numbered:
            key = p.d.pop("_code_key")
            value = self.counters.get(key, 0) + 1
            self.counters[key] = value
            self.touched.add(key)
            code = format_code(identifiers[key[0]], key[1], value)
            p.d["code"] = code
            for i, entry in enumerate(p.log):
                if entry[4] in ("receive", "accept"):
                    data = dict(entry[8], code=code)
                    p.log[i] = (*entry[:7], entry[7].replace("cấp mã ", "cấp mã " + code), data, *entry[9:])

    def _progress(self, done: int, started: float, final: bool = False) -> None:
        if self.progress is None:
            return
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed else 0
        end = "\n" if final else "\r"
        self.progress.write(
            f"  {done:>10,} / {self.count:,} hồ sơ  {rate:>8,.0f} hồ sơ/s  {elapsed:>7.1f} s{end}"
        )
        self.progress.flush()

    # writing
    def _ids(self, table: str, n: int) -> list[int]:
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute(
                    f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)",
                    [n],
                )
                return [r[0] for r in cursor.fetchall()]
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')
            top = cursor.fetchone()[0]
            if self.vendor == "sqlite":
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                row = cursor.fetchone()
                top = max(top, row[0] if row else 0)
            return list(range(top + 1, top + n + 1))

    def _flush(self, batch: list[Pending], report: Report) -> None:
        with transaction.atomic():
            n = len(batch)
            dossier_ids = self._ids("dossiers_dossier", n)
            applicant_ids = self._ids("dossiers_applicant", n)
            step_ids = self._ids("dossiers_dossierstep", sum(1 for p in batch if p.step is not None))
            dossiers, applicants, components, logs, steps, pauses, apologies, results = ([] for _ in range(8))
            steps_iter = iter(step_ids)
            for p, did, aid in zip(batch, dossier_ids, applicant_ids, strict=True):
                d = p.d
                d["id"], d["applicant_id"] = did, aid
                day = d["submitted_at"].astimezone(VIETNAM)
                d["reference"] = f"HS-{day:%y%m%d}-G{did:08d}"
                kind, name, idn, birth, address, phone, email = p.applicant
                # declared: the generator does not simulate an officer checking the card (registry rule)
                applicants.append((aid, kind, name, idn, birth, address, phone, email, d["submitted_at"], ""))
                for comp in p.components:
                    components.append((did, *comp))
                if p.step is not None:
                    sid = next(steps_iter)
                    steps.append((sid, did, p.step[0], StepKind.INTERNAL, *p.step[1:4], None, *p.step[4:]))
                    if p.step_open:
                        d["current_step_id"] = sid
                for reason, mode, agency_id, s, e, note in p.pauses:
                    pauses.append((did, reason, mode, agency_id, s, e, note))
                if p.apology is not None:
                    apologies.append((did, *p.apology))
                if p.result is not None:
                    results.append((did, *p.result))
                prev, key_id = GENESIS, logkeys.keyring().current_id
                for seq, (
                    at,
                    actor,
                    role,
                    agency_id,
                    action,
                    frm,
                    to,
                    note,
                    data,
                    step_due,
                    on_time,
                ) in enumerate(p.log, 1):
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
                    e.agency_id, e.action, e.from_status, e.to_status, e.note = (
                        agency_id,
                        action,
                        frm,
                        int(to),
                        note,
                    )
                    e.step_due_at, e.on_time, e.data, e.prev_hash = step_due, on_time, data, prev
                    e.key_id = key_id
                    e.hash = _hash(e)
                    prev = e.hash
                    logs.append((did, seq, at, actor[0], actor[1], role, agency_id, action, frm, int(to), note,
                                 step_due, on_time, json.dumps(data, ensure_ascii=False), e.prev_hash, e.hash, key_id))  # fmt: skip
                d["version"], d["log_head"] = len(p.log), prev
                d["status"] = int(d["status"])
                d["created_at"] = d["submitted_at"]
                d["updated_at"] = p.log[-1][0]
                d["deadline_at"] = current_deadline(d["due_at"], d["reception_due_at"], d["submitted_at"])
                d["seal"] = row_seal(d)  # as apply seals it
                dossiers.append(d)
                report.by_status[d["status"]] = report.by_status.get(d["status"], 0) + 1
            paused, apologised = {row[0] for row in pauses}, {row[0] for row in apologies}
            for d in dossiers:
                d["has_pauses"], d["has_apologies"] = d["id"] in paused, d["id"] in apologised
            self._write("dossiers_applicant", APPLICANT_COLUMNS, applicants)
            self._write("dossiers_dossierstep", STEP_COLUMNS, steps)
            self._write(
                "dossiers_dossier", DOSSIER_COLUMNS, [tuple(d[c] for c in DOSSIER_COLUMNS) for d in dossiers]
            )
            self._write("dossiers_dossiercomponent", COMPONENT_COLUMNS, components)
            self._write("dossiers_processlogentry", LOG_COLUMNS, logs)
            self._write("dossiers_dossierpause", PAUSE_COLUMNS, pauses)
            self._write("dossiers_apology", APOLOGY_COLUMNS, apologies)
            self._write("dossiers_dossierresult", RESULT_COLUMNS, results)

    def _write(self, table: str, columns: tuple, rows: list) -> None:
        if not rows:
            return
        quoted = ", ".join(f'"{c}"' for c in columns)
        if self.vendor == "postgresql":
            enums = [i for i, c in enumerate(columns) if c in ENUM_COLUMNS]
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy,
            ):
                for row in rows:
                    row = list(row)
                    for i in enums:
                        v = row[i]
                        if isinstance(v, Enum):
                            row[i] = v.value
                    copy.write_row(row)
            return
        moments = [i for i, c in enumerate(columns) if c in DATETIME_COLUMNS]
        others = [i for i, c in enumerate(columns) if c in DATE_COLUMNS or c in DECIMAL_COLUMNS]
        values = []
        for row in rows:
            row = list(row)
            for i in moments:
                v = row[i]
                if v is not None:
                    row[i] = (
                        (v.replace(tzinfo=None) - SEVEN_HOURS).isoformat(" ")
                        if v.tzinfo is VIETNAM
                        else v.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
                    )
            for i in others:
                v = row[i]
                if v is not None:
                    row[i] = str(v)
            values.append(row)
        marks = ", ".join(["%s"] * len(columns))
        with connection.cursor() as cursor:
            cursor.executemany(f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})', values)

    def _save_counters(self) -> None:
        rows = [(agency_id, day, self.counters[(agency_id, day)]) for agency_id, day in sorted(self.touched)]
        greatest = "GREATEST" if self.vendor == "postgresql" else "MAX"
        sql = (
            "INSERT INTO dossiers_dailycounter (agency_id, day, value) VALUES (%s, %s, %s) "
            f"ON CONFLICT (agency_id, day) DO UPDATE SET value = {greatest}(dossiers_dailycounter.value, "
            "excluded.value)"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            for i in range(0, len(rows), 1000):
                cursor.executemany(sql, rows[i : i + 1000])


FAMILY_NAMES = [f for f, _ in FAMILY]
FAMILY_WEIGHTS = [w for _, w in FAMILY]
_ASCII = str.maketrans(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ",
    "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
    "AAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD",
)


_regime = functools.lru_cache(maxsize=4096)(regime_for)


def _ascii(text: str) -> str:
    return text.translate(_ASCII)


def _hash(entry: _Entry) -> str:
    return ProcessLogEntry.compute_hash(entry)


def _classify(finished: dt.datetime, due: dt.datetime) -> str:
    f, d = finished.astimezone(VIETNAM), due.astimezone(VIETNAM)
    if f.date() < d.date():
        return Timeliness.EARLY
    if f.date() > d.date() or finished > due:
        return Timeliness.LATE
    return Timeliness.ON_TIME


def _sqlite_value(v):
    if isinstance(v, dt.datetime):
        return v.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    return v


def generate(
    count: int, year: int, *, seed: int = 5, batch: int = 5000, now=None, progress=sys.stderr
) -> Report:
    """Generate ``count`` dossiers received in ``year`` (see the module docstring); returns a report."""
    report = Generator(count=count, year=year, seed=seed, batch=batch, now=now, progress=progress).run()
    # bulk writes bypass the transition signal: tell the apps that derive data from dossiers
    dossiers_bulk_loaded.send(sender=Dossier, first_day=report.window[0], last_day=report.window[1])
    return report


__all__ = ["GeneratorError", "Report", "generate"]
