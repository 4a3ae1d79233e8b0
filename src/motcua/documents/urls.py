"""Routes of the printed forms and the Sổ theo dõi hồ sơ, included under /mot-cua/ (see ``views``); and the public
downloads (``public_urlpatterns``, included at the site's root under the namespace ``documents_public``: see
``views_public``)."""

from django.urls import path

from motcua.documents import views, views_public

app_name = "documents"

urlpatterns = [
    path("giay-to/<int:pk>/pdf/", views.form_file, {"fmt": "pdf"}, name="form-pdf"),
    path("giay-to/<int:pk>/docx/", views.form_file, {"fmt": "docx"}, name="form-docx"),
    path("ho-so/<str:code>/giay-tiep-nhan.pdf", views.receipt_file, {"fmt": "pdf"}, name="receipt-pdf"),
    path("ho-so/<str:code>/giay-tiep-nhan.docx", views.receipt_file, {"fmt": "docx"}, name="receipt-docx"),
    path("ho-so/<str:code>/phieu-kiem-soat.pdf", views.control_file, {"fmt": "pdf"}, name="control-pdf"),
    path("ho-so/<str:code>/phieu-kiem-soat.docx", views.control_file, {"fmt": "docx"}, name="control-docx"),
    path("so-theo-doi/", views.book_page, name="book"),
    path("so-theo-doi/xlsx/", views.book_xlsx, name="book-xlsx"),
]

public_urlpatterns = [
    path(
        "thu-tuc/<str:code>/quy-trinh/<int:pk>.pdf",
        views_public.process_file,
        {"fmt": "pdf"},
        name="process-pdf",
    ),
    path(
        "thu-tuc/<str:code>/quy-trinh/<int:pk>.docx",
        views_public.process_file,
        {"fmt": "docx"},
        name="process-docx",
    ),
]
