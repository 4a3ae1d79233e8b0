"""The agencies as reports see them: the whole dated registry in memory (two queries), the tree by ``parent``, and
the mapping of a historical agency to the agency that carries on its work today (through the successions of
``motcua.org``: renames, merges, abolitions; for a split, the first successor by identifier).

Figures can be reported *as then* (each dossier under the agency that handled it) or *re-mapped to today's
units* (under that agency's successor valid today: after the 2025 reform, the work of a merged Sở or an
abolished district shows under the unit that took it over).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from motcua.core.dated import today
from motcua.core.text import sort_key
from motcua.org.models import Agency, AgencySuccession
from motcua.org.tree import AgencyTree

THEN, TODAY = "then", "today"
MAPPINGS = (THEN, TODAY)
LEVEL_ORDER = ("province", "district", "commune", "central")
LEVEL_LABELS = {
    "province": _("Cấp tỉnh"),
    "district": _("Cấp huyện"),
    "commune": _("Cấp xã"),
    "central": _("Cơ quan ngành dọc"),
}


@dataclass(frozen=True)
class Unit:
    pk: int
    identifier: str
    name: str
    level: str
    kind: str
    parent_id: int | None
    valid_from: dt.date
    valid_to: dt.date | None

    def is_valid_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS.get(self.level, self.level))


@dataclass
class Registry:
    units: dict[int, Unit]
    links: dict[int, list[tuple[dt.date, int]]]  # predecessor → [(effective date, successor)]
    on: dt.date = field(default_factory=today)
    _tree: AgencyTree | None = None
    _current: dict = field(default_factory=dict)

    @classmethod
    def load(cls, on: dt.date | None = None) -> Registry:
        units = {
            pk: Unit(pk, identifier, name, level, kind, parent, start, end)
            for pk, identifier, name, level, kind, parent, start, end in Agency.objects.values_list(
                "pk", "identifier", "name", "level", "kind", "parent_id", "valid_from", "valid_to"
            ).order_by()
        }
        links: dict[int, list] = {}
        for pred, succ, day in AgencySuccession.objects.values_list(
            "predecessor_id", "successor_id", "effective_date"
        ).order_by("effective_date", "pk"):
            links.setdefault(pred, []).append((day, succ))
        return cls(units, links, on or today())

    def __getitem__(self, pk: int) -> Unit:
        return self.units[pk]

    def get(self, pk: int) -> Unit | None:
        return self.units.get(pk)

    @property
    def tree(self) -> AgencyTree:
        """The registry's agencies as an ``org.tree.AgencyTree`` (no query: built from the units in memory)."""
        if self._tree is None:
            self._tree = AgencyTree({pk: u.parent_id for pk, u in self.units.items()})
        return self._tree

    def subtree(self, pk: int) -> set[int]:
        return self.tree.subtree([pk])

    def current(self, pk: int) -> int:
        """The agency that answers for ``pk`` today: itself if still valid, else the successor valid today reached
        through successions (the first by identifier after a split), else itself."""
        if pk in self._current:
            return self._current[pk]
        unit = self.units.get(pk)
        answer = pk
        if unit is not None and not unit.is_valid_on(self.on):
            found, frontier, seen = [], [pk], {pk}
            while frontier and not found:
                following = []
                for pred in frontier:
                    for day, succ in self.links.get(pred, ()):
                        if day > self.on or succ in seen:
                            continue
                        seen.add(succ)
                        successor = self.units.get(succ)
                        if successor is not None and successor.is_valid_on(self.on):
                            found.append(successor)
                        else:
                            following.append(succ)
                frontier = following
            if found:
                answer = min(found, key=lambda u: (u.identifier, u.pk)).pk
        self._current[pk] = answer
        return answer

    def report_unit(self, pk: int, mapping: str) -> int:
        return self.current(pk) if mapping == TODAY else pk

    def scope(self, unit_pk: int, mapping: str) -> set[int]:
        """The agencies whose dossiers count for ``unit_pk`` and its subunits: its subtree as then, or every agency
        whose work today belongs to that subtree."""
        subtree = self.subtree(unit_pk)
        if mapping != TODAY:
            return subtree
        return {pk for pk in self.units if self.current(pk) in subtree}

    def ancestors(self, pk: int) -> list[int]:
        """``pk`` then its ancestors, nearest first."""
        return self.tree.ancestors(pk)

    def branch_of(self, pk: int, root: int) -> int | None:
        """The child of ``root`` whose subtree holds ``pk`` (``root`` itself for ``root``); None if outside."""
        chain = self.ancestors(pk)
        if root not in chain:
            return None
        index = chain.index(root)
        return chain[index - 1] if index > 0 else root

    def recipient(self, pk: int) -> str:
        """Who receives the unit's report: the provincial office (Văn phòng UBND tỉnh) for the units of a
        province, the Government Office (Văn phòng Chính phủ) for the province itself, else the parent."""
        unit = self.units[pk]
        root = self.units[self.ancestors(pk)[-1]]
        if unit.pk == root.pk:
            return str(_("Văn phòng Chính phủ")) if unit.kind == "ubnd_tinh" else ""
        if root.kind == "ubnd_tinh":
            office = next(
                (
                    u
                    for u in self.units.values()
                    if u.parent_id == root.pk and u.kind == "van_phong_ubnd_tinh" and u.is_valid_on(self.on)
                ),
                None,
            )
            if office is not None and office.pk != pk:
                return office.name
        parent = self.units.get(unit.parent_id)
        return parent.name if parent else ""

    def ordered(self, pks) -> list[Unit]:
        return sorted(
            (self.units[pk] for pk in pks if pk in self.units),
            key=lambda u: (LEVEL_ORDER.index(u.level) if u.level in LEVEL_ORDER else 9, sort_key(u.name)),
        )
