"""Nghị định 13/2023 — the officer's page of a PAKN item shows the sender's name, address, phone and e-mail: each
view writes one row of the personal-data access log (who, unit, the item, why)."""

import pytest

from motcua.org.models import PersonalDataRead

pytestmark = pytest.mark.django_db


def test_the_items_page_logs_the_read_of_its_sender(client, send, staff, province):
    feedback = send()
    client.force_login(staff["officer"])
    assert client.get(f"/mot-cua/phan-anh/{feedback.code}/").status_code == 200
    entry = PersonalDataRead.objects.get()
    assert entry.user == staff["officer"] and entry.acting_agency == province["justice"]
    assert entry.record_kind == "pakn_sender" and entry.purpose == "pakn"
    assert entry.records == f" feedback:{feedback.pk} " and feedback.code in entry.label
    # another unit's officer does not see the item, and nothing is logged for them
    client.force_login(staff["other"])
    assert client.get(f"/mot-cua/phan-anh/{feedback.code}/").status_code == 404
    assert PersonalDataRead.objects.count() == 1
