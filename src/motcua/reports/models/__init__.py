from motcua.reports.models.daily import COUNTERS, DailyCount
from motcua.reports.models.fact import DossierFact, Outcome, PauseFact

__all__ = ["COUNTERS", "DailyCount", "DossierFact", "Outcome", "PauseFact"]
