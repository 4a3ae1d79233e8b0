"""A rating after the result concerns every officer of the dossier's process log, once per role and unit they
acted in; a reception rating concerns the officer who received the dossier."""

import pytest

from motcua.org.permissions import Access
from motcua.satisfaction import services
from motcua.satisfaction.models import RatingOfficer
from tests.builders.satisfaction import all_answers

pytestmark = pytest.mark.django_db


def test_every_officer_of_the_log_with_the_role_they_acted_in(returned, officers, province):
    rating = services.rate_result(returned, level="hai_long", answers=all_answers())
    linked = {(o.officer.username, o.role, o.agency_id) for o in RatingOfficer.objects.filter(rating=rating)}
    assert linked == {
        ("tn.an", "COUNTER_OFFICER", province["centre"].pk),  # received, transferred, returned: one row
        ("gd.tuphap", "AGENCY_LEAD", province["justice"].pk),  # finished
    }
    assert RatingOfficer.objects.get(rating=rating, officer=officers["counter"]).officer_name


def test_a_reception_rating_concerns_the_receiving_officer(received_now, officers, province):
    dossier = received_now()
    rating = services.rate_reception(
        dossier, level="rat_hai_long", officer=officers["counter"], access=Access.of(officers["counter"])
    )
    (linked,) = RatingOfficer.objects.filter(rating=rating)
    assert linked.officer == officers["counter"] and linked.agency == province["centre"]
    assert rating.agency == province["centre"] and rating.channel == "kiosk" and rating.score is None
