"""Sign-in (everyone), citizens' sign-up, e-mail verification, password reset, VNeID (OpenID Connect) and the
citizen's own account page. Views are thin: the rules are in ``services``, ``lockout`` and ``oidc``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from motcua.accounts import oidc, second_factor, services, tasks, views_second_factor
from motcua.accounts.access import citizen_required
from motcua.accounts.forms import ChannelsForm, ProfileForm, ResendForm, SignInForm, SignUpForm
from motcua.core.client import client_ip

MODEL_BACKEND = "motcua.accounts.backends.AccountBackend"


def _safe_next(request, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


def _after_sign_in(request, user, next_url: str) -> str:
    """Where a signed-in user goes: a safe ``next``, else officers to their workspace, citizens home."""
    if next_url := _safe_next(request, next_url):
        return next_url
    if services.is_officer(user):
        return reverse("workspace:home")
    return reverse("home")


def _send_verification(request, citizen) -> None:
    """The verification letter goes out from a worker (``accounts.tasks``), in the reader's language."""
    tasks.send_verification_email.enqueue(citizen.pk, translation.get_language() or settings.LANGUAGE_CODE)


def _oidc_label() -> str | None:
    p = oidc.provider()
    return p.label if p else None


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request):
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
    if request.method == "GET" and request.user.is_authenticated:
        if second_factor.session_blocked(request.user):  # signed in, but the second factor is still to pass
            return redirect(reverse("accounts:second-factor") + "?" + urlencode({"next": next_url}))
        return redirect(_after_sign_in(request, request.user, next_url))
    form = SignInForm(request.POST if request.method == "POST" else None)
    error, unverified_email, status = "", "", 200
    if request.method == "POST" and form.is_valid():
        result = services.sign_in(
            request, form.cleaned_data["username"], form.cleaned_data["password"], client_ip(request)
        )
        if result.second_factor:
            return views_second_factor.begin(request, result.user, next_url)
        if not result.error:
            auth_login(request, result.user)
            return redirect(_after_sign_in(request, result.user, next_url))
        if result.error == "locked":
            status = 429
            error = _(
                "Đăng nhập sai quá nhiều lần nên tạm bị khóa. Hãy thử lại sau %(minutes)s phút "
                "hoặc lấy lại mật khẩu."
            ) % {"minutes": result.minutes_left}
        elif result.error == "unverified":
            unverified_email = result.user.citizen.email
            if unverified_email:
                error = _(
                    "Tài khoản chưa được xác nhận: hãy mở đường liên kết trong thư chúng tôi đã gửi tới %(email)s."
                ) % {"email": unverified_email}
            else:  # an account made without an address (by an administrator): nothing to resend
                error = _(
                    "Tài khoản chưa có thư điện tử đã xác nhận: hãy liên hệ quản trị hệ thống để bổ sung."
                )
        else:
            error = _("Hãy nhập tên đăng nhập (hoặc thư điện tử) và mật khẩu chính xác.")
    return render(
        request,
        "accounts/sign_in.html",
        {
            "form": form,
            "error": error,
            "unverified_email": unverified_email,
            "next": next_url,
            "oidc_label": _oidc_label(),
        },
        status=status,
    )


class SignOutView(auth_views.LogoutView):
    next_page = reverse_lazy("home")


sign_out = SignOutView.as_view()


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        citizen = services.sign_up(form.sign_up_data())
        _send_verification(request, citizen)
        request.session["accounts_signed_up"] = citizen.email
        return redirect("accounts:sign-up-done")
    return render(request, "accounts/sign_up.html", {"form": form, "oidc_label": _oidc_label()})


def sign_up_done(request):
    return render(
        request, "accounts/sign_up_done.html", {"email": request.session.get("accounts_signed_up", "")}
    )


def verify_email(request, token: str):
    try:
        services.verify_email(token)
    except services.AccountError as exc:
        expired = exc.kind == "expired"
        return render(request, "accounts/verify_failed.html", {"expired": expired}, status=400)
    messages.success(request, _("Đã xác nhận thư điện tử. Bạn có thể đăng nhập."))
    return redirect("login")


