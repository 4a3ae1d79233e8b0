"""The skeleton shared by the two declared workflows, dossiers (``dossiers.lifecycle``) and PAKN
(``feedback.lifecycle``): the row of a transition table, the table's lookups (a row by its action, the rows that
start from a status), the refusals every table gives in the same way (an unknown action, the wrong state, a
missing input, the wrong role, a stale page), the opening of the item under its row lock, the outcome of an
applied row, and the per-unit, per-day counter that numbers both domains' codes.

Each domain keeps here nothing of its own: its rows, statuses and messages (lazy translations, so each app's
catalogue keeps its text), its scopes and permission checks, its effects and its tamper-evident log stay in its app
and are applied by its one transition service. This module knows no app (layer 1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.db import connection
from django.utils.translation import gettext as _

from motcua.core.rules import RuleError

NEW = None  # the source status of a row that creates its item (intake)


@dataclass(frozen=True)
class Transition:
    """One row of a transition table. A domain adds its own columns in a subclass (``kw_only``)."""

    code: str  # the rule (T1…T14, P1…P13, or the SPEC section), named in refusals
    action: str
    label: str  # lazy (gettext_lazy): use str(t.label) where a plain string is needed
    sources: frozenset  # the statuses it applies to (NEW: it creates the item)
    target: Any  # the status after it; None: the status does not change
    roles: frozenset[str]
    requires: tuple[str, ...] = ()  # the inputs it needs (a missing one refuses it: require_inputs)

    def next_status(self, current):
        return current if self.target is None else self.target


R = TypeVar("R", bound=Transition)


class Table(Generic[R]):
    """A declared transition table: its rows, looked up by action or by the status they start from, and the words
    of its refusals. ``statuses``: the domain's status choices (their labels name the states in a refusal);
    ``unknown_action`` (``%(action)s``) and ``wrong_state`` (``%(rule)s``, ``%(label)s``, ``%(allowed)s``,
    ``%(state)s``): the domain's messages; ``new``: what ``%(allowed)s`` says for a row that only creates;
    ``nothing``: what ``%(state)s`` says for an item not created yet."""

    def __init__(
        self,
        rows: Iterable[R],
        *,
        statuses: Callable[[Any], Any],
        unknown_action: str,
        wrong_state: str,
        new: str,
        nothing: str,
    ):
        self.rows: tuple[R, ...] = tuple(rows)
        self.by_action: dict[str, R] = {row.action: row for row in self.rows}
        if len(self.by_action) != len(self.rows):
            raise ValueError("duplicate action in the transition table")
        self.statuses = statuses
        self.unknown_action, self.wrong_state = unknown_action, wrong_state
        self.new, self.nothing = new, nothing

    def available(self, status) -> list[R]:
        """The rows whose sources include ``status`` (roles, scope and inputs not considered)."""
        return [row for row in self.rows if status in row.sources]

    def row(self, action: str, error: type[RuleError] = RuleError) -> R:
        """The row of ``action``, or ``error`` of kind ``unknown_action``."""
        try:
            return self.by_action[action]
        except KeyError:
            raise error("unknown_action", str(self.unknown_action) % {"action": action}) from None

    def check_state(self, row: R, current, error: type[RuleError] = RuleError) -> None:
        """Refuse (``error`` of kind ``wrong_state``, naming the rule) when ``current`` is not a source of ``row``."""
        if current in row.sources:
            return
        allowed = ", ".join(
            str(self.statuses(s).label) for s in sorted(s for s in row.sources if s is not NEW)
        )
        raise error(
            "wrong_state",
            str(self.wrong_state)
            % {
                "rule": row.code,
                "label": row.label,
                "allowed": allowed or str(self.new),
                "state": str(self.statuses(current).label) if current else str(self.nothing),
            },
            rule=row.code,
        )


def require_inputs(transition, inputs: dict, labels: dict, error: type[RuleError] = RuleError) -> None:
    """Refuse (``missing_input``, naming the rule and the input) when an input the row of the table ``requires`` is
    absent or blank. ``transition``: a row with ``code``, ``label`` and ``requires``; ``labels``: input → its name."""
    for name in transition.requires:
        value = inputs.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise error(
                "missing_input",
                _("%(rule)s “%(label)s”: thiếu %(input)s.")
                % {"rule": transition.code, "label": transition.label, "input": labels.get(name, name)},
                rule=transition.code,
                field=name,
            )


Item = TypeVar("Item")  # a dossier, a feedback


def open_item(
    item,
    model: type,
    lock: Callable[[Any], Item],
    row: Transition,
    expected_version: int | None,
    stale: Callable[[Item, int], str],
    error: type[RuleError] = RuleError,
) -> tuple[Any, Any]:
    """The item ``row`` applies to and its current status, inside the caller's transaction: a new item (an unsaved
    ``model`` instance) as it is, with no status (``NEW``); any other (an instance, its id or its code) read with
    its row locked by ``lock``, refused as ``stale`` (``error`` of kind ``stale``, naming the rule; ``stale(item,
    expected_version)`` words it) when the page that asked saw another ``version``."""
    if isinstance(item, model) and item.pk is None:
        return item, NEW
    locked = lock(item)
    if expected_version is not None and expected_version != locked.version:
        raise error("stale", stale(locked, expected_version), rule=row.code)
    return locked, locked.status


def lock_first(query, *lookups: dict, tries: int = 2):
    """The first row of ``query`` (a ``select_for_update``) matching one of ``lookups``, tried in order, the whole
    round ``tries`` times; None if none matched. A concurrent winner may have moved the item while this waited for
    the lock (a transfer changes its unit): PostgreSQL then re-checks the query's joins against the rows read
    before the wait and returns no row; the next round reads it again — now locked, with the winner's changes — so
    the loser is refused by the rules (wrong state, stale version), never told the item does not exist."""
    for _round in range(tries):
        for by in lookups:
            found = query.filter(**by).first()
            if found is not None:
                return found
    return None


def require_role(
    role: str | None, row: Transition, agency, message, error: type[RuleError] = RuleError
) -> str:
    """``role``, or ``error`` of kind ``forbidden`` naming the rule when the actor has none for ``row`` at
    ``agency``; ``message``: the domain's words (``%(rule)s``, ``%(label)s``, ``%(agency)s``)."""
    if role is None:
        raise error(
            "forbidden",
            str(message) % {"rule": row.code, "label": row.label, "agency": agency},
            rule=row.code,
        )
    return role


