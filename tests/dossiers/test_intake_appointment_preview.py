"""Before accepting, the counter shows the appointment the citizen would get (ngày hẹn trả) and the checklist of the
case: ``check_at_counter`` / ``appointment_for`` check what they depend on with intake's rules and messages, save
nothing, and give exactly the ``due_at`` that receiving the dossier at that moment stores (T2). The applicant is
not needed yet; ``check_people`` and ``registry.reusable`` serve the applicant's part of the screen."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import services as catalog
from motcua.catalog.models import CaseComponent, ProcedureCase
from motcua.dossiers.models import Applicant, DailyCounter, Dossier, DossierComponent, ProcessLogEntry
from motcua.dossiers.services.intake import (
    ApplicantData,
    appointment_for,
    check_at_counter,
    check_people,
    receive_at_counter,
)
from motcua.dossiers.services.registry import reusable
from tests.builders.catalog import draft_procedure, published_procedure
from tests.builders.dossiers import at, request_for

pytestmark = pytest.mark.django_db

NOTHING_SAVED = [0, 0, 0, 0, 0]


def saved() -> list[int]:
    return [m.objects.count() for m in (Dossier, Applicant, DossierComponent, ProcessLogEntry, DailyCounter)]


def publish(version, province):
    version = catalog.publish(
        version, valid_from=dt.date(2025, 7, 1), decision_number="1/QĐ", decision_date=dt.date(2025, 6, 1)
    )
    catalog.assign(version.procedure, province["centre"], "receives", valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, province["justice"], "handles", valid_from=dt.date(2025, 7, 1))
    return version


@pytest.mark.parametrize(
    ("when", "due"),
    [
        ("2026-03-09 09:15", "2026-03-18 09:15"),  # Monday morning: 7 working days later, same time
        ("2026-03-13 16:40", "2026-03-24 16:40"),  # Friday afternoon: the weekend does not count
        ("2026-03-14 10:00", "2026-03-25 07:30"),  # Saturday: counted from Monday's opening
        ("2026-03-09 18:30", "2026-03-19 07:30"),  # after closing: from the next working day's opening
    ],
)
def test_the_preview_is_the_appointment_intake_gives(procedure, officers, when, due):
    preview = appointment_for(request_for(), at(when))
    assert preview == at(due)
    assert saved() == NOTHING_SAVED
    dossier = receive_at_counter(request_for(), officers["counter"], at=at(when))
    assert dossier.due_at == preview


def test_the_preview_follows_the_channel_and_the_case(province, officers):
    version = draft_procedure(code="1.000002", name="Cấp phiếu lý lịch tư pháp")
    second = ProcedureCase.objects.create(version=version, order=2, name="Người nước ngoài")
    CaseComponent.objects.create(case=second, order=1, name="Tờ khai (Mẫu 03)", originals=1)
    version.channel_options.filter(channel="1").update(case=version.cases.get(order=1))
    version.channel_options.create(
        order=3, channel="1", case=second, limit_amount=15, limit_unit="working_days"
    )
    version.channel_options.create(order=4, channel="3", limit_amount=10, limit_unit="working_days")
    version = publish(version, province)
    first = version.cases.get(order=1)
    second = version.cases.get(order=2)
    when = at("2026-03-09 09:15")

    def preview(**kw):
        return appointment_for(request_for(procedure_code="1.000002", **kw), when)

    assert preview(case_id=first.pk) == at("2026-03-18 09:15")
    assert preview(case_id=second.pk) == at("2026-03-30 09:15")
    assert preview(case_id=first.pk, channel="3") == at("2026-03-23 09:15")
    with pytest.raises(ValidationError) as error:
        preview()
    assert error.value.message_dict == {"case_id": ["Cần chọn một trường hợp của thủ tục."]}


def test_the_checklist_names_the_required_components_not_provided(province):
    draft = draft_procedure()
    CaseComponent.objects.create(
        case=draft.cases.get(), order=3, name="Giấy ủy quyền", copies=1, required=False
    )
    case = publish(draft, province).cases.get()
    declaration, proof, optional = case.components.order_by("order")
    check = check_at_counter(request_for(components=[declaration.pk]), at("2026-03-09 09:15"))
    assert [c.pk for c in check.provided] == [declaration.pk]
    assert [c.pk for c in check.missing] == [proof.pk]  # the optional one is not “missing”
    assert check.option.limit_label() == "7 ngày làm việc" and check.case == case
    assert check.receiving.identifier == "000.00.02.H56"
    everything = check_at_counter(request_for(), at("2026-03-09 09:15"))  # default: every required one
    assert everything.missing == [] and [c.pk for c in everything.provided] == [declaration.pk, proof.pk]
    assert saved() == NOTHING_SAVED


def test_no_applicant_is_needed_to_see_the_appointment(procedure):
    request = request_for(applicant=ApplicantData(name="", id_number=""))
    assert appointment_for(request, at("2026-03-09 09:15")) == at("2026-03-18 09:15")


def test_the_preview_refuses_what_intake_refuses_with_the_same_messages(procedure, officers):
    other = published_procedure(code="1.000001", name="Thủ tục khác", valid_from=dt.date(2025, 7, 1))
    foreign_case = other.cases.get()
    foreign_component = foreign_case.components.first().pk
    when = at("2026-03-09 09:15")
    cases = [
        (request_for(procedure_code="9.999999"), {"procedure_code"}),
        (request_for(receiving_agency="000.99.99.H56"), {"receiving_agency"}),
        (request_for(receiving_agency="000.01.21.H56"), {"receiving_agency"}),  # not assigned to receive it
        (request_for(case_id=foreign_case.pk), {"case_id"}),
        (request_for(components=[foreign_component]), {"components"}),
        (request_for(channel="9"), {"channel"}),
    ]
    for request, keys in cases:
        with pytest.raises(ValidationError) as preview:
            check_at_counter(request, when)
        with pytest.raises(ValidationError) as intake:
            receive_at_counter(request, officers["counter"], at=when)
        assert set(preview.value.message_dict) == keys
        for key in keys:
            assert preview.value.message_dict[key] == intake.value.message_dict[key]
    assert saved() == NOTHING_SAVED


def test_a_procedure_without_time_limit_has_no_appointment(province):
    version = draft_procedure(code="1.000003", name="Thủ tục không quy định thời hạn")
    version.channel_options.update(limit_amount=None, limit_unit="")
    publish(version, province)
    assert appointment_for(request_for(procedure_code="1.000003"), at("2026-03-09 09:15")) is None


def test_people_are_checked_alone_with_intakes_keys():
    with pytest.raises(ValidationError) as error:
        check_people(
            request_for(
                applicant=ApplicantData(name="Trần Thị Bình", id_number="12"),
                representative=ApplicantData(name="", id_number="038190001234"),
            )
        )
    assert set(error.value.message_dict) == {"applicant.id_number", "representative.name"}
    check_people(request_for())  # a valid applicant: nothing to say
    assert saved() == NOTHING_SAVED


def test_a_returning_applicant_is_the_latest_verified_record_with_that_kind_and_number(procedure, officers):
    assert reusable("1", "038190001234") is None
    receive_at_counter(request_for(), officers["counter"], at=at("2026-03-09 09:15"))
    assert reusable("1", "038190001234") is None  # declared (the card was not checked): never lent
    receive_at_counter(request_for(identity_checked=True), officers["counter"], at=at("2026-03-09 09:30"))
    found = reusable("1", " 038190001234 ")
    assert found.name == "Trần Thị Bình" and found.verified_via == "counter"
    assert reusable("2", "038190001234") is None  # an organisation with that number is another
    assert reusable("1", "") is None
