"""The gateway may deliver the same notification several times at once (its retries, plus the browser return): the
row lock on the payment makes exactly one of them record ``pay_online``. PostgreSQL only (SQLite serialises every
writer anyway)."""

import threading

import pytest
from django.db import connection, connections

from motcua.payments.choices import EventSource, PaymentStatus
from motcua.payments.services import payments as service
from tests.builders.payments import begin, fresh, message

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers (PostgreSQL)"),
]


def test_simultaneous_callbacks_record_once(dossier, lan):
    payment = begin(dossier, lan)
    signed = message(payment)
    barrier = threading.Barrier(4)
    results = []

    def deliver(source):
        try:
            barrier.wait()
            results.append(service.handle("sandbox", signed, source).ok)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=deliver, args=(s,))
        for s in (EventSource.CALLBACK, EventSource.CALLBACK, EventSource.RETURN, EventSource.CALLBACK)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [True] * 4
    assert fresh(payment).status == PaymentStatus.SUCCEEDED
    stored = fresh(dossier)
    assert stored.paid_online_amount == 10000 and stored.log.filter(action="pay_online").count() == 1
    assert payment.events.filter(result__startswith="already").count() == 3
