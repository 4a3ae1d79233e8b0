"""The officers' pages answer bad input with a reason, never a 500: a NUL byte anywhere in a request (PostgreSQL
cannot store it) is refused before any view runs; a date past the calendar (31/12/9999, whose day after does not
exist) is a form error next to its field; an id in Unicode digits (“²”) or too large for the database is a 400."""

import pytest

pytestmark = pytest.mark.django_db


def test_a_nul_byte_is_refused_before_any_view(signed_in, officers):
    client = signed_in(officers["counter"])
    for response in (
        client.get("/mot-cua/ho-so/", {"thu_tuc": "1.004222\x00"}),
        client.post(
            "/mot-cua/thong-bao/da-doc/", "id=1%00", content_type="application/x-www-form-urlencoded"
        ),
        client.get("/api/v1/procedures", {"q": "\x00"}),
    ):
        assert response.status_code in (400, 422), response.content[:300]
        assert "ký tự NUL" in response.content.decode()


def test_a_date_past_the_calendar_is_a_form_error(signed_in, officers, procedure):
    client = signed_in(officers["counter"])
    response = client.get("/mot-cua/ho-so/", {"tu_ngay": "01/01/2026", "den_ngay": "31/12/9999"})
    assert response.status_code == 422  # the queue form's answer to a wrong filter
    page = response.content.decode()
    assert 'aria-describedby="err-den_ngay"' in page and "Ngày phải trong khoảng" in page


def test_feedback_statistics_ignore_a_date_past_the_calendar(signed_in, officers):
    response = signed_in(officers["lead"]).get(
        "/mot-cua/phan-anh/thong-ke/", {"tu_ngay": "01/01/0001", "den_ngay": "31/12/9999"}
    )
    assert response.status_code in (200, 403)


@pytest.mark.parametrize("value", ["²", "٣", "9" * 40])
def test_an_id_in_other_digits_or_too_large_is_a_400(signed_in, officers, value):
    response = signed_in(officers["counter"]).post("/mot-cua/thong-bao/da-doc/", {"id": value})
    assert response.status_code == 400 and "không hợp lệ" in response.content.decode()
