"""Bad input is refused with a Vietnamese message next to its field, and nothing is stored: a missing or invalid
answer, a missing or unknown level, an unknown criterion, a comment too long."""

import pytest
from django.core.exceptions import ValidationError

from motcua.satisfaction import services
from motcua.satisfaction.models import Rating, RatingAnswer, RatingOfficer
from tests.builders.satisfaction import all_answers, form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        (
            {"answers": {k: v for k, v in all_answers().items() if k != "3"}},
            "c3",
            "Chọn một câu trả lời cho chỉ số 3",
        ),
        ({"answers": all_answers() | {"4": 3}}, "c4", "chỉ số 4"),
        ({"answers": all_answers() | {"4": True}}, "c4", "chỉ số 4"),
        ({"answers": all_answers() | {"6": "hai"}}, "c6", "chỉ số 6"),
        ({"level": "tam_duoc"}, "level", "Chọn một mức độ hài lòng"),
        ({"level": None}, "level", "Chọn một mức độ hài lòng"),
        ({"answers": all_answers() | {"9": 2}}, "__all__", "không có trong bộ tiêu chí"),
        ({"comment": "x" * 2001}, "comment", "tối đa 2000 ký tự"),
    ],
)
def test_the_service_refuses_and_stores_nothing(returned, kwargs, field, message):
    arguments = {"level": "hai_long", "answers": all_answers()} | kwargs
    with pytest.raises(ValidationError) as error:
        services.rate_result(returned, **arguments)
    assert message in " ".join(error.value.message_dict[field])
    assert (
        not Rating.objects.exists()
        and not RatingAnswer.objects.exists()
        and not RatingOfficer.objects.exists()
    )


def test_the_page_names_every_error_and_keeps_the_choices(client, returned, make_citizen):
    client.force_login(make_citizen())
    data = form_data()
    del data["c2"]
    data["level"] = ""
    response = client.post(f"/danh-gia/{returned.code}/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="err-c2"' in page and 'id="err-level"' in page and "Chọn một mức độ hài lòng." in page
    assert 'value="2" id="id_c1_0" checked' in page  # what was chosen stays chosen
    assert not Rating.objects.exists()
