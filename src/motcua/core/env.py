"""Settings read from the environment, each declared once with its meaning (no Django import here).

``settings.py`` reads every environment variable through one ``Environment``: a call
such as ``env.integer("MOTCUA_UPLOAD_MAX_MB", 20, "the largest file accepted, in MB", low=1)`` reads the variable,
checks it and records the declaration. The README's configuration table is generated from those declarations
(``motcua settings_table --write README.md``) and a test fails when the two differ, so a setting cannot be added,
renamed or given another default without the operators' documentation following.

A value that cannot be used stops the start with ``ImproperlyConfigured`` naming the variable: a deployment never
runs on a silently replaced value. Services read ``django.conf.settings``, never the environment.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from django.core.exceptions import ImproperlyConfigured

T = TypeVar("T")

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off", ""})


@dataclass(frozen=True)
class Declaration:
    """One environment variable: its name, the default as an operator reads it, and what it means."""

    name: str
    default: str
    meaning: str
    also: tuple[str, ...] = ()  # older names still read

    def row(self) -> str:
        names = ", ".join(f"`{n}`" for n in (self.name, *self.also))
        if self.also:
            names = names.replace(", ", " (or ", 1) + ")"
        cell = self.meaning.replace("|", "\\|")
        return f"| {names} | {self.default} | {cell} |"


class Environment:
    """Reads typed values from ``environ`` and keeps the declarations, in the order they were made."""

    def __init__(self, environ: Mapping[str, str] | None = None):
        self.environ = os.environ if environ is None else environ
        self.declared: dict[str, Declaration] = {}

    # --- the kinds of value -------------------------------------------------------------------------------------

    def text(self, name: str, default: str, meaning: str, *, shown: str | None = None) -> str:
        """A string, surrounding spaces removed (an empty default is shown as "empty")."""
        raw = self._read(name, meaning, shown if shown is not None else _code(default))
        return default if raw is None else raw.strip()

    def secret(self, name: str, meaning: str, *, shown: str = "empty") -> str:
        """A password or key: never shown, empty when unset."""
        return self.text(name, "", meaning, shown=shown)

    def flag(self, name: str, default: bool, meaning: str, *, shown: str | None = None, also=()) -> bool:
        """On with ``1``/``true``/``yes``/``on``, off with ``0``/``false``/``no``/``off`` or empty."""
        raw = self._read(name, meaning, shown or ("on" if default else "off"), also=also)
        for older in also:
            if raw is None:
                raw = self.environ.get(older)
        if raw is None:
            return default
        value = raw.strip().lower()
        if value not in TRUE | FALSE:
            raise ImproperlyConfigured(f"{name}={raw!r}: expected 1 or 0 (on/off, true/false, yes/no)")
        return value in TRUE

    def integer(
        self,
        name: str,
        default: int,
        meaning: str,
        *,
        low: int | None = None,
        high: int | None = None,
        shown: str | None = None,
    ) -> int:
        """A whole number in ASCII digits, within ``low``–``high`` when given."""
        raw = self._read(name, meaning, shown or f"`{default}`")
        if raw is None or not raw.strip():
            return default
        try:
            value = int(raw.strip())
        except ValueError:
            raise ImproperlyConfigured(f"{name}={raw!r}: expected a whole number") from None
        if (low is not None and value < low) or (high is not None and value > high):
            bounds = f"{low if low is not None else '…'}–{high if high is not None else '…'}"
            raise ImproperlyConfigured(f"{name}={value}: expected a number in {bounds}")
        return value

    def items(
        self,
        name: str,
        default: str,
        meaning: str,
        *,
        each: Callable[[str], T] = str.strip,
        shown: str | None = None,
    ) -> list[T]:
        """A comma-separated list (empty parts dropped), each part passed through ``each``."""
        raw = self.text(name, default, meaning, shown=shown)
        return [each(part.strip()) for part in raw.split(",") if part.strip()]

    def path(self, name: str, default: Path, meaning: str, *, shown: str) -> Path:
        """A file or folder (the default is relative to the data folder, shown as such)."""
        raw = self._read(name, meaning, shown)
        return Path(raw.strip()) if raw and raw.strip() else Path(default)

    # --- the declarations ---------------------------------------------------------------------------------------

    def _read(self, name: str, meaning: str, shown: str, also=()) -> str | None:
        declaration = Declaration(name, shown, meaning, tuple(also))
        known = self.declared.get(name)
        if known is not None and known != declaration:
            raise ImproperlyConfigured(f"{name} is declared twice, differently")
        self.declared[name] = declaration
        return self.environ.get(name)

    def table(self) -> str:
        """The README's configuration table (Markdown), one row per variable in the order of declaration."""
        head = ["| variable | default | meaning |", "|---|---|---|"]
        return "\n".join(head + [d.row() for d in self.declared.values()])


def _code(value: str) -> str:
    return f"`{value}`" if value else "empty"


# The one environment every setting is read from (settings.py).
env = Environment()

README_START = "<!-- settings table: generated by `motcua settings_table --write README.md`; do not edit -->"
README_END = "<!-- end of the settings table -->"


def readme_with_table(readme: str, table: str) -> str:
    """``readme`` with the text between the two markers replaced by ``table``."""
    start, end = readme.index(README_START) + len(README_START), readme.index(README_END)
    return readme[:start] + "\n" + table + "\n" + readme[end:]
