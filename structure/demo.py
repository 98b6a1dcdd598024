"""Demo content for the structure app: the example CSV's tree, descriptions and governing bodies.

All names are invented. Running `load` twice creates nothing new: the tree is imported by slug
(the same importer staff use), bodies are matched by organisation and kind, members by order.
"""

from pathlib import Path

from structure.importer import import_organisations
from structure.models import GoverningBody, GoverningBodyMember, Organisation

EXAMPLE_CSV = Path(__file__).resolve().parent / "fixtures" / "organisations-example.csv"

DESCRIPTIONS = {
    "central-committee": {
        "ky": (
            "<p>Борбордук комитет съезддер аралыгында кесиптик бирликти жетектейт: жамааттык "
            "келишимдерди түзүүгө катышат, мүчөлөрдүн эмгек укуктарын коргойт жана аймактык "
            "комитеттердин ишин координациялайт.</p>"
        ),
        "ru": (
            "<p>Центральный комитет руководит профсоюзом между съездами: участвует в заключении "
            "коллективных договоров, защищает трудовые права членов профсоюза и координирует работу "
            "территориальных комитетов.</p>"
        ),
    },
    "osh-oblast-committee": {
        "ky": (
            "<p>Облустук комитет райондордогу жана шаарлардагы комитеттерди, колледждердин жана "
            "мектептердин баштапкы уюмдарын бириктирет. Ар чейрек сайын семинар өткөрөт.</p>"
        ),
        "ru": (
            "<p>Областной комитет объединяет районные и городские комитеты, первичные организации "
            "колледжей и школ. Ежеквартально проводит семинары для председателей.</p>"
        ),
    },
    # Only in Kyrgyz: the Russian page shows it with lang="ky".
    "naryn-oblast-committee": {
        "ky": "<p>Нарын облусундагы мугалимдердин жана тарбиячылардын кесиптик бирлиги.</p>",
        "ru": "",
    },
}

CENTRAL_BODIES = [
    {
        "kind": GoverningBody.Kind.CONGRESS,
        "name_ky": "Съезд",
        "name_ru": "Съезд",
        "role_ky": (
            "<p>Кесиптик бирликтин жогорку органы. Беш жылда бир жолу чакырылат, уставды кабыл алат, "
            "төраганы жана комитеттин курамын шайлайт.</p>"
        ),
        "role_ru": (
            "<p>Высший орган профсоюза. Созывается раз в пять лет, принимает устав, избирает "
            "председателя и состав комитета.</p>"
        ),
        "members": [],
    },
    {
        "kind": GoverningBody.Kind.PLENUM,
        "name_ky": "Борбордук комитеттин пленуму",
        "name_ru": "Пленум Центрального комитета",
        "role_ky": "<p>Съезддер аралыгында жылына бир жолудан кем эмес чогулат.</p>",
        "role_ru": "<p>Собирается между съездами не реже одного раза в год.</p>",
        "members": [],
    },
    {
        "kind": GoverningBody.Kind.PRESIDIUM,
        "name_ky": "Президиум",
        "name_ru": "Президиум",
        "role_ky": (
            "<p>Пленумдар аралыгында кесиптик бирликтин күнүмдүк ишин жетектейт, айына бир жолу чогулат.</p>"
        ),
        "role_ru": "<p>Руководит текущей работой профсоюза между пленумами, собирается ежемесячно.</p>",
        "members": [
            ("Жыпар Абдыкадырова", "Жыпар Абдыкадырова", "Төрага", "Председатель"),
            ("Нурбек Сатаркулов", "Нурбек Сатаркулов", "Төраганын орун басары", "Заместитель председателя"),
            ("Мээрим Токтосунова", "Мээрим Токтосунова", "Ош облустук комитетинин төрагасы", ""),
            ("Самара Керимбекова", "Самара Керимбекова", "", "Председатель профкома БГПУ"),
            (
                "Бакыт Осмоналиев",
                "Бакыт Осмоналиев",
                "Чүй облустук комитетинин төрагасы",
                "Председатель Чуйского обкома",
            ),
        ],
    },
    {
        "kind": GoverningBody.Kind.AUDIT_COMMISSION,
        "name_ky": "Текшерүү комиссиясы",
        "name_ru": "Ревизионная комиссия",
        "role_ky": "<p>Кесиптик бирликтин каражатынын жана мүлкүнүн пайдаланылышын текшерет.</p>",
        "role_ru": "<p>Проверяет использование средств и имущества профсоюза.</p>",
        "members": [
            ("Гүлнара Ташиева", "Гульнара Ташиева", "Комиссиянын төрайымы", "Председатель комиссии"),
            ("Тилек Абакиров", "Тилек Абакиров", "Комиссиянын мүчөсү", "Член комиссии"),
            ("Бермет Калдарова", "Бермет Калдарова", "Комиссиянын мүчөсү", "Член комиссии"),
        ],
    },
]

OBLAST_BODIES = {
    "osh-oblast-committee": [
        {
            "kind": GoverningBody.Kind.PRESIDIUM,
            "name_ky": "Облустук комитеттин президиуму",
            "name_ru": "Президиум областного комитета",
            "role_ky": "<p>Облустагы баштапкы уюмдардын ишин координациялайт.</p>",
            "role_ru": "",
            "members": [
                ("Мээрим Токтосунова", "Мээрим Токтосунова", "Төрага", "Председатель"),
                ("Улукбек Абдиев", "Улукбек Абдиев", "Кара-Суу РПК төрагасы", "Председатель Карасуйского РК"),
                ("Динара Эргешова", "Динара Эргешова", "Өзгөн РПК төрайымы", "Председатель Узгенского РК"),
            ],
        }
    ],
}


def load_bodies(organisation, bodies):
    created = 0
    for order, spec in enumerate(bodies):
        spec = dict(spec)
        members = spec.pop("members")
        body, was_created = GoverningBody.objects.update_or_create(
            organisation=organisation, kind=spec.pop("kind"), defaults={**spec, "order": order}
        )
        created += was_created
        for position, (name_ky, name_ru, position_ky, position_ru) in enumerate(members):
            GoverningBodyMember.objects.update_or_create(
                body=body,
                order=position,
                defaults={
                    "name_ky": name_ky,
                    "name_ru": name_ru,
                    "position_ky": position_ky,
                    "position_ru": position_ru,
                },
            )
    return created


def load(stdout):
    result = import_organisations(EXAMPLE_CSV.read_bytes())
    if result.errors:
        problems = "; ".join(f"line {line}: {message}" for line, message in result.errors)
        raise RuntimeError(f"The example CSV does not import: {problems}")

    for slug, texts in DESCRIPTIONS.items():
        organisation = Organisation.objects.get(slug=slug)
        if (organisation.description_ky or "", organisation.description_ru or "") != (
            texts["ky"],
            texts["ru"],
        ):
            organisation.description_ky = texts["ky"]
            organisation.description_ru = texts["ru"]
            organisation.save()

    bodies = load_bodies(Organisation.objects.get(slug="central-committee"), CENTRAL_BODIES)
    for slug, specs in OBLAST_BODIES.items():
        bodies += load_bodies(Organisation.objects.get(slug=slug), specs)

    stdout.write(
        f"Structure: {result.created} organisations created, {result.updated + result.moved} changed, "
        f"{result.unchanged} unchanged; {bodies} governing bodies created."
    )
