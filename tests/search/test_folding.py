"""Folding and words (search/normalize.py): what the search sees of a text and of a query."""

import re

import pytest

from search.normalize import MAX_TOKEN_LENGTH, fold, is_stopword, term_pairs, terms, terms_all, tokens

QUERY_SYNTAX = set("&|!:*()'\"<>-+~^@\\")


def test_kyrgyz_letters_fold_to_their_plain_ones():
    assert fold("Ңң Өө Үү") == "нн оо уу"
    assert tokens("Жаңы Өзгөн Үлгү") == ["жаны", "озгон", "улгу"]
    assert fold("Ёлка ещё") == "елка еще"


def test_a_query_without_the_special_letters_gives_the_same_words():
    assert tokens("Ысык-Кол жаны") == tokens("Ысык-Көл жаңы")
    assert terms("Ысык-Көлдө", "ky") == terms("Ысык-Колдо", "ky")
    assert terms("өргүүсү", "ky") == terms("оргуусу", "ky")


def test_hyphenated_names_give_each_part():
    assert tokens("Ысык-Көл") == ["ысык", "кол"]
    assert tokens("Жалал-Абад облусу") == ["жалал", "абад", "облусу"]


def test_latin_look_alikes_inside_a_cyrillic_word_become_cyrillic():
    # "а", "о", "р", "с", "е", "х" typed from the Latin layout inside Cyrillic words
    assert tokens("Бишкeк") == ["бишкек"]
    assert tokens("oтпуск") == ["отпуск"]
    assert tokens("ТРУДОВОЙ KОДЕКС") == ["трудовой", "кодекс"]
    assert tokens("кoмитеt") == ["комитет"]
    assert tokens("увoльнение") == tokens("увольнение")
    assert not re.search("[a-z]", "".join(tokens("pеcпублика Бишкeк Aк-Суу")))


def test_a_wholly_latin_word_stays_latin():
    assert tokens("UNESCO report VII") == ["unesco", "report", "vii"]
    assert tokens("Билим жана эмгек PDF") == ["билим", "жана", "эмгек", "pdf"]


def test_decomposed_letters_are_composed_first():
    assert tokens("и\u0306ыл") == ["йыл"]
    assert tokens("е\u0308") == ["е"]


@pytest.mark.parametrize(
    "text",
    [
        "отпуск & увольнение | !жаштар",
        "мугалим:* & (өргүү | отпуск)",
        "'жаштар' \"уюм\" <-> отпуск:A",
        "a & b | !c:* (d) 'e' \"f\"",
        "NEAR(отпуск увольнение) AND OR NOT",
        "col:отпуск ^отпуск -увольнение +уюм ~жаш",
        "\\' ; DROP TABLE search; --",
    ],
)
def test_query_syntax_never_reaches_a_token(text):
    for word in tokens(text) + terms(text, "ky") + terms(text, "ru") + terms_all(text):
        assert word
        assert not set(word) & QUERY_SYNTAX
        assert word.isalnum()


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "\x00\x00отпуск\x00",
        "!!!",
        "...,;:—–-«»“”„",
        "* & | ! : ( ) ' \"",
        "😀🎉",
        "\u200b\u200d",
    ],
)
def test_odd_input_gives_clean_words_or_none(text):
    words = tokens(text)
    assert all(word.isalnum() for word in words)
    assert "\x00" not in "".join(words)


def test_nul_and_emoji_split_words_and_disappear():
    assert tokens("отпуск\x00увольнение") == ["отпуск", "увольнение"]
    assert tokens("жаштар😀мугалим") == ["жаштар", "мугалим"]
    assert tokens("😀") == []
    assert terms("😀 !!! ...", "ru") == []


def test_punctuation_only_gives_no_words():
    assert tokens("... !!! ??? «» — – , ; : () [] {} / \\ | & * ' \"") == []
    assert term_pairs("?!") == []


def test_ten_thousand_characters_give_short_tokens_quickly():
    text = "а" * 10_000
    assert tokens(text) == ["а" * MAX_TOKEN_LENGTH]
    long_text = "отпуск " * 1_500
    assert len(long_text) > 10_000
    assert set(terms(long_text, "ru")) == {"отпуск"}
    assert len(terms(long_text, "ky")) == 1_500


def test_digits_stay_words():
    assert tokens("№ 21 мектеп, 2024-жыл, 12/22") == ["21", "мектеп", "2024", "жыл", "12", "22"]


def test_query_words_leave_out_stopwords_unless_all_are():
    assert term_pairs("жаштар менен иш") == [("жаш", "жаштар"), ("иш", "иш")]
    assert [ru for _, ru in term_pairs("в Караколе")] == ["каракол"]
    assert term_pairs("и") == [("и", "и")]


def test_terms_all_gives_both_languages_once_each():
    # each stemmer on every word: the Kyrgyz one reads отпуска as отпус + -ка
    assert terms_all("отпуска жаштарды") == ["отпус", "отпуск", "жаш", "жаштард"]
    assert terms_all("Ош") == ["ош"]


def test_stopwords_are_known_as_written_or_folded():
    assert is_stopword("В")
    assert is_stopword("үчүн")
    assert is_stopword("Жана")
    assert not is_stopword("отпуск")
    assert not is_stopword("жаштар")


def test_stand_ins_for_the_kyrgyz_letters_fold_like_them():
    # Latin ö, ü, ñ inside a Cyrillic word, and the look-alike letters of other Cyrillic alphabets
    assert tokens("мööнöт жаñы үлгü") == tokens("мөөнөт жаңы үлгү") == ["моонот", "жаны", "улгу"]
    assert tokens("Ысык-Кӧл") == ["ысык", "кол"]
    assert tokens("жаҥы") == ["жаны"]
    # in a wholly Latin word they stay
    assert tokens("Müller Ölçek") == ["müller", "ölçek"]
