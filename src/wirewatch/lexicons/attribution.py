"""Who states a sentence: "X says", "siger X", "according to X", "X zufolge", "по словам X".

Shared by the event stage (the speaker of a demand or denial is its actor) and the
figure stage (the speaker of a count is who claims it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.lexicons.loader import Lexicon
from wirewatch.model import Mention

_SUBJECT_REACH = 120  # characters before a speech verb that may hold its subject
_INVERTED_REACH = 45  # characters after it ("said the governor of Bryansk Oblast")
_SOURCE_REACH = 60  # characters after "according to" ("according to the latest update by the UN")
_ASIDE_WORDS = 4  # "Gladkov, the regional governor, said": words between a subject and its verb around commas
_QUOTE_END = re.compile(r"[\"'»”“–—-],?\s*$")
_QUOTE_OPENERS = "\"'«„“–—-"  # a sentence opening with these is a quote; its speaker follows it
_CLAUSE_BREAK = re.compile(r"[;:\"«»“”„]|\s[–—-]\s")


@dataclass(frozen=True)
class Attribution:
    """A speech cue in a sentence and the entity it credits (None: unnamed, e.g. "he said", "the army said")."""

    entity_id: str | None
    cue_start: int
    cue_end: int


def find_attribution(
    text: str, start: int, end: int, mentions: list[Mention], lex: Lexicon
) -> Attribution | None:
    """The attribution of text[start:end], the sentence; `mentions` are those inside it, in order."""
    sentence = text[start:end]
    unnamed_source: Attribution | None = None
    for pattern, side in ((lex.source_before, "after"), (lex.source_after, "before")):
        if pattern is None:
            continue
        m = pattern.search(sentence)
        if m:
            a, b = start + m.start(), start + m.end()
            if side == "after":
                found = _after(text, b, mentions, _SOURCE_REACH, 6)
            else:
                found = _before(text, a, mentions, start, lex)
            if found:
                return Attribution(found.entity_id, a, b)
            unnamed_source = unnamed_source or Attribution(None, a, b)  # "according to him", "по его словам"
    if lex.speech is None:
        return unnamed_source
    cues = list(lex.speech.finditer(sentence))
    if not cues:
        return unnamed_source
    for m in cues:
        a, b = start + m.start(), start + m.end()
        before = _before(text, a, mentions, start, lex)
        # "siger Kapustin" / "said the army" only after a quote or a single opening word ("Fredag sa Putin")
        lead = text[start:a]
        after = _after(text, b, mentions, _INVERTED_REACH, 4)
        quoted = lead.lstrip()[:1] in _QUOTE_OPENERS or bool(_QUOTE_END.search(lead[-3:]))
        if quoted:
            found = after or before
        elif lead.rstrip().endswith(","):
            # "…, сообщила администрация города", "…, a annoncé le ministère": the speaker follows the verb;
            # a name shortly before the comma is the subject set off by an aside ("The RSF, instead, accused")
            aside = text[before.end : a] if before is not None else ""
            close = aside.startswith(",") and len(aside.split()) <= _ASIDE_WORDS
            found = before if close else after
        else:
            # "Fredag sa Putin", "Об этом сообщил губернатор": the verb comes first, its subject after it
            verb_first = len(lead.split()) <= 1 or bool(
                lex.back_reference and lex.back_reference.fullmatch(lead.strip().lower())
            )
            found = before or (after if verb_first else None)
        found = found or _inside(a, b, mentions) or _described(text, b, end, mentions, lex)
        if found:
            return Attribution(found.entity_id, a, b)
    first = cues[0]
    return Attribution(None, start + first.start(), start + first.end())


def _before(
    text: str, cue_start: int, mentions: list[Mention], sentence_start: int, lex: Lexicon
) -> Mention | None:
    """The subject of a speech verb: the first person or body in its clause, else the first place."""
    lo = max(sentence_start, cue_start - _SUBJECT_REACH)
    span = text[lo:cue_start]
    # quotes inside a name ("Легион «Свобода России»") do not end the clause
    breaks = [
        b
        for b in _CLAUSE_BREAK.finditer(span)
        if not any(m.start <= lo + b.start() <= m.end for m in mentions)
    ]
    if breaks:
        lo += breaks[-1].end()
    inside = [
        m
        for m in mentions
        if m.start >= lo and m.end <= cue_start and not _after_preposition(text, lo, m, lex)
    ]
    actors = [m for m in inside if m.type != "LOC"]
    if actors:
        return actors[0]
    # a place speaks only as the subject ("Rusland siger", "the governor of Bryansk said"), not as a place named
    # somewhere in the clause ("took Sudzha, in the Kursk region, the ministry announced")
    for m in inside:
        lead_words = len(text[lo : m.start].split())
        gap = text[m.end : cue_start]
        if lead_words <= 1 or ("," not in gap and len(gap.split()) <= 1):
            return m
    return None


def _after(text: str, cue_end: int, mentions: list[Mention], reach: int, words: int) -> Mention | None:
    """A speaker named right after the cue ("siger Kapustin", "according to the Health Ministry").

    A place that only qualifies the speaker's title gives way to the name after it
    ("сообщил губернатор Белгородской области Вячеслав Гладков").
    """
    place: Mention | None = None
    for m in mentions:
        if cue_end <= m.start <= cue_end + reach:
            between = text[cue_end : m.start]
            if place is not None and m.type == "PER" and text[place.end : m.start].strip() == ",":
                return m  # "erklärte der Gouverneur von Belgorod, Wjatscheslaw Gladkow": the title's holder
            if re.search(r"[.,;:!?\"«»“”]", between) or len(between.split()) > words:
                break
            if m.type != "LOC":
                return m
            place = place or m
    return place


def _inside(cue_start: int, cue_end: int, mentions: list[Mention]) -> Mention | None:
    """A speaker inside a split verb ("teilte Gouverneur X mit", "voegde X eraan toe")."""
    return next((m for m in mentions if cue_start <= m.start and m.end <= cue_end and m.type != "LOC"), None)


def _after_preposition(text: str, clause_start: int, mention: Mention, lex: Lexicon) -> bool:
    """ "on Telegram", "in Belgorod": the medium or the place of the speech, not the speaker."""
    if lex.prepositions is None:
        return False
    words = text[max(clause_start, mention.start - 40) : mention.start].split()
    # skip a determiner or descriptive noun between preposition and name ("på beskedtjenesten Telegram")
    return any(lex.prepositions.fullmatch(w.lower()) for w in words[-2:])


def _described(text: str, cue_end: int, end: int, mentions: list[Mention], lex: Lexicon) -> Mention | None:
    """An unnamed speaker described before the reported clause ("says a man who calls himself the leader of X, that")."""
    if lex.complementizer is None:
        return None
    clause = lex.complementizer.search(text, cue_end, end)
    if clause is None:
        return None
    described = [m for m in mentions if cue_end <= m.start and m.end <= clause.start() and m.type != "LOC"]
    return described[-1] if described else None
