"""Intake made safe to retry: an ``Idempotency-Key`` sent with ``POST /api/v1/dossiers`` or ``…/batch``.

An integrator whose connection drops cannot know whether its dossier was made. Sent again with the same key, the
same request gets the original answer (the same dossiers, the same status code) and no new dossier is made:

- The key is written (:class:`IntakeKey`) in the transaction that makes the dossiers, first, so two identical
  requests racing each other cannot both make one: the second's insert waits for the first to commit, fails on
  the unique key, and the second answers with the first's dossiers. A refused intake (422, 403, 409) stores
  nothing: its retry is checked again.
- A key belongs to the caller (user) and the endpoint; the same key with a different body is refused (422).
- Keys are forgotten after ``MOTCUA_IDEMPOTENCY_HOURS`` (default 24); expired ones are deleted as new ones come.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.dossiers.models import Dossier, IntakeKey

HEADER = "Idempotency-Key"
KEY_PATTERN = r"^[\x21-\x7e]{1,200}$"  # visible ASCII, 1–200 characters
_KEY = re.compile(KEY_PATTERN)


class KeyRefused(ValidationError):
    """The key is malformed, or was used before with another body."""


def digest(body) -> str:
    """A fingerprint of the request body (the parsed payload, so spacing and key order do not matter)."""
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _ttl() -> dt.timedelta:
    return dt.timedelta(hours=settings.MOTCUA_IDEMPOTENCY_HOURS)


def _remembered(user, endpoint: str, key: str, since: dt.datetime) -> IntakeKey | None:
    return IntakeKey.objects.filter(user=user, endpoint=endpoint, key=key, created_at__gte=since).first()


def _replay(row: IntakeKey, fingerprint: str) -> tuple[list[int], int]:
    if row.request_hash != fingerprint:
        raise KeyRefused(
            _(
                "Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác; mỗi yêu cầu mới cần một khóa mới "
                "(gửi lại đúng yêu cầu cũ thì nhận lại đúng kết quả cũ)."
            )
        )
    return list(row.dossier_ids), row.status_code


def once(
    user,
    endpoint: str,
    key: str | None,
    body,
    make: Callable[[], list[Dossier]],
    *,
    status_code: int = 201,
    now: dt.datetime | None = None,
) -> tuple[list[Dossier] | None, list[int], int]:
    """Run ``make`` (the intake) at most once per ``key``: returns ``(dossiers, ids, status)`` — the dossiers just
    made, or ``None`` and the ids and status of the original answer when this is a retry. Without a key, ``make``
    simply runs."""
    if key is None:
        made = make()
        return made, [d.pk for d in made], status_code
    if not _KEY.match(key):
        raise KeyRefused(
            _("Idempotency-Key phải gồm 1 đến 200 ký tự ASCII nhìn thấy được (không có khoảng trắng).")
        )
    now = now or timezone.now()
    since = now - _ttl()
    fingerprint = digest(body)
    row = _remembered(user, endpoint, key, since)
    if row is not None:
        return None, *_replay(row, fingerprint)
    try:
        with transaction.atomic():
            IntakeKey.objects.filter(
                created_at__lt=since
            ).delete()  # expired keys, this one's old use included
            row = IntakeKey.objects.create(
                user=user,
                endpoint=endpoint,
                key=key,
                request_hash=fingerprint,
                status_code=status_code,
                created_at=now,
            )
            made = make()
            row.dossier_ids = [d.pk for d in made]
            row.save(update_fields=["dossier_ids"])
    except IntegrityError:
        # The same key committed meanwhile by a concurrent request (this insert waited for it): its answer.
        row = _remembered(user, endpoint, key, since)
        if row is None:
            raise
        return None, *_replay(row, fingerprint)
    return made, row.dossier_ids, status_code
