"""The sender of a PAKN item is told when it is published, refused or needs more information — by e-mail and SMS
to the contacts they gave, with the code, the new status and the tracking link only."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from motcua.feedback.services.intake import submit
from motcua.messaging.models import Delivery
from tests.builders.feedback import answer_and_publish, request_for
from tests.builders.messaging import texts_to

pytestmark = pytest.mark.django_db


def test_publication_is_told_by_email_and_sms(staff, django_capture_on_commit_callbacks):
    start = timezone.now() - dt.timedelta(hours=5)
    with django_capture_on_commit_callbacks(execute=True):
        feedback = submit(request_for(), at=start)
        answer_and_publish(feedback, staff, start)
    [letter] = mail.outbox
    assert letter.subject == f"Phản ánh, kiến nghị {feedback.code}: Đã công khai"
    assert "/phan-anh-kien-nghi/tra-cuu/" in letter.body and "Trần Thị Bình" not in letter.body
    [sms] = texts_to("0912345678")
    assert sms.startswith(f"PAKN {feedback.code}: Đã công khai.")
    assert set(Delivery.objects.values_list("feedback_code", "event", "status")) == {
        (feedback.code, "feedback", "sent")
    }
