"""A dossier is rated once after its result (and once at the counter): a second rating is refused with a message,
the first one stays as it was, and the page then shows the rating instead of a form."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from motcua.satisfaction import services
from motcua.satisfaction.models import Kind, Rating
from tests.builders.satisfaction import all_answers, form_data

pytestmark = pytest.mark.django_db


def test_a_second_result_rating_is_refused_and_the_first_kept(returned):
    first = services.rate_result(returned, level="hai_long", answers=all_answers(1), comment="Tốt")
    with pytest.raises(ValidationError) as error:
        services.rate_result(returned, level="khong_hai_long", answers=all_answers(0))
    assert "chỉ được đánh giá một lần" in " ".join(error.value.messages)
    stored = Rating.objects.get()
    assert stored.pk == first.pk and stored.level == "hai_long" and stored.comment == "Tốt"


def test_the_database_refuses_a_duplicate_too(returned):
    first = services.rate_result(returned, level="hai_long", answers=all_answers(1))
    duplicate = Rating(
        dossier=returned, kind=Kind.RESULT, level="hai_long", rated_at=first.rated_at, channel="portal",
        agency_id=returned.handling_agency_id,
    )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_result_and_reception_are_two_kinds(received_now, officers):
    from motcua.org.permissions import Access

    dossier = received_now()
    access = Access.of(officers["counter"])
    services.rate_reception(dossier, level="rat_hai_long", officer=officers["counter"], access=access)
    with pytest.raises(ValidationError):
        services.rate_reception(dossier, level="hai_long", officer=officers["counter"], access=access)
    assert Rating.objects.filter(dossier=dossier, kind=Kind.RECEPTION).count() == 1


def test_once_rated_the_page_shows_the_rating_and_no_form(client, returned, make_citizen):
    client.force_login(make_citizen())
    url = f"/danh-gia/{returned.code}/"
    response = client.post(url, form_data(score="1", level="hai_long", comment="Cán bộ nhiệt tình"))
    assert response.status_code == 302 and response["Location"] == url + "?da-gui=1"
    page = client.get(url + "?da-gui=1").content.decode()
    assert "Cảm ơn Ông/Bà đã đánh giá" in page and "Cán bộ nhiệt tình" in page
    assert "6/12" in page and '<form method="post" class="rating-form"' not in page
    again = client.post(url, form_data(score="0", level="khong_hai_long"))
    assert again.status_code == 200 and "đã được đánh giá" in again.content.decode()
    assert Rating.objects.get().level == "hai_long"


def test_the_link_to_rate_shows_only_for_a_returned_dossier_not_yet_rated(returned, procedure, officers):
    from django.template import Context, Template

    from tests.builders.dossiers import processing

    link = Template("{% load satisfaction %}{% rate_link code status %}")
    html = link.render(Context({"code": returned.code, "status": returned.status}))
    assert f'href="/danh-gia/{returned.code}/"' in html and "Đánh giá sự hài lòng" in html
    open_one = processing(officers, "2026-03-10 09:15", "2026-03-10 10:00")
    assert "danh-gia" not in link.render(Context({"code": open_one.code, "status": open_one.status}))
    services.rate_result(returned, level="hai_long", answers=all_answers())
    assert "danh-gia" not in link.render(Context({"code": returned.code, "status": returned.status}))
