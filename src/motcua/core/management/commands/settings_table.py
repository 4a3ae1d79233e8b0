"""``motcua settings_table``: the README's configuration table, from the declarations in settings.py.

Prints it (Markdown); with ``--write README.md`` replaces the table between the README's markers."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from motcua.core import env as environment


class Command(BaseCommand):
    help = "Print the table of environment variables (from settings.py), or write it into the README."

    def add_arguments(self, parser):
        parser.add_argument(
            "--write", metavar="README", help="replace the table between the README's markers"
        )

    def handle(self, *args, write=None, **options):
        table = declared_table()
        if not write:
            self.stdout.write(table)
            return
        path = Path(write)
        try:
            readme = path.read_text(encoding="utf-8")
            path.write_text(environment.readme_with_table(readme, table), encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from None
        except ValueError:
            raise CommandError(f"{path}: the markers of the settings table are missing") from None
        self.stdout.write(f"{path}: {len(environment.env.declared)} variables")


def declared_table() -> str:
    """Every declaration (settings.py has run once the settings are read)."""
    from django.conf import settings

    settings.SECRET_KEY  # noqa: B018
    return environment.env.table()
