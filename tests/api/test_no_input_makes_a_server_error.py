"""No input makes a server error: schemathesis sends every operation of the OpenAPI description, as an officer
who holds every processing role and as the administrator, with valid and invalid parameters and bodies (the
coverage phase's boundary values — NUL bytes, huge numbers, far dates, Unicode digits — and generated cases), and
every answer must be a documented status code with a body matching its schema. A 500 fails the test.

The run is deterministic (derandomised Hypothesis, no example database) and bounded: ``MOTCUA_FUZZ_EXAMPLES``
generated cases per operation and caller (default 10), plus the coverage phase's cases. Half a minute on two idle
cores. ``MOTCUA_FUZZ_SURVEY=<file>`` records every failure to that file (JSON lines) instead of stopping at the first
one — how the figures before and after the fixes were counted.

Positive cases are aimed at the seeded world (a real dossier code, action, procedure, receiving unit, PAKN code),
so that they reach the services and the database instead of stopping at a 404.
"""

import datetime as dt
import json
import os
import zlib

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from django.utils import timezone
from django.utils.crypto import get_random_string
from hypothesis import HealthCheck, Phase, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from motcua.core.models import ApiToken
from motcua.core.tokens import create_token
from motcua.dossiers import lifecycle
from motcua.feedback import lifecycle as feedback_lifecycle
from motcua.org.models import AdministrativeUnit
from tests.builders.dossiers import at, request_for
from tests.builders.org import assign

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("MOTCUA_FUZZ_EXAMPLES", "10"))
SURVEY = os.environ.get("MOTCUA_FUZZ_SURVEY", "")

CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "deterministic": True},
        "phases": {
            "examples": {"enabled": True},
            "coverage": {"enabled": True},
            "fuzzing": {"enabled": True},
        },
        # A request valid for the schema may still break a domain rule the schema cannot express (the procedure
        # must exist and be received at that unit, the dossier must be in the right state): a 422 or 409 with a
        # reason is then the right answer. What must never answer a schema-valid request: 400, 405, 5xx.
        "checks": {
            "positive_data_acceptance": {"expected-statuses": ["2xx", "401", "403", "404", "409", "422"]}
        },
    }
)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application(), config=CONFIG)

WORLD: dict = {}  # filled by the ``world`` fixture: what positive cases are aimed at


@pytest.fixture
def world(province, procedure, django_user_model):
    """The seeded province: a published procedure, dossiers at several stages, PAKN items, administrative units,
    and the two callers (bearer token, session cookie and CSRF token each)."""
    from motcua.dossiers.services.intake import receive_at_counter, submit_online
    from motcua.dossiers.services.transitions import apply
    from motcua.feedback.services.intake import submit
    from tests.builders.feedback import request_for as feedback_request

    officer = django_user_model.objects.create_user("canbo", password="x-long-password-1", last_name="Lê")
    for role, unit in (
        ("COUNTER_OFFICER", "centre"),
        ("AGENCY_LEAD", "justice"),
        ("CLERK", "justice"),
        ("PAKN_OFFICER", "justice"),
        ("DEPT_LEAD", "division"),
        ("SPECIALIST", "division"),
    ):
        assign(officer, role, province[unit], valid_from=dt.date(2024, 1, 1))
    admin = django_user_model.objects.create_superuser("quantri", password="x-long-password-1")
    assign(admin, "ADMIN", province["ubnd"], valid_from=dt.date(2024, 1, 1), includes_subunits=True)

    province_unit = AdministrativeUnit.objects.create(
        code="38", name="Tỉnh Thanh Hóa", kind="tinh", valid_from=dt.date(2020, 1, 1)
    )
    AdministrativeUnit.objects.create(
        code="14794",
        name="Phường Hạc Thành",
        kind="phuong",
        parent=province_unit,
        valid_from=dt.date(2025, 7, 1),
    )

    received = receive_at_counter(request_for(), officer, at=at("2026-03-09 09:15"))
    processing = receive_at_counter(request_for(), officer, at=at("2026-03-09 09:30"))
    apply(processing, "transfer", officer, at=at("2026-03-09 10:00"))
    online = submit_online(request_for(channel="2"), officer, at=at("2026-03-09 11:00"))
    feedback = [submit(feedback_request(), at=at("2026-03-09 09:00")) for _ in range(2)]

    callers = {}
    for name, user in (("officer", officer), ("admin", admin)):
        key = create_token(user, name)[1]
        client = Client()
        client.force_login(user)
        csrf = get_random_string(32)
        callers[name] = {
            "headers": {"Authorization": f"Bearer {key}", "X-CSRFToken": csrf},
            "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf},
        }
    ApiToken.objects.update(last_used_at=timezone.now())
    WORLD.update(
        dossiers=[d.code or d.reference for d in (received, processing, online)],
        actions=sorted(a for a, t in lifecycle.BY_ACTION.items() if lifecycle.NEW not in t.sources),
        feedback=[f.code for f in feedback],
        feedback_actions=sorted(feedback_lifecycle.BY_ACTION),
        agencies=[a.identifier for a in province.values()],
        admin_units=["38", "14794"],
        callers=callers,
    )
    return WORLD


