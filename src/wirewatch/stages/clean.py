"""Clean stage: raw article text or HTML -> headline and running body.

HTML goes through trafilatura first; its text then takes the same road as crawled
plain text, which arrives as lines of running text mixed with site furniture. Each
line is judged on its own (per-language lexicons of menus, buttons, teasers and
credits in `data/boilerplate.toml`; line shapes such as bylines, time stamps and
"3 min read"), then by its place: the lines above the first paragraph of running
text hold the headline, kickers and captions; the lines after the last one hold tags
and agency signatures. Short lines inside the story stay: they are crossheads and
speaker labels. The raw text is never changed; only the returned CleanText is derived.
"""

from __future__ import annotations

import functools
import html as html_module
import re
import tomllib
from dataclasses import dataclass, replace
from importlib import resources

import ftfy
import justext

from wirewatch.model import CleanText, RawArticle

# The crawler's metadata prefix (" date 2023-05"), normally the text's start, at worst a line's.
_PREFIX = re.compile(
    r"^[^\S\n]*date:?[^\S\n]+\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?(?![\d-])[^\S\n]*",
    re.MULTILINE,
)
_HTML_TAG = re.compile(r"<[^<>]{1,500}>")
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|li|h[1-6]|html|body|article|section|header|footer|nav)\b[^<>]*>", re.IGNORECASE
)
_TEMPLATE = re.compile(r"\{\{[^{}]*\}\}")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
# Signs of text decoded with the wrong codec ("Ã¸", "â€œ", "Ð¿"), or of HTML entities.
_MOJIBAKE = re.compile(
    r"[ÂÃÅÐÑâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2010-\u203a\u20ac\u2122]|&#?\w+;"
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"""[.!?…:;]\s?["'»«“”’)\]]*$""")
_HEADLINE_END = re.compile(r"""[?!]["'»«“”’]?$""")
_BULLETS = re.compile(r"^[\s•·▪►▶●■◆*|>–—-]+|[\s•·▪►▶●■◆*|]+$")
_TIME = re.compile(
    r"(?<!\d)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?(?!\d)(?:\s*(?:[ap]\.?m\.?|uhr|h)\b)?", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)"
)
_READING_TIME = re.compile(
    r"(?i)(?:\b\d+\s*(?:min(?:ute)?s?|minutter|minuter|minuten|minuti|minutos|minuuttia|мин(?:ут[аы]?)?|хв(?:илин[аи]?)?)\.?"
    r"\s*(?:read|lesen|lesing|läsning|læsning|lectura|lettura|de lecture|czytania|чтения|читання)\b|"
    r"\b(?:lesedauer|lesetid|læsetid|lästid|leestijd|temps de lecture|czas czytania|время чтения|час читання|"
    r"tiempo de lectura|tempo di lettura|lukuaika|reading time|lecture)\s*:?\s*\d+\s*(?:min|хв|мин))"
)
# An embedded post: its link, or its signature "— Jane Doe (@janedoe) March 12, 2024".
_EMBED = re.compile(
    r"(?i)pic\.twitter\.com|^[—–-]\s*[^()]{1,60}\(@\w{2,}\)|\(@\w{2,}\)\s*[^\W\d]+\.? \d{1,2}, \d{4}"
    r"|a post shared by|view this post on instagram|t\.me/\w|^https?://\S+$"
)
_SLASH_CREDIT = re.compile(r"^/?\s*[\w.-]+(?:\s*/\s*[\w.-]+)+\s*/?$")
_NAME_CREDIT = re.compile(r"^©?\s*[^\W\d_][\w.-]*(?: [^\W\d_][\w.-]*)?(?: ?/ ?[^\W\d_][\w.-]*(?: [^\W\d_][\w.-]*)?)+$")
_TRAILING_CREDIT = re.compile(
    r"(?:(?<=[.!?…»“”\"'])|(?<=[.!?…»“”\"']\s))\s*(?:(?:[a-zäöüß]{1,4}/)*[a-zäöüß]{1,4}\s+)?(?:\((?P<paren>[^()]{2,40})\)|/(?P<slash>[\w.\- ]{2,40}(?:/[\w.\- ]{1,30})*)/?"
    r"|(?:[—–-]\s*)?©?(?P<bare>[^\W\d_][\w.\-]{0,20}(?:\s?/\s?[\w.\-]{1,20})*))\s*$"
)
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_UPPER_RUN = re.compile(r"[A-ZÀ-ÞА-ЯЁІЇЄҐ]{2,}\s+[A-ZÀ-ÞА-ЯЁІЇЄҐ]{2,}\s+[A-ZÀ-ÞА-ЯЁІЇЄҐ]{2,}")
_CREDIT_PAREN = re.compile(r"\((?:quelle|source|kilde|källa|bron|foto|photo|bild|фото|kuva|zdjęcie)\s*:")
# "REUTERS/Gleb Garanich", "AP Photo/Efrem Lukatsky": an agency and its photographer.
_PHOTOGRAPHER = re.compile(
    r"\b(?:[A-ZА-Я]{2,}(?: Photo| Images)?|Getty Images|Sputnik)\s*/\s*[A-ZА-Я][A-Za-zА-Яа-я]+ [A-ZА-Я][A-Za-zА-Яа-я]+|(?<!\w)(?i:fot)\.\s+\S"
)
_NAME_WORD = r"[A-ZÀ-ÞА-ЯЁІЇЄҐŁŚŻ][\w'’-]+"
_SITE_SUFFIX = re.compile(r"^(.*\S)\s+(?:[|–—-]|::)\s+(\S.*?)$")
_CAPITALISED = re.compile(r"^[^\W\d_]")
# A headline is a short line; a longer one without final punctuation is a cut-off paragraph.
_HEADLINE_MAX_WORDS = 30
_HEADLINE_MAX_CHARS = 250
# Kickers and section names are shorter than this; headlines rarely are.
_HEADLINE_MIN_WORDS = 4
# A line this long right under the headline is a standfirst, kept with the story.
_STANDFIRST_MIN_WORDS = 10
# Only lines this long count as repeats: short quotes ("Nej.") may recur in running text.
_REPEAT_MIN_WORDS = 4
# A line this long with a sentence end is running text, the start of the story proper.
_PARAGRAPH_MIN_WORDS = 8
# Furniture phrases only condemn lines up to this length; a long paragraph may quote them.
_FURNITURE_MAX_WORDS = 40
_CAPTION_MAX_CHARS = 350
# Crossheads and speaker labels are shorter than this; unpunctuated lines this long are captions.
_CAPTION_MIN_WORDS = 8
_DENSE_CHROME_MAX_CHARS = 600
# A credit line on its own ("Getty Images", "Foto: Jessica Gow/TT") is this short.
_CREDIT_MAX_WORDS = 6
# "Подписывайтесь на наш Telegram-канал" and the like fit in this many words.
_SOCIAL_MAX_WORDS = 12
# A "Read more…" link glued to a paragraph's end fits in this many characters.
_TEASER_TAIL_CHARS = 45


