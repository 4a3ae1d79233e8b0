"""Intake checks everything before saving anything (SPEC §1.7: only published components may be asked for): an
unknown procedure, a case of another version, components outside the checklist, a bad personal ID or a receiving
unit not assigned to the procedure give a ValidationError naming each field, and nothing is saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.dossiers.models import Applicant, DailyCounter, Dossier, DossierComponent, ProcessLogEntry
from motcua.dossiers.services.intake import (
    ApplicantData,
    receive_at_counter,
    refuse_at_counter,
    submit_online,
)
from tests.builders.catalog import published_procedure
from tests.builders.dossiers import at, request_for

pytestmark = pytest.mark.django_db


def refused(request, intake=receive_at_counter, **kwargs) -> dict:
    with pytest.raises(ValidationError) as error:
        intake(request, kwargs.pop("actor"), at=at("2026-03-09 09:15"), **kwargs)
    saved = [
        model.objects.count()
        for model in (Dossier, Applicant, DossierComponent, ProcessLogEntry, DailyCounter)
    ]
    assert saved == [0, 0, 0, 0, 0]
    return error.value.message_dict


def citizen(id_number):
    return ApplicantData(name="Trần Thị Bình", id_number=id_number)


def test_an_unknown_procedure(procedure, officers):
    errors = refused(request_for(procedure_code="9.999999"), actor=officers["counter"])
    assert errors == {"procedure_code": ["Không có thủ tục “9.999999” đang có hiệu lực."]}


def test_a_procedure_not_yet_in_force(procedure, officers):
    with pytest.raises(ValidationError) as error:
        receive_at_counter(request_for(), officers["counter"], at=at("2025-06-30 09:00"))
    assert list(error.value.message_dict) == ["procedure_code"]
    assert Dossier.objects.count() == 0


def test_a_case_of_another_procedure(procedure, officers):
    other = published_procedure(code="1.000001", name="Thủ tục khác", valid_from=dt.date(2025, 7, 1))
    errors = refused(request_for(case_id=other.cases.get().pk), actor=officers["counter"])
    assert errors == {"case_id": ["Trường hợp không thuộc thủ tục này."]}


def test_components_outside_the_checklist(procedure, officers):
    other = published_procedure(code="1.000001", name="Thủ tục khác", valid_from=dt.date(2025, 7, 1))
    foreign = other.cases.get().components.first().pk
    listed = procedure.cases.get().components.first().pk
    errors = refused(request_for(components=[listed, foreign]), actor=officers["counter"])
    assert list(errors) == ["components"]
    assert errors["components"][0].endswith(f"(không có: {foreign}).")


@pytest.mark.parametrize("id_number", ["03819000123", "0381900012345", "03819000123A", "", "000190001234"])
def test_a_bad_personal_id(procedure, officers, id_number):
    errors = refused(request_for(applicant=citizen(id_number)), actor=officers["counter"])
    assert list(errors) == ["applicant.id_number"]


def test_a_bad_representative_id_is_named_as_the_representatives(procedure, officers):
    errors = refused(request_for(representative=citizen("12345")), actor=officers["counter"])
    assert errors == {
        "representative.id_number": [
            "Số định danh cá nhân phải gồm đúng 12 chữ số 0–9, không có chữ, dấu cách hay ký tự khác."
        ]
    }


def test_a_receiving_unit_not_assigned_to_the_procedure(procedure, officers):
    errors = refused(request_for(receiving_agency="000.01.21.H56"), actor=officers["other_counter"])
    assert errors == {"receiving_agency": ["UBND xã Đông Hòa không được giao tiếp nhận thủ tục 1.004222."]}


def test_an_unknown_receiving_unit(procedure, officers):
    errors = refused(request_for(receiving_agency="000.99.99.H56"), actor=officers["counter"])
    assert errors == {"receiving_agency": ["Không có đơn vị tiếp nhận “000.99.99.H56”."]}


def test_every_problem_is_named_at_once(procedure, officers):
    errors = refused(
        request_for(components=[987654], applicant=citizen("12"), sets=0), actor=officers["counter"]
    )
    assert set(errors) == {"components", "applicant.id_number", "sets"}


@pytest.mark.parametrize(
    ("intake", "extra"), [(submit_online, {}), (refuse_at_counter, {"reason": "Không thuộc thẩm quyền"})]
)
def test_every_intake_path_checks_the_same(procedure, officers, intake, extra):
    errors = refused(request_for(applicant=citizen("12")), intake, actor=officers["counter"], **extra)
    assert list(errors) == ["applicant.id_number"]
