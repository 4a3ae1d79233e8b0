"""Unit statistics computed from the records: a known set of feedback, every number checked; the statistics page
shows them to leaders and TTHC controllers of the unit with a fixed number of queries."""

import datetime as dt

import pytest

from motcua.feedback.services import statistics
from motcua.feedback.services.transitions import apply
from tests.builders.accounts import VERIFIED_SESSION
from tests.builders.dossiers import WORK_MENU, at
from tests.builders.feedback import answer_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def known_set(send, staff):
    o = staff["officer"]
    # 1: answered on time, published, the sender agrees
    a = answer_and_publish(send(when=at("2026-03-02 09:00")), staff, at("2026-03-03 09:00"))
    apply(a, "react", None, inputs={"reaction": "dong_y"}, as_sender=True)
    # 2: answered on time, published, the sender disagrees
    b = answer_and_publish(send(when=at("2026-03-02 10:00"), title="Phí"), staff, at("2026-03-04 09:00"))
    apply(b, "react", None, inputs={"reaction": "khong_dong_y"}, as_sender=True)
    # 3: answered late (approved after 15 working days), not yet published
    c = send(when=at("2026-03-02 11:00"), title="Biểu mẫu")
    apply(c, "process", o, inputs={"classification": "quy_dinh"}, at=at("2026-03-03 09:00"))
    apply(c, "draft_answer", o, inputs={"answer": "Trả lời"}, at=at("2026-03-20 09:00"))
    apply(c, "approve", staff["lead"], at=at("2026-03-24 09:00"))
    # 4: refused on time; 5: refused late
    apply(
        send(when=at("2026-03-05 09:00"), title="A"),
        "refuse",
        o,
        inputs={"reason": "x"},
        at=at("2026-03-06 09:00"),
    )
    apply(
        send(when=at("2026-03-05 09:00"), title="B"),
        "refuse",
        o,
        inputs={"reason": "x"},
        at=at("2026-03-12 09:00"),
    )
    # 6: still open, overdue at the end of March; 7: still open, within time at the end of March
    apply(send(when=at("2026-03-06 09:00"), title="C"), "classify", o, inputs={"classification": "hanh_vi"})
    send(when=at("2026-03-25 09:00"), title="D")
    # 8: a complaint, redirected; 9: received in April (outside the period); 10: another unit
    send(when=at("2026-03-10 09:00"), kind="khieu_nai", title="E")
    send(when=at("2026-04-01 09:00"), title="F")
    send(when=at("2026-03-10 09:00"), title="G", receiving_agency="000.00.07.H56")


def test_every_number_matches(known_set, province):
    justice = province["justice"].pk
    rows = statistics.by_unit(
        [justice], dt.date(2026, 3, 1), dt.date(2026, 3, 31), now=at("2026-05-01 09:00")
    )
    assert rows[justice] == dict(
        received=7,
        regulation=1,
        conduct=3,  # a, b (hanh_vi in answer_and_publish) and C
        refused=2,
        answered=3,
        on_time=3,  # a, b and the refusal within 2 working days
        late=2,  # c and the late refusal
        open_in_time=1,  # D: due 15/04, after 31/03
        open_late=1,  # C: due 27/03
        published=2,
        agree=1,
        disagree=1,
        redirected=1,
        satisfaction=50.0,
        on_time_rate=round(100 * 4 / 7, 1),
    )


def test_the_page_shows_the_figures_to_the_unit(client, known_set, staff, django_assert_num_queries):
    client.force_login(staff["lead"])
    url = "/mot-cua/phan-anh/thong-ke/?tu_ngay=01/03/2026&den_ngay=31/03/2026"
    client.get(url)
    # the units' names, the grouped counts; the menu's work counts; a leader's session passed the second factor (its
    # device is read)
    with django_assert_num_queries(5 + 2 + WORK_MENU + VERIFIED_SESSION):
        response = client.get(url)
    page = response.content.decode()
    assert (
        '<th scope="row">Sở Tư pháp</th><td>7</td><td>1</td><td>3</td><td>2</td><td>3</td><td>3</td><td>2</td>'
        in page
    )
    client.force_login(staff["controller"])  # the province's TTHC controller sees the unit too
    assert '<th scope="row">Sở Tư pháp</th><td>7</td>' in client.get(url).content.decode()
    client.force_login(staff["counter"])
    assert client.get(url).status_code == 403
