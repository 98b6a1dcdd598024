"""The Kyrgyz light stemmer (search/kyrgyz.py) on word lists, through normalize.terms as search uses it."""

import pytest

from search import kyrgyz
from search.normalize import stem, terms


def ky(word):
    return " ".join(terms(word, "ky"))


# Each family: the forms a reader may type, which must all give one stem.
FAMILIES = [
    ["жаштар", "жаштарды", "жаштардын", "жаштарга", "жаштарда", "жаштардан", "жаш"],
    ["мугалим", "мугалимдер", "мугалимдердин", "мугалимге", "мугалимдерге", "мугалими", "мугалимин"],
    ["кесиптик", "кесиптикке", "кесиптиктин"],
    ["семинар", "семинарга", "семинарда", "семинардын", "семинары", "семинарлар", "семинарды"],
    ["уюм", "уюмдар", "уюмдун", "уюму", "уюмуна", "уюмунда", "уюмдардын", "уюмун"],
    ["Көл", "Көлдө", "көлү", "Кол", "Колдо"],
    ["Ош", "Оштогу", "Ошто", "Оштон"],
    ["Өзгөн", "Өзгөндө", "Озгон", "Өзгөндүн"],
    ["Нарын", "Нарында", "Нарындагы"],
    ["Бишкек", "Бишкекте", "Бишкектеги", "Бишкектин"],
    ["Баткен", "Баткенде", "Баткендеги"],
    ["Караколдо", "Каракол", "Караколдун"],
    ["Талас", "Таласта", "Таластын"],
    ["Кыргызстан", "Кыргызстанда", "Кыргызстандын", "Кыргызстанга"],
    ["облус", "облусу", "облусунда", "облустук", "облустун", "облустарынан"],
    ["район", "райондук", "райондордо", "райондорунан", "району", "райондун"],
    ["план", "планы", "планын", "пландар", "планга"],
    ["жыйын", "жыйыны", "жыйынга", "жыйындар"],
    ["бала", "баланы", "балага", "балалар"],
    ["үй", "үйү", "үйлөр", "үйгө", "үйдө"],
    ["өргүү", "өргүүсү", "өргүүгө", "өргүүнүн", "өргүүлөрдүн", "оргуу"],
    ["келишим", "келишимдин", "келишимге", "келишимдер", "келишимди"],
    ["эмгек", "эмгеги", "эмгекке", "эмгектин"],
    ["айлык", "айлыгы", "айлыкты"],
    ["бирлик", "бирлиги", "бирлигинин", "бирликтин", "бирликке", "бирликтер"],
    ["республика", "республикасы", "республикасынын", "республикада", "республиканын"],
    ["министрлик", "министрлиги", "министрлигинин"],
    ["комитет", "комитети", "комитеттин", "комитетинин", "комитеттер", "комитетке"],
    ["съезд", "съезди", "съездде", "съездге"],
    ["пленум", "пленуму", "пленумга", "пленумдун"],
    ["иш", "иштер", "ишке", "иштин", "ишти", "иши"],
    ["кабар", "кабарлар", "кабарды"],
    ["коркунуч", "коркунучтуу"],
    ["салтанат", "салтанаттуу"],
    ["жолугушуу", "жолугушту"],
    ["долбоор", "долбоору", "долбоорду", "долбоорлорду", "долбоорго"],
    ["педагог", "педагогдор", "педагогу"],
    ["тарбиячы", "тарбиячылар", "тарбиячыларга", "тарбиячысы"],
    ["иш берүүчү", "иш берүүчүлөр", "иш берүүчүнүн", "иш берүүчүгө"],
    ["окуучу", "окуучулар", "окуучулардын"],
]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family[0])
def test_the_forms_of_a_word_share_one_stem(family):
    assert {ky(word) for word in family} == {ky(family[0])}


