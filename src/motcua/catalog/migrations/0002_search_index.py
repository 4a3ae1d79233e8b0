"""The procedure search index (motcua.catalog.search).

SQLite: an FTS5 table over the folded columns, external content = the index table, kept in sync by triggers.
PostgreSQL: a generated tsvector of name + field + body (``simple`` configuration: the text is already folded in
Python) with a GIN index. (Names and fields are matched from a per-process cache, see motcua.catalog.search.)
The catalogue ships together with this migration, so there is nothing to index yet;
``motcua reindex_procedures`` rebuilds the index at any time.
"""

import django.db.models.deletion
from django.db import migrations, models

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE catalog_procedure_fts USING fts5(
        name_text, field_text, body_text,
        content='catalog_proceduresearchentry', content_rowid='procedure_id',
        tokenize='unicode61 remove_diacritics 0', prefix='2 3'
    )""",
    """CREATE TRIGGER catalog_procedure_fts_ai AFTER INSERT ON catalog_proceduresearchentry BEGIN
        INSERT INTO catalog_procedure_fts(rowid, name_text, field_text, body_text)
        VALUES (new.procedure_id, new.name_text, new.field_text, new.body_text);
    END""",
    """CREATE TRIGGER catalog_procedure_fts_ad AFTER DELETE ON catalog_proceduresearchentry BEGIN
        INSERT INTO catalog_procedure_fts(catalog_procedure_fts, rowid, name_text, field_text, body_text)
        VALUES ('delete', old.procedure_id, old.name_text, old.field_text, old.body_text);
    END""",
    """CREATE TRIGGER catalog_procedure_fts_au AFTER UPDATE ON catalog_proceduresearchentry BEGIN
        INSERT INTO catalog_procedure_fts(catalog_procedure_fts, rowid, name_text, field_text, body_text)
        VALUES ('delete', old.procedure_id, old.name_text, old.field_text, old.body_text);
        INSERT INTO catalog_procedure_fts(rowid, name_text, field_text, body_text)
        VALUES (new.procedure_id, new.name_text, new.field_text, new.body_text);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_procedure_fts_au",
    "DROP TRIGGER IF EXISTS catalog_procedure_fts_ad",
    "DROP TRIGGER IF EXISTS catalog_procedure_fts_ai",
    "DROP TABLE IF EXISTS catalog_procedure_fts",
]
POSTGRES_FORWARD = [
    """ALTER TABLE catalog_proceduresearchentry ADD COLUMN all_tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('simple'::regconfig, name_text || ' ' || field_text || ' ' || body_text)) STORED""",
    "CREATE INDEX catalog_search_all_tsv ON catalog_proceduresearchentry USING gin (all_tsv)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS catalog_search_all_tsv",
    "ALTER TABLE catalog_proceduresearchentry DROP COLUMN IF EXISTS all_tsv",
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(schema_editor.connection.vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(
        schema_editor.connection.vendor, []
    )
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProcedureSearchEntry",
            fields=[
                ("procedure", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True,
                                                   related_name="search_entry", serialize=False,
                                                   to="catalog.procedure", verbose_name="thủ tục")),
                ("code", models.CharField(db_index=True, max_length=16, verbose_name="mã thủ tục")),
                ("name", models.CharField(max_length=1000, verbose_name="tên thủ tục")),
                ("field_name", models.CharField(blank=True, max_length=255, verbose_name="lĩnh vực")),
                ("name_text", models.TextField(verbose_name="tên (đã chuẩn hóa)")),
                ("field_text", models.TextField(blank=True, verbose_name="lĩnh vực (đã chuẩn hóa)")),
                ("body_text", models.TextField(blank=True, verbose_name="nội dung (đã chuẩn hóa)")),
                ("updated_at", models.DateTimeField(auto_now=True, db_index=True, verbose_name="cập nhật")),
                ("version", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL,
                                              related_name="+", to="catalog.procedureversion",
                                              verbose_name="phiên bản")),
            ],
            options={
                "verbose_name": "chỉ mục tìm kiếm thủ tục",
                "verbose_name_plural": "chỉ mục tìm kiếm thủ tục",
                "ordering": ["code"],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
