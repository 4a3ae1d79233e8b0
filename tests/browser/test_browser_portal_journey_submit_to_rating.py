"""The acceptance journey of the citizen portal, in a browser from end to end: a citizen signs in on a phone and
submits a dossier online with a PDF → the counter accepts it in the workspace (desktop) → public tracking shows it
with the right check value and refuses a wrong one exactly as it refuses an unknown code → processing asks for a
supplement, the citizen uploads it from “Hồ sơ của tôi”, the counter receives it → the citizen pays the fee in the
sandbox bank → the result is returned and the citizen rates the dossier once. The officers' processing steps go
through ``transitions.apply``; every citizen step is in the browser. Screenshots
``test-artifacts/screenshots/journey-NN-*.png`` (phone 390×844, desktop 1280×800)."""

import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from motcua.dossiers.models import Dossier
from motcua.dossiers.services.transitions import apply
from motcua.payments.models import Payment
from motcua.satisfaction.models import Rating
from tests.builders.browser import counter_receives_supplement, expect_text, pdf
from tests.builders.org import PASSWORD
from tests.builders.portal import PHONE_LAST4, make_citizen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
NOT_FOUND = "Không tìm thấy hồ sơ với mã và mã kiểm tra đã nhập."
PERSONAL = ("Trần Thị Bình", "0912345678", "038190001234", "Phường Hạc Thành", "binh@example.vn")


