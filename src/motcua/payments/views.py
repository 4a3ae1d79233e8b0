"""The citizen's payment pages (``/thanh-toan/``), the gateways' callback and return, and the sandbox bank.

- ``ho-so/<mã hồ sơ hoặc mã tham chiếu>/`` (``payments:dossier``): what the dossier owes, the pay button, the
  history with statuses and receipts. Only the account that submitted the dossier; 404 for anyone else.
- ``callback/<gateway>/`` (``payments:callback``): the server-to-server notification; 200 ``{"RspCode": "00"}``
  when handled (a replay too), 400 with the reason when refused (bad signature, unknown order, other amount).
- ``ket-qua/<gateway>/`` (``payments:return``): where the gateway sends the browser back; the query string is
  verified like a callback, never trusted as is.
- ``bien-lai/<order>.pdf`` (``payments:receipt``): the e-receipt, the payer only.
- ``sandbox/<order>/`` (``payments:sandbox``): the built-in test bank, only when its gateway is configured.
"""

from __future__ import annotations

import secrets

from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from motcua.accounts.access import citizen_required
from motcua.core.links import public_url
from motcua.dossiers.lifecycle import OPEN_STATES
from motcua.dossiers.models import Dossier
from motcua.payments import gateways
from motcua.payments.choices import EventSource, PaymentStatus
from motcua.payments.gateways.sandbox import SandboxGateway
from motcua.payments.models import Payment
from motcua.payments.services import fees, receipt
from motcua.payments.services import payments as service


def _own_dossier(request, ident: str) -> Dossier:
    dossier = (
        Dossier.objects.filter(Q(code=ident) | Q(reference=ident), account_id=request.user.pk)
        .select_related("procedure_version__procedure", "receiving_agency")
        .first()
    )
    if dossier is None:
        raise Http404
    return dossier


@never_cache
@citizen_required
@require_http_methods(["GET", "POST"])
def dossier_payments(request, ident: str):
    dossier = _own_dossier(request, ident)
    error = ""
    if request.method == "POST":
        code = request.POST.get("gateway", "")
        try:
            started = service.start(
                dossier,
                request.user,
                code,
                return_url=public_url(reverse("payments:return", args=[code or "-"])),
                callback_url=public_url(reverse("payments:callback", args=[code or "-"])),
            )
        except service.PaymentError as exc:
            error = exc.message
        else:
            return redirect(started.redirect_url)
    else:
        service.expire_stale(dossier=dossier)
    history = service.history(dossier)
    owed = fees.owed(dossier, history)
    pending = next((p for p in history if p.status == PaymentStatus.PENDING), None)
    context = {
        "dossier": dossier,
        "ident": dossier.code or dossier.reference,
        "owed": owed,
        "due_text": fees.amount_text(owed.due),
        "paid_text": fees.amount_text(owed.paid),
        "history": history,
        "pending": pending,
        "open": dossier.status in OPEN_STATES,
        "gateways": gateways.all_gateways(),
        "error": error,
    }
    return render(request, "payments/dossier.html", context, status=400 if error else 200)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def callback(request, gateway: str):
    if gateways.get(gateway) is None:
        raise Http404
    params = request.POST if request.method == "POST" else request.GET
    handled = service.handle(gateway, params.dict(), EventSource.CALLBACK)
    if not handled.ok:
        return JsonResponse({"RspCode": "97", "Message": handled.message}, status=400)
    return JsonResponse({"RspCode": "00", "Message": "OK"})


@never_cache
@citizen_required
def return_page(request, gateway: str):
    if gateways.get(gateway) is None:
        raise Http404
    handled = service.handle(gateway, request.GET.dict(), EventSource.RETURN)
    if not handled.ok:  # unsigned, forged, unknown order or another amount: nothing changed
        return render(request, "payments/return_invalid.html", status=400)
    payment = handled.payment
    if payment.account_id != request.user.pk:
        raise Http404
    dossier = payment.dossier
    return render(
        request,
        "payments/return.html",
        {
            "payment": payment,
            "ident": dossier.code or dossier.reference,
            "amount_text": fees.amount_text(payment.amount),
        },
    )


@citizen_required
def receipt_pdf(request, order: str):
    payment = (
        Payment.objects.filter(order_id=order, account_id=request.user.pk, status=PaymentStatus.SUCCEEDED)
        .select_related("account__citizen", "dossier__applicant")
        .first()
    )
    if payment is None:
        raise Http404
    response = HttpResponse(receipt.render(payment), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="bien-lai-{payment.receipt_number}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- the sandbox bank ---------------------------------------------------------------------------------------------

ACTIONS = {"success": "succeeded", "failure": "failed", "cancel": "cancelled"}


def _sandbox() -> SandboxGateway:
    gateway = gateways.get(SandboxGateway.code)
    if not isinstance(gateway, SandboxGateway):
        raise Http404
    return gateway


@never_cache
@require_http_methods(["GET", "POST"])
def sandbox_bank(request, order: str):
    gateway = _sandbox()
    payment = Payment.objects.filter(order_id=order, gateway=gateway.code).select_related("dossier").first()
    if payment is None:
        raise Http404
    ident = payment.items.get("dossier") or payment.dossier.reference
    back = reverse("payments:dossier", args=[payment.dossier.code or payment.dossier.reference])
    context = {
        "payment": payment,
        "ident": ident,
        "amount_text": fees.amount_text(payment.amount),
        "back": back,
    }
    if request.method == "POST" and payment.is_pending:
        action = request.POST.get("action", "")
        if action == "timeout":
            return render(request, "payments/sandbox_timeout.html", context)
        if action not in ACTIONS:
            context["error"] = True
            return render(request, "payments/sandbox.html", context, status=400)
        transaction_id = "SB" + secrets.token_hex(5).upper() if action == "success" else ""
        message = gateway.message(payment.order_id, payment.amount, ACTIONS[action], transaction_id)
        # the bank's server-to-server notification (IPN), delivered in-process: the same signed fields that
        # POST /thanh-toan/callback/sandbox/ accepts (a single-worker server cannot call itself over HTTP)
        service.handle(gateway.code, message, EventSource.CALLBACK)
        target = reverse("payments:return", args=[gateway.code])
        return redirect(f"{target}?{gateway.return_query(message)}")
    return render(request, "payments/sandbox.html", context)
