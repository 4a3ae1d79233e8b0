"""The organisation for tests: agencies and role assignments created through the real services, and the password
of the officers the shared fixtures make."""

import datetime as dt

from django.contrib.auth import get_user_model

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


def staff_member(username, role, agency, *, valid_from=dt.date(2024, 1, 1), includes_subunits=False, **names):
    """A user ``username`` (password :data:`PASSWORD`; ``names``: ``first_name``, ``last_name``) holding
    ``role`` at ``agency`` from ``valid_from``."""
    user = get_user_model().objects.create_user(username, password=PASSWORD, **names)
    assign(user, role, agency, valid_from=valid_from, includes_subunits=includes_subunits)
    return user


MERGER_BASIS = "Quyết định số 500/QĐ-UBND ngày 19/3/2026 của UBND tỉnh"


def justice_merged(province, *, on=dt.date(2026, 3, 20), legal_basis=MERGER_BASIS):
    """Sở Tư pháp of the small province merged on ``on`` into a new Sở Tư pháp và Nội vụ (000.00.30.H56, under
    UBND tỉnh from that day), which is returned."""
    successor = make_agency("000.00.30.H56", "Sở Tư pháp và Nội vụ", parent=province["ubnd"], valid_from=on)
    services.record_succession(
        [province["justice"]], [successor], kind="merge", effective_date=on, legal_basis=legal_basis
    )
    return successor


def agency_body(**overrides) -> dict:
    """The agency API's body for a new Sở (Sở Dân tộc và Tôn giáo, 000.00.40.H56, under UBND tỉnh from
    01/03/2025); ``overrides`` replace fields."""
    body = {
        "identifier": "000.00.40.H56",
        "name": "Sở Dân tộc và Tôn giáo",
        "kind": "so_ban_nganh",
        "level": "province",
        "parent": "000.00.00.H56",
        "valid_from": "2025-03-01",
    }
    body.update(overrides)
    return body


def signed_in_holding(client, user, role, agency):
    """``client`` signed in as ``user``, who now holds ``role`` at ``agency`` and every unit under it."""
    assign(user, role, agency, includes_subunits=True)
    client.force_login(user)
    return client
