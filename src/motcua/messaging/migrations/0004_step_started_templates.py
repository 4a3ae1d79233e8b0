"""Version 1 of the messages of the new event “Hồ sơ chuyển đến bước xử lý” (messaging/defaults.py) for databases
that loaded the defaults before the event existed (a fresh database has them from 0002 already)."""

from django.db import migrations


def load(apps, schema_editor):
    from motcua.messaging.services.templates import load_defaults

    load_defaults(apps.get_model("messaging", "MessageTemplate"))


class Migration(migrations.Migration):
    dependencies = [("messaging", "0003_step_started_event")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
