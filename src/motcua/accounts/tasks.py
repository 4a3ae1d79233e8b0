"""The account letters (address verification, password reset) are sent by a worker, not in the request: the
request only enqueues the job with the account's id and the reader's language. The job builds the letter —
including its one-time link — when it runs, so no link or token is ever stored in the jobs' table (which
administrators can read)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from motcua.accounts import services
from motcua.accounts.models import Citizen
from motcua.core.jobs import job
from motcua.core.links import public_url


@job(queue="messages")
def send_verification_email(citizen_id: int, language: str) -> bool:
    """The letter with the link that verifies the account's current e-mail (nothing if the account is gone)."""
    citizen = Citizen.objects.select_related("user").filter(pk=citizen_id).first()
    if citizen is None or not citizen.email:
        return False
    with translation.override(language):
        link = public_url(reverse("accounts:verify-email", args=[services.verification_token(citizen)]))
        context = {"citizen": citizen, "link": link, "hours": settings.MOTCUA_EMAIL_VERIFY_HOURS}
        subject = " ".join(render_to_string("accounts/email/verify_subject.txt", context).split())
        body = render_to_string("accounts/email/verify_body.txt", context)
    send_mail(subject, body, None, [citizen.email])
    return True


@job(queue="messages")
def send_password_reset(user_id: int, language: str) -> bool:
    """The password-reset letter (Django's token, made now: valid ``PASSWORD_RESET_TIMEOUT`` from the sending)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email or not user.has_usable_password():
        return False
    context = {
        "email": user.email,
        "user": user,
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
        "public_url": settings.MOTCUA_PUBLIC_URL.rstrip("/"),
    }
    with translation.override(language):
        subject = " ".join(render_to_string("accounts/email/password_reset_subject.txt", context).split())
        body = render_to_string("accounts/email/password_reset_body.txt", context)
    send_mail(subject, body, None, [user.email])
    return True
