"""Census: no officer of the demo province reads or acts on a dossier, a PAKN item, a stored file or a report outside
the units where their role counts (ISSUE 16 rule 1, ``motcua.org.permissions``).

A role counts in the unit it was assigned in and that unit's internal divisions (phòng chuyên môn), a division's
role also in the agency it belongs to, never upwards across agencies (a Sở, a commune, a centre is not inside UBND
tỉnh for permissions); only the administrator and the TTHC controller reach the whole province. The table
:data:`REACH` below applies that rule by hand to every officer of ``demo/data/province.json`` — it is written from
the rule, not read from the code — and every expectation of the census is derived from it and from the declared
roles of each action. For every officer and every object the census tries each read over HTTP (API list and detail,
the dossier page, the file download, the PAKN page, the Biểu 06 page) and each act through the service, and fails on
any difference: a *leak* (allowed, not expected) or a *wrong refusal* (expected, refused). Each test prints its
figures (``-s``): attempts, leaks, wrong refusals.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from motcua.catalog import services as catalog
from motcua.demo.loader import load_province
from motcua.dossiers import lifecycle
from motcua.dossiers.choices import Status, StepKind
from motcua.dossiers.services.intake import ApplicantData, IntakeRequest, receive_at_counter
from motcua.dossiers.services.transitions import COMPLETES_STEP, TransitionError
from motcua.dossiers.services.transitions import apply as apply_dossier
from motcua.feedback import lifecycle as feedback_lifecycle
from motcua.feedback.services.intake import FeedbackRequest, submit
from motcua.feedback.services.transitions import FeedbackError
from motcua.feedback.services.transitions import apply as apply_feedback
from motcua.org.models import Agency
from tests.builders.catalog import published_procedure

pytestmark = pytest.mark.django_db

ALL = "*"  # every unit of the province

UBND = "000.00.00.H56"
VP_UBND = "000.00.01.H56"
CENTRE = "000.00.02.H56"
JUSTICE = "000.00.03.H56"
JUSTICE_DIVISION = "000.01.03.H56"
AGRI = "000.00.06.H56"
AGRI_DIVISION = "000.02.06.H56"
LAND_REGISTRY = "000.01.06.H56"
BUILDING = "000.00.07.H56"
BUILDING_DIVISION = "000.01.07.H56"
FINANCE = "000.00.05.H56"
FINANCE_DIVISION = "000.01.05.H56"
TAX = "000.38.00.G12"
POLICE = "000.38.00.G01"
HAC_THANH = "000.00.51.H56"
HAC_THANH_CENTRE = "001.00.51.H56"

# username → role → the units where that role counts (the rule applied by hand to province.json; units the census
# never touches, such as abolished communes, are listed for completeness).
REACH: dict[str, dict[str, set[str] | str]] = {
    "quantri": {"ADMIN": ALL},
    "kiemsoat.tthc": {"TTHC_CONTROLLER": ALL},
    "pakn.tinh": {"PAKN_OFFICER": {VP_UBND, UBND}},  # two explicit assignments: VP UBND tỉnh and UBND tỉnh
    "cv.vpubnd": {"SPECIALIST": {UBND}},  # explicit assignment in UBND tỉnh (VP is not an internal division)
    "gd.ttpvhcc": {"CENTRE_HEAD": {CENTRE}},  # the centre is not inside VP UBND tỉnh or UBND tỉnh
    "tn.an": {"COUNTER_OFFICER": {CENTRE}},
    "tn.binh": {"COUNTER_OFFICER": {CENTRE}, "DIGITIZER": {CENTRE}},
    "sohoa.cuc": {"DIGITIZER": {CENTRE}},
    "thuphi.dung": {"CASHIER": {CENTRE}},
    "cv.tuphap": {"SPECIALIST": {JUSTICE_DIVISION, JUSTICE}},  # a division's role counts for its Sở
    "tp.tuphap": {"DEPT_LEAD": {JUSTICE_DIVISION, JUSTICE}},
    "gd.tuphap": {"AGENCY_LEAD": {JUSTICE, JUSTICE_DIVISION}},  # the Sở's role counts in its divisions
    "vt.tuphap": {"CLERK": {JUSTICE, JUSTICE_DIVISION}},
    "cv.tnmt": {"SPECIALIST": {"000.00.13.H56"}},
    "cv.datdai": {"SPECIALIST": {AGRI_DIVISION, AGRI}},
    "tp.datdai": {"DEPT_LEAD": {AGRI_DIVISION, AGRI}},
    "gd.nnmt": {"AGENCY_LEAD": {AGRI, AGRI_DIVISION}},  # not Văn phòng ĐKĐĐ: an agency of its own
    "cv.vpdk": {"SPECIALIST": {LAND_REGISTRY}},  # not the Sở above it
    "gd.vpdk": {"AGENCY_LEAD": {LAND_REGISTRY}},
    "cv.xaydung": {"SPECIALIST": {BUILDING_DIVISION, BUILDING}},
    "gd.xaydung": {"AGENCY_LEAD": {BUILDING, BUILDING_DIVISION}},
    "tn.hacthanh": {"COUNTER_OFFICER": {HAC_THANH_CENTRE}, "CASHIER": {HAC_THANH_CENTRE}},  # not UBND phường
    "gd.hacthanh": {"CENTRE_HEAD": {HAC_THANH_CENTRE}},
    "cv.hacthanh": {"SPECIALIST": {HAC_THANH}},  # a commune is not inside UBND tỉnh
    "ct.hacthanh": {"AGENCY_LEAD": {HAC_THANH}},
    "vt.hacthanh": {"CLERK": {HAC_THANH}},
    "tn.donghoa": {"COUNTER_OFFICER": {"000.01.21.H56"}},
    "cv.dongminh": {"SPECIALIST": {"000.02.21.H56"}},
    "ct.dongquang": {"AGENCY_LEAD": {"000.00.53.H56"}},
    "tn.dongson": {"COUNTER_OFFICER": {"001.00.21.H56", "000.00.21.H56"}},  # Bộ phận một cửa huyện: internal
    "cv.dongson": {"SPECIALIST": {"000.00.54.H56"}},
    "tn.thieuhoa": {"COUNTER_OFFICER": {"001.00.55.H56"}, "DIGITIZER": {"001.00.55.H56"}},
    "cv.thieuhoa": {"SPECIALIST": {"000.00.55.H56"}, "PAKN_OFFICER": {"000.00.55.H56"}},
    "tn.hoanghoa": {"COUNTER_OFFICER": {"001.00.56.H56"}},
    "tn.quangphu": {"COUNTER_OFFICER": {"001.00.52.H56"}},
    "tn.samson": {"COUNTER_OFFICER": {"001.00.57.H56"}},
    # the people the demo's internal processes need (leads, clerks, commune chairmen, partners' specialists)
    "tp.xaydung": {"DEPT_LEAD": {BUILDING_DIVISION, BUILDING}},
    "vt.xaydung": {"CLERK": {BUILDING, BUILDING_DIVISION}},
    "vt.nnmt": {"CLERK": {AGRI, AGRI_DIVISION}},
    "vt.vpdk": {"CLERK": {LAND_REGISTRY}},
    "cv.taichinh": {"SPECIALIST": {FINANCE_DIVISION, FINANCE}},
    "tp.taichinh": {"DEPT_LEAD": {FINANCE_DIVISION, FINANCE}},
    "gd.taichinh": {"AGENCY_LEAD": {FINANCE, FINANCE_DIVISION}},
    "vt.taichinh": {"CLERK": {FINANCE, FINANCE_DIVISION}},
    "cv.thue": {"SPECIALIST": {TAX}},
    "cv.congan": {"SPECIALIST": {POLICE}},
    "cv.quangphu": {"SPECIALIST": {"000.00.52.H56"}},
    "ct.quangphu": {"AGENCY_LEAD": {"000.00.52.H56"}},
    "vt.quangphu": {"CLERK": {"000.00.52.H56"}},
    "cv.dongquang": {"SPECIALIST": {"000.00.53.H56"}},
    "tn.dongquang": {"COUNTER_OFFICER": {"001.00.53.H56"}},
    "vt.dongquang": {"CLERK": {"000.00.53.H56"}},
    "ct.dongson": {"AGENCY_LEAD": {"000.00.54.H56"}},
    "vt.dongson": {"CLERK": {"000.00.54.H56"}},
    "ct.thieuhoa": {"AGENCY_LEAD": {"000.00.55.H56"}},
    "vt.thieuhoa": {"CLERK": {"000.00.55.H56"}},
    "cv.hoanghoa": {"SPECIALIST": {"000.00.56.H56"}},
    "ct.hoanghoa": {"AGENCY_LEAD": {"000.00.56.H56"}},
    "vt.hoanghoa": {"CLERK": {"000.00.56.H56"}},
    "cv.samson": {"SPECIALIST": {"000.00.57.H56"}},
    "ct.samson": {"AGENCY_LEAD": {"000.00.57.H56"}},
    "vt.samson": {"CLERK": {"000.00.57.H56"}},
}

# The roles of each read, as declared by the apps (copied here so that a widened declaration shows as a leak).
VIEW_DOSSIER_ROLES = {
    "COUNTER_OFFICER",
    "DIGITIZER",
    "CASHIER",
    "SPECIALIST",
    "DEPT_LEAD",
    "AGENCY_LEAD",
    "CLERK",
    "CENTRE_HEAD",
    "TTHC_CONTROLLER",
    "ADMIN",
}
VIEW_FEEDBACK_ROLES = {"PAKN_OFFICER", "AGENCY_LEAD", "TTHC_CONTROLLER"}
VIEW_REPORT_ROLES = {"AGENCY_LEAD", "DEPT_LEAD", "CENTRE_HEAD", "TTHC_CONTROLLER", "ADMIN"}
ATTACH_RESULT_ROLES = {"SPECIALIST", "DEPT_LEAD", "AGENCY_LEAD", "CLERK"}


def counts(username: str, roles: set[str], unit: str) -> bool:
    """Does one of ``roles`` count in ``unit`` for ``username``, by :data:`REACH`?"""
    return any(
        role in roles and (units == ALL or unit in units) for role, units in REACH.get(username, {}).items()
    )


class Census:
    def __init__(self, name: str):
        self.name, self.attempts, self.leaks, self.refusals = name, 0, [], []

    def record(self, who: str, what: str, allowed: bool, expected: bool) -> None:
        self.attempts += 1
        if allowed and not expected:
            self.leaks.append(f"{who}: {what}")
        elif expected and not allowed:
            self.refusals.append(f"{who}: {what}")

    def check(self) -> None:
        print(
            f"\nCENSUS {self.name}: {self.attempts} attempts, {len(self.leaks)} leaks, "
            f"{len(self.refusals)} wrong refusals"
        )
        assert not self.leaks, f"{len(self.leaks)} leaks:\n" + "\n".join(self.leaks[:60])
        assert not self.refusals, f"{len(self.refusals)} wrongly refused:\n" + "\n".join(self.refusals[:60])


class _Rollback(Exception):
    pass


def tried(apply, target, action: str, actor, forbidden_error) -> bool:
    """Try ``action`` through the service, then undo everything: True unless refused for the actor's role (a
    missing input or a step condition means the permission check was passed)."""
    try:
        with transaction.atomic():
            apply(target, action, actor, inputs={})
            raise _Rollback
    except _Rollback:
        return True
    except forbidden_error as error:
        return error.kind != "forbidden"


# --- the demo province and its objects -------------------------------------------------------------------------


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "files"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    load_province()
    officers = {u.username: u for u in get_user_model().objects.filter(username__in=REACH)}
    assert set(officers) == set(REACH), "the census covers every demo officer"
    return officers


def _agency(identifier: str) -> Agency:
    return Agency.objects.filter(identifier=identifier).order_by("-valid_from").first()


@pytest.fixture
def dossiers(demo):
    """Dossiers in processing whose competent body or current holder is UBND tỉnh, a Sở, a commune, a liên thông
    partner (UBND tỉnh consulted on Sở Tư pháp's dossier), and one waiting for fees at UBND tỉnh."""
    version = published_procedure(valid_from=dt.date(2025, 7, 1))
    for receiving in (CENTRE, HAC_THANH_CENTRE):
        catalog.assign(version.procedure, _agency(receiving), "receives", valid_from=dt.date(2025, 7, 1))
    catalog.assign(version.procedure, _agency(JUSTICE), "handles", valid_from=dt.date(2025, 7, 1))
    now = timezone.now() - dt.timedelta(minutes=30)

    def received(receiving, handling, counter, n):
        applicant = ApplicantData(
            name=f"Trần Thị Bình {n}", id_number=f"03819000123{n}", phone="0912345678", address="Hạc Thành"
        )
        request = IntakeRequest(
            procedure_code=version.procedure.code,
            receiving_agency=receiving,
            handling_agency=handling,
            applicant=applicant,
        )
        dossier = receive_at_counter(request, demo[counter], at=now)
        return apply_dossier(dossier, "transfer", demo[counter], at=now).dossier

    made = {
        "ubnd": received(CENTRE, UBND, "tn.an", 1),
        "so": received(CENTRE, JUSTICE, "tn.an", 2),
        "xa": received(HAC_THANH_CENTRE, HAC_THANH, "tn.hacthanh", 3),
        "lien_thong": received(CENTRE, JUSTICE, "tn.an", 4),
        "ubnd_phi": received(CENTRE, UBND, "tn.an", 5),
    }
    apply_dossier(
        made["lien_thong"], "consult_partner", demo["cv.tuphap"], inputs={"partner": UBND, "share_amount": 2}
    )
    apply_dossier(made["ubnd_phi"], "request_payment", demo["cv.vpubnd"], inputs={"reason": "Lệ phí"})
    from motcua.dossiers.models import Dossier

    found = {
        key: Dossier.objects.select_related("receiving_agency", "handling_agency", "current_agency").get(
            pk=d.pk
        )
        for key, d in made.items()
    }
    assert found["lien_thong"].current_agency.identifier == UBND
    assert found["ubnd_phi"].status == Status.FINANCIAL_OBLIGATION
    return found


def _units(dossier) -> set[str]:
    return {
        dossier.receiving_agency.identifier,
        dossier.handling_agency.identifier,
        dossier.current_agency.identifier,
    }


def _expected_read(username: str, dossier) -> bool:
    return any(counts(username, VIEW_DOSSIER_ROLES, unit) for unit in _units(dossier))


def _expected_act(username: str, dossier, transition) -> bool:
    roles = set(transition.roles) - {lifecycle.APPLICANT}
    if transition.action in COMPLETES_STEP and dossier.current_step.kind == StepKind.INTERNAL:
        # every open internal step here is a specialist's not yet assigned: only a leader of its unit completes it
        # (at a partner, the step's own answer decides: ``return_from_partner``)
        roles &= set(lifecycle.LEADS)
    scope = {
        lifecycle.Scope.RECEIVING: {dossier.receiving_agency.identifier},
        lifecycle.Scope.CURRENT: {dossier.current_agency.identifier},
        lifecycle.Scope.HANDLING: {dossier.handling_agency.identifier},
        lifecycle.Scope.ANY_OPEN: {dossier.handling_agency.identifier, dossier.receiving_agency.identifier},
    }[transition.scope]
    return any(counts(username, roles, unit) for unit in scope)


# --- dossiers --------------------------------------------------------------------------------------------------


def test_dossiers_are_read_only_by_the_officers_of_their_units(demo, dossiers, client):
    census = Census("dossiers: read (API list, API detail, dossier page)")
    for username, user in sorted(demo.items()):
        client.force_login(user)
        listed = client.get("/api/v1/dossiers?limit=100").content.decode()
        for key, dossier in dossiers.items():
            expected = _expected_read(username, dossier)
            census.record(username, f"API list shows {key}", dossier.code in listed, expected)
            detail = client.get(f"/api/v1/dossiers/{dossier.code}")
            census.record(username, f"API detail of {key}", detail.status_code == 200, expected)
            page = client.get(f"/mot-cua/ho-so/{dossier.code}/")
            census.record(username, f"dossier page of {key}", page.status_code == 200, expected)
    census.check()


def test_dossiers_are_acted_on_only_by_the_officers_of_the_scope_unit(demo, dossiers):
    census = Census("dossiers: act (every transition of the dossier's status, through the service)")
    for username, user in sorted(demo.items()):
        for key, dossier in dossiers.items():
            for transition in lifecycle.available(dossier.status):
                if not set(transition.roles) - {lifecycle.APPLICANT}:
                    continue  # the applicant's own actions
                allowed = tried(apply_dossier, dossier.pk, transition.action, user, TransitionError)
                census.record(
                    username,
                    f"{transition.action} on {key}",
                    allowed,
                    _expected_act(username, dossier, transition),
                )
    census.check()


def test_payments_are_asked_and_confirmed_only_in_the_scope_unit(demo, dossiers, client):
    """The officer side of payments is the financial-obligation pair of the transition table (T9); the payment pages
    and receipts belong to the applicant's account, so no officer opens them."""
    census = Census("payments: request/confirm (service), payment page (HTTP)")
    for username, user in sorted(demo.items()):
        client.force_login(user)
        for key, dossier in dossiers.items():
            action = "confirm_payment" if dossier.status == Status.FINANCIAL_OBLIGATION else "request_payment"
            transition = lifecycle.BY_ACTION[action]
            allowed = tried(apply_dossier, dossier.pk, action, user, TransitionError)
            census.record(
                username, f"{action} on {key}", allowed, _expected_act(username, dossier, transition)
            )
            page = client.get(f"/thanh-toan/ho-so/{dossier.code}/")
            census.record(username, f"payment page of {key}", page.status_code == 200, False)
    census.check()


# --- stored files ------------------------------------------------------------------------------------------------


def test_stored_files_are_downloaded_only_by_officers_who_see_the_dossier(demo, dossiers, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from motcua.files.services import digitise_component
    from motcua.files.services.results import may_attach_result
    from motcua.org.permissions import Access

    pdf = b"%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
    digitisers = {CENTRE: demo["sohoa.cuc"], HAC_THANH_CENTRE: demo["tn.hacthanh"]}
    scans = {}
    for key, dossier in dossiers.items():
        component = dossier.components.order_by("id").first()
        actor = digitisers[dossier.receiving_agency.identifier]
        scans[key] = digitise_component(component, SimpleUploadedFile("to-khai.pdf", pdf), actor).file_id
    census = Census("files: download (HTTP), attach a result (service check)")
    for username, user in sorted(demo.items()):
        client.force_login(user)
        access = Access.of(user)
        for key, dossier in dossiers.items():
            response = client.get(f"/mot-cua/tep/{scans[key]}/")
            census.record(
                username,
                f"download scan of {key}",
                response.status_code == 200,
                _expected_read(username, dossier),
            )
            census.record(
                username,
                f"attach result to {key}",
                may_attach_result(access, dossier),
                counts(username, ATTACH_RESULT_ROLES, dossier.handling_agency.identifier),
            )
    census.check()


# --- PAKN --------------------------------------------------------------------------------------------------------


@pytest.fixture
def feedback_items(demo):
    def sent(agency: str, n: int):
        return submit(
            FeedbackRequest(
                receiving_agency=agency,
                title=f"Chậm trả kết quả {n}",
                content="Tôi nộp hồ sơ chứng thực nhưng đến nay chưa nhận được kết quả, không ai giải thích.",
                sender_name="Trần Thị Bình",
                sender_address="Số 5 đường Lê Lợi, phường Hạc Thành",
                sender_phone="0912345678",
                sender_email="binh@example.vn",
            ),
            at=timezone.now() - dt.timedelta(minutes=30),
        )

    return {
        "ubnd": sent(UBND, 1),
        "vp_ubnd": sent(VP_UBND, 2),
        "so": sent(JUSTICE, 3),
        "xa": sent(HAC_THANH, 4),
    }


def test_pakn_items_are_read_and_handled_only_in_their_units(demo, feedback_items, client):
    census = Census("PAKN: read (officer page), act (every officer transition, through the service)")
    for username, user in sorted(demo.items()):
        client.force_login(user)
        for key, item in feedback_items.items():
            units = {item.receiving_agency.identifier, item.handling_agency.identifier}
            expected = any(counts(username, VIEW_FEEDBACK_ROLES, unit) for unit in units)
            page = client.get(f"/mot-cua/phan-anh/{item.code}/")
            census.record(username, f"PAKN page of {key}", page.status_code == 200, expected)
            for transition in feedback_lifecycle.available(item.status):
                roles = set(transition.roles) - {feedback_lifecycle.SENDER, feedback_lifecycle.PUBLIC}
                if not roles:
                    continue
                allowed = tried(apply_feedback, item.pk, transition.action, user, FeedbackError)
                census.record(
                    username,
                    f"{transition.action} on PAKN {key}",
                    allowed,
                    counts(username, roles, item.handling_agency.identifier),
                )
    census.check()


# --- reports -----------------------------------------------------------------------------------------------------

REPORTED = [
    UBND,
    VP_UBND,
    CENTRE,
    JUSTICE,
    JUSTICE_DIVISION,
    AGRI,
    LAND_REGISTRY,
    HAC_THANH,
    HAC_THANH_CENTRE,
]
QUERY = "?don_vi={unit}&ky=t3&nam=2026&cach_tinh=calendar&theo=then"


def test_reports_are_opened_only_for_the_units_where_the_role_counts(demo, client):
    census = Census("reports: Biểu 06 and dashboard of a unit (HTTP)")
    units = {identifier: _agency(identifier) for identifier in REPORTED}
    for username, user in sorted(demo.items()):
        client.force_login(user)
        for identifier, unit in units.items():
            expected = counts(username, VIEW_REPORT_ROLES, identifier)
            for path in ("/bao-cao/", "/bao-cao/tong-quan/"):
                response = client.get(path + QUERY.format(unit=unit.pk))
                page = response.content.decode()
                opened = (
                    response.status_code == 200
                    and "Bạn không có quyền xem báo cáo của đơn vị này" not in page
                )
                if opened and path == "/bao-cao/":
                    opened = 'class="total"' in page
                census.record(username, f"{path} of {identifier}", opened, expected)
    census.check()
