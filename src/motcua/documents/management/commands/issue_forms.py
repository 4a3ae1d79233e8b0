"""``motcua issue_forms [CODE …]``: issue the forms that the process log names and that are missing (dossiers older
than the documents app, or an issuance that failed after its transition). Idempotent."""

from django.core.management.base import BaseCommand

from motcua.documents.services import issuance, templates
from motcua.dossiers.lifecycle import BY_ACTION
from motcua.dossiers.models import Dossier, ProcessLogEntry


class Command(BaseCommand):
    help = "Lập các giấy tờ còn thiếu theo quá trình xử lý hồ sơ."

    def add_arguments(self, parser):
        parser.add_argument("codes", nargs="*", help="mã hồ sơ (mặc định: mọi hồ sơ)")

    def handle(self, codes, **options):
        templates.load_defaults()
        actions = [t.action for t in BY_ACTION.values() if t.form]
        ids = ProcessLogEntry.objects.filter(action__in=actions).values("dossier_id")
        dossiers = Dossier.objects.filter(pk__in=ids)
        if codes:
            dossiers = dossiers.filter(code__in=codes)
        created = 0
        for dossier in dossiers.iterator():
            created += len(issuance.issue_missing(dossier))
        self.stdout.write(f"Đã lập {created} giấy tờ.")
