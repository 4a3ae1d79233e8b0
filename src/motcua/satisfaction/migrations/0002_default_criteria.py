"""The criteria citizens score per dossier (SPEC §10.2: indicators 1, 2, 3, 4, 6, 7), so that a fresh database
can take ratings. Later changes are new versions made in the admin."""

from django.db import migrations


def load(apps, schema_editor):
    from motcua.satisfaction.services import load_defaults

    load_defaults(apps.get_model("satisfaction", "Criterion"))


class Migration(migrations.Migration):
    dependencies = [("satisfaction", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
