"""The procedure document of an approved internal process (quy trình nội bộ giải quyết TTHC), as a one-stop unit
files it in its quality system under TCVN ISO 9001:2015: PDF and .docx from the same values and the same layout.

The layout is the file ``data/process/quy_trinh_noi_bo.txt`` in the forms' layout language (``documents.layout``),
so both renderers draw the same blocks; the flow diagram (section 5.6, ``@flow``) is laid out once by
``render.flow`` and drawn with fpdf2's primitives in the PDF and as a PNG in the .docx. Every page after the cover
carries the controlled document's code, edition, effective date and page number.

Only a published process is printed (:func:`published`): a draft is not public and a superseded one never
applied. The values (:func:`data`) are read in a fixed number of queries whatever the number of steps.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from django.db.models import prefetch_related_objects
from django.utils import timezone

from motcua.catalog import processes
from motcua.catalog.choices import AssignmentRole, LimitUnit, VersionState, limit_text
from motcua.catalog.models import InternalProcess, Performer, ProcedureAssignment
from motcua.catalog.models.process import ProcessLevel
from motcua.core.dated import valid_on_q
from motcua.core.text import strip_marks
from motcua.documents import official_forms
from motcua.documents.layout import build
from motcua.documents.render.docx import render_docx
from motcua.documents.render.flow import FlowStep
from motcua.documents.render.pdf import render_pdf
from motcua.documents.services import snapshot
from motcua.documents.services.printing import CONTENT_TYPES, FORMATS
from motcua.dossiers.services.intake import regime_for
from motcua.org.models.agency import AgencyKind
from motcua.org.roles import Role

LAYOUT = Path(__file__).resolve().parents[1] / "data" / "process" / "quy_trinh_noi_bo.txt"
TITLE = "Quy trình nội bộ giải quyết thủ tục hành chính"

# the short names of the roles, defined in section 4 of the document
SHORT_ROLE = {
    Role.COUNTER_OFFICER: "Công chức BPMC",
    Role.DIGITIZER: "CB số hóa",
    Role.CASHIER: "CB thu phí, lệ phí",
    Role.SPECIALIST: "CV thụ lý",
    Role.DEPT_LEAD: "LĐ phòng",
    Role.AGENCY_LEAD: "LĐ cơ quan",
    Role.CLERK: "VT",
    Role.CENTRE_HEAD: "LĐ Trung tâm",
    Role.TTHC_CONTROLLER: "Công chức KSTTHC",
    Role.PAKN_OFFICER: "CB xử lý PAKN",
    Role.ADMIN: "Quản trị hệ thống",
}
ABBREVIATIONS = [
    ("TTHC", "Thủ tục hành chính"),
    ("BPMC", "Bộ phận Một cửa (Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính)"),
    ("CB", "Cán bộ"),
    ("CV", "Chuyên viên"),
    ("LĐ", "Lãnh đạo"),
    ("VT", "Văn thư"),
    ("KSTTHC", "Kiểm soát thủ tục hành chính"),
    ("QĐ", "Quyết định"),
    ("Hệ thống", "Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh"),
    ("B1, B2…", "Bước 1, bước 2… của quy trình (lưu đồ, mục 5.6)"),
]
REGIME_TEXTS = {
    "ND61_2018": [
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông "
        "trong giải quyết thủ tục hành chính",
        "Nghị định số 107/2021/NĐ-CP của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP",
        "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ hướng dẫn thi hành một số quy định "
        "của Nghị định số 61/2018/NĐ-CP",
    ],
    "ND118_2025": [
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một "
        "cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia",
        "Thông tư số 03/2025/TT-VPCP của Văn phòng Chính phủ quy định các biểu mẫu thực hiện thủ tục hành chính "
        "theo cơ chế một cửa, một cửa liên thông",
    ],
}
ISO = "Tiêu chuẩn quốc gia TCVN ISO 9001:2015 Hệ thống quản lý chất lượng — Các yêu cầu"
KEEP = "02 năm, sau đó chuyển lưu trữ cơ quan theo quy định hiện hành"


@dataclass
class Manual:
    content: bytes
    filename: str  # Vietnamese, with diacritics
    ascii_filename: str  # the same without them, for clients that do not read RFC 6266's filename*
    content_type: str

    def disposition(self, inline: bool) -> str:
        """The Content-Disposition header: the ASCII name, then the Vietnamese one (RFC 5987)."""
        kind = "inline" if inline else "attachment"
        return f"{kind}; filename=\"{self.ascii_filename}\"; filename*=UTF-8''{quote(self.filename)}"


def published(code: str, pk: int) -> InternalProcess | None:
    """The published process ``pk`` of procedure ``code`` (None for a draft, a superseded one or a mismatch)."""
    return (
        InternalProcess.objects.select_related(
            "version__procedure", "version__field", "created_by", "published_by"
        )
        .filter(pk=pk, version__procedure__code=code, state=VersionState.PUBLISHED)
        .first()
    )


def _number(value: Decimal) -> str:
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def _share(amount: Decimal, unit: str) -> str:
    amount = Decimal(amount)
    return limit_text(_number(amount), float(amount), unit)


def total_text(hours: Decimal) -> str:
    """The sum of the steps' shares: “7 ngày làm việc (56 giờ làm việc)”, or in hours under a day."""
    hours = Decimal(hours)
    in_hours = _share(hours, LimitUnit.WORKING_HOURS)
    if hours < processes.HOURS_PER_DAY:
        return in_hours
    return f"{_share(hours / processes.HOURS_PER_DAY, LimitUnit.WORKING_DAYS)} ({in_hours})"


