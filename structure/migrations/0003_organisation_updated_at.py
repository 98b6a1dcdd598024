import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("structure", "0002_search_columns"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="last changed"
            ),
            preserve_default=False,
        ),
    ]
