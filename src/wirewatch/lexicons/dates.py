"""Resolve the date words of a sentence ("tirsdag morgen", "am Sonntag", "i august i fjor") against the article's date.

dateparser handles many absolute forms but not weekday-plus-part-of-day, "i fjor" or
"samme år", and it is slow per call; this resolver works from the language's own word
lists instead, so every language with a lexicon file gets the same forms.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Literal

from wirewatch.lexicons.loader import Lexicon
from wirewatch.model import PartialDate

CueKind = Literal["weekday", "relative", "explicit", "month", "week", "year"]

_DAY_BEFORE = re.compile(r"(\d{1,2})(?:\.|st|nd|rd|th|er|e|-?го|-?е)?\s*(?:of\s+|de\s+|d')?$", re.IGNORECASE)
_DAY_AFTER = re.compile(r"^\s*(\d{1,2})(?:st|nd|rd|th|\.)?(?!\d)", re.IGNORECASE)
_YEAR_AFTER = re.compile(r"^,?\s*(?:of\s+)?((?:19|20)\d{2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4}))(?![\d])")


@dataclass(frozen=True)
class DateCue:
    """A date expression in a text and what it resolves to."""

    start: int
    end: int
    kind: CueKind
    date: PartialDate | None  # None: the text names a time the article's date cannot pin down


def find_date_cues(
    text: str, lex: Lexicon, published: PartialDate | None, context_year: int | None = None
) -> list[DateCue]:
    """Every date expression in `text`, resolved against `published`.

    `context_year` is the last year the article named before this text ("samme år").
    """
    cues: list[DateCue] = []
    taken: list[tuple[int, int]] = []

    def add(cue: DateCue) -> None:
        if any(cue.start < e and s < cue.end for s, e in taken):
            return
        cues.append(cue)
        taken.append((cue.start, cue.end))

    for m in _NUMERIC.finditer(text):
        y, mo, d = (
            (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
        )
        add(DateCue(m.start(), m.end(), "explicit", _safe_date(int(y), int(mo), int(d))))
    for month_index, pattern in enumerate(lex.months):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            add(_month_cue(text, m, month_index + 1, lex, published, context_year))
    for weekday, pattern in enumerate(lex.weekdays):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            add(DateCue(m.start(), m.end(), "weekday", _weekday(weekday, published)))
    # longest first: "avant-hier" before the "hier" inside it, "позавчера" before "вчера"
    relative = [(m, offset) for pattern, offset in lex.relative_days for m in pattern.finditer(text)]
    for m, offset in sorted(relative, key=lambda found: found[0].start() - found[0].end()):
        add(DateCue(m.start(), m.end(), "relative", _shift(published, offset)))
    for pattern, kind in ((lex.this_week, "week"), (lex.last_week, "week")):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            back = 7 if pattern is lex.last_week else 0
            add(
                DateCue(
                    m.start(), m.end(), "week", _month_of(_shift(published, -back) if back else published)
                )
            )
    for pattern, delta in ((lex.last_year, -1), (lex.this_year, 0)):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            add(
                DateCue(
                    m.start(), m.end(), "year", PartialDate(published.year + delta) if published else None
                )
            )
    cues.sort(key=lambda c: c.start)
    return cues


def resolve_date(
    text: str, lex: Lexicon, published: PartialDate | None, context_year: int | None = None
) -> PartialDate | None:
    """The date `text` speaks of: its most precise cue, else the article's own date."""
    cues = find_date_cues(text, lex, published, context_year)
    if not cues:
        return published
    best = max(cues, key=lambda c: _rank(c.date))
    return best.date


def years_named(text: str) -> list[int]:
    """Four-digit years written in `text`, for "the same year" later on."""
    return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]


def _rank(date: PartialDate | None) -> int:
    return 0 if date is None else {"year": 1, "month": 2, "day": 3}[date.precision]


def _month_cue(
    text: str,
    m: re.Match[str],
    month: int,
    lex: Lexicon,
    published: PartialDate | None,
    context_year: int | None,
) -> DateCue:
    start, end = m.start(), m.end()
    day: int | None = None
    before = _DAY_BEFORE.search(text[max(0, start - 8) : start])
    if before:
        day = int(before.group(1))
        start -= len(before.group(0))
    else:
        after = _DAY_AFTER.match(text[end : end + 6])
        if after:
            day = int(after.group(1))
            end += after.end()
    year_m = _YEAR_AFTER.match(text[end : end + 10])
    year: int | None = None
    if year_m:
        year = int(year_m.group(1))
        end += year_m.end()
    else:
        tail = text[end : end + 40]
        if lex.last_year and (ly := lex.last_year.match(tail.lstrip(" ,"))):
            year = published.year - 1 if published else None
            end += len(tail) - len(tail.lstrip(" ,")) + ly.end()
            if year is None:
                return DateCue(start, end, "month", None)
        elif lex.same_year and (sy := lex.same_year.match(tail.lstrip(" ,"))):
            year = context_year or (published.year if published else None)
            end += len(tail) - len(tail.lstrip(" ,")) + sy.end()
        elif published is not None:
            # a month without a year is the latest such month not after the article
            year = published.year
            if published.month and month > published.month:
                year -= 1
    if year is None:
        return DateCue(start, end, "explicit" if day else "month", None)
    if day is not None and not 1 <= day <= 31:
        day = None
    return DateCue(start, end, "explicit" if day else "month", _safe_date(year, month, day))


def _safe_date(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        try:
            return PartialDate(year, month)
        except ValueError:
            return None


def _weekday(weekday: int, published: PartialDate | None) -> PartialDate | None:
    """The latest such weekday on or before the article's day; the article's month when only that is known."""
    if published is None:
        return None
    day = published.as_date()
    if day is None:
        return _month_of(published)
    return PartialDate.from_date(day - datetime.timedelta(days=(day.weekday() - weekday) % 7))


def _shift(published: PartialDate | None, days: int) -> PartialDate | None:
    if published is None:
        return None
    day = published.as_date()
    if day is None:
        return _month_of(published)
    return PartialDate.from_date(day + datetime.timedelta(days=days))


def _month_of(date: PartialDate | None) -> PartialDate | None:
    if date is None:
        return None
    return PartialDate(date.year, date.month) if date.month else date
