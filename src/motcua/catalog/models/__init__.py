from motcua.catalog.models.assignment import ProcedureAssignment
from motcua.catalog.models.case import CaseComponent, ChannelOption, Fee, ProcedureCase
from motcua.catalog.models.procedure import Procedure, ProcedureField
from motcua.catalog.models.search import ProcedureSearchEntry
from motcua.catalog.models.version import LegalBasis, ProcedureVersion, ProcessStep, ResultDocument

__all__ = [
    "CaseComponent",
    "ChannelOption",
    "Fee",
    "LegalBasis",
    "ProcedureAssignment",
    "Procedure",
    "ProcedureCase",
    "ProcedureSearchEntry",
    "ProcedureField",
    "ProcedureVersion",
    "ProcessStep",
    "ResultDocument",
]