def _pick(values: list, seed: str):
    return values[zlib.crc32(seed.encode()) % len(values)]


def aim(case) -> None:
    """Point a positive case at the seeded world (deterministically: chosen from the case's own content), two
    cases in three; negative cases are sent as generated."""
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return
    seed = repr((case.path_parameters, case.query, case.body))
    if zlib.crc32(seed.encode()) % 3 == 0:
        return
    path, params = case.operation.path, case.path_parameters
    if params is not None and "code" in params:
        if path.startswith("/api/v1/dossiers"):
            params["code"] = _pick(WORLD["dossiers"], seed)
        elif path.startswith("/api/v1/feedback"):
            params["code"] = _pick(WORLD["feedback"], seed)
        elif path.startswith("/api/v1/admin-units"):
            params["code"] = _pick(WORLD["admin_units"], seed)
        elif path.startswith("/api/v1/procedures"):
            params["code"] = "1.004222"
    if params is not None and "action" in params:
        key = "dossiers" if path.startswith("/api/v1/dossiers") else "feedback"
        params["action"] = _pick(WORLD["actions" if key == "dossiers" else "feedback_actions"], seed)
    if params is not None and "identifier" in params:
        params["identifier"] = _pick(WORLD["agencies"], seed)
    body = case.body if isinstance(case.body, dict) else None
    if body is not None and path in ("/api/v1/dossiers", "/api/v1/dossiers/batch"):
        items = body.get("items") if path.endswith("batch") else [body]
        for item in items or []:
            if isinstance(item, dict):
                item.update(procedure_code="1.004222", receiving_agency="000.00.02.H56")
                item.pop("case_id", None)
                item.pop("components", None)
                item.pop("handling_agency", None)
    if body is not None and path == "/api/v1/feedback":
        body["receiving_agency"] = "000.00.03.H56"
    if case.query is not None and path == "/api/v1/reports/bieu06" and "unit" in case.query:
        case.query["unit"] = "000.00.00.H56"


def _record(case, caller: str, error: BaseException | None, response) -> None:
    if not SURVEY:
        return
    with open(SURVEY, "a") as out:
        out.write(
            json.dumps(
                {
                    "operation": f"{case.method} {case.operation.path}",
                    "caller": caller,
                    "status": getattr(response, "status_code", None),
                    "failure": str(error).splitlines()[0:12] if error else None,
                    "curl": case.as_curl_command() if error else None,
                },
                ensure_ascii=False,
            )
            + "\n"
        )