def _name(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or "").strip()


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _lines(text: str) -> list[str]:
    lines = [line.strip().lstrip("-–•+").strip() for line in (text or "").splitlines()]
    return [line for line in lines if line]


class _Units:
    """The units named by the procedure's assignments on a day, and the label of each step's performer."""

    def __init__(self, process: InternalProcess, on: dt.date):
        rows = list(
            ProcedureAssignment.objects.filter(valid_on_q(on), procedure_id=process.version.procedure_id)
            .select_related("agency__parent")
            .order_by("role", "agency__name")
        )
        level = process.level
        handling = [r.agency for r in rows if r.role == AssignmentRole.HANDLES]
        if level and any(a.level == level for a in handling):
            handling = [a for a in handling if a.level == level or a.kind == AgencyKind.DIVISION]
        self.divisions = [a for a in handling if a.kind == AgencyKind.DIVISION]
        self.handling = [a for a in handling if a.kind != AgencyKind.DIVISION]
        self.receiving = [r.agency for r in rows if r.role == AssignmentRole.RECEIVES]

    def issuer(self):
        """The unit whose document this is: the one competent body, or the parent several share (None if not)."""
        if len(self.handling) == 1:
            return self.handling[0]
        parents = {a.parent_id for a in self.handling}
        if len(parents) == 1 and self.handling and self.handling[0].parent_id:
            return self.handling[0].parent
        return None

    def of(self, step) -> str:
        """Where ``step`` is done, as the document names it."""
        one_handling = self.handling[0].name if len(self.handling) == 1 else ""
        performer = step.performer
        if step.unit_id and performer in (Performer.PARTNER, Performer.DIVISION):
            return step.unit.name
        if performer == Performer.RECEIVING:
            return self.receiving[0].name if len(self.receiving) == 1 else "BPMC"
        if performer == Performer.DIVISION:
            if len(self.divisions) == 1:
                return self.divisions[0].name
            return f"Phòng chuyên môn thuộc {one_handling}" if one_handling else "Phòng chuyên môn"
        if performer in (Performer.COMPETENT, Performer.LEADER):
            return one_handling or "Cơ quan giải quyết"
        if performer == Performer.COMMUNE:
            return "UBND cấp xã"
        return Performer(performer).label


