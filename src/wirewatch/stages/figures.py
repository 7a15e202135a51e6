"""Figure stage: counts of killed, wounded, captured, displaced, evacuated, and who states them.

A count is a number (digits or words) next to a word that names what happened to the
people counted ("70 dræbt", "killing 13", "108 injured, including 15 children").
Who claims it comes from the sentence's speech cue ("siger", "according to", "laut"),
from the last named speaker when the cue names nobody ("he said", "the army said"),
or from the sentence before when the report simply continues; otherwise the article's own voice.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from wirewatch.lexicons import Lexicon, load_lexicon
from wirewatch.lexicons.attribution import Attribution, find_attribution
from wirewatch.lexicons.dates import find_date_cues
from wirewatch.lexicons.numbers import Count, find_counts
from wirewatch.lexicons.sentences import Sentence, split_sentences
from wirewatch.model import Article, Evidence, Figure, FigureKind, Mention, TextField

_KIND_BEFORE_WORDS = 2  # "killing 13", "the killing of 5"
_KIND_BEFORE_PLACE_WORDS = (
    5  # "evacuated from border villages around 300": when a preposition follows the kind
)
_KIND_AFTER_WORDS = 7  # "108 people, including 15 children, were injured"
_ONE_AFTER_WORDS = 2  # "ein Feuerwehrmann kam ums Leben": "one" is also an article, so it must sit close
_TITLE_STEM = 6  # letters of a role word that survive its case endings
_TITLE_MIN = 5  # shorter words ("the", "der", "он") are not role words
_TITLE_REACH = 3  # words either side of an unnamed speech cue that may name the speaker's role
_NOT_A_HEADCOUNT = re.compile(r"^(?:\s*%|\s*[-‐]\s*\w|[:.]\d|\s*(?:km|m|kg|t|°|h)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class _KindWord:
    kind: FigureKind
    start: int
    end: int


@dataclass
class _Voice:
    """Who spoke last: credited when a cue names nobody ("he said") or a report continues."""

    last_named: str | None = None
    last_person: str | None = None  # the antecedent of "he said" before anyone has spoken
    previous_sentence: str | None = None
    previous_paragraph: int = -1
    # role word stem written before a name -> that person ("губернатор" -> Gladkov)
    titles: dict[str, str] = dataclasses.field(default_factory=dict)


def find_figures(article: Article) -> list[Figure]:
    """Figures the article states; needs its mentions, entities and events."""
    lex = load_lexicon(article.lang)
    figures: list[Figure] = []
    voice = _Voice()
    for field, text in (("headline", article.headline or ""), ("body", article.body)):
        mentions = sorted((m for m in article.mentions if m.field == field), key=lambda m: m.start)
        voice.previous_sentence = None
        sentences = split_sentences(text)
        inside = [[m for m in mentions if s.start <= m.start and m.end <= s.end] for s in sentences]
        said = [find_attribution(text, s.start, s.end, ms, lex) for s, ms in zip(sentences, inside)]
        for i, sentence in enumerate(sentences):
            later = _credited_later(lex, sentences, said, i)
            figures.extend(
                _sentence_figures(article, lex, field, text, sentence, inside[i], said[i], later, voice)
            )
    return _deduplicated(figures)


def _credited_later(
    lex: Lexicon, sentences: list[Sentence], said: list[Attribution | None], i: int
) -> str | None:
    """The speaker a following sentence gives back to this one ("… 2500 people. Det meddelte Gladkov fredag.")."""
    if i + 1 >= len(sentences) or lex.back_reference is None:
        return None
    after, attribution = sentences[i + 1], said[i + 1]
    if after.paragraph != sentences[i].paragraph or attribution is None or attribution.entity_id is None:
        return None
    return attribution.entity_id if lex.back_reference.match(after.text) else None


def _sentence_figures(
    article: Article,
    lex: Lexicon,
    field: TextField,
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    attribution: Attribution | None,
    credited_later: str | None,
    voice: _Voice,
) -> list[Figure]:
    _learn_titles(lex, text, mentions, voice)
    if attribution is not None and attribution.entity_id is not None:
        claimed_by: str | None = attribution.entity_id
    elif attribution is not None:
        titled = _titled_speaker(text, sentence, attribution, voice)
        claimed_by = titled or voice.last_named or voice.last_person
    elif credited_later is not None:
        claimed_by = credited_later
    elif sentence.paragraph == voice.previous_paragraph:
        claimed_by = voice.previous_sentence
    else:
        claimed_by = None
    if attribution is not None and attribution.entity_id is not None:
        voice.last_named = attribution.entity_id
    voice.previous_sentence = claimed_by if attribution is not None else None
    voice.previous_paragraph = sentence.paragraph
    people = [m.entity_id for m in mentions if m.type == "PER"]
    if people:
        voice.last_person = people[-1]

    kinds = _kind_words(lex, sentence)
    if not kinds:
        return []
    dates = find_date_cues(sentence.text, lex, article.published)
    evidence = Evidence(field, sentence.start, sentence.end, sentence.text)
    event_index = _event_at(article, field, sentence)
    out = []
    for count in find_counts(sentence.text, lex):
        if any(d.start <= count.start < d.end or count.start <= d.start < count.end for d in dates):
            continue
        if _NOT_A_HEADCOUNT.match(sentence.text[count.end : count.end + 4]):
            continue
        if _is_year(sentence.text, count, lex):
            continue
        kind = _kind_of(count, kinds, sentence.text, lex)
        if kind is None and out and _sub_count(sentence.text, count, lex):
            kind = out[-1].kind  # "7 blessés, dont deux enfants": a part of the count before it
        if kind is None:
            continue
        out.append(Figure(kind, count.value, claimed_by, evidence, count.lower_bound, event_index))
    return out


def _stem(word: str) -> str | None:
    """A role noun without its case ending ("губернатору" and "губернатор"; "guvernøren" and "guvernør")."""
    letters = word.strip(".,;:!?\"'«»“”()").lower()
    return letters[:_TITLE_STEM] if len(letters) >= _TITLE_MIN and letters.isalpha() else None


def _learn_titles(lex: Lexicon, text: str, mentions: list[Mention], voice: _Voice) -> None:
    """Remember the role word written before a name ("governor Vyacheslav Gladkov", "губернатору Гладкову")."""
    for m in mentions:
        if m.type != "PER":
            continue
        words = text[max(0, m.start - 40) : m.start].split()
        if not words or (lex.speech and lex.speech.fullmatch(words[-1].lower())):
            continue
        stem = _stem(words[-1])
        if stem and not (lex.prepositions and lex.prepositions.fullmatch(words[-1].lower())):
            voice.titles[stem] = m.entity_id


def _titled_speaker(text: str, sentence: Sentence, attribution: Attribution, voice: _Voice) -> str | None:
    """ "сообщил губернатор", "the governor said": the person introduced earlier with that role word."""
    lead = text[max(sentence.start, attribution.cue_start - 40) : attribution.cue_start]
    before = lead.split()[-_TITLE_REACH:]
    after = text[attribution.cue_end : min(sentence.end, attribution.cue_end + 40)].split()[:_TITLE_REACH]
    for word in after + before[::-1]:
        stem = _stem(word)
        if stem in voice.titles:
            return voice.titles[stem]
    return None


def _is_year(text: str, count: Count, lex: Lexicon) -> bool:
    """ "In 2023, 500 people were killed": a bare 19xx/20xx after a preposition or before punctuation is a year."""
    if not re.fullmatch(r"(?:19|20)\d\d", text[count.start : count.end]):
        return False
    if re.match(r"\s*[,.;:)]", text[count.end : count.end + 2]) or count.end == len(text):
        return True
    before = text[max(0, count.start - 20) : count.start].split()
    return bool(before and lex.prepositions and lex.prepositions.fullmatch(before[-1].lower()))


def _kind_words(lex: Lexicon, sentence: Sentence) -> list[_KindWord]:
    found = [
        _KindWord(kind, m.start(), m.end())  # type: ignore[arg-type]
        for kind, pattern in lex.figure_kinds.items()
        for m in pattern.finditer(sentence.text)
    ]
    found.sort(key=lambda k: (k.start - k.end, k.start))
    kept: list[_KindWord] = []
    for k in found:
        if not any(k.start < o.end and o.start < k.end for o in kept):
            kept.append(k)
    return sorted(kept, key=lambda k: k.start)


def _kind_of(count: Count, kinds: list[_KindWord], text: str, lex: Lexicon) -> FigureKind | None:
    """The kind word that governs a count: right before it ("killing 13"), else shortly after ("13 were killed")."""
    around = [k for k in kinds if k.start < count.start and count.end < k.end]
    if around:  # "taget to russere til fange", "took 12 soldiers prisoner"
        return around[0].kind
    if not count.written_as_one:
        before = [k for k in kinds if k.end <= count.start]
        if before:
            k = before[-1]
            between = text[k.end : count.start]
            joined = bool(lex.conjunction and lex.conjunction.search(between))
            words = between.split()
            # "вывезли из приграничных сел 300 детей": a place phrase may stand between the verb and its count
            reach = (
                _KIND_BEFORE_PLACE_WORDS if words and _has_preposition(lex, words[0]) else _KIND_BEFORE_WORDS
            )
            object_of_preposition = bool(words) and _has_preposition(
                lex, words[-1]
            )  # "evacuated from 12 villages"
            if "," not in between and not joined and len(words) <= reach and not object_of_preposition:
                return k.kind
    reach = _ONE_AFTER_WORDS if count.written_as_one else _KIND_AFTER_WORDS
    after = [k for k in kinds if k.start >= count.end]
    if after:
        k = after[0]
        between = text[count.end : k.start]
        if len(between.split()) <= reach and not re.search(r"[;:!?]|\.\s", between):
            if count.written_as_one and _has_preposition(lex, between):
                return None  # "un échange de prisonniers": the "one" counts the exchange, not the prisoners
            return k.kind
    return None


def _sub_count(text: str, count: Count, lex: Lexicon) -> bool:
    """Whether "including", "dont", "в том числе" introduces the count."""
    if lex.including is None:
        return False
    lead = text[max(0, count.start - 30) : count.start].rstrip()
    return any(m.end() == len(lead) for m in lex.including.finditer(lead))


def _has_preposition(lex: Lexicon, words: str) -> bool:
    return lex.prepositions is not None and any(lex.prepositions.fullmatch(w.lower()) for w in words.split())


def _event_at(article: Article, field: TextField, sentence: Sentence) -> int | None:
    for i, event in enumerate(article.events):
        if event.evidence.field == field and event.evidence.start == sentence.start:
            return i
    return None


def _deduplicated(figures: list[Figure]) -> list[Figure]:
    """One figure per kind and value; an attributed report beats the same number in the article's own voice."""
    best: dict[tuple[str, int], Figure] = {}
    for figure in figures:
        key = (figure.kind, figure.value)
        if key not in best or (best[key].claimed_by is None and figure.claimed_by is not None):
            best[key] = figure
    return list(best.values())
