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