def data(process: InternalProcess, today: dt.date | None = None) -> dict:
    """The values the document prints (plain data for the layout)."""
    today = today or timezone.localdate()
    version = process.version
    procedure = version.procedure
    valid_from = process.valid_from or today
    on = max(today, valid_from)  # the units that apply it now (or from its first day; or on its last day)
    if process.valid_to and on > process.valid_to:
        on = process.valid_to
    units = _Units(process, on)
    steps = list(process.steps.select_related("unit").order_by("order"))
    regime, form_set = regime_for(valid_from)

    references = []
    for basis in version.legal_bases.order_by("order"):
        references.append(" ".join(p for p in (basis.number, basis.title) if p).strip())
    if version.decision_number:
        references.append(
            f"Quyết định số {version.decision_number}"
            + (f" ngày {_day(version.decision_date)}" if version.decision_date else "")
            + " công bố thủ tục hành chính"
        )
    references.append(
        f"Quyết định số {process.decision_number}"
        + (f" ngày {_day(process.decision_date)}" if process.decision_date else "")
        + f" của {process.decision_signer} phê duyệt quy trình nội bộ giải quyết thủ tục hành chính"
    )
    references += REGIME_TEXTS.get(regime, [])
    references.append(ISO)

    cases = []
    for case in version.cases.prefetch_related("components").order_by("order"):
        components = [
            {
                "name": c.name,
                "form": c.form_name,
                "form_named": bool(c.form_name) and c.form_name in c.name,
                "required": c.required,
                "originals": c.originals or c.count_text or "0",
                "copies": c.copies,
            }
            for c in case.components.all()
        ]
        cases.append({"name": case.name, "components": components})

    prefetch_related_objects([version], "channel_options__fees", "channel_options__case")
    options = list(version.channel_options.all())  # in their order; ``legal_limit`` reads the same cache
    limits, fees = [], []
    for option in options:
        where = option.get_channel_display() + (
            f" ({option.case.name})" if option.case_id and option.case.name else ""
        )
        limits.append(f"{where}: {option.limit_label()}")
        for fee in option.fees.all():
            fees.append(
                f"{where}: {fee.get_kind_display()} {fee.amount_label()}"
                + (f" ({fee.note})" if fee.note else "")
            )
    legal = processes.legal_limit(version)

    rows = []
    flow = []
    for s in steps:
        place = units.of(s)
        responsible = f"{SHORT_ROLE.get(s.role, Role(s.role).label)} — {place}"
        back = [int(t) for t in (s.send_back_to or [])]
        rows.append(
            {
                "order": s.order,
                "name": s.name,
                "responsible": responsible,
                "time": _share(s.limit_amount, s.limit_unit),
                "output": s.output,
                "signed": s.needs_signature,
                "named_signing": "ký" in s.name.lower(),
                "back": [str(t) for t in back],
            }
        )
        flow.append(
            FlowStep(
                s.order,
                s.name,
                f"{SHORT_ROLE.get(s.role, Role(s.role).label)}\n{place}",
                rows[-1]["time"],
                tuple(back),
            )
        )
    total = processes.total_hours(steps)

    receipt = official_forms.of_kind(form_set, official_forms.Kind.RECEIPT)
    control = official_forms.of_kind(form_set, official_forms.Kind.CONTROL)
    completion = official_forms.of_kind(form_set, official_forms.Kind.COMPLETION)
    refusal = official_forms.of_kind(form_set, official_forms.Kind.REFUSAL)
    apology = official_forms.of_kind(form_set, official_forms.Kind.APOLOGY)
    book = official_forms.of_kind(form_set, official_forms.Kind.BOOK)
    forms = []
    seen = set()
    for s in steps:
        if s.output and s.output not in seen:
            seen.add(s.output)
            forms.append({"name": s.output, "where": f"Bước {s.order}"})
    for spec in (completion, refusal, apology):
        text = f"{spec.title} ({spec.label}, {spec.basis})"
        forms.append({"name": text, "where": "Khi phát sinh"})
    for case in cases:
        for c in case["components"]:
            if c["form"]:
                forms.append(
                    {"name": f"Mẫu đơn, tờ khai {c['form']}: {c['name']}", "where": "Người nộp hồ sơ kê khai"}
                )

    handling_place = units.handling[0].name if len(units.handling) == 1 else "Cơ quan giải quyết"
    results = [r.name for r in version.results.order_by("order")]
    records = [
        {"name": f"{receipt.title} ({receipt.label})", "where": "BPMC", "keep": KEEP},
        {"name": f"{control.title} ({control.label})", "where": f"BPMC; {handling_place}", "keep": KEEP},
        {"name": "Thành phần hồ sơ theo mục 5.2", "where": handling_place, "keep": KEEP},
        {
            "name": f"{completion.title}, {refusal.title}, {apology.title} (nếu có)",
            "where": f"BPMC; {handling_place}",
            "keep": KEEP,
        },
        {
            "name": "Kết quả giải quyết TTHC (bản lưu)" + (f": {'; '.join(results)}" if results else ""),
            "where": f"{handling_place} (VT)",
            "keep": "Theo quy định về thời hạn bảo quản hồ sơ, tài liệu",
        },
        {"name": f"{book.title} ({book.label})", "where": "BPMC", "keep": KEEP},
        {
            "name": "Hồ sơ điện tử, quá trình xử lý trên Hệ thống",
            "where": "Hệ thống",
            "keep": "Theo quy định về lưu trữ hồ sơ điện tử",
        },
    ]

    partners = sorted({s.unit.name for s in steps if s.performer == Performer.PARTNER and s.unit_id})
    code = process.code or f"QT-{procedure.code}"
    return {
        "unit": snapshot.unit(units.issuer()),
        "doc": {
            "code": code,
            "edition": f"{process.number:02d}",
            "valid_from": _day(process.valid_from),
            "decision_number": process.decision_number,
            "decision_date": _day(process.decision_date),
            "decision_signer": process.decision_signer,
            "printed": _day(today),
        },
        "procedure": {
            "name": version.name,
            "code": procedure.code,
            "field": version.field.name if version.field_id else "",
        },
        "people": {
            "drafter": _name(process.created_by),
            "drafter_title": "",
            "checker": _name(process.published_by),
            "checker_title": "Công chức KSTTHC" if process.published_by_id else "",
            "approver": "",
            "approver_title": process.decision_signer,
        },
        "scope": {
            "level": ProcessLevel(process.level).label,
            "receiving": [a.name for a in units.receiving],
            "handling": [a.name for a in (*units.handling, *units.divisions)],
            "partners": partners,
        },
        "references": references,
        "abbreviations": [{"short": s, "meaning": m} for s, m in ABBREVIATIONS],
        "requirements": _lines(version.requirements),
        "cases": cases,
        "limits": limits,
        "fees": fees,
        "steps": rows,
        "total": {"text": total_text(total), "limit": legal[1].limit_label() if legal else ""},
        "forms": forms,
        "records": records,
        "flow": flow,
    }


