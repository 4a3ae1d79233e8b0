"""Loads the demo province (data/province.json) through the registry services. Idempotent: records are found by
their natural keys (code or identifier plus the first day of validity) and created only when missing."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from motcua.org import services
from motcua.org.models import (
    AdministrativeUnit,
    AdministrativeUnitSuccession,
    Agency,
    AgencySuccession,
    RoleAssignment,
    WorkingHours,
)

DATA_FILE = Path(__file__).parent / "data" / "province.json"
DEMO_PASSWORD = "motcua-demo"


@dataclass
class Counts:
    created: dict[str, int] = field(default_factory=dict)

    def add(self, what: str) -> None:
        self.created[what] = self.created.get(what, 0) + 1

    def summary(self) -> str:
        if not self.created:
            return "Dữ liệu minh họa đã đầy đủ, không có gì thay đổi."
        return "Đã tạo: " + ", ".join(f"{n} {what}" for what, n in self.created.items()) + "."


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _unit(code: str, on: dt.date) -> AdministrativeUnit:
    return AdministrativeUnit.objects.valid_on(on).get(code=code)


@transaction.atomic
def load_province(path: Path = DATA_FILE) -> Counts:
    data = json.loads(path.read_text(encoding="utf-8"))
    counts = Counts()
    _load_admin_units(data, counts)
    _load_agencies(data, counts)
    _load_officers(data, counts)  # before successions: the mergers move the officers' roles
    _load_agency_successions(data, counts)
    return counts


def _load_admin_units(data: dict, counts: Counts) -> None:
    for row in data["admin_units"]:
        valid_from = _date(row["valid_from"])
        if AdministrativeUnit.objects.filter(code=row["code"], valid_from=valid_from).exists():
            continue
        unit = AdministrativeUnit(
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            valid_from=valid_from,
            valid_to=_date(row.get("valid_to")),
            parent=_unit(row["parent"], valid_from) if row.get("parent") else None,
        )
        unit.full_clean()
        unit.save()
        counts.add("đơn vị hành chính")
    for row in data["admin_unit_successions"]:
        successor = AdministrativeUnit.objects.get(
            code=row["successor"][0], valid_from=_date(row["successor"][1])
        )
        for code, valid_from in row["predecessors"]:
            predecessor = AdministrativeUnit.objects.get(code=code, valid_from=_date(valid_from))
            if AdministrativeUnitSuccession.objects.filter(
                predecessor=predecessor, successor=successor
            ).exists():
                continue
            link = AdministrativeUnitSuccession(
                predecessor=predecessor,
                successor=successor,
                kind=row["kind"],
                effective_date=_date(row["effective_date"]),
                legal_basis=row["legal_basis"],
            )
            link.full_clean()
            link.save()
            counts.add("quan hệ sắp xếp đơn vị hành chính")


def _load_agencies(data: dict, counts: Counts) -> None:
    for row in data["agencies"]:
        valid_from = _date(row["valid_from"])
        agency = Agency.objects.filter(identifier=row["identifier"], valid_from=valid_from).first()
        if agency is None:
            agency = Agency(
                identifier=row["identifier"],
                name=row["name"],
                short_name=row.get("short_name", ""),
                kind=row["kind"],
                level=row["level"],
                valid_from=valid_from,
                parent=services.agency_on(row["parent"], valid_from) if row.get("parent") else None,
                admin_unit=_unit(row["admin_unit"], valid_from) if row.get("admin_unit") else None,
                address=row.get("address", ""),
                phone=row.get("phone", ""),
                email=row.get("email", ""),
            )
            services.save_agency(agency, note="Dữ liệu minh họa")
            counts.add("cơ quan, đơn vị")
        for hours in row.get("working_hours", []):
            start = _date(hours["valid_from"])
            if WorkingHours.objects.filter(agency=agency, valid_from=start).exists():
                continue
            (m_start, m_end), (a_start, a_end) = services._parse_sessions(hours["hours"])
            timetable = WorkingHours(
                agency=agency,
                valid_from=start,
                morning_start=m_start,
                morning_end=m_end,
                afternoon_start=a_start,
                afternoon_end=a_end,
                legal_basis=hours.get("legal_basis", ""),
            )
            timetable.full_clean()
            timetable.save()
            counts.add("lịch làm việc")


def _load_agency_successions(data: dict, counts: Counts) -> None:
    for row in data["agency_successions"]:
        effective = _date(row["effective_date"])
        eve = effective - dt.timedelta(days=1)
        predecessors = [services.resolve_agency(i, eve).record for i in row["predecessors"]]
        successors = [services.agency_on(i, effective) for i in row["successors"]]
        if AgencySuccession.objects.filter(predecessor__in=predecessors, successor__in=successors).exists():
            continue
        services.record_succession(
            predecessors,
            successors,
            kind=row["kind"],
            effective_date=effective,
            legal_basis=row["legal_basis"],
        )
        counts.add("quan hệ kế thừa cơ quan")


def _load_officers(data: dict, counts: Counts) -> None:
    User = get_user_model()
    # Every demo account has the same password: hash it once (the production hasher takes ~0.4 s a hash).
    demo_hash = make_password(DEMO_PASSWORD)
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser(
            "admin", "admin@motcua.invalid", DEMO_PASSWORD, first_name="Quản trị", last_name="hệ thống"
        )
        counts.add("tài khoản quản trị")
    for row in data["officers"]:
        user = User.objects.filter(username=row["username"]).first()
        if user is None:
            family, _, given = row["name"].rpartition(" ")
            user = User(
                username=row["username"],
                first_name=given,
                last_name=family,
                email=f"{row['username']}@motcua.invalid",
                is_staff=row.get("staff", False),
            )
            user.password = demo_hash
            user.save()
            counts.add("cán bộ")
        for role, identifier, valid_from, subunits in row["roles"]:
            start = _date(valid_from)
            agency = services.agency_on(identifier, start)
            if RoleAssignment.objects.filter(user=user, role=role, agency=agency, valid_from=start).exists():
                continue
            assignment = RoleAssignment(
                user=user,
                role=role,
                agency=agency,
                valid_from=start,
                includes_subunits=subunits,
                note="Dữ liệu minh họa",
            )
            assignment.full_clean()
            assignment.save()
            counts.add("phân công vai trò")
