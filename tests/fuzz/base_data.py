"""What the fuzzed forms choose from, created once per test class (setUpTestData)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from editorial import groups
from editorial.models import EditorProfile
from structure.models import Organisation, OrganisationKind, Region
from tests.structure.factories import OrganisationFactory


def organisation_tree():
    """Central committee > Osh oblast > Özgön district; and the Naryn oblast."""
    central = OrganisationFactory(kind=OrganisationKind.CENTRAL, region="", slug="base-central")
    osh = OrganisationFactory(
        parent=central, kind=OrganisationKind.OBLAST, region=Region.OSH, slug="base-osh"
    )
    ozgon = OrganisationFactory(
        parent=osh, kind=OrganisationKind.DISTRICT, region=Region.OSH, slug="base-ozgon"
    )
    naryn = OrganisationFactory(
        parent=central, kind=OrganisationKind.OBLAST, region=Region.NARYN, slug="base-naryn"
    )
    nodes = {"central": central, "osh": osh, "ozgon": ozgon, "naryn": naryn}
    return {name: Organisation.objects.get(pk=node.pk) for name, node in nodes.items()}


def staff(username, group_name, organisations=(), email=None):
    user = get_user_model().objects.create_user(
        username=username, password="correct-horse-9", is_staff=True, email=email or f"{username}@union.test"
    )
    user.groups.add(Group.objects.get(name=group_name))
    if organisations:
        EditorProfile.objects.create(user=user).organisations.set(organisations)
    return user


def regional_roles(tree):
    """A regional editor of the Özgön district and a reviewer of the Osh oblast, with e-mail
    addresses, so that submitting and publishing send the workflow's mails."""
    editor = staff("fuzz-editor", groups.REGIONAL_EDITOR, [tree["ozgon"]])
    reviewer = staff("fuzz-reviewer", groups.REVIEWER, [tree["osh"]])
    return editor, reviewer
