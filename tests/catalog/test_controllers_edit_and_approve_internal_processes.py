"""TTHC controllers draft an internal process on screen, edit its steps, see what stops its approval (the shares
exceed the legal time limit), and approve it under its decision; every write is audited. A published process is
read-only; bad input keeps what was typed and changes nothing; other officers are refused."""

import datetime as dt
from decimal import Decimal

import pytest

from motcua.catalog.choices import VersionState
from motcua.catalog.models import InternalProcess, ProcessStep
from motcua.core.models import AuditEntry
from tests.builders.catalog import FIVE_STEPS, THREE_STEPS, steps_form

pytestmark = pytest.mark.django_db

PAGE = "/kiem-soat-tthc/1.004222/"


def steps_of(process):
    return list(
        ProcessStep.objects.filter(process=process)
        .order_by("order")
        .values_list("order", "name", "role", "limit_amount", "limit_unit", "send_back_to")
    )


def test_controller_drafts_edits_and_approves_a_process(client, staff, make_procedure, province):
    version = make_procedure(steps=THREE_STEPS)
    in_force = InternalProcess.objects.get(version=version)
    controller = staff["controller"]
    client.force_login(controller)

    page = client.get(PAGE).content.decode()
    assert "Quy trình nội bộ" in page and "12/QĐ-STP" in page and "Giám đốc Sở Tư pháp" in page
    assert "Tạo dự thảo quy trình" in page

    response = client.post(f"{PAGE}quy-trinh/du-thao/", {"level": ""})
    draft = InternalProcess.objects.get(version=version, state=VersionState.DRAFT)
    assert response.status_code == 302 and response["Location"] == f"{PAGE}quy-trinh/{draft.pk}/"
    assert [s[1] for s in steps_of(draft)] == [
        name for name, *_ in THREE_STEPS
    ]  # copied from the one in force
    assert AuditEntry.objects.filter(action="create", actor=controller, object_id=str(draft.pk)).exists()
    editor = client.get(response["Location"]).content.decode()
    assert "Sửa các bước" in editor and "Phê duyệt quy trình" in editor
    assert "Tổng thời gian các bước: <strong>36 giờ làm việc</strong>" in editor  # 4 + 24 + 8
    assert "7 ngày làm việc (56 giờ làm việc)" in editor

    # five steps replace the three (the old rows: the first three edited, two rows added)
    saved = client.post(f"{PAGE}quy-trinh/{draft.pk}/cac-buoc/", steps_form(FIVE_STEPS, initial_forms=3))
    assert saved.status_code == 302
    assert steps_of(draft) == [
        (1, "Tiếp nhận, kiểm tra, chuyển hồ sơ", "COUNTER_OFFICER", Decimal(4), "working_hours", []),
        (2, "Phân công thụ lý", "DEPT_LEAD", Decimal(4), "working_hours", []),
        (3, "Thẩm định hồ sơ, dự thảo kết quả", "SPECIALIST", Decimal(3), "working_days", [2]),
        (4, "Ký duyệt kết quả", "AGENCY_LEAD", Decimal(4), "working_hours", [3]),
        (5, "Trả kết quả", "COUNTER_OFFICER", Decimal("0.5"), "working_days", []),
    ]
    assert ProcessStep.objects.get(process=draft, order=4).needs_signature
    edit = AuditEntry.objects.get(action="update", actor=controller, object_id=str(draft.pk))
    before, after = edit.changes["steps"]
    assert len(before) == 3 and len(after) == 5 and after[4]["limit_amount"] == "0,5"
    assert steps_of(in_force)[1][1] == "Thẩm định hồ sơ"  # the process in force is untouched

    # the specialist's share grows to 7 working days: saved as a draft, but the page says why it cannot be approved
    too_long = [dict(FIVE_STEPS[2], limit_amount="7") if s["order"] == 3 else s for s in FIVE_STEPS]
    assert (
        client.post(
            f"{PAGE}quy-trinh/{draft.pk}/cac-buoc/", steps_form(too_long, initial_forms=5)
        ).status_code
        == 302
    )
    page = client.get(f"{PAGE}quy-trinh/{draft.pk}/").content.decode()
    assert "Dự thảo đã lưu nhưng chưa thể phê duyệt" in page and "Quy trình chưa thể phê duyệt" in page
    assert "Tổng thời gian các bước (72 giờ làm việc) vượt thời hạn giải quyết theo quy định" in page
    decision = {
        "valid_from": "01/04/2026",
        "decision_number": "45/QĐ-UBND",
        "decision_date": "20/03/2026",
        "decision_signer": "Chủ tịch UBND tỉnh",
    }
    refused = client.post(f"{PAGE}quy-trinh/{draft.pk}/phe-duyet/", decision)
    assert refused.status_code == 400
    assert "vượt thời hạn giải quyết theo quy định" in refused.content.decode()
    assert 'value="45/QĐ-UBND"' in refused.content.decode()  # what was typed is kept
    draft.refresh_from_db()
    assert draft.state == VersionState.DRAFT and draft.decision_number == ""

    client.post(f"{PAGE}quy-trinh/{draft.pk}/cac-buoc/", steps_form(FIVE_STEPS, initial_forms=5))
    approved = client.post(f"{PAGE}quy-trinh/{draft.pk}/phe-duyet/", decision)
    assert approved.status_code == 302
    draft.refresh_from_db()
    in_force.refresh_from_db()
    assert (
        draft.state,
        draft.valid_from,
        draft.decision_number,
        draft.decision_date,
        draft.decision_signer,
    ) == (
        VersionState.PUBLISHED,
        dt.date(2026, 4, 1),
        "45/QĐ-UBND",
        dt.date(2026, 3, 20),
        "Chủ tịch UBND tỉnh",
    )
    assert in_force.valid_to == dt.date(2026, 3, 31)
    assert AuditEntry.objects.filter(action="publish", actor=controller, object_id=str(draft.pk)).exists()
    page = client.get(approved["Location"]).content.decode()
    assert "Đã phê duyệt quy trình phiên bản 2 theo quyết định 45/QĐ-UBND" in page
    assert "buoc-0-name" not in page and "Chủ tịch UBND tỉnh" in page


