"""Issue 19 in the workspace: each officer's work lists (/mot-cua/viec/<list>/) show the steps they must act on —
Chờ phân công for those who lead a unit (403 to anyone else), Chờ xử lý, Bị trả lại, Chờ ký duyệt, Chờ phát hành,
Chờ trả kết quả — with the step, its unit and handler, the step's and the dossier's deadlines; the menu counts the
same rows; "Phân công" on a row assigns and the row leaves the list; the signature from the dossier page records the
signer; every list page costs a fixed number of queries whatever its rows."""

import re

import pytest

from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.catalog import SIGNED_PROCESS
from tests.builders.dossiers import FINISH_INPUTS, WORK_MENU, WORK_MENU_COUNTER, act, processing

pytestmark = pytest.mark.django_db

LISTS = ["cho-phan-cong", "cho-xu-ly", "bi-tra-lai", "cho-ky-duyet", "cho-phat-hanh", "cho-tra-ket-qua"]
# session, user, role assignments, agency tree (officer_required); the page of rows (steps joined with their unit,
# handler, dossier, procedure, applicant and counter); unread notifications; the menu's work counts
LIST_QUERIES = 4 + 1 + 1
# "Chờ phân công" adds who the rows may be given to: the dossiers' next planned steps (a "Phân công thụ lý" step
# starts the next one), the specialists of their unit (one query per unit: here one), their names
ASSIGN_EXTRA = 3


@pytest.fixture
def signed(make_procedure):
    return make_procedure(steps=SIGNED_PROCESS)


def url(key):
    return f"/mot-cua/viec/{key}/"


