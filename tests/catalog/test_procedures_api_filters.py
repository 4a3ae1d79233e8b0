import pytest
from django.db import connection

from motcua.catalog import search
from tests.catalog.small_catalogue import build

# A search: index stamp, "every term somewhere" (PostgreSQL steers it to the GIN index: SET + query + RESET),
# the candidates' names, the procedures of the page.
SEARCH_QUERIES = 4 + (2 if connection.vendor == "postgresql" else 0)


@pytest.fixture
def catalogue(province):
    build(province)
    search.search("khai sinh")  # warm the vocabulary cache: query counts below are per request
    return province


def codes(response):
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["items"]]


def test_list_without_query_is_by_code(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(2):  # count + page
        response = client.get("/api/v1/procedures")
    assert codes(response) == ["1.000894", "1.001193", "1.004194", "1.004222", "1.013225"]
    item = response.json()["items"][3]
    assert item["name"] == "Đăng ký thường trú (sửa đổi)"
    assert item["field"] == "Đăng ký, quản lý cư trú"
    assert item["levels"] == ["commune"]
    assert item["online_level"] == "full"
    assert item["score"] is None


def test_search_without_tones_ranks_and_scores(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get("/api/v1/procedures", {"q": "dang ki thuong tru"})
    found = codes(response)
    assert found[0] == "1.004222"
    assert response.json()["items"][0]["score"] > 0


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "province"}, ["1.013225"]),
        ({"field": "ho-tich"}, ["1.000894", "1.001193"]),
        ({"field": "Hộ tịch"}, ["1.000894", "1.001193"]),
        ({"online": "full"}, ["1.004222"]),
        ({"online": "true"}, ["1.000894", "1.004194", "1.004222"]),
        ({"online": "false"}, ["1.001193", "1.013225"]),
        ({"agency": "000.01.21.H56"}, ["1.001193"]),
        ({"q": "dang ky", "field": "ho-tich"}, ["1.000894", "1.001193"]),
    ],
)
def test_filters(client, catalogue, params, expected):
    assert sorted(codes(client.get("/api/v1/procedures", params))) == expected


def test_filters_query_counts(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(3):  # field lookup, count, page
        client.get("/api/v1/procedures", {"field": "ho-tich"})
    with django_assert_num_queries(1 + SEARCH_QUERIES):  # field lookup + a search
        client.get("/api/v1/procedures", {"field": "ho-tich", "q": "khai sinh"})


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"level": "huyen"}, "level"),
        ({"online": "maybe"}, "online"),
        ({"q": "x" * 201}, "q"),
        ({"field": "khong-co"}, "field"),
        ({"agency": "999.99.99.H99"}, "agency"),
    ],
)
def test_invalid_filters_are_422_with_a_vietnamese_reason(client, catalogue, params, field):
    response = client.get("/api/v1/procedures", params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert any(d["loc"][-1] == field for d in detail)
    assert not detail[0]["msg"].isascii()


def test_detail_is_the_version_in_force_today(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(10):
        response = client.get("/api/v1/procedures/1.001193")
    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Thủ tục đăng ký khai sinh"
    assert body["version"] == 1 and body["is_current"]
    assert body["cases"][0]["components"][0]["name"] == "Tờ khai theo mẫu"
    channel = body["channels"][0]
    assert channel["limit_label"] == "5 ngày làm việc"
    assert channel["fees"][0]["amount"] == 8000
    assert body["legal_bases"][0]["number"] == "68/2020/QH14"
    assert body["results"][0]["code"] == "KQ.G01.000001"
    assert body["agencies"][0]["identifier"] == "000.01.21.H56"


def test_detail_on_a_date_gives_the_version_then(client, catalogue):
    before = client.get("/api/v1/procedures/1.004222", {"on": "2025-06-30"}).json()
    after = client.get("/api/v1/procedures/1.004222", {"on": "2025-07-01"}).json()
    assert (before["version"], before["name"], before["valid_to"]) == (1, "Đăng ký thường trú", "2025-06-30")
    assert (after["version"], after["name"]) == (2, "Đăng ký thường trú (sửa đổi)")


def test_detail_errors(client, catalogue):
    assert client.get("/api/v1/procedures/1.004222", {"on": "30/06/2025"}).status_code == 422
    assert client.get("/api/v1/procedures/9.999999").status_code == 404
    assert client.get("/api/v1/procedures/1.004222", {"on": "2000-01-01"}).status_code == 404


def test_fields_with_procedure_counts(client, catalogue, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = client.get("/api/v1/procedure-fields")
    rows = {row["slug"]: row["procedures"] for row in response.json()}
    assert rows == {"cu-tru": 2, "ho-tich": 2, "xay-dung": 1}


def test_publishing_a_new_version_reindexes_the_procedure(catalogue):
    from motcua.catalog.models import Procedure, ProcedureSearchEntry
    from tests.catalog.small_catalogue import publish_procedure

    procedure = Procedure.objects.get(code="1.004194")
    publish_procedure(
        "1.004194",
        "Đăng ký tạm trú cho người thuê nhà",
        None,
        levels=["commune"],
        valid_from=procedure.current_version.valid_from.replace(year=2025),
        procedure=procedure,
        copy_from=procedure.current_version,
    )
    assert ProcedureSearchEntry.objects.get(pk=procedure.pk).name == "Đăng ký tạm trú cho người thuê nhà"
    assert search.search("thue nha", limit=1)[0].code == "1.004194"


def test_deferred_reindex_writes_once(catalogue, django_assert_max_num_queries):
    from motcua.catalog.models import Procedure, ProcedureSearchEntry

    ProcedureSearchEntry.objects.all().delete()
    with search.deferred_reindex():
        for procedure in Procedure.objects.all():
            procedure.save(update_fields=["current_version"])
        assert not ProcedureSearchEntry.objects.exists()
    assert ProcedureSearchEntry.objects.count() == 5
