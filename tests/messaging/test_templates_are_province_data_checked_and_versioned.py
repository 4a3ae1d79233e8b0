"""Every event × channel has a default template in Vietnamese; a province edits them in the admin: an unknown
``{variable}`` is a form error naming the allowed ones, a change is a new version (the old one kept, with its last
day), and a message uses the version valid on the day of its event."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from motcua.messaging.choices import VARIABLES, Channel, Event
from motcua.messaging.models import MessageTemplate, TemplateLocked
from motcua.messaging.services import templates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def defaults():
    """The defaults as the migration writes them (``load_defaults``, which also refills a database a transactional
    test flushed before this one)."""
    templates.load_defaults()


def test_every_event_and_channel_has_a_valid_default():
    rows = MessageTemplate.objects.filter(version=1)
    assert {(t.event, t.channel) for t in rows} == {(e, c) for e in Event.values for c in Channel.values}
    for template in rows:
        template.full_clean()
        if template.channel == Channel.SMS:
            assert len(templates.fill(template.body, {n: "x" * 8 for n in VARIABLES[template.event]})) < 160


def test_an_unknown_variable_is_a_form_error_in_the_admin(admin_client):
    template = MessageTemplate.objects.get(event="received", channel="sms", version=1)
    url = f"/admin/messaging/messagetemplate/{template.pk}/change/"
    response = admin_client.post(
        url, {"body": "Hồ sơ {ma_ho_so} của {ho_ten}", "valid_from": "01/01/2027", "note": "thử"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Biến không có cho sự kiện này: {ho_ten}" in page
    assert "{ngay_hen_tra}" in page  # the allowed ones are named
    assert MessageTemplate.objects.filter(event="received", channel="sms").count() == 1


def test_a_change_is_a_new_version_and_the_old_one_is_kept(admin_client):
    template = MessageTemplate.objects.get(event="received", channel="sms", version=1)
    url = f"/admin/messaging/messagetemplate/{template.pk}/change/"
    response = admin_client.post(
        url,
        {"body": "Đã nhận hồ sơ {ma_ho_so}. {link_tra_cuu}", "valid_from": "01/01/2027", "note": "ngắn hơn"},
    )
    assert response.status_code == 302
    old, new = MessageTemplate.objects.filter(event="received", channel="sms").order_by("version")
    assert (old.valid_to, new.version, new.valid_from) == (dt.date(2026, 12, 31), 2, dt.date(2027, 1, 1))
    assert templates.template_for("received", "sms", dt.date(2026, 12, 31)) == old
    assert templates.template_for("received", "sms", dt.date(2027, 1, 1)) == new
    with pytest.raises(TemplateLocked):
        old.save()


def test_zalo_templates_are_an_id_and_parameters():
    template = MessageTemplate.objects.get(event="supplement", channel="zalo", version=1)
    _subject, _text, parameters = templates.render(template, {"ma_ho_so": "H56-1", "noi_dung": "CT01"})
    assert template.zalo_template_id == "motcua_bo_sung"
    assert parameters["ma_ho_so"] == "H56-1" and parameters["noi_dung"] == "CT01"
    wrong = MessageTemplate(
        event="supplement",
        channel="zalo",
        body="ma ho so {ma_ho_so}",
        version=9,
        valid_from=dt.date(2027, 1, 1),
    )
    with pytest.raises(ValidationError) as refused:
        wrong.full_clean()
    assert set(refused.value.message_dict) == {"body", "zalo_template_id"}
