"""Recall@5 of the search on realistic citizen queries, over the full national catalogue (2,642 procedures).

The catalogue is imported once for this module (committed, then deleted at the end), not once per test.
"""

import contextlib

import pytest

from motcua.catalog import search
from tests.catalog.catalogue import SHARED_FILE, load_catalogue
from tests.catalog.citizen_queries import CITIZEN_QUERIES

pytestmark = pytest.mark.skipif(
    not SHARED_FILE.exists(), reason=f"the shared catalogue {SHARED_FILE} is absent (../shared not mounted)"
)


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_catalogue()
        yield
        _delete_catalogue()


def _delete_catalogue():
    from motcua.catalog.models import Procedure, ProcedureField
    from motcua.core.models import AuditEntry

    Procedure.objects.all().delete()
    ProcedureField.objects.all().delete()
    AuditEntry.objects.all().delete()


@pytest.fixture
def db_catalogue(catalogue, db):
    """Each test runs in its own transaction over the committed catalogue."""


def test_the_test_set_is_large_and_varied():
    queries = [q for q, _ in CITIZEN_QUERIES]
    assert len(queries) >= 40
    assert len(set(queries)) == len(queries)
    assert sum(q.isascii() for q in queries) >= 15, "queries typed without diacritics"
    assert sum(not q.isascii() for q in queries) >= 15, "queries typed with diacritics"


def test_whole_catalogue_is_indexed(db_catalogue):
    from motcua.catalog.models import Procedure, ProcedureSearchEntry

    assert (
        ProcedureSearchEntry.objects.count()
        == Procedure.objects.filter(current_version__isnull=False).count()
    )
    assert ProcedureSearchEntry.objects.count() >= 2600


def test_registering_permanent_residence_without_tones_is_in_the_top_three(db_catalogue):
    codes = [hit.code for hit in search.search("dang ky thuong tru", limit=3)]
    assert "1.004222" in codes
    assert search.search("dang ky thuong tru", limit=1)[0].name == "Đăng ký thường trú"


def test_recall_at_five_on_citizen_queries(db_catalogue):
    missed = []
    for query, expected in CITIZEN_QUERIES:
        codes = [hit.code for hit in search.search(query, limit=5)]
        if not set(codes) & set(expected):
            missed.append((query, expected, codes))
    recall = 1 - len(missed) / len(CITIZEN_QUERIES)
    assert recall >= 0.9, f"recall@5 = {recall:.3f}; missed: {missed}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang ki thuong tru", "1.004222"),  # ký typed “ki”
        ("giay phep xay dung nha o", "1.013225"),
        ("khai sinh", "1.001193"),
        ("dang ky thuog tru", "1.004222"),  # a letter missing
        ("1.004222", "1.004222"),
    ],
)
def test_typos_and_codes_find_the_procedure(db_catalogue, query, expected):
    assert expected in [hit.code for hit in search.search(query, limit=5)]


def test_results_are_best_first_and_deterministic(db_catalogue):
    hits = search.search("chung thuc", limit=20)
    keys = [(-h.score, h.code) for h in hits]
    assert keys == sorted(keys)
    assert [h.code for h in search.search("chung thuc", limit=20)] == [h.code for h in hits]


def test_name_matches_rank_above_body_matches(db_catalogue):
    hits = search.search("khai tu", limit=10)
    assert all("khai tu" in search.index_text(h.name) for h in hits[:5])


def test_results_snapshot_is_the_same_on_every_backend(db_catalogue):
    """The ranked lists of the test set, to compare SQLite and PostgreSQL runs (written next to the test)."""
    import json
    from pathlib import Path

    from django.db import connection

    lists = {q: [[h.code, h.score] for h in search.search(q, limit=5)] for q, _ in CITIZEN_QUERIES}
    out = Path(__file__).with_name(f".search_results_{connection.vendor}.json")
    with contextlib.suppress(OSError):
        out.write_text(json.dumps(lists, ensure_ascii=False, indent=1), encoding="utf-8")
    other = out.with_name(
        ".search_results_%s.json" % ("postgresql" if connection.vendor == "sqlite" else "sqlite")
    )
    if other.exists():
        assert json.loads(other.read_text(encoding="utf-8")) == lists
