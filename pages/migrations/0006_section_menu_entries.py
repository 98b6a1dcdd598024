# The sections of the site become entries of the header menu (issue 27). Until now an empty header
# menu showed every section by default, and the first page added to it made them all vanish; the
# template's fallback is gone, so a header menu that is empty today gets one entry per section of
# the registry (pages/menus.py), in the order visitors saw them. A header menu staff had made is
# left as it was, and so is the footer (it never showed the sections by itself). A fresh site gets
# the entries here too.

from django.db import migrations


def add_section_entries(apps, schema_editor):
    from pages.menus import add_sections_to_empty_header

    add_sections_to_empty_header(apps.get_model("pages", "MenuItem"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0005_cover_renditions"),
    ]

    operations = [
        # Going back leaves the entries: they are ordinary entries staff may have edited since.
        migrations.RunPython(add_section_entries, migrations.RunPython.noop),
    ]
