"""Every row of the transition table an officer meets is applied from the dossier page: the button opens (htmx) a
small form with exactly the inputs the row requires and the version the page was read at; the POST goes through
``transitions.apply``. With htmx the dossier's main panel comes back with a success message; without JavaScript
the page redirects to itself (PRG) and shows the message there."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from motcua.dossiers import lifecycle
from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.services.intake import receive_at_counter, submit_online
from motcua.dossiers.services.log import verify_dossier
from motcua.workspace.forms_dossier import OPTIONAL_INPUTS, ActionForm
from motcua.worktime import services as worktime
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.dossiers import request_for

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
BUILDING = "000.00.07.H56"
TWO_STEPS = [
    ("Thẩm định hồ sơ", "SPECIALIST", 3, "working_days"),
    ("Trình ký, ban hành", "AGENCY_LEAD", 1, "working_days"),
]
# session, user, role assignments, agency tree, the dossier row with its three units
FORM_QUERIES = 4 + 1


def stored(dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def act(client, dossier, action, *, htmx=True, headers=None, **inputs):
    """Open the dossier page, click the action's button, fill its form and send it, as an officer would."""
    dossier = stored(dossier)
    code = dossier.code or dossier.reference
    page = client.get(f"/mot-cua/ho-so/{code}/")
    assert page.status_code == 200
    url = f"/mot-cua/ho-so/{code}/thao-tac/{action}/"
    assert f'href="{url}?v={dossier.version}"' in page.content.decode(), f"no button for {action}"
    form = client.get(f"{url}?v={dossier.version}", headers=HTMX)
    assert form.status_code == 200, form.content.decode()
    html = form.content.decode()
    version = re.search(r'name="expected_version" value="(\d+)"', html).group(1)
    assert int(version) == dossier.version
    # exactly the inputs the row requires (the optional inputs aside: T13's result code, the step a send-back
    # returns to, the signer's comment)
    names = set(re.findall(r'name="(\w+)"', html)) - {"csrfmiddlewaretoken", "expected_version"}
    optional = OPTIONAL_INPUTS.get(action, set())
    assert names - optional == set(inputs) - optional, (action, names)
    return client.post(
        url, {"expected_version": version, **inputs}, headers={**(HTMX if htmx else {}), **(headers or {})}
    )


def succeeded(response, label):
    assert response.status_code == 200, response.content.decode()[:3000]
    html = response.content.decode()
    assert html.startswith('<div id="dossier-main"')  # the main panel, swapped in place
    assert f'<p class="dossier-success" role="status">Đã thực hiện “{label}”' in html
    return html


