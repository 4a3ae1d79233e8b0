from motcua.dossiers.models.applicant import Applicant
from motcua.dossiers.models.counter import DailyCounter
from motcua.dossiers.models.dossier import Dossier, DossierComponent
from motcua.dossiers.models.idempotency import IntakeKey
from motcua.dossiers.models.log import LogAnchor, LogTamperError, ProcessLogEntry
from motcua.dossiers.models.processing import (
    Apology,
    AssignmentMode,
    AssignmentRule,
    DossierPause,
    DossierResult,
    DossierStep,
)
from motcua.dossiers.models.stored_file import StoredFile

__all__ = [
    "Apology",
    "Applicant",
    "AssignmentMode",
    "AssignmentRule",
    "DailyCounter",
    "Dossier",
    "DossierComponent",
    "DossierPause",
    "DossierResult",
    "DossierStep",
    "IntakeKey",
    "LogAnchor",
    "LogTamperError",
    "ProcessLogEntry",
    "StoredFile",
]