@dataclass
class Outcome(Generic[Item, R]):
    """What applying a row gave: the item (saved), the log entry it appended, the row."""

    item: Item
    entry: Any
    transition: R


# --- the daily counter that numbers codes -----------------------------------------------------------------------


def take_numbers(counter, agency_id: int, day: dt.date, count: int = 1) -> range:
    """``count`` consecutive numbers of a unit's sequence for ``day``, taken in one atomic upsert (``INSERT … ON
    CONFLICT DO UPDATE … RETURNING``, PostgreSQL and SQLite ≥ 3.35): concurrent requests never get the same number,
    and no lock is held beyond the statement's row. ``counter``: the model keeping the sequence, with the fields
    ``agency``, ``day`` and ``value`` and a unique (agency, day). Numbers of a rolled-back transaction are given
    back."""
    quote = connection.ops.quote_name
    table = quote(counter._meta.db_table)
    agency, when, value = (quote(counter._meta.get_field(f).column) for f in ("agency", "day", "value"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({agency}, {when}, {value}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({agency}, {when}) DO UPDATE SET {value} = {table}.{value} + %s "
            f"RETURNING {value}",
            [agency_id, day, count, count],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def daily_code(prefix: str, day: dt.date, number: int) -> str:
    """``{prefix}-{yyMMdd}-{NNNN}``: the shape of dossier and PAKN codes. Padding never truncates: the 10,000th of a
    day gets five digits."""
    return f"{prefix}-{day:%y%m%d}-{number:04d}"
