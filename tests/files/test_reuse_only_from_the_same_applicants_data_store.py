"""An applicant's data store (kho dữ liệu, SPEC §7.2–7.3) holds the digitised components and the electronic results
of their other dossiers; a new dossier reuses from it. Only from the same applicant (same kind and identification
number), only from another dossier, only what has a file — anything else is refused and nothing changes, whether
the service is called directly or a form is crafted."""

import pytest
from django.utils import timezone

from motcua.dossiers.choices import Digitisation
from motcua.dossiers.services.intake import ApplicantData
from motcua.dossiers.services.transitions import apply
from motcua.files.services import (
    FilesError,
    attach_result_file,
    data_store,
    digitise_component,
    reuse_component,
    reuse_result,
)
from tests.builders.dossiers import FINISH_INPUTS, receive
from tests.builders.files import PDF, upload

pytestmark = pytest.mark.django_db

STRANGER = ApplicantData(
    name="Lê Văn Cường", id_number="001090005678", phone="0987654321", address="Xã Đông Hòa"
)


def first(dossier):
    return dossier.components.order_by("id").first()


def finish(dossier, officers, digitiser, code="KQ.0001"):
    apply(dossier, "transfer", officers["counter"])
    inputs = {**FINISH_INPUTS, "result_signed_on": timezone.localdate().isoformat()}
    apply(dossier, "finish", officers["lead"], inputs=inputs)
    dossier.refresh_from_db()
    return attach_result_file(dossier, upload("ket-qua.pdf", PDF), officers["clerk"], result_code=code)


@pytest.fixture
def history(officers, procedure, digitiser):
    """Bình's earlier dossier (a scanned component, an electronic result), a stranger's, and Bình's new one."""
    earlier = receive(officers, "2026-03-02 09:00")
    scanned = digitise_component(first(earlier), upload("CT01 của Bình.pdf", PDF), digitiser)
    result = finish(earlier, officers, digitiser)
    stranger = receive(officers, "2026-03-03 09:00", applicant=STRANGER)
    strangers_scan = digitise_component(first(stranger), upload("CT01 của Cường.pdf", PDF), digitiser)
    new = receive(officers, "2026-03-09 09:15")
    return dict(earlier=earlier, scanned=scanned, result=result, stranger_scan=strangers_scan, new=new)


def test_the_data_store_holds_the_applicants_other_digitised_papers_and_results(
    history, django_assert_num_queries
):
    new = history["new"]
    with django_assert_num_queries(2):
        store = data_store(new.applicant, exclude_dossier=new)
        names = [c.file.display_name for c in store.components] + [r.file.display_name for r in store.results]
        codes = {c.dossier.code for c in store.components}
    assert [c.pk for c in store.components] == [history["scanned"].pk]
    assert [r.pk for r in store.results] == [history["result"].pk]
    assert names == ["CT01 của Bình.pdf", "ket-qua.pdf"] and codes == {history["earlier"].code}
    # the stranger's papers are not in it, and the dossier itself is left out
    assert history["stranger_scan"].pk not in [c.pk for c in store.components]
    assert not data_store(history["earlier"].applicant, exclude_dossier=history["earlier"]).results


def test_reuse_from_another_applicant_is_refused(history, digitiser, stored):
    component = first(history["new"])
    before = stored()
    with pytest.raises(FilesError) as caught:
        reuse_component(component, history["stranger_scan"], digitiser)
    assert caught.value.kind == "forbidden" and caught.value.field == "nguon"
    assert "kho dữ liệu của chính chủ hồ sơ (Trần Thị Bình)" in caught.value.message
    component.refresh_from_db()
    assert component.digitisation == Digitisation.NOT_DIGITISED and component.file_id is None
    assert stored() == before


def test_reuse_of_another_applicants_result_is_refused(history, officers, digitiser):
    stranger = receive(officers, "2026-03-10 09:00", applicant=STRANGER)
    with pytest.raises(FilesError, match="chính chủ hồ sơ"):
        reuse_result(first(stranger), history["result"], digitiser)


