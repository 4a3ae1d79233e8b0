from django import template

register = template.Library()


@register.filter
def vietnamese_name(user) -> str:
    """A person's name in Vietnamese order — family name first (“Nguyễn Thu Hà”), not Django's given-name-first."""
    name = " ".join(part for part in (user.last_name, user.first_name) if part).strip()
    return name or user.get_username()
