"""The sandbox gateways' page (``/thu-nghiem/tin-nhan/``) shows testers what the SMS and Zalo sandboxes "sent",
newest first, filtered by phone; it does not exist unless a sandbox gateway is configured, and ``check --deploy``
refuses a sandbox gateway with DEBUG off."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from motcua.messaging.gateways.sandbox import SandboxSmsGateway, SandboxZaloGateway
from motcua.web.checks import test_doubles_are_off_in_production as check
from tests.builders.messaging import FLAKY

pytestmark = pytest.mark.django_db

SMS = "motcua.messaging.gateways.sandbox.SandboxSmsGateway"
ZALO = "motcua.messaging.gateways.sandbox.SandboxZaloGateway"
REAL_PAYMENTS = ["tests.security.test_check_deploy_refuses_the_test_doubles.ProvinceBank"]


@pytest.fixture
def tester(client, officers):
    client.force_login(officers["counter"])
    return client


def test_the_page_lists_the_messages_newest_first_and_filters_by_phone(tester):
    client = tester
    SandboxSmsGateway().send_sms("0912345678", "Hồ sơ A đã được tiếp nhận.")
    SandboxZaloGateway().send_zns("0987654321", "motcua_tiep_nhan", {"ma_ho_so": "B"})
    SandboxSmsGateway().send_sms("0912345678", "Hồ sơ A đã có kết quả.")
    page = client.get("/thu-nghiem/tin-nhan/").content.decode()
    assert page.index("đã có kết quả") < page.index("motcua_tiep_nhan") < page.index("đã được tiếp nhận")
    assert "không có tin nào được gửi đi thật" in page
    only = client.get("/thu-nghiem/tin-nhan/", {"so": "0912 345 678"}).content.decode()
    assert "đã có kết quả" in only and "motcua_tiep_nhan" not in only
    assert "đã có kết quả" in client.get("/thu-nghiem/tin-nhan/", {"so": "+84 912 345 678"}).content.decode()
    assert (
        "Không có tin nhắn nào tới số này."
        in client.get("/thu-nghiem/tin-nhan/", {"so": "0900"}).content.decode()
    )


def test_anonymous_visitors_and_citizens_do_not_find_it(client, settings):
    """The messages carry codes and phone numbers (together they open the public tracking page): not for them."""
    from tests.builders.accounts import make_local

    SandboxSmsGateway().send_sms("0912345678", "Hồ sơ A đã được tiếp nhận.")
    assert client.get("/thu-nghiem/tin-nhan/").status_code == 404
    client.force_login(make_local().user)
    response = client.get("/thu-nghiem/tin-nhan/")
    assert response.status_code == 404 and "0912345678" not in response.content.decode()


def test_without_a_sandbox_gateway_the_page_does_not_exist(tester, settings):
    client = tester
    settings.MOTCUA_SMS_GATEWAY, settings.MOTCUA_ZALO_GATEWAY = FLAKY, ""
    assert client.get("/thu-nghiem/tin-nhan/").status_code == 404
    settings.MOTCUA_ZALO_GATEWAY = ZALO
    assert client.get("/thu-nghiem/tin-nhan/").status_code == 200


def ids(**overrides):
    base = {"DEBUG": False, "MOTCUA_OIDC_MOCK": False, "MOTCUA_PAYMENT_GATEWAYS": REAL_PAYMENTS}
    with override_settings(**{**base, **overrides}):
        return [error.id for error in check()]


def test_deploy_check_refuses_a_sandbox_gateway_with_debug_off():
    assert ids(MOTCUA_SMS_GATEWAY=SMS, MOTCUA_ZALO_GATEWAY="") == ["motcua.E004"]
    assert ids(MOTCUA_SMS_GATEWAY=FLAKY, MOTCUA_ZALO_GATEWAY=ZALO) == ["motcua.E004"]
    assert ids(MOTCUA_SMS_GATEWAY=FLAKY, MOTCUA_ZALO_GATEWAY="") == []  # a real provider, Zalo off
    assert ids(MOTCUA_SMS_GATEWAY="khong.co.Gateway", MOTCUA_ZALO_GATEWAY="") == ["motcua.E005"]
    assert ids(DEBUG=True, MOTCUA_SMS_GATEWAY=SMS, MOTCUA_ZALO_GATEWAY=ZALO) == []


def test_the_command_fails_with_deploy():
    with override_settings(DEBUG=False, MOTCUA_PAYMENT_GATEWAYS=REAL_PAYMENTS, MOTCUA_OIDC_MOCK=False):
        call_command("check")
        with pytest.raises(SystemCheckError, match=r"motcua\.E004"):
            call_command("check", "--deploy")
