"""``motcua check --deploy`` fails (an Error, not a Warning) when the mock VNeID or the sandbox bank is switched on
with ``DEBUG`` off: both let anyone pass for someone (any identity; a paid fee) in production."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

from motcua.payments.gateways.sandbox import SandboxGateway
from motcua.web.checks import test_doubles_are_off_in_production as check

SANDBOX = "motcua.payments.gateways.sandbox.SandboxGateway"
REAL = "tests.security.test_check_deploy_refuses_the_test_doubles.ProvinceBank"


class ProvinceBank:  # stands for a real gateway class: any class that is not the sandbox
    code = "province"


class RenamedSandbox(SandboxGateway):
    code = "sandbox2"


def ids(**overrides):
    overrides = {"MOTCUA_SMS_GATEWAY": "", "MOTCUA_ZALO_GATEWAY": "", **overrides}  # messaging: its own tests
    with override_settings(**overrides):
        return [error.id for error in check()]


def test_the_mock_provider_with_debug_off_is_an_error():
    assert ids(DEBUG=False, MOTCUA_OIDC_MOCK=True, MOTCUA_PAYMENT_GATEWAYS=[REAL]) == ["motcua.E001"]


def test_the_sandbox_bank_with_debug_off_is_an_error_also_under_another_name():
    assert ids(DEBUG=False, MOTCUA_OIDC_MOCK=False, MOTCUA_PAYMENT_GATEWAYS=[REAL, SANDBOX]) == [
        "motcua.E002"
    ]
    renamed = "tests.security.test_check_deploy_refuses_the_test_doubles.RenamedSandbox"
    assert ids(DEBUG=False, MOTCUA_OIDC_MOCK=False, MOTCUA_PAYMENT_GATEWAYS=[renamed]) == ["motcua.E002"]


def test_real_services_or_debug_on_pass():
    assert ids(DEBUG=False, MOTCUA_OIDC_MOCK=False, MOTCUA_PAYMENT_GATEWAYS=[REAL]) == []
    assert ids(DEBUG=True, MOTCUA_OIDC_MOCK=True, MOTCUA_PAYMENT_GATEWAYS=[SANDBOX]) == []


def test_a_gateway_that_cannot_be_imported_is_an_error():
    assert ids(DEBUG=False, MOTCUA_OIDC_MOCK=False, MOTCUA_PAYMENT_GATEWAYS=["khong.co.Gateway"]) == [
        "motcua.E003"
    ]


def test_the_command_fails_only_with_deploy():
    with override_settings(DEBUG=False, MOTCUA_OIDC_MOCK=True, MOTCUA_PAYMENT_GATEWAYS=[SANDBOX]):
        call_command("check")  # the ordinary checks (every start) do not stop the demo
        with pytest.raises(SystemCheckError, match=r"(?s)motcua\.E001.*motcua\.E002"):
            call_command("check", "--deploy")