@dataclass(frozen=True)
class _Lexicon:
    lines: frozenset[str]
    starts: tuple[str, ...]
    contains: tuple[str, ...]
    inline_markers: re.Pattern[str]  # multi-word ad markers glued into running text
    photo_credit: re.Pattern[str]  # "Foto: ..." opening a line or closing a caption
    credit_line: re.Pattern[str]  # a short line of label and name without a colon: "Foto AFP", "Fot. Jan Nowak/PAP"
    social_prompt: re.Pattern[str]  # "Читайте РБК в Telegram": a call to follow the site elsewhere
    source_credit: re.Pattern[str]  # "Quelle: ..." opening a line
    credit_phrases: tuple[str, ...]
    byline: re.Pattern[str]  # "By Jane Doe", "Av NTB |" opening a line
    byline_anywhere: re.Pattern[str]  # the same inside a flattened header
    roles: re.Pattern[str]
    keep_labels: frozenset[str]
    teasers: frozenset[str]  # "read more", "les også": the next line is another article's title
    teaser_lead: re.Pattern[str]  # "Läs mer… Ryssland inleder offensiv"
    teaser_tail: re.Pattern[str]  # "... på flera platser. Läs mer…"
    agencies: frozenset[str]
    author_note: re.Pattern[str]  # "Jane Doe is our Moscow correspondent." closing the text
    dates: re.Pattern[str]  # dates written with a month name


@dataclass
class _Line:
    text: str
    words: list[str]
    chrome: bool
    sentence: bool  # ends like a sentence

    @property
    def paragraph(self) -> bool:
        n = len(self.words)
        return not self.chrome and (self.sentence and n >= _PARAGRAPH_MIN_WORDS or n > _HEADLINE_MAX_WORDS)


