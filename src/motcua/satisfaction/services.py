"""The only writers of satisfaction ratings and criteria (SPEC §10). Views and the admin call these; a bad input
raises ``ValidationError`` with Vietnamese messages keyed by the form's field names, and nothing is stored.

- :func:`rate_result`: after the result is returned (status 10), once per dossier: the overall level, one answer
  (2 / 1 / 0) to every criterion valid that day, a comment; linked to every officer of the process log.
- :func:`rate_reception`: at the counter's kiosk, once per dossier: the level for the attitude of the officer who
  received it, within ``KIOSK_MINUTES`` of the reception.
- :func:`kiosk_dossier`: what the kiosk of a counter officer shows now.
- :func:`classify`: the level a score falls in, by configurable thresholds (a local rule of R1, not the law).
- :func:`revise_criterion`: an edited criterion becomes a new version once ratings refer to the old one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.dated import valid_on_q
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import Status
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.satisfaction.models import (
    Criterion,
    Kind,
    Level,
    Rating,
    RatingAnswer,
    RatingChannel,
    RatingOfficer,
)
from motcua.satisfaction.permissions import KIOSK

RECEPTION_ACTIONS = ("receive", "accept")  # T2 at the counter, or accepting an online submission
KIOSK_MINUTES = 30
COMMENT_MAX = 2000
CRITERIA_FILE = Path(__file__).parent / "data" / "criteria.json"


# --- classification -----------------------------------------------------------------------------------------------


def thresholds() -> tuple[Decimal, Decimal]:
    """(very satisfied from, satisfied from), on the sum of the citizen's scores.

    R1 buckets a citizen's form by the sum of indicators 1, 2, 3, 4, 6, 7: ≥ 5, 3.5–5, < 3.5 (SPEC §10.2). That is
    a local rule of one province, not a verified legal threshold: set ``MOTCUA_SATISFACTION_THRESHOLDS`` (declared in
    settings.py, "high,low") to the rule in force.
    """
    raw = settings.MOTCUA_SATISFACTION_THRESHOLDS
    try:
        high, low = (Decimal(part.strip()) for part in str(raw).split(","))
    except (ValueError, InvalidOperation) as exc:
        raise ImproperlyConfigured("MOTCUA_SATISFACTION_THRESHOLDS must be two numbers: high,low") from exc
    if low > high:
        raise ImproperlyConfigured("MOTCUA_SATISFACTION_THRESHOLDS: the first number must be the larger")
    return high, low


def classify(score: int | None) -> str:
    """The level a citizen's total score falls in ('' without a score)."""
    if score is None:
        return ""
    high, low = thresholds()
    if score >= high:
        return Level.VERY_SATISFIED
    if score >= low:
        return Level.SATISFIED
    return Level.DISSATISFIED


# --- criteria -----------------------------------------------------------------------------------------------------


def criteria_on(day: dt.date) -> list[Criterion]:
    """The criteria citizens answer on ``day``, in display order (one query). An empty table (a database emptied
    after its migrations ran, e.g. ``flush``) gets the shipped defaults again rather than a form with no question."""
    found = list(Criterion.objects.filter(valid_on_q(day)).order_by("number", "code"))
    if not found and not Criterion.objects.exists():
        load_defaults()
        found = list(Criterion.objects.filter(valid_on_q(day)).order_by("number", "code"))
    return found


def load_defaults(model=Criterion) -> int:
    """Seed the criteria of SPEC §10.2 (idempotent; ``model`` is the historical model in a migration)."""
    data = json.loads(CRITERIA_FILE.read_text(encoding="utf-8"))
    valid_from = dt.date.fromisoformat(data["valid_from"])
    made = 0
    for row in data["criteria"]:
        if model.objects.filter(code=row["code"]).exists():
            continue
        model.objects.create(valid_from=valid_from, version=1, **row)
        made += 1
    return made


EDITABLE = ("number", "title", "question", "answer_2", "answer_1", "answer_0", "note")


