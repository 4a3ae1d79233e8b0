"""Which agencies of the province handle a procedure and which centres receive it, dated."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choices import AssignmentRole
from motcua.catalog.models.procedure import Procedure
from motcua.core.dated import DatedModel, overlaps_q
from motcua.org.models import Agency


class ProcedureAssignment(DatedModel):
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="assignments"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan, đơn vị"),
        on_delete=models.PROTECT,
        related_name="procedure_assignments",
    )
    role = models.CharField(_("nhiệm vụ"), max_length=16, choices=AssignmentRole.choices)
    decision = models.CharField(_("quyết định giao"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("giao thực hiện thủ tục")
        verbose_name_plural = pgettext_lazy("plural", "giao thực hiện thủ tục")
        ordering = ["procedure", "role", "agency"]
        indexes = [models.Index(fields=["agency", "role", "valid_from"])]

    def __str__(self) -> str:
        return f"{self.agency} — {self.get_role_display()} — {self.procedure.code}"

    def clean(self) -> None:
        self.clean_validity()
        if not (self.procedure_id and self.agency_id and self.role and self.valid_from):
            return
        clash = (
            ProcedureAssignment.objects.filter(
                procedure_id=self.procedure_id, agency_id=self.agency_id, role=self.role
            )
            .filter(overlaps_q(self.valid_from, self.valid_to))
            .exclude(pk=self.pk)
            .first()
        )
        if clash:
            raise ValidationError(
                gettext("Cơ quan đã được giao nhiệm vụ này với thủ tục này trong thời gian %(period)s.")
                % {"period": clash.validity_label()}
            )
