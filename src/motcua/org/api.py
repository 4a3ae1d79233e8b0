"""Organisation registry API: agencies and administrative units, read “as of a date”, and dated changes."""

import datetime as dt
from typing import Literal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate
from ninja.security import django_auth

from motcua.core.dated import today, valid_on_q
from motcua.core.inputs import BoundedLimitOffsetPagination, Day
from motcua.org import permissions, services
from motcua.org.models import AdministrativeUnit, AdministrativeUnitSuccession, Agency
from motcua.org.models.admin_unit import AdminLevel, AdminUnitKind
from motcua.org.models.agency import AgencyKind, AgencyLevel
from motcua.org.models.succession import SuccessionKind

router = Router(tags=["Tổ chức, đơn vị"])

AgencyKindCode = Literal[tuple(AgencyKind.values)]  # type: ignore[valid-type]
AgencyLevelCode = Literal[tuple(AgencyLevel.values)]  # type: ignore[valid-type]
AdminLevelCode = Literal[tuple(AdminLevel.values)]  # type: ignore[valid-type]
SuccessionKindCode = Literal[tuple(SuccessionKind.values)]  # type: ignore[valid-type]


class AgencyOut(Schema):
    id: int
    identifier: str = Field(description="Mã định danh điện tử (khóa có hiệu lực theo thời gian)")
    name: str
    short_name: str
    kind: str
    kind_label: str = Field(description="Tên loại cơ quan")
    level: str
    parent: str | None = Field(None, description="Mã định danh của cơ quan cấp trên")
    admin_unit: str | None = Field(None, description="Mã đơn vị hành chính của địa bàn")
    valid_from: dt.date
    valid_to: dt.date | None
    address: str
    phone: str
    email: str
    is_one_stop: bool = Field(description="Có bộ phận một cửa tiếp nhận hồ sơ")

    @staticmethod
    def resolve_kind_label(obj: Agency) -> str:
        return obj.get_kind_display()

    @staticmethod
    def resolve_parent(obj: Agency) -> str | None:
        return obj.parent.identifier if obj.parent_id else None

    @staticmethod
    def resolve_admin_unit(obj: Agency) -> str | None:
        return obj.admin_unit.code if obj.admin_unit_id else None


class SuccessionOut(Schema):
    identifier: str
    name: str
    kind: str
    effective_date: dt.date
    legal_basis: str


class AgencyDetailOut(AgencyOut):
    on: dt.date = Field(description="Ngày tra cứu")
    is_current: bool = Field(description="Mã định danh còn hiệu lực vào ngày tra cứu")
    current_agencies: list[AgencyOut] = Field(
        description="Cơ quan đang đảm nhiệm vào ngày tra cứu: chính cơ quan này, hoặc các cơ quan kế thừa"
    )
    predecessors: list[SuccessionOut]
    successors: list[SuccessionOut]
    working_hours: list[str] = Field(description="Các buổi làm việc vào ngày tra cứu, dạng HH:MM-HH:MM")

    @staticmethod
    def resolve_working_hours(obj: Agency) -> list[str]:
        return obj.sessions_on


class AgencyFilters(Schema):
    on: Day | None = Field(None, description="Ngày tra cứu (mặc định hôm nay)")
    kind: AgencyKindCode | None = None
    level: AgencyLevelCode | None = None
    parent: str | None = Field(None, description="Mã định danh cơ quan cấp trên")
    one_stop: bool | None = Field(None, description="Chỉ các bộ phận một cửa")
    q: str | None = Field(None, max_length=100, description="Tìm theo tên hoặc mã định danh")


class AgencyIn(Schema):
    identifier: str = Field(max_length=32)
    name: str = Field(min_length=2, max_length=255)
    short_name: str = Field("", max_length=100)
    kind: AgencyKindCode
    level: AgencyLevelCode
    parent: str | None = Field(None, description="Mã định danh cơ quan cấp trên (có hiệu lực tại valid_from)")
    admin_unit: str | None = Field(None, description="Mã đơn vị hành chính")
    valid_from: Day
    valid_to: Day | None = None
    address: str = Field("", max_length=300)
    phone: str = Field("", max_length=50)
    email: str = Field("", max_length=254)


class AgencyPatch(Schema):
    name: str | None = Field(None, min_length=2, max_length=255)
    short_name: str | None = Field(None, max_length=100)
    parent: str | None = None
    valid_to: Day | None = None
    address: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=50)
    email: str | None = Field(None, max_length=254)


