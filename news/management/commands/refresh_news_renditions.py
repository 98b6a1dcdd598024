"""The old name of `manage.py refresh_renditions`, kept for scripts and notes that still call it."""

from unionsite.management.commands import refresh_renditions


class Command(refresh_renditions.Command):
    help = f"Same as refresh_renditions (its old name). {refresh_renditions.Command.help}"
