"""The authentication backend: Django's model backend, reading the user together with its citizen account (one
query, as before), so that every page knows whether the signed-in person is a citizen or an officer
(``user.citizen``) without asking the database again."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class AccountBackend(ModelBackend):
    def get_user(self, user_id):
        User = get_user_model()
        try:
            user = User._default_manager.select_related("citizen").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
