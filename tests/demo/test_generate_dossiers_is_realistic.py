"""``motcua generate_dossiers`` fills the demo province with dossiers shaped like a real centre's year."""

import datetime as dt
import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.utils import timezone

from motcua.demo.generator import generate
from motcua.dossiers.choices import Status
from motcua.dossiers.models import DailyCounter, Dossier, ProcessLogEntry
from motcua.dossiers.models.log import verify_chain
from motcua.dossiers.services.codes import CODE_RE
from motcua.dossiers.services.intake import ApplicantData, IntakeRequest, receive_at_counter
from motcua.worktime import services as worktime

NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
COUNT = 2000


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0, stdout=io.StringIO())
        report = generate(COUNT, 2026, seed=11, batch=500, now=NOW, progress=None)
        yield report
        # the module's data lives outside the per-test transactions: remove it
        from django.db import connection

        tables = [
            "dossiers_processlogentry", "dossiers_dossiercomponent", "dossiers_dossierpause", "dossiers_apology",
            "dossiers_dossierresult", "dossiers_dossierstep", "dossiers_dossier", "dossiers_applicant",
            "dossiers_dailycounter",
        ]  # fmt: skip
        with connection.cursor() as cursor:
            cursor.execute("UPDATE dossiers_dossier SET current_step_id = NULL")
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")
        call_command("flush", verbosity=0, interactive=False)


pytestmark = pytest.mark.django_db


def test_every_dossier_is_written_with_the_lifecycle_shares(generated):
    assert generated.count == COUNT == Dossier.objects.count()
    statuses = Counter(Dossier.objects.values_list("status", flat=True))
    share = {s: statuses[s] / COUNT for s in Status.values}
    assert 0.90 <= share[10] + share[9] <= 0.985
    assert 0.004 <= share[2] + share[4] <= 0.03  # still in progress at the cut-off
    assert 0.008 <= share[3] + share[7] <= 0.035  # refused or withdrawn
    assert statuses[5] + statuses[6] + statuses[8] > 0
    resolved = Counter(Dossier.objects.filter(status__in=(9, 10)).values_list("timeliness", flat=True))
    total = sum(resolved.values())
    assert resolved["early"] / total >= 0.97
    assert resolved["on_time"] / total <= 0.03
    assert resolved["late"] / total <= 0.01


def test_channels_hours_and_due_dates_are_plausible(generated):
    channels = Counter(Dossier.objects.values_list("channel", flat=True))
    assert 0.54 <= channels["2"] / COUNT <= 0.66 and 0.32 <= channels["1"] / COUNT <= 0.44
    engines = {}
    for d in Dossier.objects.filter(received_at__isnull=False).select_related("receiving_agency")[:500]:
        if d.receiving_agency_id not in engines:
            engines[d.receiving_agency_id] = worktime.engine_for(d.receiving_agency, timezone.localdate(NOW))
        assert engines[d.receiving_agency_id].is_working_time(d.received_at)  # working day and hours
        assert d.due_at > d.received_at
        assert d.finished_at is None or d.finished_at > d.received_at
        assert d.received_at <= NOW


def test_codes_are_well_formed_unique_and_sequential_per_agency_and_day(generated):
    codes = list(Dossier.objects.filter(code__isnull=False).values_list("code", "handling_agency_id"))
    assert len({c for c, _ in codes}) == len(codes) > 0.95 * COUNT
    assert all(CODE_RE.match(c) for c, _ in codes)
    numbers: dict = {}
    for code, agency in codes:
        identifier, day, number = code.rsplit("-", 2)
        numbers.setdefault((agency, day), []).append(int(number))
    counters = {(c.agency_id, f"{c.day:%y%m%d}"): c.value for c in DailyCounter.objects.all()}
    for key, found in numbers.items():
        assert sorted(found) == list(range(1, len(found) + 1))
        assert counters[key] == len(found)
    assert Dossier.objects.filter(status=Status.REFUSED, code__isnull=False, channel="1").count() == 0


