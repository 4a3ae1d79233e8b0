"""`motcua seed_demo`: a realistic province after the 2025 reform, loaded idempotently."""

import datetime as dt

from django.core.management import call_command

from motcua.org import services
from motcua.org.models import AdministrativeUnitSuccession, Agency, AgencySuccession, RoleAssignment
from motcua.org.roles import Role

AFTER = dt.date(2025, 7, 1)


def test_seed_twice_changes_nothing_the_second_time(db, capsys):
    call_command("seed_demo")
    first = (Agency.objects.count(), RoleAssignment.objects.count(), AgencySuccession.objects.count())
    capsys.readouterr()
    call_command("seed_demo")
    assert "không có gì thay đổi" in capsys.readouterr().out
    assert (Agency.objects.count(), RoleAssignment.objects.count(), AgencySuccession.objects.count()) == first


def test_the_province_has_what_the_demo_promises(db):
    call_command("seed_demo", verbosity=0)
    today = services.agencies_on(dt.date(2026, 1, 5))
    assert today.filter(kind="ttpvhcc_tinh").count() == 1
    assert today.filter(kind="so_ban_nganh").count() >= 8
    communes = today.filter(kind="ubnd_xa")
    assert communes.count() >= 6
    for commune in communes:
        assert today.filter(parent=commune, kind="ttpvhcc_xa").exists(), commune
    active = RoleAssignment.objects.valid_on(dt.date(2026, 1, 5))
    assert active.values("user").distinct().count() >= 25
    assert set(active.values_list("role", flat=True)) == set(Role.values)


def test_the_reform_history_is_recorded(db):
    call_command("seed_demo", verbosity=0)
    district = Agency.objects.get(kind="ubnd_huyen")
    assert district.valid_to == AFTER - dt.timedelta(days=1)
    assert services.resolve_agency(district.identifier, AFTER).successors
    merged = AdministrativeUnitSuccession.objects.filter(kind="merge", effective_date=AFTER)
    assert any(merged.filter(successor=link.successor).count() == 2 for link in merged)
    commune_merge = AgencySuccession.objects.filter(kind="merge", effective_date=AFTER)
    assert commune_merge.count() == 2
    assert len({link.successor_id for link in commune_merge}) == 1
