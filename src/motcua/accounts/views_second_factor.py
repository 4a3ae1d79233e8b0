"""The second step of an officer's sign-in (rules in ``second_factor``).

After the right password, an officer who must use a second factor (or turned it on) is not signed in yet: the
session remembers who typed it (``PENDING``, for ``PENDING_SECONDS``) and the next page asks for a code — or, for an
officer who must use it and has no device yet, enrols one (QR code, secret as text, first code) and then shows the
recovery codes once. Only then is the user signed in, with a verified session (django-otp). A signed-in session that
is not verified (one made before the second factor was required) goes through the same pages. Wrong codes count
towards the sign-in lockout, like wrong passwords.
"""

from __future__ import annotations

import functools
import time

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from motcua.accounts import lockout, second_factor
from motcua.accounts.access import citizen_of
from motcua.core.client import client_ip

PENDING = "accounts_2fa_pending"
CODES = "accounts_2fa_codes"
PENDING_SECONDS = 10 * 60


def _views():
    from motcua.accounts import views  # the sign-in views import this module

    return views


def begin(request, user, next_url: str):
    """After the right password: remember who, and ask for the code (or enrol a device)."""
    request.session[PENDING] = {"user": user.pk, "next": next_url, "at": int(time.time())}
    if second_factor.is_enrolled(user):
        return redirect("accounts:second-factor")
    return redirect("accounts:second-factor-enrol")


def _who(request):
    """(user, signed_in): the user who typed the password a moment ago, else the signed-in user; (None, False)."""
    data = request.session.get(PENDING)
    if data and time.time() - data.get("at", 0) < PENDING_SECONDS:
        user = (  # with its citizen account (none for an officer): the idle timeout stamps the kind at sign-in
            get_user_model()
            .objects.select_related("citizen")
            .filter(pk=data.get("user"), is_active=True)
            .first()
        )
        if user is not None:
            return user, False
    if request.user.is_authenticated and citizen_of(request.user) is None:
        return request.user, True
    return None, False


def _next(request, user) -> str:
    data = request.session.get(PENDING) or {}
    views = _views()
    wanted = data.get("next") or request.POST.get("next") or request.GET.get("next", "")
    return views._after_sign_in(request, user, views._safe_next(request, wanted))


def _start_over(request, message: str | None = None):
    request.session.pop(PENDING, None)
    if message:
        messages.error(request, message)
    return redirect("login")


def _locked_message(lock, now) -> str:
    return _(
        "Nhập sai quá nhiều lần nên tạm bị khóa. Hãy thử lại sau %(minutes)s phút hoặc liên hệ quản trị hệ thống."
    ) % {"minutes": lock.minutes_left(now)}


def _check_lock(request, user):
    """The lock in force for this account or address (the sign-in lockout), if any."""
    return lockout.locked(user.get_username(), client_ip(request), timezone.now())


def _count_failure(request, user):
    return lockout.record_failure(user.get_username(), client_ip(request), timezone.now())


def _signed_in(request, user, device):
    """Sign the user in (if the password step left them pending) with a verified session."""
    next_url = _next(request, user)
    if not request.user.is_authenticated or request.user.pk != user.pk:
        auth_login(request, user, backend=_views().MODEL_BACKEND)
    otp_login(request, device)
    request.session.pop(PENDING, None)
    lockout.record_success(user.get_username())
    return next_url


def _refused(request, user, signed_in: bool, lock, wrong: str):
    """After a wrong code (or one tried while locked): ``(response, error, status)``: the failure counted, a locked
    visitor not signed in sent back to the sign-in (``response``), a signed-in one told why (429); else ``wrong``."""
    lock = lock or _count_failure(request, user)
    if lock is None:
        return None, wrong, 200
    message = _locked_message(lock, timezone.now())
    if not signed_in:
        return _start_over(request, message), "", 200
    return None, message, 429


def _code_page(view):
    """A page that takes a one-time code (GET shows it, POST checks it), for the visitor half-way through the
    sign-in or signed in (``view(request, user, signed_in)``); an expired half sign-in starts over."""

    @sensitive_post_parameters("code")
    @csrf_protect
    @never_cache
    @require_http_methods(["GET", "POST"])
    @functools.wraps(view)
    def page(request):
        user, signed_in = _who(request)
        if user is None:
            return _start_over(request, _("Phiên đăng nhập đã hết hạn, hãy đăng nhập lại."))
        return view(request, user, signed_in)

    return page


