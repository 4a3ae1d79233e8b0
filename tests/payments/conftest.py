"""The payment tests use the small province of the dossier tests: procedure 1.004222, whose online way of
submitting charges a lệ phí of 10.000 đồng (20.000 đồng at the counter). ``lan`` is the citizen who submits online."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.accounts.models import Citizen
from motcua.dossiers.services.intake import submit_online
from motcua.payments import gateways
from motcua.payments.models import Payment
from motcua.payments.services import payments as service
from tests.dossiers.conftest import (  # noqa: F401  (fixtures shared with the dossier tests)
    at,
    officers,
    procedure,
    request_for,
)


def make_citizen(django_user_model, username, full_name):
    user = django_user_model.objects.create_user(username, password="x-long-password-1")
    Citizen.objects.create(  # a local account signs in once its e-mail is confirmed (accounts)
        user=user,
        full_name=full_name,
        id_number="038190001234",
        phone="0912345678",
        email=f"{username}@example.vn",
        email_verified_at=timezone.now(),
    )
    return user


@pytest.fixture
def lan(django_user_model):
    return make_citizen(django_user_model, "cd.lan", "Trần Thị Lan")


@pytest.fixture
def stranger(django_user_model):
    return make_citizen(django_user_model, "cd.khac", "Lê Văn Khác")


@pytest.fixture
def dossier(procedure, officers, lan):  # noqa: F811
    return submit_online(request_for(account_id=lan.pk), lan, at=at("2026-03-09 09:15"))


def page_url(dossier) -> str:
    return f"/thanh-toan/ho-so/{dossier.code or dossier.reference}/"


def sandbox():
    return gateways.get("sandbox")


def begin(dossier, user) -> Payment:
    return service.start(
        dossier,
        user,
        "sandbox",
        return_url="http://testserver/thanh-toan/ket-qua/sandbox/",
        callback_url="http://testserver/thanh-toan/callback/sandbox/",
    ).payment


def message(payment, status="succeeded", amount=None, transaction="SB0001"):
    """What the sandbox bank sends for ``status``: signed fields."""
    return sandbox().message(
        payment.order_id, payment.amount if amount is None else amount, status, transaction
    )


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def a_while_later(minutes=16):
    from django.utils import timezone

    return timezone.now() + dt.timedelta(minutes=minutes)
