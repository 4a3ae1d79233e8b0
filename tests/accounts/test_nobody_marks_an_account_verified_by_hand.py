"""Only a sign-in through the identity provider (VNeID) makes an account ``id_verified``. In the administration the
flag is read-only — even for a superuser — and so are the identity fields of an account the provider verified."""

import pytest
from django.contrib.auth import get_user_model

from motcua.accounts.models import Citizen
from motcua.dossiers.choices import ApplicantKind
from tests.builders.accounts import make_local

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(
        get_user_model().objects.create_superuser("quantri", "qt@example.vn", "x-Quan-tri-2026")
    )
    return client


def change(admin_client, citizen, **fields):
    data = {
        "user": citizen.user_id, "kind": citizen.kind, "full_name": citizen.full_name,
        "id_number": citizen.id_number, "birth_date": "", "phone": citizen.phone, "email": citizen.email,
        "email_verified_at_0": "", "email_verified_at_1": "", "address": citizen.address,
        **fields,
    }  # fmt: skip
    return admin_client.post(f"/admin/accounts/citizen/{citizen.pk}/change/", data)


def test_the_flag_cannot_be_ticked_in_the_admin(admin_client):
    citizen = make_local(id_number="038190001234")
    page = admin_client.get(f"/admin/accounts/citizen/{citizen.pk}/change/").content.decode()
    assert 'name="id_verified"' not in page
    response = change(admin_client, citizen, id_verified="on", full_name="Trần Thị Bình")
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.id_verified is False


def test_the_identity_of_a_verified_account_cannot_be_rewritten(admin_client):
    citizen = make_local(id_number="038190001234")
    Citizen.objects.filter(pk=citizen.pk).update(id_verified=True)  # as a VNeID sign-in does
    citizen.refresh_from_db()
    page = admin_client.get(f"/admin/accounts/citizen/{citizen.pk}/change/").content.decode()
    assert 'name="id_number"' not in page and 'name="full_name"' not in page
    response = change(
        admin_client, citizen, id_number="001099009999", full_name="Kẻ Mạo Danh", phone="0987654321"
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert (citizen.id_number, citizen.full_name, citizen.id_verified) == (
        "038190001234",
        "Trần Thị Bình",
        True,
    )
    assert citizen.phone == "0987654321"  # contact details stay editable


def test_a_new_account_made_in_the_admin_is_not_verified(admin_client, django_user_model):
    user = django_user_model.objects.create_user("moi")
    response = admin_client.post(
        "/admin/accounts/citizen/add/",
        {"user": user.pk, "kind": ApplicantKind.CITIZEN, "full_name": "Người Mới", "id_number": "038190001235",
         "id_verified": "on", "email_verified_at_0": "", "email_verified_at_1": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert Citizen.objects.get(user=user).id_verified is False