def clean(raw: RawArticle) -> CleanText:
    """Derive the headline and the running text, without site chrome."""
    if raw.format == "html" or _looks_like_html(raw.text):
        text, html_title = _from_html(raw.text, raw.url)
    else:
        text, html_title = raw.text, None
    title = _strip_site_name(raw.title_hint or html_title)
    text = _repair(text)
    lex = _lexicon()
    lines = [_judge(s, lex) for s in (_tidy(s, lex) for s in text.split("\n")) if s]
    if any(_opens_block(line.text, lex, sources=False) for line in lines):
        # In a text of "Details:"/"Quote:" blocks, a short "Source: ..." is one of them, not a credit.
        lines = [replace(line, chrome=False) if _is_source_credit(line.text, lex) else line for line in lines]
    headline, body = _assemble(lines, title, lex, _stopwords(text))
    return CleanText(headline=headline, body="\n\n".join(body))


def _looks_like_html(text: str) -> bool:
    """Markup that arrived as "text": a page, or paragraphs still in their tags."""
    head = text[:3000]
    return head.lstrip().startswith("<") and len(_HTML_BLOCK.findall(head)) >= 2


def _from_html(html: str, url: str | None) -> tuple[str, str | None]:
    import trafilatura  # only HTML input needs it, and it is slow to import

    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, include_images=False, deduplicate=False
    )
    if not text:  # too little markup for trafilatura to find an article in: take the text between tags
        text = html_module.unescape(
            _HTML_TAG.sub(lambda m: "\n" if _HTML_BLOCK.match(m.group()) else "", html)
        )
    meta = trafilatura.extract_metadata(html, default_url=url)
    return text or "", (meta.title if meta and meta.title else None)


def _strip_site_name(title: str | None) -> str | None:
    """ "Headline | Site" or "Headline - Section - Site" -> "Headline"."""
    if not title:
        return None
    title = _SPACES.sub(" ", _repair(title)).strip()
    for _ in range(2):
        m = _SITE_SUFFIX.match(title)
        if not m or len(_WORD.findall(m.group(2))) > 4 or len(m.group(1)) < 15:
            break
        title = m.group(1)
    return title or None


def _repair(text: str) -> str:
    if _MOJIBAKE.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = _PREFIX.sub("", text, count=1)
    while _TEMPLATE.search(text):
        text = _TEMPLATE.sub("", text)
    return _INVISIBLE.sub("", text)


def _tidy(line: str, lex: _Lexicon) -> str:
    line = _SPACES.sub(" ", line).strip()
    m = _TRAILING_CREDIT.search(line)
    if m and _is_agency_signature(m.group("paren") or m.group("slash") or m.group("bare"), lex):
        line = line[: m.start()].rstrip()
    end = line[-_TEASER_TAIL_CHARS:]
    if "…" in end or "..." in end or ">" in end or "»" in end or "›" in end or "→" in end:
        m = lex.teaser_tail.search(end)  # "... på flera platser. Läs mer…"
        if m:
            line = line[: len(line) - len(end) + m.start()].rstrip()
    if not _UPPER_RUN.search(line):
        return line
    for m in reversed(list(lex.inline_markers.finditer(line))):
        if m.group().isupper():  # "ARTIKLEN FORTSÆTTER EFTER ANNONCE" glued into a paragraph
            line = (line[: m.start()] + " " + line[m.end() :]).strip()
    return _SPACES.sub(" ", line)


def _judge(text: str, lex: _Lexicon) -> _Line:
    words = _WORD.findall(text)
    sentence = _ends_sentence(text)
    return _Line(text, words, _is_chrome(text, words, sentence, lex), sentence)


def _ends_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text[-8:]))


