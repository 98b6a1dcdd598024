"""What the fuzzer types into admin forms: hostile text, dates, numbers and links, as strings.

Every strategy yields what a browser would post for one input (a string, or None for an unticked
checkbox). The first branch of each `one_of` is an ordinary value, so that Hypothesis shrinks a
failure towards a form that differs from a normal one in as few fields as possible.
"""

import datetime
import string

from hypothesis import strategies as st

KYRGYZ_RUSSIAN = "абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНҢОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯ"
CONTROL = [chr(code) for code in range(0x20)] + ["\x7f", "\x85"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e"]
BIDI = ["\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]
BIDI += ["\u2066", "\u2067", "\u2068", "\u2069"]
SEPARATORS = ["\u2028", "\u2029", "\u00a0", "\u3000", "\u1680"]
UNUSUAL = ["\U0001f600", "e\u0301\u0301\u0301", "\ufdfd", "İ", "ß", "\uffff", "\ufffe", "\U0010ffff", "𝔘𝔫𝔦"]
UNUSUAL += ["ﷺ", "\U000e0001", "\U0001f469\u200d\U0001f469\u200d\U0001f467", "١٢٣", "日本語", "Ⅻ"]
MARKUP = ["<", ">", "&", '"', "'", "]]>", "<![CDATA[", "&amp;", "&#0;", "&#x1;", "{{ x }}", "{% now %}", "%s"]
MARKUP += ["%(name)s", "\\", ";", ",", ":", "-- ", "\r\n", "\n.\n", "=?utf-8?q?x?=", "BEGIN:VEVENT"]
ODD_CHARACTERS = CONTROL + INVISIBLE + BIDI + SEPARATORS + UNUSUAL + MARKUP

LONG = 10_000


def word():
    return st.text(alphabet=KYRGYZ_RUSSIAN + string.ascii_letters, min_size=3, max_size=12)


def _pieces():
    return st.lists(
        st.one_of(word(), st.sampled_from(ODD_CHARACTERS), st.text(max_size=4), st.just(" ")),
        min_size=1,
        max_size=8,
    ).map("".join)


def _long(max_length):
    lengths = [LONG] if max_length is None else sorted({max_length, max_length + 1, LONG})
    return st.tuples(_pieces(), st.sampled_from(lengths)).map(lambda pair: _repeat(pair[0], pair[1]))


def _repeat(piece, length):
    piece = piece or "ж"
    return (piece * (length // len(piece) + 1))[:length]


def ordinary_text(max_length=None):
    """A few words, within the field's length."""
    sentence = st.lists(word(), min_size=1, max_size=4).map(" ".join)
    return sentence.map(lambda value: value[:max_length] if max_length else value)


def text(max_length=None):
    """Single- or multi-line text: words, then control, invisible and bidi characters, markup,
    unusual Unicode, and strings of the field's length, one over it, and 10,000 characters."""
    sentence = st.lists(word(), min_size=1, max_size=5).map(" ".join)
    return st.one_of(sentence, _pieces(), _long(max_length), st.just(""))


def rich_text():
    link = urls()
    return st.one_of(
        text().map(lambda value: f"<p>{value}</p>"),
        st.tuples(link, text(80)).map(lambda pair: f'<p><a href="{pair[0]}">{pair[1]}</a></p>'),
        text(),
        _long(None).map(lambda value: f"<p>{value}</p>"),
        st.just('<p><img src="x" onerror="alert(1)">]]></p><script>alert(1)</script>'),
    )


def slug():
    ordinary = st.from_regex(r"\Afz-[a-z0-9]{1,10}(-[a-z0-9]{1,6})?\Z")
    odd = st.sampled_from(["", "sheet", "ask", "search", "-", "a" * 121, "ЖАШ", "x\u200b", "x y", "UPPER"])
    return st.one_of(ordinary, odd, st.just(""))


# Dates as staff type them (dd.mm.yyyy in both languages; ISO is accepted too).
EXTREME_DATES = [
    "01.01.0001", "31.12.9999", "29.02.2023", "29.02.2024", "31.12.1899", "01.01.1900", "31.12.2100",
    "01.01.2101", "01.01.1970", "00.00.0000", "32.01.2020", "31.04.2021", "1.1.1", "01.01.00", "31.12.99",
    "9999-12-31", "0001-01-01", "2024-02-30", "01.01.10000", "١٢.٠١.٢٠٢٤", "", " ", "31.12.9999\x00",
    "\u200e01.01.2025", "01.01.2025\u200f", "01/01/2025", "2025", "today", "-01.01.2020",
]  # fmt: skip
EXTREME_TIMES = [
    "00:00", "00:00:00", "23:59:59", "23:59:59.999999", "24:00", "12:60", "99:99", "-1:00", "",
    "12:00\x00", "١٢:٠٠", "12", "noon", "23:59:60",
]  # fmt: skip
TODAY = datetime.date(2026, 6, 15)


def _day(day):
    return day.strftime("%d.%m.") + f"{day.year:04d}"


def near_dates():
    return st.integers(-800, 800).map(lambda days: TODAY + datetime.timedelta(days=days)).map(_day)


def later_dates():
    """Ordinary dates after every `near_dates()`: an end that comes after its start."""
    return st.integers(801, 1600).map(lambda days: TODAY + datetime.timedelta(days=days)).map(_day)


def dates():
    return st.one_of(
        near_dates(),
        near_dates(),
        st.sampled_from(EXTREME_DATES),
        st.dates().map(_day),
        text(20),
    )


def times():
    ordinary = st.times().map(lambda moment: moment.strftime("%H:%M:%S"))
    return st.one_of(ordinary, ordinary, st.sampled_from(EXTREME_TIMES), text(12))


def integers():
    odd = ["-1", "32767", "32768", "65535", "65536", "2147483647", "2147483648", "9223372036854775808"]
    odd += ["1e3", "1,5", "", "٣", "0x10", " 7 ", "1\u200b", "99999999999999999999999999"]
    return st.one_of(st.integers(0, 100).map(str), st.sampled_from(odd), st.integers().map(str))


HOSTILE_LINKS = [
    "/\\evil.example/", "/\t/evil.example/", "/\n/evil.example/", "/\r/evil.example/", "//evil.example",
    "///evil.example", "/\\/evil.example", "\\\\evil.example", "https://evil.example\\@facebook.com/",
    "https://evil.example\\@www.facebook.com/union", "https://facebook.com@evil.example/",
    "https://facebook.com.evil.example/", "https://evil.example%2F@facebook.com/", "javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "https://evil.example/facebook.com", "https:evil.example", "https:/evil.example", "http://evil.example",
    " /ky/join/", "/ky/join/\x00", "/ky/\u202eevil", "https://xn--e1afmkfd.xn--p1ai/", "https://пример.рф/",
    "https://www.facebook.com:443/union", "https://www.facebook.com:99999/", "HTTPS://WWW.FACEBOOK.COM/x",
    "https://[::1]/", "https://127.0.0.1/", "https://www.facebook.com/\u200b", "/" + "a" * 600,
]  # fmt: skip
ORDINARY_LINKS = [
    "https://example.org/page", "http://example.org", "/ky/join/", "/ru/news/", "/ky/faq/", "https://t.me/union_kg",
    "https://www.facebook.com/union.kg", "https://www.instagram.com/union.kg", "https://wa.me/996312000000",
    "https://www.youtube.com/@union.kg", "https://cbd.minjust.gov.kg/1-2", "",
]  # fmt: skip


def urls(hosts=()):
    """Links: ordinary ones, the classic ways out of a site, and `hosts` with hostile tails."""
    variants = [
        st.sampled_from(ORDINARY_LINKS),
        st.sampled_from(HOSTILE_LINKS),
        st.tuples(st.sampled_from(["https://", "http://", "/", "//"]), text(40)).map("".join),
    ]
    if hosts:
        tails = [
            "/union",
            "\\@evil.example/",
            "@evil.example/",
            ".evil.example/",
            "/\t/x",
            ":443/x",
            "%2F@evil",
        ]
        variants.append(
            st.tuples(st.sampled_from(list(hosts)), st.sampled_from(tails)).map(
                lambda p: f"https://{p[0]}{p[1]}"
            )
        )
    return st.one_of(*variants)


def emails():
    odd = [
        "a@b.kg", "x@example.com\nBcc: evil@example.com", "a@b.kg\r\n", "a@b.kg\rSubject: x", "\"a\nb\"@b.kg",
        "аты@мисал.кг", "a@[127.0.0.1]", "a" * 65 + "@b.kg", "a@b", "",
    ]  # fmt: skip
    return st.one_of(st.just("info@union.test"), st.sampled_from(odd), text(60))


def phones():
    odd = ["+996 312 00-00-00", "0555 123 456", "+996\n312", "+" + "9" * 30, "tel:+996", "+996 312\u202e00"]
    return st.one_of(st.sampled_from(odd), text(30))


def lines(item):
    """Several values, one per line, separated by assorted line breaks."""
    breaks = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85", "\x0b", "\x0c"])
    return st.lists(st.tuples(item, breaks), max_size=4).map(lambda pairs: "".join(a + b for a, b in pairs))
