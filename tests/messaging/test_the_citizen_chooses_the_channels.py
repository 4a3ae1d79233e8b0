"""A citizen chooses in “Tài khoản” how they are told (e-mail, SMS, Zalo); their dossiers — submitted from the
account, or received at the counter for their verified identity — follow that choice. A channel needs its contact."""

import pytest

from motcua.accounts.models import Citizen
from motcua.dossiers.services.intake import ApplicantData
from motcua.messaging.models import SandboxMessage
from tests.builders.accounts import make_local
from tests.builders.dossiers import receive
from tests.builders.messaging import deliveries, letters_to

pytestmark = pytest.mark.django_db

APPLICANT = ApplicantData(
    name="Trần Thị Bình", id_number="038190001234", phone="0912345678", email="b@example.vn"
)


@pytest.fixture
def verified(db):
    citizen = make_local(email="binh@example.vn", phone="0987654321")
    Citizen.objects.filter(pk=citizen.pk).update(id_number="038190001234", id_verified=True)
    citizen.refresh_from_db()
    return citizen


def test_the_account_page_saves_the_choice(client, verified):
    client.force_login(verified.user)
    page = client.get("/tai-khoan/ca-nhan/").content.decode()
    assert "Nhận thông báo qua" in page and 'name="notify_zalo"' in page
    response = client.post("/tai-khoan/ca-nhan/thong-bao/", {"notify_email": "on", "notify_zalo": "on"})
    assert response.status_code == 302
    verified.refresh_from_db()
    assert (verified.notify_email, verified.notify_sms, verified.notify_zalo) == (True, False, True)


def test_a_channel_without_its_contact_is_refused(client, db):
    citizen = make_local(email="khongso@example.vn")  # no phone
    client.force_login(citizen.user)
    response = client.post("/tai-khoan/ca-nhan/thong-bao/", {"notify_sms": "on"})
    assert response.status_code == 422
    assert "Hãy khai số điện thoại" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.notify_sms is True and citizen.notify_email is True  # unchanged


def test_a_counter_dossier_of_a_verified_citizen_follows_their_choice(
    procedure, officers, verified, django_capture_on_commit_callbacks
):
    Citizen.objects.filter(pk=verified.pk).update(notify_email=False, notify_sms=False, notify_zalo=True)
    with django_capture_on_commit_callbacks(execute=True):
        dossier = receive(officers, applicant=APPLICANT)
    assert [(d.channel, d.recipient_masked) for d in deliveries(dossier)] == [("zalo", "0987***321")]
    [zns] = SandboxMessage.objects.all()
    assert (zns.channel, zns.phone, zns.zalo_template_id) == ("zalo", "0987654321", "motcua_tiep_nhan")
    assert zns.parameters["ma_ho_so"] == dossier.code
    assert zns.parameters["link"].endswith(f"/tra-cuu/{dossier.code}/")
    assert letters_to("b@example.vn") == [] and letters_to("binh@example.vn") == []


def test_email_only_sends_no_sms(procedure, officers, verified, django_capture_on_commit_callbacks):
    Citizen.objects.filter(pk=verified.pk).update(notify_sms=False)
    with django_capture_on_commit_callbacks(execute=True):
        dossier = receive(officers, applicant=APPLICANT)
    assert [d.channel for d in deliveries(dossier)] == ["email"]
    assert [m.to for m in letters_to("binh@example.vn")] == [["binh@example.vn"]]  # the account's address
    assert SandboxMessage.objects.count() == 0
