"""A published version is never edited: a change is a new version; the old one keeps its content and dates."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.catalog import services
from motcua.catalog.choices import VersionState
from motcua.catalog.models import CaseComponent, Fee, ProcedureVersion
from motcua.catalog.models.version import PublishedVersionError
from tests.builders.catalog import draft_procedure, published_procedure

pytestmark = pytest.mark.django_db


def test_saving_a_published_version_is_refused():
    version = published_procedure()
    version.refresh_from_db()
    version.name = "Đăng ký thường trú (sửa)"
    with pytest.raises(PublishedVersionError):
        version.save()
    assert ProcedureVersion.objects.get(pk=version.pk).name == "Đăng ký thường trú"


@pytest.mark.parametrize("model", [CaseComponent, Fee])
def test_parts_of_a_published_version_cannot_change(model):
    version = published_procedure()
    part = model.objects.filter(
        **({"case__version": version} if model is CaseComponent else {"option__version": version})
    ).first()
    with pytest.raises(PublishedVersionError):
        part.save()
    with pytest.raises(PublishedVersionError):
        part.delete()


def test_a_change_is_a_new_draft_copied_from_the_published_version():
    first = published_procedure()
    draft = services.new_draft(first.procedure, copy_from=first)
    assert (draft.number, draft.state, draft.valid_from) == (2, VersionState.DRAFT, None)
    assert draft.name == first.name
    assert [c.name for c in CaseComponent.objects.filter(case__version=draft)] == [
        c.name for c in CaseComponent.objects.filter(case__version=first)
    ]
    assert sorted(Fee.objects.filter(option__version=draft).values_list("amount", flat=True)) == [
        10000,
        20000,
    ]
    # the copy is independent: editing it leaves the published version alone
    draft.name = "Đăng ký thường trú (mới)"
    draft.save()
    CaseComponent.objects.filter(case__version=draft).delete()
    assert CaseComponent.objects.filter(case__version=first).count() == 2


def test_publishing_closes_the_previous_version_on_the_eve():
    first = published_procedure(valid_from=dt.date(2025, 7, 1))
    draft = services.new_draft(first.procedure, copy_from=first, name="Đăng ký thường trú")
    services.publish(draft, valid_from=dt.date(2026, 3, 1), decision_number="99/QĐ-BCA")
    first.refresh_from_db()
    assert first.valid_to == dt.date(2026, 2, 28)
    procedure = first.procedure
    assert services.version_on(procedure, dt.date(2026, 2, 28)) == first
    assert services.version_on(procedure, dt.date(2026, 3, 1)).number == 2
    assert services.version_on(procedure, dt.date(2025, 6, 30)) is None


def test_a_version_published_for_a_later_date_does_not_replace_today():
    first = published_procedure(valid_from=dt.date(2025, 7, 1))
    draft = services.new_draft(first.procedure, copy_from=first)
    services.publish(draft, valid_from=dt.date(2099, 1, 1))
    first.procedure.refresh_from_db()
    assert first.procedure.current_version == first


def test_republishing_on_the_same_start_day_supersedes_the_unstarted_version():
    first = published_procedure(valid_from=dt.date(2099, 1, 1))
    draft = services.new_draft(first.procedure, copy_from=first)
    services.publish(draft, valid_from=dt.date(2099, 1, 1))
    first.refresh_from_db()
    assert first.state == VersionState.SUPERSEDED
    assert services.version_on(first.procedure, dt.date(2099, 1, 1)) == draft


def test_only_complete_drafts_are_published():
    version = draft_procedure()
    version.cases.all().delete()
    with pytest.raises(ValidationError, match="ít nhất một trường hợp"):
        services.publish(version, valid_from=dt.date(2025, 7, 1))
    version.refresh_from_db()
    assert version.state == VersionState.DRAFT


def test_decision_after_the_start_date_is_refused():
    version = draft_procedure()
    with pytest.raises(ValidationError, match="không được sau ngày có hiệu lực"):
        services.publish(version, valid_from=dt.date(2025, 7, 1), decision_date=dt.date(2025, 7, 2))


def test_publishing_is_audited():
    from motcua.core.models import AuditEntry

    version = published_procedure()
    entry = AuditEntry.objects.filter(object_type="catalog.procedureversion", action="publish").get()
    assert entry.object_id == str(version.pk)
    assert entry.changes["decision_number"][1] == "1523/QĐ-BCA-C06"