def _is_chrome(text: str, words: list[str], sentence: bool, lex: _Lexicon) -> bool:
    if not words:
        return True  # rules, bullets, lone punctuation
    low = text.casefold()
    bare = _BULLETS.sub("", low).rstrip(" .:!?…»>›→")
    n = len(words)
    if bare in lex.lines or _opens_with_furniture(bare, lex) or lex.teaser_lead.match(bare) or _is_embed(low):
        return True
    if n <= 3 and lex.roles.fullmatch(bare):
        return True  # "Journalist", "Foreign correspondent" under a name
    if n <= _CREDIT_MAX_WORDS + 2 and not sentence and lex.credit_line.match(text):
        return True
    if n <= _SOCIAL_MAX_WORDS and lex.social_prompt.match(bare):
        return True
    if n <= _CREDIT_MAX_WORDS and _is_name_credit(text):
        return True
    if n <= 8 and not sentence and all(w.casefold() in lex.lines for w in words):
        return True  # a breadcrumb or a menu: "Politik Ausland", "News / World / Europe"
    furniture = _has_any(low, lex.contains)
    reading_time = _has_reading_time(text)
    if n <= _FURNITURE_MAX_WORDS and (furniture or reading_time):
        return True
    credit = len(text) <= _DENSE_CHROME_MAX_CHARS and _has_credit(text, low, lex)
    if credit and len(text) <= _CAPTION_MAX_CHARS:
        return True
    if _is_source_credit(text, lex) or _is_byline(text, n, sentence, lex) or _is_timestamp(text, n, lex):
        return True
    if n <= 25 and not sentence and lex.roles.search(text) and _starts_with_name(words):
        return True  # author box: "Jane Doe, Moscow correspondent. Follow"
    if len(text) > _DENSE_CHROME_MAX_CHARS:
        return False
    # A flattened header holds several kinds of furniture at once.
    credit_note = "(" in text and bool(_CREDIT_PAREN.search(low))
    return furniture + reading_time + credit + credit_note + _has_byline_stamp(text, lex) >= 2


def _is_name_credit(text: str) -> bool:
    """ "Telegram / РДК", "© Efrem Lukatsky / AP": a picture's source alone on its line."""
    return "/" in text and bool(_NAME_CREDIT.match(text)) and all(w[:1].isupper() for w in _WORD.findall(text))


def _opens_with_furniture(bare: str, lex: _Lexicon) -> bool:
    """ "Read more: ...", "Czytaj także ..."; but "Czytaj dalej, powiedział rzecznik" is a quote."""
    return bare.startswith(lex.starts) and not any(
        bare.startswith(s) and bare[len(s) : len(s) + 1] == "," for s in lex.starts
    )


def _has_any(low: str, phrases: tuple[str, ...]) -> bool:
    return any(p in low for p in phrases)


def _is_embed(low: str) -> bool:
    return (
        "@" in low or "http" in low or "pic.twitter" in low or "instagram" in low or "t.me/" in low
    ) and bool(_EMBED.search(low))


def _has_reading_time(text: str) -> bool:
    return bool(_DIGIT.search(text)) and bool(_READING_TIME.search(text))


def _has_credit(text: str, low: str, lex: _Lexicon) -> bool:
    return (
        (":" in text and bool(lex.photo_credit.search(text)))
        or _has_any(low, lex.credit_phrases)
        or ("/" in text and bool(_PHOTOGRAPHER.search(text)))
    )


def _is_source_credit(text: str, lex: _Lexicon) -> bool:
    """A "Source: X" line naming where a picture or video came from, not a block of text."""
    m = lex.source_credit.match(text)
    if not m:
        return False
    n = len(_WORD.findall(text[m.end() :]))
    # "Quelle: F.A.Z." ends on an abbreviation's dot, not a sentence's.
    return n <= 6 and (not _ends_sentence(text.rstrip('»«"“”')) or n <= 3)


def _is_byline(text: str, n_words: int, sentence: bool, lex: _Lexicon) -> bool:
    return n_words <= 12 and not sentence and bool(lex.byline.match(text))


def _is_timestamp(text: str, n_words: int, lex: _Lexicon) -> bool:
    """A line of dates, clock times and names: "March 12, 2024 11:48 AM", "JANE DOE, 12 March 2024, 09:20"."""
    if n_words > 16 or not _has_date(text, lex) and not _TIME.search(text):
        return False
    rest = lex.dates.sub(" ", _NUMERIC_DATE.sub(" ", _TIME.sub(" ", text)))
    rest_words = [w for w in _WORD.findall(rest) if not w.isdigit() and w.casefold() not in _stamp_words()]
    return len(rest_words) <= 6 and all(_CAPITALISED.match(w) and not w.islower() for w in rest_words)


def _has_date(text: str, lex: _Lexicon) -> bool:
    return bool(_DIGIT.search(text)) and bool(_NUMERIC_DATE.search(text) or lex.dates.search(text))


def _has_byline_stamp(text: str, lex: _Lexicon) -> bool:
    """ "Von t-online 12.03.2024" somewhere in the line."""
    return _has_date(text, lex) and any(
        _has_date(text[m.end() : m.end() + 40], lex) for m in lex.byline_anywhere.finditer(text)
    )


