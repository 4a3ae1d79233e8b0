"""Rule 2 of issue 16 — the applicant registry cannot be poisoned. The attack, end to end: a stranger opens a local
(unverified) account, declares the ID number of Trần Thị Bình with *his own* phone and address and submits a
dossier online. Bình's next dossier — at the counter (lookup then accept, on the page), through the API, and online
from her own VNeID account — must not get the stranger's phone or address, and the stranger's phone must not unlock
the tracking page of Bình's dossier. What was verified (VNeID, or an officer who saw the card) is reused."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from motcua.accounts.models import Citizen
from motcua.dossiers.models import Applicant, Dossier
from motcua.dossiers.services.intake import ApplicantData, receive_at_counter
from tests.builders.dossiers import counter_form, intake, request_for
from tests.builders.portal import eform, make_citizen

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("storage_root")]  # a storage folder of its own

BINH_ID = "038190001234"
BINH_PHONE, BINH_ADDRESS = "0912345678", "Phường Hạc Thành"
STRANGER_PHONE, STRANGER_ADDRESS = "0987654321", "Thôn Kẻ Lạ, xã Đông Hòa"


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()  # tracking throttle and lookup counts
    yield
    cache.clear()


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def submit_online(client, procedure, **fields) -> Dossier:
    assert client.post("/nop-ho-so/1.004222/", eform(procedure, **fields)).status_code == 302
    assert client.post("/nop-ho-so/1.004222/xem-lai/").status_code == 302
    return Dossier.objects.select_related("applicant").latest("id")


def unlocks(ident: str, phone: str) -> bool:
    """Whether the last 4 digits of ``phone`` open the public tracking page of ``ident`` (a fresh visitor)."""
    response = Client().post(f"/tra-cuu/{ident}/", {"check": phone[-4:]})
    return response.status_code == 302


@pytest.fixture
def binh_verified(officers, procedure):
    """Bình's first dossier: received at the counter by an officer who checked her card."""
    birth = dt.date(1990, 5, 9)
    data = ApplicantData(name="Trần Thị Bình", id_number=BINH_ID, birth_date=birth, phone=BINH_PHONE)
    data.address = BINH_ADDRESS
    dossier = receive_at_counter(
        request_for(applicant=data, identity_checked=True), officers["counter"], at=timezone.now()
    )
    return dossier.applicant


@pytest.fixture
def poisoned(django_user_model, procedure, binh_verified):
    """The stranger's online dossier declaring Bình's number with his phone and address."""
    stranger = make_citizen(
        django_user_model, "ke.la", full_name="Trần Thị Bình", id_number=BINH_ID, phone=STRANGER_PHONE
    )
    dossier = submit_online(
        as_user(stranger),
        procedure,
        name="Trần Thị Bình",
        id_number=BINH_ID,
        phone=STRANGER_PHONE,
        address=STRANGER_ADDRESS,
    )
    assert dossier.applicant.phone == STRANGER_PHONE and not dossier.applicant.is_verified
    return dossier