class SuccessionIn(Schema):
    predecessors: list[str] = Field(min_length=1, description="Mã định danh các cơ quan cũ")
    successors: list[str] = Field(min_length=1, description="Mã định danh các cơ quan kế thừa")
    kind: SuccessionKindCode
    effective_date: Day
    legal_basis: str = Field(min_length=3, max_length=500)


class AdminUnitOut(Schema):
    id: int
    code: str
    name: str
    kind: str
    level: str
    parent: str | None = None
    valid_from: dt.date
    valid_to: dt.date | None

    @staticmethod
    def resolve_parent(obj: AdministrativeUnit) -> str | None:
        return obj.parent.code if obj.parent_id else None


class AdminUnitDetailOut(AdminUnitOut):
    predecessors: list[SuccessionOut]
    successors: list[SuccessionOut]


class AdminUnitFilters(Schema):
    on: Day | None = None
    level: AdminLevelCode | None = None
    parent: str | None = Field(None, description="Mã đơn vị hành chính cấp trên")
    q: str | None = Field(None, max_length=100)


def _require_manage(request, parent: Agency | None) -> None:
    user = request.user
    if user.is_superuser:
        return
    if parent is None or not permissions.can(user, permissions.MANAGE_REGISTRY.code, parent):
        raise PermissionDenied(
            _("Cần vai trò Quản trị hệ thống tại cơ quan cấp trên để thay đổi danh mục cơ quan.")
        )


def _agency_or_422(identifier: str, on: dt.date, field: str, label: str) -> Agency:
    """The agency bearing ``identifier`` on ``on``, else a 422 on ``field``; ``label`` names what was sought
    (already translated)."""
    agency = services.agency_on(identifier, on)
    if agency is None:
        raise ValidationError(
            {
                field: _("Không tìm thấy %(label)s có mã định danh “%(identifier)s” vào ngày %(day)s.")
                % {"label": label, "identifier": identifier, "day": f"{on:%d/%m/%Y}"}
            }
        )
    return agency


def _admin_unit_or_422(code: str, on: dt.date) -> AdministrativeUnit:
    unit = AdministrativeUnit.objects.filter(valid_on_q(on), code=code).first()
    if unit is None:
        raise ValidationError(
            {
                "admin_unit": _("Không tìm thấy đơn vị hành chính mã “%(code)s” vào ngày %(day)s.")
                % {"code": code, "day": f"{on:%d/%m/%Y}"}
            }
        )
    return unit


def _succession_rows(links, side: str) -> list[dict]:
    return [
        {
            "identifier": getattr(link, side).identifier,
            "name": getattr(link, side).name,
            "kind": link.kind,
            "effective_date": link.effective_date,
            "legal_basis": link.legal_basis,
        }
        for link in links
    ]


def _detail(agency: Agency, on: dt.date, current: list[Agency]) -> Agency:
    """Annotate ``agency`` with what the detail schema shows about it on ``on``."""
    agency.on = on
    agency.is_current = agency.is_valid_on(on)
    agency.current_agencies = current
    agency.predecessors = _succession_rows(agency.successions_in.select_related("predecessor"), "predecessor")
    agency.successors = _succession_rows(agency.successions_out.select_related("successor"), "successor")
    agency.sessions_on = [f"{a:%H:%M}-{b:%H:%M}" for a, b in services.working_hours_for(agency, on)]
    return agency


@router.get("/agencies", response=list[AgencyOut], summary="Danh sách cơ quan, đơn vị tại một ngày")
@paginate(BoundedLimitOffsetPagination)
def list_agencies(request, filters: Query[AgencyFilters]):
    on = filters.on or today()
    qs = services.agencies_on(on).select_related("parent", "admin_unit").order_by("identifier")
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.level:
        qs = qs.filter(level=filters.level)
    if filters.parent:
        qs = qs.filter(parent__identifier=filters.parent)
    if filters.one_stop is not None:
        from motcua.org.models.agency import ONE_STOP_KINDS

        qs = qs.filter(kind__in=ONE_STOP_KINDS) if filters.one_stop else qs.exclude(kind__in=ONE_STOP_KINDS)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(identifier__icontains=filters.q))
    return qs


@router.get(
    "/agencies/{identifier}",
    response=AgencyDetailOut,
    summary="Tra cứu cơ quan theo mã định danh (kể cả mã cũ đã sáp nhập)",
)
def get_agency(request, identifier: str, on: Day | None = None):
    on = on or today()
    resolution = services.resolve_agency(identifier, on)
    if resolution is None:
        raise Http404(
            _("Không có cơ quan nào mang mã định danh “%(identifier)s”.") % {"identifier": identifier}
        )
    return _detail(resolution.record, on, resolution.effective)


