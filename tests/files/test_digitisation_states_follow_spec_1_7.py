"""Each component carries its TrangThaiSoHoa (SPEC §1.7): 0 chưa số hóa, 1 được số hóa (its scan attached),
2 tái sử dụng từ thành phần hồ sơ, 3 tái sử dụng từ kết quả (pointing to the same file and to the source). Only
the digitisation officer or the counter officer of the receiving unit sets it, and only while the dossier is open."""

import datetime as dt

import pytest
from django.utils import timezone

from motcua.dossiers.choices import Digitisation
from motcua.dossiers.models import DossierComponent
from motcua.dossiers.services.transitions import apply
from motcua.files.services import (
    FilesError,
    attach_result_file,
    digitise_component,
    reuse_component,
    reuse_result,
)
from tests.builders.dossiers import FINISH_INPUTS, receive
from tests.builders.files import JPEG, PDF, upload

pytestmark = pytest.mark.django_db


def first(dossier) -> DossierComponent:
    return dossier.components.order_by("id").first()


def finished_with_result(officers, digitiser):
    """An earlier dossier of the same applicant: its first component scanned, finished with an electronic result."""
    earlier = receive(officers, "2026-03-02 09:00")
    scanned = digitise_component(first(earlier), upload("CT01.pdf", PDF), digitiser)
    apply(earlier, "transfer", officers["counter"])
    today = {**FINISH_INPUTS, "result_signed_on": timezone.localdate().isoformat()}
    apply(earlier, "finish", officers["lead"], inputs=today)
    earlier.refresh_from_db()
    result = attach_result_file(
        earlier, upload("xac-nhan-cu-tru.pdf", PDF), officers["clerk"], result_code="KQ.0001"
    )
    return scanned, result


def test_a_new_component_is_not_digitised(officers, procedure):
    components = receive(officers).components.all()
    assert [c.digitisation for c in components] == [Digitisation.NOT_DIGITISED] * 2
    assert [c.get_digitisation_display() for c in components] == ["Chưa số hóa"] * 2


def test_attaching_a_scan_makes_it_digitised(officers, procedure, digitiser):
    component = first(receive(officers))
    before = timezone.now()
    digitise_component(component, upload("ban quet.jpg", JPEG), digitiser)
    component.refresh_from_db()
    assert component.digitisation == Digitisation.DIGITISED == 1
    assert component.file.display_name == "ban quet.jpg" and component.file.kind == "jpeg"
    assert component.file.owner_id == component.dossier.applicant_id  # in the applicant's data store
    assert component.digitised_by == digitiser and component.digitised_at >= before
    assert component.reused_component_id is None and component.reused_result_id is None


def test_the_counter_officer_may_digitise_at_reception_too(officers, procedure):
    component = first(receive(officers))
    digitise_component(component, upload("to-khai.pdf", PDF), officers["counter"])
    component.refresh_from_db()
    assert component.digitisation == Digitisation.DIGITISED and component.digitised_by == officers["counter"]


def test_a_second_scan_replaces_the_first_which_stays_stored(officers, procedure, digitiser, stored):
    component = first(receive(officers))
    digitise_component(component, upload("lan-1.pdf", PDF), digitiser)
    digitise_component(component, upload("lan-2.pdf", PDF), digitiser)
    component.refresh_from_db()
    assert component.file.display_name == "lan-2.pdf" and stored()[0] == 2


def test_reusing_an_earlier_component_points_to_its_file_and_to_it(officers, procedure, digitiser):
    source, _ = finished_with_result(officers, digitiser)
    component = first(receive(officers))
    reuse_component(component, source, digitiser)
    component.refresh_from_db()
    assert component.digitisation == Digitisation.REUSED_COMPONENT == 2
    assert component.file_id == source.file_id and component.reused_component_id == source.pk
    assert component.reused_result_id is None and component.digitised_by == digitiser


def test_reusing_an_electronic_result_points_to_its_file_and_to_it(officers, procedure, digitiser):
    _, result = finished_with_result(officers, digitiser)
    component = first(receive(officers))
    reuse_result(component, result, digitiser)
    component.refresh_from_db()
    assert component.digitisation == Digitisation.REUSED_RESULT == 3
    assert component.file_id == result.file_id and component.reused_result_id == result.pk
    assert component.reused_component_id is None


@pytest.mark.parametrize("who", ["specialist", "lead", "clerk", "other_counter", "admin"])
def test_only_the_receiving_units_digitiser_or_counter_officer_may_digitise(who, officers, procedure, stored):
    component = first(receive(officers))
    with pytest.raises(FilesError) as caught:
        digitise_component(component, upload("to-khai.pdf", PDF), officers[who])
    assert caught.value.kind == "forbidden" and caught.value.http_status == 403
    assert "Trung tâm Phục vụ hành chính công tỉnh" in caught.value.message
    assert stored() == (0, [])


def test_a_digitiser_of_another_unit_may_not(officers, procedure, other_digitiser, stored):
    with pytest.raises(FilesError, match="Chỉ cán bộ số hóa hoặc công chức tiếp nhận"):
        digitise_component(first(receive(officers)), upload("to-khai.pdf", PDF), other_digitiser)
    assert stored() == (0, [])


def test_a_closed_dossier_is_not_digitised_any_more(officers, procedure, digitiser, stored):
    dossier = receive(officers)
    apply(dossier, "withdraw", officers["counter"], inputs={"reason": "Công dân rút hồ sơ"})
    dossier.refresh_from_db()
    with pytest.raises(FilesError) as caught:
        digitise_component(first(dossier), upload("to-khai.pdf", PDF), digitiser)
    assert caught.value.kind == "wrong_state" and caught.value.http_status == 409
    assert "Công dân yêu cầu rút hồ sơ" in caught.value.message
    assert stored() == (0, [])


def test_a_dossier_closed_while_the_scan_was_checked_keeps_nothing(
    officers, procedure, digitiser, stored, monkeypatch
):
    """The status is checked again under the dossier's lock, after the file is written: then the file goes too."""
    from motcua.files.services import digitisation

    dossier = receive(officers)
    component = first(dossier)
    real = digitisation.stored_upload

    def closing_meanwhile(*args, **kwargs):
        apply(dossier.pk, "withdraw", officers["counter"], inputs={"reason": "Công dân rút hồ sơ"})
        return real(*args, **kwargs)

    monkeypatch.setattr(digitisation, "stored_upload", closing_meanwhile)
    with pytest.raises(FilesError) as caught:
        digitise_component(component, upload("to-khai.pdf", PDF), digitiser)
    assert caught.value.kind == "wrong_state"
    assert stored() == (0, [])
    component.refresh_from_db()
    assert component.digitisation == Digitisation.NOT_DIGITISED


def test_a_role_that_ended_does_not_count(officers, procedure, digitiser, stored):
    from motcua.org.models import RoleAssignment

    RoleAssignment.objects.filter(user=digitiser).update(valid_to=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(FilesError, match="Chỉ cán bộ số hóa"):
        digitise_component(first(receive(officers)), upload("to-khai.pdf", PDF), digitiser)
    assert stored() == (0, [])
