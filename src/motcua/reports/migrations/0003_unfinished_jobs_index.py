"""A partial index of the unfinished jobs by the time they were enqueued, so that ``rollup.current_as_of`` (asked
by every report page) finds the oldest pending roll-up refresh among the few unfinished rows, not by scanning the
finished ones kept for days. On django-tasks-db's table, created here because the reports ask the question."""

from django.db import migrations

TABLE = "django_tasks_database_dbtaskresult"
NAME = "motcua_unfinished_jobs_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON {TABLE} (enqueued_at) WHERE status IN ('READY', 'RUNNING')"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_alter_dossierfact_outcome"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