@_code_page
def verify(request, user, signed_in: bool):
    if signed_in and request.user.is_verified():
        return redirect(_next(request, user))
    if not second_factor.is_enrolled(user):
        url = reverse("accounts:second-factor-enrol")
        return redirect(
            url + ("?" + urlencode({"next": request.GET["next"]}) if request.GET.get("next") else "")
        )
    error, status = "", 200
    if request.method == "POST":
        lock = _check_lock(request, user)
        device = None if lock else second_factor.check_code(user, request.POST.get("code", ""))
        if device is not None:
            next_url = _signed_in(request, user, device)
            if device.persistent_id.startswith("otp_static"):
                left = second_factor.recovery_codes_left(user)
                messages.warning(
                    request,
                    _(
                        "Bạn vừa dùng một mã dự phòng (mỗi mã chỉ dùng được một lần); còn %(left)s mã. "
                        "Hãy tạo bộ mã mới trong trang Tài khoản nếu sắp hết."
                    )
                    % {"left": left},
                )
            return redirect(next_url)
        over, error, status = _refused(
            request,
            user,
            signed_in,
            lock,
            _("Mã không đúng hoặc đã được dùng. Hãy nhập mã đang hiện trong ứng dụng xác thực."),
        )
        if over is not None:
            return over
    return render(
        request,
        "accounts/second_factor_verify.html",
        {"who": user, "error": error, "next": request.GET.get("next", "")},
        status=status,
    )


@_code_page
def enrol(request, user, signed_in: bool):
    verified = signed_in and request.user.is_verified()
    if second_factor.is_enrolled(user) and not verified:
        # replacing a device needs the current one (or a recovery code) first
        return redirect(second_factor.verify_url(request))
    device = second_factor.pending_device(user)
    error, status = "", 200
    if request.method == "POST":
        lock = _check_lock(request, user)
        done = (
            None if lock else second_factor.confirm_enrolment(user, device.pk, request.POST.get("code", ""))
        )
        if done is not None:
            device, codes = done
            next_url = _signed_in(request, user, device)
            request.session[CODES] = {"codes": codes, "next": next_url}
            return redirect("accounts:second-factor-recovery")
        over, error, status = _refused(
            request,
            user,
            signed_in,
            lock,
            _("Mã không đúng. Hãy kiểm tra giờ của điện thoại và nhập mã đang hiện trong ứng dụng xác thực."),
        )
        if over is not None:
            return over
    return render(
        request,
        "accounts/second_factor_enrol.html",
        {
            "who": user,
            "error": error,
            "qr": second_factor.qr_svg(device, _("Mã QR để thêm tài khoản vào ứng dụng xác thực")),
            "secret": second_factor.secret_text(device),
            "required": second_factor.required_for(user),
            "next": request.GET.get("next", ""),
        },
        status=status,
    )


def _verified_officer(view):
    """Signed in, not a citizen, and — for someone who must use the second factor — verified."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if citizen_of(request.user) is not None:
            return render(
                request,
                "accounts/not_citizen.html",
                {
                    "reason": _(
                        "Tài khoản công dân đăng nhập bằng VNeID, không dùng xác thực hai bước tại đây."
                    )
                },
                status=403,
            )
        request.second_factor_required = second_factor.required_for(request.user)
        if request.second_factor_required and not request.user.is_verified():
            return redirect(second_factor.verify_url(request))
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@never_cache
@_verified_officer
@require_http_methods(["GET", "POST"])
def recovery(request):
    """The recovery codes just made, shown once (and downloadable as text) until the officer says they kept them."""
    data = request.session.get(CODES)
    if not data:
        return redirect("accounts:second-factor-settings")
    if request.method == "POST":
        request.session.pop(CODES, None)
        return redirect(data.get("next") or reverse("accounts:second-factor-settings"))
    codes = [second_factor.display(code) for code in data["codes"]]
    if request.GET.get("tai-ve"):
        lines = [
            _("Mã dự phòng đăng nhập motcua — tài khoản %(name)s") % {"name": request.user.get_username()},
            _("Mỗi mã chỉ dùng được một lần, khi không có điện thoại."),
            "",
            *codes,
            "",
        ]
        response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="motcua-ma-du-phong.txt"'
        return response
    return render(request, "accounts/second_factor_recovery.html", {"codes": codes})


@never_cache
@_verified_officer
def settings_page(request):
    user = request.user
    return render(
        request,
        "accounts/second_factor_settings.html",
        {
            "enrolled": second_factor.is_enrolled(user),
            "required": request.second_factor_required,
            "codes_left": second_factor.recovery_codes_left(user),
        },
    )


@_verified_officer
@require_POST
def new_codes(request):
    user = request.user
    if not second_factor.is_enrolled(user) or not request.user.is_verified():
        return redirect("accounts:second-factor-settings")
    codes = second_factor.new_recovery_codes(user)
    request.session[CODES] = {"codes": codes, "next": reverse("accounts:second-factor-settings")}
    return redirect("accounts:second-factor-recovery")


@_verified_officer
@require_POST
def turn_off(request):
    user = request.user
    if request.second_factor_required:
        messages.error(request, _("Vai trò của bạn bắt buộc dùng xác thực hai bước: không tắt được."))
    elif second_factor.is_enrolled(user) and request.user.is_verified():
        second_factor.remove_devices(user)
        messages.success(request, _("Đã tắt xác thực hai bước."))
    return redirect("accounts:second-factor-settings")
