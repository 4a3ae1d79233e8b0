from django.urls import path

from motcua.catalog import views, views_controller

app_name = "catalog"

urlpatterns = [
    path("thu-tuc/", views.procedure_list, name="procedure-list"),
    path("thu-tuc/<str:code>/", views.procedure_detail, name="procedure-detail"),
    path("kiem-soat-tthc/", views_controller.procedure_queue, name="controller-queue"),
    path(
        "kiem-soat-tthc/nhap-quy-trinh/",
        views_controller.import_processes,
        name="controller-import-processes",
    ),
    path(
        "kiem-soat-tthc/quy-trinh-mau.xlsx",
        views_controller.process_sample,
        name="controller-process-sample",
    ),
    path("kiem-soat-tthc/<str:code>/", views_controller.procedure_page, name="controller-procedure"),
    path("kiem-soat-tthc/<str:code>/du-thao/", views_controller.create_draft, name="controller-new-draft"),
    path(
        "kiem-soat-tthc/<str:code>/cong-bo/<int:number>/",
        views_controller.publish_version,
        name="controller-publish",
    ),
    path(
        "kiem-soat-tthc/<str:code>/quy-trinh/du-thao/",
        views_controller.create_process_draft,
        name="controller-new-process",
    ),
    path(
        "kiem-soat-tthc/<str:code>/quy-trinh/<int:pk>/",
        views_controller.process_page,
        name="controller-process",
    ),
    path(
        "kiem-soat-tthc/<str:code>/quy-trinh/<int:pk>/cac-buoc/",
        views_controller.save_process_steps,
        name="controller-process-steps",
    ),
    path(
        "kiem-soat-tthc/<str:code>/quy-trinh/<int:pk>/phe-duyet/",
        views_controller.publish_process,
        name="controller-process-publish",
    ),
    path("kiem-soat-tthc/<str:code>/giao/", views_controller.add_assignment, name="controller-assign"),
    path(
        "kiem-soat-tthc/<str:code>/giao/<int:pk>/ket-thuc/",
        views_controller.end_assignment,
        name="controller-end-assignment",
    ),
]