def revise_criterion(criterion: Criterion, changes: Mapping[str, object], valid_from: dt.date) -> Criterion:
    """Apply an edit. While no rating refers to ``criterion`` it is changed in place; afterwards the version is
    closed on the eve of ``valid_from`` and a new version starts that day (ratings keep the text they answered)."""
    with transaction.atomic():
        current = Criterion.objects.select_for_update().get(pk=criterion.pk)
        if not RatingAnswer.objects.filter(criterion=current).exists():
            for name in EDITABLE:
                if name in changes:
                    setattr(current, name, changes[name])
            current.valid_from = valid_from
            current.full_clean()
            current.save()
            return current
        if current.valid_to is not None:
            raise ValidationError({"valid_from": _("Chỉ sửa được phiên bản đang có hiệu lực của tiêu chí.")})
        if valid_from <= current.valid_from:
            raise ValidationError(
                {
                    "valid_from": _(
                        "Tiêu chí này đã được dùng để đánh giá: phiên bản mới phải có hiệu lực sau ngày %(day)s."
                    )
                    % {"day": current.valid_from.strftime("%d/%m/%Y")}
                }
            )
        current.valid_to = valid_from - dt.timedelta(days=1)
        current.save(update_fields=["valid_to"])
        fresh = Criterion(
            code=current.code,
            version=(Criterion.objects.filter(code=current.code).order_by("-version").first().version + 1),
            valid_from=valid_from,
            **{name: changes.get(name, getattr(current, name)) for name in EDITABLE},
        )
        fresh.full_clean()
        fresh.save()
        return fresh


# --- reading ------------------------------------------------------------------------------------------------------


def candidates(ident: str) -> list[str]:
    return sorted({ident, ident.upper()})


def find_dossier(ident: str) -> Dossier | None:
    """The dossier with this code or temporary reference (one query, with the procedure and the applicant)."""
    values = candidates(ident)
    return (
        Dossier.objects.filter(Q(code__in=values) | Q(reference__in=values))
        .select_related("procedure_version__procedure", "applicant")
        .order_by("id")
        .first()
    )


def rating_of(dossier: Dossier, kind: str) -> Rating | None:
    """The dossier's rating of this kind with its answers and their criteria (two queries), or None (one)."""
    rating = Rating.objects.filter(dossier=dossier, kind=kind).first()
    if rating is not None:
        rating.answer_list = list(rating.answers.select_related("criterion").order_by("criterion__number"))
    return rating


def result_rated(ident: str) -> bool:
    """Whether the dossier with this code or reference has its result rating (one query)."""
    values = candidates(ident)
    return Rating.objects.filter(
        Q(dossier__code__in=values) | Q(dossier__reference__in=values), kind=Kind.RESULT
    ).exists()


@dataclass(frozen=True)
class KioskDossier:
    """What the kiosk may show: the code and the procedure's name, nothing about the applicant."""

    pk: int
    code: str
    procedure_name: str
    received_at: dt.datetime


def _reception_entries():
    return ProcessLogEntry.objects.filter(action__in=RECEPTION_ACTIONS)


def kiosk_dossier(user, access, now: dt.datetime | None = None) -> KioskDossier | None:
    """The dossier ``user`` received most recently, if within ``KIOSK_MINUTES``, not yet rated at reception, and
    received at a unit where ``user`` holds ``satisfaction.kiosk`` (counter officers) today (``access``: the officer's permission snapshot).
    One query. A rated latest dossier means waiting for the next one, not going back to an older citizen."""
    now = now or timezone.now()
    entry = (
        _reception_entries()
        .filter(actor=user, at__gte=now - dt.timedelta(minutes=KIOSK_MINUTES), at__lte=now)
        .annotate(rated=Exists(Rating.objects.filter(dossier_id=OuterRef("dossier_id"), kind=Kind.RECEPTION)))
        .select_related("dossier__procedure_version")
        .only(
            "at",
            "dossier__id",
            "dossier__code",
            "dossier__reference",
            "dossier__receiving_agency_id",
            "dossier__procedure_version__name",
        )
        .order_by("-at", "-id")
        .first()
    )
    if entry is None or entry.rated:
        return None
    dossier = entry.dossier
    if not access.can(KIOSK.code, dossier.receiving_agency_id):
        return None
    return KioskDossier(
        dossier.pk, dossier.code or dossier.reference, dossier.procedure_version.name, entry.at
    )


# --- writing ------------------------------------------------------------------------------------------------------


def _already() -> ValidationError:
    return ValidationError(_("Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần."))


def _level(level: object, errors: dict) -> str:
    if not isinstance(level, str) or level not in Level.values:
        errors["level"] = _("Chọn một mức độ hài lòng.")
        return ""
    return level


def _store(rating: Rating, answers: list[RatingAnswer], officers: list[RatingOfficer]) -> Rating:
    try:
        with transaction.atomic():
            rating.save()
            for answer in answers:
                answer.rating = rating
            RatingAnswer.objects.bulk_create(answers)
            for officer in officers:
                officer.rating = rating
            RatingOfficer.objects.bulk_create(officers)
    except IntegrityError as exc:  # the same dossier rated at the same moment by another request
        raise _already() from exc
    return rating