def _starts_with_name(words: list[str]) -> bool:
    return len(words) >= 2 and all(_CAPITALISED.match(w) and not w.islower() for w in words[:2])


def _assemble(
    lines: list[_Line], title: str | None, lex: _Lexicon, stop: frozenset[str]
) -> tuple[str | None, list[str]]:
    first = next((i for i, line in enumerate(lines) if line.paragraph), len(lines))
    last = max((i for i, line in enumerate(lines) if line.paragraph), default=len(lines) - 1)
    headline_at = _headline_index(lines[:first], title)
    headline = title or (
        lines[headline_at].text if headline_at is not None else _flattened_headline(lines[:first], lex)
    )
    seen: set[str] = {_norm(headline)} if headline else set()
    body: list[str] = []
    after_byline = after_teaser = tail_closed = False
    for i, line in enumerate(lines):
        key = _norm(line.text)
        if line.chrome:
            after_byline = after_byline or (i <= first + 2 and _is_stamped(line.text, lex))
            # A teaser block may carry more chrome ("list of 4 items") before its titles.
            after_teaser = _BULLETS.sub("", key) in lex.teasers or after_teaser and len(line.words) <= 5
            tail_closed = (
                tail_closed or i > last
            )  # "Related topics", "Les også": what follows is not the story
            continue
        # The articles a "Read more" line points to; their titles may be questions.
        teaser_title = after_teaser and (not line.sentence or _is_question_title(line))
        after_teaser = teaser_title
        repeated = key in seen and len(line.words) >= _REPEAT_MIN_WORDS
        if i == headline_at or teaser_title or repeated or _repeats_title(line, headline):
            continue
        if i < first and not line.sentence and not _is_standfirst(line, i, headline_at):
            continue  # above the story: kickers, captions, section names
        if headline is None and not line.sentence and len(body) <= 1 and _looks_like_headline(line):
            # "lead / headline / lead again", as pages that print a teaser above the title do.
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and _norm(nxt.text) in seen:
                headline = line.text
                seen.add(key)
                continue
        if i > last and (
            tail_closed and not line.sentence or _is_tail_furniture(line, lex, stop) or _opens_tag_list(lines, i)
        ):
            continue
        # Above the story a short full sentence over a credit is a caption too ("Soldater vid fronten. Arkivbild.");
        # inside it, a short paragraph may just precede a picture.
        # Anywhere, a sentence that ends on a full date over a credit is a caption ("..., le 20 mai 2024.").
        header_caption = i < first and len(line.words) < _PARAGRAPH_MIN_WORDS or _ends_with_date(line.text, lex)
        if (not line.sentence or header_caption) and _is_caption(lines, i, lex) or (
            not line.sentence and _is_author_name(lines, i, lex)
        ):
            continue
        if (
            not line.sentence
            and first < i < last
            and not 1 < len(line.words) < _CAPTION_MIN_WORDS
            and not _opens_block(line.text, lex)
            and not _is_fragment_or_item(lines, i)
        ):
            # Between paragraphs, a lone word is a label ("Belgorod", "Advertisement") and a long
            # unpunctuated line a caption or a teaser; crossheads and speaker labels are in between.
            continue
        text = line.text
        if after_byline or not body:
            text = _strip_kicker(text, lex, max_words=4 if after_byline else 3)
            after_byline = False
        seen.add(key)
        body.append(text)
    _strip_trailing_credits(body, lex)
    if body and lex.author_note.match(body[-1]):
        body.pop()
    return headline, body


def _headline_index(header: list[_Line], title: str | None) -> int | None:
    """The headline among the lines above the story: the title's copy, else the first line of headline
    length, else the first short one. Kickers and section names ("Krig og konflikter", "FIGHTING BACK")
    are shorter than headlines.
    """
    if title:
        return next((i for i, line in enumerate(header) if _repeats_title(line, title)), None)
    candidates = [i for i, line in enumerate(header) if not line.chrome and _looks_like_headline(line)]
    return next((i for i in candidates if len(header[i].words) >= _HEADLINE_MIN_WORDS), None) or next(
        iter(candidates), None
    )


def _flattened_headline(header: list[_Line], lex: _Lexicon) -> str | None:
    return next(
        (h for h in (_headline_before_byline(line.text, lex) for line in header if line.chrome) if h), None
    )


