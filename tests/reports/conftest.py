"""The report tests use the small province of the dossier tests (one procedure of 7 working days, received at the
provincial centre and handled by Sở Tư pháp; one officer per role) and build dossiers through the real services,
with the after-commit signal delivered, so the roll-up is kept by the same path as in production."""

import datetime as dt

import pytest

from motcua.catalog import services as catalog
from motcua.catalog.models import CaseComponent
from motcua.core.dated import today
from motcua.dossiers.models import Applicant
from tests.builders.catalog import draft_procedure
from tests.builders.org import assign


@pytest.fixture
def live(django_capture_on_commit_callbacks):
    """``with live():`` runs the after-commit callbacks (``dossier_transitioned`` → roll-up refresh) as in
    production, where each transition commits."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def leader(django_user_model, province):
    """The TTHC controller of the province: ``reports.view`` in UBND tỉnh and every subunit."""
    user = django_user_model.objects.create_user(
        "kiemsoat.tthc", password="x-long-password-1", first_name="Hà", last_name="Nguyễn Thu"
    )
    assign(user, "TTHC_CONTROLLER", province["ubnd"], valid_from=dt.date(2024, 1, 1), includes_subunits=True)
    return user


@pytest.fixture
def on():
    return today()


@pytest.fixture
def world(procedure, province):
    """Two procedure versions in two fields, two receiving units, three handling units, one applicant."""
    other = catalog.publish(
        draft_procedure(code="1.001193", name="Đăng ký khai sinh", field_name="Hộ tịch"),
        valid_from=dt.date(2025, 7, 1),
        decision_number="2/QĐ",
        decision_date=dt.date(2025, 6, 1),
    )
    versions = []
    for version in (procedure, other):
        case = version.cases.first()
        component = CaseComponent.objects.filter(case=case).first()
        versions.append((version, case, component))
    applicant = Applicant.objects.create(kind="1", name="Trần Thị Bình", id_number="038190001234")
    return {
        "versions": versions,
        "receiving": [province["centre"], province["commune_a"]],
        "handling": [province["justice"], province["building"], province["commune_b"]],
        "applicant": applicant,
    }


@pytest.fixture(autouse=True)
def _vietnamese():
    """Each test starts in Vietnamese and leaves the language as it found it (a request in English activates
    English for the rest of the thread)."""
    from django.utils import translation

    with translation.override("vi"):
        yield