def local(moment: dt.datetime) -> str:
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def test_the_whole_journey_from_transfer_to_return(signed_in, officers, partner, make_procedure):
    make_procedure(steps=TWO_STEPS)
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    worktime.calendar_for(dossier.receiving_agency)

    html = succeeded(
        act(signed_in(officers["counter"]), dossier, "transfer"), "Chuyển hồ sơ đến cơ quan giải quyết"
    )
    assert 'class="status status-4"' in html and stored(dossier).current_step.name == "Thẩm định hồ sơ"

    dept = signed_in(officers["dept"])
    form = dept.get(f"/mot-cua/ho-so/{dossier.code}/thao-tac/assign/", headers=HTMX).content.decode()
    assert (
        f'<option value="{officers["specialist"].pk}">' in form
    )  # officers with a processing role in the unit
    assert f'<option value="{officers["counter"].pk}">' not in form
    html = succeeded(act(dept, dossier, "assign", handler=officers["specialist"].pk), "Phân công xử lý")
    assert stored(dossier).current_handler == officers["specialist"]

    specialist = signed_in(officers["specialist"])
    form = specialist.get(f"/mot-cua/ho-so/{dossier.code}/thao-tac/consult_partner/", headers=HTMX).content
    assert f'<option value="{BUILDING}">Sở Xây dựng ({BUILDING})</option>' in form.decode()
    assert 'value="000.00.03.H56"' not in form.decode()  # not the unit that holds the dossier now
    html = succeeded(
        act(specialist, dossier, "consult_partner", partner=BUILDING, share_amount="1,5"),
        "Chuyển liên thông sang cơ quan phối hợp",
    )
    assert stored(dossier).current_agency.identifier == BUILDING
    assert stored(dossier).current_step.limit_amount == 1.5

    # the partner returns its part without JavaScript: the dossier leaves its units, so it lands on its queue
    response = act(signed_in(partner), dossier, "return_from_partner", htmx=False)
    assert response.status_code == 302 and response["Location"].startswith("/mot-cua/ho-so/")
    assert stored(dossier).current_agency.identifier == "000.00.03.H56"
    assert signed_in(partner).get(f"/mot-cua/ho-so/{dossier.code}/").status_code == 404

    specialist = signed_in(officers["specialist"])
    response = act(specialist, dossier, "request_payment", htmx=False, reason="Lệ phí cấp giấy: 50.000 đồng")
    assert response.status_code == 302 and response["Location"] == f"/mot-cua/ho-so/{dossier.code}/"
    page = specialist.get(response["Location"]).content.decode()
    assert 'role="status"' in page and "Đã thực hiện “Thông báo thực hiện nghĩa vụ tài chính” (T9)." in page
    assert "Yêu cầu thực hiện nghĩa vụ tài chính" in page and "(đang tạm dừng)" in page
    succeeded(act(specialist, dossier, "confirm_payment"), "Xác nhận đã thực hiện nghĩa vụ tài chính")
    succeeded(act(specialist, dossier, "forward"), "Hoàn thành bước và chuyển bước tiếp theo")
    assert stored(dossier).current_step.name == "Trình ký, ban hành"

    lead = signed_in(officers["lead"])
    succeeded(act(lead, dossier, "send_back", reason="Bổ sung ý kiến thẩm định"), "Trả lại bước trước")
    assert (stored(dossier).current_step.name, stored(dossier).current_handler) == (
        "Thẩm định hồ sơ",
        officers["specialist"],
    )
    succeeded(
        act(signed_in(officers["specialist"]), dossier, "forward"), "Hoàn thành bước và chuyển bước tiếp theo"
    )

    lead = signed_in(officers["lead"])
    before = stored(dossier).due_at
    new_due = timezone.localtime(before) + dt.timedelta(days=3)
    html = succeeded(
        act(
            lead,
            dossier,
            "apologize",
            reason="Chờ ý kiến cơ quan phối hợp",
            new_due_at=new_due.strftime("%d/%m/%Y %H:%M"),
        ),
        "Xin lỗi và hẹn lại ngày trả kết quả",
    )
    assert stored(dossier).due_at == new_due.replace(second=0, microsecond=0)
    assert stored(dossier).original_due_at == before  # statistics still judge against the first appointment
    assert "Ngày hẹn trả ban đầu" in html and local(before) in html and "Chờ ý kiến cơ quan phối hợp" in html
    succeeded(act(lead, dossier, "forward"), "Hoàn thành bước và chuyển bước tiếp theo")
    html = succeeded(
        act(
            lead,
            dossier,
            "finish",
            result_number="15/XN-STP",
            result_summary="Xác nhận thông tin cư trú",
            result_signer="Mai Xuân Khánh",
            result_signed_on=timezone.localdate().strftime("%d/%m/%Y"),  # dd/mm/yyyy as typed
        ),
        "Hoàn thành giải quyết, có kết quả",
    )
    assert "Kết quả giải quyết" in html and "15/XN-STP" in html and 'class="status status-9"' in html
    assert stored(dossier).result.signed_on == timezone.localdate()

    html = succeeded(
        act(signed_in(officers["counter"]), dossier, "return_result"), "Trả kết quả cho công dân"
    )
    assert 'class="status status-10"' in html and "Bạn không có thao tác nào" in html
    assert list(ProcessLogEntry.objects.filter(dossier=dossier).values_list("action", flat=True)) == [
        "receive",
        "transfer",
        "assign",
        "consult_partner",
        "return_from_partner",
        "request_payment",
        "confirm_payment",
        "forward",
        "send_back",
        "forward",
        "apologize",
        "forward",
        "finish",
        "return_result",
    ]
    assert verify_dossier(stored(dossier)) == []


def test_the_result_code_is_optional_and_kept(signed_in, officers, procedure):
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    act(signed_in(officers["counter"]), dossier, "transfer")
    succeeded(
        act(
            signed_in(officers["clerk"]),
            dossier,
            "finish",
            result_number="15/XN-STP",
            result_summary="Xác nhận",
            result_signer="Mai Xuân Khánh",
            result_signed_on=timezone.localdate().isoformat(),  # ISO is accepted as well as dd/mm/yyyy
            result_code="KQ.1.004222.0001",
        ),
        "Hoàn thành giải quyết, có kết quả",
    )
    assert stored(dossier).result.result_code == "KQ.1.004222.0001"


def test_the_lead_stops_and_the_counter_records_a_withdrawal(signed_in, officers, procedure):
    stopped = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    act(signed_in(officers["counter"]), stopped, "transfer")
    html = succeeded(
        act(signed_in(officers["lead"]), stopped, "stop", reason="Không đủ điều kiện theo quy định"),
        "Dừng xử lý hồ sơ",
    )
    assert stored(stopped).status == Status.STOPPED and "Không đủ điều kiện theo quy định" in html
    withdrawn = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    response = act(
        signed_in(officers["counter"]), withdrawn, "withdraw", htmx=False, reason="Công dân xin rút"
    )
    assert response.status_code == 302 and stored(withdrawn).status == Status.WITHDRAWN


