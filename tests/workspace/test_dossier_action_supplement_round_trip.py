"""T7–T8 from the dossier page: the specialist asks for a supplement (with its reasons), the page shows the clock
paused and the pause; the counter receives the supplement and the clock runs again with the appointment moved by
the pause. A second request by the same body is refused with the rule's message, and nothing changes."""

import re

import pytest
from django.utils import timezone

from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier
from motcua.dossiers.services.intake import receive_at_counter
from motcua.dossiers.services.transitions import apply
from motcua.worktime import services as worktime
from tests.builders.dossiers import at, request_for, snapshot, transferred

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def post(client, dossier, action, **inputs):
    dossier = Dossier.objects.get(pk=dossier.pk)
    return client.post(
        f"/mot-cua/ho-so/{dossier.code}/thao-tac/{action}/",
        {"expected_version": dossier.version, **inputs},
        headers=HTMX,
    )


def badge(html) -> tuple[str, str]:
    state, text = re.search(r'<span class="deadline deadline-(\w+)">([^<]+)</span>', html).groups()
    return state, text


@pytest.fixture
def dossier(procedure, officers):
    received = receive_at_counter(request_for(), officers["counter"], at=timezone.now())
    worktime.calendar_for(received.receiving_agency)
    apply(received, "transfer", officers["counter"])
    return received


def test_a_supplement_pauses_the_clock_until_the_counter_receives_it(signed_in, officers, dossier):
    response = post(
        signed_in(officers["specialist"]),
        dossier,
        "request_supplement",
        reason="Bổ sung bản sao hợp đồng thuê nhà có công chứng",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã thực hiện “Yêu cầu bổ sung hồ sơ trong quá trình giải quyết” (T7)." in html
    assert 'class="status status-5"' in html and "Yêu cầu công dân bổ sung" in html
    state, text = badge(html)
    assert state == "paused" and text.endswith("(đang tạm dừng)") and text.startswith("còn ")
    assert "Tạm dừng tính thời gian" in html and "Bổ sung hồ sơ" in html and ", đang tạm dừng" in html
    assert "Bổ sung bản sao hợp đồng thuê nhà có công chứng" in html
    paused_due = Dossier.objects.get(pk=dossier.pk).due_at

    counter = signed_in(officers["counter"])
    page = counter.get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()
    assert "/thao-tac/receive_supplement/" in page  # the counter receives the supplement
    response = post(counter, dossier, "receive_supplement")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã thực hiện “Tiếp nhận hồ sơ bổ sung” (T8)." in html and 'class="status status-4"' in html
    state, text = badge(html)
    assert state in {"ok", "soon"} and "tạm dừng" not in text
    resumed = Dossier.objects.get(pk=dossier.pk)
    assert resumed.status == Status.PROCESSING and resumed.due_at >= paused_due
    assert resumed.pauses.get().ended_at is not None
    assert re.search(r"Từ \d\d/\d\d/\d{4} \d\d:\d\d đến \d\d/\d\d/\d{4} \d\d:\d\d", html)


def test_the_remaining_time_of_a_paused_dossier_is_shown_as_paused(signed_in, officers, procedure):
    old = transferred(officers)
    apply(
        old,
        "request_supplement",
        officers["specialist"],
        inputs={"reason": "Thiếu"},
        at=at("2026-03-11 09:15"),
    )
    page = signed_in(officers["counter"]).get(f"/mot-cua/ho-so/{old.code}/").content.decode()
    # paused on Wednesday 11/03 09:15 with five working days left of the seven: the clock does not run meanwhile
    assert badge(page) == ("paused", "còn 5 ngày (đang tạm dừng)")


def test_a_second_supplement_request_by_the_same_body_is_refused(signed_in, officers, dossier):
    specialist = signed_in(officers["specialist"])
    post(specialist, dossier, "request_supplement", reason="Lần đầu")
    post(signed_in(officers["counter"]), dossier, "receive_supplement")
    before = snapshot(dossier)
    specialist = signed_in(officers["specialist"])
    response = post(specialist, dossier, "request_supplement", reason="Lần hai")
    assert response.status_code == 409
    html = response.content.decode()
    assert "mỗi cơ quan chỉ được yêu cầu bổ sung một lần" in html and 'role="alert"' in html
    assert response["HX-Retarget"] == "#dossier-action-form"
    assert snapshot(dossier) == before
