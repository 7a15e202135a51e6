"""Published-date stage: the article's own date, at the precision it shows.

The text's own evidence comes first: a crawler's ` date 2023-05` prefix, a byline
timestamp ("Av NTB | 14.03.2025 18:31", "March 12, 2024 11:48 AM"), a dateline that
opens the story ("KHARTOUM, Sept. 4, (Xinhua) —"). The most precise of them wins, so a
byline day beats a month prefix. A date the container gave (feed item, HTML metadata)
comes next, and a full date in the URL path is the last resort. A day and month
without a year borrow the year from the prefix, the container or the URL, or give
nothing. Dates in the running text are about events, not about the article, and are
never read.
"""

from __future__ import annotations

import email.utils
import html as html_module
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from wirewatch.model import CleanText, PartialDate, RawArticle

# The crawler's metadata prefix (" date 2023-05"), normally the text's start, at worst a line's.
_PREFIX = re.compile(r"^[^\S\n]*date:?[^\S\n]+(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?![\d-])", re.MULTILINE)
_HTML_HIDDEN = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>")
_HTML_TAG = re.compile(r"<[^<>]{1,500}>")
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|time|span|html|body|article|section|header|footer|nav|ul|figure|figcaption)\b[^<>]*>",
    re.IGNORECASE,
)
_ISO_START = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)")
_TIME = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?![\d.,]\d)")
_URL_DAY = re.compile(
    r"(?<![\d.])((?:19|20)\d{2})(?:([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])|(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]))(?!\d)"
)
# "/politics/12/03/2024/...": European day-first order, as some Russian and Ukrainian sites write it.
_URL_DAY_FIRST = re.compile(r"/(0[1-9]|[12]\d|3[01])[/.-](0[1-9]|1[0-2])[/.-]((?:19|20)\d{2})(?=[/.-]|$)")
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])(?:/|$)")
_URL_YEAR = re.compile(r"/((?:19|20)\d{2})(?:/|$)")
_WORDS = re.compile(r"[^\W_]+")
_NOT_ALNUM = re.compile(r"[\W_]+")  # the complement of str.isalnum
# Words that mark a stamp as the last update, not the publication.
_UPDATED = re.compile(
    r"(?i)(?<!\w)(?:updated|oppdatert|uppdaterad|opdateret|aktualisiert|bijgewerkt|aangepast|laatste update|"
    r"mis à jour|modifié|aktualizacja|zaktualizowano|обновлено|обновлен|оновлено|актуализирано|päivitetty)(?!\w)"
)
# How many lines below an update stamp the publication stamp may come.
_UPDATE_REACH = 3
_US_CLOCK = re.compile(r"(?i)\d\s*[ap]\.?m\b")
# The prefix, if any, comes before the story: look no further than this.
_PREFIX_REACH = 500
# Bylines are short lines; running paragraphs are longer than this.
_BYLINE_MAX_WORDS = 16
# Besides its date, a byline holds a name or two and little else.
_BYLINE_NAME_WORDS = 6
# A byline sits near the top: stop looking once this many body paragraphs have passed.
_HEADER_BODY_LINES = 3
# A dateline's date comes within the first characters of the story.
_DATELINE_REACH = 60
_DATELINE_PLACE = re.compile(r"(?:[^\W\d_][\w'’.\-]*\s*,?\s*){1,4}")


