"""The eager jobs backend (work done inside the web process right after the commit) is for tests: the deploy check
refuses it, so a site always keeps its deferred work in a queue that survives a crash."""

from motcua.core.apps import check_jobs_backend


def test_the_eager_backend_fails_the_deploy_check(settings):
    settings.MOTCUA_JOBS_BACKEND = "eager"
    assert [e.id for e in check_jobs_backend()] == ["motcua.E_JOBS_EAGER"]


def test_the_database_backend_passes_it(settings):
    settings.MOTCUA_JOBS_BACKEND = "database"
    assert check_jobs_backend() == []