@pytest.fixture(autouse=True)
def _private_storage_and_fresh_throttle(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    cache.clear()
    yield
    cache.clear()


def fits_the_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def no_personal_data(page):
    text = page.content()
    for value in PERSONAL:
        assert value not in text, value


def track(page, code, check):
    page.goto("/tra-cuu/")
    page.get_by_label("Mã hồ sơ", exact=True).fill(code)
    page.get_by_label("Mã kiểm tra", exact=True).fill(check)
    page.get_by_role("button", name="Tra cứu").click()


def test_a_citizen_from_submission_to_rating(new_page, officers, procedure, django_user_model, shot):
    from motcua.satisfaction.services import load_defaults

    load_defaults()  # a transactional test before this one may have flushed the criteria the migration seeded
    # a local account whose e-mail is confirmed (an unconfirmed one is asked to confirm it at sign-in)
    citizen = make_citizen(
        django_user_model, "cd.binh", email="binh@example.vn", email_verified_at=timezone.now()
    )

    # 1. sign in on the real page and submit online with a PDF ------------------------------------------------------
    phone = new_page(**PHONE)
    phone.goto("/dang-nhap/")
    phone.get_by_label("Tên đăng nhập").fill(citizen.get_username())
    phone.get_by_label("Mật khẩu").fill(PASSWORD)
    fits_the_phone(phone)
    shot(phone, "journey-01-sign-in-phone")
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url(lambda url: "/dang-nhap/" not in url)

    phone.goto("/nop-ho-so/")
    phone.get_by_label("Tìm thủ tục theo tên hoặc mã").fill("dang ky thuong tru")
    phone.get_by_role("button", name="Tìm").click()
    phone.get_by_role("link", name="Đăng ký thường trú").click()
    phone.wait_for_url(re.compile(r"/nop-ho-so/[^/]+/$"))
    assert phone.get_by_label("Họ tên / tên tổ chức").input_value() == "Trần Thị Bình"
    for index, input_ in enumerate(phone.locator("input[type=file][id^=tep-]").all()):
        input_.set_input_files(pdf(f"giay-to-{index + 1}.pdf"))
    fits_the_phone(phone)
    shot(phone, "journey-02-submit-form-phone")
    phone.get_by_role("button", name="Tiếp tục: xem lại hồ sơ").click()
    phone.wait_for_url("**/xem-lai/")
    expect_text(phone.locator(".portal-components"), "giay-to-1.pdf")
    fits_the_phone(phone)
    shot(phone, "journey-03-review-phone")
    phone.get_by_role("button", name="Nộp hồ sơ").click()
    phone.wait_for_url(re.compile(r"/nop-ho-so/da-nop/"))
    dossier = Dossier.objects.get()
    assert dossier.status == 1 and dossier.reference and not dossier.code
    assert dossier.account_id == citizen.pk
    expect_text(phone.locator(".portal-next"), dossier.reference)
    fits_the_phone(phone)
    shot(phone, "journey-04-submitted-phone")

    # 2. the counter accepts it in the workspace ---------------------------------------------------------------------
    counter = new_page(officers["counter"], **DESKTOP)
    counter.goto(f"/mot-cua/ho-so/{dossier.reference}/")
    shot(counter, "journey-05-counter-online-dossier-desktop")
    counter.locator(".dossier-actions").get_by_role("link", name="Tiếp nhận hồ sơ", exact=True).click()
    form = counter.locator("#dossier-action-form form")
    form.wait_for()
    form.get_by_role("button", name="Xác nhận").click()
    expect_text(counter.locator(".dossier-badges"), "Được tiếp nhận")
    shot(counter, "journey-06-counter-accepted-desktop")
    dossier = Dossier.objects.get()
    assert dossier.status == 2 and dossier.code and dossier.due_at
    due = timezone.localtime(dossier.due_at).strftime("%d/%m/%Y %H:%M")

    # 3. public tracking: a wrong check value is refused as an unknown code is; the right one shows the dossier ----
    public = new_page(**PHONE)
    wrong_check = "1111" if PHONE_LAST4 != "1111" else "2222"
    track(public, dossier.code, wrong_check)
    expect_text(public.get_by_role("alert"), NOT_FOUND)
    assert public.locator(".portal-status").count() == 0
    wrong_page = public.inner_text("main")
    assert wrong_check not in public.content() and dossier.procedure_version.name not in wrong_page
    shot(public, "journey-07-tracking-wrong-check-phone")
    unknown = dossier.code[:-4] + ("0000" if not dossier.code.endswith("0000") else "0001")
    track(public, unknown, PHONE_LAST4)
    expect_text(public.get_by_role("alert"), NOT_FOUND)
    assert public.inner_text("main").replace(unknown, "CODE") == wrong_page.replace(dossier.code, "CODE")
    track(public, dossier.code, PHONE_LAST4)
    public.wait_for_url(re.compile(rf"/tra-cuu/{re.escape(dossier.code)}/$"))
    expect_text(public.locator(".portal-status"), "Được tiếp nhận")
    expect_text(public.locator("main"), due)
    no_personal_data(public)
    fits_the_phone(public)
    shot(public, "journey-08-tracking-accepted-phone")

    # 4. processing asks for a supplement; the citizen sends it from “Hồ sơ của tôi”; the counter receives it -------
    dossier = apply(dossier, "transfer", officers["counter"]).dossier
    apply(dossier, "request_supplement", officers["specialist"], inputs={"reason": "Bổ sung bản sao sổ đỏ."})
    phone.goto("/ho-so-cua-toi/")
    expect_text(phone.locator(".portal-cards"), dossier.code)
    fits_the_phone(phone)
    shot(phone, "journey-09-my-dossiers-supplement-phone")
    phone.get_by_role("link", name=dossier.code).first.click()
    phone.wait_for_url(f"**/ho-so-cua-toi/{dossier.code}/")
    expect_text(phone.locator(".portal-next"), "Bổ sung bản sao sổ đỏ.")
    last = dossier.components.order_by("id").last()
    phone.locator(f"#tep-{last.pk}").set_input_files(pdf("so-do-ban-sao.pdf"))
    fits_the_phone(phone)
    shot(phone, "journey-10-supplement-form-phone")
    phone.get_by_role("button", name="Gửi giấy tờ bổ sung").click()
    expect_text(phone.locator(".messages"), "Đã gửi giấy tờ bổ sung.")
    fits_the_phone(phone)
    shot(phone, "journey-11-supplement-sent-phone")

    counter_receives_supplement(
        counter, dossier.code, "so-do-ban-sao.pdf", shot, "journey-12-counter-supplement-notice-desktop"
    )
    shot(counter, "journey-13-counter-supplement-received-desktop")
    assert Dossier.objects.get().status == 4

    # 5. the citizen pays the fee in the sandbox bank ----------------------------------------------------------------
    phone.goto(f"/ho-so-cua-toi/{dossier.code}/")
    phone.get_by_role("link", name="Thanh toán phí, lệ phí").click()
    phone.wait_for_url(re.compile(r"/thanh-toan/ho-so/"))
    expect_text(phone.locator(".pay-due"), "Cần thanh toán: 10.000 đồng")
    fits_the_phone(phone)
    shot(phone, "journey-14-payment-due-phone")
    phone.get_by_role("button", name="Thanh toán 10.000 đồng").click()
    phone.wait_for_url(re.compile(r"/thanh-toan/sandbox/"))
    expect_text(phone.locator(".pay-sandbox-banner"), "Cổng thanh toán thử nghiệm")
    fits_the_phone(phone)
    shot(phone, "journey-15-sandbox-bank-phone")
    phone.get_by_role("button", name="Thanh toán thành công").click()
    phone.wait_for_url(re.compile(r"/thanh-toan/ket-qua/sandbox/"))
    expect_text(phone.get_by_role("status"), "Thanh toán thành công.")
    fits_the_phone(phone)
    shot(phone, "journey-16-payment-success-phone")
    payment = Payment.objects.get(dossier=dossier, status="succeeded")
    phone.goto(f"/ho-so-cua-toi/{dossier.code}/")
    expect_text(phone.locator(".payment-link"), "Đã thanh toán trực tuyến 10.000 đồng")
    phone.get_by_role("link", name="Thanh toán phí, lệ phí").click()
    phone.wait_for_url(re.compile(r"/thanh-toan/ho-so/"))
    receipt = phone.get_by_role("link", name=re.compile("Tải biên lai điện tử"))
    expect_text(receipt, payment.receipt_number)
    expect_text(phone.locator("main"), "Đã thanh toán trực tuyến")
    fits_the_phone(phone)
    shot(phone, "journey-17-paid-phone")
    with phone.expect_download() as download:
        receipt.click()
    assert download.value.suggested_filename.startswith("bien-lai-BL")
    assert Dossier.objects.get().paid_online_amount == 10000

    # 6. the result is returned; the citizen rates the dossier once from “Hồ sơ của tôi” ----------------------------
    dossier = Dossier.objects.get()
    today = timezone.localdate().isoformat()
    dossier = apply(
        dossier,
        "finish",
        officers["lead"],
        inputs={
            "result_number": "15/XN-STP",
            "result_summary": "Xác nhận thông tin cư trú",
            "result_signer": "Mai Xuân Khánh",
            "result_signed_on": today,
        },
    ).dossier
    apply(dossier, "return_result", officers["counter"])
    phone.goto(f"/ho-so-cua-toi/{dossier.code}/")
    expect_text(phone.locator(".portal-status"), "Đã trả kết quả")
    fits_the_phone(phone)
    shot(phone, "journey-18-returned-phone")
    phone.get_by_role("link", name="Đánh giá sự hài lòng").click()
    phone.wait_for_url(f"**/danh-gia/{dossier.code}/")
    groups = phone.get_by_role("group", name=re.compile(r"^Chỉ số \d"))
    criteria = groups.count()
    assert criteria >= 5
    for group in groups.all():  # the first answer of every criterion is its best (2 points)
        group.get_by_role("radio").first.check()
    phone.get_by_role("radio", name="Rất hài lòng", exact=True).check()
    phone.get_by_label("Ý kiến góp ý (không bắt buộc)").fill(
        "Nộp trực tuyến nhanh, cán bộ hướng dẫn rõ ràng."
    )
    fits_the_phone(phone)
    shot(phone, "journey-19-rating-form-phone")
    phone.get_by_role("button", name="Gửi đánh giá").click()
    phone.wait_for_url(re.compile(r"\?da-gui=1$"))
    expect_text(phone.locator(".rating-thanks"), "Đánh giá đã được ghi nhận.")
    fits_the_phone(phone)
    shot(phone, "journey-20-rated-phone")

    rating = Rating.objects.get()
    assert rating.dossier_id == dossier.pk and rating.level == "rat_hai_long"
    assert rating.account_id == citizen.pk and rating.comment.startswith("Nộp trực tuyến nhanh")
    assert rating.score == 2 * criteria
    phone.reload()
    assert phone.locator("form.rating-form").count() == 0
    expect_text(phone.locator("main"), "Mỗi hồ sơ chỉ được đánh giá một lần.")
    phone.goto(f"/ho-so-cua-toi/{dossier.code}/")
    expect_text(phone.locator(".portal-status"), "Đã trả kết quả")
    assert phone.get_by_role("link", name="Đánh giá sự hài lòng").count() == 0
    shot(phone, "journey-21-after-rating-phone")
    assert Rating.objects.count() == 1