@pytest.fixture(autouse=True)
def _connection_stays_open():
    """Requests go through the real WSGI handler, whose end-of-request signal would close the database connection
    (it is not in autocommit: the test's transaction) — as Django's own test client does, keep it open."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(params=["officer", "admin"])
def caller(request):
    return request.param


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the failing case is printed as it was sent
    suppress_health_check=list(HealthCheck),
    report_multiple_bugs=False,
)
def test_every_operation_answers_a_documented_4xx_or_success(case, caller, world):
    aim(case)
    who = world["callers"][caller]
    response = None
    try:
        response = case.call(headers=who["headers"], cookies=who["cookies"])
        case.validate_response(response, headers=who["headers"])
    except (Exception, BaseExceptionGroup) as error:  # schemathesis raises a FailureGroup
        _record(case, caller, error, response)
        if not SURVEY:
            raise
    else:
        _record(case, caller, None, response)


# --- the classes of input that made 500s, swept over every parameter and body field of every operation ----------

BAD_TEXT = ["\x00", "1.004222\x00", "\ud800"]
BAD_NUMBER = ["99999999999999999999999", "9223372036854775808", "²", "٣", "-1"]
BAD_DAY = ["9999-12-31", "0001-01-01", "0", "0.5", "²⁰²⁶-01-01", "2026-02-30"]
GOOD_BODIES = {
    ("POST", "/api/v1/dossiers"): {
        "procedure_code": "1.004222",
        "receiving_agency": "000.00.02.H56",
        "applicant": {"name": "Trần Thị Bình", "id_number": "038190001234", "phone": "0912345678"},
    },
    ("POST", "/api/v1/agencies"): {
        "identifier": "000.00.09.H56",
        "name": "Sở Y tế",
        "kind": "so_ban_nganh",
        "level": "province",
        "parent": "000.00.00.H56",
        "valid_from": "2025-07-01",
    },
    ("PATCH", "/api/v1/agencies/{identifier}"): {"name": "Sở Tư pháp tỉnh", "valid_to": "2030-12-31"},
    ("POST", "/api/v1/agency-successions"): {
        "predecessors": ["000.00.07.H56"],
        "successors": ["000.00.03.H56"],
        "kind": "merge",
        "effective_date": "2026-07-01",
        "legal_basis": "Nghị quyết 1/NQ-HĐND",
    },
    ("POST", "/api/v1/feedback"): {
        "receiving_agency": "000.00.03.H56",
        "title": "Chậm trả kết quả",
        "content": "Tôi nộp hồ sơ ngày 02/03 nhưng đến nay chưa nhận được kết quả, không ai giải thích.",
        "sender": {"name": "Trần Thị Bình", "address": "Phường Hạc Thành", "phone": "0912345678"},
    },
    ("POST", "/api/v1/feedback/{code}/answer"): {"answer": "Sở đã trả kết quả."},
}
GOOD_BODIES[("POST", "/api/v1/dossiers/batch")] = {"items": [GOOD_BODIES[("POST", "/api/v1/dossiers")]]}
for _path in ("/api/v1/dossiers/{code}/actions/{action}", "/api/v1/feedback/{code}/actions/{action}"):
    GOOD_BODIES[("POST", _path)] = {
        "inputs": {"reason": "Thiếu giấy tờ", "note": "Ghi chú", "new_due_at": "2026-04-01", "days": 3}
    }


def _good_path(path: str, world) -> dict:
    values = {
        "code": world["dossiers"][0],
        "action": "transfer",
        "identifier": "000.00.03.H56",
        "key": "assign",
    }
    if path.startswith("/api/v1/feedback"):
        values.update(code=world["feedback"][0], action="process")
    elif path.startswith("/api/v1/admin-units"):
        values["code"] = "38"
    elif path.startswith("/api/v1/procedures"):
        values["code"] = "1.004222"
    return values


def _bad_values(schema_: dict) -> list:
    options = schema_.get("anyOf", [schema_])
    kinds = {(o.get("type"), o.get("format")) for o in options}
    if any(f in ("date", "date-time") for _t, f in kinds):
        return BAD_DAY + BAD_TEXT[:1]
    if any(t in ("integer", "number") for t, _f in kinds):
        return BAD_NUMBER
    if any(t == "boolean" for t, _f in kinds):
        return ["²", "\x00"]
    return BAD_TEXT[:2]  # a query string cannot carry a lone surrogate


def _mutations(body, at=()):
    """(where, body) with one field replaced by each bad value of its kind."""
    if isinstance(body, dict):
        for name, value in body.items():
            for where, changed in _mutations(value, (*at, name)):
                yield where, {**body, name: changed}
    elif isinstance(body, list):
        for n, value in enumerate(body):
            for where, changed in _mutations(value, (*at, n)):
                yield where, [*body[:n], changed, *body[n + 1 :]]
    elif isinstance(body, str):
        bad = BAD_DAY if len(body) == 10 and body[4:5] == "-" else []
        for value in [*BAD_TEXT, *bad]:
            yield at, value
    elif isinstance(body, int):
        for value in (10**30, -(10**30)):
            yield at, value


def test_the_inputs_that_made_server_errors_are_refused_with_a_reason(world):
    """NUL bytes and lone surrogates, huge or negative numbers, Unicode digits, dates past the calendar or written as
    numbers, in every query and path parameter and every body field of every operation, as the officer: each answer
    is documented, has its documented shape, and is never a 500."""
    who = world["callers"]["officer"]
    raw = schema.raw_schema
    sent, failures = 0, []

    def send(operation, **parts):
        nonlocal sent
        case = operation.Case(**parts)
        sent += 1
        response = None
        try:
            response = case.call(headers=who["headers"], cookies=who["cookies"])
            case.validate_response(
                response,
                checks=[not_a_server_error, status_code_conformance, response_schema_conformance],
                headers=who["headers"],
            )
        except (Exception, BaseExceptionGroup) as error:
            _record(case, "officer/sweep", error, response)
            failures.append(f"{case.method} {case.formatted_path} {parts}: {str(error).splitlines()[:6]}")

    for path, methods in raw["paths"].items():
        for method, spec in methods.items():
            operation = schema[path][method.upper()]
            good_path = {
                p["name"]: _good_path(path, world)[p["name"]]
                for p in spec.get("parameters", [])
                if p["in"] == "path"
            }
            for parameter in spec.get("parameters", []):
                bad = BAD_TEXT[:2] + ["²"] if parameter["in"] == "path" else _bad_values(parameter["schema"])
                for value in bad:
                    if parameter["in"] == "path":
                        send(operation, path_parameters={**good_path, parameter["name"]: value})
                    elif parameter["in"] == "query":
                        send(operation, path_parameters=good_path, query={parameter["name"]: value})
            body = GOOD_BODIES.get((method.upper(), path))
            if body is not None:
                for _where, changed in _mutations(body):
                    send(operation, path_parameters=good_path, body=changed, media_type="application/json")
    assert sent > 300
    assert not failures, f"{len(failures)} of {sent}:\n" + "\n".join(failures[:20])


@pytest.mark.parametrize(
    "body", [b"{", b"\xff\xfe{}", b'{"applicant": "\\ud800"}', b'{"summary": "a\\u0000"}']
)
def test_a_body_that_is_not_storable_json_is_a_422_with_a_reason(world, client, body):
    response = client.post(
        "/api/v1/dossiers",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=world["callers"]["officer"]["headers"]["Authorization"],
    )
    assert response.status_code == 422, response.content
    (problem,) = response.json()["detail"]
    assert problem["loc"][0] == "body" and problem["msg"]
