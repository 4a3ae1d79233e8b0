from motcua.catalog.models.assignment import ProcedureAssignment
from motcua.catalog.models.case import CaseComponent, ChannelOption, Fee, ProcedureCase
from motcua.catalog.models.procedure import Procedure, ProcedureField
from motcua.catalog.models.process import InternalProcess, Performer, ProcessLevel, ProcessStep
from motcua.catalog.models.search import ProcedureSearchEntry
from motcua.catalog.models.version import LegalBasis, ProcedureVersion, ResultDocument

__all__ = [
    "CaseComponent",
    "ChannelOption",
    "Fee",
    "InternalProcess",
    "LegalBasis",
    "Performer",
    "ProcedureAssignment",
    "Procedure",
    "ProcedureCase",
    "ProcedureSearchEntry",
    "ProcedureField",
    "ProcedureVersion",
    "ProcessLevel",
    "ProcessStep",
    "ResultDocument",
]