def running_header(values: dict) -> str:
    doc = values["doc"]
    return f"{doc['code']} · Lần ban hành: {doc['edition']} · Ngày hiệu lực: {doc['valid_from']} · Trang {{page}}/{{nb}}"


def filenames(values: dict, fmt: str) -> tuple[str, str]:
    """The document's file name with diacritics, and without (both safe in a header)."""
    code = "".join(ch if ch.isalnum() or ch in ".-_" else "-" for ch in values["doc"]["code"]) or "quy-trinh"
    name = unicodedata.normalize("NFC", f"Quy trình nội bộ {code} lần {values['doc']['edition']}.{fmt}")
    plain = strip_marks(name).replace(" ", "-")
    return name, "".join(
        ch for ch in plain if ch.isascii() and (ch.isalnum() or ch in ".-_")
    ) or f"quy-trinh.{fmt}"


def render(process: InternalProcess, fmt: str, today: dt.date | None = None) -> Manual:
    """The document of ``process`` as ``fmt`` ("pdf" or "docx")."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    values = data(process, today)
    steps = values.pop("flow")
    blocks = build(LAYOUT.read_text(encoding="utf-8"), values)
    title = f"{TITLE}: {values['procedure']['name']}"
    running = running_header(values)
    if fmt == "pdf":
        content = render_pdf(blocks, title=title, steps=steps, running=running)
    else:
        content = render_docx(blocks, title=title, steps=steps, running=running)
    name, ascii_name = filenames(values, fmt)
    return Manual(content, name, ascii_name, CONTENT_TYPES[fmt])
