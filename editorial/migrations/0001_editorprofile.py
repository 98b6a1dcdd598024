import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="unionsite", new="editorial"):
    """The content type follows the model, and its permissions with it.

    Groups and users that hold `edit_all_organisations` hold the same permission row, which now
    reads `editorial.edit_all_organisations`. A fresh database has no content type yet: it is
    created with the editorial label after the migrations.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    moving = ContentType.objects.using(db).filter(app_label=old, model="editorprofile").first()
    if moving is None:
        return
    stale = ContentType.objects.using(db).filter(app_label=new, model="editorprofile").first()
    if stale is not None:
        # Created before this migration ran, so new and unused; groups and users hold the old rows.
        Permission.objects.using(db).filter(content_type=stale).delete()
        stale.delete()
    moving.app_label = new
    moving.save(update_fields=["app_label"])
    ContentType.objects.clear_cache()


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="editorial", new="unionsite")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("unionsite", "0005_editorprofile_to_editorial"),
        ("structure", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The table exists: unionsite 0002 made it and unionsite 0005 gave it this app's name.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EditorProfile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "organisations",
                            models.ManyToManyField(
                                blank=True,
                                help_text=(
                                    "The staff member edits the reports, documents and contacts of these "
                                    "organisations and of every organisation below them. Federation editors "
                                    "see everything and need none."
                                ),
                                related_name="editor_profiles",
                                to="structure.organisation",
                                verbose_name="organisations",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="editor_profile",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="user",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "editor's organisations",
                        "verbose_name_plural": "editor's organisations",
                        "ordering": ["user"],
                        "permissions": [("edit_all_organisations", "Can edit the content of every organisation")],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
