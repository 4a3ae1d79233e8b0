"""Builders for catalogue tests: a procedure with one published version, made through the real services."""

import datetime as dt
import io
from decimal import Decimal

from motcua.catalog import services
from motcua.catalog.models import CaseComponent, ChannelOption, Fee, Procedure, ProcedureCase, ProcedureField


def draft_procedure(
    code="1.004222", name="Đăng ký thường trú", field_name="Đăng ký, quản lý cư trú", **fields
):
    field, _ = ProcedureField.objects.get_or_create(
        name=field_name, defaults={"slug": field_name.lower().replace(" ", "-")}
    )
    procedure, _ = Procedure.objects.get_or_create(code=code)
    version = services.new_draft(procedure, name=name, field=field, levels=["commune"], **fields)
    case = ProcedureCase.objects.create(version=version, order=1, name="")
    CaseComponent.objects.create(
        case=case, order=1, name="Tờ khai thay đổi thông tin cư trú (Mẫu CT01)", originals=1, form_name="CT01"
    )
    CaseComponent.objects.create(
        case=case, order=2, name="Giấy tờ chứng minh chỗ ở hợp pháp", originals=0, copies=1
    )
    option = ChannelOption.objects.create(
        version=version, order=1, channel="1", limit_amount=Decimal(7), limit_unit="working_days"
    )
    Fee.objects.create(option=option, order=1, kind="le_phi", amount=20000, note="Miễn cho người có công")
    online = ChannelOption.objects.create(
        version=version, order=2, channel="2", limit_amount=Decimal(7), limit_unit="working_days"
    )
    Fee.objects.create(option=online, order=1, kind="le_phi", amount=10000)
    return version


def published_procedure(valid_from=dt.date(2025, 7, 1), **kwargs):
    version = draft_procedure(**kwargs)
    return services.publish(
        version, valid_from=valid_from, decision_number="1523/QĐ-BCA-C06", decision_date=dt.date(2025, 6, 20)
    )


# an internal process of three steps ``(name, role, amount, unit)`` for ``make_procedure(steps=…)``: assignment by
# the division lead (4 working hours), examination by the specialist (3 working days), signature (1 working day)
THREE_STEPS = [
    ("Phân công thụ lý", "DEPT_LEAD", 4, "working_hours"),
    ("Thẩm định hồ sơ", "SPECIALIST", 3, "working_days"),
    ("Ký duyệt kết quả", "AGENCY_LEAD", 1, "working_days"),
]


# -- spreadsheets of internal processes (motcua.catalog.importing.processes) ------------------------------------------

# the steps of a process of 1.004222 as officers write them: (step, content, role, performer, unit, amount, time
# unit, signs, tells the citizen, send back to, output); 4 h + 4 h + 4 d + 1 d + 4 h + 4 h = 7 working days
# fmt: off
PROCESS_STEPS = [
    (1, "Tiếp nhận, kiểm tra, chuyển hồ sơ", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "", "", "Mẫu 01"),
    (2, "Phân công thụ lý", "Lãnh đạo phòng", "Phòng chuyên môn", "000.01.03.H56", 4, "giờ", "", "", "", ""),
    (3, "Thẩm định hồ sơ, dự thảo kết quả", "Chuyên viên", "Phòng chuyên môn", "", 4, "ngày", "", "", "2", ""),
    (4, "Ký duyệt kết quả", "Lãnh đạo cơ quan", "Lãnh đạo", "", 1, "ngày", "x", "", "3", ""),
    (5, "Vào số, phát hành kết quả", "Văn thư", "Cơ quan giải quyết", "", 4, "giờ", "", "", "", ""),
    (6, "Trả kết quả", "Công chức một cửa", "Bộ phận một cửa", "", 4, "giờ", "", "x", "", ""),
]
# fmt: on


def process_rows(
    steps=PROCESS_STEPS,
    *,
    code="1.004222",
    level="xã",
    decision="12/QĐ-UBND",
    decision_date="20/06/2025",
    signer="Phó Chủ tịch UBND tỉnh",
    valid_from="01/07/2025",
    iso_code="QT-01",
    header=True,
):
    """Rows of the import layout (the header row first unless ``header=False``) for one process."""
    from motcua.catalog.importing.processes import HEADERS

    rows = [list(HEADERS)] if header else []
    rows += [[code, level, iso_code, decision, decision_date, signer, valid_from, *step] for step in steps]
    return rows


def process_workbook(rows) -> io.BytesIO:
    """An .xlsx in memory with ``rows`` on its first sheet, named like an upload."""
    from motcua.catalog.importing.processes import write_sample

    buffer = io.BytesIO()
    write_sample(buffer, rows)
    buffer.seek(0)
    buffer.name = "quy_trinh.xlsx"
    return buffer
