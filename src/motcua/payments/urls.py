from django.urls import path

from motcua.payments import views

app_name = "payments"

urlpatterns = [
    path("thanh-toan/ho-so/<str:ident>/", views.dossier_payments, name="dossier"),
    path("thanh-toan/callback/<slug:gateway>/", views.callback, name="callback"),
    path("thanh-toan/ket-qua/<slug:gateway>/", views.return_page, name="return"),
    path("thanh-toan/bien-lai/<str:order>.pdf", views.receipt_pdf, name="receipt"),
    path("thanh-toan/sandbox/<str:order>/", views.sandbox_bank, name="sandbox"),
]
