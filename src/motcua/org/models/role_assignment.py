"""Officers' roles, each scoped to one agency and dated (SPEC §1.2)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.core.dated import DatedModel, overlaps_q
from motcua.org.models.agency import Agency
from motcua.org.roles import Role


class RoleAssignment(DatedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="role_assignments"
    )
    includes_subunits = models.BooleanField(
        _("áp dụng cả đơn vị trực thuộc"),
        default=False,
        help_text=_(
            "Vai trò có hiệu lực cả ở các cơ quan, đơn vị cấp dưới. Chỉ dành cho vai trò toàn tỉnh: "
            "quản trị hệ thống, kiểm soát TTHC."
        ),
    )
    note = models.CharField(_("ghi chú (quyết định phân công)"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("phân công vai trò")
        verbose_name_plural = pgettext_lazy("plural", "phân công vai trò")
        ordering = ["user", "agency", "role", "valid_from"]
        indexes = [models.Index(fields=["user", "valid_from"]), models.Index(fields=["agency", "role"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="role_assignment_validity_ordered",
                violation_error_message=_("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency}"

    def clean(self) -> None:
        from motcua.org.permissions import WIDE_ROLES  # the scope rule lives there (it imports this module)

        self.clean_validity()
        if self.includes_subunits and self.role and self.role not in WIDE_ROLES:
            raise ValidationError(
                {
                    "includes_subunits": gettext(
                        "Chỉ vai trò toàn tỉnh (%(roles)s) mới được áp dụng cả đơn vị trực thuộc; vai trò "
                        "“%(role)s” chỉ có hiệu lực tại đơn vị được phân công và các phòng, bộ phận nội bộ của đơn vị."
                    )
                    % {
                        "roles": ", ".join(str(Role(r).label) for r in sorted(WIDE_ROLES)),
                        "role": Role(self.role).label if self.role in Role.values else self.role,
                    }
                }
            )
        if not (self.user_id and self.agency_id and self.role and self.valid_from):
            return
        clash = (
            RoleAssignment.objects.filter(user_id=self.user_id, agency_id=self.agency_id, role=self.role)
            .filter(overlaps_q(self.valid_from, self.valid_to))
            .exclude(pk=self.pk)
            .first()
        )
        if clash:
            raise ValidationError(
                gettext("Cán bộ đã được phân công vai trò này tại đơn vị này trong thời gian %(period)s.")
                % {"period": clash.validity_label()}
            )
        agency = self.agency
        if self.valid_from < agency.valid_from or (agency.valid_to and self.valid_from > agency.valid_to):
            raise ValidationError(
                {
                    "valid_from": gettext("Cơ quan “%(agency)s” không hoạt động vào ngày bắt đầu phân công.")
                    % {"agency": agency}
                }
            )
