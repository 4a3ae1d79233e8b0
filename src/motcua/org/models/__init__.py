from motcua.org.models.admin_unit import AdministrativeUnit, AdministrativeUnitSuccession
from motcua.org.models.agency import Agency, AgencySuccession
from motcua.org.models.personal_data_read import PersonalDataRead
from motcua.org.models.role_assignment import RoleAssignment
from motcua.org.models.working_hours import WorkingHours

__all__ = [
    "AdministrativeUnit",
    "AdministrativeUnitSuccession",
    "Agency",
    "AgencySuccession",
    "PersonalDataRead",
    "RoleAssignment",
    "WorkingHours",
]
