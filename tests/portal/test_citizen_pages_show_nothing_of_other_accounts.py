"""A citizen sees and acts on their own dossiers only: another account's dossier, a guessed code or reference, a
file of another dossier, another account's data-store item — all answer the same 404 page as what does not exist,
and change nothing. An officer's account gets the “not a citizen” 403 page; a visitor is sent to sign in. Every
page reads a fixed number of queries."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.dossiers.services.transitions import apply
from tests.builders.dossiers import fresh
from tests.builders.portal import PDF, eform, online_for, without_tokens

pytestmark = pytest.mark.django_db

NOT_FOUND = "Không tìm thấy hồ sơ này trong các hồ sơ của bạn."


def uploaded_dossier(client, procedure):
    from motcua.dossiers.models import Dossier

    client.post("/nop-ho-so/1.004222/", eform(procedure, file_name="bi-mat.pdf"))
    client.post("/nop-ho-so/1.004222/xem-lai/")
    return Dossier.objects.order_by("-id").first()


def test_another_accounts_dossier_is_not_found(signed_in, citizen, stranger, officers, procedure):
    mine = uploaded_dossier(signed_in(citizen), procedure)
    accepted = apply(mine, "accept", officers["counter"]).dossier
    file_id = mine.components.first().file_id
    other = signed_in(stranger)
    for url in (
        f"/ho-so-cua-toi/{accepted.code}/",
        f"/ho-so-cua-toi/{mine.reference}/",
        f"/ho-so-cua-toi/{accepted.code.lower()}/",
        f"/nop-ho-so/da-nop/{mine.reference}/",
        f"/ho-so-cua-toi/tep/{file_id}/",
        f"/ho-so-cua-toi/tep/{uuid.uuid4()}/",
        "/ho-so-cua-toi/000.00.02.H56-260101-9999/",
    ):
        response = other.get(url)
        assert response.status_code == 404, url
        assert (
            "Trần Thị Bình" not in response.content.decode() and "bi-mat.pdf" not in response.content.decode()
        )
    page = other.get("/ho-so-cua-toi/").content.decode()
    assert accepted.code not in page and "Bạn chưa có hồ sơ nào." in page
    assert "bi-mat.pdf" not in other.get("/ho-so-cua-toi/kho-du-lieu/").content.decode()
    # acting on it: 404, nothing changed
    before = fresh(accepted).version
    assert other.post(f"/ho-so-cua-toi/{accepted.code}/rut/", {"reason": "x"}).status_code == 404
    component = mine.components.first()
    response = other.post(
        f"/ho-so-cua-toi/{accepted.code}/bo-sung/", {f"tep-{component.pk}": SimpleUploadedFile("a.pdf", PDF)}
    )
    assert response.status_code == 404
    assert fresh(accepted).version == before and fresh(accepted).withdrawal_requested_at is None


def test_the_same_page_for_a_guessed_and_a_foreign_code(signed_in, citizen, stranger, officers, procedure):
    theirs = apply(online_for(stranger), "accept", officers["counter"]).dossier
    client = signed_in(citizen)
    foreign = without_tokens(client.get(f"/ho-so-cua-toi/{theirs.code}/").content.decode())
    guessed = without_tokens(client.get("/ho-so-cua-toi/000.00.02.H56-260101-9999/").content.decode())
    assert NOT_FOUND in foreign and foreign.replace(theirs.code, "X") == guessed.replace(
        "000.00.02.H56-260101-9999", "X"
    )


def test_an_officer_gets_the_not_a_citizen_page(signed_in, officers, procedure):
    client = signed_in(officers["counter"])
    for url in ("/ho-so-cua-toi/", "/nop-ho-so/", "/ho-so-cua-toi/kho-du-lieu/", "/nop-ho-so/1.004222/"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "tài khoản cán bộ không dùng được" in response.content.decode()


def test_a_visitor_is_sent_to_sign_in(client, procedure):
    for url in ("/ho-so-cua-toi/", "/nop-ho-so/", "/ho-so-cua-toi/kho-du-lieu/"):
        response = client.get(url)
        assert response.status_code == 302 and "next=" in response["Location"], url


def test_the_data_store_lists_earlier_files_and_results(
    signed_in, citizen, officers, procedure, django_assert_num_queries
):
    client = signed_in(citizen)
    uploaded_dossier(client, procedure)
    with django_assert_num_queries(2 + 2):
        page = client.get("/ho-so-cua-toi/kho-du-lieu/").content.decode()
    assert page.count("bi-mat.pdf") == 2


def test_page_queries(signed_in, citizen, officers, procedure, django_assert_num_queries):
    client = signed_in(citizen)
    dossier = uploaded_dossier(client, procedure)
    file_id = dossier.components.first().file_id
    with django_assert_num_queries(2 + 1):
        assert client.get(f"/ho-so-cua-toi/tep/{file_id}/").status_code == 200
    client.get("/nop-ho-so/1.004222/")
    # session, user with its citizen; version + online option; content is cached per process; units; data store (2)
    with django_assert_num_queries(2 + 2 + 1 + 2):
        assert client.get("/nop-ho-so/1.004222/").status_code == 200


def test_review_queries(signed_in, citizen, procedure, django_assert_num_queries):
    client = signed_in(citizen)
    client.post("/nop-ho-so/1.004222/", eform(procedure, file_name="a.pdf"))
    with django_assert_num_queries(2 + 2 + 1):  # the version and its online option, the receiving units
        assert client.get("/nop-ho-so/1.004222/xem-lai/").status_code == 200