def test_an_online_dossier_is_returned_for_completion_then_accepted_or_refused(
    signed_in, officers, procedure
):
    counter = signed_in(officers["counter"])
    online = submit_online(request_for(), officers["counter"], at=timezone.now())
    succeeded(
        act(counter, online, "request_completion", reason="Thiếu bản sao giấy tờ chứng minh chỗ ở"),
        "Yêu cầu bổ sung, hoàn thiện hồ sơ khi tiếp nhận",
    )
    assert stored(online).status == Status.SUBMITTED
    opened_at = f"http://testserver/mot-cua/ho-so/{online.reference}/"
    response = act(counter, online, "accept", headers={"HX-Current-URL": opened_at})
    html = succeeded(response, "Tiếp nhận hồ sơ")
    accepted = stored(online)
    assert accepted.status == Status.ACCEPTED and accepted.code and accepted.code in html
    assert (
        response["HX-Replace-Url"] == f"/mot-cua/ho-so/{accepted.code}/"
    )  # the address bar follows the code
    assert (
        f"/mot-cua/ho-so/{accepted.code}/thao-tac/transfer/" in html
    )  # the panel now speaks of the new code

    other = submit_online(request_for(), officers["counter"], at=timezone.now())
    succeeded(act(counter, other, "refuse", reason="Không thuộc thẩm quyền giải quyết"), "Từ chối tiếp nhận")
    assert stored(other).status == Status.REFUSED


def test_the_form_and_a_successful_action_cost_a_fixed_number_of_queries(
    signed_in, officers, procedure, django_assert_num_queries
):
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    worktime.calendar_for(dossier.receiving_agency)
    counter = signed_in(officers["counter"])
    url = f"/mot-cua/ho-so/{dossier.code}/thao-tac/transfer/"
    counter.get(f"/mot-cua/ho-so/{dossier.code}/")  # the unit's calendar and working hours, kept per process
    with django_assert_num_queries(FORM_QUERIES):
        assert counter.get(url, headers=HTMX).status_code == 200
    with django_assert_num_queries(FORM_QUERIES + TRANSFER_QUERIES + RELOAD_QUERIES):
        succeeded(
            counter.post(url, {"expected_version": 1}, headers=HTMX), "Chuyển hồ sơ đến cơ quan giải quyết"
        )

    dept = signed_in(officers["dept"])
    url = f"/mot-cua/ho-so/{dossier.code}/thao-tac/assign/"
    # and the officers who may be assigned; a leader's session passed the second factor (its device is read)
    with django_assert_num_queries(FORM_QUERIES + 1 + VERIFIED_SESSION):
        assert dept.get(url, headers=HTMX).status_code == 200
    with django_assert_num_queries(FORM_QUERIES + 1 + VERIFIED_SESSION + ASSIGN_QUERIES + RELOAD_QUERIES):
        succeeded(
            dept.post(url, {"expected_version": 2, "handler": officers["specialist"].pk}, headers=HTMX),
            "Phân công xử lý",
        )


# the transition service: savepoint, the locked row, the effect, the log's last entry, the new entry, the row, release.
# Transfer's effect reads the approved internal process in force, opens its first step and reads the unit's rule of
# automatic assignment; assign's reads the current step, the officer named, his roles and the agency tree (to check
# he may process there), and saves the step.
TRANSFER_QUERIES = 2 + 3 + 3 + 1
ASSIGN_QUERIES = 2 + 5 + 3 + 1
# the main panel again: queues.load (four queries: no pause or apology to read), the process log, the issued forms,
# the messages sent to the citizen
RELOAD_QUERIES = 4 + 1 + 1 + 1


def test_an_administrator_moves_an_open_dossier_to_a_successor_agency(signed_in, officers, procedure):
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    act(signed_in(officers["counter"]), dossier, "transfer")
    html = succeeded(
        act(
            signed_in(officers["admin"]),
            dossier,
            "reassign_agency",
            new_agency=BUILDING,
            legal_basis="Quyết định 1/QĐ-UBND sắp xếp tổ chức",
        ),
        "Chuyển hồ sơ sang cơ quan kế thừa (sắp xếp tổ chức)",
    )
    assert stored(dossier).handling_agency.identifier == BUILDING and "Sở Xây dựng" in html


@pytest.mark.parametrize(
    "transition",
    # the applicant's own actions (the portal's) are never offered on the officers' page
    [t for t in lifecycle.TRANSITIONS if lifecycle.NEW not in t.sources and t.roles != {lifecycle.APPLICANT}],
    ids=lambda t: t.action,
)
def test_every_action_of_the_table_has_a_form_with_exactly_its_inputs(transition):
    form = ActionForm(
        transition,
        people=[("1", "Nguyễn An")],
        agencies=[(BUILDING, "Sở Xây dựng")],
        steps=[(3, "Thẩm định hồ sơ")],
    )
    optional = OPTIONAL_INPUTS.get(transition.action, set())
    assert set(form.fields) == {"expected_version", *transition.requires, *optional}
    assert all(form.fields[name].required for name in transition.requires)
    assert not any(form.fields[name].required for name in optional)