def rate_result(
    dossier: Dossier,
    *,
    level: object,
    answers: Mapping[str, object],
    comment: object = "",
    account=None,
    channel: str = RatingChannel.PORTAL,
    at: dt.datetime | None = None,
) -> Rating:
    """The applicant's rating after the result is returned. ``answers`` maps a criterion's code to 2, 1 or 0
    (as numbers or the strings a form posts); every criterion valid on the day must be answered."""
    at = at or timezone.now()
    if dossier.status != Status.RETURNED:
        raise ValidationError(_("Chỉ đánh giá được sau khi hồ sơ đã được trả kết quả."))
    if channel not in (RatingChannel.PORTAL, RatingChannel.TRACKING):
        raise ValidationError(_("Kênh đánh giá không hợp lệ."))
    if Rating.objects.filter(dossier=dossier, kind=Kind.RESULT).exists():
        raise _already()
    errors: dict[str, str] = {}
    level = _level(level, errors)
    criteria = criteria_on(timezone.localdate(at))
    known = {c.code for c in criteria}
    stray = sorted(str(code) for code in answers if str(code) not in known)
    if stray:
        errors["__all__"] = _("Tiêu chí không có trong bộ tiêu chí đang áp dụng: %(codes)s.") % {
            "codes": ", ".join(stray)
        }
    rows = []
    for criterion in criteria:
        value = answers.get(criterion.code)
        score = _score(value)
        if score is None:
            errors[f"c{criterion.code}"] = _("Chọn một câu trả lời cho chỉ số %(code)s: %(title)s.") % {
                "code": criterion.code,
                "title": criterion.title,
            }
            continue
        rows.append(RatingAnswer(criterion=criterion, score=score))
    comment = comment if isinstance(comment, str) else ""
    comment = comment.strip()
    if len(comment) > COMMENT_MAX:
        errors["comment"] = _("Ý kiến dài tối đa %(n)s ký tự (đã nhập %(m)s).") % {
            "n": COMMENT_MAX,
            "m": len(comment),
        }
    if errors:
        raise ValidationError(errors)
    score = sum(a.score for a in rows) if rows else None
    rating = Rating(
        dossier=dossier,
        kind=Kind.RESULT,
        level=level,
        comment=comment,
        rated_at=at,
        account=account,
        channel=channel,
        agency_id=dossier.handling_agency_id,
        score=score,
        max_score=2 * len(rows) if rows else None,
        classification=classify(score),
    )
    return _store(rating, rows, _log_officers(dossier))


def _score(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value in (0, 1, 2) else None
    if isinstance(value, str) and value.strip() in ("0", "1", "2"):
        return int(value.strip())
    return None


def _log_officers(dossier: Dossier) -> list[RatingOfficer]:
    """Every officer of the process log, once per role and unit they acted in (the applicant's own account and
    the system's entries are not officers)."""
    seen: dict[tuple, RatingOfficer] = {}
    entries = (
        ProcessLogEntry.objects.filter(dossier_id=dossier.pk, actor__isnull=False)
        .exclude(role=lifecycle.APPLICANT)
        .order_by("seq")
        .values_list("actor_id", "actor_name", "role", "agency_id")
    )
    for actor_id, name, role, agency_id in entries:
        key = (actor_id, role, agency_id)
        if key not in seen:
            seen[key] = RatingOfficer(officer_id=actor_id, officer_name=name, role=role, agency_id=agency_id)
    return list(seen.values())


def rate_reception(
    dossier: Dossier, *, level: object, officer, access, at: dt.datetime | None = None
) -> Rating:
    """The kiosk's one-tap rating: allowed only for the dossier the kiosk shows to ``officer`` now (their latest
    reception within ``KIOSK_MINUTES``, at a unit where they are a counter officer, not rated yet)."""
    at = at or timezone.now()
    errors: dict[str, str] = {}
    level = _level(level, errors)
    if errors:
        raise ValidationError(errors)
    shown = kiosk_dossier(officer, access, at)
    if shown is None or shown.pk != dossier.pk:
        if Rating.objects.filter(dossier=dossier, kind=Kind.RECEPTION).exists():
            raise _already()
        raise ValidationError(
            _("Hồ sơ này không phải hồ sơ ông/bà vừa tiếp nhận tại quầy (trong %(n)s phút gần nhất).")
            % {"n": KIOSK_MINUTES}
        )
    entry = (
        _reception_entries()
        .filter(dossier_id=dossier.pk)
        .order_by("-seq")
        .values_list("actor_id", "actor_name", "role", "agency_id")
        .first()
    )
    actor_id, name, role, agency_id = entry
    rating = Rating(
        dossier=dossier,
        kind=Kind.RECEPTION,
        level=level,
        rated_at=at,
        channel=RatingChannel.KIOSK,
        agency_id=dossier.receiving_agency_id,
    )
    officers = [RatingOfficer(officer_id=actor_id, officer_name=name, role=role, agency_id=agency_id)]
    return _store(rating, [], officers)
