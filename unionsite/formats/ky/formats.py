"""Kyrgyz formats: «2016-жылдын 28-апрели», «1,5 МБ», «12 500».

Django's own write "28 Апрель 2016 ж." and a decimal point. Kyrgyz puts the year first in the
genitive and the day as an ordinal with the month in the possessive: E is the month's "alt. month"
form, «январы … декабры», translated in our catalogue (unionsite/admin_strings.py).
"""

DATE_FORMAT = r"Y-\ж\ы\л\д\ы\н j-E"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"Y-\ж\ы\л\д\ы\н j-E, G:i"
YEAR_MONTH_FORMAT = r"Y-\ж\ы\л\д\ы\н E"
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Дүйшөмбү

# Day first, as people in Kyrgyzstan type dates; ISO dates (2016-04-28) are always accepted too.
DATE_INPUT_FORMATS = [
    "%d.%m.%Y",  # 28.04.2016
    "%d.%m.%y",  # 28.04.16
]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S.%f",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%d.%m.%y %H:%M:%S",
    "%d.%m.%y %H:%M:%S.%f",
    "%d.%m.%y %H:%M",
    "%d.%m.%y",
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a non-breaking space: 12 500
NUMBER_GROUPING = 3