def test_a_published_process_is_read_only(client, staff, make_procedure):
    version = make_procedure(steps=THREE_STEPS)
    process = InternalProcess.objects.get(version=version)
    before, audits = steps_of(process), AuditEntry.objects.count()
    client.force_login(staff["controller"])
    page = client.get(f"{PAGE}quy-trinh/{process.pk}/").content.decode()
    assert "Thẩm định hồ sơ" in page and "Sửa các bước" not in page and 'name="buoc-0-name"' not in page
    edit = client.post(f"{PAGE}quy-trinh/{process.pk}/cac-buoc/", steps_form(FIVE_STEPS, initial_forms=3))
    assert edit.status_code == 409
    assert "Quy trình đã công bố không được sửa" in edit.content.decode()
    again = client.post(
        f"{PAGE}quy-trinh/{process.pk}/phe-duyet/",
        {
            "valid_from": "01/04/2026",
            "decision_number": "1/QĐ",
            "decision_date": "01/03/2026",
            "decision_signer": "X",
        },
    )
    assert again.status_code == 409
    process.refresh_from_db()
    assert steps_of(process) == before and process.decision_number == "12/QĐ-STP"
    assert process.valid_from == dt.date(2025, 7, 1) and AuditEntry.objects.count() == audits
    assert client.get(f"{PAGE}quy-trinh/{process.pk}/cac-buoc/").status_code == 405


