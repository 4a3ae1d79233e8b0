"""The queue reads the receiving, handling and current sides separately and merges them: a dossier seen through
several sides appears once on a page and is counted once; a unit filter and visibility are independent."""

import pytest
from django.utils import timezone

from motcua.dossiers.services import queues
from motcua.dossiers.services.visibility import DossierVisibility
from motcua.org.models import Agency
from tests.builders.dossiers import queue

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(procedure, officers):
    built = queue(officers)  # the first now held by the competent agency
    return built["late"], built["fresh"], built["online"]


def test_lead_sees_each_dossier_once_and_counts_match(three, officers):
    visibility = DossierVisibility.of(officers["lead"])
    page = queues.page(visibility, queues.QueueFilter())
    assert sorted(d.pk for d in page.items) == sorted(d.pk for d in three)
    assert page.next is None
    counts = queues.status_counts(visibility, queues.QueueFilter())
    assert counts == {4: 1, 2: 1, 1: 1}


def test_unit_filter_is_independent_of_the_side_that_grants_visibility(three, officers):
    # the counter officer sees them as receiving unit; filtering by the competent agency still finds them
    visibility = DossierVisibility.of(officers["counter"])
    handling = Agency.objects.filter(pk=three[0].handling_agency_id).values_list("pk", flat=True)
    page = queues.page(visibility, queues.QueueFilter(unit_ids=tuple(handling)))
    assert {d.pk for d in page.items} == {d.pk for d in three}
    held = queues.page(visibility, queues.QueueFilter(unit_ids=tuple(handling), side="current_agency_id"))
    assert [d.pk for d in held.items] == [three[0].pk]


def test_other_unit_sees_nothing(three, officers):
    visibility = DossierVisibility.of(officers["other_counter"])
    assert queues.page(visibility, queues.QueueFilter()).items == []
    assert queues.status_counts(visibility, queues.QueueFilter()) == {}


@pytest.mark.parametrize("text", ["", "abc", "MjAyNi0wMS0wMQ", "eH5Z"])
def test_bad_cursor_is_refused(text):
    with pytest.raises(queues.InvalidCursor):
        queues.Cursor.decode(text)


def test_cursor_round_trip():
    cursor = queues.Cursor(timezone.now().replace(microsecond=123456), 42)
    assert queues.Cursor.decode(cursor.encode()) == cursor
