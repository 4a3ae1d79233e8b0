"""Admin screens whose access follows one registered action (org.permissions), not Django's model permissions."""

from motcua.org.permissions import agencies_where


def may_use_admin_for(request, action_code: str) -> bool:
    """Staff members who may do ``action_code`` in at least one unit today (or superusers)."""
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or bool(agencies_where(user, action_code))


class ActionGatedAdmin:
    """Mixin for ModelAdmin and inlines: every permission is ``may_use_admin_for(request, required_action)``.
    Subclasses narrow change/delete further (e.g. only drafts) by overriding ``may_edit``."""

    required_action: str = ""

    def may_edit(self, request, obj=None) -> bool:
        return True

    def has_module_permission(self, request):
        return may_use_admin_for(request, self.required_action)

    def has_view_permission(self, request, obj=None):
        return may_use_admin_for(request, self.required_action)

    def has_add_permission(self, request, obj=None):
        return may_use_admin_for(request, self.required_action)

    def has_change_permission(self, request, obj=None):
        return may_use_admin_for(request, self.required_action) and self.may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return may_use_admin_for(request, self.required_action) and self.may_edit(request, obj)
