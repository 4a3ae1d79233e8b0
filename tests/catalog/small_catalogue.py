"""A few procedures published through the real services (and indexed by the search signals)."""

import datetime as dt

from motcua.catalog import services
from motcua.catalog.choices import AssignmentRole, Channel, LimitUnit
from motcua.catalog.models import (
    CaseComponent,
    ChannelOption,
    Fee,
    LegalBasis,
    Procedure,
    ProcedureCase,
    ProcedureField,
    ResultDocument,
)

V1 = dt.date(2024, 1, 1)
V2 = dt.date(2025, 7, 1)


def publish_procedure(
    code,
    name,
    field,
    *,
    levels,
    online_level="information",
    valid_from=V1,
    fee=0,
    days="5",
    procedure=None,
    copy_from=None,
):
    procedure = procedure or Procedure.objects.create(code=code)
    if copy_from is not None:
        version = services.new_draft(procedure, copy_from=copy_from, name=name)
    else:
        version = services.new_draft(
            procedure,
            name=name,
            field=field,
            levels=levels,
            online_level=online_level,
            subjects="Công dân Việt Nam",
            steps="Bước 1: Nộp hồ sơ tại bộ phận một cửa.",
        )
        case = ProcedureCase.objects.create(version=version, order=1, name="")
        CaseComponent.objects.create(case=case, order=1, name="Tờ khai theo mẫu", originals=1)
        option = ChannelOption.objects.create(
            version=version,
            order=1,
            channel=Channel.DIRECT,
            limit_amount=days,
            limit_unit=LimitUnit.WORKING_DAYS,
        )
        Fee.objects.create(option=option, order=1, amount=fee)
        LegalBasis.objects.create(version=version, order=1, title="Luật Cư trú", number="68/2020/QH14")
        ResultDocument.objects.create(
            version=version, order=1, name="Thông báo kết quả", code="KQ.G01.000001"
        )
    services.publish(version, valid_from=valid_from, decision_number="QĐ 1/2024")
    procedure.refresh_from_db()
    return procedure


def build(province):
    residence = ProcedureField.objects.create(name="Đăng ký, quản lý cư trú", slug="cu-tru", code="G09")
    civil = ProcedureField.objects.create(name="Hộ tịch", slug="ho-tich", code="G01")
    building = ProcedureField.objects.create(name="Hoạt động xây dựng", slug="xay-dung", code="G10")
    permanent = publish_procedure(
        "1.004222", "Đăng ký thường trú", residence, levels=["commune"], online_level="full"
    )
    publish_procedure("1.004194", "Đăng ký tạm trú", residence, levels=["commune"], online_level="partial")
    birth = publish_procedure("1.001193", "Thủ tục đăng ký khai sinh", civil, levels=["commune"], fee=8000)
    publish_procedure(
        "1.000894", "Thủ tục đăng ký kết hôn", civil, levels=["commune"], online_level="partial"
    )
    publish_procedure(
        "1.013225",
        "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        building,
        levels=["province", "commune"],
    )
    # A second version of “Đăng ký thường trú” in force from 01/7/2025.
    publish_procedure(
        "1.004222",
        "Đăng ký thường trú (sửa đổi)",
        residence,
        levels=["commune"],
        valid_from=V2,
        procedure=permanent,
        copy_from=permanent.current_version,
    )
    services.assign(birth, province["commune_a"], AssignmentRole.HANDLES, valid_from=V1)
    services.assign(
        Procedure.objects.get(code="1.000894"), province["commune_b"], AssignmentRole.HANDLES, valid_from=V1
    )
