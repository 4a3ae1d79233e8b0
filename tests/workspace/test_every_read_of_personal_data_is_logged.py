"""Nghị định 13/2023 — every read of personal data by an officer is written in the access log, one row per request:
who, when, acting for which unit, which records (the dossier and its applicant), why and through which page or API.
Pages: the dossier page, the receipt (Mẫu 01), the printed forms, the Sổ theo dõi (screen and .xlsx), and the API's
dossier detail. The log is append-only: the model refuses changes and deletions, the admin is read-only."""

import pytest
from django.urls import reverse

from motcua.documents.models import IssuedForm
from motcua.org.models import PersonalDataRead
from motcua.org.models.personal_data_read import PersonalDataReadError
from tests.builders.dossiers import act, receive

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(officers, procedure, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the receipt is issued after the commit
        received = receive(officers, "2026-03-09 09:15")
        return act(received, "transfer", officers["counter"], "2026-03-09 10:00")


def only_read():
    """The one row the last request wrote (every request of these tests writes exactly one)."""
    count = PersonalDataRead.objects.count()
    assert count == getattr(only_read, "seen", 0) + 1
    only_read.seen = count
    return PersonalDataRead.objects.latest("id")


@pytest.fixture(autouse=True)
def _count_from_zero():
    only_read.seen = 0


def test_the_dossier_page_writes_one_row(signed_in, officers, dossier, province):
    response = signed_in(officers["lead"]).get(reverse("workspace:dossier", args=[dossier.code]))
    assert response.status_code == 200
    entry = only_read()
    assert entry.user == officers["lead"] and entry.acting_agency == province["justice"]
    assert entry.record_kind == "dossier" and entry.purpose == "handling" and entry.via == "workspace:dossier"
    assert (
        f" dossier:{dossier.pk} " in entry.records and f" applicant:{dossier.applicant_id} " in entry.records
    )
    assert entry.label == dossier.code
    assert (
        f"|{province['justice'].pk}|" in entry.subject_units
        and f"|{province['centre'].pk}|" in entry.subject_units
    )


def test_a_dossier_the_officer_may_not_see_writes_nothing(signed_in, officers, dossier):
    assert signed_in(officers["other_counter"]).get(f"/mot-cua/ho-so/{dossier.code}/").status_code == 404
    assert not PersonalDataRead.objects.exists()


def test_the_receipt_and_the_printed_forms_write_one_row_each(signed_in, officers, dossier, province):
    client = signed_in(officers["counter"])
    assert client.get(reverse("workspace:receipt", args=[dossier.code])).status_code == 200
    entry = only_read()
    assert (entry.purpose, entry.via, entry.acting_agency) == (
        "print",
        "workspace:receipt",
        province["centre"],
    )
    receipt = IssuedForm.objects.get(dossier=dossier, kind="receipt")
    for url, via in (
        (reverse("documents:form-pdf", args=[receipt.pk]), "documents:form-pdf"),
        (reverse("documents:receipt-docx", args=[dossier.code]), "documents:receipt-docx"),
        (reverse("documents:control-pdf", args=[dossier.code]), "documents:control-pdf"),
    ):
        assert client.get(url).status_code == 200, url
        entry = only_read()
        assert (entry.via, entry.purpose) == (via, "print") and f" dossier:{dossier.pk} " in entry.records


def test_the_book_names_every_dossier_it_shows(signed_in, officers, dossier, province):
    client = signed_in(officers["counter"])
    query = {"unit": province["centre"].pk, "start": "09/03/2026", "end": "09/03/2026"}
    assert client.get(reverse("documents:book"), query).status_code == 200
    entry = only_read()
    assert entry.purpose == "register" and entry.via == "documents:book"
    assert f" code:{dossier.code} " in entry.records and "09/03/2026" in entry.label
    assert client.get(reverse("documents:book-xlsx"), query).status_code == 200
    assert only_read().via == "documents:book-xlsx"


def test_the_api_detail_writes_one_row(api, officers, dossier, province):
    assert api["lead"].get(f"/api/v1/dossiers/{dossier.code}").status_code == 200
    entry = only_read()
    assert entry.via == "GET /api/v1/dossiers/{code}" and entry.user == officers["lead"]
    assert entry.acting_agency == province["justice"]


def test_the_log_is_append_only(signed_in, officers, dossier, django_user_model):
    signed_in(officers["lead"]).get(reverse("workspace:dossier", args=[dossier.code]))
    entry = PersonalDataRead.objects.get()
    entry.label = "sửa"
    with pytest.raises(PersonalDataReadError):
        entry.save()
    with pytest.raises(PersonalDataReadError):
        entry.delete()
    with pytest.raises(PersonalDataReadError):
        PersonalDataRead.objects.filter(pk=entry.pk).update(label="sửa")
    with pytest.raises(PersonalDataReadError):
        PersonalDataRead.objects.all().delete()
    root = django_user_model.objects.create_superuser("root", password="x-long-password-1")
    admin = signed_in(root)
    url = reverse("admin:org_personaldataread_change", args=[entry.pk])
    assert admin.post(url, {"label": "sửa"}).status_code == 403
    assert (
        admin.post(reverse("admin:org_personaldataread_delete", args=[entry.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert PersonalDataRead.objects.get().label == dossier.code
