"""How names are compared: tokens, exact keys, loose keys, romanisations.

Two keys per name. The *exact* key is the casefolded, accent-stripped token
sequence ("Šebekino" -> "sebekino"). The *loose* key folds the spelling
conventions of English, Danish/Norwegian, German, Polish, French and scholarly
romanisation into one skeleton and strips case endings, so `Vjatjeslav`,
`Wjatscheslaw`, `Wiaczesław`, `Вячеслав` and `Vyacheslav` share one key, and
so do `Белгородской области` and `Белгородская область`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Apostrophes inside a word belong to it (Ukrainian В'ячеслав, Pokrovs'k); a
# trailing English 's is split off later, as an inflection.
TOKEN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*", re.UNICODE)
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})

# Letters NFKD does not decompose.
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i", "œ": "oe", "ð": "d", "þ": "th"})

# One romanisation of Russian/Ukrainian/Belarusian letters (English-like); the loose
# key folds the other conventions onto it.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye", "ж": "zh",
    "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "'": "", "’": "",
}

# Ordered: longer spellings first. "S" stands for every hushing sibilant (ш ж ч щ),
# whose spellings differ most between conventions.
_SIBILANTS: tuple[tuple[str, str], ...] = (
    ("schtsch", "S"), ("shch", "S"), ("sjtj", "S"), ("szcz", "S"), ("šč", "S"), ("chtch", "S"), ("tsj", "S"),
    ("tsch", "S"), ("dsch", "dS"), ("dzh", "dS"), ("dž", "dS"), ("dż", "dS"), ("tch", "S"),
    ("sch", "S"), ("sh", "S"), ("sz", "S"), ("sj", "S"), ("zh", "S"), ("zj", "S"), ("cz", "S"),
    ("tj", "S"), ("ch", "S"), ("rz", "S"),
    ("š", "S"), ("ś", "S"), ("ž", "S"), ("ż", "S"), ("ź", "S"), ("č", "S"), ("ć", "S"),
)

# In skeleton spelling, after trailing vowels are gone: the genitive -ого/-его/-ego (g is h) ends in "oh"/"eh".
_ENDINGS = ("ami", "omu", "emu", "om", "em", "oh", "eh", "ah", "ih", "am", "im")


# French and Italian elision: "l'Ukraine" is two words, "Pokrovs'k" and "В'ячеслав" are one.
_ELISION = re.compile(r"^(?:[LlDdNnSsJjCcMmTt]|[Qq]u|[Ll]orsqu|[Jj]usqu|[Pp]uisqu)['’](?=\w)")


def tokens(text: str) -> list[tuple[int, int, str]]:
    """Word tokens with their character offsets."""
    out = []
    for m in TOKEN.finditer(text):
        word, start = m.group(), m.start()
        elided = _ELISION.match(word)
        if elided:
            cut = elided.end()
            out.append((start, start + cut - 1, word[: cut - 1]))
            out.append((start + cut, m.end(), word[cut:]))
        else:
            out.append((start, m.end(), word))
    return out


@lru_cache(maxsize=200_000)
def strip_accents(word: str) -> str:
    word = word.casefold().translate(_LATIN_EXTRA).translate(APOSTROPHES)
    # Keep й and ё distinct from и and е before stripping marks: they differ in names.
    word = word.replace("й", "\x01").replace("ё", "\x02").replace("ї", "\x03")
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("\x01", "й").replace("\x02", "ё").replace("\x03", "ї")


def exact_key(words: list[str]) -> str:
    return " ".join(strip_accents(w) for w in words)


def romanise(word: str) -> str:
    """Cyrillic letters to Latin (English-like); Latin passes through."""
    return "".join(_CYRILLIC.get(c, c) for c in word.casefold())


_SIBILANT_RE = re.compile("|".join(re.escape(src) for src, _ in _SIBILANTS))
_SIBILANT_MAP = dict(_SIBILANTS)
_DIGRAPH_RE = re.compile("kh|ck|ts|tz|ph|x|q")
_DIGRAPH_MAP = {"kh": "h", "ck": "k", "ts": "s", "tz": "s", "ph": "f", "x": "ks", "q": "k"}
_SINGLE = str.maketrans({"w": "v", "z": "s", "c": "s", "g": "h", "y": "i", "j": "i"})
_VOWEL_RE = re.compile("ou|ie")
_DOUBLE_RE = re.compile(r"(.)\1+")
_NOT_LETTER_RE = re.compile(r"[^a-zS]")


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """The spelling-convention-blind form of one word."""
    w = romanise(word.casefold().replace("ł", "l").replace("ø", "o").replace("æ", "ae").replace("ß", "ss"))
    w = _SIBILANT_RE.sub(lambda m: _SIBILANT_MAP[m.group()], w)  # before accents go: š and s differ
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    w = _DIGRAPH_RE.sub(lambda m: _DIGRAPH_MAP[m.group()], w).translate(_SINGLE)
    w = _VOWEL_RE.sub(lambda m: "u" if m.group() == "ou" else "e", w)
    w = _NOT_LETTER_RE.sub("", w)
    return _DOUBLE_RE.sub(r"\1", w)


@lru_cache(maxsize=200_000)
def stem(skel: str) -> str:
    """Strip case endings from a skeleton (vowels, and the common Slavic endings), as often as they
    come: text and alias must reach the same stem whichever ending each had ("Рустемом", "Рустем")."""
    while True:
        before = skel
        trimmed = skel.rstrip("aeiou")
        if len(trimmed) >= 3:
            skel = trimmed
        for ending in _ENDINGS:
            if skel.endswith(ending) and len(skel) - len(ending) >= 3:
                skel = skel[: -len(ending)]
                break
        if skel == before:
            return skel


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= c <= "\u04ff" for c in word)


def loose_key(words: list[str]) -> str | None:
    """Skeleton-and-stem key; None when too short to be safe."""
    parts = [stem(skeleton(w)) for w in words]
    if not all(parts):
        return None
    key = " ".join(parts)
    shortest = 3 if any(is_cyrillic(w) for w in words) else 4
    return key if len(key.replace(" ", "")) >= shortest else None


def loose_keys(words: list[str]) -> list[str]:
    """The loose key, plus a reading of Danish/Norwegian "tj" as т+soft vowel (Tjotkino)."""
    first = loose_key(words)
    keys = [first] if first else []
    if any("tj" in w.lower() for w in words):
        other = loose_key([re.sub("tj", "ti", w, flags=re.IGNORECASE) for w in words])
        if other and other not in keys:
            keys.append(other)
    return keys


# Romanisation conventions, for generating the aliases people will write.
_SCHEMES: dict[str, dict[str, str]] = {
    "en": {},
    "da": {"ж": "zj", "х": "kh", "ц": "ts", "ч": "tj", "ш": "sj", "щ": "sjtj", "ю": "ju", "я": "ja", "й": "j",
           "ё": "jo", "є": "je", "ї": "ji"},
    "de": {"в": "w", "ж": "sch", "з": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch",
           "ю": "ju", "я": "ja", "й": "j", "ё": "jo", "є": "je", "ї": "ji", "ы": "y"},
    "pl": {"в": "w", "ж": "ż", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz", "ю": "ju", "я": "ja",
           "й": "j", "ё": "io", "є": "je", "ї": "ji", "ы": "y", "л": "ł"},
    "scholarly": {"ж": "ž", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ю": "ju", "я": "ja",
                  "й": "j", "ё": "ë", "є": "je", "ї": "ji", "ы": "y"},
    "fr": {"ж": "j", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "ю": "iou", "я": "ia",
           "й": "ï", "у": "ou", "ё": "io", "ы": "y"},
}


def romanisations(name: str) -> dict[str, str]:
    """The name in each romanisation convention, by convention ("en", "da", "de", "pl", ...)."""
    out: dict[str, str] = {}
    for scheme, table in _SCHEMES.items():
        letters = []
        for c in name:
            low = c.lower()
            latin = table.get(low, _CYRILLIC.get(low, c)) if is_cyrillic(c) or c in "'’" else c
            if c != low and latin:
                latin = latin[0].upper() + latin[1:]
            letters.append(latin)
        text = "".join(letters)
        out[scheme] = text
    return out


# Ukraine's national romanisation (2010), which English Wikipedia titles follow.
_UKRAINIAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def ukrainian_romanisation(name: str) -> str:
    """Ukrainian Cyrillic in Ukraine's national romanisation (Mykolaiv, Zaporizhzhia, Andrii)."""
    out = []
    for i, c in enumerate(name):
        low = c.lower()
        initial = i == 0 or not name[i - 1].isalpha()
        latin = (_UKRAINIAN_INITIAL.get(low) if initial else None) or _UKRAINIAN.get(low, c)
        if low == "г" and i > 0 and name[i - 1].lower() == "з":
            latin = "gh"  # зг is "zgh", not "zh"
        out.append(latin[:1].upper() + latin[1:] if c != low and latin else latin)
    return "".join(out)


_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")


def latin_name(name: str, lang: str) -> str:
    """A Cyrillic name in the Latin letters English writes it with: Ukrainian names (or any name in a
    Ukrainian article) in Ukraine's national romanisation, others in the English convention."""
    if not is_cyrillic(name):
        return name
    if lang == "uk" or any(c in _UKRAINIAN_LETTERS for c in name):
        return ukrainian_romanisation(name)
    return romanisations(name)["en"]
