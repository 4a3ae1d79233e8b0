"""A normalised procedure record: what every source format is parsed into before it is written.

Plain dataclasses, no Django. Codes follow ``motcua.catalog.choices`` (Level, ProcedureKind, Channel, LimitUnit,
OnlineLevel, NonBoundary, FeeKind) as plain strings. Nothing a parser reads is dropped: what it cannot structure is
kept as raw text and listed in ``review_notes`` for a controller (công chức kiểm soát TTHC) to review.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from decimal import Decimal

CODE_RE = re.compile(r"^\d\.\d{6}$")

# Placeholder the national portal prints for an empty cell.
NO_INFO = "Không có thông tin"


@dataclass
class ReviewNote:
    field: str
    message: str
    raw: str = ""


@dataclass
class FeeRecord:
    amount: int | None  # VND; 0 = free; None = not read (see text)
    text: str = ""
    note: str = ""
    kind: str = "khac"


@dataclass
class ChannelOptionRecord:
    channel: str  # "1" trực tiếp, "2" trực tuyến, "3" bưu chính
    limit_amount: Decimal | None = None
    limit_unit: str = ""
    limit_text: str = ""
    fees: list[FeeRecord] = field(default_factory=list)
    description: str = ""

    @property
    def has_limit(self) -> bool:
        return self.limit_amount is not None and bool(self.limit_unit)


@dataclass
class ComponentRecord:
    name: str
    originals: int = 0
    copies: int = 0
    count_text: str = ""
    form_name: str = ""
    required: bool = True
    code: str = ""


@dataclass
class CaseRecord:
    name: str = ""
    components: list[ComponentRecord] = field(default_factory=list)


@dataclass
class LegalBasisRecord:
    title: str
    number: str = ""


@dataclass
class ResultRecord:
    name: str
    code: str = ""


@dataclass
class ProcedureRecord:
    code: str
    name: str
    field_name: str = ""
    field_code: str = ""
    levels: list[str] = field(default_factory=list)
    kind: str = "other"
    kind_text: str = ""
    decision_number: str = ""
    subjects: str = ""
    competent_agency: str = ""
    implementing_agency: str = ""
    authorized_agency: str = ""
    coordinating_agency: str = ""
    receiving_place: str = ""
    steps: str = ""
    requirements: str = ""
    related_procedures: str = ""
    cases: list[CaseRecord] = field(default_factory=list)
    channel_options: list[ChannelOptionRecord] = field(default_factory=list)
    legal_bases: list[LegalBasisRecord] = field(default_factory=list)
    results: list[ResultRecord] = field(default_factory=list)
    online_level: str = "information"
    non_boundary: str = "none"
    source: str = ""
    source_url: str = ""
    raw: dict = field(default_factory=dict)
    review_notes: list[ReviewNote] = field(default_factory=list)

    def flag(self, field_name: str, message: str, raw: str = "") -> None:
        self.review_notes.append(ReviewNote(field_name, message, raw))

    # -- derived facts used by the summary -------------------------------------------------------------------
    @property
    def limits_parsed(self) -> bool:
        """Every channel option has a time limit with an amount and a unit."""
        return bool(self.channel_options) and all(o.has_limit for o in self.channel_options)

    @property
    def fees_parsed(self) -> bool:
        """Every fee cell was read: an amount in VND (0 = free), or the portal states no fee information."""
        return (
            bool(self.channel_options)
            and all(fee.amount is not None for option in self.channel_options for fee in option.fees)
            and not any(n.field == "fees" for n in self.review_notes)
        )

    def canonical(self) -> dict:
        """The normalised content (without the raw source record) as JSON-safe data."""
        data = asdict(self)
        data.pop("raw")
        return json.loads(json.dumps(data, default=str))

    def content_hash(self) -> str:
        payload = json.dumps(self.canonical(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# -- small text helpers shared by the parsers ----------------------------------------------------------------

LEVELS = {
    "cấp bộ": "ministry",
    "cấp tỉnh": "province",
    "cấp huyện": "district",
    "cấp xã": "commune",
    "cơ quan khác": "other",
}

KINDS = {
    "tthc được giao luật quy định chi tiết": "standard",
    "tthc được luật giao quy định chi tiết": "standard",
    "tthc không được luật giao cho địa phương quy định": "specific",
    "loại khác": "other",
    "": "other",
}

CHANNELS = {"trực tiếp": "1", "trực tuyến": "2", "dịch vụ bưu chính": "3", "dịch vụ bưu chính công ích": "3"}

UNITS = {
    "ngày làm việc": "working_days",
    "ngày": "calendar_days",
    "giờ": "working_hours",
    "giờ làm việc": "working_hours",
    "tháng": "months",
}


def clean(text: str | None) -> str:
    """Trim, normalise to NFC and treat the portal's "Không có thông tin" as empty."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text)).strip()
    return "" if value == NO_INFO else value


def parse_levels(text: str, record: ProcedureRecord | None = None) -> list[str]:
    levels = []
    for part in re.split(r"[,;\n]", text or ""):
        part = part.strip()
        if not part:
            continue
        code = LEVELS.get(part.lower())
        if code is None:
            if record is not None:
                record.flag("levels", "Không nhận ra cấp thực hiện.", part)
            continue
        if code not in levels:
            levels.append(code)
    return levels


def parse_kind(text: str) -> str:
    return KINDS.get(clean(text).lower(), "other")
