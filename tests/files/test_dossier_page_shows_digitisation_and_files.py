"""The workspace's dossier page shows, per component, its digitisation state and its file, and the electronic result
with the applicant's link — links only; the files themselves are behind ``files:download``. It offers "Số hóa" to
the receiving unit's digitisers and counter officers, and "Đính kèm kết quả điện tử" to the competent agency's
processing staff once the dossier is finished, and its query count stays fixed however many files there are."""

import re

import pytest
from django.conf import settings
from django.utils import timezone

from motcua.dossiers.models import DossierComponent, DossierResult
from motcua.dossiers.services import queues
from motcua.dossiers.services.transitions import apply
from motcua.files.services import attach_result_file, digitise_component, reuse_component
from tests.builders.dossiers import FINISH_INPUTS, receive
from tests.builders.files import PDF, upload

pytestmark = pytest.mark.django_db

# tests/workspace/test_dossier_page_shows_the_dossier_to_its_units.py: session, user, role assignments, agency tree;
# the dossier and its collections (four: no pause or apology to read); the process log; unread notifications
PAGE_QUERIES = 4 + 4 + 1 + 1


def files_read_apart(dossier) -> int:
    """1 while ``queues.load`` does not join the files of the components and of the result (the files panel then
    reads them in one query), 0 once it does."""
    loaded = queues.load(dossier.pk)
    holders = [c for c in loaded.components.all() if c.file_id]
    if getattr(loaded, "result_out", None) is not None and loaded.result_out.file_id:
        holders.append(loaded.result_out)
    return int(any(not type(h).file.is_cached(h) for h in holders))


def page(client, dossier):
    response = client.get(f"/mot-cua/ho-so/{dossier.code}/")
    assert response.status_code == 200
    return response.content.decode()


def test_each_component_shows_its_state_and_file(officers, procedure, digitiser, signed_in):
    earlier = receive(officers, "2026-03-02 09:00")
    source = digitise_component(
        earlier.components.order_by("id").first(), upload("CT01 cũ.pdf", PDF), digitiser
    )
    dossier = receive(officers)
    first, second = dossier.components.order_by("id")
    reuse_component(first, source, digitiser)
    html = page(signed_in(officers["counter"]), dossier)
    assert "Số hóa và tệp" in html and "Đã số hóa 1/2 thành phần." in html
    assert "Tái sử dụng từ thành phần hồ sơ" in html and "Chưa số hóa" in html
    assert f'<a class="files-link" href="/mot-cua/tep/{source.file_id}/">CT01 cũ.pdf</a>' in html
    assert f'href="/mot-cua/so-hoa/{dossier.code}/"' in html  # the counter officer may digitise
    assert signed_in(officers["counter"]).get(f"/mot-cua/tep/{source.file_id}/").status_code == 200


def test_the_digitise_link_is_for_the_receiving_units_officers_only(officers, procedure, signed_in):
    dossier = receive(officers)
    assert "/mot-cua/so-hoa/" not in page(signed_in(officers["specialist"]), dossier)
    assert "/mot-cua/so-hoa/" in page(signed_in(officers["counter"]), dossier)


def test_a_finished_dossier_offers_the_result_attachment_then_shows_the_applicants_link(
    officers, procedure, signed_in
):
    dossier = receive(officers)
    apply(dossier, "transfer", officers["counter"])
    apply(
        dossier,
        "finish",
        officers["lead"],
        inputs={**FINISH_INPUTS, "result_signed_on": timezone.localdate()},
    )
    dossier.refresh_from_db()
    assert f'href="/mot-cua/ket-qua-dien-tu/{dossier.code}/"' in page(signed_in(officers["clerk"]), dossier)
    assert "/mot-cua/ket-qua-dien-tu/" not in page(signed_in(officers["counter"]), dossier)
    attach_result_file(dossier, upload("ket-qua.pdf", PDF), officers["clerk"], result_code="KQ.15")
    html = page(signed_in(officers["counter"]), dossier)
    result = DossierResult.objects.get(dossier=dossier)
    assert f'href="/mot-cua/tep/{result.file_id}/">ket-qua.pdf</a>' in html and "KQ.15" in html
    # the link is handed to the applicant: built from the public address, not from the officer's Host header
    public = settings.MOTCUA_PUBLIC_URL
    link = re.search(
        rf'id="dossier-result-link" type="text" value="({re.escape(public)}/ket-qua/[^"]+/)"', html
    )
    assert link and "hiệu lực 30 ngày" in html
    assert signed_in(officers["counter"]).logout() is None
    from django.test import Client

    assert Client().get(link.group(1).removeprefix(public)).status_code == 200


def test_the_page_costs_the_same_queries_however_many_files(officers, procedure, digitiser, signed_in):
    """The page's own count is asserted by the workspace tests (it grows with other panels, e.g. the issued
    forms); here: files add no query per component (none once ``queues.load`` joins them)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plain = receive(officers)
    scanned = receive(officers)
    for component in DossierComponent.objects.filter(dossier=scanned):
        digitise_component(component, upload(f"ban-quet-{component.pk}.pdf", PDF), digitiser)
    client = signed_in(officers["counter"])
    client.get(
        f"/mot-cua/ho-so/{plain.code}/"
    )  # calendars and working hours are kept per process after first use
    with CaptureQueriesContext(connection) as without_files:
        assert "Đã số hóa 0/2" in page(client, plain)
    with CaptureQueriesContext(connection) as with_files:
        assert "Đã số hóa 2/2" in page(client, scanned)
    assert len(without_files) >= PAGE_QUERIES
    assert len(with_files) == len(without_files) + files_read_apart(scanned)
