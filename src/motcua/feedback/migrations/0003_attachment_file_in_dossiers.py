"""StoredFile now lives in ``dossiers`` (``dossiers`` 0012): state only, the column and its constraint stay."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0012_storedfile_moves_here"),
        ("feedback", "0002_keyed_log_row_seal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="feedbackattachment",
                    name="file",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="dossiers.storedfile"),
                ),
            ],
            database_operations=[],
        ),
    ]
