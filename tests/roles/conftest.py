import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from editorial import groups
from editorial.models import EditorProfile
from news.models import Report
from structure.models import Organisation, OrganisationKind, Region
from tests.news.factories import CategoryFactory, ReportFactory
from tests.structure.factories import OrganisationFactory


@pytest.fixture(autouse=True)
def _kyrgyz_by_default():
    with translation.override("ky"):
        yield


@pytest.fixture
def tree(db):
    """Central committee > Osh oblast > Özgön district > school no. 5; and the Naryn oblast."""
    central = OrganisationFactory(kind=OrganisationKind.CENTRAL, region="", slug="central")
    osh = OrganisationFactory(parent=central, kind=OrganisationKind.OBLAST, region=Region.OSH, slug="osh")
    ozgon = OrganisationFactory(parent=osh, kind=OrganisationKind.DISTRICT, region=Region.OSH, slug="ozgon")
    school = OrganisationFactory(parent=ozgon, kind="primary", region=Region.OSH, slug="school")
    naryn = OrganisationFactory(parent=central, kind=OrganisationKind.OBLAST, region="naryn", slug="naryn")
    nodes = {"central": central, "osh": osh, "ozgon": ozgon, "school": school, "naryn": naryn}
    # Re-read: adding children changed the parents' rows.
    return {name: Organisation.objects.get(pk=node.pk) for name, node in nodes.items()}


def make_staff(django_user_model, username, group_name, organisations=()):
    user = django_user_model.objects.create_user(username=username, password="correct-horse-9", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    if organisations:
        EditorProfile.objects.create(user=user).organisations.set(organisations)
    return user


@pytest.fixture
def federation_editor(django_user_model, tree):
    return make_staff(django_user_model, "federation", groups.FEDERATION_EDITOR)


@pytest.fixture
def district_editor(django_user_model, tree):
    """A regional editor of the Özgön district (and the school below it)."""
    return make_staff(django_user_model, "ozgon-editor", groups.REGIONAL_EDITOR, [tree["ozgon"]])


@pytest.fixture
def osh_reviewer(django_user_model, tree):
    return make_staff(django_user_model, "osh-reviewer", groups.REVIEWER, [tree["osh"]])


@pytest.fixture
def faq_editor(django_user_model, tree):
    return make_staff(django_user_model, "faq-editor", groups.FAQ_EDITOR)


@pytest.fixture
def category(db):
    return CategoryFactory(slug="events")


@pytest.fixture
def reports(tree, category):
    """One report of each organisation, all drafts but the Naryn one."""
    return {
        "school": ReportFactory(organisation=tree["school"], category=category, status=Report.Status.DRAFT),
        "ozgon": ReportFactory(organisation=tree["ozgon"], category=category, status=Report.Status.SUBMITTED),
        "osh": ReportFactory(organisation=tree["osh"], category=category, status=Report.Status.DRAFT),
        "naryn": ReportFactory(organisation=tree["naryn"], category=category),
    }


def login(client, user):
    client.force_login(user)
    return client


def report_post(report, **changes):
    """The admin change form of `report` as a browser would post it, with `changes`."""
    day = report.published_at.astimezone()
    data = {
        "title_ky": report.title_ky,
        "title_ru": report.title_ru,
        "slug": report.slug,
        "lead_ky": report.lead_ky,
        "lead_ru": report.lead_ru,
        "body_ky": report.body_ky,
        "body_ru": report.body_ru,
        "status": report.status,
        "review_comment": report.review_comment,
        "published_at_0": day.strftime("%Y-%m-%d"),
        "published_at_1": day.strftime("%H:%M:%S"),
        "organisation": report.organisation_id,
        "category": report.category_id,
        "prepared_by_name_ky": report.prepared_by_name_ky,
        "prepared_by_name_ru": report.prepared_by_name_ru,
        "prepared_by_position_ky": report.prepared_by_position_ky,
        "prepared_by_position_ru": report.prepared_by_position_ru,
        "loaded_updated_at": report.updated_at.isoformat(),
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def change_url(report, language="ky"):
    return f"/{language}/admin/news/report/{report.pk}/change/"
