"""Reports API: Biểu 06 of a unit and its subunits for a period, as JSON.

Authentication: ``Authorization: Bearer <key>`` or the web session. The caller must hold ``reports.view`` in the
unit or one of the units above it. Parameters are checked one by one: any error answers 422 with the parameter
and the reason, and nothing is computed.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.security import django_auth
from pydantic import create_model

from motcua.core.problems import MessageOut, ValidationErrorOut
from motcua.core.tokens import token_auth
from motcua.org.permissions import Access
from motcua.reports.forms import reportable_units
from motcua.reports.services import bieu06, params, rollup
from motcua.reports.services.units import Registry

router = Router(tags=["Báo cáo, thống kê"], auth=[token_auth, django_auth])


class Bieu06Query(Schema):
    unit: str | None = Field(None, description="Mã định danh của đơn vị (gồm cả các đơn vị trực thuộc)")
    from_: str | None = Field(None, alias="from", description="Ngày đầu kỳ, YYYY-MM-DD")
    to: str | None = Field(None, description="Ngày cuối kỳ, YYYY-MM-DD")
    period: str | None = Field(
        None, description="Thay cho from/to: YYYY-MM (tháng), YYYY-Qn (quý), YYYY-Hn (6 tháng), YYYY (năm)"
    )
    window: str | None = Field(
        None, description="calendar (mặc định: theo lịch) hoặc nd09 (kỳ báo cáo ngày 15 đến ngày 14)"
    )
    mapping: str | None = Field(
        None, description="then (mặc định: như tại thời điểm đó) hoặc today (quy đổi theo đơn vị hiện nay)"
    )
    variant: str | None = Field(
        None,
        description="agency (mặc định: Biểu 06) hoặc centre (Biểu II.06a, hồ sơ tiếp nhận tại Trung tâm)",
    )


class ColumnOut(Schema):
    key: str
    number: int
    label: str
    group: str
    subgroup: str


class _RowLabels(Schema):
    stt: str
    label: str
    kind: str = Field(description="total (tổng số), level (cấp), field (lĩnh vực)")


# A row: its labels, then one whole number per column of ``bieu06.COLUMNS`` (c3 … c13), in their order.
RowOut = create_model("RowOut", __base__=_RowLabels, **{key: (int, ...) for key in bieu06.KEYS})


class UnitOut(Schema):
    identifier: str
    name: str


class PeriodOut(Schema):
    start: dt.date = Field(alias="from")
    end: dt.date = Field(alias="to")
    code: str
    name: str
    window: str
    through: dt.date = Field(description="Ngày cuối cùng có số liệu (hôm nay nếu kỳ chưa kết thúc)")
    due: dt.date | None = Field(None, description="Hạn gửi báo cáo (kỳ theo Nghị định 09/2019/NĐ-CP)")


class Bieu06Out(Schema):
    form: str
    title: str
    unit: UnitOut
    recipient: str
    period: PeriodOut
    mapping: str
    variant: str
    columns: list[ColumnOut]
    rows: list[RowOut]
    identities_hold: bool
    figures_as_of: dt.datetime = Field(
        description="Số liệu đã gồm mọi thay đổi đến thời điểm này (số liệu tổng hợp được cập nhật vài giây sau mỗi "
        "thao tác trên hồ sơ; giống dòng “Số liệu đến …” trên màn hình báo cáo)"
    )


@router.get(
    "/reports/bieu06",
    response={200: Bieu06Out, 401: MessageOut, 403: MessageOut, 422: ValidationErrorOut},
    by_alias=True,
    summary="Biểu số 06/VPCP/KSTT: tình hình, kết quả giải quyết TTHC của một đơn vị và các đơn vị trực thuộc",
    description=(
        "13 cột theo Thông tư 01/2020/TT-VPCP (c3 … c13; c1 là STT, c2 là tên dòng), các dòng: tổng số, từng cấp "
        "(tỉnh, huyện, xã, ngành dọc), từng lĩnh vực. Kỳ: `from` và `to`, hoặc `period` (2026-Q1…) với `window` "
        "calendar hoặc nd09. Đúng hạn, quá hạn so với ngày hẹn trả ban đầu, theo ngày. Tham số sai: 422, nêu tên "
        "tham số và lý do."
    ),
)
def bieu06_report(request, query: Query[Bieu06Query]):
    registry = Registry.load()
    try:
        asked = params.parse(
            registry,
            unit=query.unit,
            start=query.from_,
            end=query.to,
            period=query.period,
            window=query.window,
            mapping=query.mapping,
            variant=query.variant,
        )
    except params.ParamError as error:
        raise ValidationError(error.errors) from None
    allowed = reportable_units(Access.of(request.user), registry)
    if asked.unit.pk not in allowed:
        raise PermissionDenied(
            _(
                "Bạn không có quyền xem báo cáo của %(unit)s (cần vai trò lãnh đạo, kiểm soát TTHC tại đơn vị)."
            )
            % {"unit": asked.unit.name}
        )
    as_of = rollup.current_as_of(timezone.now())  # before the figures are read, as the report pages do
    report = bieu06.build(
        asked.unit, asked.period, mapping=asked.mapping, variant=asked.variant, registry=registry
    )
    period = report.period
    return {
        "form": report.form_number,
        "title": report.title,
        "unit": {"identifier": report.unit.identifier, "name": report.unit.name},
        "recipient": report.recipient,
        "period": {
            "from": period.start,
            "to": period.end,
            "code": period.code,
            "name": period.name(),
            "window": period.window,
            "through": report.through,
            "due": period.due_date(),
        },
        "mapping": report.mapping,
        "variant": report.variant,
        "columns": [
            {
                "key": c.key,
                "number": c.number,
                "label": str(c.label),
                "group": str(c.group),
                "subgroup": str(c.subgroup),
            }
            for c in bieu06.COLUMNS
        ],
        "rows": [row.as_dict() for row in report.rows],
        "identities_hold": not report.broken_identities(),
        "figures_as_of": as_of,
    }
