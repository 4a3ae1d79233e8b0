"""Signing in stamps the session for the idle timeout (``motcua.accounts.middleware``)."""

from django.contrib.auth.signals import user_logged_in

from motcua.accounts.middleware import stamp_sign_in

user_logged_in.connect(stamp_sign_in, dispatch_uid="motcua.accounts.idle_stamp")