def _ends_with_date(text: str, lex: _Lexicon) -> bool:
    tail = text[-40:]
    return bool(_DIGIT.search(tail)) and any(
        m.end() >= len(tail) - 2 and _YEAR.search(m.group()) for m in lex.dates.finditer(tail)
    )


def _is_question_title(line: _Line) -> bool:
    return len(line.words) <= _HEADLINE_MAX_WORDS // 2 and line.text.rstrip("»“”\"' ").endswith("?")


def _is_standfirst(line: _Line, i: int, headline_at: int | None) -> bool:
    """A long line right under the headline is its standfirst, even without a full stop."""
    return headline_at is not None and i == headline_at + 1 and len(line.words) >= _STANDFIRST_MIN_WORDS


def _is_caption(lines: list[_Line], i: int, lex: _Lexicon) -> bool:
    """A short line with a photo credit right under it ("Foto: ...") or right above it ("Getty Images")."""
    if len(lines[i].words) > _HEADLINE_MAX_WORDS:
        return False
    after = lines[i + 1] if i + 1 < len(lines) else None
    before = lines[i - 1] if i > 0 else None
    credit_after = (
        after is not None
        and after.chrome
        and bool(
            lex.photo_credit.match(after.text)
            or lex.credit_line.match(after.text)
            or after.text.startswith("©")
            or _is_name_credit(after.text)
            or _has_any(after.text.casefold(), lex.credit_phrases)
        )
    )
    credit_before = (
        before is not None
        and before.chrome
        and len(before.words) <= _CREDIT_MAX_WORDS
        and bool(
            _has_any(before.text.casefold(), lex.credit_phrases)
            or before.text.strip("()/ ").casefold() in lex.agencies
            or lex.photo_credit.match(before.text)
        )
    )
    return credit_after or credit_before


def _is_author_name(lines: list[_Line], i: int, lex: _Lexicon) -> bool:
    """A bare name beside a byline stamp or a role line: "Ola Nordmann" / "Journalist" / "Publisert ..."."""
    words = lines[i].words
    if not 2 <= len(words) <= 4 or not all(_CAPITALISED.match(w) for w in words):
        return False
    neighbours = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return any(n.chrome and (_is_stamped(n.text, lex) or lex.roles.search(n.text)) for n in neighbours)


def _is_fragment_or_item(lines: list[_Line], i: int) -> bool:
    """A list item ("• ...", "- ...") or a paragraph split where a link was: it starts or continues in lower case."""
    text = lines[i].text
    nxt = lines[i + 1].text if i + 1 < len(lines) else ""
    return text[:1] in "•·*–—-" or text[:1].islower() or nxt[:1].islower() or text.endswith(",")


def _opens_block(text: str, lex: _Lexicon, sources: bool = True) -> bool:
    """Whether the line opens a structured block of running text: "Source: ...", "Details: ..."."""
    label, colon, _ = text.partition(":")
    label = label.strip().casefold()
    return bool(colon) and label in lex.keep_labels and (sources or not lex.source_credit.match(label + ":"))


def _looks_like_headline(line: _Line) -> bool:
    """Short, not shouted, and without a full stop (a question or an exclamation may end it)."""
    n = len(line.words)
    if line.sentence and not _HEADLINE_END.search(line.text[-4:]):
        return False
    return 2 <= n <= _HEADLINE_MAX_WORDS and len(line.text) <= _HEADLINE_MAX_CHARS and not line.text.isupper()


def _repeats_title(line: _Line, headline: str | None) -> bool:
    """The headline again, maybe with the site's name after it or cut short ("Russia attacks Kyiv - BBC")."""
    if not headline:
        return False
    a, b = _norm(line.text), _norm(headline)
    if a == b:
        return True
    if line.sentence or len(a) < 20:
        return False
    return b.startswith(a) or a.startswith(b) and len(a.split()) - len(b.split()) <= 4


def _headline_before_byline(text: str, lex: _Lexicon) -> str | None:
    """In a flattened header ("Title Von t-online 12.03.2024 - 14:31 Uhr ..."), the part before the byline."""
    for m in lex.byline_anywhere.finditer(text):
        if m.start() > 0 and _has_date(text[m.end() : m.end() + 40], lex):
            head = text[: m.start()].strip(" |–—-:")
            n = len(_WORD.findall(head))
            if 3 <= n <= _HEADLINE_MAX_WORDS and not _SENTENCE_END.search(head):
                return head
    return None


