from django.contrib import admin

from motcua.core.admin import ReadOnlyAdmin
from motcua.payments.models import Payment, PaymentEvent


class EventInline(admin.TabularInline):
    model = PaymentEvent
    extra = 0
    can_delete = False
    fields = ("received_at", "source", "verified", "result", "payload")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin, admin.ModelAdmin):
    """Read-only: payments are written by the payment service only."""

    list_display = ("order_id", "dossier", "amount", "gateway", "status", "refund_required", "created_at")
    list_filter = ("status", "refund_required", "gateway")
    search_fields = ("order_id", "transaction_id", "receipt_number", "dossier__code", "dossier__reference")
    raw_id_fields = ("dossier", "account")
    inlines = [EventInline]