def test_bad_steps_are_shown_next_to_their_fields_and_change_nothing(client, staff, make_procedure):
    make_procedure(steps=THREE_STEPS)
    client.force_login(staff["controller"])
    client.post(f"{PAGE}quy-trinh/du-thao/", {"level": "commune"})
    draft = InternalProcess.objects.get(state=VersionState.DRAFT)
    assert draft.level == "commune" and len(steps_of(draft)) == 3  # the process for every level, copied
    before, audits = steps_of(draft), AuditEntry.objects.count()
    rows = [dict(s) for s in FIVE_STEPS]
    rows[1]["limit_amount"] = "bốn giờ"
    rows[2]["send_back_to"] = "2, 4"  # step 4 comes after step 3
    rows[3]["order"] = "3"  # two steps numbered 3
    rows[4]["role"] = ""
    response = client.post(f"{PAGE}quy-trinh/{draft.pk}/cac-buoc/", steps_form(rows, initial_forms=3))
    assert response.status_code == 422
    page = response.content.decode()
    assert "field-error" in page
    assert 'value="bốn giờ"' in page and 'value="2, 4"' in page  # what was typed is kept
    assert "Hai bước không được cùng số thứ tự 3." in page
    assert "Chỉ trả lại được về một bước trước bước này (không có bước 4)." in page
    assert "Vai trò thực hiện" in page and "This field is required" not in page
    assert steps_of(draft) == before and AuditEntry.objects.count() == audits


def test_rows_are_removed_and_empty_rows_ignored(client, staff, make_procedure):
    make_procedure(steps=THREE_STEPS)
    client.force_login(staff["controller"])
    client.post(f"{PAGE}quy-trinh/du-thao/", {"level": ""})
    draft = InternalProcess.objects.get(state=VersionState.DRAFT)
    rows = [
        {"order": 1, "name": "Phân công thụ lý", "role": "DEPT_LEAD", "limit_amount": "4"},
        {
            "order": 2,
            "name": "Thẩm định hồ sơ",
            "role": "SPECIALIST",
            "limit_amount": "3",
            "limit_unit": "working_days",
            "DELETE": True,
        },
        {
            "order": 3,
            "name": "Ký duyệt kết quả",
            "role": "AGENCY_LEAD",
            "limit_amount": "1",
            "limit_unit": "working_days",
            "send_back_to": "1",
        },
        {"order": 4},  # an empty row left as the page showed it
    ]
    assert (
        client.post(f"{PAGE}quy-trinh/{draft.pk}/cac-buoc/", steps_form(rows, initial_forms=3)).status_code
        == 302
    )
    assert [s[:2] for s in steps_of(draft)] == [(1, "Phân công thụ lý"), (3, "Ký duyệt kết quả")]


def test_the_process_page_costs_the_same_whatever_its_steps(
    client, staff, make_procedure, django_assert_max_num_queries
):
    make_procedure(steps=THREE_STEPS)
    client.force_login(staff["controller"])
    client.post(f"{PAGE}quy-trinh/du-thao/", {"level": ""})
    draft = InternalProcess.objects.get(state=VersionState.DRAFT)
    url = f"{PAGE}quy-trinh/{draft.pk}/"
    with django_assert_max_num_queries(10) as three:
        assert client.get(url).status_code == 200
    three = len(three)  # counted now: the next request starts a new log
    client.post(f"{PAGE}quy-trinh/{draft.pk}/cac-buoc/", steps_form(FIVE_STEPS, initial_forms=3))
    with django_assert_max_num_queries(three):  # five steps cost what three did
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(PAGE).status_code == 200


def test_other_officers_are_refused(client, staff, make_procedure):
    version = make_procedure(steps=THREE_STEPS)
    process = InternalProcess.objects.get(version=version)
    client.force_login(staff["counter"])
    assert client.get(f"{PAGE}quy-trinh/{process.pk}/").status_code == 403
    assert client.post(f"{PAGE}quy-trinh/du-thao/", {"level": ""}).status_code == 403
    assert client.post(f"{PAGE}quy-trinh/{process.pk}/cac-buoc/", steps_form(FIVE_STEPS)).status_code == 403
    assert client.post(f"{PAGE}quy-trinh/{process.pk}/phe-duyet/", {}).status_code == 403
    assert InternalProcess.objects.count() == 1 and len(steps_of(process)) == 3
