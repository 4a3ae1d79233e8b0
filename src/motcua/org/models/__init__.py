from motcua.org.models.admin_unit import AdministrativeUnit, AdministrativeUnitSuccession
from motcua.org.models.agency import Agency, AgencySuccession
from motcua.org.models.role_assignment import RoleAssignment
from motcua.org.models.working_hours import WorkingHours

__all__ = [
    "AdministrativeUnit",
    "AdministrativeUnitSuccession",
    "Agency",
    "AgencySuccession",
    "RoleAssignment",
    "WorkingHours",
]
