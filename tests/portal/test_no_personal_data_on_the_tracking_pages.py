"""The tracking pages show the applicant's masked name and nothing else personal: no ID number, phone, address,
e-mail, birth date or full name of the applicant or the representative, no officer's name, and none of the free
texts of the log that may name people (a withdrawal request, who received the result, the result's signer) —
through the whole life of a dossier."""

import datetime as dt

import pytest

from motcua.dossiers.services.intake import ApplicantData
from tests.builders.dossiers import FINISH_INPUTS, act, receive
from tests.builders.portal import PHONE_LAST4, track_url

pytestmark = pytest.mark.django_db

APPLICANT = ApplicantData(
    name="Trần Thị Bình",
    id_number="038190001234",
    phone="0912345678",
    address="Số 12 Lê Lai, phường Hạc Thành",
    email="binh.tran@example.vn",
    birth_date=dt.date(1990, 5, 17),
)
REPRESENTATIVE = ApplicantData(
    name="Lê Văn Cường", id_number="038085009876", phone="0987654321", address="Thôn Đông, xã Đông Hòa"
)
PERSONAL = [
    "Trần Thị Bình",
    "Thị Bình",
    "038190001234",
    "0912345678",
    "912345678",
    "Lê Lai",
    "binh.tran@example.vn",
    "17/05/1990",
    "1990-05-17",
    "Lê Văn Cường",
    "038085009876",
    "0987654321",
    "Thôn Đông",
]


def officer_names(officers) -> list[str]:
    return [f"{u.last_name} {u.first_name}" for u in officers.values()] + [
        u.username for u in officers.values()
    ]


def assert_nothing_personal(page: str, officers, *extra: str):
    for text in [*PERSONAL, *officer_names(officers), *extra]:
        assert text not in page, text
    assert "Trần T. B." in page


def test_no_personal_data_through_the_life_of_a_dossier(client, officers, procedure):
    dossier = receive(officers, applicant=APPLICANT, representative=REPRESENTATIVE)
    assert client.post(track_url(dossier.code), {"check": PHONE_LAST4}).status_code == 302
    assert_nothing_personal(client.get(track_url(dossier.code)).content.decode(), officers)

    dossier = act(dossier, "transfer", officers["counter"], "2026-03-09 10:00")
    dossier = act(dossier, "assign", officers["dept"], "2026-03-09 10:30", handler=officers["specialist"].pk)
    dossier = act(
        dossier,
        "apologize",
        officers["lead"],
        "2026-03-10 11:00",
        reason="Ghi chú nội bộ: chờ ý kiến chị Bình 0912345678",
        new_due_at="2026-03-20T09:15:00+07:00",
    )
    dossier = act(dossier, "finish", officers["lead"], "2026-03-12 15:00", **FINISH_INPUTS)
    dossier = act(
        dossier,
        "return_result",
        officers["counter"],
        "2026-03-13 09:00",
        receiver="Trần Thị Bình (CCCD 038190001234)",
        note="Đã trao cho bà Trần Thị Bình",
    )
    page = client.get(track_url(dossier.code)).content.decode()
    assert "portal-status status-10" in page
    assert_nothing_personal(page, officers, "Ghi chú nội bộ", FINISH_INPUTS["result_signer"], "15/XN-STP")


def test_a_withdrawal_shows_no_reason(client, officers, procedure):
    dossier = receive(officers)
    dossier = act(
        dossier,
        "withdraw",
        officers["counter"],
        "2026-03-10 08:00",
        reason="Bà Bình đi công tác, SĐT 0912345678",
    )
    client.post(track_url(dossier.code), {"check": PHONE_LAST4})
    page = client.get(track_url(dossier.code)).content.decode()
    assert "Công dân yêu cầu rút hồ sơ" in page and "Hồ sơ đã được rút theo đề nghị của người nộp." in page
    assert_nothing_personal(page, officers, "đi công tác")


def test_an_organisation_is_named_in_full(client, officers, procedure):
    company = ApplicantData(
        name="Công ty TNHH Minh Phát", id_number="2801234567", kind="2", phone="02373851234"
    )
    dossier = receive(officers, applicant=company)
    client.post(track_url(dossier.code), {"check": "4567"})  # the last 4 digits of the tax code
    page = client.get(track_url(dossier.code)).content.decode()
    assert "Công ty TNHH Minh Phát" in page and "2801234567" not in page and "02373851234" not in page
