"""A template changed in the admin makes a new version: forms issued after it print the new text, forms issued
before re-print exactly as first printed (same file; and, re-rendered, the same text from their frozen values and
their version) even if the dossier changed meanwhile."""

import pytest
from django.urls import reverse

from motcua.core.models import AuditEntry
from motcua.documents.models import FormTemplate, IssuedForm
from motcua.documents.models.template import TemplateLocked
from motcua.documents.services import printing, templates
from motcua.dossiers.models import Applicant
from tests.builders.documents import flat, pdf_text
from tests.builders.dossiers import receive

pytestmark = pytest.mark.django_db

OLD = "Vào Sổ theo dõi hồ sơ"
NEW = "Ghi vào Sổ theo dõi hồ sơ điện tử"


def test_new_version_applies_to_new_issuances_and_old_forms_reprint_identically(
    procedure, officers, signed_in, issued, admin_client, tmp_path
):
    with issued():
        first = receive(officers, "2026-03-09 09:15")
    client = signed_in(officers["counter"])
    printed = client.get(reverse("documents:receipt-pdf", args=[first.code])).content
    assert OLD in flat(pdf_text(printed, tmp_path))

    current = templates.template_for("TT03_2025", "01", first.received_at.date())
    response = admin_client.post(
        reverse("admin:documents_formtemplate_change", args=[current.pk]),
        {
            "title": current.title,
            "layout": current.layout.replace(OLD, NEW),
            "valid_from": "10/03/2026",
            "note": "Sổ điện tử",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    versions = list(FormTemplate.objects.filter(form_set="TT03_2025", code="01").order_by("version"))
    assert [
        (v.version, v.valid_from.isoformat(), v.valid_to and v.valid_to.isoformat()) for v in versions
    ] == [
        (1, "2025-07-01", "2026-03-09"),
        (2, "2026-03-10", None),
    ]
    assert versions[0].layout == current.layout  # never overwritten
    assert AuditEntry.objects.filter(object_type="documents.formtemplate", action="create").exists()

    with (
        issued()
    ):  # the same citizen comes back with a new name and phone: the new dossier has its own record
        second = receive(officers, "2026-03-10 09:15", applicant=_same_person())
    assert Applicant.objects.get(pk=second.applicant_id).name == "Trần Thị Bình Minh"
    assert Applicant.objects.get(pk=first.applicant_id).name == "Trần Thị Bình"  # the first dossier's own
    new_text = flat(
        pdf_text(client.get(reverse("documents:receipt-pdf", args=[second.code])).content, tmp_path)
    )
    assert NEW in new_text and OLD + "," not in new_text

    again = client.get(reverse("documents:receipt-pdf", args=[first.code])).content
    assert again == printed  # the stored file
    form = IssuedForm.objects.get(dossier=first)
    assert form.template_id == versions[0].pk
    IssuedForm.objects.filter(pk=form.pk).update(pdf="")  # even re-rendered from its frozen values…
    form.refresh_from_db()
    rendered = flat(pdf_text(printing.print_issued(form, "pdf").content, tmp_path))
    assert OLD in rendered and "Trần Thị Bình " in rendered and "0912345678" in rendered
    assert "Bình Minh" not in rendered


def _same_person():
    from motcua.dossiers.services.intake import ApplicantData

    return ApplicantData(name="Trần Thị Bình Minh", id_number="038190001234", phone="0999999999")


def test_templates_are_never_overwritten_nor_deleted(procedure):
    template = templates.template_for("TT03_2025", "01", procedure.valid_from)
    template.layout = "@title X"
    with pytest.raises(TemplateLocked):
        template.save()
    with pytest.raises(TemplateLocked):
        template.delete()


def test_a_template_that_cannot_be_read_is_refused_in_the_admin_and_nothing_changes(admin_client, procedure):
    current = templates.template_for("TT03_2025", "02", procedure.valid_from)
    for layout, message in (
        ("@titel GIẤY", "không có lệnh “@titel”"),
        ("{% load static %}@title X", "Lỗi cú pháp mẫu"),
        ("{% include 'web/base.html' %}", "Lỗi cú pháp mẫu"),
        ("@tr a | b", "phải đứng ngay sau @table"),
    ):
        response = admin_client.post(
            reverse("admin:documents_formtemplate_change", args=[current.pk]),
            {"title": current.title, "layout": layout, "valid_from": "10/03/2026", "note": ""},
        )
        assert response.status_code == 200
        assert message in response.content.decode()
    assert FormTemplate.objects.filter(form_set="TT03_2025", code="02").count() == 1


def test_the_admin_previews_a_template_as_pdf(admin_client, procedure, tmp_path):
    current = templates.template_for("TT03_2025", "01", procedure.valid_from)
    response = admin_client.get(reverse("admin:documents_formtemplate_preview", args=[current.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in flat(pdf_text(response.content, tmp_path))
