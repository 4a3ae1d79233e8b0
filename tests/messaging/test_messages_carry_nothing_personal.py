"""Nothing personal beyond what the event needs leaves the system: no message (e-mail, SMS, Zalo parameters) names
the applicant, their identification number, birth date or address — only the dossier, the procedure, the dates and
the links; the officers see the addresses masked, and the full address is dropped once the message is sent."""

import datetime as dt

import pytest
from django.core import mail

from motcua.dossiers.services.intake import ApplicantData
from motcua.messaging.choices import VARIABLES
from motcua.messaging.models import Delivery, SandboxMessage
from tests.builders.accounts import make_local
from tests.builders.dossiers import FINISH_INPUTS, act, receive

pytestmark = pytest.mark.django_db

PERSONAL = ("Trần Thị Bình", "038190001234", "Số 5 đường Lê Lợi", "1990", "0912345678", "b@example.vn")


def test_no_message_names_the_applicant(procedure, officers, django_capture_on_commit_callbacks):
    citizen = make_local(email="b@example.vn", phone="0912345678")
    citizen.notify_zalo = True
    citizen.save()
    applicant = ApplicantData(
        name="Trần Thị Bình",
        id_number="038190001234",
        birth_date=dt.date(1990, 5, 1),
        phone="0912345678",
        email="b@example.vn",
        address="Số 5 đường Lê Lợi, phường Hạc Thành",
    )
    with django_capture_on_commit_callbacks(execute=True):
        dossier = receive(officers, applicant=applicant, account_id=citizen.user_id)
        dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
        act(dossier, "finish", officers["lead"], "2026-03-12 10:00", **FINISH_INPUTS)
    said = [m.subject + m.body for m in mail.outbox]
    said += [m.text + str(m.parameters) for m in SandboxMessage.objects.all()]
    said += [str(d.values) for d in Delivery.objects.all()]
    assert len(mail.outbox) == 2 and SandboxMessage.objects.filter(channel="zalo").count() == 2
    for text in said:
        for value in PERSONAL:
            assert value not in text
    assert set(Delivery.objects.values_list("recipient", flat=True)) == {""}


def test_no_event_offers_a_personal_variable():
    offered = {name for names in VARIABLES.values() for name in names}
    assert not offered & {"ho_ten", "so_dinh_danh", "ngay_sinh", "dia_chi", "so_dien_thoai", "email"}
