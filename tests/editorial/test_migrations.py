"""A database from before the editorial app keeps its editors, their organisations and their rights."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from editorial import groups
from editorial.models import EditorProfile
from tests.structure.factories import OrganisationFactory

BEFORE_THE_MOVE = ("unionsite", "0004_search_vectors")


def migrate_before_the_move():
    """Unapply the editorial app and the move; return the models as they were then."""
    executor = MigrationExecutor(connection)
    executor.migrate([BEFORE_THE_MOVE, ("editorial", None)])
    ContentType.objects.clear_cache()
    # The state of exactly what is applied now: later apps' migrations that need the editorial
    # app were unapplied with it.
    applied = MigrationExecutor(connection).loader.applied_migrations
    return executor.loader.project_state(list(applied)).apps


def migrate_to_the_end():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_existing_editors_keep_their_organisations_and_the_permission_to_edit_all():
    organisation = OrganisationFactory(slug="osh")
    old = migrate_before_the_move()
    OldUser = old.get_model("auth", "User")
    OldGroup = old.get_model("auth", "Group")
    OldPermission = old.get_model("auth", "Permission")
    edit_all = OldPermission.objects.get(
        content_type__app_label="unionsite", codename="edit_all_organisations"
    )
    reshaped = OldGroup.objects.get_or_create(name=groups.FEDERATION_EDITOR)[0]
    reshaped.permissions.set([edit_all])  # an administrator's own version of the role
    OldGroup.objects.filter(name=groups.FAQ_EDITOR).delete()
    federation = OldUser.objects.create(username="federation", is_staff=True)
    federation.groups.add(reshaped)
    regional = OldUser.objects.create(username="regional", is_staff=True)
    profile = old.get_model("unionsite", "EditorProfile").objects.create(user=regional)
    profile.organisations.add(organisation.pk)

    migrate_to_the_end()

    users = get_user_model().objects
    assert users.get(username="federation").has_perm("editorial.edit_all_organisations")
    assert not users.get(username="regional").has_perm("editorial.edit_all_organisations")
    assert list(EditorProfile.objects.get(user__username="regional").organisations.all()) == [organisation]
    # The administrator's own version of the role is kept; apps that came later (pages, events,
    # the inbox) add their own permissions to it.
    kept = Group.objects.get(name=groups.FEDERATION_EDITOR).permissions.exclude(
        content_type__app_label__in=["pages", "events", "inbox", "siteconfig"]
    )
    assert list(kept) == [
        ContentType.objects.get(app_label="editorial", model="editorprofile").permission_set.get(
            codename="edit_all_organisations"
        )
    ]
    # A role group that was deleted comes back as the migration defines it.
    assert Group.objects.get(name=groups.FAQ_EDITOR).permissions.filter(codename="change_question").exists()
    assert not ContentType.objects.filter(app_label="unionsite", model="editorprofile").exists()
