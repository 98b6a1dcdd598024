"""A light Kyrgyz stemmer: suffix stripping with the rules as data.

No maintained Kyrgyz stemmer exists on PyPI or in Debian (Apertium's analyser is not packaged),
so this one is written here. It is deliberately light: it removes the inflectional endings a
reader types on the end of a word (case, possessive, plural), the adjective endings -лык and
-луу after a stem of four letters or more (облустук → облус, коркунучтуу → коркунуч), the past
participle -ган and the verbal noun -уу. Other derivation stays: окуу "study" and окуучу "pupil",
жыл "year" and жылкы "horse", бир "one" and бирлик "union" keep apart.

It works on folded text (search/normalize.py: lower case, ң→н, ө→о, ү→у). Folding happens to
keep Kyrgyz vowel harmony readable: the last vowel of the stem decides the vowel of the ending,

    stem vowel а ы   -> ending а / ы       (жаштар, кыздын)
    stem vowel е и   -> ending е / и       (мугалимдер, мугалимдин)
    stem vowel о ө   -> ending о / у       (колдор, жолдун; көлдөр → колдор, сөздүн → создун)
    stem vowel у ү   -> ending а or о / у  (уюмдар, күндөр → кундор; уюмдун, күндүн → кундун)

and the first consonant of the ending agrees with the last sound of the stem (voicing):
-лар after a vowel, й or р, -дар after a voiced consonant, -тар after a voiceless one; -га
after a vowel or a voiced consonant, -ка after a voiceless one; and so on. An ending is removed
only when both agree, which keeps most words that merely end like a suffix whole (Баткен is not
бат + -кен, мугалим is not мугал + -им).

Endings are removed from the end of the word in slot order (`SLOTS`: case, possessive, plural,
derivational), at most one per slot, the longest that fits first, and never below `MIN_STEM`
letters (two-letter stems only from `SHORT_STEMS`). A stem ending in г or б is written with к
or п (айлыгы → айлык, like айлык itself).

Limits: it knows no lexicon, so a word that really ends in a suffix-like string after a
matching stem is still cut (кары "old" → кар "snow"), and a word whose bare form looks inflected
may stem apart from its other forms; `PROTECTED`, `PROTECTED_ENDINGS` and `KNOWN_STEMS` list the
exceptions met so far. Loanwords that break harmony keep their ending; verbs keep most of their
tense and person endings; the 1st person singular possessive (-ым, -им) is left alone, as too
many plain words end like it (мугалим, келишим, билим, уюм).
"""

VOWELS = frozenset("аеиоуыэюяё")
VOICELESS = frozenset("пфктсшщчхц")
CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
VOICED = CONSONANTS - VOICELESS

# Harmony after folding: the vowels an ending may have after the stem's last vowel.
# "A" stands for the low (open) vowel of an ending, "I" for the high (close) one.
HARMONY: dict[str, dict[str | None, str]] = {
    "A": {
        "а": "а",
        "ы": "а",
        "я": "а",
        "е": "е",
        "и": "е",
        "э": "е",
        "о": "о",
        "ё": "о",
        "у": "ао",
        "ю": "ао",
    },
    "I": {"а": "ы", "ы": "ы", "я": "ы", "е": "и", "и": "и", "э": "и", "о": "у", "ё": "у", "у": "у", "ю": "у"},
}

# What the stem may end with for an ending to follow it.
V = VOWELS
C = CONSONANTS
Z = VOICED  # voiced consonants, й and р included
S = VOICELESS
L = VOWELS | {"й", "р"}  # where -лар / -лер / -лор begins with л
D = VOICED - {"й", "р"}  # where it begins with д
P = frozenset("ыиу")  # the vowel of the 3rd person possessive, before -нда, -нан, -на (уюмунда)

# Suffix groups, in the order they are tried (from the end of the word). Each entry is
# (template, what the stem must end with, minimum stem length or None for MIN_STEM).
SLOTS = (
    (
        "case",
        (
            # -дагы "the one in ..." (Оштогу, облустагы, мектептеги), before plain -да
            ("дAгI", V | Z, None),
            ("тAгI", S, None),
            ("ндAгI", P, None),
            # ablative
            ("дAн", V | Z, None),
            ("тAн", S, None),
            ("нAн", P, None),
            # genitive
            ("нIн", V, None),
            ("дIн", Z, None),
            ("тIн", S, None),
            # locative
            ("ндA", P, None),
            ("дA", V | Z, None),
            ("тA", S, None),
            # dative
            ("гA", V | Z, None),
            ("кA", S, None),
            ("нA", P, None),
            # accusative (and the past tense of verbs, which looks the same)
            ("нI", V, None),
            ("дI", Z, None),
            ("тI", S, None),
        ),
    ),
    (
        "possessive",
        (
            ("IбIз", C, None),  # our
            ("бIз", V, None),
            ("IнIз", C, None),  # your (polite), ң folded to н
            ("нIз", V, None),
            ("сIн", V, None),  # his, her, its, as an object (республикасын, укугун)
            ("Iн", C, None),
            ("сI", V, None),  # his, her, its
            # not after ч: тарбиячы, окуучу, жетекчи are whole words (their plural keeps the vowel)
            ("I", C - {"ч"}, None),
        ),
    ),
    (
        "plural",
        (
            ("лAр", L, None),
            ("дAр", D, None),
            ("тAр", S, None),
        ),
    ),
    (
        "derivational",
        (
            # abstract nouns and adjectives of a noun, after a stem of 4 letters or more:
            # облустук → облус, райондук → район, кесиптик → кесип, жамааттык → жамаат
            # (бирлик, айлык, жылдык keep theirs: бир "one", ай "moon", жыл "year")
            ("лIк", L, 4),
            ("дIк", Z, 4),
            ("тIк", S, 4),
            # "having": коркунучтуу → коркунуч, милдеттүү → милдет, салтанаттуу → салтанат
            ("луу", L, 4),
            ("дуу", Z, 4),
            ("туу", S, 4),
            # past participle (болгон, берген, өткөрүлгөн, чыккан)
            ("гAн", V | Z, None),
            ("кAн", S, None),
            # verbal noun after a consonant (жазуу, берүү, жолугушуу)
            ("уу", C, None),
        ),
    ),
)

