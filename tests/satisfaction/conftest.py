"""The satisfaction tests use the small province of the dossier tests (procedure 1.004222 received at the
provincial centre by ``tn.an`` and handled by Sở Tư pháp) and make dossiers through the real services; the applicant
of ``request_for()`` is Trần Thị Bình, phone 0912345678, ID number 038190001234."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.accounts.models import Citizen
from tests.builders.dossiers import request_for
from tests.builders.reports import finished
from tests.builders.satisfaction import APPLICANT_ID


@pytest.fixture(autouse=True)
def _criteria(request):
    """The criteria a data migration seeds: a browser test (live server, a transactional test) empties every table
    when it ends, so they are seeded again (idempotent) for every test that uses the database."""
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "live_server"}:
        return
    transactional = "live_server" in names or (marker is not None and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from motcua.satisfaction.services import load_defaults

    load_defaults()


@pytest.fixture(autouse=True)
def _satisfaction_starts_with_an_empty_cache(empty_cache):
    """Tracked sessions and throttle counts: cleared around every test (``empty_cache``)."""


@pytest.fixture
def returned(procedure, officers):
    """A dossier received 02/03/2026, finished by the director of Sở Tư pháp and returned: status 10."""
    return finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")


@pytest.fixture
def make_citizen(django_user_model):
    def make(username="congdan", id_number=APPLICANT_ID, verified=True):
        user = django_user_model.objects.create_user(username, password="x-long-password-1")
        Citizen.objects.create(
            user=user, kind="1", full_name="Trần Thị Bình", id_number=id_number, id_verified=verified
        )
        return user

    return make


@pytest.fixture
def received_now(procedure, officers):
    """``received_now(minutes_ago=0, officer="counter")``: a dossier received at the counter that many minutes ago."""
    from motcua.dossiers.services.intake import receive_at_counter

    def make(minutes_ago=0, officer="counter", **overrides):
        when = timezone.now() - dt.timedelta(minutes=minutes_ago)
        return receive_at_counter(request_for(**overrides), officers[officer], at=when)

    return make
