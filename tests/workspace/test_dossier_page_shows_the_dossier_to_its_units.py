"""The dossier page shows everything the officers of the dossier's units need (personal data included), and only
to them: anyone else gets the same 404 as for a dossier that does not exist. Its action panel offers exactly the
transitions the officer may apply now (``transitions.allowed_actions``), so a counter officer, a lead and a
specialist see different buttons. The page runs a fixed number of queries however long the dossier's history."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.services.intake import receive_at_counter, submit_online
from motcua.dossiers.services.transitions import allowed_actions, apply
from motcua.worktime import services as worktime
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.dossiers import FINISH_INPUTS, WORK_MENU, WORK_MENU_COUNTER, act, processing, request_for

pytestmark = pytest.mark.django_db

# session, user, role assignments, agency tree; the dossier (joined with procedure, case, people, handler), its
# components, steps, every agency they name (its pauses and apologies only when it has some: one query each); the
# process log; unread notifications; the issued forms (documents); the messages sent to the citizen (messaging); the
# personal-data access log's INSERT (one row per page shown: who read the applicant's data, acting for which unit)
PAGE_QUERIES = (
    4 + 4 + 1 + 1 + 1 + 1 + 1
)  # and the menu's work counts: WORK_MENU (a counter's: WORK_MENU_COUNTER)


def page_url(dossier):
    return f"/mot-cua/ho-so/{dossier.code or dossier.reference}/"


def buttons(response) -> list[str]:
    """The actions offered by the action panel, in order."""
    assert response.status_code == 200, response.content[:400]
    return re.findall(
        r'<a class="button[^"]*" href="/mot-cua/ho-so/[^/]+/thao-tac/(\w+)/\?v=', response.content.decode()
    )


def test_the_page_shows_the_dossier_its_people_units_and_history(signed_in, officers, procedure):
    dossier = processing(officers)  # received 09/03/2026 09:15, due 18/03/2026 09:15, transferred at 10:00
    apply(dossier, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    response = signed_in(officers["specialist"]).get(page_url(dossier))
    page = response.content.decode()
    assert response.status_code == 200
    assert dossier.code in page and "Đang xử lý" in page and 'class="status status-4"' in page
    assert "1.004222" in page
    # personal data: only officers who see the dossier reach this page
    assert "Trần Thị Bình" in page and "038190001234" in page and "0912345678" in page
    assert "Trung tâm Phục vụ hành chính công tỉnh" in page and "Sở Tư pháp" in page
    assert "Thẩm định, xử lý hồ sơ" in page  # the current step
    assert "Nguyễn Tuphap" in page  # its handler
    assert "09/03/2026 09:15" in page and "18/03/2026 09:15" in page  # received, appointment (Vietnam time)
    assert "deadline-late" in page and "quá hạn " in page  # the appointment has passed
    assert f'href="/mot-cua/ho-so/{dossier.code}/giay-tiep-nhan/"' in page
    # the process log: who, role, unit, when, action, from → to, note, step deadline
    assert "Chuyển hồ sơ đến cơ quan giải quyết" in page and "Được tiếp nhận → Đang xử lý" in page
    assert "Công chức tiếp nhận, trả kết quả" in page and "09/03/2026 10:00" in page
    assert "Hạn của bước: 18/03/2026 10:00" in page
    assert "Phân công xử lý" in page and "Lãnh đạo phòng chuyên môn" in page


def test_a_finished_dossier_shows_its_result_and_timeliness(signed_in, officers, procedure):
    dossier = act(processing(officers), "finish", officers["lead"], "2026-03-12 15:00", **FINISH_INPUTS)
    page = signed_in(officers["counter"]).get(page_url(dossier)).content.decode()
    assert "Kết quả giải quyết" in page and "15/XN-STP" in page and "Mai Xuân Khánh" in page
    assert "Xử lý xong lúc" in page and "12/03/2026 15:00" in page
    assert "Trước hạn" in page


def test_an_online_dossier_is_found_by_its_temporary_reference(
    signed_in, officers, procedure, django_assert_num_queries
):
    online = submit_online(request_for(), officers["counter"], at=timezone.now())
    client = signed_in(officers["counter"])
    client.get(page_url(online))
    with django_assert_num_queries(PAGE_QUERIES + WORK_MENU_COUNTER + 1):  # by code first, then by reference
        response = client.get(page_url(online))
    assert response.status_code == 200
    assert online.reference in response.content.decode() and "Mới đăng ký" in response.content.decode()
    assert buttons(response) == ["accept", "request_completion", "resubmit", "refuse", "withdraw"]


def test_officers_of_other_units_get_the_same_404_as_for_no_dossier(signed_in, officers, procedure, client):
    dossier = processing(officers)
    client = signed_in(officers["other_counter"])
    hidden = client.get(page_url(dossier))
    missing = client.get("/mot-cua/ho-so/000.00.03.H56-260309-9999/")
    assert hidden.status_code == missing.status_code == 404
    assert "Trần Thị Bình" not in hidden.content.decode()
    assert "Không tìm thấy hồ sơ" in hidden.content.decode()

    def main(response, code):
        page = response.content.decode()
        return page[page.index("<main") : page.index("</main>")].replace(code, "X")

    assert main(hidden, dossier.code) == main(missing, "000.00.03.H56-260309-9999")


def test_signing_in_is_required(client, officers, procedure):
    dossier = processing(officers)
    response = client.get(page_url(dossier))
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


def test_each_officer_sees_the_actions_the_service_allows_now(signed_in, officers, procedure):
    dossier = receive_at_counter(request_for(), officers["counter"], at=timezone.now())

    def shown(name):
        return buttons(signed_in(officers[name]).get(page_url(dossier)))

    def expected(name):
        dossier.refresh_from_db()
        return [t.action for t in allowed_actions(officers[name], dossier)]

    # received (2): the counter transfers it (or records a withdrawal); the Sở has nothing to do yet
    assert shown("counter") == expected("counter") == ["transfer", "withdraw"]
    assert shown("lead") == shown("specialist") == []
    apply(dossier, "transfer", officers["counter"])
    # processing (4): the lead assigns, decides, stops, apologises; the specialist works; the counter only
    # records a withdrawal
    assert shown("counter") == ["withdraw"]
    for name in ("lead", "dept", "specialist", "clerk"):
        assert shown(name) == expected(name), name
    assert {"assign", "finish", "stop", "apologize"} <= set(shown("lead"))
    assert "assign" in shown("dept") and "finish" not in shown("dept")
    # not assigned yet: the specialist may ask for a supplement or a partner, not complete the step
    assert {"request_supplement", "consult_partner"} <= set(shown("specialist"))
    assert "forward" not in shown("specialist")
    apply(dossier, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    assert shown("specialist") == expected("specialist")
    assert {"forward", "request_supplement", "consult_partner"} <= set(shown("specialist"))
    assert not {"assign", "finish", "stop", "apologize", "transfer"} & set(shown("specialist"))
    apply(dossier, "finish", officers["lead"], inputs=FINISH_INPUTS)
    assert shown("counter") == ["return_result"] and shown("lead") == shown("specialist") == []


def test_the_page_costs_the_same_queries_however_long_the_history(
    signed_in, officers, procedure, django_assert_num_queries
):
    fresh = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    busy = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    worktime.calendar_for(fresh.receiving_agency)
    apply(busy, "transfer", officers["counter"])
    apply(busy, "assign", officers["dept"], inputs={"handler": officers["specialist"].pk})
    for round_ in range(6):
        apply(busy, "request_payment", officers["specialist"], inputs={"reason": f"Lệ phí lần {round_ + 1}"})
        apply(busy, "confirm_payment", officers["specialist"])
    apply(
        busy,
        "consult_partner",
        officers["specialist"],
        inputs={"partner": "000.00.07.H56", "share_amount": 2},
    )
    client = signed_in(officers["lead"])
    client.get(page_url(fresh))  # the unit's calendar and working hours are kept per process after first use
    lead_page = (
        PAGE_QUERIES + WORK_MENU + VERIFIED_SESSION
    )  # a leader's session passed the second factor: its device is read
    with django_assert_num_queries(lead_page):
        assert client.get(page_url(fresh)).status_code == 200
    with django_assert_num_queries(lead_page + 1):  # its pauses (the 12 payments): one query for all
        page = client.get(page_url(busy)).content.decode()
    assert page.count('<p class="when">') == 16  # received, transfer, assign, 12 payments, partner
    assert "Lệ phí lần 6" in page and "Liên thông: Sở Xây dựng" in page
    apply(fresh, "transfer", officers["counter"])
    apply(
        fresh, "finish", officers["lead"], inputs={**FINISH_INPUTS, "result_signed_on": timezone.localdate()}
    )
    with django_assert_num_queries(lead_page + 1):  # and its result
        assert "15/XN-STP" in client.get(page_url(fresh)).content.decode()
