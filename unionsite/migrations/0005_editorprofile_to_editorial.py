from django.db import migrations


class Migration(migrations.Migration):
    """EditorProfile moves to the editorial app (editorial 0001_editorprofile takes it over).

    The table and its organisations table are renamed to the editorial app's names, rows intact;
    then the model leaves this app's state without touching the database.
    """

    dependencies = [("unionsite", "0004_search_vectors")]

    operations = [
        migrations.AlterModelTable(name="editorprofile", table="editorial_editorprofile"),
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="EditorProfile")]),
    ]