# Pairs of different words that must keep different stems.
APART = [
    ("жаны", "жан"),  # жаңы "new" typed without ң, жан "soul"
    ("жаңылык", "жаңы"),  # "news", "new"
    ("жана", "жан"),  # "and"
    ("окуу", "окуучулар"),  # "study", "pupils"
    ("кесиптик", "кесипчи"),
    ("жыл", "жылкы"),  # "year", "horse"
    ("бир", "бирлик"),  # "one", "union"
    ("ай", "айлык"),  # "month", "salary"
    ("жыл", "жылдык"),  # "year", "annual": too short a stem to cut
    ("билим", "бил"),  # "knowledge", "know"
    ("мугалим", "мугал"),
    ("баш", "башка"),  # "head", "other"
    ("Баткен", "бат"),  # not бат + -кен
    ("мамлекет", "мамлек"),
    ("ата", "ат"),  # "father", "horse"
    ("окуучу", "окуу"),  # "pupil", "study"
    ("тарбиячы", "тарбия"),
    ("Ош", "Оштук"),
    ("кол", "кал"),
    ("эмгек", "эмгекчи"),
]


@pytest.mark.parametrize(("one", "other"), APART, ids=lambda word: word)
def test_unrelated_words_keep_apart(one, other):
    assert ky(one) != ky(other)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("жаштарды", "жаш"),
        ("мугалимдердин", "мугалим"),
        ("семинарга", "семинар"),
        ("уюмдун", "уюм"),
        ("Оштогу", "ош"),
        ("Ысык-Көлдө", None),
        ("өргүүлөрдүн", "орк"),
        ("айлыгы", "айлык"),
    ],
)
def test_stems_are_the_bare_word(word, expected):
    if expected is None:
        assert terms(word, "ky") == ["ысык", "кол"]
    else:
        assert ky(word) == expected


def test_endings_follow_vowel_harmony():
    # -лар after а/ы, -лер after е/и, -лор after о: the wrong vowel is not an ending.
    assert kyrgyz.stem("китептер") == "китеп"
    assert kyrgyz.stem("китептар") == "китептар"
    assert kyrgyz.stem("колдор") == "кол"
    assert kyrgyz.stem("колдер") == "колдер"
    # мугалим is not мугал + -им: after а the ending would be -ым
    assert kyrgyz.stem("мугалим") == "мугалим"


def test_endings_follow_voicing():
    # -тар after a voiceless consonant, -дар after a voiced one, -лар after a vowel
    assert kyrgyz.stem("жаштар") == "жаш"
    assert kyrgyz.stem("жашдар") == "жашдар"
    assert kyrgyz.stem("кыздар") == "кыз"
    assert kyrgyz.stem("кызтар") == "кызтар"
    assert kyrgyz.stem("балалар") == "бала"
    assert kyrgyz.stem("баладар") == "баладар"


def test_stems_keep_three_letters_unless_known_short():
    assert kyrgyz.stem("уста") == "уста"  # not ус + -та
    assert kyrgyz.stem("кызды") == "кыз"
    assert kyrgyz.stem("иште") == "иш"  # иш "work" is a known short stem
    assert all(len(kyrgyz.stem(word)) >= 2 for word in ["ата", "ишке", "элге", "ошто", "ага", "ана"])


def test_words_that_are_not_kyrgyz_come_back_whole():
    assert stem("union", "ky") == "union"
    assert stem("2024", "ky") == "2024"
    assert stem("vii", "ky") == "vii"
    assert stem("", "ky") == ""


def test_the_stemmer_works_on_folded_text_only_and_gives_folded_stems():
    for word in ["көлдөрдүн", "үйлөргө", "жаңылыктар", "мүчөлөрү"]:
        assert not set(ky(word)) & set("ңөүҢӨҮ")
    assert ky("көлдөрдүн") == ky("колдордун") == "кол"
    assert ky("мүчөлөрү") == ky("мучолору") == "мучо"


def test_rules_are_written_in_cyrillic_with_a_and_i_for_harmony():
    for _name, group in kyrgyz.SLOTS:
        for template, _after, _minimum in group:
            assert set(template) <= set("AI") | set("абвгдежзийклмнопрстуфхцчшщыэюя"), template


def test_possessive_of_the_polite_you_and_of_we():
    assert ky("кызматкерлериңиздин") == "кызматкер"
    assert ky("уюмуңуздун") == "уюм"
    assert ky("мүчөлөрүбүздүн") == "мучо"
    assert ky("мектебибиз") == "мектеп"
