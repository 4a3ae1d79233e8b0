from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = _("Dùng chung")

    def ready(self):
        from django.core.validators import ProhibitNullCharactersValidator

        # Every form's text field refuses NUL bytes with this message; Django's Vietnamese catalogue leaves it in
        # English ("Null characters are not allowed.").
        ProhibitNullCharactersValidator.message = _(
            "Có ký tự rỗng (mã U+0000) trong ô này: hãy gõ lại, không dán từ nơi khác."
        )
