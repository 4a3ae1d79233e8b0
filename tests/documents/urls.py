"""The project's routes, with the documents routes under /mot-cua/ if the project does not include them yet."""

from django.urls import include, path

from motcua.urls import urlpatterns as project

included = any(getattr(p, "namespace", None) == "documents" for p in project)
urlpatterns = list(project) if included else [path("mot-cua/", include("motcua.documents.urls")), *project]
