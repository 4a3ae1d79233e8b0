"""The counter kiosk shows the §10.1 question for the dossier this counter officer received last — within 30
minutes and not yet rated —, with the code and the procedure only; one tap records a reception rating linked to
that officer; then a thank-you screen and waiting for the next dossier. Officers who are not counter officers are
refused, and a counter officer of another unit cannot rate another counter's dossier."""

import pytest

from motcua.satisfaction.models import Kind, Rating, RatingOfficer
from tests.builders.org import assign

pytestmark = pytest.mark.django_db

KIOSK = "/mot-cua/danh-gia-tai-quay/"
QUESTION = "Ông/Bà đánh giá như thế nào về thái độ công chức khi hướng dẫn và tiếp nhận giải quyết hồ sơ?"
# session, user, role assignments, agency tree, then the officer's latest reception (with "rated?")
KIOSK_QUERIES = 5


def test_the_kiosk_shows_the_latest_dossier_and_one_tap_rates_it(
    client, received_now, officers, django_assert_num_queries
):
    older = received_now(minutes_ago=10)
    latest = received_now(minutes_ago=2)
    client.force_login(officers["counter"])
    with django_assert_num_queries(KIOSK_QUERIES):
        page = client.get(KIOSK)
    text = page.content.decode()
    assert page.status_code == 200 and QUESTION in text
    assert latest.code in text and older.code not in text
    assert "Rất hài lòng" in text and "Hài lòng" in text and "Chưa hài lòng" in text
    response = client.post(KIOSK, {"dossier": latest.pk, "level": "khong_hai_long"})
    assert response.status_code == 302 and response["Location"] == "/mot-cua/danh-gia-tai-quay/cam-on/"
    thanks = client.get(response["Location"]).content.decode()
    assert "Cảm ơn Ông/Bà đã đánh giá" in thanks and 'http-equiv="refresh"' in thanks
    rating = Rating.objects.get()
    assert (rating.dossier, rating.kind, rating.level, rating.channel) == (
        latest,
        Kind.RECEPTION,
        "khong_hai_long",
        "kiosk",
    )
    assert RatingOfficer.objects.get(rating=rating).officer == officers["counter"]
    waiting = client.get(
        KIOSK
    ).content.decode()  # the latest is rated: wait for the next, never the older one
    assert QUESTION not in waiting and older.code not in waiting and "Mời Ông/Bà đánh giá" in waiting


def test_a_reception_older_than_30_minutes_is_not_shown(client, received_now, officers):
    old = received_now(minutes_ago=31)
    client.force_login(officers["counter"])
    page = client.get(KIOSK).content.decode()
    assert QUESTION not in page and old.code not in page
    assert '<meta http-equiv="refresh"' in page  # without JavaScript the waiting screen reloads itself
    response = client.post(KIOSK, {"dossier": old.pk, "level": "hai_long"})
    assert response.status_code == 409 and not Rating.objects.exists()


def test_no_personal_data_on_the_kiosk(client, received_now, officers):
    dossier = received_now()
    client.force_login(officers["counter"])
    page = client.get(KIOSK).content.decode()
    assert dossier.code in page and dossier.procedure_version.name in page
    for private in (
        "Trần Thị Bình",
        "Bình",
        "0912345678",
        "038190001234",
        "5678",
        "Phường Hạc Thành",
        "tn.an",
    ):
        assert private not in page


def test_polling_swaps_only_when_the_screen_changes(client, received_now, officers):
    client.force_login(officers["counter"])
    headers = {"HTTP_HX_REQUEST": "true"}
    assert client.get(KIOSK + "?dang-hien=cho", **headers).status_code == 204
    dossier = received_now()
    screen = client.get(KIOSK + "?dang-hien=cho", **headers)
    assert screen.status_code == 200 and QUESTION in screen.content.decode()
    assert "<html" not in screen.content.decode()  # the partial only
    assert client.get(KIOSK + f"?dang-hien={dossier.pk}", **headers).status_code == 204


def test_officers_who_are_not_at_a_counter_are_refused(client, officers):
    client.force_login(officers["specialist"])
    assert client.get(KIOSK).status_code == 403
    assert client.get(KIOSK + "cam-on/").status_code == 403


def test_a_counter_officer_of_another_unit_cannot_rate_this_counters_dossier(client, received_now, officers):
    dossier = received_now()
    client.force_login(officers["other_counter"])
    page = client.get(KIOSK).content.decode()
    assert dossier.code not in page
    response = client.post(KIOSK, {"dossier": dossier.pk, "level": "rat_hai_long"})
    assert (
        response.status_code == 409 and "không phải hồ sơ ông/bà vừa tiếp nhận" in response.content.decode()
    )
    assert not Rating.objects.exists()


def test_an_officer_who_left_the_counter_no_longer_sees_its_dossiers(
    client, received_now, officers, province
):
    import datetime as dt

    from motcua.org.models import RoleAssignment

    dossier = received_now()
    RoleAssignment.objects.filter(user=officers["counter"]).update(valid_to=dt.date(2025, 1, 1))
    assign(officers["counter"], "COUNTER_OFFICER", province["commune_a"], valid_from=dt.date(2025, 1, 2))
    client.force_login(officers["counter"])
    assert dossier.code not in client.get(KIOSK).content.decode()
    assert client.post(KIOSK, {"dossier": dossier.pk, "level": "hai_long"}).status_code == 409
    assert not Rating.objects.exists()


def test_bad_kiosk_input_stores_nothing(client, received_now, officers):
    dossier = received_now()
    client.force_login(officers["counter"])
    response = client.post(KIOSK, {"dossier": dossier.pk, "level": "tuyet_voi"})
    assert response.status_code == 409 and "Chọn một mức độ hài lòng." in response.content.decode()
    assert client.post(KIOSK, {"dossier": "abc", "level": "hai_long"}).status_code == 409
    assert not Rating.objects.exists()


def test_the_receipt_invites_the_citizen_to_rate(client, received_now, officers):
    dossier = received_now()
    client.force_login(officers["counter"])
    page = client.get(f"/mot-cua/ho-so/{dossier.code}/giay-tiep-nhan/").content.decode()
    assert f'href="{KIOSK}"' in page and "Mời công dân đánh giá" in page
