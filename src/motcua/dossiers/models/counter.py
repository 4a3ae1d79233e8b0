from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DailyCounter(models.Model):
    """The per-agency, per-day sequence of dossier codes (SPEC §3). Incremented by one atomic upsert."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bộ đếm mã hồ sơ")
        verbose_name_plural = pgettext_lazy("plural", "bộ đếm mã hồ sơ")
        constraints = [models.UniqueConstraint(fields=["agency", "day"], name="dossier_counter_agency_day")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day:%d/%m/%Y}: {self.value}"
