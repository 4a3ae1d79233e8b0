"""Files a message carries, provided by the apps above this one (the apology's Mẫu 04 is issued and printed by
``documents``, which registers its provider in its ``AppConfig.ready``): messaging names the hook, never the app.

A provider is called as ``provider(dossier_id, entry_id)`` when the e-mail is sent and returns the files to attach
— ``(name, content, mime type)`` each — or an empty list; it raises if the file cannot be made now (the job then
retries)."""

from __future__ import annotations

from collections.abc import Callable

Attachment = tuple[str, bytes, str]
Provider = Callable[[int, int | None], list[Attachment]]

_PROVIDERS: dict[str, list[Provider]] = {}


def register(event: str, provider: Provider) -> None:
    found = _PROVIDERS.setdefault(event, [])
    if provider not in found:
        found.append(provider)


def for_event(event: str, dossier_id: int | None, entry_id: int | None) -> list[Attachment]:
    if dossier_id is None:
        return []
    files: list[Attachment] = []
    for provider in _PROVIDERS.get(event, ()):
        files.extend(provider(dossier_id, entry_id))
    return files
