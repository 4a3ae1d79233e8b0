"""StoredFile now lives in ``dossiers`` (``dossiers`` 0012): state only, the table ``files_storedfile`` stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0012_storedfile_moves_here"),
        ("feedback", "0003_attachment_file_in_dossiers"),
        ("files", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="StoredFile")],
            database_operations=[],
        ),
    ]
