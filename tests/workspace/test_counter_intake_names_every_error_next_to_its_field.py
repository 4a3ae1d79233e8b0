"""An invalid submission saves nothing and names every problem next to its field (``aria-invalid``,
``aria-describedby`` pointing at the message) with a summary at the top linking to the fields: a component outside
the case's checklist, a case of another procedure, a bad personal ID, a refusal without its reason (T4)."""

import datetime as dt
import re

import pytest

from motcua.dossiers.models import Applicant, DailyCounter, Dossier, DossierComponent, ProcessLogEntry
from tests.builders.catalog import published_procedure
from tests.builders.dossiers import counter_form
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db


def nothing_saved() -> bool:
    return all(
        m.objects.count() == 0 for m in (Dossier, Applicant, DossierComponent, ProcessLogEntry, DailyCounter)
    )


def submit(client, data) -> str:
    response = client.post(URL, data)
    assert response.status_code == 200  # the form again, not a redirect
    assert nothing_saved()
    return response.content.decode()


def field_error(html: str, field_id: str, message: str) -> None:
    """The widget ``field_id`` is marked invalid and described by the error block holding ``message``."""
    widget = re.search(rf'<(?:input|select|textarea)[^>]*\bid="{field_id}"[^>]*>', html)
    assert widget, field_id
    assert 'aria-invalid="true"' in widget.group(0)
    described = re.search(r'aria-describedby="([^"]*)"', widget.group(0)).group(1).split()
    error_id = next(i for i in described if i.endswith("error"))
    block = re.search(rf'<div class="field-error" id="{error_id}">(.*?)</div>', html, re.S)
    assert block and message in block.group(1), (field_id, message)


def summary(html: str) -> str:
    block = re.search(r'<div class="intake-summary"[^>]*role="alert"[^>]*>(.*?)</div>', html, re.S)
    assert block, "no error summary"
    return block.group(1)


def test_a_bad_personal_id_is_named_next_to_the_field(signed_in, officers, procedure):
    html = submit(signed_in(officers["counter"]), counter_form(procedure, applicant_id_number="03819000123"))
    field_error(
        html,
        "id_applicant_id_number",
        "Số định danh cá nhân phải gồm đúng 12 chữ số 0–9, không có chữ, dấu cách hay ký tự khác.",
    )
    assert 'href="#id_applicant_id_number"' in summary(html)
    assert "Hồ sơ chưa được lưu: có 1 lỗi cần sửa" in html


def test_a_component_outside_the_checklist(signed_in, officers, procedure):
    other = published_procedure(code="1.000001", name="Thủ tục khác", valid_from=dt.date(2025, 7, 1))
    foreign = other.cases.get().components.first().pk
    listed = procedure.cases.get().components.first().pk
    html = submit(signed_in(officers["counter"]), counter_form(procedure, components=[listed, foreign]))
    message = f"Chỉ được yêu cầu các thành phần hồ sơ đã công bố của trường hợp này (không có: {foreign})."
    block = re.search(r'<div class="field-error" id="intake-components-error">(.*?)</div>', html, re.S)
    assert block and message in block.group(1)
    checkbox = re.search(rf'<input type="checkbox" name="components" value="{listed}"[^>]*>', html).group(0)
    assert (
        'aria-invalid="true"' in checkbox and "intake-components-error" in checkbox and "checked" in checkbox
    )
    assert 'href="#intake-components"' in summary(html)


def test_a_case_of_another_procedure(signed_in, officers, procedure):
    other = published_procedure(code="1.000001", name="Thủ tục khác", valid_from=dt.date(2025, 7, 1))
    html = submit(signed_in(officers["counter"]), counter_form(procedure, case_id=other.cases.get().pk))
    assert "Trường hợp không thuộc thủ tục này." in summary(html)
    assert 'href="#intake-cases"' in summary(html)


def test_no_procedure_chosen_and_every_other_problem_at_once(signed_in, officers, procedure):
    data = counter_form(
        procedure, procedure_code="", applicant_id_number="12", applicant_birth_date="31/02/1990"
    )
    html = submit(signed_in(officers["counter"]), data)
    field_error(html, "id_q", "Cần chọn thủ tục hành chính.")
    field_error(
        html,
        "id_applicant_id_number",
        "Số định danh cá nhân phải gồm đúng 12 chữ số 0–9, không có chữ, dấu cách hay ký tự khác.",
    )
    field_error(html, "id_applicant_birth_date", "Ngày sinh không hợp lệ")
    assert "có 3 lỗi cần sửa" in html


def test_a_refusal_needs_its_reason(signed_in, officers, procedure):
    html = submit(signed_in(officers["counter"]), counter_form(procedure, decision="refuse", reason="  "))
    field_error(html, "id_reason", "Từ chối tiếp nhận phải ghi rõ lý do (Mẫu 03).")
    assert 'href="#id_reason"' in summary(html)


def test_a_refusal_without_reason_also_names_the_other_problems(signed_in, officers, procedure):
    data = counter_form(procedure, decision="refuse", reason="", applicant_name="")
    html = submit(signed_in(officers["counter"]), data)
    field_error(html, "id_reason", "Từ chối tiếp nhận phải ghi rõ lý do (Mẫu 03).")
    assert re.search(
        r'id="id_applicant_name"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="id_applicant_name"', html
    )


def test_what_was_typed_is_kept(signed_in, officers, procedure):
    data = counter_form(procedure, applicant_id_number="12", applicant_phone="0912345678", sets="2")
    html = submit(signed_in(officers["counter"]), data)
    assert 'value="Trần Thị Bình"' in html and 'value="0912345678"' in html and 'value="2"' in html
    assert 'name="procedure_code" value="1.004222"' in html and "<strong>" in html  # the appointment again