@dataclass(frozen=True)
class _Found:
    """A date expression in a line: the year may be missing, the month never is."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None
    ambiguous: bool = False  # "03/12/2024": day and month could be either way round


def published_date(raw: RawArticle, clean: CleanText) -> PartialDate | None:
    """The most specific date the article itself shows, or None."""
    html = raw.format == "html"
    text = "" if html else raw.text
    prefix = _prefix_date(text)
    hint = _hint_date(raw.date_hint)
    if html and hint is None:
        hint = _html_date(raw.text, raw.url)
        if hint is None:  # no date in the page's metadata: read its byline as text ("<p>Publicerad 22 maj 2024</p>")
            text = _html_lines(raw.text)
    url_day, url_ref = _url_dates(raw.url)
    references = [d for d in (prefix, hint, url_ref) if d is not None]

    shown = [
        prefix,
        _complete(_byline_date(_PREFIX.sub("", text, count=1), clean), references),
        _complete(_dateline_date(clean.body), references),
        hint,
    ]
    dated = [d for d in shown if d is not None and d.month is not None]
    if dated:
        # A day beats a month; between equals, the order above (prefix, byline, dateline, container).
        return next((d for d in dated if d.precision == "day"), dated[0])
    return url_day


def _prefix_date(text: str) -> PartialDate | None:
    m = _PREFIX.search(text, 0, _PREFIX_REACH)
    return _parse_iso(m.group(1)) if m else None


def _hint_date(hint: str | None) -> PartialDate | None:
    if not hint:
        return None
    m = _ISO_START.match(hint)
    if m:
        return _parse_iso(m.group(1))
    try:  # RFC 822 dates, as feeds write them
        return PartialDate.from_date(email.utils.parsedate_to_datetime(hint).date())
    except (TypeError, ValueError):
        return None


def _html_date(html: str, url: str | None) -> PartialDate | None:
    import htmldate  # only HTML input needs it, and it is slow to import

    try:
        found = htmldate.find_date(
            html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except (ValueError, TypeError):
        return None
    return _parse_iso(found) if found else None


def _html_lines(page: str) -> str:
    page = _HTML_HIDDEN.sub(" ", page)
    return html_module.unescape(_HTML_TAG.sub(lambda m: "\n" if _HTML_BLOCK.match(m.group()) else "", page))


def _parse_iso(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError:
        return None


def _url_dates(url: str | None) -> tuple[PartialDate | None, PartialDate | None]:
    """(full date in the path, the most precise year/month reference the path gives)."""
    if not url:
        return None, None
    parts = urlsplit(url)
    path = f"{parts.path}?{parts.query}" if parts.query else parts.path
    for m in _URL_DAY.finditer(path):
        month, day_of_month = (m.group(3), m.group(4)) if m.group(2) else (m.group(5), m.group(6))
        day = _make(int(m.group(1)), int(month), int(day_of_month))
        if day is not None:
            return day, day
    for m in _URL_DAY_FIRST.finditer(path):
        day = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if day is not None:
            return day, day
    m = _URL_MONTH.search(path)
    if m:
        return None, PartialDate(int(m.group(1)), int(m.group(2)))
    m = _URL_YEAR.search(path)
    return None, (PartialDate(int(m.group(1))) if m else None)


def _byline_date(text: str, clean: CleanText) -> _Found | None:
    """The first date in a byline-shaped line near the top that neither the body nor the headline holds.

    An update stamp printed above the publication stamp ("Uppdaterad 13 mars ... Publicerad 12 mars") gives way
    to it when one follows within a few lines.
    """
    body_key = _key(clean.body)
    headline_key = _key(clean.headline or "")
    body_lines = 0
    update: _Found | None = None
    lines_since_update = 0
    for line in (s.strip() for s in text.splitlines()):
        if not line:
            continue
        if update is not None:
            lines_since_update += 1
            if lines_since_update > _UPDATE_REACH:
                return update
        if _in_body(line, body_key):
            body_lines += len(line.split()) >= 8
            if body_lines >= _HEADER_BODY_LINES:
                return update
            continue
        if headline_key and _key(line).startswith(headline_key) and len(_key(line)) - len(headline_key) < 20:
            continue  # "Angriff am 12. März 2024: was wir wissen" dates the event, not the article
        # "03/12/2024 March 12, 2024": a month name settles what a day/month order left open.
        for found in sorted(_dates(line), key=lambda f: f.ambiguous):
            if _is_byline_date(line, found):
                if update is None and _UPDATED.search(line, max(0, found.start - 30), found.start):
                    update = found
                    break
                return found
    return update


def _is_byline_date(line: str, found: _Found) -> bool:
    """A date with a clock time after it, or one whose line holds little else: a byline or a stamp.

    "Av NTB | 14.03.2025 18:31", "Jane Doe, 12 March 2024", "Publisert 12. mars 2024".
    """
    if len(_WORDS.findall(line)) > _BYLINE_MAX_WORDS:
        return _TIME.search(line, found.end, found.end + 12) is not None and found.year is not None
    if _TIME.search(line, found.end, found.end + 12):
        return True
    if found.year is None:  # a bare "24. Mai" is a byline only when a clock time follows it
        return False
    rest = [
        w
        for w in _WORDS.findall(line[: found.start] + " " + line[found.end :])
        if w.casefold() not in _stamps()
    ]
    return len(rest) <= _BYLINE_NAME_WORDS and all(w[:1].isupper() or w.isdigit() for w in rest)


def _dateline_date(body: str) -> _Found | None:
    """A date the story opens with after a place name: "KHARTOUM, Sept. 4, (Xinhua) —"."""
    opening = body.lstrip()[: _DATELINE_REACH + 20]
    found = next(iter(_dates(opening)), None)
    if found is None or found.start > _DATELINE_REACH:
        return None
    place = opening[: found.start]
    if place[:1].isupper() and place.rstrip().endswith(",") and _DATELINE_PLACE.fullmatch(place):
        return found
    return None


def _complete(found: _Found | None, references: list[PartialDate]) -> PartialDate | None:
    """A found date as a PartialDate, its missing year taken from the nearest reference."""
    if found is None:
        return None
    if found.year is not None:
        return _make(found.year, found.month, found.day)
    if not references:
        return None
    ref = references[0]
    year = ref.year
    if ref.month is not None:  # "Dec. 30" in an article filed under January
        if found.month - ref.month > 6:
            year -= 1
        elif ref.month - found.month > 6:
            year += 1
    return _make(year, found.month, found.day)


def _make(year: int, month: int, day: int | None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


def _key(text: str) -> str:
    return _NOT_ALNUM.sub("", text.casefold())


def _in_body(line: str, body_key: str) -> bool:
    # The clean stage may trim a kicker or a credit off a line's ends: test its middle.
    key = _key(line)
    if len(key) > 40:
        key = key[len(key) // 4 : len(key) // 4 + 40]
    return bool(key) and key in body_key


def _dates(line: str) -> list[_Found]:
    found = []
    for m in _date_pattern().finditer(line):
        g = m.groupdict()
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["ny"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
            if mo > 12 or g["sep"] == "/" and _US_CLOCK.search(line):  # 03/12/2024 on a US page is 12 March
                mo, d = d, mo
        elif g["sy"]:  # "22.05.24 18:40": a two-digit year, as some bylines print it
            y, mo, d = 2000 + int(g["sy"]), int(g["sm"]), int(g["sd"])
        elif g["dm"]:
            y, mo, d = _int(g["dy"]), _month_number(g["dm"]), int(g["dd"])
        else:
            y, mo, d = _int(g["my"]), _month_number(g["mm"]), int(g["md"])
        if mo is None or not 1 <= mo <= 12 or (y is not None and _make(y, mo, d) is None):
            continue
        if y is None and _make(2000, mo, d) is None:  # 2000 is a leap year: 29 February passes
            continue
        ambiguous = bool(g["ny"]) and g["sep"] == "/" and mo != d and max(mo, d or 0) <= 12
        found.append(_Found(m.start(), m.end(), y, mo, d, ambiguous))
    return found


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _month_number(word: str) -> int | None:
    return _months().get(word.casefold().rstrip("."))


@functools.cache
def _months() -> dict[str, int]:
    return dict(tomllib.loads(_data("dates.toml"))["months"])


def _data(name: str) -> str:
    return resources.files("wirewatch.stages.data").joinpath(name).read_text("utf-8")


@functools.cache
def _stamps() -> frozenset[str]:
    """Words that sit beside a date in a byline: weekdays, "published", "updated", "kl.", "um"."""
    words = tomllib.loads(_data("dates.toml"))["words"]
    return frozenset([*words["weekdays"], *words["stamps"]])


@functools.cache
def _date_pattern() -> re.Pattern[str]:
    months = "|".join(re.escape(m) for m in sorted(_months(), key=len, reverse=True))
    month = rf"(?<![^\W\d_])(?:{months})(?![^\W\d_])\.?"
    year = r"(?:19|20)\d{2}(?!\d)"
    return re.compile(
        "|".join(
            (
                rf"(?<!\d)(?P<iy>{year})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})(?!\d)",
                rf"(?<![\d.])(?P<nd>\d{{1,2}})(?P<sep>[./-])(?P<nm>\d{{1,2}})(?P=sep)(?P<ny>{year})",
                rf"(?<![\d.])(?P<sd>\d{{1,2}})\.(?P<sm>\d{{1,2}})\.(?P<sy>\d{{2}})(?![\d.])",
                rf"(?<![\d.,])(?P<dd>\d{{1,2}})(?:\.|st|nd|rd|th|er)?\s*(?:de\s+)?(?P<dm>{month}),?\s*(?:de\s+)?(?P<dy>{year})?",
                rf"(?P<mm>{month})\s*(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.:]\d),?\s*(?P<my>{year})?",
            )
        ),
        re.IGNORECASE,
    )
