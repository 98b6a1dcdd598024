import pytest
from django.core.management import CommandError, call_command

from structure.models import Organisation
from tests.structure.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

HEADER = "slug,parent_slug,kind,region,name_ky,name_ru,email,members,youth_members,figures_date"
GOOD = f"""{HEADER}
# children may come before their parent:
school-3,kemin-district,primary,chui,№ 3 мектеп,Школа № 3,,"1 200",300,2025-01-01
central,,central,,Борбордук комитет,Центральный комитет,info@example.kg,15,3,01.01.2025
chui-oblast,central,oblast,chui,Чүй облустук комитети,Чуйский обком,chui@example.kg,4,,
kemin-district,chui-oblast,district,chui,Кемин райкому,,,,,
kindergarten-1,kemin-district,primary,chui,,Детский сад № 1,,80,20,
"""


def write(tmp_path, text, name="orgs.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(path)


def run(path, language="ru"):
    """Run the command with messages in `language`; return (stdout, stderr, error or None)."""
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_organisations", path, f"--language={language}", stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def good_csv():
    # The comment line above is not CSV syntax; drop it (it only documents the order in this test).
    return "\n".join(line for line in GOOD.splitlines() if not line.startswith("#")) + "\n"


def test_good_file_builds_the_tree(tmp_path):
    out, err, error = run(write(tmp_path, good_csv()))
    assert error is None, err
    assert "создано: 5" in out
    school = Organisation.objects.get(slug="school-3")
    assert school.members == 1200 and school.youth_members == 300
    assert [a.slug for a in Organisation.objects.get_ancestors(school)] == [
        "central",
        "chui-oblast",
        "kemin-district",
    ]
    central = Organisation.objects.get(slug="central")
    assert central.figures_date.isoformat() == "2025-01-01"
    assert central.subtree_totals() == {"members": 1299, "youth_members": 323, "primary_organisations": 2}
    assert Organisation.objects.get(slug="kindergarten-1").name_ky in ("", None)
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


def test_second_import_of_the_same_file_changes_nothing(tmp_path):
    path = write(tmp_path, good_csv())
    run(path)
    before = list(Organisation.objects.values_list("pk", "path", "numchild", "name_ky", "name_ru", "members"))
    out, _err, error = run(path)
    assert error is None
    assert "создано: 0, изменено: 0, перемещено: 0, без изменений: 5" in out
    assert (
        list(Organisation.objects.values_list("pk", "path", "numchild", "name_ky", "name_ru", "members"))
        == before
    )


def test_file_with_bom_and_semicolons_imports(tmp_path):
    text = good_csv().replace(",", ";").replace('"1 200"', "1200")
    _out, err, error = run(write(tmp_path, "\ufeff" + text))
    assert error is None, err
    assert Organisation.objects.count() == 5


def test_import_updates_and_moves_existing_nodes(tmp_path):
    run(write(tmp_path, good_csv()))
    moved = good_csv().replace(
        "school-3,kemin-district,primary,chui,№ 3 мектеп,Школа № 3",
        "school-3,chui-oblast,primary,chui,№ 3 мектеп,Школа № 3 имени Героя",
    )
    out, err, error = run(write(tmp_path, moved, "moved.csv"))
    assert error is None, err
    assert "изменено: 1, перемещено: 1" in out
    school = Organisation.objects.get(slug="school-3")
    assert school.name_ru == "Школа № 3 имени Героя"
    assert Organisation.objects.get_parent(school).slug == "chui-oblast"
    assert Organisation.objects.get(slug="kemin-district").numchild == 1
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


def test_parent_may_already_be_on_the_site(tmp_path):
    OrganisationFactory(slug="central", kind="central", region="")
    text = f"{HEADER}\nnaryn-oblast,central,oblast,naryn,Нарын облкому,Нарынский обком,,,,\n"
    _out, err, error = run(write(tmp_path, text))
    assert error is None, err
    assert Organisation.objects.get(slug="naryn-oblast").depth == 2


def assert_refused(tmp_path, text, expected_lines, fragment, encoding="utf-8"):
    _out, err, error = run(write(tmp_path, text, encoding=encoding))
    assert error is not None
    assert "ничего не импортировано" in str(error)
    for line in expected_lines:
        assert f"строка {line}:" in err, err
    assert fragment in err, err
    assert Organisation.objects.count() == 0
    return err


def test_missing_parent_names_the_line(tmp_path):
    text = good_csv() + "school-9,nowhere-district,primary,chui,№ 9 мектеп,Школа № 9,,,,\n"
    assert_refused(tmp_path, text, [7], "нет ни в файле, ни на сайте")


def test_unknown_kind_and_region_name_the_line(tmp_path):
    text = good_csv().replace(
        "kemin-district,chui-oblast,district,chui", "kemin-district,chui-oblast,raion,atlantis"
    )
    err = assert_refused(tmp_path, text, [5], "вид «raion» неизвестен")
    assert "регион «atlantis» неизвестен" in err


def test_cycle_names_every_line_in_it(tmp_path):
    text = f"""{HEADER}
a,c,district,chui,А,А,,,,
b,a,district,chui,Б,Б,,,,
c,b,district,chui,В,В,,,,
"""
    err = assert_refused(tmp_path, text, [2, 3, 4], "замыкаются в круг")
    assert "a → c → b → a" in err


def test_own_parent_is_refused(tmp_path):
    assert_refused(
        tmp_path, f"{HEADER}\na,a,district,chui,А,А,,,,\n", [2], "не может быть вышестоящей для самой себя"
    )


def test_bad_email_and_bad_numbers_name_the_line(tmp_path):
    text = good_csv().replace("chui@example.kg,4,,", "not-an-email,four,-1,")
    err = assert_refused(tmp_path, text, [4], "«not-an-email» — не адрес электронной почты")
    assert "members должно быть целым числом людей, а не «four»" in err
    assert "youth_members должно быть целым числом людей, а не «-1»" in err


def test_youth_above_members_is_refused(tmp_path):
    text = good_csv().replace(",80,20,", ",20,80,")
    assert_refused(tmp_path, text, [6], "youth_members (80) больше, чем members (20)")


def test_bad_date_is_refused(tmp_path):
    text = good_csv().replace("01.01.2025", "31.02.2025")
    assert_refused(tmp_path, text, [3], "figures_date «31.02.2025» — не дата")


def test_duplicate_slug_names_both_lines(tmp_path):
    text = good_csv() + "central,,central,,Дагы,Ещё,,,,\n"
    assert_refused(tmp_path, text, [7], "уже использован в строке 3")


def test_wrong_encoding_names_the_line(tmp_path):
    text = f"{HEADER}\ncentral,,central,,Комитет,Комитет,,,,\nb,central,city,bishkek,Школа,Школа,,,,\n"
    _out, err, error = run(write(tmp_path, text, encoding="cp1251"))
    assert error is not None
    assert "строка 2:" in err and "не в кодировке UTF-8" in err
    assert Organisation.objects.count() == 0


def test_empty_file_is_refused(tmp_path):
    assert_refused(tmp_path, "", [1], "Файл пустой.")
    assert_refused(tmp_path, "\ufeff\n  \n", [1], "Файл пустой.")


def test_header_without_rows_is_refused(tmp_path):
    assert_refused(tmp_path, HEADER + "\n", [2], "есть заголовок, но нет строк")


def test_missing_columns_are_refused(tmp_path):
    assert_refused(
        tmp_path, "slug,name_ky\na,А\n", [1], "В заголовке нет столбцов: parent_slug, kind, name_ru"
    )


def test_one_bad_row_among_good_ones_imports_nothing(tmp_path):
    text = good_csv().replace(
        "kindergarten-1,kemin-district,primary,chui", "kindergarten-1,kemin-district,primary,"
    )
    assert_refused(tmp_path, text, [6], "пустым его может оставить только Центральный комитет")


def test_every_bad_row_is_reported_at_once(tmp_path):
    text = good_csv().replace("info@example.kg", "bad@").replace(",80,20,", ",x,,")
    assert_refused(tmp_path, text, [3, 6], "не адрес электронной почты")


def test_dry_run_writes_nothing(tmp_path):
    from io import StringIO

    out = StringIO()
    call_command(
        "import_organisations", write(tmp_path, good_csv()), "--dry-run", "--language=ru", stdout=out
    )
    assert "Строк без ошибок: 5" in out.getvalue()
    assert Organisation.objects.count() == 0


def test_example_file_imports_cleanly_twice():
    out, err, error = run("structure/fixtures/organisations-example.csv")
    assert error is None, err
    created = Organisation.objects.count()
    assert created >= 40
    out, err, error = run("structure/fixtures/organisations-example.csv")
    assert error is None
    assert f"создано: 0, изменено: 0, перемещено: 0, без изменений: {created}" in out


def test_missing_file_is_a_clear_error(tmp_path):
    _out, _err, error = run(str(tmp_path / "absent.csv"))
    assert "Не удалось прочитать" in str(error)


def test_messages_are_in_kyrgyz_by_default(tmp_path):
    from io import StringIO

    err = StringIO()
    with pytest.raises(CommandError, match="эч нерсе импорттолгон жок"):
        call_command("import_organisations", write(tmp_path, ""), stderr=err)
    assert "1-сап: Файл бош." in err.getvalue()


def test_import_turns_a_branch_upside_down(tmp_path):
    # On the site: central > osh-oblast > ozgon-district. The file puts the district above the oblast.
    run(
        write(
            tmp_path,
            f"""{HEADER}
central,,central,,ЦК,ЦК,,,,
osh-oblast,central,oblast,osh,Ош,Ош,,,,
ozgon-district,osh-oblast,district,osh,Өзгөн,Узген,,,,
""",
        )
    )
    out, err, error = run(
        write(
            tmp_path,
            f"""{HEADER}
osh-oblast,ozgon-district,oblast,osh,Ош,Ош,,,,
ozgon-district,central,district,osh,Өзгөн,Узген,,,,
""",
            "swapped.csv",
        )
    )
    assert error is None, err
    assert "перемещено: 2" in out
    oblast = Organisation.objects.get(slug="osh-oblast")
    assert [a.slug for a in Organisation.objects.get_ancestors(oblast)] == ["central", "ozgon-district"]
    assert Organisation.objects.find_problems() == ([], [], [], [], [])


def test_cell_longer_than_the_csv_limit_is_refused(tmp_path):
    text = f"{HEADER}\ncentral,,central,,{'Я' * 200_000},ЦК,,,,\n"
    assert_refused(tmp_path, text, [2], "Ячейка длиннее 131072 символов")
