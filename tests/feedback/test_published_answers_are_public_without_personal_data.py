"""Published answers: listed and searchable (words without diacritics, field, agency), one page each; never the
sender's name, address, phone or e-mail; unpublished feedback is not found; fixed query counts."""

import pytest

from motcua.catalog.models import ProcedureField
from tests.builders.dossiers import at
from tests.builders.feedback import answer_and_publish

pytestmark = pytest.mark.django_db

PERSONAL = ["Trần Thị Bình", "Lê Lợi", "0912345678", "5678", "binh@example.vn"]


@pytest.fixture
def published(send, staff):
    return answer_and_publish(send(), staff, at("2026-03-10 09:00"))


def test_the_list_finds_by_words_without_diacritics(client, published, send, django_assert_num_queries):
    send(title="Chưa trả lời")  # not published: never listed
    with django_assert_num_queries(4):  # fields, agencies, count, page
        response = client.get("/phan-anh-kien-nghi/?q=cham+tra+ket+qua")
    page = response.content.decode()
    assert published.code in page and "Chưa trả lời" not in page
    assert (
        client.get("/phan-anh-kien-nghi/?q=xay+dung").content.decode().count("/phan-anh-kien-nghi/PAKN-") == 0
    )


def test_the_list_filters_by_agency_and_field(client, published, province):
    field = ProcedureField.objects.create(name="Chứng thực")
    assert (
        published.code
        in client.get(f"/phan-anh-kien-nghi/?co_quan={province['justice'].pk}").content.decode()
    )
    assert (
        published.code
        not in client.get(f"/phan-anh-kien-nghi/?co_quan={province['building'].pk}").content.decode()
    )
    assert published.code not in client.get(f"/phan-anh-kien-nghi/?linh_vuc={field.pk}").content.decode()
    published.field = field
    published.save(update_fields=["field"])
    assert published.code in client.get(f"/phan-anh-kien-nghi/?linh_vuc={field.pk}").content.decode()


def test_the_public_page_shows_the_answer_and_no_personal_data(client, published, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(f"/phan-anh-kien-nghi/{published.code}/")
    page = response.content.decode()
    assert "Sở đã kiểm tra và trả kết quả." in page and "Công dân phản ánh việc chậm trả" in page
    for value in PERSONAL:
        assert value not in page
    listing = client.get("/phan-anh-kien-nghi/").content.decode()
    for value in PERSONAL:
        assert value not in listing


def test_unpublished_feedback_is_not_public(client, send):
    feedback = send()
    assert client.get(f"/phan-anh-kien-nghi/{feedback.code}/").status_code == 404


def test_the_officer_words_the_public_title(client, send, staff):
    from motcua.feedback.services.transitions import apply

    feedback = send(title="Chị Trần Thị Bình 0912345678 phản ánh")
    apply(feedback, "process", staff["officer"], inputs={"classification": "quy_dinh"})
    apply(feedback, "draft_answer", staff["officer"], inputs={"answer": "Trả lời."})
    apply(feedback, "approve", staff["lead"])
    apply(
        feedback,
        "publish",
        staff["officer"],
        inputs={"public_question": "Phản ánh về thời gian.", "public_title": "Thời gian chứng thực"},
    )
    page = client.get(f"/phan-anh-kien-nghi/{feedback.code}/").content.decode()
    listing = client.get("/phan-anh-kien-nghi/").content.decode()
    assert "Thời gian chứng thực" in page and "Thời gian chứng thực" in listing
    for value in PERSONAL:
        assert value not in page and value not in listing
