"""Catalogue API: procedures (search and filters), a procedure's content on a date, and the fields."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, TextField
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from motcua.catalog import processes, search, services
from motcua.catalog.choices import Level, OnlineLevel
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Procedure,
    ProcedureAssignment,
    ProcedureCase,
    ProcedureField,
    ProcedureVersion,
)
from motcua.core.dated import today, valid_on_q
from motcua.core.inputs import FIRST_DAY, LAST_DAY, BoundedLimitOffsetPagination, in_calendar
from motcua.org import services as org_services

router = Router(tags=["Thủ tục hành chính"])

TRUE_WORDS = {"true", "1", "yes", "co", "có"}
FALSE_WORDS = {"false", "0", "no", "khong", "không"}


class ProcedureFieldOut(Schema):
    code: str
    name: str
    slug: str
    procedures: int = Field(description="Số thủ tục đang có hiệu lực thuộc lĩnh vực")


class ProcedureItemOut(Schema):
    code: str
    name: str
    field: str | None = Field(None, description="Tên lĩnh vực")
    field_slug: str | None = None
    levels: list[str] = Field(description="Mã cấp thực hiện: ministry, province, district, commune, other")
    online_level: str = Field(description="information, partial hoặc full")
    score: float | None = Field(None, description="Điểm phù hợp (chỉ khi tìm theo q)")

    @staticmethod
    def resolve_name(obj: Procedure) -> str:
        return obj.current_version.name

    @staticmethod
    def resolve_field(obj: Procedure) -> str | None:
        version = obj.current_version
        return version.field.name if version.field_id else None

    @staticmethod
    def resolve_field_slug(obj: Procedure) -> str | None:
        version = obj.current_version
        return version.field.slug if version.field_id else None

    @staticmethod
    def resolve_levels(obj: Procedure) -> list[str]:
        return list(obj.current_version.levels)

    @staticmethod
    def resolve_online_level(obj: Procedure) -> str:
        return obj.current_version.online_level

    @staticmethod
    def resolve_score(obj: Procedure) -> float | None:
        return getattr(obj, "score", None)


class ProcedureFilters(Schema):
    q: str | None = Field(
        None, description="Từ khóa, có dấu hoặc không dấu; hoặc mã thủ tục (tối đa 200 ký tự)"
    )
    level: str | None = Field(
        None, description="Cấp thực hiện", json_schema_extra={"enum": list(Level.values)}
    )
    field: str | None = Field(None, description="Lĩnh vực: đường dẫn (slug) hoặc tên")
    agency: str | None = Field(None, description="Mã định danh cơ quan được giao thực hiện hôm nay")
    online: str | None = Field(
        None,
        description="Mức độ DVC trực tuyến (information, partial, full) hoặc true/false: có DVC trực tuyến",
    )


class ComponentOut(Schema):
    name: str
    code: str
    originals: int
    copies: int
    count_text: str
    required: bool
    form_name: str


class CaseOut(Schema):
    name: str
    components: list[ComponentOut]

    @staticmethod
    def resolve_components(obj: ProcedureCase) -> list[CaseComponent]:
        return list(obj.components.all())


class FeeOut(Schema):
    kind: str
    amount: int | None = Field(None, description="Mức thu (đồng)")
    text: str
    note: str
    label: str

    @staticmethod
    def resolve_label(obj) -> str:
        return obj.amount_label()


class ChannelOut(Schema):
    channel: str
    channel_label: str
    case: str | None = Field(None, description="Tên trường hợp (trống: mọi trường hợp)")
    limit_amount: float | None = None
    limit_unit: str
    limit_text: str
    limit_label: str
    description: str
    fees: list[FeeOut]

    @staticmethod
    def resolve_channel_label(obj: ChannelOption) -> str:
        return obj.get_channel_display()

    @staticmethod
    def resolve_case(obj: ChannelOption) -> str | None:
        return obj.case.name if obj.case_id else None

    @staticmethod
    def resolve_limit_label(obj: ChannelOption) -> str:
        return obj.limit_label()

    @staticmethod
    def resolve_fees(obj: ChannelOption) -> list:
        return list(obj.fees.all())


class LegalBasisOut(Schema):
    number: str
    title: str


class ResultOut(Schema):
    name: str
    code: str


class StepOut(Schema):
    order: int
    name: str
    role: str
    performer: str = Field(
        description="Đơn vị thực hiện: receiving, competent, division, leader, partner, commune"
    )
    unit: str | None = Field(None, description="Mã định danh của đơn vị cụ thể (cơ quan phối hợp, phòng)")
    limit_amount: float
    limit_unit: str
    needs_signature: bool
    notify_citizen: bool
    send_back_to: list[int]
    output: str

    @staticmethod
    def resolve_unit(obj) -> str | None:
        return obj.unit.identifier if obj.unit_id else None


class ProcessOut(Schema):
    level: str = Field(description="Cấp thực hiện: province, commune hoặc rỗng (mọi cấp)")
    number: int
    code: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    decision_number: str
    decision_date: dt.date | None
    decision_signer: str
    steps: list[StepOut]

    @staticmethod
    def resolve_steps(obj) -> list:
        return list(obj.steps.all())


class AssignedAgencyOut(Schema):
    identifier: str
    name: str
    role: str
    valid_from: dt.date
    valid_to: dt.date | None


class ProcedureDetailOut(Schema):
    code: str
    on: dt.date = Field(description="Ngày tra cứu")
    is_current: bool = Field(description="Phiên bản này là phiên bản đang có hiệu lực hôm nay")
    version: int
    valid_from: dt.date | None
    valid_to: dt.date | None
    decision_number: str
    decision_date: dt.date | None
    name: str
    field: str | None
    levels: list[str]
    kind: str
    subjects: str
    competent_agency: str
    implementing_agency: str
    authorized_agency: str
    coordinating_agency: str
    receiving_place: str
    steps: str
    requirements: str
    related_procedures: str
    online_level: str
    non_boundary: str
    source_url: str
    cases: list[CaseOut]
    channels: list[ChannelOut]
    legal_bases: list[LegalBasisOut]
    results: list[ResultOut]
    processes: list[ProcessOut] = Field(
        description="Quy trình nội bộ được phê duyệt, có hiệu lực vào ngày tra cứu"
    )
    agencies: list[AssignedAgencyOut] = Field(
        description="Cơ quan được giao giải quyết, tiếp nhận vào ngày tra cứu"
    )


def parse_day(value: str | None, name: str = "on") -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        day = dt.date.fromisoformat(value) if value.isascii() else None
    except ValueError:
        day = None
    if day is not None and in_calendar(day):
        return day
    if day is None:
        raise ValidationError(
            {
                name: _("Ngày “%(value)s” không hợp lệ; dùng định dạng YYYY-MM-DD, ví dụ 2025-07-01.")
                % {"value": value[:40]}
            }
        )
    raise ValidationError(
        {
            name: _("Ngày phải trong khoảng %(first)s đến %(last)s.")
            % {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()}
        }
    )


def _online_values(value: str) -> list[str]:
    lowered = value.strip().lower()
    if lowered in OnlineLevel.values:
        return [lowered]
    if lowered in TRUE_WORDS:
        return [OnlineLevel.PARTIAL, OnlineLevel.FULL]
    if lowered in FALSE_WORDS:
        return [OnlineLevel.INFORMATION]
    raise ValidationError(
        {
            "online": _("Giá trị “%(value)s” không hợp lệ; dùng information, partial, full hoặc true/false.")
            % {"value": value[:40]}
        }
    )


def _filtered(filters: ProcedureFilters):
    """Procedures in force today matching the filters (no search), with their current version loaded."""
    errors = {}
    if filters.q is not None and len(filters.q) > search.MAX_QUERY_LENGTH:
        errors["q"] = _("Từ khóa tìm kiếm dài quá %(limit)d ký tự.") % {"limit": search.MAX_QUERY_LENGTH}
    if filters.level and filters.level not in Level.values:
        errors["level"] = _("Cấp thực hiện “%(level)s” không hợp lệ; dùng một trong: %(levels)s.") % {
            "level": filters.level[:40],
            "levels": ", ".join(Level.values),
        }
    online = None
    if filters.online:
        try:
            online = _online_values(filters.online)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    qs = (
        Procedure.objects.filter(current_version__isnull=False)
        .select_related("current_version__field")
        .defer("current_version__raw", "current_version__review_notes")
    )
    if filters.level:
        qs = qs.annotate(levels_text=Cast("current_version__levels", TextField())).filter(
            levels_text__contains=f'"{filters.level}"'
        )
    if filters.field:
        field = (
            ProcedureField.objects.filter(slug=filters.field).first()
            or ProcedureField.objects.filter(name__iexact=filters.field).first()
        )
        if field is None:
            raise ValidationError(
                {"field": _("Không có lĩnh vực “%(field)s”.") % {"field": filters.field[:100]}}
            )
        qs = qs.filter(current_version__field=field)
    if filters.agency:
        agency = org_services.agency_on(filters.agency, today())
        if agency is None:
            raise ValidationError(
                {
                    "agency": _("Không tìm thấy cơ quan có mã định danh “%(identifier)s” vào hôm nay.")
                    % {"identifier": filters.agency[:60]}
                }
            )
        qs = qs.filter(pk__in=services.assignments_on().filter(agency=agency).values("procedure_id"))
    if online is not None:
        qs = qs.filter(current_version__online_level__in=online)
    return qs


@router.get("/procedures", response=list[ProcedureItemOut], summary="Tìm kiếm, lọc thủ tục hành chính")
@paginate(BoundedLimitOffsetPagination)
def list_procedures(request, filters: Query[ProcedureFilters]):
    """Không có `q`: theo mã thủ tục. Có `q`: theo mức độ phù hợp (tìm không dấu, chịu lỗi gõ), tối đa 200 kết quả."""
    qs = _filtered(filters)
    if not (filters.q and filters.q.strip()):
        return qs.order_by("code")
    hits = search.search(filters.q, limit=200)
    if not hits:
        return []
    scores = {hit.procedure_id: hit.score for hit in hits}
    procedures = list(qs.filter(pk__in=scores))
    for procedure in procedures:
        procedure.score = scores[procedure.pk]
    procedures.sort(key=lambda p: (-p.score, p.code))
    return procedures


@router.get("/procedure-fields", response=list[ProcedureFieldOut], summary="Danh sách lĩnh vực thủ tục")
def list_fields(request):
    counts = dict(
        Procedure.objects.filter(current_version__isnull=False)
        .values_list("current_version__field")
        .annotate(n=Count("pk"))
        .values_list("current_version__field", "n")
    )
    fields = list(ProcedureField.objects.order_by("name"))
    for field in fields:
        field.procedures = counts.get(field.pk, 0)
    return fields


@router.get(
    "/procedures/{code}",
    response=ProcedureDetailOut,
    summary="Nội dung thủ tục (phiên bản có hiệu lực hôm nay hoặc tại ngày `on`)",
)
def get_procedure(
    request, code: str, on: str | None = Query(None, description="Ngày tra cứu YYYY-MM-DD (mặc định hôm nay)")
):
    day = parse_day(on) or today()
    procedure = Procedure.objects.filter(code=code).first()
    if procedure is None:
        raise Http404(_("Không có thủ tục mã “%(code)s”.") % {"code": code[:40]})
    version = (
        ProcedureVersion.objects.filter(procedure=procedure, state="published")
        .filter(valid_on_q(day))
        .order_by("-valid_from", "-number")
        .select_related("field")
        .defer("raw", "review_notes")
        .prefetch_related(
            Prefetch(
                "cases",
                queryset=ProcedureCase.objects.order_by("order").prefetch_related(
                    Prefetch("components", queryset=CaseComponent.objects.order_by("order"))
                ),
            ),
            Prefetch(
                "channel_options",
                queryset=ChannelOption.objects.order_by("order")
                .select_related("case")
                .prefetch_related("fees"),
            ),
            "legal_bases",
            "results",
        )
        .first()
    )
    if version is None:
        raise Http404(
            _("Thủ tục %(code)s không có phiên bản có hiệu lực vào ngày %(day)s.")
            % {"code": code, "day": f"{day:%d/%m/%Y}"}
        )
    assignments = (
        ProcedureAssignment.objects.filter(procedure=procedure)
        .filter(valid_on_q(day))
        .select_related("agency")
        .order_by("role", "agency__identifier")
    )
    return {
        "code": procedure.code,
        "on": day,
        "is_current": version.pk == procedure.current_version_id,
        "version": version.number,
        "valid_from": version.valid_from,
        "valid_to": version.valid_to,
        "decision_number": version.decision_number,
        "decision_date": version.decision_date,
        "name": version.name,
        "field": version.field.name if version.field_id else None,
        "levels": list(version.levels),
        **{
            name: getattr(version, name)
            for name in (
                "kind",
                "subjects",
                "competent_agency",
                "implementing_agency",
                "authorized_agency",
                "coordinating_agency",
                "receiving_place",
                "steps",
                "requirements",
                "related_procedures",
                "online_level",
                "non_boundary",
                "source_url",
            )
        },
        "cases": list(version.cases.all()),
        "channels": list(version.channel_options.all()),
        "legal_bases": list(version.legal_bases.all()),
        "results": list(version.results.all()),
        "processes": processes.valid_on(version, day),
        "agencies": [
            {
                "identifier": a.agency.identifier,
                "name": a.agency.name,
                "role": a.role,
                "valid_from": a.valid_from,
                "valid_to": a.valid_to,
            }
            for a in assignments
        ],
    }
