"""Sample values of a form (the shape of ``services.snapshot``): used to check a template before it is saved and
to preview it in the admin, without a real dossier."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from motcua.documents import official_forms
from motcua.documents.layout import build
from motcua.documents.render.codes import tracking_url
from motcua.documents.services.snapshot import form_header, moment

SAMPLE_CODE = "000.00.03.H56-260309-0001"


def sample(spec: official_forms.FormSpec) -> dict:
    tz = timezone.get_default_timezone()
    received = dt.datetime(2026, 3, 9, 9, 15, tzinfo=tz)
    due = dt.datetime(2026, 3, 18, 9, 15, tzinfo=tz)
    person = {
        "name": "Trần Thị Bình",
        "is_citizen": True,
        "title": "Ông/Bà",
        "kind": "Công dân",
        "id_label": "Số định danh cá nhân",
        "id_number": "038190001234",
        "birth_date": "05/09/1990",
        "address": "Phường Hạc Thành, tỉnh Thanh Hóa",
        "phone": "0912345678",
        "email": "",
    }
    unit = {
        "name": "Trung tâm Phục vụ hành chính công tỉnh",
        "name_upper": "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
        "parent": "UBND tỉnh Thanh Hóa",
        "parent_upper": "UBND TỈNH THANH HÓA",
        "identifier": "000.00.02.H56",
        "place": "Thanh Hóa",
        "address": "",
        "phone": "0237 3 720 999",
        "email": "",
    }
    handling = dict(unit, name="Sở Tư pháp", name_upper="SỞ TƯ PHÁP", identifier="000.00.03.H56")
    return {
        "form": form_header(spec),
        "dossier": {
            "code": SAMPLE_CODE,
            "reference": "HS-260309-1A2B3C4D",
            "code_or_reference": SAMPLE_CODE,
            "summary": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
            "procedure_name": "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
            "procedure_code": "1.004222",
            "case_name": "",
            "channel": "Trực tiếp",
            "delivery": "Nhận tại bộ phận một cửa",
            "is_postal_delivery": False,
            "sets": "1",
            "limit": "7 ngày làm việc",
            "limit_unit": "Ngày làm việc",
            "submitted": moment(received),
            "received": moment(received),
            "due": moment(due),
            "original_due": moment(due),
            "status": "Đang xử lý",
        },
        "applicant": person,
        "representative": "",
        "submitter": person,
        "receiving": unit,
        "handling": handling,
        "unit": unit,
        "components": [
            {"no": "1", "name": "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "originals": "1", "copies": "0"},
            {"no": "2", "name": "Bản chụp căn cước công dân", "originals": "0", "copies": "1"},
        ],
        "tracking_url": tracking_url(SAMPLE_CODE),
        "issued": moment(received),
        "officer": {"name": "Nguyễn Văn An", "role": "COUNTER_OFFICER"},
        "action": "Tiếp nhận tại bộ phận một cửa",
        "reason": "Thiếu bản sao giấy khai sinh.",
        "items": ["Bổ sung bản sao giấy khai sinh."],
        "number": "",
        "at_reception": True,
        "book": {"volume": "2026", "number": "1"},
        "apology": {
            "previous_due": moment(due),
            "new_due": moment(due + dt.timedelta(days=5)),
            "signer": "Lê Văn Cường",
        },
        "rows": [
            {
                "no": "1",
                "action": "Chuyển hồ sơ đến cơ quan giải quyết",
                "from": unit["name"],
                "to": handling["name"],
                "at": moment(received + dt.timedelta(hours=1)),
                "actor": "Nguyễn Văn An",
                "step_due": moment(due),
                "result": "Đúng hạn",
                "note": "",
            }
        ],
        "partners": [],
    }


def check_layout(spec: official_forms.FormSpec, layout: str) -> None:
    """Raise LayoutError if ``layout`` cannot be rendered and read with sample values of ``spec``."""
    build(layout, sample(spec))
