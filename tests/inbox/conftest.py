import pytest
from django.contrib.auth.models import Group

from editorial import groups
from editorial.models import EditorProfile
from structure.models import Organisation, OrganisationKind, Region
from tests.structure.factories import OrganisationFactory

PASSWORD = "correct-horse-9"


@pytest.fixture(autouse=True)
def _own_rate_limit_counts(settings, tmp_path):
    """Rate-limit counts on disk as in production, but in this test's own folder.

    The project's folder (var/ratelimit) is shared by every test run on the machine, and another
    run clearing it would reset the counts in the middle of a rate-limit test.
    """
    settings.CACHES = {
        **settings.CACHES,
        "inbox-ratelimit": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "ratelimit"),
        },
    }
    settings.RATELIMIT_USE_CACHE = "inbox-ratelimit"


@pytest.fixture
def tree(db):
    """Central committee > Osh oblast > Özgön district; and the Naryn oblast."""
    central = OrganisationFactory(kind=OrganisationKind.CENTRAL, region="", slug="central")
    osh = OrganisationFactory(parent=central, kind=OrganisationKind.OBLAST, region=Region.OSH, slug="osh")
    ozgon = OrganisationFactory(parent=osh, kind=OrganisationKind.DISTRICT, region=Region.OSH, slug="ozgon")
    naryn = OrganisationFactory(
        parent=central, kind=OrganisationKind.OBLAST, region=Region.NARYN, slug="naryn"
    )
    nodes = {"central": central, "osh": osh, "ozgon": ozgon, "naryn": naryn}
    return {name: Organisation.objects.get(pk=node.pk) for name, node in nodes.items()}


def make_staff(django_user_model, username, group_name, organisations=(), email=""):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, is_staff=True, email=email
    )
    user.groups.add(Group.objects.get(name=group_name))
    if organisations:
        EditorProfile.objects.create(user=user).organisations.set(organisations)
    return user


@pytest.fixture
def federation_editor(django_user_model, tree):
    return make_staff(
        django_user_model, "federation", groups.FEDERATION_EDITOR, email="federation@example.kg"
    )


@pytest.fixture
def osh_editor(django_user_model, tree):
    """A regional editor of the Özgön district, in the Osh oblast."""
    return make_staff(
        django_user_model, "ozgon-editor", groups.REGIONAL_EDITOR, [tree["ozgon"]], email="ozgon@example.kg"
    )


@pytest.fixture
def naryn_editor(django_user_model, tree):
    return make_staff(
        django_user_model, "naryn-editor", groups.REGIONAL_EDITOR, [tree["naryn"]], email="naryn@example.kg"
    )
