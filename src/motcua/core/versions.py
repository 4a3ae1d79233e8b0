"""Province-edited texts kept as versions (the printed forms' templates, the messages' templates): a row is never
changed nor deleted; a change is a new row (``version`` + 1) valid from a day, and the version in force before that
day gets its last day. What was issued or sent keeps the version it used; reports and re-prints of the past never
change silently.

:class:`Versioned` is the abstract model (``KEY`` names the fields that say *what* is versioned, e.g. the form set
and code); :func:`version_on` answers "which version on this day"; :func:`new_version` writes a change, audited.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core import audit
from motcua.core.dated import DatedModel, today, valid_on_q
from motcua.core.models import AuditEntry


class VersionLocked(Exception):
    """A saved version was to be changed (other than its last day) or deleted."""


class Versioned(DatedModel):
    """A dated, numbered version of something ``KEY`` names; immutable once saved but for ``valid_to``."""

    KEY: tuple[str, ...] = ()
    LOCKED = "Đã lưu thì không sửa: mỗi thay đổi là một phiên bản mới."
    UNDELETABLE = "Không xóa được: những gì đã lập vẫn dùng phiên bản này."

    version = models.PositiveIntegerField(gettext_lazy("phiên bản"), default=1, editable=False)
    note = models.TextField(gettext_lazy("lý do thay đổi"), blank=True)
    created_at = models.DateTimeField(gettext_lazy("ngày tạo"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("người tạo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk is not None and (update_fields is None or set(update_fields) - {"valid_to"}):
            raise VersionLocked(self.LOCKED)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise VersionLocked(self.UNDELETABLE)

    def key(self) -> dict:
        return {name: getattr(self, name) for name in self.KEY}


def version_on(
    model: type[Versioned], key: dict, on: dt.date, *, load_defaults: Callable[[], object], missing: str
):
    """The version of ``key`` valid on ``on`` (the latest if several are). When nothing of ``key`` exists at all
    (a database emptied by a test, restored without the defaults), ``load_defaults()`` first. ``missing``: the
    message of the ``DoesNotExist`` raised when no version is valid that day."""
    query = model.objects.filter(valid_on_q(on), **key).order_by("-version")
    found = query.first()
    if found is None and not model.objects.filter(**key).exists():
        load_defaults()
        found = query.first()
    if found is None:
        raise model.DoesNotExist(missing)
    return found


def new_version(
    current: Versioned, values: dict, *, valid_from: dt.date | None, note: str, actor, described: str
):
    """A new version of ``current``'s key with ``values``, valid from ``valid_from`` (default today); the versions
    in force before that day get its eve as their last day. Checked by ``full_clean`` first: a ValidationError
    saves nothing (so does a concurrent edit). ``described`` names the thing in the audit note."""
    model = type(current)
    key = current.key()
    valid_from = valid_from or today()
    with transaction.atomic():
        latest = model.objects.select_for_update().filter(**key).order_by("-version").first()
        version = (latest.version if latest else 0) + 1
        fresh = model(
            **key,
            **values,
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
        older = model.objects.filter(**key, valid_from__lte=last_day, version__lt=version)
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
            note=_("Phiên bản %(version)s của %(what)s thay cho phiên bản %(old)s.")
            % {"version": version, "what": described, "old": latest.version if latest else "—"},
        )
    return fresh
