"""Forms of sign-in, sign-up and the citizen's own profile. Rules that need the database live in ``services``."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from motcua.accounts import services
from motcua.accounts.models import Citizen
from motcua.core import people


class SignInForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập hoặc thư điện tử"), max_length=254)
    password = forms.CharField(label=_("Mật khẩu"), strip=False, widget=forms.PasswordInput)


class SignUpForm(forms.Form):
    full_name = people.NameField(label=_("Họ và tên"), max_length=255)
    email = forms.EmailField(label=_("Thư điện tử"), max_length=150)
    password1 = forms.CharField(label=_("Mật khẩu"), strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Nhập lại mật khẩu"), strip=False, widget=forms.PasswordInput)
    phone = people.PhoneField(label=_("Số điện thoại (không bắt buộc)"), required=False)
    id_number = forms.CharField(
        label=_("Số định danh cá nhân (không bắt buộc)"),
        max_length=20,
        required=False,
        validators=[people.validate_declared_id],
        help_text=_("Số tự khai, chưa được xác thực; đăng nhập bằng định danh điện tử để được xác thực."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if services.email_taken(email):
            raise forms.ValidationError(
                _("Thư điện tử này đã dùng cho một tài khoản. Hãy đăng nhập hoặc lấy lại mật khẩu.")
            )
        return email

    def clean(self):
        data = super().clean()
        one, two = data.get("password1"), data.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("Hai lần nhập mật khẩu không giống nhau."))
        elif one:
            probe = get_user_model()(username=data.get("email", ""), email=data.get("email", ""))
            probe.last_name = data.get("full_name", "")
            try:
                password_validation.validate_password(one, probe)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data

    def sign_up_data(self) -> services.SignUp:
        d = self.cleaned_data
        return services.SignUp(
            full_name=d["full_name"],
            email=d["email"],
            password=d["password1"],
            phone=d["phone"],
            id_number=d["id_number"],
        )


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("Thư điện tử"))


class ProfileForm(forms.Form):
    """The contact details a citizen edits (a plain form: the service writes, the citizen is not touched before)."""

    phone = people.PhoneField(label=_("Số điện thoại"), required=False)
    email = forms.EmailField(label=_("Thư điện tử"), max_length=150, required=False)
    address = people.AddressField(label=_("Địa chỉ"), max_length=500, required=False)

    def __init__(self, *args, citizen: Citizen, **kwargs):
        kwargs.setdefault(
            "initial", {"phone": citizen.phone, "email": citizen.email, "address": citizen.address}
        )
        super().__init__(*args, **kwargs)
        self.citizen = citizen
        self.local = services.is_local(citizen)
        self.fields["email"].required = self.local

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip().lower()
        if self.local and email != self.citizen.email.lower() and services.email_taken(email):
            raise forms.ValidationError(_("Thư điện tử này đã dùng cho một tài khoản khác."))
        return email


class ChannelsForm(forms.Form):
    """The channels a citizen is told on of their dossiers' events (received, supplement, result…)."""

    notify_email = forms.BooleanField(label=_("Thư điện tử"), required=False)
    notify_sms = forms.BooleanField(label=_("Tin nhắn SMS"), required=False)
    notify_zalo = forms.BooleanField(label=_("Zalo"), required=False)

    def __init__(self, *args, citizen: Citizen, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "notify_email": citizen.notify_email,
                "notify_sms": citizen.notify_sms,
                "notify_zalo": citizen.notify_zalo,
            },
        )
        super().__init__(*args, **kwargs)
        self.citizen = citizen

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("notify_email") and not self.citizen.email:
            self.add_error("notify_email", _("Hãy khai thư điện tử ở phần thông tin liên hệ trước."))
        if (cleaned.get("notify_sms") or cleaned.get("notify_zalo")) and not self.citizen.phone:
            field = "notify_sms" if cleaned.get("notify_sms") else "notify_zalo"
            self.add_error(field, _("Hãy khai số điện thoại ở phần thông tin liên hệ trước."))
        return cleaned
