"""StoredFile moves from ``files`` to ``dossiers`` (issue 17: ``files`` sits above ``dossiers``, so ``dossiers``'
models must not point into it). State only: the table keeps its name ``files_storedfile`` and every foreign key its
column and constraint; the content type follows the model, so its permissions keep their rows."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_follows(apps, schema_editor, old="files", new="dossiers"):
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    if not content_types.filter(app_label=new, model="storedfile").exists():
        content_types.filter(app_label=old, model="storedfile").update(app_label=new)


def content_type_goes_back(apps, schema_editor):
    content_type_follows(apps, schema_editor, old="dossiers", new="files")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dossiers", "0011_intake_idempotency_key"),
        ("files", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StoredFile",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("storage_name", models.CharField(editable=False, max_length=255, unique=True, verbose_name="tên lưu trữ")),
                        ("display_name", models.CharField(max_length=255, verbose_name="tên tệp")),
                        ("kind", models.CharField(max_length=8, verbose_name="loại tệp")),
                        ("content_type", models.CharField(max_length=100, verbose_name="kiểu nội dung")),
                        ("size", models.PositiveBigIntegerField(verbose_name="dung lượng (byte)")),
                        ("sha256", models.CharField(db_index=True, max_length=64, verbose_name="mã băm SHA-256")),
                        ("uploaded_at", models.DateTimeField(verbose_name="thời điểm tải lên")),
                        ("owner", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="files", to="dossiers.applicant", verbose_name="thuộc kho dữ liệu của")),
                        ("uploaded_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="người tải lên")),
                    ],
                    options={
                        "verbose_name": "tệp lưu trữ",
                        "verbose_name_plural": "tệp lưu trữ",
                        "db_table": "files_storedfile",
                        "ordering": ["-uploaded_at"],
                    },
                ),
                migrations.AlterField(
                    model_name="dossiercomponent",
                    name="file",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="dossiers.storedfile", verbose_name="tệp"),
                ),
                migrations.AlterField(
                    model_name="dossierresult",
                    name="file",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="dossiers.storedfile", verbose_name="tệp kết quả điện tử"),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_follows, content_type_goes_back),
    ]
