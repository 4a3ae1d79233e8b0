"""A second gateway for the tests, added by its dotted path like a province's PayGov or VNPay would be: it signs
like the sandbox and answers status queries from ``SETTLED``."""

from motcua.payments.gateways.base import GatewayOutcome
from motcua.payments.gateways.sandbox import SandboxGateway

SETTLED: dict[str, GatewayOutcome] = {}


class FakeBank(SandboxGateway):
    code = "fakebank"
    label = "Ngân hàng giả lập"

    def start(self, request):
        return f"https://fakebank.example/pay?order={request.order_id}"

    def query(self, order_id):
        return SETTLED.get(order_id)