MIN_STEM = 3
SHORT_STEMS = frozenset({"иш", "эл", "уй", "ош", "ай", "ат", "ой", "ук"})
PROTECTED = frozenset(
    {
        "жаны",  # жаңы "new", not жан "soul" + -ы
        "жанылык",  # жаңылык "news", not жаңы "new" + -лык
        "башка",  # "other", not баш "head" + -ка
        "бирге",  # "together"
        "ошондо",
        "анда",
        "мында",
        "сулукту",  # Сүлүктү, a town
    }
)
PROTECTED_ENDINGS = ("стан",)  # Кыргызстан is not Кыргызс + -тан
# Stems that a case or possessive ending would cut into, because the stem itself ends like one:
# облусу is облус + -у, not облу + -су (as республикасы is республика + -сы); району is район + -у,
# not райо + -ну (as баланы is бала + -ны); съезди is съезд + -и, not съез + -ди. No ending is
# removed that would cut into one of these.
KNOWN_STEMS = frozenset(
    {
        # ending in с
        "облус",
        "талас",
        "класс",
        "курс",
        "конкурс",
        "процесс",
        "ресурс",
        "статус",
        # ending in н
        "район",
        "план",
        "закон",
        "жыйын",
        "нарын",
        "озгон",
        "баткен",
        "кемин",
        # loanwords ending in a consonant and д or т
        "съезд",
        "текст",
    }
)
FINAL_DEVOICING = {"г": "к", "б": "п"}


def _last_vowel(stem: str) -> str | None:
    for char in reversed(stem):
        if char in VOWELS:
            return char
    return None


def _patterns(template: str) -> list[str]:
    """The concrete spellings of a template: each A or I replaced by every vowel it may be."""
    spellings = [""]
    for char in template:
        options = {"A": "аео", "I": "ыиу"}.get(char, char)
        spellings = [spelling + option for spelling in spellings for option in options]
    return spellings


def _harmonises(stem: str, template: str, ending: str) -> bool:
    previous = _last_vowel(stem)
    for archiphoneme, char in zip(template, ending, strict=True):
        if archiphoneme in HARMONY and char not in HARMONY[archiphoneme].get(previous, ""):
            return False
        if char in VOWELS:
            previous = char
    return True


def _long_enough(stem: str, minimum: int | None) -> bool:
    if not any(char in VOWELS for char in stem):
        return False
    if minimum is None:
        return len(stem) >= MIN_STEM or stem in SHORT_STEMS
    return len(stem) >= minimum


def _slot_rules(
    group: tuple[tuple[str, frozenset[str], int | None], ...],
) -> dict[str, list[tuple[str, frozenset[str], int | None]]]:
    """A slot's rules by concrete ending: {ending: [(template, after, minimum), ...]}."""
    rules: dict[str, list[tuple[str, frozenset[str], int | None]]] = {}
    for template, after, minimum in group:
        for ending in _patterns(template):
            rules.setdefault(ending, []).append((template, after, minimum))
    return rules


RULES = tuple(_slot_rules(group) for _name, group in SLOTS)
LONGEST_ENDING = max(len(ending) for rules in RULES for ending in rules)


def _cuts_protected(word: str, stem: str) -> bool:
    """Whether removing the ending after `stem` would cut into a protected ending or a known stem."""
    for protected in PROTECTED_ENDINGS:
        start = word.rfind(protected)
        if start >= 0 and start + len(protected) > len(stem):
            return True
    return any(len(stem) < len(known) and word.startswith(known) for known in KNOWN_STEMS)


def _strip_slot(word: str, rules: dict[str, list[tuple[str, frozenset[str], int | None]]]) -> str:
    """`word` without the longest ending of the slot that fits it."""
    for length in range(min(LONGEST_ENDING, len(word) - 1), 0, -1):
        ending = word[-length:]
        stem = word[:-length]
        for template, after, minimum in rules.get(ending, ()):
            if (
                stem[-1] in after
                and _long_enough(stem, minimum)
                and _harmonises(stem, template, ending)
                and not _cuts_protected(word, stem)
            ):
                return stem
    return word


def stem(word: str) -> str:
    """The stem of a folded Kyrgyz word (lower case, ң/ө/ү folded); other words come back as they are."""
    if len(word) <= 2 or not any(char in VOWELS for char in word):
        return word
    for rules in RULES:
        word = _devoice(word)
        if word in PROTECTED or word.endswith(PROTECTED_ENDINGS):
            break
        word = _strip_slot(word, rules)
    return _devoice(word)


def _devoice(word: str) -> str:
    """к and п voice to г and б before a vowel (айлык, айлыгы): write the stem with к and п."""
    if len(word) >= MIN_STEM and word[-1] in FINAL_DEVOICING:
        return word[:-1] + FINAL_DEVOICING[word[-1]]
    return word
