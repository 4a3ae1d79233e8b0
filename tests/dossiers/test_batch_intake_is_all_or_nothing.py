"""POST /api/v1/dossiers/batch (an integrator's batch, SPEC §1.6 T1/T2/T4): every item goes through the same checks
and the same transition service as one received alone; any bad item refuses the whole batch naming the item, and
nothing is saved; after the commit the receipts and the roll-up are made once for the whole batch."""

import pytest
from django.db import connection

from motcua.documents.models import IssuedForm
from motcua.documents.services import snapshot
from motcua.dossiers.models import Applicant, DailyCounter, Dossier, ProcessLogEntry
from motcua.dossiers.services import intake as intake_service
from motcua.dossiers.services.log import verify_dossier
from motcua.dossiers.signals import dossiers_transitioned
from motcua.reports.models.fact import DossierFact
from tests.builders.dossiers import intake

pytestmark = pytest.mark.django_db

URL = "/api/v1/dossiers/batch"


def person(n: int) -> dict:
    return {"name": f"Người nộp {n}", "id_number": f"0381900{n:05d}", "phone": f"09123{n:05d}"}


def items(count: int, **overrides) -> list[dict]:
    return [intake(applicant=person(n), external_code=f"BD-{n}", **overrides) for n in range(count)]


def test_a_batch_is_received_in_order_with_consecutive_codes(api, procedure):
    body = items(3) + [
        intake(applicant=person(3), channel="3", result_delivery="postal"),
        intake(applicant=person(4), channel="2"),
        intake(applicant=person(5), decision="refuse", reason="Không thuộc thẩm quyền"),
    ]
    response = api["counter"].post(URL, {"items": body})
    assert response.status_code == 201, response.content
    out = response.json()["items"]
    assert [d["status"] for d in out] == [2, 2, 2, 2, 1, 3]
    assert [d["external_code"] for d in out[:3]] == ["BD-0", "BD-1", "BD-2"]
    assert [d["applicant_name"] for d in out] == [f"Người nộp {n}" for n in range(6)]
    codes = [d["code"] for d in out[:4]]
    assert [c.rsplit("-", 1)[1] for c in codes] == ["0001", "0002", "0003", "0004"]
    assert out[4]["code"] is None and out[4]["reference"].startswith(
        "HS-"
    )  # online: reference until accepted
    assert out[5]["code"] is None  # refused at the counter: no code
    assert all(d["due_at"] for d in out[:4])
    # each one is a dossier like any other: its log starts with its own transition, the chain intact
    for d in out:
        dossier = Dossier.objects.get(reference=d["reference"])
        assert verify_dossier(dossier) == []
        assert ProcessLogEntry.objects.filter(dossier=dossier).count() == 1
    # and the next single intake continues the same daily sequence
    single = api["counter"].post("/api/v1/dossiers", intake(applicant=person(9)))
    assert single.json()["code"].endswith("-0005")


def test_one_bad_item_refuses_the_batch_naming_it_and_saves_nothing(api, procedure):
    body = items(3)
    body[1]["components"] = [999999]
    body[2]["sets"] = 0
    response = api["counter"].post(URL, {"items": body})
    assert response.status_code == 422
    locations = {tuple(e["loc"]) for e in response.json()["detail"]}
    assert locations == {("body", "items.1.components"), ("body", "items.2.sets")}
    assert not Dossier.objects.exists() and not Applicant.objects.exists()
    assert not DailyCounter.objects.exists()
    # people's data is refused by the schema (core.people), naming the item and the field
    body = items(3)
    body[1]["applicant"]["id_number"] = "12345"
    response = api["counter"].post(URL, {"items": body})
    assert response.status_code == 422
    assert [e["loc"][-4:] for e in response.json()["detail"]] == [["items", 1, "applicant", "id_number"]]
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_a_refusal_without_reason_names_its_item(api, procedure):
    body = items(2)
    body[1]["decision"] = "refuse"
    response = api["counter"].post(URL, {"items": body})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "items.1.reason"]
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("count", [0, intake_service.BATCH_LIMIT + 1])
def test_a_batch_holds_1_to_100_dossiers(api, procedure, count):
    response = api["counter"].post(URL, {"items": items(count)})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "items"]
    assert "từ 1 đến 100 hồ sơ" in response.json()["detail"][0]["msg"]
    assert not Dossier.objects.exists()


