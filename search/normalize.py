"""Text normalisation for search: folding, words and stems, the same for indexed text and queries.

    fold(text)             lower case; ң→н, ө→о, ү→у (and their stand-ins ҥ ӧ ӱ ұ); ё→е; Latin
                           look-alike letters typed inside a Cyrillic word (a, e, o, p, c, x, y,
                           k, m, t, h, b; ö, ü, ñ) made Cyrillic; a wholly Latin word stays Latin.
    tokens(text)           the folded words: runs of letters and digits (`WORD_RE`), so hyphens,
                           quotes, NUL, emoji and every tsquery/FTS5 operator (& | ! : * ( ) ' ")
                           split words and never reach a token; each at most `MAX_TOKEN_LENGTH`
                           long. Ысык-Көл gives ["ысык", "кол"]. Removing HTML is the caller's.
    stem(word, language)   of a token. "ky": the light Kyrgyz stemmer of search/kyrgyz.py; "ru":
                           Snowball Russian with the fixes and derivation rules below, so that
                           уволить and увольнение, изменить and изменение, охрана and охране,
                           Ош and Ошский share a stem. Any other language: the token itself.
    terms(text, language)  tokens, then stem: what is indexed and what is looked for.
    term_pairs(text)       for each word of a query, its (Kyrgyz, Russian) terms, stopwords left
                           out (unless the query is nothing else).
    terms_all(text)        every term of the text under both stemmers.
    is_stopword(word)      whether a query may leave the word out (`STOPWORDS`: и, в, на, жана,
                           менен, үчүн, боюнча...): it joins words and is in nearly every text.

How the engine should use them
------------------------------
Index each translated field with its own language: `terms(title_ky, "ky")` and
`terms(title_ru, "ru")`; fields without a language (a document's number) with either, both
give the same for numbers and Latin words. A reader may type Russian on the Kyrgyz page or mix
both in one query ("отпуск мугалимдер"), so a query is not stemmed by the page's language: let
each query word match its Kyrgyz term or its Russian term (all words required, OR within a
word); `term_pairs(query)` gives them. Indexing every field under both stemmers (`terms_all`)
works too and finds a little more, at the price of odd terms (the Kyrgyz stemmer reads the
Russian отпуска as отпус + -ка). Detecting the language of a word does not work well: only
ң, ө, ү mark a word as Kyrgyz, and readers often type without them.

To answer the same on SQLite and PostgreSQL, compute the terms here, in Python, for both and
store them as text (an FTS5 column, `to_tsvector('simple', ...)` of the joined terms), rather
than letting PostgreSQL's `russian` configuration stem, which lacks the Kyrgyz stemmer and the
Russian rules below. Ranking may still prefer the exact form: `tokens()` gives the folded words
unstemmed.

The Russian rules are data: `RUSSIAN_NOUN_READINGS` (nouns Snowball reads as verb forms:
охрана → охра but охране → охран), `RUSSIAN_DERIVATIONS` (verbal nouns, imperfective verbs and
-ский adjectives joined to their family) and `RUSSIAN_STEMS` (forms of one word Snowball stems
apart: день/дня, Узген/Узгене). Each entry has its test in tests/search/test_stemmer_russian.py.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from search import kyrgyz

MAX_TOKEN_LENGTH = 64
# ң, ө, ү and their stand-ins from other Turkic alphabets (Kazakh ұ, Altai ҥ, Khakas ӧ ӱ) that a
# keyboard layout may give instead.
KYRGYZ_FOLD = str.maketrans("ңөүёҥӈӧӱұ", "ноуеннооу")
# Latin letters that look like Cyrillic ones, as they come out of lower(): a Latin "B" typed in
# "Бишкек" on the wrong layout becomes "b" and is read as "в"; ö, ø, ü and ñ stand for ө, ү, ң.
# Only inside a word that has Cyrillic letters: a wholly Latin word stays as it is.
LATIN_LOOKALIKES = str.maketrans("aeopcxykmthböøüñ", "аеорсхукмтнвооун")
WORD_RE = re.compile(r"[^\W_]+")
# The case forms of adjectives in -ский, but not -ским/-ском, which nouns in -ск have too (отпуском).
ADJECTIVE_SK_ENDINGS = ("ский", "ская", "ское", "ские", "ского", "скому", "ских", "скую", "скими", "ской")
VERBAL_NOUN_ENDINGS = ("ение", "ения", "ению", "ением", "ении", "ений", "ениям", "ениями", "ениях")
CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
LATIN_RE = re.compile(r"[a-zöøüñ]")

# Applied in order to a Snowball Russian stem: (what the word must end with, or "" for any word;
# the stem's ending; its replacement; the shortest stem left). Snowball keeps the suffix of the
# verbal noun (увольнение → увольнен) and the theme of the imperfective verb (увольнять →
# увольня, заключать → заключа), while the perfective loses both (уволить → увол); a noun
# loses its own а (работа → работ), so a stem still ending in а is a verb's.
RUSSIAN_DERIVATIONS = (
    (VERBAL_NOUN_ENDINGS, "ен", "", 3),  # увольнен → увольн, изменен → измен, назначен → назнач
    ("", "ня", "н", 3),  # увольня → увольн, выполня → выполн (выполнить), объединя → объедин
    ("", "ля", "л", 3),  # предоставля → предоставл → предостав, определя → определ
    ("", "а", "", 3),  # работа(ть) → работ (работа), отказа(ться) → отказ, заключа(ть) → заключ
    (ADJECTIVE_SK_ENDINGS, "ск", "", 2),  # бишкекск → бишкек, городск → город, ошск → ош
    ("", "ьн", "", 3),  # увольн → увол
    ("", "ь", "", 3),  # каракольск → каракол
    ("", "вл", "в", 3),  # заявл → заяв (заявить), предоставл → предостав
    ("", "бл", "б", 3),
    ("", "пл", "п", 3),  # вступл → вступ (вступить)
    ("", "мл", "м", 3),  # оформл → оформ (оформить)
)
# Nouns Snowball reads as verb forms after а or я: (the word's endings, letters the noun drops).
# охрана → охра but охране → охран; устав → уста but уставом → устав; Бекжан → бекжа.
RUSSIAN_NOUN_READINGS = ((("ана", "яна", "аны", "яны"), 1), (("ав", "яв", "ан", "ян"), 0))

# Words whose Snowball stem differs between forms of one word: the stem all forms get.
RUSSIAN_STEMS = {
    # place names Snowball reads as short adjectives in one case only (Узген → узг, Узгене → узген)
    "узген": "узг",
    "баткен": "батк",
    "ноокен": "ноок",
    "кербен": "керб",
    # the vowel that comes and goes: день, дня, дню
    **dict.fromkeys(("дня", "дню", "днем", "дни", "дне", "дней", "дням", "днями", "днях"), "ден"),
}

# Words a query may leave out: they join other words and find everything. Folded, as tokens are.
KYRGYZ_STOPWORDS = frozenset(
    {
        "жана",
        "менен",
        "учун",
        "боюнча",
        "жонундо",
        "тууралуу",
        "да",
        "де",
        "же",
        "бул",
        "ал",
        "эле",
        "гана",
        "деп",
        "эмне",
        "кантип",
        "канча",
        "кандай",
        "ким",
        "керек",
    }
)
RUSSIAN_STOPWORDS = frozenset(
    {
        "и",
        "в",
        "во",
        "не",
        "что",
        "на",
        "с",
        "со",
        "как",
        "а",
        "то",
        "но",
        "да",
        "к",
        "у",
        "же",
        "за",
        "бы",
        "по",
        "ее",
        "от",
        "о",
        "об",
        "из",
        "ли",
        "или",
        "ни",
        "до",
        "для",
        "при",
        "без",
        "под",
        "над",
        "про",
        "через",
        "это",
        "этот",
        "эта",
        "эти",
        "его",
        "их",
        "чем",
        "кто",
        "где",
        "когда",
        "если",
        "чтобы",
        "мне",
        "меня",
        "мой",
        "свой",
    }
)
STOPWORDS = KYRGYZ_STOPWORDS | RUSSIAN_STOPWORDS

_russian = snowballstemmer.stemmer("russian")


def _fold_word(word: str) -> str:
    if LATIN_RE.search(word) and CYRILLIC_RE.search(word):
        return word.translate(LATIN_LOOKALIKES)
    return word


def fold(text: str) -> str:
    """`text` in lower case with Kyrgyz letters and stray Latin look-alikes folded."""
    text = unicodedata.normalize("NFC", text).lower().translate(KYRGYZ_FOLD)
    return WORD_RE.sub(lambda match: _fold_word(match.group()), text)


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return [word[:MAX_TOKEN_LENGTH] for word in WORD_RE.findall(fold(text))]


@lru_cache(maxsize=50_000)
def stem(word: str, language: str | None) -> str:
    """The stem of a folded token in `language` ("ky" or "ru")."""
    if language == "ky":
        return kyrgyz.stem(word)
    if language == "ru":
        return _russian_stem(word)
    return word


def _russian_stem(word: str) -> str:
    if not CYRILLIC_RE.search(word):
        return word
    result: str = _russian.stemWord(word)
    for endings, dropped in RUSSIAN_NOUN_READINGS:
        noun = word[: len(word) - dropped]
        if word.endswith(endings) and len(result) < len(noun):
            return RUSSIAN_STEMS.get(noun, noun)
    for word_endings, ending, replacement, shortest in RUSSIAN_DERIVATIONS:
        if word.endswith(word_endings) and result.endswith(ending) and len(result) - len(ending) >= shortest:
            result = result[: -len(ending)] + replacement
    return RUSSIAN_STEMS.get(result, result)


def terms(text: str, language: str | None) -> list[str]:
    """The terms of `text` in `language`: what is indexed, and what a query looks for."""
    return [stem(word, language) for word in tokens(text)]


def term_pairs(text: str) -> list[tuple[str, str]]:
    """For each word of a query, its Kyrgyz and its Russian term; stopwords left out unless all are."""
    words = tokens(text)
    words = [word for word in words if word not in STOPWORDS] or words
    return [(stem(word, "ky"), stem(word, "ru")) for word in words]


def is_stopword(word: str) -> bool:
    """Whether a query may leave out `word` (as written or folded)."""
    return fold(word) in STOPWORDS


def terms_all(text: str) -> list[str]:
    """Every term of `text` under both stemmers, each once, in order of appearance."""
    seen: dict[str, None] = {}
    for pair in term_pairs(text):
        for term in pair:
            seen.setdefault(term, None)
    return list(seen)
