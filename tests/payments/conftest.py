"""The payment tests use the small province of the dossier tests: procedure 1.004222, whose online way of
submitting charges a lệ phí of 10.000 đồng (20.000 đồng at the counter). ``lan`` is the citizen who submits online."""

import pytest

from motcua.dossiers.services.intake import submit_online
from tests.builders.dossiers import at, request_for
from tests.builders.payments import make_citizen


@pytest.fixture
def lan(django_user_model):
    return make_citizen(django_user_model, "cd.lan", "Trần Thị Lan")


@pytest.fixture
def other_citizen(django_user_model):
    """A citizen who did not submit the dossier (same ID number as ``lan``: ownership is by account)."""
    return make_citizen(django_user_model, "cd.khac", "Lê Văn Khác")


@pytest.fixture
def dossier(procedure, officers, lan):
    return submit_online(request_for(account_id=lan.pk), lan, at=at("2026-03-09 09:15"))
