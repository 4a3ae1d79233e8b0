"""The criteria are data (seeded from SPEC §10.2, dated, versioned once used): the score is the sum of the answers
(2 / 1 / 0) over the criteria valid on the day, the maximum follows the number of criteria, and the classification
uses the configured thresholds (R1's local rule ≥ 5 / ≥ 3.5 by default)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.satisfaction import services
from motcua.satisfaction.models import Criterion, RatingAnswer
from tests.builders.satisfaction import all_answers

pytestmark = pytest.mark.django_db


def test_the_seeded_criteria_are_indicators_1_2_3_4_6_7():
    criteria = services.criteria_on(dt.date(2026, 11, 1))
    assert [c.code for c in criteria] == ["1", "2", "3", "4", "6", "7"]
    assert criteria[0].answers()[0] == (2, "Sớm hơn thời gian quy định")
    assert criteria[-1].answer_0 == "Có phiền hà, sách nhiễu, tiêu cực"


@pytest.mark.parametrize(
    ("scores", "total", "classification"),
    [
        ({"1": 2, "2": 2, "3": 1, "4": 0, "6": 0, "7": 0}, 5, "rat_hai_long"),
        ({"1": 2, "2": 2, "3": 0, "4": 0, "6": 0, "7": 0}, 4, "hai_long"),
        ({"1": 1, "2": 1, "3": 1, "4": 0, "6": 0, "7": 0}, 3, "khong_hai_long"),
    ],
)
def test_score_and_classification(returned, scores, total, classification):
    rating = services.rate_result(returned, level="hai_long", answers=scores)
    assert (rating.score, rating.max_score, rating.classification) == (total, 12, classification)
    assert sorted(RatingAnswer.objects.filter(rating=rating).values_list("score", flat=True)) == sorted(
        scores.values()
    )


def test_thresholds_are_configurable(returned, settings):
    settings.MOTCUA_SATISFACTION_THRESHOLDS = "11,8"
    rating = services.rate_result(
        returned, level="hai_long", answers=all_answers(2) | {"1": 1, "2": 1, "3": 1}
    )
    assert rating.score == 9 and rating.classification == "hai_long"


def test_a_used_criterion_gets_a_new_version_and_old_ratings_keep_their_text(returned, procedure, officers):
    from tests.builders.reports import finished

    rating = services.rate_result(returned, level="hai_long", answers=all_answers())
    old = Criterion.objects.get(code="7", valid_to__isnull=True)
    with pytest.raises(ValidationError):  # a used version cannot be rewritten from its own first day
        services.revise_criterion(old, {"answer_0": "Có phản ánh về phiền hà"}, old.valid_from)
    new = services.revise_criterion(old, {"answer_0": "Có phản ánh về phiền hà"}, dt.date(2026, 1, 1))
    assert new.pk != old.pk and new.version == 2
    old.refresh_from_db()
    assert old.valid_to == dt.date(2025, 12, 31) and old.answer_0 == "Có phiền hà, sách nhiễu, tiêu cực"
    answer = RatingAnswer.objects.get(rating=rating, criterion__code="7")
    assert answer.criterion_id == old.pk
    later = finished(officers, "2026-03-03 09:15", "2026-03-06 10:00")
    second = services.rate_result(later, level="hai_long", answers=all_answers())
    assert RatingAnswer.objects.get(rating=second, criterion__code="7").criterion_id == new.pk


def test_an_unused_criterion_is_edited_in_place():
    criterion = Criterion.objects.get(code="1")
    edited = services.revise_criterion(
        criterion, {"title": "Tổng thời gian giải quyết"}, criterion.valid_from
    )
    assert edited.pk == criterion.pk and Criterion.objects.filter(code="1").count() == 1


def test_the_admin_makes_a_new_version_of_a_used_criterion(admin_client, returned):
    services.rate_result(returned, level="hai_long", answers=all_answers())
    old = Criterion.objects.get(code="6")
    url = f"/admin/satisfaction/criterion/{old.pk}/change/"
    assert admin_client.get(url).status_code == 200
    data = {
        "number": "6", "title": old.title, "question": "Thủ tục có được công khai đầy đủ không?",
        "answer_2": old.answer_2, "answer_1": old.answer_1, "answer_0": old.answer_0,
        "valid_from": "01/02/2026", "note": "Sửa câu hỏi",
    }  # fmt: skip
    same_day = admin_client.post(url, data | {"valid_from": old.valid_from.strftime("%d/%m/%Y")})
    assert (
        same_day.status_code == 200 and "phiên bản mới phải có hiệu lực sau ngày" in same_day.content.decode()
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = list(Criterion.objects.filter(code="6").order_by("version"))
    assert [v.version for v in versions] == [1, 2]
    assert (
        versions[0].question == old.question
        and versions[1].question == "Thủ tục có được công khai đầy đủ không?"
    )
    assert versions[0].valid_to == dt.date(2026, 1, 31)
