"""Routes of the printed forms and the Sổ theo dõi hồ sơ; included under /mot-cua/ (see ``views``)."""

from django.urls import path

from motcua.documents import views

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
