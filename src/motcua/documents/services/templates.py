"""Form templates: the defaults shipped with the app, the version valid on a day, and new versions.

The defaults are text files in ``documents/data/templates/<form set>/<code>.txt``. The migration
``0002_default_templates`` loads them, and :func:`template_for` loads a missing one on first use (a database emptied
by a test or restored without them still prints). A change never overwrites a row: :func:`new_version`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from motcua.core import versions
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
    return versions.version_on(
        FormTemplate,
        {"form_set": form_set, "code": code},
        on,
        load_defaults=load_defaults,
        missing=_("Không có mẫu %(code)s của %(set)s có hiệu lực ngày %(day)s.")
        % {"code": code, "set": form_set, "day": on.strftime("%d/%m/%Y")},
    )


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
    return versions.new_version(
        current,
        {"title": (title or current.title).strip(), "layout": layout},
        valid_from=valid_from,
        note=note,
        actor=actor,
        described=f"mẫu {current.code}",
    )