@router.post("/agencies", response={201: AgencyDetailOut}, auth=django_auth, summary="Thêm cơ quan, đơn vị")
def create_agency(request, payload: AgencyIn):
    parent = (
        _agency_or_422(payload.parent, payload.valid_from, "parent", _("cơ quan cấp trên"))
        if payload.parent
        else None
    )
    _require_manage(request, parent)
    admin_unit = _admin_unit_or_422(payload.admin_unit, payload.valid_from) if payload.admin_unit else None
    data = payload.dict(exclude={"parent", "admin_unit"})
    agency = services.save_agency(Agency(parent=parent, admin_unit=admin_unit, **data), actor=request.user)
    return Status(201, _detail(agency, payload.valid_from, [agency]))


@router.patch(
    "/agencies/{identifier}",
    response=AgencyDetailOut,
    auth=django_auth,
    summary="Sửa thông tin cơ quan có hiệu lực tại một ngày",
)
def update_agency(request, identifier: str, payload: AgencyPatch, on: Day | None = None):
    on = on or today()
    agency = services.agency_on(identifier, on)
    if agency is None:
        raise Http404(
            _("Không có cơ quan mang mã định danh “%(identifier)s” vào ngày %(day)s.")
            % {"identifier": identifier, "day": f"{on:%d/%m/%Y}"}
        )
    _require_manage(request, agency.parent or agency)
    changes = payload.dict(exclude_unset=True)
    if "parent" in changes:
        ident = changes.pop("parent")
        agency.parent = _agency_or_422(ident, on, "parent", _("cơ quan cấp trên")) if ident else None
    for name, value in changes.items():
        setattr(agency, name, value if value is not None or name == "valid_to" else getattr(agency, name))
    services.save_agency(agency, actor=request.user)
    return _detail(agency, on, [agency] if agency.is_valid_on(on) else services.successors_on(agency, on))


@router.post(
    "/agency-successions",
    response={201: list[SuccessionOut]},
    auth=django_auth,
    summary="Ghi nhận đổi tên, hợp nhất, chia tách cơ quan",
)
def create_succession(request, payload: SuccessionIn):
    eve = payload.effective_date - dt.timedelta(days=1)
    predecessors = [_agency_or_422(i, eve, "predecessors", _("cơ quan cũ")) for i in payload.predecessors]
    successors = [
        _agency_or_422(i, payload.effective_date, "successors", _("cơ quan kế thừa"))
        for i in payload.successors
    ]
    for agency in predecessors + successors:
        _require_manage(request, agency.parent or agency)
    links = services.record_succession(
        predecessors,
        successors,
        kind=payload.kind,
        effective_date=payload.effective_date,
        legal_basis=payload.legal_basis,
        actor=request.user,
    )
    return Status(201, _succession_rows(links, "successor"))


@router.get("/admin-units", response=list[AdminUnitOut], summary="Danh sách đơn vị hành chính tại một ngày")
@paginate(BoundedLimitOffsetPagination)
def list_admin_units(request, filters: Query[AdminUnitFilters]):
    on = filters.on or today()
    qs = AdministrativeUnit.objects.filter(valid_on_q(on)).select_related("parent").order_by("code")
    if filters.level:
        kinds = [k for k in AdminUnitKind.values if AdministrativeUnit(kind=k).level == filters.level]
        qs = qs.filter(kind__in=kinds)
    if filters.parent:
        qs = qs.filter(parent__code=filters.parent)
    if filters.q:
        qs = qs.filter(Q(name__icontains=filters.q) | Q(code=filters.q))
    return qs


@router.get("/admin-units/{code}", response=AdminUnitDetailOut, summary="Tra cứu đơn vị hành chính theo mã")
def get_admin_unit(request, code: str, on: Day | None = None):
    on = on or today()
    units = AdministrativeUnit.objects.filter(code=code).select_related("parent")
    unit = (
        units.filter(valid_on_q(on)).first()
        or units.filter(valid_from__lte=on).order_by("-valid_from").first()
    )
    if unit is None:
        raise Http404(_("Không có đơn vị hành chính mã “%(code)s”.") % {"code": code})
    links_in = AdministrativeUnitSuccession.objects.filter(successor=unit).select_related("predecessor")
    links_out = AdministrativeUnitSuccession.objects.filter(predecessor=unit).select_related("successor")
    unit.predecessors = [_unit_link(link, "predecessor") for link in links_in]
    unit.successors = [_unit_link(link, "successor") for link in links_out]
    return unit


def _unit_link(link, side: str) -> dict:
    other = getattr(link, side)
    return {
        "identifier": other.code,
        "name": other.name,
        "kind": link.kind,
        "effective_date": link.effective_date,
        "legal_basis": link.legal_basis,
    }
