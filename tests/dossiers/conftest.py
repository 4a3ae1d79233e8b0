"""A small province with one published procedure (7 working days), received at the provincial centre and handled
by Sở Tư pháp, and one officer per role."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from motcua.catalog import services as catalog
from motcua.dossiers.services.intake import ApplicantData, IntakeRequest
from tests.catalog.factories import published_procedure
from tests.factories import assign

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=VN)


@pytest.fixture
def procedure(province):
    version = published_procedure(valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
    return version


@pytest.fixture
def officers(django_user_model, province):
    def make(username, role, agency, **kw):
        user = django_user_model.objects.create_user(
            username,
            password="x-long-password-1",
            first_name=username.split(".")[-1].title(),
            last_name="Nguyễn",
        )
        assign(user, role, province[agency], valid_from=dt.date(2024, 1, 1), **kw)
        return user

    return {
        "counter": make("tn.an", "COUNTER_OFFICER", "centre"),
        "lead": make("gd.tuphap", "AGENCY_LEAD", "justice"),
        "dept": make("tp.tuphap", "DEPT_LEAD", "division"),
        "specialist": make("cv.tuphap", "SPECIALIST", "division"),
        "clerk": make("vt.tuphap", "CLERK", "justice"),
        "other_counter": make("tn.khac", "COUNTER_OFFICER", "commune_a"),
        "admin": make("quantri", "ADMIN", "ubnd", includes_subunits=True),
    }


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


# --- shared by the tests named by business rule ------------------------------------------------------------------

FINISH_INPUTS = {
    "result_number": "15/XN-STP",
    "result_summary": "Xác nhận thông tin cư trú",
    "result_signer": "Mai Xuân Khánh",
    "result_signed_on": "2026-03-09",
}


@pytest.fixture
def make_procedure(province):
    """A published version of procedure 1.004222 (7 working days) received at the centre and handled by Sở Tư
    pháp, with the given supplement clock and internal process steps ``(name, role, amount, unit)``."""
    from decimal import Decimal

    from motcua.catalog.models import ProcessStep
    from tests.catalog.factories import draft_procedure

    def make(*, supplement_clock="pause", steps=()):
        version = draft_procedure(supplement_clock=supplement_clock)
        for order, (name, role, amount, unit) in enumerate(steps, 1):
            ProcessStep.objects.create(
                version=version,
                order=order,
                name=name,
                role=role,
                limit_amount=Decimal(amount),
                limit_unit=unit,
            )
        version = catalog.publish(
            version, valid_from=dt.date(2025, 7, 1), decision_number="1/QĐ", decision_date=dt.date(2025, 6, 1)
        )
        catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
        catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
        return version

    return make


@pytest.fixture
def partner(django_user_model, province):
    """A specialist of Sở Xây dựng, the liên thông partner."""
    user = django_user_model.objects.create_user("cv.xaydung", password="x-long-password-1")
    assign(user, "SPECIALIST", province["building"], valid_from=dt.date(2024, 1, 1))
    return user


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
