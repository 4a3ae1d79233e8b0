"""gunicorn settings for ``make run`` and production: the GUNICORN_* variables, declared in settings.py."""

from motcua import settings

bind = settings.GUNICORN_BIND
workers = settings.GUNICORN_WORKERS
threads = settings.GUNICORN_THREADS
timeout = settings.GUNICORN_TIMEOUT
accesslog = settings.GUNICORN_ACCESSLOG
wsgi_app = "motcua.wsgi:application"
