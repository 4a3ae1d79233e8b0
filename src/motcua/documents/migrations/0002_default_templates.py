"""The default templates of both form sets (documents/data/templates), so that a fresh database prints."""

from django.db import migrations


def load(apps, schema_editor):
    from motcua.documents.services.templates import load_defaults

    load_defaults(apps.get_model("documents", "FormTemplate"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
