import pytest

from structure.models import Organisation, OrganisationKind, Region
from tests.structure.factories import GoverningBodyFactory, GoverningBodyMemberFactory, OrganisationFactory

REGIONS = [region for region in Region.values if region not in ("bishkek", "osh-city")]


@pytest.fixture
def small_tree(db):
    """Central committee > oblast committee > district committee > two schools, plus a city committee."""
    central = OrganisationFactory(
        slug="central",
        kind=OrganisationKind.CENTRAL,
        region="",
        name_ky="Борбордук комитет",
        name_ru="Центральный комитет",
        short_name_ky="БК",
        short_name_ru="ЦК",
        members=10,
        youth_members=2,
    )
    oblast = OrganisationFactory(
        parent=central,
        slug="talas-oblast",
        kind=OrganisationKind.OBLAST,
        region=Region.TALAS,
        name_ky="Талас облустук комитети",
        name_ru="Таласский областной комитет",
        members=5,
        youth_members=1,
    )
    district = OrganisationFactory(
        parent=oblast,
        slug="bakai-ata-district",
        kind=OrganisationKind.DISTRICT,
        region=Region.TALAS,
        name_ky="Бакай-Ата райондук комитети",
        name_ru="Бакай-Атинский районный комитет",
        leader_name_ky="Айгүл Тестова",
        leader_name_ru="Айгуль Тестова",
        leader_position_ky="Төрага",
        leader_position_ru="Председатель",
        phone="0342 00-00-01, +996 555 000 111",
        email="bakai-ata@example.kg",
        website="https://bakai-ata.example.kg",
        address_ky="Бакай-Ата айылы, Мектеп көчөсү 1",
        address_ru="село Бакай-Ата, улица Школьная 1",
    )
    school = OrganisationFactory(
        parent=district,
        slug="school-7",
        kind=OrganisationKind.PRIMARY,
        region=Region.TALAS,
        name_ky="№ 7 мектептин баштапкы уюму",
        name_ru="Первичная организация школы № 7",
        members=120,
        youth_members=30,
    )
    kindergarten = OrganisationFactory(
        parent=Organisation.objects.get(pk=district.pk),
        slug="kindergarten-ainur",
        kind=OrganisationKind.PRIMARY,
        region=Region.TALAS,
        name_ky="«Айнур» бала бакчасынын баштапкы уюму",
        name_ru="",  # only in Kyrgyz
        members=40,
        youth_members=15,
    )
    city = OrganisationFactory(
        parent=Organisation.objects.get(pk=central.pk),
        slug="bishkek-city",
        kind=OrganisationKind.CITY,
        region=Region.BISHKEK,
        name_ky="",  # only in Russian
        name_ru="Бишкекский городской комитет",
        members=300,
        youth_members=100,
    )
    presidium = GoverningBodyFactory(
        organisation=central,
        kind="presidium",
        name_ky="Президиум",
        name_ru="Президиум",
        role_ky="<p>Күнүмдүк ишти жетектейт.</p>",
        role_ru="<p>Руководит текущей работой.</p>",
    )
    GoverningBodyMemberFactory(
        body=presidium,
        name_ky="Бакыт Сыноов",
        name_ru="Бакыт Сыноов",
        position_ky="Төрага",
        position_ru="Председатель",
    )
    audit = GoverningBodyFactory(
        organisation=central,
        kind="audit",
        name_ky="Текшерүү комиссиясы",
        name_ru="Ревизионная комиссия",
        order=2,
    )
    GoverningBodyMemberFactory(body=audit, name_ky="Жамила Текшерова", name_ru="Джамиля Проверкина")
    GoverningBodyFactory(
        organisation=district, kind="presidium", name_ky="Райкомдун президиуму", name_ru="Президиум райкома"
    )
    return {
        name: Organisation.objects.get(pk=node.pk)
        for name, node in {
            "central": central,
            "oblast": oblast,
            "district": district,
            "school": school,
            "kindergarten": kindergarten,
            "city": city,
        }.items()
    }


def build_big_tree(size=2000):
    """A tree of `size` nodes built with computed paths and bulk_create (a few queries, not thousands).

    Central committee > 9 oblast committees > 10 district committees each > primary organisations,
    with institution committees under the central committee to make up the count.
    """
    path = Organisation._get_path
    nodes = []

    def node(parent, position, kind, region, number, children=0, members=None):
        depth = parent.depth + 1 if parent else 1
        obj = Organisation(
            path=path(parent.path if parent else "", depth, position),
            depth=depth,
            numchild=children,
            kind=kind,
            region=region,
            slug=f"{kind}-{number}",
            name_ky=f"Уюм {number}",
            name_ru=f"Организация {number}",
            members=members,
            youth_members=members // 4 if members else None,
        )
        nodes.append(obj)
        return obj

    counter = iter(range(size * 2))
    primaries_per_district = (size - 1 - 9 - 90) // 90
    root = node(None, 1, OrganisationKind.CENTRAL, "", next(counter), children=9, members=20)
    for o in range(9):
        oblast = node(
            root, o + 1, OrganisationKind.OBLAST, REGIONS[o % len(REGIONS)], next(counter), children=10
        )
        for d in range(10):
            district = node(
                oblast,
                d + 1,
                OrganisationKind.DISTRICT,
                oblast.region,
                next(counter),
                children=primaries_per_district,
            )
            for p in range(primaries_per_district):
                node(district, p + 1, OrganisationKind.PRIMARY, oblast.region, next(counter), members=40)
    institutions = size - len(nodes)
    root.numchild += institutions
    for i in range(institutions):
        node(root, 10 + i, OrganisationKind.INSTITUTION, Region.BISHKEK, next(counter), members=100)
    Organisation.objects.bulk_create(nodes, batch_size=500)
    return Organisation.objects.get(depth=1)


@pytest.fixture
def big_tree(db):
    root = build_big_tree(2000)
    presidium = GoverningBodyFactory(organisation=root, kind="presidium")
    for _ in range(12):
        GoverningBodyMemberFactory(body=presidium)
    audit = GoverningBodyFactory(organisation=root, kind="audit", name_ky="Текшерүү комиссиясы")
    for _ in range(3):
        GoverningBodyMemberFactory(body=audit)
    return root
