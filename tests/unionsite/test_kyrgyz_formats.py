"""Dates, file sizes and numbers in the grammar of each language (unionsite/formats/)."""

import datetime

import pytest
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import filesizeformat
from django.utils import formats, translation

NBSP = "\xa0"

KYRGYZ_MONTHS = [
    "январы", "февралы", "марты", "апрели", "майы", "июну",
    "июлу", "августу", "сентябры", "октябры", "ноябры", "декабры",
]  # fmt: skip
RUSSIAN_MONTHS = [
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
]  # fmt: skip


@pytest.mark.parametrize("month", range(1, 13))
def test_kyrgyz_dates_put_the_year_first_and_the_month_in_the_possessive(month):
    day = datetime.date(2016, month, 28)
    with translation.override("ky"):
        assert date_filter(day, "DATE_FORMAT") == f"2016-жылдын 28-{KYRGYZ_MONTHS[month - 1]}"
        assert date_filter(day, "SHORT_DATE_FORMAT") == f"28.{month:02d}.2016"


@pytest.mark.parametrize("month", range(1, 13))
def test_russian_dates_put_the_month_in_the_genitive(month):
    day = datetime.date(2016, month, 1)
    with translation.override("ru"):
        assert date_filter(day, "DATE_FORMAT") == f"1 {RUSSIAN_MONTHS[month - 1]} 2016 г."
        assert date_filter(day, "MONTH_DAY_FORMAT") == f"1 {RUSSIAN_MONTHS[month - 1]}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "2016-жылдын 1-сентябры, 9:05"), ("ru", "1 сентября 2016 г. 9:05")],
)
def test_date_and_time(language, expected):
    with translation.override(language):
        assert date_filter(datetime.datetime(2016, 9, 1, 9, 5), "DATETIME_FORMAT") == expected
        assert date_filter(datetime.datetime(2016, 9, 1, 9, 5), "SHORT_DATETIME_FORMAT") == "01.09.2016 09:05"


def test_kyrgyz_year_and_month():
    with translation.override("ky"):
        assert date_filter(datetime.date(2024, 6, 1), "YEAR_MONTH_FORMAT") == "2024-жылдын июну"
        assert date_filter(datetime.date(2024, 5, 9), "MONTH_DAY_FORMAT") == "9-майы"


@pytest.mark.parametrize(
    ("size", "kyrgyz", "russian"),
    [
        (0, "0 байт", "0 байт"),
        (1, "1 байт", "1 байт"),
        (3, "3 байт", "3 байта"),
        (964, "964 байт", "964 байта"),
        (1023, "1023 байт", "1023 байта"),
        (1536, "1,5 КБ", "1,5 КБ"),
        (10 * 1024, "10,0 КБ", "10,0 КБ"),
        (int(2.3 * 1024 * 1024), "2,3 МБ", "2,3 МБ"),
        (15 * 1024 * 1024, "15,0 МБ", "15,0 МБ"),
    ],
)
def test_file_sizes_in_words_of_the_language_with_a_decimal_comma(size, kyrgyz, russian):
    with translation.override("ky"):
        assert filesizeformat(size).replace(NBSP, " ") == kyrgyz
    with translation.override("ru"):
        assert filesizeformat(size).replace(NBSP, " ") == russian


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_numbers_have_a_decimal_comma_and_a_non_breaking_space_between_thousands(language):
    with translation.override(language):
        assert formats.number_format(1234567.25, 2, force_grouping=True) == f"1{NBSP}234{NBSP}567,25"
        assert formats.number_format(12500, force_grouping=True) == f"12{NBSP}500"
        assert formats.number_format(0.5, 1) == "0,5"
        assert formats.number_format(-1500.25, 2, force_grouping=True) == f"-1{NBSP}500,25"


def test_the_years_in_lists_get_no_thousands_separator():
    """USE_THOUSAND_SEPARATOR stays off: 2024 in a changelist or a filter is not "2 024"."""
    with translation.override("ky"):
        assert formats.localize(2024) == "2024"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_dates_typed_day_first_are_read(language):
    with translation.override(language):
        assert "%d.%m.%Y" in formats.get_format("DATE_INPUT_FORMATS")
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1
