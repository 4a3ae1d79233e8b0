"""Citizens' local accounts and sign-in: the only code that creates accounts or changes their state.

* ``sign_up`` makes a User (username = the e-mail, lower-cased) and its ``Citizen`` (identity *declared*: any ID
  number typed is kept with ``id_verified=False``) and returns it; the view sends the verification letter.
* ``verification_token`` / ``verify_email``: a signed token (Django's signing with the secret key) naming the
  account, its e-mail and when it was made; valid ``MOTCUA_EMAIL_VERIFY_HOURS`` (48). A local account cannot sign in
  before its e-mail is verified (``needs_verification``).
* ``sign_in``: the one sign-in rule for officers and citizens — lockout first, then the password, then the e-mail
  check — with one answer for an unknown account and a wrong password; then whether a second factor is asked
  (``second_factor``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts import lockout
from motcua.accounts.models import Citizen
from motcua.core import people
from motcua.core.rules import RuleError

VERIFY_SALT = "motcua.accounts.verify-email"


def clock() -> dt.datetime:
    """The time every rule here uses when no ``now`` is given (tests move it)."""
    return timezone.now()


class AccountError(RuleError):
    """A refusal the user reads (see :class:`RuleError`; a Vietnamese message)."""


@dataclass(frozen=True)
class SignUp:
    full_name: str
    email: str
    password: str
    phone: str = ""
    id_number: str = ""


@transaction.atomic
def sign_up(data: SignUp) -> Citizen:
    User = get_user_model()
    email = data.email.strip().lower()
    person = people.check_person(  # the form has checked them; a ValidationError here names the field
        name=data.full_name, id_number=data.id_number, phone=data.phone, declared_id=True
    )
    user = User.objects.create_user(username=email, email=email, password=data.password)
    return Citizen.objects.create(
        user=user,
        full_name=person["name"],
        email=email,
        phone=person["phone"],
        id_number=person["id_number"],
        id_verified=False,
    )


def email_taken(email: str) -> bool:
    User = get_user_model()
    email = email.strip().lower()
    return (
        User.objects.filter(username__iexact=email).exists()
        or Citizen.objects.filter(email__iexact=email).exists()
    )


def is_local(citizen: Citizen) -> bool:
    return not citizen.oidc_subject


def needs_verification(user) -> bool:
    """A local citizen account whose e-mail is not verified yet (officers and VNeID accounts never need it)."""
    try:
        citizen = user.citizen
    except Citizen.DoesNotExist:
        return False
    return is_local(citizen) and citizen.email_verified_at is None


def verification_token(citizen: Citizen, at: dt.datetime | None = None) -> str:
    at = at or clock()
    return signing.dumps(
        {"u": citizen.user_id, "e": citizen.email.lower(), "t": int(at.timestamp())}, salt=VERIFY_SALT
    )


def verify_email(token: str, now: dt.datetime | None = None) -> Citizen:
    """Mark the account's e-mail verified; ``AccountError`` for a forged, expired or outdated link."""
    now = now or clock()
    try:
        payload = signing.loads(token, salt=VERIFY_SALT)
        user_id, email, made = int(payload["u"]), str(payload["e"]), int(payload["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise _invalid_link() from None
    if now.timestamp() - made > settings.MOTCUA_EMAIL_VERIFY_HOURS * 3600:
        raise AccountError("expired", _("Đường liên kết xác nhận đã hết hạn."))
    citizen = Citizen.objects.filter(user_id=user_id).first()
    if citizen is None or citizen.email.lower() != email:
        raise _invalid_link()
    if citizen.email_verified_at is None:
        citizen.email_verified_at = now
        citizen.save(update_fields=["email_verified_at", "updated_at"])
    return citizen


def _invalid_link() -> AccountError:
    return AccountError(
        "invalid_input", _("Đường liên kết xác nhận không hợp lệ (sai, bị cắt ngắn hoặc đã thay đổi).")
    )


def citizen_for_email(email: str) -> Citizen | None:
    """The unverified local account with this e-mail (to resend its letter), else None."""
    return (
        Citizen.objects.filter(email__iexact=email.strip(), email_verified_at__isnull=True, oidc_subject="")
        .select_related("user")
        .first()
    )


def canonical_name(identifier: str) -> str:
    """The username an identifier stands for — a username in any case, or the e-mail of exactly one account —;
    the identifier itself when no account has it."""
    User = get_user_model()
    identifier = identifier.strip()
    names = list(User.objects.filter(username__iexact=identifier).values_list("username", flat=True)[:2])
    if identifier in names or len(names) > 1:
        return identifier
    if names:
        return names[0]
    if "@" in identifier:
        names = list(User.objects.filter(email__iexact=identifier).values_list("username", flat=True)[:2])
        if len(names) == 1:
            return names[0]
    return identifier


@dataclass(frozen=True)
class SignInResult:
    user: object | None = None
    error: str = ""  # "invalid", "locked", "unverified"
    minutes_left: int = 0
    second_factor: bool = False  # the password was right; a code is asked before signing in


def sign_in(request, identifier: str, password: str, ip: str, now: dt.datetime | None = None) -> SignInResult:
    """Check the lock, then the password, then the e-mail verification. Does not log the user in."""
    now = now or clock()
    name = canonical_name(identifier)
    lock = lockout.locked(name, ip, now)
    if lock is not None:
        return SignInResult(error="locked", minutes_left=lock.minutes_left(now))
    user = authenticate(request, username=name, password=password)
    if user is None:
        lock = lockout.record_failure(name, ip, now)
        if lock is not None:
            return SignInResult(error="locked", minutes_left=lock.minutes_left(now))
        return SignInResult(error="invalid")
    if needs_verification(user):
        lockout.record_success(name)
        return SignInResult(user=user, error="unverified")
    if second_factor_expected(user):
        # the count is cleared only when the code is right too: a known password must not reset the count of
        # wrong codes (accounts.second_factor)
        return SignInResult(user=user, second_factor=True)
    lockout.record_success(name)
    return SignInResult(user=user)


def second_factor_expected(user) -> bool:
    """Whether the password is not enough for ``user``: an officer who must use a second factor or turned it on.
    Citizens never (their account was read by ``needs_verification``: no query)."""
    from motcua.accounts import second_factor

    try:
        if user.citizen is not None:
            return False
    except Citizen.DoesNotExist:
        pass
    return second_factor.required_for(user) or second_factor.is_enrolled(user)


def is_officer(user, on: dt.date | None = None) -> bool:
    from motcua.org import permissions

    return permissions.assignments_on(user, on).exists()


def _oidc_username(issuer: str, subject: str) -> str:
    return "vneid-" + hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()[:24]


@transaction.atomic
def citizen_from_identity(identity) -> Citizen:
    """The account of a verified identity (``oidc.Identity``): found by (issuer, subject), else created with
    ``id_verified=True``. Never linked to a local account, even one that declared the same ID number. The
    provider's identity fields are refreshed at every sign-in (they are the verified ones)."""
    User = get_user_model()
    citizen = (
        Citizen.objects.select_for_update()
        .select_related("user")
        .filter(oidc_issuer=identity.issuer, oidc_subject=identity.subject)
        .first()
    )
    fields = {
        "full_name": identity.full_name,
        "id_number": identity.id_number,
        "birth_date": identity.birth_date,
        "id_verified": True,
    }
    if citizen is not None:
        changed = [name for name, value in fields.items() if getattr(citizen, name) != value]
        if changed:
            for name in changed:
                setattr(citizen, name, fields[name])
            citizen.save(update_fields=[*changed, "updated_at"])
        return citizen
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=_oidc_username(identity.issuer, identity.subject), last_name=identity.full_name[:150]
            )  # no password: this account signs in through the provider only
            return Citizen.objects.create(
                user=user,
                oidc_issuer=identity.issuer,
                oidc_subject=identity.subject,
                phone=identity.phone,
                **fields,
            )
    except IntegrityError:  # the same identity's first sign-in, twice at once: the other one created it
        return Citizen.objects.select_related("user").get(
            oidc_issuer=identity.issuer, oidc_subject=identity.subject
        )


@transaction.atomic
def update_profile(citizen: Citizen, *, phone: str, email: str, address: str) -> bool:
    """Save the editable contact fields; True when a local account's e-mail changed and must be verified again
    (it is also its sign-in name)."""
    email = email.strip().lower()
    reverify = is_local(citizen) and email != citizen.email.lower()
    contact = people.check_person(phone=phone, address=address)  # ValidationError naming the field
    citizen.phone, citizen.address, citizen.email = contact["phone"], contact["address"], email
    fields = ["phone", "address", "email", "updated_at"]
    if reverify:
        citizen.email_verified_at = None
        fields.append("email_verified_at")
        user = citizen.user
        user.username = user.email = email
        user.save(update_fields=["username", "email"])
    citizen.save(update_fields=fields)
    return reverify


def set_message_channels(citizen: Citizen, *, email: bool, sms: bool, zalo: bool) -> None:
    """The channels the citizen is told on of their dossiers' events (``motcua.messaging``)."""
    citizen.notify_email, citizen.notify_sms, citizen.notify_zalo = email, sms, zalo
    citizen.save(update_fields=["notify_email", "notify_sms", "notify_zalo", "updated_at"])


def mark_email_verified_by_reset(user, now: dt.datetime | None = None) -> None:
    """A completed password reset proves the mailbox too: an unverified local account becomes verified."""
    Citizen.objects.filter(
        user=user, email__iexact=user.email, oidc_subject="", email_verified_at__isnull=True
    ).update(email_verified_at=now or clock())