def test_every_log_chain_verifies_and_matches_the_dossier(generated):
    entries: dict = {}
    for entry in ProcessLogEntry.objects.order_by("dossier_id", "seq").iterator(chunk_size=2000):
        entries.setdefault(entry.dossier_id, []).append(entry)
    assert len(entries) == COUNT
    for dossier in Dossier.objects.only("pk", "version", "log_head", "status", "seal"):
        chain = entries[dossier.pk]
        assert verify_chain(chain) == []
        assert {e.key_id for e in chain} == {"k1"} and dossier.seal.startswith(
            "k1:"
        )  # keyed as apply keys them
        assert dossier.version == chain[-1].seq == len(chain)
        assert dossier.log_head == chain[-1].hash
        assert chain[-1].to_status == dossier.status
    call_command("verify_dossier_log", stdout=io.StringIO())  # also every row's seal


def test_results_steps_and_pauses_exist_for_finished_dossiers(generated):
    finished = Dossier.objects.filter(status__in=(9, 10))
    assert finished.filter(result__isnull=True).count() == 0
    assert finished.filter(steps__finished_at__isnull=True).count() == 0
    assert Dossier.objects.filter(pauses__isnull=False).exists()
    for d in Dossier.objects.filter(status=4).exclude(current_step=None)[:20]:
        assert d.current_step.finished_at is None


def test_a_real_intake_continues_the_day_sequence(generated):
    from motcua.catalog.models import ProcedureAssignment
    from motcua.org.models import Agency

    last = (
        Dossier.objects.filter(receiving_agency__identifier="000.00.02.H56", received_at__isnull=False)
        .order_by("-received_at")
        .first()
    )
    at = last.received_at + dt.timedelta(minutes=1)
    day_key = last.code.rsplit("-", 1)[0]
    top = max(
        int(c.rsplit("-", 1)[1])
        for c in Dossier.objects.filter(code__startswith=day_key).values_list("code", flat=True)
    )
    procedure = ProcedureAssignment.objects.filter(
        agency__identifier="000.00.02.H56", role="receives", procedure__versions__cases__isnull=False
    ).values_list("procedure__code", flat=True)
    officer = (
        Agency.objects.get(identifier="000.00.02.H56")
        .role_assignments.get(role="COUNTER_OFFICER", user__username="tn.an")
        .user
    )
    code = last.procedure_version.procedure.code
    assert code in set(procedure)
    dossier = receive_at_counter(
        IntakeRequest(
            procedure_code=code,
            receiving_agency="000.00.02.H56",
            applicant=ApplicantData(name="Lê Văn Nam", id_number="038090123456"),
            case_id=last.case_id,
            handling_agency=last.handling_agency.identifier,
        ),
        officer,
        at=at,
    )
    assert dossier.code == f"{day_key}-{top + 1:04d}"


def test_generated_dossiers_carry_the_flags_of_their_pauses_and_apologies(generated):
    from motcua.dossiers.models import Apology, DossierPause

    paused = set(DossierPause.objects.values_list("dossier_id", flat=True))
    apologised = set(Apology.objects.values_list("dossier_id", flat=True))
    assert paused  # (apologies are rare: a few per 10,000, maybe none here)
    assert set(Dossier.objects.filter(has_pauses=True).values_list("id", flat=True)) == paused
    assert set(Dossier.objects.filter(has_apologies=True).values_list("id", flat=True)) == apologised


def test_every_generated_applicant_passes_the_people_rules_as_stored(generated):
    """The generator writes its applicants without intake: each must be one intake would accept, already in its
    stored (normalised) form — a valid ID number agreeing with the birth date, a Vietnamese phone, an NFC name."""
    from motcua.dossiers.models import Applicant

    applicants = list(Applicant.objects.all())
    assert applicants
    for applicant in applicants:
        before = (
            applicant.name,
            applicant.id_number,
            applicant.phone,
            applicant.address,
            applicant.birth_date,
        )
        applicant.full_clean()
        assert (
            applicant.name,
            applicant.id_number,
            applicant.phone,
            applicant.address,
            applicant.birth_date,
        ) == (before)
