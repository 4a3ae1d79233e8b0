"""Rating after the result comes only once the result has been returned (status 10): before that the page does
not exist (404) and the service refuses."""

import pytest
from django.core.exceptions import ValidationError

from motcua.satisfaction import services
from motcua.satisfaction.models import Rating
from tests.builders.dossiers import act, processing
from tests.builders.reports import finish_inputs
from tests.builders.satisfaction import all_answers, form_data

pytestmark = pytest.mark.django_db


def test_a_finished_but_not_returned_dossier_is_refused(procedure, officers):
    dossier = act(
        processing(officers), "finish", officers["lead"], "2026-03-12 10:00", **finish_inputs("2026-03-12")
    )
    assert dossier.status == 9
    with pytest.raises(ValidationError) as error:
        services.rate_result(dossier, level="hai_long", answers=all_answers())
    assert "sau khi hồ sơ đã được trả kết quả" in error.value.messages[0]
    assert not Rating.objects.exists()


def test_the_page_of_an_open_dossier_is_not_found_even_for_its_owner(
    client, procedure, officers, make_citizen
):
    dossier = processing(officers)
    client.force_login(make_citizen())
    assert client.get(f"/danh-gia/{dossier.code}/").status_code == 404
    assert client.post(f"/danh-gia/{dossier.code}/", form_data()).status_code == 404
    assert not Rating.objects.exists()


def test_an_unknown_code_is_not_found(client, make_citizen, procedure):
    client.force_login(make_citizen())
    assert client.get("/danh-gia/000.00.02.H56-260101-9999/").status_code == 404
