"""Failed sign-ins, counted in the database so that every web worker sees the same count (``accounts.lockout``).

One row per key: ``account:<what was typed, lower-cased>`` (whether or not such an account exists, so an unknown
name and a wrong password behave alike) and ``ip:<address>``. A row counts the failures of the current window;
after too many the key is locked until ``locked_until``. A successful sign-in deletes the account's row.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SignInThrottle(models.Model):
    key = models.CharField(_("khóa đếm"), max_length=300, unique=True)
    failures = models.PositiveIntegerField(_("số lần sai"), default=0)
    window_started_at = models.DateTimeField(_("bắt đầu đếm lúc"))
    locked_until = models.DateTimeField(_("khóa đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần đăng nhập sai")
        verbose_name_plural = pgettext_lazy("plural", "lần đăng nhập sai")

    def __str__(self) -> str:
        return self.key
