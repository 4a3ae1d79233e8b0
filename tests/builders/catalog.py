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

# A province's approved process for a 7-working-day procedure of Sở Tư pháp: the counter's reception and return at
# its two ends, the division's dispatch, appraisal and review, the director's signature, the clerk's issuing.
SIGNED_PROCESS = [
    ("Tiếp nhận, kiểm tra, chuyển hồ sơ", "COUNTER_OFFICER", 4, "working_hours", {"performer": "receiving"}),
    ("Phân công thụ lý", "DEPT_LEAD", 4, "working_hours", {"performer": "division"}),
    ("Thẩm định hồ sơ, dự thảo kết quả", "SPECIALIST", 4, "working_days", {"performer": "division"}),
    ("Xem xét, trình ký", "DEPT_LEAD", 4, "working_hours", {"performer": "division", "send_back_to": [3]}),
    (
        "Ký duyệt kết quả",
        "AGENCY_LEAD",
        4,
        "working_hours",
        {"performer": "leader", "needs_signature": True, "send_back_to": [3, 4]},
    ),
    ("Vào số, phát hành kết quả", "CLERK", 2, "working_hours", {"performer": "competent"}),
    ("Trả kết quả", "COUNTER_OFFICER", 2, "working_hours", {"performer": "receiving"}),
]

# the internal process a controller types on screen for ``make_procedure`` (7 working days = 56 working hours):
# 4 + 4 + 24 + 4 + 4 = 40 working hours, under the limit
FIVE_STEPS = [
    {
        "order": 1,
        "name": "Tiếp nhận, kiểm tra, chuyển hồ sơ",
        "role": "COUNTER_OFFICER",
        "performer": "receiving",
        "limit_amount": "4",
        "output": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01)",
    },
    {
        "order": 2,
        "name": "Phân công thụ lý",
        "role": "DEPT_LEAD",
        "performer": "division",
        "limit_amount": "4",
    },
    {
        "order": 3,
        "name": "Thẩm định hồ sơ, dự thảo kết quả",
        "role": "SPECIALIST",
        "performer": "division",
        "limit_amount": "3",
        "limit_unit": "working_days",
        "send_back_to": "2",
    },
    {
        "order": 4,
        "name": "Ký duyệt kết quả",
        "role": "AGENCY_LEAD",
        "performer": "leader",
        "limit_amount": "4",
        "needs_signature": True,
        "send_back_to": "3",
    },
    {
        "order": 5,
        "name": "Trả kết quả",
        "role": "COUNTER_OFFICER",
        "performer": "receiving",
        "limit_amount": "0,5",
        "limit_unit": "working_days",
        "notify_citizen": True,
    },
]


def steps_form(steps, *, initial_forms=0, prefix="buoc"):
    """The POST data of the controllers' step editor: a row per dict of ``steps`` (``DELETE=True`` ticks “Xóa
    bước”), the first ``initial_forms`` rows being the steps the page showed."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(steps)),
        f"{prefix}-INITIAL_FORMS": str(initial_forms),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "60",
    }
    for index, step in enumerate(steps):
        row = {"performer": "competent", "limit_unit": "working_hours", "unit": "", "send_back_to": ""} | step
        for name, value in row.items():
            if value is False or value is None:
                continue
            data[f"{prefix}-{index}-{name}"] = "on" if value is True else str(value)
    return data


# the internal process of a one-stop unit's ISO procedure document: reception at the counter, assignment, appraisal,
# review, signature, issue, return (7 working days in all), with send-backs from review and signature
SEVEN_STEPS = [
    (
        "Tiếp nhận, kiểm tra, chuyển hồ sơ",
        "COUNTER_OFFICER",
        4,
        "working_hours",
        {
            "performer": "receiving",
            "output": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01), Phiếu kiểm soát (Mẫu 06)",
        },
    ),
    ("Phân công thụ lý", "DEPT_LEAD", 4, "working_hours", {"performer": "division"}),
    (
        "Thẩm định hồ sơ, dự thảo kết quả",
        "SPECIALIST",
        4,
        "working_days",
        {"performer": "division", "send_back_to": [2], "output": "Tờ trình, dự thảo kết quả"},
    ),
    ("Xem xét, trình ký", "DEPT_LEAD", 4, "working_hours", {"performer": "division", "send_back_to": [3]}),
    (
        "Ký duyệt kết quả",
        "AGENCY_LEAD",
        4,
        "working_hours",
        {"performer": "leader", "needs_signature": True, "send_back_to": [3, 4], "output": "Kết quả đã ký"},
    ),
    ("Vào số, đóng dấu, phát hành kết quả", "CLERK", 4, "working_hours", {"performer": "competent"}),
    (
        "Trả kết quả cho tổ chức, cá nhân",
        "COUNTER_OFFICER",
        4,
        "working_hours",
        {"performer": "receiving", "output": "Sổ theo dõi hồ sơ (Mẫu 07)"},
    ),
]


def seven_step_process(province, *, publish=True, actor=None):
    """Procedure 1.004222 (7 working days, two legal bases, conditions) received at the province's centre and
    handled by Sở Tư pháp and its division, with the :data:`SEVEN_STEPS` process (published unless ``publish`` is
    false: then a draft)."""
    from motcua.catalog import processes
    from motcua.catalog.models import LegalBasis, ProcessStep

    version = draft_procedure(
        requirements="Công dân có chỗ ở hợp pháp.\n- Không thuộc trường hợp không được đăng ký thường trú mới.",
    )
    LegalBasis.objects.create(version=version, order=1, number="68/2020/QH14", title="Luật Cư trú")
    LegalBasis.objects.create(
        version=version,
        order=2,
        number="154/2024/NĐ-CP",
        title="Nghị định quy định chi tiết một số điều của Luật Cư trú",
    )
    version = services.publish(
        version,
        valid_from=dt.date(2025, 7, 1),
        decision_number="1523/QĐ-BCA-C06",
        decision_date=dt.date(2025, 6, 20),
    )
    services.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    services.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
    services.assign(version.procedure, province["division"], "handles", valid_from=dt.date(2025, 7, 1))
    process = processes.new_draft(version, actor=actor)
    process.code = "QT-STP-01"
    process.save(update_fields=["code"])
    for order, (name, role, amount, unit, more) in enumerate(SEVEN_STEPS, 1):
        ProcessStep.objects.create(
            process=process,
            order=order,
            name=name,
            role=role,
            limit_amount=Decimal(amount),
            limit_unit=unit,
            **more,
        )
    if not publish:
        process.refresh_from_db()
        return process
    return processes.publish(
        process,
        valid_from=dt.date(2025, 7, 1),
        decision_number="1234/QĐ-UBND",
        decision_date=dt.date(2025, 6, 25),
        decision_signer="Chủ tịch Ủy ban nhân dân tỉnh",
        actor=actor,
    )


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
