"""Messages to citizens: their templates (province-edited data, versioned), the record of every delivery, and what
the sandbox SMS and Zalo gateways "sent" for testers to read."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from motcua.core.versions import Versioned, VersionLocked
from motcua.messaging.choices import VARIABLES, Channel, Event, State

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
PARAMETER = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


TemplateLocked = VersionLocked


def placeholders(text: str) -> list[str]:
    """The ``{name}`` placeholders of ``text``, in order."""
    return [m.group(1).strip() for m in PLACEHOLDER.finditer(text or "")]


def zalo_parameters(body: str) -> list[tuple[str, str]]:
    """The ``tham_so=giá trị`` lines of a Zalo template's body (blank lines skipped)."""
    pairs = []
    for line in (body or "").splitlines():
        if line.strip():
            name, _sep, value = line.partition("=")
            pairs.append((name.strip(), value.strip() if _sep else None))
    return pairs


class MessageTemplate(Versioned):
    """What one event says on one channel. Never overwritten: a change is a new version valid from a day, the
    previous one gets its last day (``services.templates.new_version``); a delivery keeps the version it used."""

    KEY = ("event", "channel")
    LOCKED = "Mẫu tin nhắn không được sửa: mỗi thay đổi là một phiên bản mới."
    UNDELETABLE = "Mẫu tin nhắn không được xóa: các tin đã gửi vẫn dùng phiên bản này."

    event = models.CharField(gettext_lazy("sự kiện"), max_length=16, choices=Event.choices)
    channel = models.CharField(gettext_lazy("kênh"), max_length=8, choices=Channel.choices)
    subject = models.CharField(
        gettext_lazy("tiêu đề thư"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("Chỉ cho thư điện tử."),
    )
    body = models.TextField(
        gettext_lazy("nội dung"),
        help_text=gettext_lazy(
            "Giá trị của hồ sơ được chèn bằng {tên_biến} (danh sách biến bên dưới). Zalo ZNS: mỗi dòng một tham số "
            "của mẫu đã đăng ký với Zalo, dạng tham_so={tên_biến}."
        ),
    )
    zalo_template_id = models.CharField(
        gettext_lazy("mã mẫu Zalo ZNS"),
        max_length=64,
        blank=True,
        help_text=gettext_lazy("Mã mẫu tin đã được Zalo duyệt (chỉ cho kênh Zalo)."),
    )

    class Meta:
        verbose_name = gettext_lazy("mẫu tin nhắn")
        verbose_name_plural = pgettext_lazy("plural", "mẫu tin nhắn")
        ordering = ["event", "channel", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "channel", "version"], name="message_template_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} — {self.get_channel_display()} — v{self.version}"

    @property
    def variables(self) -> tuple[str, ...]:
        return VARIABLES.get(self.event, ())

    def clean(self) -> None:
        self.clean_validity()
        allowed = set(self.variables)
        errors: dict[str, list[str]] = {}

        def unknown(field: str, text: str) -> None:
            wrong = [name for name in placeholders(text) if name not in allowed]
            if wrong:
                errors.setdefault(field, []).append(
                    _("Biến không có cho sự kiện này: %(names)s. Các biến được dùng: %(allowed)s.")
                    % {
                        "names": ", ".join(f"{{{n}}}" for n in dict.fromkeys(wrong)),
                        "allowed": ", ".join(f"{{{n}}}" for n in self.variables),
                    }
                )

        unknown("subject", self.subject)
        unknown("body", self.body)
        if self.channel == Channel.EMAIL and not self.subject.strip():
            errors.setdefault("subject", []).append(_("Thư điện tử cần có tiêu đề."))
        if self.channel == Channel.ZALO:
            if not self.zalo_template_id.strip():
                errors.setdefault("zalo_template_id", []).append(_("Tin Zalo ZNS cần mã mẫu đã đăng ký."))
            for name, value in zalo_parameters(self.body):
                if value is None or not PARAMETER.match(name):
                    errors.setdefault("body", []).append(
                        _("Dòng “%(line)s” không đúng dạng tham_so={tên_biến}.") % {"line": name}
                    )
        if not self.body.strip():
            errors.setdefault("body", []).append(_("Nội dung không được để trống."))
        if errors:
            raise ValidationError(errors)


class Delivery(models.Model):
    """One message to one citizen on one channel, from queued to sent or failed. ``key`` (event, dossier or PAKN
    item, log entry, channel) is unique: the receiver and the send job may run twice, the citizen is told once.

    ``recipient`` is the full address, kept only while it is needed to send (emptied once sent);
    ``recipient_masked`` is what officers see."""

    key = models.CharField(gettext_lazy("khóa"), max_length=120, unique=True)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=gettext_lazy("hồ sơ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    feedback_code = models.CharField(gettext_lazy("mã phản ánh, kiến nghị"), max_length=40, blank=True)
    entry_id = models.BigIntegerField(gettext_lazy("mục nhật ký"), null=True, blank=True)
    event = models.CharField(gettext_lazy("sự kiện"), max_length=16, choices=Event.choices)
    channel = models.CharField(gettext_lazy("kênh"), max_length=8, choices=Channel.choices)
    recipient = models.CharField(gettext_lazy("địa chỉ nhận"), max_length=254, blank=True)
    recipient_masked = models.CharField(gettext_lazy("người nhận"), max_length=254)
    values = models.JSONField(gettext_lazy("giá trị của mẫu"), default=dict, blank=True)
    status = models.CharField(
        gettext_lazy("tình trạng"), max_length=8, choices=State.choices, default=State.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(gettext_lazy("số lần gửi"), default=0)
    attempts_before = models.PositiveSmallIntegerField(
        gettext_lazy("số lần gửi trước lần gửi lại"), default=0, editable=False
    )
    last_error = models.TextField(gettext_lazy("lỗi gần nhất"), blank=True)
    provider_id = models.CharField(gettext_lazy("mã tin của nhà cung cấp"), max_length=120, blank=True)
    template = models.ForeignKey(
        MessageTemplate,
        verbose_name=gettext_lazy("mẫu đã dùng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    event_at = models.DateTimeField(gettext_lazy("thời điểm sự kiện"))
    created_at = models.DateTimeField(gettext_lazy("ngày tạo"), auto_now_add=True)
    sent_at = models.DateTimeField(gettext_lazy("thời điểm gửi"), null=True, blank=True)
    updated_at = models.DateTimeField(gettext_lazy("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = gettext_lazy("tin nhắn đã gửi")
        verbose_name_plural = pgettext_lazy("plural", "tin nhắn đã gửi")
        indexes = [models.Index(fields=["dossier", "created_at"], name="delivery_dossier_created")]

    def __str__(self) -> str:
        return f"{self.get_event_display()} — {self.get_channel_display()} — {self.recipient_masked}"


class SandboxMessage(models.Model):
    """What a sandbox gateway (SMS or Zalo) would have sent: nothing leaves the system; testers read it at
    ``/thu-nghiem/tin-nhan/``."""

    channel = models.CharField(gettext_lazy("kênh"), max_length=8, choices=Channel.choices)
    phone = models.CharField(gettext_lazy("số điện thoại"), max_length=20, db_index=True)
    text = models.TextField(gettext_lazy("nội dung"), blank=True)
    zalo_template_id = models.CharField(gettext_lazy("mã mẫu Zalo ZNS"), max_length=64, blank=True)
    parameters = models.JSONField(gettext_lazy("tham số"), default=dict, blank=True)
    provider_id = models.CharField(gettext_lazy("mã tin"), max_length=40, unique=True)
    created_at = models.DateTimeField(gettext_lazy("thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = gettext_lazy("tin nhắn thử nghiệm")
        verbose_name_plural = pgettext_lazy("plural", "tin nhắn thử nghiệm")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.phone}"
