"""The organisation for tests: agencies and role assignments created through the real services, and the password
of the officers the shared fixtures make."""

import datetime as dt

from motcua.org import services
from motcua.org.models import Agency, RoleAssignment

START = dt.date(2020, 1, 1)
PASSWORD = "x-long-password-1"  # every officer's (tests sign in with it through the pages)


def make_agency(
    identifier,
    name,
    *,
    kind="so_ban_nganh",
    level="province",
    parent=None,
    valid_from=START,
    valid_to=None,
    **extra,
):
    return services.save_agency(
        Agency(
            identifier=identifier,
            name=name,
            kind=kind,
            level=level,
            parent=parent,
            valid_from=valid_from,
            valid_to=valid_to,
            **extra,
        )
    )


def assign(user, role, agency, valid_from=START, valid_to=None, includes_subunits=False):
    assignment = RoleAssignment(
        user=user,
        role=role,
        agency=agency,
        valid_from=valid_from,
        valid_to=valid_to,
        includes_subunits=includes_subunits,
    )
    assignment.full_clean()
    assignment.save()
    return assignment
