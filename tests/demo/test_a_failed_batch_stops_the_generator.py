"""A batch of generated dossiers is written whole or not at all, and a batch that fails stops the run with its error:
on PostgreSQL the batches are written by a second thread while the next is drawn (``demo.generator.writer``), so
its failure must still reach the caller, and no writer thread may outlive the run."""

import datetime as dt
import io
import threading

import pytest
from django.core.management import call_command

from motcua.demo.generator import generate
from motcua.demo.generator.writer import Writer
from motcua.dossiers.models import Dossier

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)


class DiskFull(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_the_second_batch_fails_and_only_the_first_stays(monkeypatch):
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    written = []
    original = Writer.write

    def write(self, table, columns, rows):
        if table == "dossiers_dossier":
            written.append(len(rows))
            if len(written) == 2:
                raise DiskFull("no space left on device")
        original(self, table, columns, rows)

    monkeypatch.setattr(Writer, "write", write)

    with pytest.raises(DiskFull):
        generate(500, 2026, seed=3, batch=100, now=NOW, progress=None)

    assert len(written) == 2  # batches hold whole days: at least 100 dossiers each
    assert Dossier.objects.count() == written[0] >= 100  # the first batch, whole; nothing of the failed one
    assert not [t for t in threading.enumerate() if t.name == "generator-writer"]
