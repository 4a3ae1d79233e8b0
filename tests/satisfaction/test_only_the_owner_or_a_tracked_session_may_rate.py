"""Who may rate a returned dossier: the citizen account that owns it (its submitting account, or a VNeID-verified
account of the same applicant), or a visitor who proved the check value on the tracking page in this browser
session. Anyone else — signed out, another citizen, an unverified account with the same number, an officer — gets
404, as for an unknown code, and nothing is stored."""

import time

import pytest

from motcua.dossiers.models import Dossier
from motcua.portal.views import SESSION_KEY
from motcua.satisfaction.models import Rating
from tests.builders.satisfaction import form_data

pytestmark = pytest.mark.django_db


def url(dossier) -> str:
    return f"/danh-gia/{dossier.code}/"


def test_signed_out_visitors_and_other_accounts_get_not_found(client, returned, make_citizen, officers):
    assert client.get(url(returned)).status_code == 404
    client.force_login(make_citizen("khac", id_number="001099000001"))
    assert client.get(url(returned)).status_code == 404
    client.force_login(make_citizen("chuaxacthuc", verified=False))  # a self-declared number widens nothing
    assert client.get(url(returned)).status_code == 404
    client.force_login(officers["counter"])
    assert client.post(url(returned), form_data()).status_code == 404
    assert not Rating.objects.exists()


def test_the_verified_owner_rates_on_the_portal(client, returned, make_citizen):
    user = make_citizen()
    client.force_login(user)
    page = client.get(url(returned))
    assert page.status_code == 200
    assert client.post(url(returned), form_data()).status_code == 302
    rating = Rating.objects.get()
    assert rating.channel == "portal" and rating.account == user


def test_the_submitting_account_rates_its_dossier(client, returned, make_citizen):
    user = make_citizen("nopho", id_number="001099000002", verified=False)
    Dossier.objects.filter(pk=returned.pk).update(account=user)
    client.force_login(user)
    assert client.get(url(returned)).status_code == 200


def test_a_visitor_who_passed_the_tracking_check_rates_in_that_session(client, returned):
    unlocked = client.post(f"/tra-cuu/{returned.code}/", {"check": "5678"})
    assert unlocked.status_code == 302
    assert client.get(url(returned)).status_code == 200
    assert client.post(url(returned), form_data(level="hai_long")).status_code == 302
    rating = Rating.objects.get()
    assert rating.channel == "tracking" and rating.account is None


def test_a_wrong_check_value_or_another_session_opens_nothing(client, returned, django_user_model):
    client.post(f"/tra-cuu/{returned.code}/", {"check": "0000"})
    assert client.get(url(returned)).status_code == 404


def test_an_expired_unlock_opens_nothing(client, returned):
    client.post(f"/tra-cuu/{returned.code}/", {"check": "5678"})
    session = client.session
    session[SESSION_KEY] = {returned.code: time.time() - 1}
    session.save()
    assert client.get(url(returned)).status_code == 404
