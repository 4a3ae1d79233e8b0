"""The portal's citizens and their online dossiers, for tests."""

import re

from django.utils import timezone

PHONE_LAST4 = "5678"
ID_LAST4 = "1234"


def track_url(ident: str) -> str:
    return f"/tra-cuu/{ident}/"


def without_tokens(page: str, code: str = "") -> str:
    """The page with its CSRF tokens (masked anew on every response) and ``code`` blanked, to compare two pages."""
    page = re.sub(r"\b[A-Za-z0-9]{64}\b", "TOKEN", page)
    return page.replace(code, "CODE") if code else page


PDF = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def make_citizen(
    django_user_model, username, *, full_name="Trần Thị Bình", id_number="038190001234", **extra
):
    from motcua.accounts.models import Citizen

    user = django_user_model.objects.create_user(username, password="x-long-password-1")
    Citizen.objects.create(
        user=user,
        full_name=full_name,
        id_number=id_number,
        phone=extra.pop("phone", "0912345678"),
        address=extra.pop("address", "Phường Hạc Thành"),
        # a local account signs in once its e-mail is confirmed (accounts)
        email=extra.pop("email", f"{username}@example.vn"),
        email_verified_at=extra.pop("email_verified_at", timezone.now()),
        **extra,
    )
    return user


def online_for(user, **overrides):
    """A dossier submitted online by ``user`` (status 1), through intake as the portal does."""
    from django.utils import timezone

    from motcua.dossiers.services.intake import submit_online
    from tests.builders.dossiers import request_for

    return submit_online(request_for(account_id=user.pk, **overrides), user, at=timezone.now())


def components(procedure):
    """The components of ``procedure``'s cases, in their order."""
    from motcua.catalog.models import CaseComponent

    return list(CaseComponent.objects.filter(case__version=procedure).order_by("order"))


def eform(procedure, *, file_name=None, **overrides):
    """The portal's e-form for ``procedure`` filled in as Trần Thị Bình, with a PDF for every component (named
    ``giay-to-<order>.pdf``, or ``file_name``); ``overrides`` replace fields, ``None`` leaves one out."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "receiving": "000.00.02.H56",
        "name": "Trần Thị Bình",
        "id_number": "038190001234",
        "phone": "0912345678",
        "address": "Phường Hạc Thành",
        "result_delivery": "online",
    }
    for c in components(procedure):
        data[f"tep-{c.pk}"] = SimpleUploadedFile(file_name or f"giay-to-{c.order}.pdf", PDF)
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
