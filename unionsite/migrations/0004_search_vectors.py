from django.db import migrations


class Migration(migrations.Migration):
    """Kept for databases that applied it: each content app now installs its own search columns
    with search/columns.py (news 0003, faq 0002, documents 0003, structure 0002)."""

    dependencies = [("unionsite", "0003_editorial_roles")]

    operations = []
