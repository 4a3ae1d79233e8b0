"""Realistic historical dossiers for the demo province (``motcua generate_dossiers``), fast enough for millions.

The generator writes **the same rows the lifecycle would write** — dossier, applicant, components, process log
(with a valid hash chain: ``ProcessLogEntry.compute_hash``, ``log_head`` and ``version`` set as ``apply`` sets
them), steps, pauses, apologies, results and the daily code counters — but as historical data, in bulk: no
``apply()`` call, no per-dossier query. Calendars and working hours are precomputed per receiving unit (the
working-time engine of ``motcua.worktime.services.engine_for``); rows are written per batch in one transaction,
with ``executemany`` on SQLite and ``COPY … FROM STDIN`` on PostgreSQL; ids are reserved per batch. The rules
are the domain's own: the channel option whose limit applies (``intake.channel_option``), the reception deadline,
the appointment, the pauses (pause or restart), apologies and timeliness of the dossier's clock
(``dossiers.services.clock``), codes (``codes.format_code``), the seal of the row (``row_seal``).

The parts: ``window`` (when: days, cut-off, each unit's working time), ``catalogue`` (what: procedures received
and handled, officers), ``applicants`` (who), ``calibration`` (how often), ``plan`` (one dossier's rows before ids),
``lifecycle`` (its life, drawn), ``rows`` (the rows of a batch, chained and sealed), ``writer`` (bulk writes),
``run`` (the driver and its report).

Calibration (shares of all generated dossiers unless said otherwise; published figures of provincial public
administration service centres, e.g. 2023–2024 yearly reports: ~98–99 % of resolved dossiers early or on time):

- resolved (status 9/10): among them 98.67 % early, 1.18 % on time, 0.15 % late (late ones carry an apology,
  Mẫu 04, with a new appointment; statistics still judge them against the original appointment);
- ≈ 1 % still in progress at the cut-off (status 2/4; those received in the last days of the window, plus a few
  overdue stragglers received earlier), ≈ 0.3 % paused (5 supplement requested, 6 financial obligation);
- ≈ 1.2 % refused at reception (3; at the counter on the spot, or online after checking), ≈ 0.8 % withdrawn (7),
  ≈ 0.25 % stopped (8);
- ≈ 6 % of resolved dossiers had a supplement pause, ≈ 3 % a financial-obligation pause (clock paused);
- ≈ 1.5 % of resolved dossiers wait at the counter for the citizen (status 9), the rest are returned (10);
- channels: 60 % online, 38 % at the counter, 2 % by public post; the result online/at the counter/by post.

Dossiers are received on working days during working hours of the receiving unit (online submissions arrive
at any time and are accepted within the online reception limit), in the window from the later of 1 January of
the year and the start of validity of the demo catalogue, to the earlier of 31 December and now (the cut-off).
Only procedures whose channel options carry a time limit are used (due dates come from that limit). Codes follow
SPEC §3 per handling agency and receipt day, numbered in receipt order, continuing the ``DailyCounter`` values
found (a second run continues the sequences), and the counters end at the generated maxima.
"""

from __future__ import annotations

import sys

from motcua.demo.generator.run import Generator, Report
from motcua.demo.generator.window import GeneratorError
from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_bulk_loaded


def generate(
    count: int, year: int, *, seed: int = 5, batch: int = 5000, now=None, progress=sys.stderr
) -> Report:
    """Generate ``count`` dossiers received in ``year`` (see the module docstring); returns a report."""
    report = Generator(count=count, year=year, seed=seed, batch=batch, now=now, progress=progress).run()
    # bulk writes bypass the transition signal: tell the apps that derive data from dossiers
    dossiers_bulk_loaded.send(sender=Dossier, first_day=report.window[0], last_day=report.window[1])
    return report


__all__ = ["GeneratorError", "Report", "generate"]
