"""An index for the workers' look for lost jobs (``motcua.core.jobs.reap``: ``status = 'RUNNING' AND started_at <
…``, every few seconds by every worker): partial, so it holds only the few running rows however long the jobs'
table grows. On django-tasks-db's own table, which is not motcua's model to change."""

from django.db import migrations

NAME = "motcua_jobs_running_idx"


def create(apps, schema_editor):
    table = schema_editor.quote_name(apps.get_model("django_tasks_database", "DBTaskResult")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON {table} (started_at) WHERE status = 'RUNNING'"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("core", "0003_scheduledrun_job")]

    operations = [migrations.RunPython(create, drop)]
