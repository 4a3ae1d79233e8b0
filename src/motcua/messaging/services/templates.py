"""Message templates: the defaults shipped with the app, the version valid on a day, and new versions (the same
rules as the printed forms' templates, ``documents.services.templates``)."""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _

from motcua.core import versions
from motcua.messaging.defaults import DEFAULTS
from motcua.messaging.models import PLACEHOLDER, MessageTemplate, zalo_parameters

DEFAULTS_FROM = dt.date(2018, 1, 1)


def load_defaults(model=MessageTemplate) -> int:
    """Version 1 of every event × channel that has no row yet; returns how many were created. ``model``: the
    historical model in a migration."""
    existing = set(model.objects.values_list("event", "channel"))
    missing = [
        model(
            event=event,
            channel=channel,
            subject=text.get("subject", ""),
            body=text["body"],
            zalo_template_id=text.get("zalo_template_id", ""),
            version=1,
            valid_from=DEFAULTS_FROM,
            note="Mẫu mặc định của phần mềm.",
        )
        for (event, channel), text in DEFAULTS.items()
        if (event, channel) not in existing
    ]
    model.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def template_for(event: str, channel: str, on: dt.date) -> MessageTemplate:
    """The template of ``event`` on ``channel`` valid on ``on`` (the latest version if several are)."""
    return versions.version_on(
        MessageTemplate,
        {"event": event, "channel": channel},
        on,
        load_defaults=load_defaults,
        missing=_("Không có mẫu tin nhắn “%(event)s” qua %(channel)s có hiệu lực ngày %(day)s.")
        % {"event": event, "channel": channel, "day": on.strftime("%d/%m/%Y")},
    )


def fill(text: str, values: dict) -> str:
    """``text`` with every ``{name}`` replaced by its value (a missing value becomes empty; validated templates
    name only their event's variables)."""
    filled = PLACEHOLDER.sub(lambda m: str(values.get(m.group(1).strip(), "")), text or "")
    return re.sub(r"[ \t]+\n", "\n", filled).strip()


def render(template: MessageTemplate, values: dict) -> tuple[str, str, dict[str, str]]:
    """(subject, text, Zalo parameters) of ``template`` filled with ``values``."""
    parameters = {}
    if template.zalo_template_id:
        parameters = {name: fill(value or "", values) for name, value in zalo_parameters(template.body)}
    return fill(template.subject, values), fill(template.body, values), parameters


def new_version(
    current: MessageTemplate,
    *,
    body: str,
    subject: str = "",
    zalo_template_id: str = "",
    valid_from: dt.date | None = None,
    note: str = "",
    actor=None,
) -> MessageTemplate:
    """A new version of ``current``'s event and channel, valid from ``valid_from`` (default today); the version in
    force before that day gets its last day. Messages sent earlier keep their version. Raises ValidationError
    (nothing saved)."""
    return versions.new_version(
        current,
        {"subject": subject.strip(), "body": body.strip(), "zalo_template_id": zalo_template_id.strip()},
        valid_from=valid_from,
        note=note,
        actor=actor,
        described="mẫu tin nhắn",
    )
