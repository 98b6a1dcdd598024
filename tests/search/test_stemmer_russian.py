"""Russian terms (search/normalize.py): Snowball Russian with a few derivation rules."""

import pytest

from search.normalize import stem, terms


def ru(word):
    (term,) = terms(word, "ru")
    return term


FAMILIES = [
    ["отпуск", "отпуска", "отпуском", "отпуске", "отпусков", "отпускам", "Отпуск"],
    ["уволить", "увольнение", "увольнения", "увольнении", "уволили", "уволен", "увольнять", "увольняют"],
    ["изменить", "изменение", "изменения", "изменять"],
    ["назначить", "назначение"],
    ["решить", "решение", "решения"],
    ["вступить", "вступление", "вступлении"],
    ["заявить", "заявление", "заявления"],
    ["охрана", "охраны", "охране", "охрану"],
    ["день", "дня", "дню", "дней", "днях"],
    ["Узген", "Узгене", "Узгена"],
    ["Баткен", "Баткене"],
    ["Каракол", "Караколе", "Каракола"],
    ["зарплата", "зарплаты", "зарплату"],
    ["договор", "договора", "договором", "договоры", "договоров"],
    ["ребёнок", "ребенок"],
    ["учитель", "учителя", "учителей", "учителям"],
    ["профсоюз", "профсоюза", "профсоюзе", "профсоюзы", "профсоюзов"],
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_the_forms_of_a_word_share_one_stem(family):
    assert {ru(word) for word in family} == {ru(family[0])}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("отпуск", "пуск"),
        ("увольнение", "вольный"),
        ("член", "чл"),
        ("смена", "семья"),
        ("цена", "цель"),
        ("работа", "рабочий"),
        ("закон", "заказ"),
        ("устав", "усталость"),
    ],
)
def test_different_words_keep_apart(one, other):
    assert ru(one) != ru(other)


def test_snowball_gives_the_verbal_noun_its_own_stem_and_the_rules_join_it_to_the_verb():
    import snowballstemmer

    snowball = snowballstemmer.stemmer("russian")
    assert snowball.stemWord("уволить") == "увол"
    assert snowball.stemWord("увольнение") == "увольнен"
    assert ru("уволить") == ru("увольнение") == "увол"


def test_latin_words_and_numbers_are_left_alone():
    assert stem("union", "ru") == "union"
    assert stem("2024", "ru") == "2024"
    assert stem("отпуск", "fr") == "отпуск"