def _is_stamped(text: str, lex: _Lexicon) -> bool:
    return bool(lex.byline.match(text) or _has_date(text, lex) or _TIME.search(text))


def _strip_kicker(text: str, lex: _Lexicon, max_words: int) -> str:
    """ "Krig og konflikter: Putins løfte ..." -> "Putins løfte ...": a topic label glued to the story's start.

    A dateline ("WASHINGTON:", "New York:"), a speaker ("Putin:") and a block label ("Source:")
    are one word or all capitalised, and stay.
    """
    m = re.match(r"([^\W\d_][\w-]*(?: [\w-]+){1,4}) ?:\s+(?=[^\W\d_])", text)
    if not m or m.group(1).casefold() in lex.keep_labels or len(m.group(1).split()) > max_words:
        return text
    label = m.group(1).split()
    rest = text[m.end() :]
    if (
        all(_CAPITALISED.match(w) and not w.islower() for w in label)
        or len(_WORD.findall(rest)) < _PARAGRAPH_MIN_WORDS
    ):
        return text
    if not rest[:1].isupper() or rest[:1] in "«»\"“„'‘":
        return text
    return rest


def _opens_tag_list(lines: list[_Line], i: int) -> bool:
    """ "Россия / Белгородская область / Вячеслав Гладков": unpunctuated lines to the end, one name each.

    A crosshead over a last short paragraph is followed by a sentence, and a cut-off ending is one line.
    """
    tail = lines[i:]
    return len(tail) >= 2 and all(not t.sentence and len(t.words) <= 4 for t in tail)


def _is_tail_furniture(line: _Line, lex: _Lexicon, stop: frozenset[str]) -> bool:
    """After the last paragraph: agency signatures, author notes, tag lists. A cut-off last word ("Wh") stays."""
    text = line.text.strip()
    if len(line.words) <= 25 and _starts_with_name(line.words) and lex.roles.search(text):
        return True
    if not line.sentence and 2 <= len(line.words) <= 4 and all(_CAPITALISED.match(w) for w in line.words):
        return True  # an author's name under the story
    bare = text.strip("()/ ").casefold()
    if bare in lex.agencies or _SLASH_CREDIT.match(text):
        return True
    signed = re.search(r"\(([^()]{2,30})\)$", text)
    if signed and not line.sentence and len(line.words) <= 8 and _is_agency_signature(signed.group(1), lex):
        return True  # a correspondent's signature: "Z Kijowa Jan Nowak (PAP)"
    if len(line.words) <= 3 and text.replace("/", "").replace(" ", "").isupper() and len(text) <= 20:
        return True
    return not line.sentence and len(line.words) >= 3 and not any(w.casefold() in stop for w in line.words)


def _strip_trailing_credits(body: list[str], lex: _Lexicon) -> None:
    """ "... untergebracht. (AFP/jW)" and "... sårede.\n/ritzau/Reuters" lose their agency signature."""
    while body:
        text = body[-1].strip()
        bare = text.strip("()/ ").casefold()
        if _SLASH_CREDIT.match(text) and ("/" in text) or bare in lex.agencies:
            body.pop()
            continue
        m = _TRAILING_CREDIT.search(text)
        if m and _is_agency_signature(m.group("paren") or m.group("slash") or m.group("bare"), lex):
            body[-1] = text[: m.start()].rstrip()
            if not body[-1]:
                body.pop()
                continue
        break


def _is_agency_signature(credit: str, lex: _Lexicon) -> bool:
    credit = re.sub(r"(?i)^(?:avec|with|mit|med|met|con|z|с|з)\s+", "", credit.strip().lstrip("©").strip())
    parts = [
        p.strip().casefold() for p in re.split(r"[/,]| og | and | und | et | och | i ", credit) if p.strip()
    ]
    return bool(parts) and any(p in lex.agencies for p in parts) and all(len(p) <= 20 for p in parts)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


@functools.cache
def _stamp_words() -> frozenset[str]:
    """Words that sit in bylines beside dates: weekdays, "published", "updated", clock words."""
    words = tomllib.loads(_data("dates.toml"))["words"]
    return frozenset([*words["weekdays"], *words["stamps"]])