def test_an_officer_of_another_unit_is_refused_for_the_whole_batch(
    api, procedure, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = api["other_counter"].post(URL, {"items": items(2)})
    assert callbacks == []  # rolled back: no receipt, no roll-up, no signal
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Hồ sơ thứ 1: T2")
    assert not Dossier.objects.exists() and not Applicant.objects.exists()


def test_one_person_named_twice_keeps_each_dossiers_own_contact_data(api, procedure):
    """The registry rule: every dossier its own applicant record; what was declared for one stays with it."""
    body = [intake(applicant=person(1)), intake(applicant={**person(1), "address": "Phường Hạc Thành"})]
    assert api["counter"].post(URL, {"items": body}).status_code == 201
    first, second = (d.applicant for d in Dossier.objects.select_related("applicant").order_by("id"))
    assert first.pk != second.pk and first.id_number == second.id_number
    assert second.address == "Phường Hạc Thành" and first.address != "Phường Hạc Thành"
    assert not first.is_verified and not second.is_verified  # an integration declares, it does not verify


def test_receipts_and_roll_up_are_made_once_for_the_batch(api, procedure, django_capture_on_commit_callbacks):
    sent = []

    def spy(events):
        sent.append([e.action for e in events])

    dossiers_transitioned.connect(spy, "test.spy")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = api["counter"].post(URL, {"items": items(4)})
    finally:
        dossiers_transitioned.disconnect("test.spy")
    assert response.status_code == 201
    assert sent == [["receive"] * 4]  # one event, one job per receiver, for the batch
    ids = list(Dossier.objects.order_by("id").values_list("id", flat=True))
    forms = {f.dossier_id: f for f in IssuedForm.objects.filter(kind="receipt")}
    assert sorted(forms) == ids
    # the book numbers given together equal those given one by one (the Sổ theo dõi's order)
    for dossier in Dossier.objects.filter(id__in=ids):
        assert forms[dossier.pk].data["book"] == snapshot.book_position(dossier)
    assert sorted(f.data["book"]["number"] for f in forms.values()) == ["1", "2", "3", "4"]
    assert DossierFact.objects.filter(dossier_id__in=ids).count() == 4


# token, role assignments, agency tree; the stored people (one query for the batch); procedure version, receiving
# unit, its assignment to receive, the handling unit (the published content is kept per process); the batch's
# transaction (a savepoint here, inside the test's) with the code numbers (one upsert), then per dossier the
# applicant, the dossier and its log entry, and the components of all (one insert). On PostgreSQL the dossiers'
# ids are taken first (one query) and each row is written once; on SQLite a new row is inserted, then its log head
# written (one query more per dossier).
BATCH_QUERIES = 3 + 1 + 4 + 2 + 1 + 1


@pytest.mark.parametrize("count", [1, 5])
def test_query_count_is_fixed_per_batch_and_per_dossier(api, procedure, count, django_assert_num_queries):
    api["counter"].post(URL, {"items": [intake(applicant=person(99))]})  # the calendar, cached per process
    per_dossier = 1 + 3 * count if connection.vendor == "postgresql" else 4 * count
    with django_assert_num_queries(BATCH_QUERIES + per_dossier):
        assert api["counter"].post(URL, {"items": items(count)}).status_code == 201


def test_receipts_already_issued_are_kept_and_the_others_issued(api, procedure):
    from motcua.documents.services import issuance

    assert api["counter"].post(URL, {"items": items(3)}).status_code == 201  # (after-commit not run here)
    entries = list(ProcessLogEntry.objects.order_by("id").values_list("id", flat=True))
    first = issuance.issue_for_entry(entries[0])  # printed on demand before the batch's receivers ran
    forms = issuance.issue_for_entries(entries)
    assert [f.entry_id for f in forms] == entries and forms[0].pk == first.pk
    assert IssuedForm.objects.count() == 3
    assert issuance.issue_for_entries(entries)[0].pk == first.pk  # again: nothing new
    assert IssuedForm.objects.count() == 3
