from motcua.payments.models.event import PaymentEvent
from motcua.payments.models.payment import Payment

__all__ = ["Payment", "PaymentEvent"]
