"""The jobs tests run on the production backend (a job is a row written in the enqueuing transaction), not on the
eager one the rest of the suite uses; the probe jobs' tables exist for the test."""

import pytest

from tests.builders.jobs import use_database_backend, use_redis_backend
from tests.jobs import probe


@pytest.fixture
def database_jobs(settings, storage_root):
    use_database_backend(settings)
    return settings


@pytest.fixture
def probe_tables(database_jobs, transactional_db):
    probe.create_tables()
    probe.FAILURES.clear()
    yield
    probe.drop_tables()


@pytest.fixture
def redis_jobs(settings, storage_root, transactional_db):
    conn = use_redis_backend(settings)
    probe.create_tables()
    probe.FAILURES.clear()
    yield conn
    probe.drop_tables()
    conn.flushdb()
