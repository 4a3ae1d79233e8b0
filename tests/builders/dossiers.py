"""Dossiers for tests, made through the real services at chosen local times (procedure 1.004222 of the
small province, received at the provincial centre), and the bearer-token client of the dossier API tests."""

from zoneinfo import ZoneInfo

from motcua.dossiers.services.intake import ApplicantData, IntakeRequest
from tests.builders.worktime import at

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def request_for(**overrides) -> IntakeRequest:
    data = dict(
        procedure_code="1.004222",
        receiving_agency="000.00.02.H56",
        applicant=ApplicantData(
            name="Trần Thị Bình", id_number="038190001234", phone="0912345678", address="Phường Hạc Thành"
        ),
    )
    data.update(overrides)
    return IntakeRequest(**data)


FINISH_INPUTS = {
    "result_number": "15/XN-STP",
    "result_summary": "Xác nhận thông tin cư trú",
    "result_signer": "Mai Xuân Khánh",
    "result_signed_on": "2026-03-09",
}


def fresh(dossier):
    return type(dossier).objects.get(pk=dossier.pk)


def act(dossier, action, actor, when, **inputs):
    """Apply ``action`` at ``when`` (local time text) and return the dossier as stored."""
    from motcua.dossiers.services.transitions import apply

    return fresh(apply(dossier, action, actor, inputs=inputs, at=at(when)).dossier)


def receive(officers, when="2026-03-09 09:15", **overrides):
    from motcua.dossiers.services.intake import receive_at_counter

    overrides.setdefault("identity_checked", True)  # the counter officer compared the data with the card
    return receive_at_counter(request_for(**overrides), officers["counter"], at=at(when))


def processing(officers, received="2026-03-09 09:15", transferred="2026-03-09 10:00"):
    """Received at the counter (due 18/03 09:15) and transferred to Sở Tư pháp: status 4."""
    return act(receive(officers, received), "transfer", officers["counter"], transferred)


def snapshot(dossier) -> dict:
    """Everything a refused transition must leave as it was, read from the database."""
    from motcua.dossiers.models import (
        Apology,
        Dossier,
        DossierPause,
        DossierResult,
        DossierStep,
        ProcessLogEntry,
    )

    row = Dossier.objects.filter(pk=dossier.pk).values().get()
    row.pop("updated_at")
    steps = DossierStep.objects.filter(dossier_id=dossier.pk)
    return {
        "dossier": row,
        "log": list(ProcessLogEntry.objects.filter(dossier_id=dossier.pk).values_list("seq", "hash")),
        "steps": list(
            steps.values_list("id", "started_at", "finished_at", "due_at", "handler_id", "agency_id")
        ),
        "pauses": list(DossierPause.objects.filter(dossier_id=dossier.pk).values_list("id", "ended_at")),
        "apologies": Apology.objects.filter(dossier_id=dossier.pk).count(),
        "results": DossierResult.objects.filter(dossier_id=dossier.pk).count(),
    }


INTAKE = {
    "procedure_code": "1.004222",
    "receiving_agency": "000.00.02.H56",
    "applicant": {"name": "Trần Thị Bình", "id_number": "038190001234", "phone": "0912345678"},
}


class Api:
    def __init__(self, client, key):
        self.client, self.headers = client, {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    def get(self, url, params=None):
        return self.client.get(url, params or {}, **self.headers)

    def post(self, url, body):
        return self.client.post(url, body, content_type="application/json", **self.headers)

    def act(self, code, action, inputs=None, **extra):
        return self.post(f"/api/v1/dossiers/{code}/actions/{action}", {"inputs": inputs or {}, **extra})


def intake(**overrides):
    body = {**INTAKE, **overrides}
    return body


def transferred(officers, received="2026-03-09 09:15", transferred="2026-03-09 10:00"):
    """Received at the counter (``request_for()``; due 18/03 09:15 when received on Monday 09:15) and transferred to
    Sở Tư pháp by the counter officer: the dossier as the intake service returned it."""
    from motcua.dossiers.services.intake import receive_at_counter
    from motcua.dossiers.services.transitions import apply

    dossier = receive_at_counter(request_for(), officers["counter"], at=at(received))
    apply(dossier, "transfer", officers["counter"], at=at(transferred))
    return dossier


def assign_specialist(dossier, officers, when, *, by="dept"):
    """``officers[by]`` assigns ``dossier`` to the specialist at ``when``: the transition's outcome."""
    from motcua.dossiers.services.transitions import apply

    return apply(dossier, "assign", officers[by], inputs={"handler": officers["specialist"].pk}, at=at(when))


def queue(officers) -> dict:
    """The open dossiers of a queue: ``late`` (received Monday 09/03/2026 09:15 and transferred to Sở Tư pháp at
    10:00, overdue by now), ``fresh`` (received at the counter just now) and ``online`` (submitted just now)."""
    from django.utils import timezone

    from motcua.dossiers.services.intake import receive_at_counter, submit_online

    counter = officers["counter"]
    late = transferred(officers)
    just_received = receive_at_counter(request_for(), counter, at=timezone.now())
    online = submit_online(request_for(), counter, at=timezone.now())
    return {"late": late, "fresh": just_received, "online": online}


def counter_form(procedure, **overrides) -> dict:
    """The counter's intake form (``/mot-cua/tiep-nhan/``) filled in for Trần Thị Bình and ``procedure``'s only
    case with all its components, deciding to accept; ``overrides`` replace fields, ``None`` leaves one out."""
    case = procedure.cases.get()
    data = {
        "receiving_agency": "000.00.02.H56",
        "procedure_code": "1.004222",
        "case_id": case.pk,
        "checklist_case": case.pk,
        "components": [c.pk for c in case.components.all()],
        "channel": "1",
        "sets": "1",
        "result_delivery": "counter",
        "applicant_kind": "1",
        "applicant_name": "Trần Thị Bình",
        "applicant_id_number": "038190001234",
        "applicant_birth_date": "05/09/1990",
        "applicant_address": "Phường Hạc Thành, tỉnh Thanh Hóa",
        "applicant_phone": "0912345678",
        "rep_kind": "1",
        "decision": "accept",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


# The workspace menu's counts of the work lists (``dossiers.services.work.counts``) on every full workspace page:
# one query for the steps; a counter officer's second for the results waiting at the counter.
WORK_MENU = 1
WORK_MENU_COUNTER = 2
