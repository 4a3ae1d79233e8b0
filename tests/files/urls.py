"""The site's URLs with the files app's included, as long as ``motcua.urls`` does not include them itself yet."""

from django.urls import include, path

from motcua import urls as project

if any(getattr(p, "namespace", None) == "files" for p in project.urlpatterns):
    urlpatterns = project.urlpatterns
else:
    urlpatterns = [path("", include("motcua.files.urls")), *project.urlpatterns]
