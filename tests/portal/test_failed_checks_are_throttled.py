"""Guessing is throttled: after 10 failed checks from one address in 15 minutes, or 5 on one code from anywhere,
the page answers 429 with a clear message and looks nothing up — even for a correct value — until the window ends.
A correct check clears its code's count, not the address's."""

import pytest
from django.core.cache import cache

from motcua.portal import throttle
from tests.builders.dossiers import receive
from tests.builders.portal import PHONE_LAST4

pytestmark = pytest.mark.django_db

THROTTLED = "Bạn đã nhập sai quá nhiều lần."


def post(client, code, check, ip="203.0.113.7"):
    return client.post(f"/tra-cuu/{code}/", {"check": check}, REMOTE_ADDR=ip)


def test_ten_failures_from_one_address_block_it_even_for_a_correct_value(
    client, officers, procedure, django_assert_num_queries
):
    dossier = receive(officers)
    for n in range(throttle.FAILURES_PER_IP):  # different codes: the per-code limit is not reached
        assert post(client, f"{dossier.code[:-4]}{n:04d}", "1111").status_code == 200
    with django_assert_num_queries(0):  # no lookup at all
        response = post(client, dossier.code, PHONE_LAST4)
    page = response.content.decode()
    assert response.status_code == 429 and response["Retry-After"] == "900"
    assert THROTTLED in page and "Vui lòng thử lại sau 15 phút" in page
    assert "portal-status" not in page
    # another address is not blocked
    assert post(client, dossier.code, PHONE_LAST4, ip="198.51.100.9").status_code == 302


def test_five_failures_on_one_code_block_that_code_from_every_address(client, officers, procedure):
    dossier = receive(officers)
    other = receive(officers, when="2026-03-09 09:30")
    for n in range(throttle.FAILURES_PER_CODE):
        assert post(client, dossier.code, "1111", ip=f"192.0.2.{n}").status_code == 200
    response = post(client, dossier.code, PHONE_LAST4, ip="192.0.2.200")
    assert response.status_code == 429 and THROTTLED in response.content.decode()
    # typed in lower case it is the same code
    response = client.post(
        "/tra-cuu/", {"code": dossier.code.lower(), "check": PHONE_LAST4}, REMOTE_ADDR="192.0.2.201"
    )
    assert response.status_code == 429
    assert post(client, other.code, PHONE_LAST4, ip="192.0.2.200").status_code == 302


def test_the_block_ends_with_the_window(client, officers, procedure):
    dossier = receive(officers)
    for _ in range(throttle.FAILURES_PER_CODE):
        post(client, dossier.code, "1111")
    assert post(client, dossier.code, PHONE_LAST4).status_code == 429
    cache.clear()  # what the window's end does
    assert post(client, dossier.code, PHONE_LAST4).status_code == 302


def test_a_correct_check_clears_the_code_but_not_the_address(client, officers, procedure):
    dossier = receive(officers)
    for _ in range(throttle.FAILURES_PER_CODE - 1):
        post(client, dossier.code, "1111")
    assert post(client, dossier.code, PHONE_LAST4).status_code == 302
    for _ in range(throttle.FAILURES_PER_CODE - 1):
        assert post(client, dossier.code, "1111").status_code == 200  # the code's count started again: 4
    assert post(client, dossier.code, PHONE_LAST4, ip="198.51.100.9").status_code == 302  # under its limit
    for n in range(2):  # the address's 9th and 10th failures, on other codes
        assert post(client, f"{dossier.code[:-4]}{n:04d}", "1111").status_code == 200
    assert post(client, dossier.code, PHONE_LAST4).status_code == 429  # the address, not the code


def test_malformed_entries_cost_no_attempt(client, officers, procedure):
    dossier = receive(officers)
    for _ in range(throttle.FAILURES_PER_IP + 1):
        assert post(client, dossier.code, "12").status_code == 200
    assert post(client, dossier.code, PHONE_LAST4).status_code == 302
