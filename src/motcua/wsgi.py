import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.settings")
application = get_wsgi_application()

from motcua.core import logkeys  # noqa: E402  (after Django is set up)

logkeys.require()  # no process-log key in production: refuse to start rather than write unverifiable MACs