def test_the_counter_lookup_and_intake_do_not_take_the_strangers_data(officers, procedure, poisoned):
    counter = as_user(officers["counter"])
    found = counter.post(
        "/mot-cua/tiep-nhan/nguoi-nop/",
        {"receiving_agency": "000.00.02.H56", "applicant_kind": "1", "applicant_id_number": BINH_ID},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert 'value="Trần Thị Bình"' in found and 'value="09/05/1990"' in found  # the verified identity
    assert STRANGER_PHONE not in found and STRANGER_ADDRESS not in found
    # the officer accepts what the lookup filled in (Bình gave no phone this time)
    filled_in = dict(
        applicant_address=None, applicant_phone=None, rep_kind=None
    )  # what the lookup left empty
    response = counter.post(
        "/mot-cua/tiep-nhan/",
        counter_form(
            procedure,
            applicant_id_number=BINH_ID,
            applicant_birth_date="09/05/1990",
            identity_checked="on",
            **filled_in,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier = Dossier.objects.select_related("applicant").latest("id")
    assert dossier.applicant.phone == "" and dossier.applicant.address == ""
    assert (
        dossier.applicant.verified_via == "counter" and dossier.applicant.verified_by == officers["counter"]
    )
    assert not unlocks(dossier.code, STRANGER_PHONE)
    assert unlocks(dossier.code, BINH_ID)  # Bình herself still tracks it with her number
    # and the stranger's dossier kept what he declared (nothing of Bình's was written into it)
    poisoned.applicant.refresh_from_db()
    assert (poisoned.applicant.phone, poisoned.applicant.address) == (STRANGER_PHONE, STRANGER_ADDRESS)


def test_api_and_batch_intake_do_not_take_the_strangers_data(api, poisoned):
    body = intake(applicant={"name": "Trần Thị Bình", "id_number": BINH_ID})
    one = api["counter"].post("/api/v1/dossiers", body)
    batch = api["counter"].post("/api/v1/dossiers/batch", {"items": [body]})
    assert one.status_code == 201 and batch.status_code == 201, (one.content, batch.content)
    codes = [one.json()["code"], batch.json()["items"][0]["code"]]
    for code in codes:
        dossier = Dossier.objects.select_related("applicant").get(code=code)
        assert dossier.applicant.phone == "" and dossier.applicant.address == ""
        assert dossier.applicant.birth_date == dt.date(1990, 5, 9)  # the verified identity is reused
        assert not unlocks(dossier.code, STRANGER_PHONE)


def test_binhs_online_dossier_does_not_take_the_strangers_data(django_user_model, procedure, poisoned):
    binh = make_citizen(django_user_model, "cd.binh", id_number=BINH_ID, phone=BINH_PHONE, id_verified=True)
    dossier = submit_online(as_user(binh), procedure, phone=BINH_PHONE, address=BINH_ADDRESS)
    assert (dossier.applicant.phone, dossier.applicant.address) == (BINH_PHONE, BINH_ADDRESS)
    assert dossier.applicant.verified_via == "vneid" and dossier.applicant.verified_by == binh
    assert not unlocks(dossier.reference, STRANGER_PHONE)
    assert unlocks(dossier.reference, BINH_PHONE)


def test_a_stranger_reads_nothing_of_the_real_person_back(django_user_model, procedure, binh_verified):
    """A declared account takes nothing from the registry, not even the verified birth date."""
    stranger = make_citizen(django_user_model, "ke.la", full_name="Trần Thị Bình", id_number=BINH_ID)
    dossier = submit_online(as_user(stranger), procedure, name="Trần Thị Bình", id_number=BINH_ID)
    assert dossier.applicant.birth_date is None and dossier.applicant.pk != binh_verified.pk
    binh_verified.refresh_from_db()
    assert binh_verified.phone == BINH_PHONE  # and changes nothing of hers


def test_a_vneid_verified_record_is_reused_at_the_counter(django_user_model, officers, procedure):
    binh = make_citizen(
        django_user_model, "cd.binh", id_number=BINH_ID, id_verified=True, birth_date=dt.date(1990, 5, 9)
    )
    online = submit_online(as_user(binh), procedure)
    assert online.applicant.verified_via == "vneid" and online.applicant.verified_at is not None
    # at the counter, without her card's data typed again, the verified identity comes back
    counter = receive_at_counter(
        request_for(applicant=ApplicantData(name="Trần Thị Bình", id_number=BINH_ID)),
        officers["counter"],
        at=timezone.now(),
    )
    assert counter.applicant.birth_date == dt.date(1990, 5, 9) and counter.applicant.pk != online.applicant.pk
    assert counter.applicant.phone == ""  # contact data is declared per dossier
    assert Applicant.objects.filter(id_number=BINH_ID).count() == 2
    assert Citizen.objects.get(user=binh).id_verified
