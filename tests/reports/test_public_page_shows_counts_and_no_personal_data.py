"""The public transparency page (công khai, no sign-in): per unit of today, received, resolved, the on-time rate,
late ones and how many with an apology, in progress; the same figures as open data in CSV and JSON. It shows no
personal data: no applicant, no identity number, no dossier code, no officer; it updates as soon as a dossier
moves; a wrong year or month is refused with a message."""

import csv
import io
import json

import pytest

from tests.builders.dossiers import act
from tests.builders.reports import finish_inputs, finished, processing

pytestmark = pytest.mark.django_db
MARCH = "?nam=2026&thang=3"
PUBLIC_QUERIES = 3  # agencies, successions, the roll-up


@pytest.fixture
def march(procedure, officers, live):
    with live():
        finished(officers, "2026-03-02 09:15", "2026-03-05 10:00")
        late = processing(officers, "2026-03-04 09:15")
        late = act(
            late,
            "apologize",
            officers["lead"],
            "2026-03-12 15:00",
            reason="Xác minh",
            new_due_at="2026-03-20T16:00+07:00",
        )
        act(late, "finish", officers["lead"], "2026-03-17 10:00", **finish_inputs("2026-03-17"))
        return processing(officers, "2026-03-25 09:15")


def test_public_page_counts_per_unit(client, march, django_assert_num_queries):
    with django_assert_num_queries(PUBLIC_QUERIES):
        response = client.get("/cong-khai/" + MARCH)
    assert response.status_code == 200
    page = response.content.decode()
    row = page[page.index("Sở Tư pháp") :]
    cells = [
        c.strip()
        for c in row.split("</th>", 1)[1].split("</tr>")[0].replace("</td>", "").split('<td class="num">')[1:]
    ]
    # received, online, resolved, on time (%), late, late with an apology, in progress
    assert cells == ["3", "0", "2", "50,00%", "1", "1", "1"]


def test_public_page_has_no_personal_data(client, officers, march):
    page = client.get("/cong-khai/" + MARCH).content.decode()
    page += client.get("/cong-khai/000.00.03.H56/" + MARCH).content.decode()
    page += client.get("/cong-khai/du-lieu.csv" + MARCH).content.decode()
    page += client.get("/cong-khai/du-lieu.json" + MARCH).content.decode()
    for secret in (
        "Trần Thị Bình",
        "038190001234",
        "0912345678",
        march.code,
        "000.00.03.H56-26",
        "Nguyễn",
        "Khánh",
    ):
        assert secret not in page, secret
    assert officers["lead"].username not in page


def test_open_data_as_csv_and_json(client, march):
    response = client.get("/cong-khai/du-lieu.csv" + MARCH)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert (
        len(rows) == 1
        and rows[0]["unit_identifier"] == "000.00.03.H56"
        and rows[0]["unit_name"] == "Sở Tư pháp"
    )
    assert (rows[0]["received"], rows[0]["resolved_late"], rows[0]["late_with_apology"]) == ("3", "1", "1")
    assert rows[0]["on_time_rate"] == "50.0" and rows[0]["period_to"] == "2026-03-31"
    data = json.loads(client.get("/cong-khai/du-lieu.json" + MARCH).content)
    assert data["period"] == {"from": "2026-03-01", "to": "2026-03-31", "code": "2026-03"}
    assert data["units"][0]["in_progress"] == 1 and set(data["fields"]) == set(data["units"][0])


def test_the_page_follows_each_transition(client, officers, march, live):
    before = client.get("/cong-khai/du-lieu.json?nam=2026").json()["units"][0]
    with live():
        act(march, "finish", officers["lead"], "2026-03-27 10:00", **finish_inputs("2026-03-27"))
    after = client.get("/cong-khai/du-lieu.json?nam=2026").json()["units"][0]
    assert (before["resolved"], before["in_progress"]) == (2, 1)
    assert (after["resolved"], after["in_progress"], after["resolved_early"]) == (3, 0, 2)


@pytest.mark.parametrize("query", ["?nam=abc", "?nam=2026&thang=13", "?nam=2031", "?nam=1999"])
def test_a_wrong_period_is_refused_with_a_message(client, query):
    response = client.get("/cong-khai/" + query)
    assert response.status_code == 400 and 'class="field-error"' in response.content.decode()
    assert client.get("/cong-khai/du-lieu.json" + query).status_code == 400
    assert client.get("/cong-khai/du-lieu.csv" + query).status_code == 400


def test_an_old_identifier_shows_the_unit_that_carries_on(client, province, march):
    import datetime as dt

    from tests.builders.org import justice_merged

    justice_merged(province, on=dt.date(2026, 4, 1), legal_basis="QĐ 1")
    page = client.get("/cong-khai/000.00.03.H56/" + MARCH).content.decode()
    assert "<h1>Sở Tư pháp và Nội vụ</h1>" in page
    assert (
        "Mã định danh 000.00.03.H56 thuộc một cơ quan đã sắp xếp; số liệu của cơ quan đó được tính cho Sở Tư pháp và Nội vụ."
        in page
    )
    listing = client.get("/cong-khai/" + MARCH).content.decode()
    assert "Sở Tư pháp và Nội vụ" in listing and ">Sở Tư pháp<" not in listing
    assert client.get("/cong-khai/000.99.99.H56/").status_code == 404


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/cong-khai/du-lieu.csv" + MARCH, 3),  # agencies, successions, the roll-up
        ("/cong-khai/du-lieu.json" + MARCH, 3),
        (
            "/cong-khai/000.00.03.H56/" + MARCH,
            7,
        ),  # + the roll-up, the daily series, the fields, overdue now; the subunits
    ],
)
def test_public_pages_have_fixed_queries(client, march, url, queries, django_assert_num_queries):
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
