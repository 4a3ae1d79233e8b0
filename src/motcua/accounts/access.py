"""Pages for signed-in citizens: :func:`citizen_required` puts the account's :class:`Citizen` on
``request.citizen`` (one query), or sends the visitor to sign in."""

from __future__ import annotations

import functools

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render
from django.utils.translation import gettext as _

from motcua.accounts.models import Citizen


def citizen_of(user) -> Citizen | None:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    try:
        return user.citizen
    except Citizen.DoesNotExist:
        return None


def citizen_required(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        citizen = citizen_of(request.user)
        if citizen is None:
            return render(
                request,
                "accounts/not_citizen.html",
                {
                    "reason": _(
                        "Trang này dành cho tài khoản công dân, tổ chức; tài khoản cán bộ không dùng được."
                    )
                },
                status=403,
            )
        request.citizen = citizen
        return view(request, *args, **kwargs)

    return wrapped