def rows(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[:2000]
    return re.findall(
        r'<td class="code"[^>]*><a href="/mot-cua/ho-so/[^"]+/">([^<]+)</a>', response.content.decode()
    )


def menu_count(response, label) -> int:
    found = re.search(
        re.escape(label) + r' <span class="ws-count[^"]*">(\d+)</span>', response.content.decode()
    )
    assert found, f"{label} not on the menu"
    return int(found.group(1))


def to_sign(officers):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    dossier = act(dossier, "forward", officers["specialist"], "2026-03-10 09:00")
    return act(dossier, "forward", officers["dept"], "2026-03-10 10:00")


def test_each_list_shows_its_rows_to_the_person_who_must_act(signed, officers, signed_in):
    waiting = processing(officers)
    client = signed_in(officers["dept"])
    page = client.get(url("cho-phan-cong"))
    assert rows(page) == [waiting.code]
    html = page.content.decode()
    assert "Phân công thụ lý" in html and "Phòng Hành chính tư pháp" in html and "Chưa phân công" in html
    assert "Trần Thị Bình" in html and "deadline deadline-" in html  # the applicant; the badges
    assert menu_count(page, "Chờ phân công") == 1
    assert rows(signed_in(officers["specialist"]).get(url("cho-xu-ly"))) == []

    signing = to_sign(officers)
    lead = signed_in(officers["lead"])
    page = lead.get(url("cho-ky-duyet"))
    assert rows(page) == [signing.code] and menu_count(page, "Chờ ký duyệt") == 1
    assert f'href="/mot-cua/ho-so/{signing.code}/"' in page.content.decode()
    assert "Mở để ký duyệt" in page.content.decode()
    assert rows(signed_in(officers["clerk"]).get(url("cho-ky-duyet"))) == []

    signed_off = act(signing, "approve", officers["lead"], "2026-03-10 14:00")
    clerk = signed_in(officers["clerk"])
    page = clerk.get(url("cho-phat-hanh"))
    assert rows(page) == [signed_off.code] and menu_count(page, "Chờ phát hành") == 1
    finished = act(
        signed_off,
        "finish",
        officers["clerk"],
        "2026-03-10 15:00",
        **{**FINISH_INPUTS, "result_signed_on": "2026-03-10"},
    )
    assert finished.status == Status.FINISHED
    page = signed_in(officers["counter"]).get(url("cho-tra-ket-qua"))
    assert rows(page) == [finished.code] and menu_count(page, "Chờ trả kết quả") == 1


def test_a_send_back_lands_in_bi_tra_lai(signed, officers, signed_in):
    dossier = to_sign(officers)
    act(dossier, "send_back", officers["lead"], "2026-03-10 14:00", reason="Sửa trích yếu", to_step=3)
    client = signed_in(officers["specialist"])
    page = client.get(url("bi-tra-lai"))
    assert rows(page) == [dossier.code] and menu_count(page, "Bị trả lại") == 1
    assert "bị trả lại" in page.content.decode()
    assert rows(client.get(url("cho-xu-ly"))) == []


def test_the_menu_counts_equal_the_rows_of_each_list(signed, officers, signed_in):
    for _ in range(3):
        processing(officers)
    to_sign(officers)
    for name in ("dept", "lead", "specialist", "clerk", "counter"):
        client = signed_in(officers[name])
        home = client.get(url("cho-xu-ly"))
        labels = dict(
            re.findall(
                r'href="/mot-cua/viec/([a-z-]+)/"[^>]*>[^<]+ <span class="ws-count[^"]*">(\d+)<',
                home.content.decode(),
            )
        )
        assert {"cho-xu-ly", "bi-tra-lai"} <= set(labels), (name, labels)
        for key, shown in labels.items():
            assert len(rows(client.get(url(key)))) == int(shown), (name, key)
    dept = signed_in(officers["dept"]).get(url("cho-xu-ly"))
    assert menu_count(dept, "Chờ phân công") == 3 and menu_count(dept, "Chờ xử lý") == 0
    lead = signed_in(officers["lead"]).get(url("cho-xu-ly"))
    assert menu_count(lead, "Chờ ký duyệt") == 1


def test_the_assign_form_of_a_row_assigns_and_the_row_leaves_the_list(signed, officers, signed_in):
    dossier = processing(officers)
    client = signed_in(officers["dept"])
    html = client.get(url("cho-phan-cong")).content.decode()
    form = re.search(r'<form method="post" action="([^"]+)" class="work-assign">(.*?)</form>', html, re.S)
    assert form.group(1) == f"/mot-cua/ho-so/{dossier.code}/thao-tac/assign/"
    version = re.search(r'name="expected_version" value="(\d+)"', form.group(2)).group(1)
    options = re.findall(r'<option value="(\d+)">([^<]+)</option>', form.group(2))
    assert options == [(str(officers["specialist"].pk), "Nguyễn Tuphap")]  # the division's specialists only
    response = client.post(
        form.group(1),
        {"expected_version": version, "handler": options[0][0], "next": url("cho-phan-cong")},
    )
    assert response.status_code == 302 and response["Location"] == url("cho-phan-cong")
    after = client.get(response["Location"])
    assert rows(after) == [] and menu_count(after, "Chờ phân công") == 0
    assert f"Hồ sơ {dossier.code}: Đã thực hiện “Phân công thụ lý”" in after.content.decode()
    assert "Không có hồ sơ nào chờ phân công" in after.content.decode()
    stored = Dossier.objects.get(pk=dossier.pk)
    assert stored.current_step.order == 3 and stored.current_step.handler == officers["specialist"]
    assert rows(signed_in(officers["specialist"]).get(url("cho-xu-ly"))) == [dossier.code]


def test_a_stale_row_changes_nothing(signed, officers, signed_in):
    dossier = processing(officers)
    client = signed_in(officers["dept"])
    response = client.post(
        f"/mot-cua/ho-so/{dossier.code}/thao-tac/assign/",
        {
            "expected_version": dossier.version - 1,
            "handler": officers["specialist"].pk,
            "next": url("cho-phan-cong"),
        },
    )
    assert response.status_code == 409
    assert Dossier.objects.get(pk=dossier.pk).version == dossier.version
    assert rows(client.get(url("cho-phan-cong"))) == [dossier.code]


def test_the_leader_signs_from_the_dossier_page_and_the_signer_is_recorded(signed, officers, signed_in):
    dossier = to_sign(officers)
    client = signed_in(officers["lead"])
    page = client.get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()
    action = f"/mot-cua/ho-so/{dossier.code}/thao-tac/approve/"
    assert f'href="{action}?v={dossier.version}"' in page and "Ký duyệt kết quả" in page
    form = client.get(action, {"v": dossier.version}, headers={"HX-Request": "true"}).content.decode()
    assert "Ý kiến" in form and 'name="note"' in form
    response = client.post(action, {"expected_version": dossier.version, "note": "Đồng ý ban hành"})
    assert response.status_code == 302
    step = Dossier.objects.get(pk=dossier.pk).steps.get(order=5)
    assert step.signed_by == officers["lead"] and step.signed_at is not None
    assert step.timeliness  # the step's own timeliness is decided
    page = client.get(response["Location"]).content.decode()
    signed_at = re.search(r"Đã ký duyệt: Nguyễn Tuphap, (\d\d/\d\d/\d{4} \d\d:\d\d)", page)
    assert signed_at, "the steps table names the signer and the time"
    assert "Đồng ý ban hành" in page  # the comment is in the process log
    assert "Chờ phát hành" in page  # the next step's queue


def test_the_send_back_form_offers_the_steps_the_process_allows(signed, officers, signed_in):
    dossier = to_sign(officers)
    form = (
        signed_in(officers["lead"])
        .get(f"/mot-cua/ho-so/{dossier.code}/thao-tac/send_back/", headers={"HX-Request": "true"})
        .content.decode()
    )
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', form)
    assert options == [("4", "4. Xem xét, trình ký"), ("3", "3. Thẩm định hồ sơ, dự thảo kết quả")]


def test_the_steps_table_shows_queue_handler_deadline_and_timeliness(signed, officers, signed_in):
    dossier = act(processing(officers), "assign", officers["dept"], "2026-03-09 11:00", handler="cv.tuphap")
    page = signed_in(officers["dept"]).get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()
    table = page[page.index('id="dossier-steps-title"') :]
    assert "Phân công thụ lý" in table
    # the open step is the specialist's work now that he is assigned; finished and planned steps wait in no list
    assert table.count('class="step-queue"') == 1 and '<span class="step-queue">Chờ xử lý</span>' in table
    assert "Đúng hạn" in table or "Trước hạn" in table  # the dispatch step ended within its 4 working hours
    assert "Hạn của bước" in table and "Nguyễn Tuphap" in table


def test_who_leads_no_unit_is_refused_chờ_phân_công(signed, officers, signed_in):
    processing(officers)
    client = signed_in(officers["specialist"])
    response = client.get(url("cho-phan-cong"))
    assert response.status_code == 403
    assert "dành cho trưởng phòng và lãnh đạo cơ quan" in response.content.decode()
    page = client.get(url("cho-xu-ly")).content.decode()
    assert 'href="/mot-cua/viec/cho-phan-cong/"' not in page
    assert "Bạn không có bước nào đang chờ xử lý." in page  # the empty state


def test_an_unknown_list_or_page_is_refused_with_a_reason(signed, officers, signed_in):
    client = signed_in(officers["dept"])
    assert client.get(url("khong-co")).status_code == 404
    response = client.get(url("cho-xu-ly"), {"trang": "²"})
    assert response.status_code == 400 and "Số trang không hợp lệ." in response.content.decode()


@pytest.mark.parametrize("how_many", [1, 5])
def test_every_list_page_costs_the_same_queries_whatever_its_rows(
    signed, officers, signed_in, django_assert_num_queries, how_many
):
    for _ in range(how_many):
        processing(officers)
    to_sign(officers)
    officer_of = {
        "cho-phan-cong": "dept",
        "cho-xu-ly": "dept",
        "bi-tra-lai": "specialist",
        "cho-ky-duyet": "lead",
        "cho-phat-hanh": "clerk",
        "cho-tra-ket-qua": "counter",
    }
    leaders = {"dept", "lead"}  # their session passed the second factor: its device is read
    for key in LISTS:
        name = officer_of[key]
        client = signed_in(officers[name])
        client.get(url(key))  # calendars and working hours are kept per process after the first use
        expected = (
            LIST_QUERIES
            + (WORK_MENU_COUNTER if name == "counter" else WORK_MENU)
            + (VERIFIED_SESSION if name in leaders else 0)
            + (ASSIGN_EXTRA if key == "cho-phan-cong" else 0)
        )
        with django_assert_num_queries(expected):
            response = client.get(url(key))
        shown = len(rows(response))
        if key == "cho-phan-cong":
            assert shown == how_many


def test_the_overview_counts_the_units_steps_from_the_same_source_as_the_menu(signed, officers, signed_in):
    for _ in range(2):
        processing(officers)
    to_sign(officers)
    page = signed_in(officers["lead"]).get("/mot-cua/tong-quan/")
    html = page.content.decode()
    figures = dict(
        (label, int(n))
        for n, label in re.findall(r'<div class="ws-stat[^"]*"><strong>(\d+)</strong>([^<]+)</div>', html)
    )
    assert figures == {
        "Chờ phân công": 2,
        "Đang xử lý": 0,
        "Chờ ký duyệt": 1,
        "Chờ phát hành": 0,
        "Bước quá hạn": figures["Bước quá hạn"],
    }
    assert figures["Bước quá hạn"] == 3  # received in March: every open step is past its own deadline
    assert menu_count(page, "Chờ phân công") == figures["Chờ phân công"]
    assert menu_count(page, "Chờ ký duyệt") == figures["Chờ ký duyệt"]
