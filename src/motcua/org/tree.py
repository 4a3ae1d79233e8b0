"""The agency tree in memory: one query for every (id, parent, kind) triple, then ancestor and subtree walks.

A province has a few hundred agencies, so whoever asks many tree questions in one request or one batch (the
permission snapshot, the deadline sweep, the load generator) loads it once and asks it. Cycles in stored data
stop a walk instead of looping.
"""

from __future__ import annotations

from motcua.org.models import Agency


def lineage(agency):
    """``agency`` then its parents, nearest first, walking the loaded objects' ``parent`` (a query per level
    unless selected); stops at a cycle. For one agency's chain without loading the whole tree."""
    seen: set[int] = set()
    current = agency
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        yield current
        current = current.parent


class AgencyTree:
    def __init__(self, parents: dict[int, int | None], kinds: dict[int, str] | None = None):
        self.parents = parents
        self.kinds = kinds or {}
        self._children: dict[int | None, list[int]] | None = None
        self._chains: dict[int, list[int]] = {}

    @classmethod
    def load(cls) -> AgencyTree:
        rows = list(Agency.objects.values_list("pk", "parent_id", "kind"))
        return cls({pk: parent for pk, parent, _ in rows}, {pk: kind for pk, _, kind in rows})

    @property
    def children(self) -> dict[int | None, list[int]]:
        if self._children is None:
            self._children = {}
            for pk, parent in self.parents.items():
                self._children.setdefault(parent, []).append(pk)
        return self._children

    def ancestors(self, agency_id: int) -> list[int]:
        """``agency_id`` then its ancestors, nearest first."""
        if agency_id not in self._chains:
            chain, current = [], agency_id
            while current is not None and current not in chain:
                chain.append(current)
                current = self.parents.get(current)
            self._chains[agency_id] = chain
        return self._chains[agency_id]

    def subtree(self, agency_ids) -> set[int]:
        """The agencies given and all their descendants."""
        found: set[int] = set()
        frontier = list(agency_ids)
        while frontier:
            current = frontier.pop()
            if current in found:
                continue
            found.add(current)
            frontier.extend(self.children.get(current, ()))
        return found
