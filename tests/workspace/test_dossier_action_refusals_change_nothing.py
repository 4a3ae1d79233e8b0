"""What the dossier page does when an action cannot be applied: the form comes back with the reason next to the
field it concerns (422), a page read before someone else acted is refused with a clear message and a link to reload
(409, never overwriting), an officer without the role gets the rule's message (403), an officer of another unit
learns nothing (404) — and in every case the dossier, its log, steps, pauses, apologies and result are unchanged."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from motcua.worktime import services as worktime
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.dossiers import request_for, snapshot

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
STALE = "Hồ sơ đã được cập nhật bởi người khác"
# session, user, role assignments, agency tree, the dossier row
FORM_QUERIES = 5


@pytest.fixture
def dossier(procedure, officers):
    received = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    worktime.calendar_for(received.receiving_agency)
    apply(received, "transfer", officers["counter"])
    return Dossier.objects.get(pk=received.pk)  # version 2


def url(dossier, action):
    return f"/mot-cua/ho-so/{dossier.code}/thao-tac/{action}/"


def post(client, dossier, action, *, htmx=True, version=None, **inputs):
    data = {"expected_version": dossier.version if version is None else version, **inputs}
    return client.post(url(dossier, action), data, headers=HTMX if htmx else {})


def error_of(html: str, field: str) -> str:
    """The error list shown under ``field`` (Django ties it to the input with aria-describedby)."""
    start = html.index(f'<ul class="errorlist" id="id_{field}_error">')
    return html[start : html.index("</ul>", start)]


def test_a_missing_reason_is_shown_next_to_the_field(signed_in, officers, dossier):
    before = snapshot(dossier)
    client = signed_in(officers["lead"])
    response = post(client, dossier, "stop", reason="   ")
    assert response.status_code == 422
    assert response["HX-Retarget"] == "#dossier-action-form" and response["HX-Reswap"] == "innerHTML"
    html = response.content.decode()
    assert "Chưa nhập lý do." in error_of(html, "reason")
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_reason_error"' in html
    # without JavaScript: the whole page, with the form open and the same error
    response = post(client, dossier, "stop", htmx=False)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Chưa nhập lý do." in error_of(page, "reason") and "Quá trình xử lý" in page
    assert snapshot(dossier) == before


@pytest.mark.parametrize("typed", ["31/02/2026 10:00", "ngày mai", "2026-13-01T10:00"])
def test_a_malformed_date_is_shown_next_to_the_field(signed_in, officers, dossier, typed):
    before = snapshot(dossier)
    response = post(signed_in(officers["lead"]), dossier, "apologize", reason="Chậm", new_due_at=typed)
    assert response.status_code == 422
    assert "Ngày giờ không hợp lệ" in error_of(response.content.decode(), "new_due_at")
    assert snapshot(dossier) == before


def test_the_services_refusals_are_shown_next_to_the_field_they_name(signed_in, officers, dossier):
    before = snapshot(dossier)
    lead = signed_in(officers["lead"])
    earlier = timezone.localtime(dossier.due_at) - dt.timedelta(days=1)
    response = post(lead, dossier, "apologize", reason="Chậm", new_due_at=earlier.strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 422
    assert "T12: ngày hẹn mới phải sau ngày hẹn trả hiện tại." in error_of(
        response.content.decode(), "new_due_at"
    )
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).strftime("%d/%m/%Y")
    inputs = {"result_number": "1/XN", "result_summary": "Xác nhận", "result_signer": "Mai Xuân Khánh"}
    response = post(lead, dossier, "finish", result_signed_on=tomorrow, **inputs)
    assert response.status_code == 422
    assert "ngày ký kết quả không hợp lệ hoặc ở tương lai" in error_of(
        response.content.decode(), "result_signed_on"
    )
    specialist = signed_in(officers["specialist"])
    response = post(specialist, dossier, "consult_partner", partner="000.00.07.H56", share_amount="0")
    assert response.status_code == 422
    assert "Thời gian liên thông phải dương" in error_of(response.content.decode(), "share_amount")
    response = post(specialist, dossier, "consult_partner", partner="999.99.99.H56", share_amount="2")
    assert response.status_code == 422 and "id_partner_error" in response.content.decode()
    assert snapshot(dossier) == before


def test_a_page_read_before_someone_else_acted_is_refused_and_changes_nothing(
    signed_in, officers, dossier, django_assert_num_queries
):
    read_at = dossier.version
    apply(dossier, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})  # meanwhile
    before = snapshot(dossier)
    client = signed_in(officers["lead"])
    response = post(client, dossier, "stop", version=read_at, reason="Không đủ điều kiện")
    assert response.status_code == 409
    html = response.content.decode()
    assert STALE in html and 'role="alert"' in html
    assert f'<a href="/mot-cua/ho-so/{dossier.code}/">Tải lại trang hồ sơ</a>' in html
    assert "Không đủ điều kiện" in html  # what was typed is kept to copy, not sent again
    assert 'type="submit"' not in html
    response = post(client, dossier, "stop", htmx=False, version=read_at, reason="Không đủ điều kiện")
    assert response.status_code == 409 and STALE in response.content.decode()
    assert snapshot(dossier) == before
    # a form opened from a stale page says so at once
    with django_assert_num_queries(FORM_QUERIES + VERIFIED_SESSION):  # a leader: the session's device is read
        response = client.get(f"{url(dossier, 'stop')}?v={read_at}", headers=HTMX)
    assert response.status_code == 409 and STALE in response.content.decode()


def test_an_action_the_officer_has_no_role_for_is_refused_with_the_rule(signed_in, officers, dossier):
    before = snapshot(dossier)
    specialist = signed_in(officers["specialist"])
    inputs = {
        "result_number": "1/XN",
        "result_summary": "Xác nhận",
        "result_signer": "Mai Xuân Khánh",
        "result_signed_on": timezone.localdate().strftime("%d/%m/%Y"),
    }
    for htmx in (True, False):
        response = post(specialist, dossier, "finish", htmx=htmx, **inputs)
        assert response.status_code == 403
        assert (
            "T13 “Hoàn thành giải quyết, có kết quả”: bạn không có vai trò phù hợp"
            in response.content.decode()
        )
    response = specialist.get(url(dossier, "finish"), headers=HTMX)
    assert response.status_code == 403 and "không có vai trò phù hợp" in response.content.decode()
    # a status the action does not apply to: 409 with the rule
    response = post(signed_in(officers["counter"]), dossier, "transfer")
    assert response.status_code == 409 and "T5" in response.content.decode()
    assert snapshot(dossier) == before


def test_an_officer_of_another_unit_learns_nothing_and_changes_nothing(signed_in, officers, dossier):
    before = snapshot(dossier)
    outsider = signed_in(officers["other_counter"])
    assert outsider.get(f"/mot-cua/ho-so/{dossier.code}/").status_code == 404
    assert outsider.get(url(dossier, "withdraw"), headers=HTMX).status_code == 404
    for htmx in (True, False):
        response = post(outsider, dossier, "withdraw", htmx=htmx, reason="Rút")
        assert response.status_code == 404 and "Trần Thị Bình" not in response.content.decode()
    assert snapshot(dossier) == before


def test_unknown_actions_and_intake_rows_are_404(signed_in, officers, dossier):
    client = signed_in(officers["counter"])
    for action in ("khong_co", "receive", "submit_online"):
        assert post(client, dossier, action).status_code == 404
        assert client.get(url(dossier, action)).status_code == 404


def test_a_form_without_the_pages_version_is_refused(signed_in, officers, dossier):
    before = snapshot(dossier)
    response = signed_in(officers["counter"]).post(url(dossier, "withdraw"), {"reason": "Rút"}, headers=HTMX)
    assert response.status_code == 422 and "hãy tải lại trang" in response.content.decode()
    assert snapshot(dossier) == before
