"""The API publishes an OpenAPI 3.1 description and serves its docs without any CDN."""

import re


def test_openapi_31_with_the_registry_paths(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    for path in (
        "/api/v1/agencies",
        "/api/v1/agencies/{identifier}",
        "/api/v1/agency-successions",
        "/api/v1/admin-units",
        "/api/v1/admin-units/{code}",
    ):
        assert path in schema["paths"], path


def test_docs_use_only_local_assets(client, db):
    page = client.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(s.startswith("/static/") for s in sources), sources
    for asset in sources:
        assert client.get(asset).status_code == 200, asset


def test_site_assets_are_served_by_the_app(client, db):
    page = client.get("/").content.decode()
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', page):
        response = client.get(asset)
        assert response.status_code == 200, asset


def test_json_is_utf8_vietnamese(client, db):
    from tests.builders.org import make_agency

    make_agency("000.00.03.H56", "Sở Tư pháp")
    assert "Sở Tư pháp" in client.get("/api/v1/agencies").content.decode()


def test_every_operation_documents_its_error_answers(client, db):
    """The OpenAPI description lists what each operation can answer: 422 everywhere (the problem shape), 401 where a
    caller is needed, 404 where the path names a record, 409 on writes, 403 on writes that need a role; and the
    intake operations take an Idempotency-Key header."""
    schema = client.get("/api/v1/openapi.json").json()
    problem = schema["components"]["schemas"]["ValidationErrorOut"]
    assert problem["properties"]["detail"]["items"]["$ref"].endswith("/FieldErrorOut")
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            answers = set(operation["responses"])
            assert "422" in answers, (method, path)
            if operation.get("security"):
                assert "401" in answers, (method, path)
            if "{" in path:
                assert "404" in answers, (method, path)
            if method != "get":
                assert "409" in answers, (method, path)
                if operation.get("security"):
                    assert "403" in answers, (method, path)
    for path in ("/api/v1/dossiers", "/api/v1/dossiers/batch"):
        names = [p["name"] for p in schema["paths"][path]["post"].get("parameters", [])]
        assert "Idempotency-Key" in names
