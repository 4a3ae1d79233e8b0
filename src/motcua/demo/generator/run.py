"""The run: read the reference data once, draw each working day's dossiers, number their codes in receipt order,
write them per batch in one transaction each, and report the progress and the figures."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from django.utils import timezone

from motcua.catalog.models import ProcedureAssignment
from motcua.demo.generator.catalogue import Catalogue, combos, people
from motcua.demo.generator.lifecycle import Life
from motcua.demo.generator.plan import Pending
from motcua.demo.generator.rows import TABLES, Rows
from motcua.demo.generator.window import GeneratorError, UnitTime, per_day, window, working_days
from motcua.demo.generator.writer import Writer
from motcua.dossiers.models import DailyCounter
from motcua.dossiers.services.codes import format_code
from motcua.org.models import Agency


@dataclass
class Report:
    count: int = 0
    seconds: float = 0.0
    by_status: dict = field(default_factory=dict)
    window: tuple = ()

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0


class Generator:
    def __init__(self, *, count: int, year: int, seed: int = 5, batch: int = 5000, now=None, progress=None):
        self.count, self.year, self.batch = count, year, max(100, batch)
        self.rng = random.Random(seed)
        self.now = now or timezone.now()
        self.progress = progress
        self.writer = Writer()

    def prepare(self) -> None:
        if (
            not Agency.objects.filter(identifier="000.00.02.H56").exists()
            or not ProcedureAssignment.objects.exists()
        ):
            raise GeneratorError(
                "Chưa có dữ liệu tỉnh minh họa và danh mục thủ tục: hãy chạy “motcua seed_demo” trước."
            )
        self.window = window(self.year, self.now)
        start, end = self.window.start, self.window.end
        weighted = combos(start)
        if not weighted:
            raise GeneratorError(
                "Không có thủ tục nào có thời hạn giải quyết được giao cho đơn vị trong tỉnh."
            )
        self.catalogue = Catalogue(weighted)
        units = {c.receiving.pk: c.receiving for c in self.catalogue.combos}
        self.units = {pk: UnitTime(a, start, end) for pk, a in units.items()}
        agencies = {**units, **{c.handling.pk: c.handling for c in self.catalogue.combos}}
        self.life = Life(self.rng, self.window.cutoff, people(list(agencies.values()), start))
        self.counters = dict(
            ((agency_id, day), value)
            for agency_id, day, value in DailyCounter.objects.filter(day__range=(start, end)).values_list(
                "agency_id", "day", "value"
            )
        )
        self.touched: set = set()
        self.identifiers = {c.handling.pk: c.handling.identifier for c in self.catalogue.combos}
        # the days any unit works; each dossier uses its own unit's calendar and hours
        self.days = working_days(self.units.values(), end, self.window.cutoff)

    def run(self) -> Report:
        started = time.monotonic()
        self.prepare()
        report = Report(window=(self.window.start, self.window.end, self.window.cutoff))
        pending: list[Pending] = []
        done = 0
        try:
            for day, n in zip(self.days, per_day(self.days, self.count, self.rng), strict=True):
                pending.extend(self._day(day, n))
                if len(pending) >= self.batch:
                    self._flush(pending, report)
                    done += len(pending)
                    pending = []
                    self._progress(done, started)
            if pending:
                self._flush(pending, report)
                done += len(pending)
            self.writer.finish()
        finally:
            self.writer.stop()
        self.writer.save_counters(self.counters, self.touched)
        self._progress(done, started, final=True)
        report.count = done
        report.seconds = time.monotonic() - started
        return report

    def _day(self, day, n: int) -> list[Pending]:
        """The ``n`` dossiers of ``day``, numbered."""
        todays = []
        for _ in range(n):
            combo = self.catalogue.pick(self.rng)
            unit = self.units[combo.receiving_id]
            todays.append(self.life.dossier(unit.day_for(day, self.window.end), combo, unit))
        self._assign_codes(todays)
        return todays

    def _assign_codes(self, todays: list[Pending]) -> None:
        """Codes per handling agency and receipt day (SPEC §3), numbered in receipt order, continuing the daily
        counters; the entries that gave the code name it."""
        numbered = sorted((p for p in todays if "_code_key" in p.d), key=lambda p: p.d["received_at"])
        for p in numbered:
            key = p.d.pop("_code_key")
            value = self.counters.get(key, 0) + 1
            self.counters[key] = value
            self.touched.add(key)
            code = p.d["code"] = format_code(self.identifiers[key[0]], key[1], value)
            for i, entry in enumerate(p.log):
                if entry[4] in ("receive", "accept"):
                    data = dict(entry[8], code=code)
                    p.log[i] = (*entry[:7], entry[7].replace("cấp mã ", "cấp mã " + code), data, *entry[9:])

    def _progress(self, done: int, started: float, final: bool = False) -> None:
        if self.progress is None:
            return
        elapsed = time.monotonic() - started
        rate = done / elapsed if elapsed else 0
        end = "\n" if final else "\r"
        self.progress.write(
            f"  {done:>10,} / {self.count:,} hồ sơ  {rate:>8,.0f} hồ sơ/s  {elapsed:>7.1f} s{end}"
        )
        self.progress.flush()

    def _flush(self, batch: list[Pending], report: Report) -> None:
        writer = self.writer
        dossier_ids = writer.ids("dossiers_dossier", len(batch))
        applicant_ids = writer.ids("dossiers_applicant", len(batch))
        step_ids = iter(writer.ids("dossiers_dossierstep", sum(1 for p in batch if p.step is not None)))
        rows = Rows()
        for p, did, aid in zip(batch, dossier_ids, applicant_ids, strict=True):
            d = rows.add(p, did, aid, next(step_ids) if p.step is not None else None)
            report.by_status[d["status"]] = report.by_status.get(d["status"], 0) + 1
        by_table = rows.done()
        writer.write_batch([(table, columns, by_table[table]) for table, columns in TABLES])
