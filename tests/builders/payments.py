"""Payments for tests: citizens who pay, the sandbox bank's messages, and the payment pages."""

import datetime as dt

from django.utils import timezone

from motcua.accounts.models import Citizen
from motcua.payments import gateways
from motcua.payments.models import Payment
from motcua.payments.services import payments as service


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
