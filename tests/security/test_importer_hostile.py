"""Hostile CSV files: each is refused with a line-numbered message in the user's language, and
nothing is imported; none ends in a traceback, however deep or circular the file."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from structure.importer import import_organisations, tree_depth_limit
from structure.models import Organisation
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEADER = "slug,parent_slug,kind,region,name_ky,name_ru,members,youth_members"
GOOD_ROW = "school-1,central,primary,chui,№ 1 мектеп,Школа № 1,100,10"
LIMIT = Organisation._meta.get_field("path").max_length // Organisation.steplen


@pytest.fixture
def central(db):
    """The central committee already on the site; the files below hang their rows under it."""
    return OrganisationFactory(slug="central", kind="central", region="", name_ru="ЦК", members=7)


def in_both_languages(ky, ru):
    """Run the test with messages in Kyrgyz and in Russian, `expected` being the text in each."""
    return pytest.mark.parametrize(
        "language, expected", [pytest.param("ky", ky, id="ky"), pytest.param("ru", ru, id="ru")]
    )


def site_state():
    return list(Organisation.objects.values_list("slug", "path", "numchild", "name_ky", "name_ru", "members"))


def refused(data, language):
    """Import `data` with messages in `language`; assert nothing changed; return the errors."""
    before = site_state()
    with translation.override(language):
        result = import_organisations(data.encode() if isinstance(data, str) else data)
    assert result.errors, "the file was accepted"
    assert site_state() == before
    assert (result.created, result.updated, result.moved) == (0, 0, 0)
    return result.errors


def chain(length, parent="central", child_first=True):
    """CSV rows n1 (under `parent`) > n2 > ... > n<length>; returns (text, line of slug)."""
    rows = [
        f"n{number},{f'n{number - 1}' if number > 1 else parent},district,chui,Н{number},Н{number}"
        for number in range(1, length + 1)
    ]
    if child_first:
        rows.reverse()
    text = "slug,parent_slug,kind,region,name_ky,name_ru\n" + "\n".join(rows) + "\n"
    line_of = {row.split(",")[0]: index for index, row in enumerate(rows, start=2)}
    return text, line_of


def site_chain(prefix, length, root_position=1):
    """A chain of `length` organisations on the site from a new root, built with computed paths."""
    nodes = []
    parent_path = ""
    for number in range(1, length + 1):
        path = Organisation._get_path(parent_path, number, root_position if number == 1 else 1)
        nodes.append(
            Organisation(
                path=path,
                depth=number,
                numchild=0 if number == length else 1,
                slug=f"{prefix}{number}",
                kind="district",
                region="chui",
                name_ky=f"{prefix}{number}",
                name_ru=f"{prefix}{number}",
            )
        )
        parent_path = path
    Organisation.objects.bulk_create(nodes)
    return nodes


def test_the_depth_limit_comes_from_the_path_column():
    assert tree_depth_limit() == LIMIT == 63


# Quotes ------------------------------------------------------------------------------------------


@in_both_languages(
    ky="Бул сапта ачылган тырмакча эч жерде жабылган эмес.",
    ru="Кавычка, открытая в этой строке",
)
def test_quote_left_open_at_the_end_of_the_file_is_refused(central, language, expected):
    text = f'{HEADER}\n{GOOD_ROW}\nschool-2,central,primary,chui,"unclosed,Имя\n'
    errors = refused(text, language)
    assert [line for line, _message in errors] == [3]
    assert expected in errors[0][1]


@in_both_languages(
    ky="уяча 6-сапка чейин созулуп кетет",
    ru="Ячейка в этой строке тянется до строки 6",
)
def test_quote_closed_rows_later_is_refused_not_merged(central, language, expected):
    text = (
        f"{HEADER}\n{GOOD_ROW}\n"
        'school-2,central,primary,chui,"unclosed,Имя,,,\n'
        "school-3,central,primary,chui,Мектеп,Школа,,\n"
        "school-4,central,primary,chui,Мектеп,Школа,,\n"
        'school-5,central,primary,chui,Мектеп,",Школа,,\n'
    )
    errors = refused(text, language)
    assert errors[0][0] == 3 and expected in errors[0][1]


@in_both_languages(
    ky="Жабуучу тырмакчадан кийин бөлгүч",
    ru="После закрывающей кавычки должен идти разделитель",
)
def test_text_after_a_closing_quote_is_refused(central, language, expected):
    text = f'{HEADER}\n{GOOD_ROW}\nschool-2,central,primary,chui,"Мектеп" № 2,Школа,,\n'
    errors = refused(text, language)
    assert errors == [(3, errors[0][1])] and expected in errors[0][1]


def test_quote_left_open_in_the_header_is_refused(central):
    errors = refused(f'"slug,parent_slug,kind\n{GOOD_ROW}\n', "ru")
    assert errors[0][0] == 1 and "нигде не закрыта" in errors[0][1]


# NUL bytes ---------------------------------------------------------------------------------------


@in_both_languages(
    ky="Сапта нөл байт (NUL) бар",
    ru="В строке есть нулевой байт (NUL)",
)
def test_nul_byte_in_a_cell_is_refused_on_its_line(central, language, expected):
    text = (
        f"{HEADER}\n{GOOD_ROW}\n"
        "school-2,central,primary,chui,Мек\x00теп,Школа,,\n"
        'school-3,central,primary,chui,"А\x00",Б,,\n'
    )
    errors = refused(text, language)
    assert [line for line, _message in errors] == [3, 4]
    assert all(expected in message for _line, message in errors)


def test_nul_byte_in_the_header_is_refused(central):
    errors = refused(f"slug\x00,parent_slug,kind,name_ky,name_ru\n{GOOD_ROW}\n", "ru")
    assert [line for line, _message in errors] == [1]


# Numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "members",
    ["²", "٣", "１２", "3²", "৩", "1" * 5000],
    ids=[
        "superscript-two",
        "arabic-indic-three",
        "fullwidth-twelve",
        "three-squared",
        "bengali-three",
        "5000-digits",
    ],
)
@in_both_languages(
    ky="members «{value}» эмес, адамдардын бүтүн саны болушу керек",
    ru="members должно быть целым числом людей, а не «{value}»",
)
def test_digits_that_are_not_ascii_are_refused(central, members, language, expected):
    text = f"{HEADER}\n{GOOD_ROW}\nschool-2,central,primary,chui,Мектеп,Школа,{members},\n"
    errors = refused(text, language)
    assert [line for line, _message in errors] == [3]
    assert expected.format(value=members) in errors[0][1]


# Depth -------------------------------------------------------------------------------------------


@in_both_languages(
    ky="Уюм түзүмдүн 64-деңгээлинде калмак, ал эми түзүмдө 63 деңгээлден ашык болбойт.",
    ru="Организация оказалась бы на уровне 64 дерева, а предел глубины дерева — 63.",
)
def test_chain_of_1200_listed_child_first_is_refused_at_the_row_too_deep(central, language, expected):
    text, line_of = chain(1200)
    errors = refused(text, language)
    # central is level 1, so n63 is level 64: the first organisation that does not fit.
    assert errors == [(line_of["n63"], errors[0][1])]
    assert expected in errors[0][1]


@in_both_languages(
    ky="64-деңгээлинде",
    ru="на уровне 64 дерева",
)
def test_chain_of_70_is_refused_before_treebeard_runs_out_of_path(language, expected):
    text, line_of = chain(70, parent="", child_first=False)
    errors = refused(text, language)
    assert errors == [(line_of["n64"], errors[0][1])] and expected in errors[0][1]


def test_chain_of_10000_is_refused_with_one_message():
    text, line_of = chain(10_000, parent="")
    errors = refused(text, "ru")
    assert errors == [(line_of["n64"], errors[0][1])]


def test_chain_as_deep_as_the_tree_holds_imports_and_reimports_unchanged(central):
    text, _line_of = chain(LIMIT - 1)  # under central, level 2 down to level 63
    result = import_organisations(text.encode())
    assert result.errors == [] and result.created == LIMIT - 1
    assert Organisation.objects.get(slug=f"n{LIMIT - 1}").depth == LIMIT
    assert [a.slug for a in Organisation.objects.get_ancestors(Organisation.objects.get(slug="n3"))] == [
        "central",
        "n1",
        "n2",
    ]
    again = import_organisations(text.encode())
    assert (again.created, again.moved, again.unchanged) == (0, 0, LIMIT - 1)
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


@in_both_languages(
    ky="сайттагы ага баш ийген уюмдар түзүмдүн 64-деңгээлине",
    ru="оказались бы на уровне 64",
)
def test_moving_a_branch_on_the_site_too_deep_is_refused_on_the_moving_row(language, expected):
    deep = site_chain("d", 40)
    site_chain("e", 30, root_position=2)
    # e1 moves under d40 (level 41); its branch on the site, e2..e30, would reach level 70.
    text = "slug,parent_slug,kind,region,name_ky,name_ru\ne1,d40,district,chui,e1,e1\n"
    errors = refused(text, language)
    assert errors == [(2, errors[0][1])] and expected in errors[0][1]
    assert deep[-1].depth == 40


# Circles -----------------------------------------------------------------------------------------


@in_both_languages(
    ky="Жогорку уюмдар тегерек түзүп",
    ru="Вышестоящие организации замыкаются в круг",
)
def test_circle_of_parents_is_refused_on_each_of_its_lines(central, language, expected):
    text = (
        f"{HEADER}\n{GOOD_ROW}\na,c,district,chui,А,А,,\nb,a,district,chui,Б,Б,,\nc,b,district,chui,В,В,,\n"
    )
    errors = refused(text, language)
    assert [line for line, _message in errors] == [3, 4, 5]
    assert all(expected in message for _line, message in errors)
    assert "a → c → b → a" in errors[0][1]


def test_long_circle_is_refused_row_by_row_with_a_short_chain(central):
    size = 5000
    rows = [f"c{number},c{(number + 1) % size},district,chui,Ц,Ц" for number in range(size)]
    text = "slug,parent_slug,kind,region,name_ky,name_ru\n" + "\n".join(rows) + "\n"
    errors = refused(text, "ru")
    assert len(errors) == size
    assert "c0 → c1 → c2 → c3 → c4 → c5 → … → c0" in errors[0][1]


def test_circle_through_an_organisation_on_the_site_is_refused(central):
    OrganisationFactory(parent=central, slug="osh", kind="oblast", region="osh")
    # central moves under osh, which is below central on the site.
    text = f"{HEADER}\ncentral,osh,central,,ЦК,ЦК,7,\n"
    errors = refused(text, "ru")
    assert errors[0][0] == 2 and "central → osh → central" in errors[0][1]


# The command -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, line, summary",
    [
        pytest.param("ky", "3-сап: Сапта нөл байт", "эч нерсе импорттолгон жок", id="ky"),
        pytest.param("ru", "строка 3: В строке есть нулевой байт", "ничего не импортировано", id="ru"),
    ],
)
def test_command_prints_line_numbered_messages_and_exits_with_an_error(
    central, tmp_path, language, line, summary
):
    path = tmp_path / "orgs.csv"
    path.write_bytes(f"{HEADER}\n{GOOD_ROW}\nschool-2,central,primary,chui,\x00,Школа,,\n".encode())
    err = StringIO()
    with pytest.raises(CommandError, match=summary):
        call_command("import_organisations", str(path), f"--language={language}", stderr=err)
    assert f"orgs.csv, {line}" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert Organisation.objects.count() == 1


def test_command_refuses_a_deep_chain_without_a_traceback(central, tmp_path):
    text, line_of = chain(1200)
    path = tmp_path / "deep.csv"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="ничего не импортировано"):
        call_command("import_organisations", str(path), "--language=ru", stderr=err)
    assert f"deep.csv, строка {line_of['n63']}: Организация оказалась бы на уровне 64" in err.getvalue()
    assert Organisation.objects.count() == 1
