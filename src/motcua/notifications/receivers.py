"""Notifications that follow a dossier transition (a job after its commit; idempotent by the notification key)."""

from motcua.dossiers.models import Dossier
from motcua.dossiers.signals import dossiers_transitioned
from motcua.notifications.models import Notification
from motcua.notifications.services import notify

NOTIFIED = {"assign", "forward", "receive_supplement", "return_from_partner"}


@dossiers_transitioned.receiver
def on_transitions(events):
    for event in events:
        if event.action in NOTIFIED:
            notify_handler(event.dossier_id, event.action, event.entry_id)


def notify_handler(dossier_id: int, action: str, entry_id: int) -> None:
    """Tell the dossier's current handler what ``action`` (logged as ``entry_id``) brought to them."""
    dossier = Dossier.objects.filter(pk=dossier_id).values("code", "current_handler_id").first()
    if not dossier or dossier["current_handler_id"] is None:
        return
    code, handler = dossier["code"], dossier["current_handler_id"]
    kind, message = {
        "assign": (Notification.Kind.ASSIGNED, f"Bạn được phân công xử lý hồ sơ {code}."),
        "forward": (Notification.Kind.ASSIGNED, f"Hồ sơ {code} được chuyển đến bạn ở bước tiếp theo."),
        "receive_supplement": (
            Notification.Kind.SUPPLEMENT_RECEIVED,
            f"Công dân đã bổ sung hồ sơ {code}; hồ sơ tiếp tục được xử lý.",
        ),
        "return_from_partner": (
            Notification.Kind.RETURNED_FROM_PARTNER,
            f"Cơ quan phối hợp đã trả kết quả liên thông của hồ sơ {code}.",
        ),
    }[action]
    notify([handler], kind, message, dossier_id=dossier_id, key=f"{kind}:{dossier_id}:{entry_id}")
