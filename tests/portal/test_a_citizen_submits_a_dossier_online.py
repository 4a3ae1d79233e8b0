"""Online submission (SPEC §7.2): choose a procedure that can be submitted online, fill the e-form prefilled from
the account, attach a file per component (checked by content) or reuse one from the data store, review, submit →
status 1 with a temporary reference, the files linked to the dossier's components (được số hóa) and filed in the
applicant's data store. Every invalid step answers with form errors and saves nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog.choices import Channel
from motcua.dossiers.choices import Digitisation, Status
from motcua.dossiers.models import Dossier, DossierComponent
from tests.builders.portal import HTML, PDF, components, eform

pytestmark = pytest.mark.django_db


def test_the_list_offers_online_procedures_with_a_search(
    signed_in, citizen, procedure, django_assert_num_queries
):
    client = signed_in(citizen)
    with django_assert_num_queries(2 + 1):
        page = client.get("/nop-ho-so/").content.decode()
    assert "Đăng ký thường trú" in page and "/nop-ho-so/1.004222/" in page
    assert "Đăng ký thường trú" in client.get("/nop-ho-so/?q=dang ky thuong tru").content.decode()
    assert "/nop-ho-so/1.004222/" not in client.get("/nop-ho-so/?q=ho chieu").content.decode()


def test_a_procedure_without_an_online_channel_is_not_offered(signed_in, citizen, procedure):
    from motcua.catalog.models import ChannelOption

    ChannelOption.objects.filter(version=procedure, channel="2").update(channel="3")
    client = signed_in(citizen)
    assert "/nop-ho-so/1.004222/" not in client.get("/nop-ho-so/").content.decode()
    assert client.get("/nop-ho-so/1.004222/").status_code == 404


def test_the_eform_is_prefilled_from_the_account_and_verified_identity_is_read_only(
    signed_in, citizen, procedure
):
    page = signed_in(citizen).get("/nop-ho-so/1.004222/").content.decode()
    assert 'value="Trần Thị Bình"' in page and 'value="0912345678"' in page
    assert "disabled" not in page.split('name="name"')[1].split(">")[0]
    citizen.citizen.id_verified = True
    citizen.citizen.save()
    page = signed_in(citizen).get("/nop-ho-so/1.004222/").content.decode()
    assert "disabled" in page.split('name="name"')[1].split(">")[0]
    assert "Theo định danh điện tử (VNeID), không sửa được." in page


def test_submit_with_uploads_then_review_then_confirmation(
    signed_in, citizen, officers, procedure, stored_counts, django_assert_num_queries
):
    client = signed_in(citizen)
    response = client.post("/nop-ho-so/1.004222/", eform(procedure))
    assert response.status_code == 302 and response["Location"] == "/nop-ho-so/1.004222/xem-lai/"
    assert stored_counts() == (2, 2)
    assert Dossier.objects.count() == 0  # nothing submitted yet
    review = client.get("/nop-ho-so/1.004222/xem-lai/").content.decode()
    assert "giay-to-1.pdf" in review and "Trung tâm Phục vụ hành chính công tỉnh" in review
    assert "Nhận kết quả điện tử" in review
    response = client.post("/nop-ho-so/1.004222/xem-lai/")
    dossier = Dossier.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/nop-ho-so/da-nop/{dossier.reference}/"
    assert (dossier.status, dossier.channel, dossier.account_id) == (
        Status.SUBMITTED,
        Channel.ONLINE,
        citizen.pk,
    )
    parts = list(DossierComponent.objects.filter(dossier=dossier).select_related("file").order_by("id"))
    assert [p.digitisation for p in parts] == [Digitisation.DIGITISED] * 2
    assert [p.file.display_name for p in parts] == ["giay-to-1.pdf", "giay-to-2.pdf"]
    assert {p.file.owner_id for p in parts} == {dossier.applicant_id}
    with django_assert_num_queries(2 + 1):
        page = client.get(response["Location"]).content.decode()
    assert dossier.reference in page and "Bộ phận một cửa sẽ kiểm tra và tiếp nhận" in page
    # the draft is gone: the review sends back to the e-form
    assert client.get("/nop-ho-so/1.004222/xem-lai/")["Location"] == "/nop-ho-so/1.004222/"
    # the owner downloads the file; the page of the dossier lists it
    detail = client.get(f"/ho-so-cua-toi/{dossier.reference}/").content.decode()
    assert f"/ho-so-cua-toi/tep/{parts[0].file_id}/" in detail
    download = client.get(f"/ho-so-cua-toi/tep/{parts[0].file_id}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Disposition"].startswith("attachment")


def test_a_missing_required_file_is_a_form_error_and_nothing_is_saved(
    signed_in, citizen, procedure, stored_counts
):
    first = components(procedure)[0]
    response = signed_in(citizen).post("/nop-ho-so/1.004222/", eform(procedure, **{f"tep-{first.pk}": None}))
    assert response.status_code == 422
    assert "Cần tải lên tệp hoặc chọn từ kho dữ liệu cho giấy tờ bắt buộc này." in response.content.decode()
    assert stored_counts() == (0, 0) and Dossier.objects.count() == 0


def test_a_file_refused_by_content_stores_nothing_even_the_good_ones(
    signed_in, citizen, procedure, stored_counts
):
    second = components(procedure)[1]
    data = eform(procedure, **{f"tep-{second.pk}": SimpleUploadedFile("to-khai.pdf", HTML)})
    response = signed_in(citizen).post("/nop-ho-so/1.004222/", data)
    assert response.status_code == 422
    assert "to-khai.pdf" in response.content.decode()
    assert stored_counts() == (0, 0)


def test_invalid_eform_fields_are_errors_next_to_them(signed_in, citizen, procedure, stored_counts):
    response = signed_in(citizen).post(
        "/nop-ho-so/1.004222/",
        eform(procedure, receiving="000.00.99.H56", phone="", email="khong-phai-email"),
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert (
        'id="id_receiving-error"' in page and 'id="id_phone-error"' in page and 'id="id_email-error"' in page
    )
    assert stored_counts() == (0, 0)


def test_a_component_is_reused_from_the_data_store(signed_in, citizen, stranger, officers, procedure):
    client = signed_in(citizen)
    client.post("/nop-ho-so/1.004222/", eform(procedure))
    client.post("/nop-ho-so/1.004222/xem-lai/")
    earlier = DossierComponent.objects.order_by("id").first()
    first, second = components(procedure)
    form = client.get("/nop-ho-so/1.004222/").content.decode()
    assert f'value="tp-{earlier.pk}"' in form
    client.post(
        "/nop-ho-so/1.004222/",
        eform(procedure, **{f"tep-{first.pk}": None, f"nguon-{first.pk}": f"tp-{earlier.pk}"}),
    )
    client.post("/nop-ho-so/1.004222/xem-lai/")
    newest = Dossier.objects.order_by("-id").first()
    reused = newest.components.get(case_component=first)
    assert (reused.digitisation, reused.reused_component_id, reused.file_id) == (
        Digitisation.REUSED_COMPONENT,
        earlier.pk,
        earlier.file_id,
    )
    # another account cannot pick it
    other = signed_in(stranger)
    response = other.post(
        "/nop-ho-so/1.004222/",
        eform(
            procedure,
            name="Lê Văn Khác",
            id_number="038190009999",
            **{f"tep-{first.pk}": None, f"nguon-{first.pk}": f"tp-{earlier.pk}"},
        ),
    )
    assert response.status_code == 422
    assert "Không tìm thấy giấy tờ đã chọn trong kho dữ liệu của bạn." in response.content.decode()


def test_posted_again_a_component_keeps_its_stored_file_only_when_asked(
    signed_in, citizen, procedure, stored_counts
):
    client = signed_in(citizen)
    first = components(procedure)[0]
    assert client.post("/nop-ho-so/1.004222/", eform(procedure)).status_code == 302
    kept = client.post(
        "/nop-ho-so/1.004222/", eform(procedure, **{f"tep-{first.pk}": None, f"giu-{first.pk}": "1"})
    )
    assert kept.status_code == 302 and kept["Location"] == "/nop-ho-so/1.004222/xem-lai/"
    assert "giay-to-1.pdf" in client.get("/nop-ho-so/1.004222/xem-lai/").content.decode()
    dropped = client.post("/nop-ho-so/1.004222/", eform(procedure, **{f"tep-{first.pk}": None}))
    assert dropped.status_code == 422
    assert "Cần tải lên tệp hoặc chọn từ kho dữ liệu cho giấy tờ bắt buộc này." in dropped.content.decode()
