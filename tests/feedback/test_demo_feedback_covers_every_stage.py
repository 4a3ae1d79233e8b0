"""The demo feedback: loaded after the demo province, once, every stage present, published ones public."""

import pytest
from django.core.management import call_command

from motcua.demo.feedback import seed_feedback
from motcua.feedback.models import Feedback

pytestmark = pytest.mark.django_db


def test_demo_feedback(client):
    call_command("seed_demo", verbosity=0)  # seed_demo adds the demo feedback
    assert Feedback.objects.count() == 8
    assert seed_feedback() == 0  # never twice
    statuses = set(Feedback.objects.values_list("status", flat=True))
    assert statuses == {"tiep_nhan", "cho_bo_sung", "dang_xu_ly", "cho_duyet", "da_cong_khai", "chuyen_huong"}
    assert client.get("/phan-anh-kien-nghi/").content.decode().count('href="/phan-anh-kien-nghi/PAKN-') == 3
