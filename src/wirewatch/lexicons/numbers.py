"""Find counts in text: digits ("1,376", "4.5 million", "3 000") and number words ("to", "zwei", "два")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.lexicons.loader import Lexicon

# Digits with thousands groups (1,376 / 3.000 / 3 000) or a decimal part (4.5 / 1,5), optionally "-", never inside a word.
_DIGITS = r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class Count:
    start: int
    end: int
    value: int
    lower_bound: bool  # "more than 70"
    written_as_one: bool  # "en", "ein", "one": also an article, so trusted only right before its noun


def find_counts(text: str, lex: Lexicon) -> list[Count]:
    """Whole-number counts of things, with "more than"/"around" folded in."""
    out: list[Count] = []
    for m in _count_pattern(lex).finditer(text):
        value = _value(m.group("num"), m.group("mult"), lex)
        if value is None or value <= 0:
            continue
        num = m.group("num").lower()
        start, lower = m.start(), False
        prefix = text[max(0, start - 30) : start]
        if lex.lower_bound and (lb := _ends_with(lex.lower_bound, prefix)):
            start, lower = start - lb, True
        elif lex.approx and (ap := _ends_with(lex.approx, prefix)):
            start -= ap
        out.append(Count(start, m.end(), value, lower, num in lex.one_words))
    return out


def _ends_with(pattern: re.Pattern[str], prefix: str) -> int:
    """Length of a match of `pattern` that ends `prefix` (before spaces), else 0."""
    stripped = prefix.rstrip()
    for m in pattern.finditer(stripped):
        if m.end() == len(stripped):
            return len(prefix) - m.start()
    return 0


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _count_pattern(lex: Lexicon) -> re.Pattern[str]:
    if lex.lang not in _PATTERNS:
        _PATTERNS[lex.lang] = _build_count_pattern(lex)
    return _PATTERNS[lex.lang]


def _build_count_pattern(lex: Lexicon) -> re.Pattern[str]:
    words = sorted(lex.number_words, key=len, reverse=True)
    mults = sorted(lex.multipliers, key=len, reverse=True)
    word_alt = "|".join(_word_regex(w) for w in words) or r"(?!x)x"
    mult_alt = "|".join(re.escape(w) for w in mults) or r"(?!x)x"
    # a run of number words ("twenty five", "двадцать пять", "zwei hundert") is read as one count
    word_run = rf"(?:{word_alt})(?:[\s-]+(?:{word_alt}|{mult_alt}))*"
    return re.compile(
        rf"(?<![\w.,:])(?P<num>{_DIGITS}|{word_run})(?:\s+(?P<mult>{mult_alt})\.?)?(?![\w])",
        re.IGNORECASE,
    )


def _word_regex(word: str) -> str:
    return re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’ʼ]")


def _folded(text: str) -> str:
    """Lower case with one apostrophe ("п’ять" and "п'ять" are one word)."""
    return text.lower().replace("’", "'").replace("ʼ", "'")


def _value(num: str, mult: str | None, lex: Lexicon) -> int | None:
    factor = lex.multipliers.get(mult.lower(), 1) if mult else 1
    if num[0].isdigit():
        return _digits_value(num, factor)
    num = _folded(num)
    if (whole := _phrase_value(num, lex)) and " " in num.strip():
        return whole * factor  # a phrase entry ("une vingtaine", "ett tjugotal") is one number, not a sum
    total, current = 0, 0
    for word in re.split(r"[\s-]+", num):
        if word in lex.multipliers:
            current = max(current, 1) * lex.multipliers[word]
            if lex.multipliers[word] >= 1000:
                total, current = total + current, 0
        elif word in lex.number_words:
            current += lex.number_words[word]
        else:  # a multi-word entry such as "a dozen"
            current += _phrase_value(num, lex)
            break
    return (total + current) * factor


def _phrase_value(phrase: str, lex: Lexicon) -> int:
    key = " ".join(phrase.split())
    return lex.number_words.get(key, 0)


def _digits_value(num: str, factor: int) -> int | None:
    compact = num.replace("\u00a0", " ").replace("\u202f", " ")
    if re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+", compact) and factor == 1:
        return int(re.sub(r"\D", "", compact))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", compact):
        value = float(compact.replace(",", "."))
        if factor == 1 and value != int(value):
            return None  # 4.5 of something is not a count of people
        return round(value * factor)
    if re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+", compact):
        return int(re.sub(r"\D", "", compact)) * factor
    return None
