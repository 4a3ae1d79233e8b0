"""Form templates: the defaults shipped with the app, the version valid on a day, and new versions.

The defaults are text files in ``documents/data/templates/<form set>/<code>.txt``. The migration
``0002_default_templates`` loads them, and :func:`template_for` loads a missing one on first use (a database emptied
by a test or restored without them still prints). A change never overwrites a row: :func:`new_version`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from motcua.core import audit
from motcua.core.dated import today, valid_on_q
from motcua.core.models import AuditEntry
from motcua.documents import official_forms
from motcua.documents.models import FormTemplate

DEFAULTS_DIR = Path(__file__).resolve().parents[1] / "data" / "templates"


def set_start(form_set: str) -> dt.date:
    """The first day of a form set (``settings.MOTCUA_LEGAL_REGIMES``): the defaults are valid from it."""
    for start, _regime, each in settings.MOTCUA_LEGAL_REGIMES:
        if each == form_set:
            return dt.date.fromisoformat(start)
    return dt.date(2018, 1, 1)


def default_layout(form_set: str, code: str) -> str:
    return (DEFAULTS_DIR / form_set / f"{code}.txt").read_text(encoding="utf-8")


def load_defaults(model=FormTemplate) -> int:
    """Create version 1 of every templated form that has no row yet; returns how many were created. ``model``: the
    historical model in a migration."""
    existing = set(model.objects.values_list("form_set", "code"))
    missing = [
        model(
            form_set=spec.form_set,
            code=spec.code,
            title=spec.title,
            layout=default_layout(spec.form_set, spec.code),
            version=1,
            valid_from=set_start(spec.form_set),
            note="Mẫu mặc định của phần mềm.",
        )
        for spec in official_forms.TEMPLATED
        if (spec.form_set, spec.code) not in existing
    ]
    model.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def template_for(form_set: str, code: str, on: dt.date) -> FormTemplate:
    """The template of form ``code`` of ``form_set`` valid on ``on`` (the latest version if several are)."""
    query = FormTemplate.objects.filter(valid_on_q(on), form_set=form_set, code=code).order_by("-version")
    found = query.first()
    if found is None and not FormTemplate.objects.filter(form_set=form_set, code=code).exists():
        load_defaults()
        found = query.first()
    if found is None:
        raise FormTemplate.DoesNotExist(
            _("Không có mẫu %(code)s của %(set)s có hiệu lực ngày %(day)s.")
            % {"code": code, "set": form_set, "day": on.strftime("%d/%m/%Y")}
        )
    return found


def new_version(
    current: FormTemplate,
    *,
    layout: str,
    title: str | None = None,
    valid_from: dt.date | None = None,
    note: str = "",
    actor=None,
) -> FormTemplate:
    """A new version of ``current``'s form, valid from ``valid_from`` (default today); the version in force before
    that day gets its last day. Forms issued earlier keep their version. Raises ValidationError (nothing saved)."""
    valid_from = valid_from or today()
    with transaction.atomic():
        latest = (
            FormTemplate.objects.select_for_update()
            .filter(form_set=current.form_set, code=current.code)
            .order_by("-version")
            .first()
        )
        version = (latest.version if latest else 0) + 1
        fresh = FormTemplate(
            form_set=current.form_set,
            code=current.code,
            title=(title or current.title).strip(),
            layout=layout,
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
        for older in FormTemplate.objects.filter(
            form_set=current.form_set, code=current.code, valid_from__lte=last_day, version__lt=version
        ).filter(valid_to__isnull=True) | FormTemplate.objects.filter(
            form_set=current.form_set,
            code=current.code,
            valid_from__lte=last_day,
            version__lt=version,
            valid_to__gt=last_day,
        ):
            before = audit.snapshot(older)
            older.valid_to = last_day
            older.save(update_fields=["valid_to"])
            audit.record(actor, AuditEntry.Action.UPDATE, older, audit.diff(before, audit.snapshot(older)))
        audit.record(
            actor,
            AuditEntry.Action.CREATE,
            fresh,
            audit.diff(None, audit.snapshot(fresh)),
            note=_("Phiên bản %(version)s của mẫu %(code)s thay cho phiên bản %(old)s.")
            % {"version": version, "code": current.code, "old": latest.version if latest else "—"},
        )
    return fresh
