"""“Hướng dẫn bổ sung, hoàn thiện” at the counter (Mẫu 02): an incomplete dossier brought to the counter is not
created (SPEC §1.5; T3 concerns online dossiers in status 1). The page prints the guidance — the required
components not ticked and the officer's note — saves nothing, and can go back to the dossier being checked. A
guidance must say what to complete."""

import re

import pytest

from motcua.dossiers.models import Applicant, DailyCounter, Dossier, DossierComponent, ProcessLogEntry
from tests.builders.dossiers import counter_form
from tests.workspace.test_counter_intake_accepts_with_code_and_appointment import URL

pytestmark = pytest.mark.django_db


def nothing_saved() -> bool:
    return all(
        m.objects.count() == 0 for m in (Dossier, Applicant, DossierComponent, ProcessLogEntry, DailyCounter)
    )


def test_the_guidance_lists_what_is_missing_and_saves_nothing(signed_in, officers, procedure):
    declaration, proof = procedure.cases.get().components.order_by("order")
    data = counter_form(
        procedure,
        decision="guide",
        components=[declaration.pk],
        note="Bản sao hợp đồng thuê nhà phải công chứng.",
    )
    response = signed_in(officers["counter"]).post(URL, data)
    html = response.content.decode()
    assert response.status_code == 200 and nothing_saved()
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in html and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in html
    missing = re.search(r'<table class="doc-table">(.*?)</table>', html, re.S).group(1)
    assert proof.name in missing and declaration.name not in missing
    assert "Bản sao hợp đồng thuê nhà phải công chứng." in html and "Trần Thị Bình" in html
    assert "Nguyễn An" in html  # the officer who guides, family name first
    assert "không tạo hồ sơ và không cấp mã" in html and "data-print" in html
    back = re.search(
        r'<form method="post" action="/mot-cua/tiep-nhan/" class="doc-actions">(.*?)</form>', html, re.S
    )
    assert f'name="components" value="{declaration.pk}"' in back.group(1)
    assert 'name="decision"' not in back.group(1)


def test_going_back_restores_the_dossier_being_checked(signed_in, officers, procedure):
    declaration, proof = procedure.cases.get().components.order_by("order")
    data = counter_form(procedure, components=[declaration.pk], note="Thiếu bản sao", step="refresh")
    data.pop("decision")
    html = signed_in(officers["counter"]).post(URL, data).content.decode()
    assert re.search(rf'value="{declaration.pk}" id="component-{declaration.pk}" checked', html)
    assert not re.search(rf'value="{proof.pk}" id="component-{proof.pk}" checked', html)
    assert "Thiếu bản sao" in html and nothing_saved()


def test_a_guidance_must_say_what_to_complete(signed_in, officers, procedure):
    html = (
        signed_in(officers["counter"]).post(URL, counter_form(procedure, decision="guide")).content.decode()
    )
    assert "Phiếu hướng dẫn phải nêu rõ nội dung cần bổ sung, hoàn thiện" in html
    assert 'id="id_note_error"' in html and nothing_saved()


def test_a_guidance_needs_no_applicant_but_a_valid_checklist(signed_in, officers, procedure):
    data = counter_form(procedure, decision="guide", applicant_name="", applicant_id_number="", components=[])
    html = signed_in(officers["counter"]).post(URL, data).content.decode()
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in html and nothing_saved()
    html = signed_in(officers["counter"]).post(URL, {**data, "components": [999999]}).content.decode()
    assert "không có: 999999" in html and "PHIẾU YÊU CẦU" not in html and nothing_saved()