@functools.cache
def _lexicon() -> _Lexicon:
    data = tomllib.loads(_data("boilerplate.toml"))
    dates = tomllib.loads(_data("dates.toml"))
    lines = frozenset(s for entries in data["lines"].values() for s in entries)
    multiword = sorted((s for s in lines if len(s.split()) >= 3), key=len, reverse=True)
    labels = data["credits"]["labels"]
    source_labels = [s for s in labels if s in set(data["keep"]["labels"])]
    photo = _alternation([s for s in labels if s not in source_labels])
    teasers = [t for t in (_norm(s) for s in data["starts"]["all"]) if len(t) >= 4]
    openers = _alternation(data["bylines"]["openers"])
    months = sorted(dates["months"], key=len, reverse=True)
    month = rf"(?<![^\W\d_])(?:{_alternation(months)})(?![^\W\d_])\.?"
    return _Lexicon(
        lines=lines,
        starts=tuple(data["starts"]["all"]),
        contains=tuple(data["contains"]["all"]),
        inline_markers=re.compile(rf"(?i)(?<!\w)(?:{_alternation(multiword)})(?!\w)"),
        credit_line=re.compile(
            rf"(?i)^\(?(?:{photo})\.?,?(?:\s*/\s*(?:{photo})\.?)?\s+(?-i:[A-ZÀ-ÞА-ЯЁІЇЄҐ])"
        ),
        social_prompt=re.compile(
            rf"(?i)^(?:{_alternation(data['social']['prompts'])})(?!\w).{{0,80}}"
            rf"(?<!\w)(?:{_alternation(data['social']['platforms'])})(?!\w)"
        ),
        photo_credit=re.compile(  # opening the line, or closing it after a sentence: "... vor Kameras. Bild: AFP"
            rf"(?i)^\(?(?:{photo})\.?\s*:\s*\S|(?:(?<=[.!?…»\"”’)])\s+|\()(?:{photo})\.?\s*:\s*\S[^.!?]{{0,80}}$"
        ),
        source_credit=re.compile(rf"(?i)^\(?(?:{_alternation(source_labels)})\s*:\s*"),
        credit_phrases=tuple(data["credits"]["phrases"]),
        byline=re.compile(rf"(?i)^(?:{openers}):?\s+[^\W\d]"),
        byline_anywhere=re.compile(rf"(?i)(?<!\w)(?:{openers}):?\s+[^\W\d]"),
        roles=re.compile(rf"(?i)(?<!\w)(?:{_alternation(data['bylines']['roles'])})(?!\w)"),
        keep_labels=frozenset(data["keep"]["labels"]),
        teasers=frozenset(teasers),
        teaser_lead=re.compile(rf"(?i)^(?:{_alternation(teasers)})\s*(?:…|\.{{3}}|:|»|›|→|>|–|-)"),
        teaser_tail=re.compile(rf"(?i)\s*(?<!\w)(?:{_alternation(teasers)})\s*(?:…|\.{{3}}|»|›|→|>)\s*$"),
        agencies=frozenset(data["agencies"]["names"]),
        author_note=re.compile(
            rf"^{_NAME_WORD}(?: (?:{_NAME_WORD}|{_alternation(data['bylines']['particles'])})){{1,3}} "
            rf"(?:{_alternation(data['bylines']['copulas'])}) "
            rf"(?:[^.!?]{{0,60}}?)(?<!\w)(?:{_alternation(data['bylines']['roles'])})(?!\w)[^.!?]{{0,80}}[.!]?$"
        ),
        dates=re.compile(
            rf"(?i)(?:(?<![\d.])\d{{1,2}}(?:\.|st|nd|rd|th|er)?\s*(?:de\s+)?{month}(?:,?\s*(?:de\s+)?(?:19|20)\d{{2}})?"
            rf"|{month}\s*\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?:,?\s*(?:19|20)\d{{2}})?)"
        ),
    )


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


def _data(name: str) -> str:
    return resources.files("wirewatch.stages.data").joinpath(name).read_text("utf-8")


_JUSTEXT_LANGUAGES = (
    "Danish", "Norwegian_Bokmal", "Norwegian_Nynorsk", "Swedish", "English", "German", "Dutch",
    "French", "Polish", "Russian", "Ukrainian", "Spanish", "Italian", "Finnish",
)  # fmt: skip


@functools.cache
def _stoplists() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(justext.get_stoplist(name)) for name in _JUSTEXT_LANGUAGES)


def _stopwords(text: str) -> frozenset[str]:
    """The stoplist of the language whose stopwords the text uses most (as justext would pick it)."""
    words = set(_WORD.findall(text[:2000].casefold()))
    return max(_stoplists(), key=lambda stoplist: len(stoplist & words))