@csrf_protect
@require_http_methods(["GET", "POST"])
def resend_verification(request):
    form = ResendForm(
        request.POST if request.method == "POST" else None, initial={"email": request.GET.get("email")}
    )
    if request.method == "POST" and form.is_valid():
        citizen = services.citizen_for_email(form.cleaned_data["email"])
        if citizen is not None:
            _send_verification(request, citizen)
        # the same answer whether or not an unverified account has this address
        messages.success(
            request,
            _("Nếu địa chỉ này thuộc một tài khoản chưa xác nhận, thư xác nhận mới đã được gửi tới đó."),
        )
        return redirect("login")
    return render(request, "accounts/resend.html", {"form": form})


# --- password reset (Django's views, Vietnamese templates and letters) ------------------------------------------


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, whose letter is sent by a worker (``accounts.tasks.send_password_reset``): the job gets the
    account's id and the language and makes the one-time link when it sends, so no token is stored in a job."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        tasks.send_password_reset.enqueue(
            context["user"].pk, translation.get_language() or settings.LANGUAGE_CODE
        )


class PasswordReset(auth_views.PasswordResetView):
    """The letter's link starts with ``MOTCUA_PUBLIC_URL`` (its template uses ``public_url``), not the Host header;
    the letter is sent by a worker."""

    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/email/password_reset_body.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")
    form_class = QueuedPasswordResetForm


password_reset = PasswordReset.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.mark_email_verified_by_reset(form.user)
        return response


password_reset_confirm = PasswordResetConfirm.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


# --- the citizen's own account ----------------------------------------------------------------------------------


@citizen_required
@require_http_methods(["GET", "POST"])
def profile(request):
    citizen = request.citizen
    form = ProfileForm(request.POST if request.method == "POST" else None, citizen=citizen)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        if services.update_profile(citizen, phone=d["phone"], email=d["email"], address=d["address"]):
            _send_verification(request, citizen)
            messages.success(
                request,
                _(
                    "Đã lưu. Thư điện tử mới là tên đăng nhập của bạn: hãy xác nhận nó qua thư vừa gửi tới %(email)s."
                )
                % {"email": citizen.email},
            )
        else:
            messages.success(request, _("Đã lưu thông tin liên hệ."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {
            "citizen": citizen,
            "form": form,
            "channels": ChannelsForm(citizen=citizen),
            "local": services.is_local(citizen),
        },
    )


@citizen_required
@require_http_methods(["GET", "POST"])
def message_channels(request):
    """The channels the citizen is told on (a section of the account page, saved on its own)."""
    citizen = request.citizen
    channels = ChannelsForm(request.POST if request.method == "POST" else None, citizen=citizen)
    if request.method == "POST" and channels.is_valid():
        d = channels.cleaned_data
        services.set_message_channels(
            citizen, email=d["notify_email"], sms=d["notify_sms"], zalo=d["notify_zalo"]
        )
        messages.success(request, _("Đã lưu cách nhận thông báo."))
        return redirect("accounts:profile")
    status = 422 if channels.is_bound else 200
    return render(
        request,
        "accounts/profile.html",
        {
            "citizen": citizen,
            "form": ProfileForm(citizen=citizen),
            "channels": channels,
            "local": services.is_local(citizen),
        },
        status=status,
    )


class PasswordChange(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form):
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return super().form_valid(form)


password_change = citizen_required(PasswordChange.as_view())


# --- VNeID (OpenID Connect) ------------------------------------------------------------------------------------


def _oidc_failed(request, exc: oidc.OIDCError):
    return render(
        request, "accounts/oidc_error.html", {"reason": str(exc), "oidc_label": _oidc_label()}, status=400
    )


@never_cache
def oidc_start(request):
    next_url = _safe_next(request, request.GET.get("next", ""))
    try:
        # the redirect URI registered at the provider: fixed by the public address, not by the request's Host
        callback = settings.MOTCUA_PUBLIC_URL.rstrip("/") + reverse("accounts:oidc-callback")
        url = oidc.begin(request, callback, next_url)
    except oidc.OIDCError as exc:
        return _oidc_failed(request, exc)
    return redirect(url)


@never_cache
def oidc_callback(request):
    try:
        identity = oidc.complete(request, request.GET)
    except oidc.OIDCError as exc:
        return _oidc_failed(request, exc)
    citizen = services.citizen_from_identity(identity)
    auth_login(request, citizen.user, backend=MODEL_BACKEND)
    return redirect(_safe_next(request, identity.next_url) or reverse("home"))
