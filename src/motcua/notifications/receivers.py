"""Officers are told at every hand-over (a job after the transition's commit; idempotent by the notification key).

When a dossier lands on a person or on a unit's queue — transferred to the competent agency, assigned, forwarded,
signed (the clerk issues the result next), sent back, sent to a liên thông partner or returned by it, its
supplement sent or received, its result issued (the counter returns it) — the officers who must act next (``handover.who_must_act``) get an in-app
notification, written in one INSERT for the whole transaction, and those who chose it an e-mail
(``emails.send_handover_email``, one job each on the ``messages`` queue). Never nothing: when nobody holds the
needed role, the unit's leaders are told, else the province's TTHC controllers and administrators.

Who must act is read from the dossier as it is when the job runs (a job late behind a newer hand-over names the
people of the newer one, who are also told by its own job).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from motcua.core import jobs
from motcua.dossiers.choices import WorkQueue
from motcua.dossiers.models import Dossier, ProcessLogEntry
from motcua.dossiers.signals import dossiers_transitioned
from motcua.notifications.emails import send_handover_email
from motcua.notifications.handover import MustAct, Reason, next_rows, who_must_act
from motcua.notifications.models import Notification
from motcua.notifications.services import LeaderDirectory
from motcua.org.tree import AgencyTree

Kind = Notification.Kind

# The hand-over actions of the transition table and the kind of notification each gives.
HANDOVERS = {
    "transfer": Kind.TRANSFERRED,
    "assign": Kind.ASSIGNED,
    "forward": Kind.FORWARDED,
    "approve": Kind.SIGNED,
    "finish": Kind.RESULT_READY,
    "send_back": Kind.SENT_BACK,
    "consult_partner": Kind.PARTNER_REQUEST,
    "return_from_partner": Kind.RETURNED_FROM_PARTNER,
    "submit_supplement": Kind.SUPPLEMENT_RECEIVED,
    "receive_supplement": Kind.SUPPLEMENT_RECEIVED,
}


@dossiers_transitioned.receiver
def on_transitions(events):
    handovers = [event for event in events if event.action in HANDOVERS]
    if handovers:
        tell_who_must_act(handovers)


def tell_who_must_act(events) -> int:
    """Notify the officers who must act after each hand-over of ``events`` (one transaction: one INSERT of the
    notifications, one of the e-mail jobs). Returns how many notifications were offered (a repeat creates none)."""
    dossiers = Dossier.objects.select_related("current_step", "current_agency", "procedure_version").in_bulk(
        {event.dossier_id for event in events}
    )
    moments = dict(
        ProcessLogEntry.objects.filter(pk__in=[event.entry_id for event in events]).values_list("pk", "at")
    )
    tree = AgencyTree.load()
    directories: dict = {}
    rows: list[Notification] = []
    for event in events:
        dossier = dossiers.get(event.dossier_id)
        if dossier is None:
            continue
        on = timezone.localdate(moments.get(event.entry_id) or timezone.now())
        if on not in directories:
            directories[on] = LeaderDirectory(on)
        must = who_must_act(dossier, on, tree=tree, leaders=directories[on])
        kind = HANDOVERS[event.action]
        if event.action == "forward" and dossier.current_step_id is None:
            kind = Kind.SIGNATURE_NEEDED
        message = describe(event.action, kind, dossier, must)
        key = f"{kind}:{dossier.pk}:{event.entry_id}"
        rows += [
            Notification(user_id=uid, kind=kind, message=message[:500], dossier_id=dossier.pk, key=key)
            for uid in sorted(must.user_ids - {event.actor_id})
        ]
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)
        to_email = Notification.objects.filter(
            key__in={row.key for row in rows},
            emailed_at__isnull=True,
            user__is_active=True,
            user__notification_preference__email_on_handover=True,
        ).exclude(user__email="")
        jobs.enqueue_many([(send_handover_email, (pk,), {}) for pk in to_email.values_list("pk", flat=True)])
    return len(rows)


def describe(action: str, kind: str, dossier: Dossier, must: MustAct) -> str:
    """The Vietnamese message: what happened to the dossier, then what the reader must do."""
    code = dossier.code
    step = dossier.current_step if dossier.current_step_id else None
    step_name = f"“{step.name}”" if step is not None else ""
    unit = dossier.current_agency.name if dossier.current_agency_id else ""
    happened = {
        Kind.TRANSFERRED: f"Hồ sơ {code} đã được chuyển đến {unit} để giải quyết.",
        Kind.ASSIGNED: f"Bạn được phân công xử lý hồ sơ {code}.",
        Kind.FORWARDED: f"Hồ sơ {code} đã được chuyển đến bước {step_name}.",
        Kind.SIGNATURE_NEEDED: f"Hồ sơ {code} đã hoàn thành các bước xử lý, chờ lãnh đạo ký duyệt.",
        Kind.SIGNED: f"Kết quả hồ sơ {code} đã được ký duyệt, chuyển đến bước {step_name}.",
        Kind.RESULT_READY: f"Hồ sơ {code} đã có kết quả, chờ trả cho người nộp.",
        Kind.SENT_BACK: f"Hồ sơ {code} bị trả lại bước {step_name} để xử lý lại.",
        Kind.PARTNER_REQUEST: f"Hồ sơ {code} được chuyển đến {unit} để phối hợp giải quyết liên thông.",
        Kind.RETURNED_FROM_PARTNER: f"Cơ quan phối hợp đã trả kết quả liên thông của hồ sơ {code}.",
    }.get(kind)
    if kind == Kind.SUPPLEMENT_RECEIVED:
        happened = (
            f"Công dân đã gửi hồ sơ bổ sung trực tuyến cho hồ sơ {code}."
            if action == "submit_supplement"
            else f"Công dân đã bổ sung hồ sơ {code}; hồ sơ tiếp tục được xử lý."
        )
    return f"{happened} {to_do(dossier, must, step_name, unit)}"


def to_do(dossier: Dossier, must: MustAct, step_name: str, unit: str) -> str:
    if must.why == Reason.HANDLER:
        return f"Bạn là người xử lý bước {step_name}." if step_name else "Bạn là người xử lý."
    if must.why in (Reason.LEADERS, Reason.CONTROLLERS):
        return f"Chưa có cán bộ nào có vai trò xử lý tại {unit}: đề nghị phân công người xử lý."
    if step_name and dossier.current_step.finished_at is None and not _waits_elsewhere(dossier):
        return {
            WorkQueue.ASSIGN: f"Cần phân công người xử lý bước {step_name}.",
            WorkQueue.SIGN: f"Cần ký duyệt kết quả ở bước {step_name}.",
            WorkQueue.ISSUE: f"Cần vào số, phát hành kết quả ở bước {step_name}.",
        }.get(dossier.current_step.queue, f"Cần xử lý bước {step_name}.")
    labels = [str(row.label) for row in next_rows(dossier) if row.target is not None]
    return f"Việc cần làm: {'; '.join(labels)}." if labels else ""


def _waits_elsewhere(dossier: Dossier) -> bool:
    """The next work is not on the open step (the counter must receive the supplement first)."""
    return not any(row.scope == "current" for row in next_rows(dossier))
