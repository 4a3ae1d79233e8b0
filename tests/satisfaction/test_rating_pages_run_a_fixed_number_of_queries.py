"""The applicant's rating page reads a fixed number of SQL queries, whoever opens it and whatever the dossier's
history: the form (the dossier, the account's citizen record, whether it is rated, the criteria of the day) and
the rating once given (its answers with their criteria)."""

import pytest

from motcua.satisfaction import services
from tests.builders.satisfaction import all_answers

pytestmark = pytest.mark.django_db

# session, user with its citizen, the dossier (with procedure and applicant), the rating (none), the criteria
OWNER_FORM = 5
# session, the dossier, the rating (none), the criteria — a signed-out visitor has no user or citizen to read
TRACKED_FORM = 4
# session, user with its citizen, the dossier, the rating, its answers with their criteria
OWNER_RATED = 5


def test_the_owners_form(client, returned, make_citizen, django_assert_num_queries):
    client.force_login(make_citizen())
    with django_assert_num_queries(OWNER_FORM):
        page = client.get(f"/danh-gia/{returned.code}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count("<fieldset") == 7 and text.count("<legend") == 7  # six indicators and the overall level
    assert '<label for="id_c1_0">' in text and 'type="radio"' in text and '<label for="id_comment">' in text


def test_the_tracked_visitors_form(client, returned, django_assert_num_queries):
    client.post(f"/tra-cuu/{returned.code}/", {"check": "1234"})
    with django_assert_num_queries(TRACKED_FORM):
        assert client.get(f"/danh-gia/{returned.code}/").status_code == 200


def test_the_rating_once_given(client, returned, make_citizen, django_assert_num_queries):
    services.rate_result(returned, level="hai_long", answers=all_answers(1))
    client.force_login(make_citizen())
    with django_assert_num_queries(OWNER_RATED):
        page = client.get(f"/danh-gia/{returned.code}/").content.decode()
    assert "Đúng thời gian quy định" in page and "6/12" in page
