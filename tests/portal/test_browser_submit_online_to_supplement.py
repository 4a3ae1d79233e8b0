"""In a browser, the online journey: a citizen submits a dossier with uploads on a phone → the counter accepts it
in the workspace → the citizen sees the code and the appointment in “Hồ sơ của tôi” → processing asks for a
supplement → the citizen uploads it → the counter sees the notice and receives it. Screenshots (phone 390×844 and
desktop 1280×800) in test-artifacts/screenshots/portal-*.png."""

import re

import pytest
from django.utils import timezone

from motcua.catalog.models import CaseComponent
from motcua.dossiers.models import Dossier
from motcua.dossiers.services.transitions import apply
from tests.builders.browser import counter_receives_supplement, expect_text, pdf
from tests.builders.portal import make_citizen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


def test_submit_online_accept_supplement(new_page, officers, procedure, django_user_model, shot):
    citizen = make_citizen(django_user_model, "cd.binh")
    phone = new_page(citizen, **PHONE)
    phone.goto("/nop-ho-so/")
    phone.get_by_label("Tìm thủ tục theo tên hoặc mã").fill("dang ky thuong tru")
    phone.get_by_role("button", name="Tìm").click()
    phone.get_by_role("link", name="Đăng ký thường trú").click()
    assert phone.get_by_label("Họ tên / tên tổ chức").input_value() == "Trần Thị Bình"
    first, second = CaseComponent.objects.filter(case__version=procedure).order_by("order")
    phone.locator(f"#tep-{first.pk}").set_input_files(pdf("to-khai-ct01.pdf"))
    phone.get_by_role("button", name="Tiếp tục: xem lại hồ sơ").click()
    # a required component is missing: the form says so next to it, nothing is submitted
    expect_text(phone.locator(f"#tep-{second.pk}-error"), "Cần tải lên tệp")
    shot(phone, "portal-submit-error-phone")
    phone.locator(f"#tep-{first.pk}").set_input_files(pdf("to-khai-ct01.pdf"))
    phone.locator(f"#tep-{second.pk}").set_input_files(pdf("so-ho-khau.pdf"))
    shot(phone, "portal-submit-form-phone")
    phone.get_by_role("button", name="Tiếp tục: xem lại hồ sơ").click()
    phone.wait_for_url("**/xem-lai/")
    expect_text(phone.locator(".portal-components"), "so-ho-khau.pdf")
    shot(phone, "portal-review-phone")
    phone.get_by_role("button", name="Nộp hồ sơ").click()
    phone.wait_for_url(re.compile(r"/nop-ho-so/da-nop/"))
    dossier = Dossier.objects.get()
    expect_text(phone.locator(".portal-next"), dossier.reference)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "portal-submitted-phone")

    counter = new_page(officers["counter"], **DESKTOP)
    counter.goto(f"/mot-cua/ho-so/{dossier.reference}/")
    counter.locator(".dossier-actions").get_by_role("link", name="Tiếp nhận hồ sơ", exact=True).click()
    form = counter.locator("#dossier-action-form form")
    form.wait_for()
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(counter.locator(".dossier-badges"), "Được tiếp nhận")
    dossier = Dossier.objects.get()
    assert dossier.code

    phone.goto("/ho-so-cua-toi/")
    expect_text(phone.locator(".portal-cards"), dossier.code)
    due = timezone.localtime(dossier.due_at).strftime("%d/%m/%Y %H:%M")
    expect_text(phone.locator(".portal-cards"), due)
    shot(phone, "portal-mine-phone")
    desktop = new_page(citizen, **DESKTOP)
    desktop.goto("/ho-so-cua-toi/")
    desktop.get_by_role("link", name=dossier.code).click()
    expect_text(desktop.locator(".portal-next"), f"Mã hồ sơ: {dossier.code}.")
    expect_text(desktop.locator(".facts").first, due)
    shot(desktop, "portal-detail-desktop")

    dossier = apply(dossier, "transfer", officers["counter"]).dossier
    apply(dossier, "request_supplement", officers["specialist"], inputs={"reason": "Bổ sung bản sao sổ đỏ."})

    phone.goto(f"/ho-so-cua-toi/{dossier.code}/")
    expect_text(phone.locator(".portal-next"), "Bổ sung bản sao sổ đỏ.")
    phone.locator(f"#tep-{dossier.components.order_by('id').last().pk}").set_input_files(
        pdf("so-do-ban-sao.pdf")
    )
    shot(phone, "portal-supplement-phone")
    phone.get_by_role("button", name="Gửi giấy tờ bổ sung").click()
    expect_text(phone.locator(".messages"), "Đã gửi giấy tờ bổ sung.")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot(phone, "portal-supplement-sent-phone")

    counter_receives_supplement(
        counter, dossier.code, "so-do-ban-sao.pdf", shot, "portal-counter-notice-desktop"
    )
    assert Dossier.objects.get().status == 4