def test_reuse_from_the_same_dossier_or_without_a_file_is_refused(history, digitiser):
    new = history["new"]
    own, other = new.components.order_by("id")
    digitise_component(own, upload("to-khai.pdf", PDF), digitiser)
    with pytest.raises(FilesError, match="một hồ sơ khác"):
        reuse_component(other, own, digitiser)
    not_scanned = history["earlier"].components.order_by("id").last()
    with pytest.raises(FilesError, match="chưa được số hóa"):
        reuse_component(other, not_scanned, digitiser)


def test_a_result_without_an_electronic_file_cannot_be_reused(officers, procedure, digitiser):
    earlier = receive(officers, "2026-03-02 09:00")
    apply(earlier, "transfer", officers["counter"])
    inputs = {**FINISH_INPUTS, "result_signed_on": timezone.localdate().isoformat()}
    apply(earlier, "finish", officers["lead"], inputs=inputs)
    paper_only = earlier.result.__class__.objects.get(dossier=earlier)
    with pytest.raises(FilesError, match="chưa có bản điện tử"):
        reuse_result(first(receive(officers)), paper_only, digitiser)


def test_a_crafted_form_naming_another_applicants_component_changes_nothing(
    history, digitiser, signed_in, stored
):
    component = first(history["new"])
    url = f"/mot-cua/so-hoa/{history['new'].code}/thanh-phan/{component.pk}/tai-su-dung/"
    before = stored()
    response = signed_in(digitiser).post(
        url, {"nguon": f"tp-{history['stranger_scan'].pk}"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 403
    assert "chính chủ hồ sơ (Trần Thị Bình)" in page and 'class="field-error"' in page
    assert "CT01 của Cường" not in page  # nothing of the stranger's shown
    component.refresh_from_db()
    assert component.digitisation == Digitisation.NOT_DIGITISED and stored() == before


@pytest.mark.parametrize("value", ["", "tp-", "tp-999999", "kq-abc", "x-1", "tp-1-2"])
def test_a_missing_or_unknown_choice_is_a_clear_message(value, history, digitiser, signed_in):
    component = first(history["new"])
    url = f"/mot-cua/so-hoa/{history['new'].code}/thanh-phan/{component.pk}/tai-su-dung/"
    response = signed_in(digitiser).post(url, {"nguon": value}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "Hãy chọn một giấy tờ trong kho dữ liệu của chủ hồ sơ" in response.content.decode()


def test_reuse_through_the_screen(history, digitiser, signed_in):
    component = first(history["new"])
    client = signed_in(digitiser)
    url = f"/mot-cua/so-hoa/{history['new'].code}/thanh-phan/{component.pk}/tai-su-dung/"
    response = client.post(url, {"nguon": f"kq-{history['result'].pk}"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tái sử dụng từ kết quả" in page and f"từ hồ sơ {history['earlier'].code}" in page
    assert "Đã tái sử dụng kết quả 15/XN-STP" in page
    # without JavaScript: back to the page, at the component, with the message
    other = history["new"].components.order_by("id").last()
    url = f"/mot-cua/so-hoa/{history['new'].code}/thanh-phan/{other.pk}/tai-su-dung/"
    response = client.post(url, {"nguon": f"tp-{history['scanned'].pk}"})
    assert response.status_code == 302 and response["Location"].endswith(f"#component-{other.pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Đã tái sử dụng thành phần" in page and "Tái sử dụng từ thành phần hồ sơ" in page


def test_a_declared_number_shares_no_papers_either_way(history, officers, digitiser):
    """The registry rule: a dossier whose applicant was only declared with Bình's number (the officer did not check
    the card) neither sees Bình's papers nor lends its own to her dossiers."""
    declared = receive(officers, "2026-03-10 09:00", identity_checked=False)
    assert not declared.applicant.is_verified
    assert not data_store(declared.applicant, exclude_dossier=declared)
    with pytest.raises(FilesError, match="đã được xác thực") as caught:
        reuse_component(first(declared), history["scanned"], digitiser)
    assert caught.value.kind == "forbidden"
    scan = digitise_component(first(declared), upload("CT01 khai hộ.pdf", PDF), digitiser)
    store = data_store(history["new"].applicant, exclude_dossier=history["new"])
    assert scan.pk not in [c.pk for c in store.components]
    with pytest.raises(FilesError, match="đã được xác thực"):
        reuse_component(first(history["new"]), scan, digitiser)
