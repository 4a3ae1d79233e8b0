"""Version 1 of every message (event × channel: messaging/defaults.py), so that a fresh database tells citizens."""

from django.db import migrations


def load(apps, schema_editor):
    from motcua.messaging.services.templates import load_defaults

    load_defaults(apps.get_model("messaging", "MessageTemplate"))


class Migration(migrations.Migration):
    dependencies = [("messaging", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
