"""Message templates: the defaults shipped with the app, the version valid on a day, and new versions (the same
rules as the printed forms' templates, ``documents.services.templates``)."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.dated import today, valid_on_q
from motcua.core.models import AuditEntry
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
    query = MessageTemplate.objects.filter(valid_on_q(on), event=event, channel=channel).order_by("-version")
    found = query.first()
    if found is None and not MessageTemplate.objects.filter(event=event, channel=channel).exists():
        load_defaults()
        found = query.first()
    if found is None:
        raise MessageTemplate.DoesNotExist(
            _("Không có mẫu tin nhắn “%(event)s” qua %(channel)s có hiệu lực ngày %(day)s.")
            % {"event": event, "channel": channel, "day": on.strftime("%d/%m/%Y")}
        )
    return found


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
    valid_from = valid_from or today()
    with transaction.atomic():
        latest = (
            MessageTemplate.objects.select_for_update()
            .filter(event=current.event, channel=current.channel)
            .order_by("-version")
            .first()
        )
        version = (latest.version if latest else 0) + 1
        fresh = MessageTemplate(
            event=current.event,
            channel=current.channel,
            subject=subject.strip(),
            body=body.strip(),
            zalo_template_id=zalo_template_id.strip(),
            version=version,
            valid_from=valid_from,
            note=note,
            created_by=actor if getattr(actor, "pk", None) else None,
        )
        fresh.full_clean()
        try:
            with transaction.atomic():
                fresh.save()
        except IntegrityError:
            raise ValidationError(_("Mẫu vừa được người khác sửa; hãy tải lại trang.")) from None
        last_day = valid_from - dt.timedelta(days=1)
        older = MessageTemplate.objects.filter(
            event=current.event, channel=current.channel, valid_from__lte=last_day, version__lt=version
        )
        for row in older.filter(valid_to__isnull=True) | older.filter(valid_to__gt=last_day):
            before = audit.snapshot(row)
            row.valid_to = last_day
            row.save(update_fields=["valid_to"])
            audit.record(actor, AuditEntry.Action.UPDATE, row, audit.diff(before, audit.snapshot(row)))
        audit.record(
            actor,
            AuditEntry.Action.CREATE,
            fresh,
            audit.diff(None, audit.snapshot(fresh)),
            note=_("Phiên bản %(version)s của mẫu tin nhắn thay cho phiên bản %(old)s.")
            % {"version": version, "old": latest.version if latest else "—"},
        )
    return fresh
