"""Event stage: typed events with date, place and actors.

Sentence by sentence, trigger words from the language's lexicon give event types;
the entity mentions around a trigger give its place and actors, and the date words
of its clause (resolved against the article's date) give its day. Reports of the
same happening (same type, place and a compatible date) become one event.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace

from wirewatch.lexicons import Lexicon, load_lexicon
from wirewatch.lexicons.attribution import find_attribution
from wirewatch.lexicons.dates import DateCue, find_date_cues, years_named
from wirewatch.lexicons.sentences import Sentence, split_sentences
from wirewatch.model import Article, Event, EventType, Evidence, Mention, PartialDate, TextField

STATEMENTS: frozenset[str] = frozenset({"demand", "offer", "denial", "accusation", "threat"})
THREATENING: frozenset[str] = frozenset(
    {"incursion", "armed_clash", "remote_attack", "territory_taken", "capture"}
)
_SPECIFICITY = {"country": 1, "region": 2, "district": 3, "settlement": 4, "feature": 5}
_CLAUSE_BREAK = re.compile(r"[,;:]|\s[–—-]\s|\((?=\w)|\)")
_FUTURE_REACH = (
    5  # words before a trigger in which "will" makes it an announcement ("will soon launch further raids")
)
_RECENT_DAYS = 7  # a report without a date word joins a dated report of the same happening this close
_NEGATION_REACH = 3  # words before a trigger that can negate it ("did not cross", "no breakthrough")
_CIVILIAN_REACH = 5  # words after "fled" that may say who fled
_CIVILIAN_REACH_BEFORE = 10  # words before it, in its clause
_OBJECT_WORDS = (
    5  # "призвал жителей Глушковского района покинуть": words from a verb to what it asks or rejects
)
_PERFECT_AFTER = 2  # words after a trigger where a perfect auxiliary may stand ("eingenommen zu haben")
_DURING_REACH = 3  # words from "during" to a trigger it makes a time reference ("during the battle of")
_PLACE_OBJECT_WORDS = 4  # words between "took" and the place it took ("took the village of")
_GENITIVE_S_LANGS = frozenset({"da", "nb", "nn", "no", "sv", "de"})  # "Ruslands invasion": no apostrophe


@dataclass(frozen=True)
class _Trigger:
    type: EventType
    start: int  # offsets into the field text
    end: int


@dataclass(frozen=True)
class _Found:
    event: Event
    dated_by_text: bool  # False: the article's date stood in for a missing cue
    borrowed: bool = False  # the sentence named no place: the article's focus place stands in


@dataclass(frozen=True)
class _Span:
    """One sentence and what the stage reads from it."""

    field: TextField
    text: str  # the whole field, which mention and sentence offsets point into
    sentence: Sentence
    mentions: list[Mention]  # inside the sentence; places only when the knowledge base knows them
    speaker: str | None  # who the sentence quotes, when named
    last_speaker: str | None  # who spoke last before it: "he" of "he asked them to surrender"
    context_year: int | None  # the last year named before it ("samme år")
    cues: tuple[DateCue, ...]  # its date words, with offsets into the field text
    previous_date: PartialDate | None  # the last date named before it: the story's time so far


def find_events(article: Article) -> list[Event]:
    """Events the article reports; needs its mentions, entities, language and date."""
    lex = load_lexicon(article.lang)
    spans = list(_spans(article, lex))
    focus = _focus_place(article, spans)
    found: list[_Found] = []
    antecedent: list[str] = []
    for i, span in enumerate(spans):
        if i and spans[i - 1].field != span.field:
            antecedent = []  # the headline is no sentence before the body's first
        here = _sentence_events(article, lex, span, focus, antecedent)
        found.extend(here)
        # "took Tyotkino. The army is fleeing the settlement": the next sentence's happening is placed there;
        # a country is no nearer a placeless happening than the region the article is about
        antecedent = list(
            dict.fromkeys(
                f.event.location
                for f in here
                if f.event.type not in STATEMENTS
                and not f.borrowed
                and f.event.location
                and _specificity(article, f.event.location) > 1
            )
        )
    nesting = _nesting(article, lex, spans)
    return _without_vaguer_duplicates(article, _merge(_absorb_borrowed(article, found)), nesting)


def _without_vaguer_duplicates(
    article: Article, events: list[Event], nesting: dict[str, set[str]] | None = None
) -> list[Event]:
    """A country beside its regions ("crossed into Russia", "into Belgorod and Kursk") adds no event of its
    own, nor does a region beside a village the text places in it ("fighting in Kursk Oblast", "a battle in
    Tyotkino in Kursk Oblast"): nested places of one happening are one event, at the most precise place.

    Only when the two could be the same happening: the 2022 invasion of Ukraine stays beside a 2023 raid.
    """
    nesting = nesting or {}

    def local(e: Event) -> bool:
        return e.location is not None and _specificity(article, e.location) > 1

    def same_time(o: Event, e: Event) -> bool:
        return o.date == e.date or bool(o.date and e.date and _recent(o.date, e.date))

    def covered(e: Event) -> bool:
        return any(o.type == e.type and local(o) and same_time(o, e) for o in events)

    def inside(e: Event) -> bool:
        return any(
            o is not e
            and o.type == e.type
            and o.location is not None
            and e.location in nesting.get(o.location, ())
            and same_time(o, e)
            for o in events
        )

    return [
        e
        for e in events
        if e.type in STATEMENTS or ((local(e) or not covered(e)) and not inside(e))
    ]


def _nesting(article: Article, lex: Lexicon, spans: list[_Span]) -> dict[str, set[str]]:
    """Place -> the larger places the text puts it in: "Tyotkino in the Kursk region", "Kozinka, Belgorod
    Oblast", "село Козинка Грайворонского округа" (a wider place right after, or after "in" or a comma)."""
    within: dict[str, set[str]] = {}
    for span in spans:
        # "Kozinka in Russia's Belgorod Region": the possessive only qualifies the region
        places = [m for m in span.mentions if m.type == "LOC" and not _is_modifier(article, span.text, m)]
        for i, (a, b) in enumerate(itertools.pairwise(places)):
            wider = _specificity(article, b.entity_id) < _specificity(article, a.entity_id)
            if a.entity_id == b.entity_id or not wider:
                continue
            between = span.text[a.end : b.start].strip().lower()
            if between in ("", ","):
                # "hit Kharkiv, Odesa Oblast and Sumy" is a list, not Kharkiv placed in Odesa Oblast
                listed = i + 2 < len(places) and _listed(lex, span.text[b.end : places[i + 2].start])
                if not listed:
                    within.setdefault(a.entity_id, set()).add(b.entity_id)
            elif len(between.split()) <= 3 and lex.within is not None and lex.within.match(between):
                within.setdefault(a.entity_id, set()).add(b.entity_id)
    return within


def _listed(lex: Lexicon, between: str) -> bool:
    between = between.strip()
    return between == "," or bool(lex.conjunction and lex.conjunction.fullmatch(between))


def _absorb_borrowed(article: Article, found: list[_Found]) -> list[_Found]:
    """A placeless physical report ("Wir sind jetzt Flüchtlinge") retelling a happening the article has
    already placed below country level joins that event rather than adding one at the focus place.

    Only a happening told before it: a placeless lead ("in many places people had to leave") introduces
    the wider event that the places named later are part of.
    """
    kept: list[_Found] = []
    for i, item in enumerate(found):
        if item.borrowed and any(_retells(article, o, item) for o in found[:i]):
            continue
        kept.append(item)
    return kept


def _retells(article: Article, told: _Found, item: _Found) -> bool:
    """Whether a placeless report can be a retelling of an earlier placed one.

    A statement retells one of its kind whose speaker is the same or unnamed ("the militia's leader said
    his group will return ... 'You will see us again', said Kapustin"); a physical report retells a
    happening placed below country level.
    """
    if told.borrowed or told.event.type != item.event.type or told.event.location is None:
        return False
    if item.event.type in STATEMENTS:
        voices = set(told.event.actors)
        same_voice = not voices or not item.event.actors or bool(voices & set(item.event.actors))
        return same_voice and _compatible([told], item)
    return _specificity(article, told.event.location) > 1 and _compatible([told], item)


def _spans(article: Article, lex: Lexicon) -> list[_Span]:
    spans = []
    context_year: int | None = article.published.year if article.published else None
    last_speaker: str | None = None
    previous_date: PartialDate | None = None
    for field, text in (("headline", article.headline or ""), ("body", article.body)):
        mentions = _outermost(
            sorted(
                (m for m in article.mentions if m.field == field and _usable(article, m)),
                key=lambda m: m.start,
            )
        )
        for sentence in split_sentences(text):
            inside = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end]
            attribution = find_attribution(text, sentence.start, sentence.end, inside, lex)
            speaker = attribution.entity_id if attribution else None
            cues = tuple(
                replace(c, start=c.start + sentence.start, end=c.end + sentence.start)
                for c in find_date_cues(sentence.text, lex, article.published, context_year)
            )
            span = _Span(
                field,  # type: ignore[arg-type]
                text,
                sentence,
                inside,
                speaker,
                last_speaker,
                context_year,
                cues,
                previous_date,
            )
            spans.append(span)
            last_speaker = speaker or last_speaker
            named = [c.date for c in cues if c.kind != "year" and c.date is not None]
            previous_date = named[-1] if named else previous_date
            years = years_named(sentence.text)
            if years:
                context_year = years[-1]
    return spans


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop names inside longer names: "Ukraine" in "Armed Forces of Ukraine" is not a place of the event."""

    def inside(m: Mention, o: Mention) -> bool:
        return o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start

    return [m for m in mentions if not any(inside(m, o) for o in mentions)]


def _usable(article: Article, mention: Mention) -> bool:
    """Places the knowledge base does not know are mostly misread words ("Krankenhäusern"); people and groups count."""
    entity = article.entities.get(mention.entity_id)
    return entity is not None and (mention.type != "LOC" or entity.known)


def _sentence_events(
    article: Article, lex: Lexicon, span: _Span, focus: str | None, antecedent: list[str] | None = None
) -> list[_Found]:
    text, sentence, mentions = span.text, span.sentence, span.mentions
    triggers = _triggers(lex, text, sentence, mentions)
    if not triggers:
        return []
    cues = list(span.cues)
    clauses = _clauses(sentence)
    hedged = bool(lex.hedge and lex.hedge.search(sentence.text))
    evidence = Evidence(span.field, sentence.start, sentence.end, sentence.text)
    out: list[_Found] = []
    seen_types: set[str] = set()
    for trigger in triggers:
        reported = trigger  # before any retyping: "wird fast täglich beschossen" is a habit, not a threat
        if trigger.type != "denial" and _negated(lex, text, sentence, trigger):
            continue
        if _rejected_or_requested(text, trigger, triggers):
            continue
        if trigger.type == "retreat" and _civilians_near(lex, text, sentence, trigger):
            trigger = replace(trigger, type="displacement")  # "120,000 people fled": civilians, not troops
        if trigger.type in THREATENING and _announced(lex, text, sentence, trigger):
            trigger = replace(trigger, type="threat")
        elif trigger.type not in STATEMENTS and _intended(lex, text, sentence, trigger):
            continue
        if trigger.type in STATEMENTS:
            if trigger.type in seen_types:  # one statement of a kind per sentence
                continue
            seen_types.add(trigger.type)
        cue = _cue_for(trigger, cues, clauses, triggers)
        if cue is not None and cue.kind == "year":
            continue  # dated only to a year: not an event under the annotation rules
        if cue is None and _time_reference(lex, text, sentence, reported):
            continue  # "equipment seized during the battle of Bakhmut": background the text does not date
        if cue is None and _habitual(lex, text, reported, clauses):
            continue  # "attacks almost daily", "der Beschuss hat zugenommen": a habit, not a happening
        date = cue.date if cue is not None else article.published
        relative = _relative_date(lex, article, span, cues, trigger, cue, triggers)
        if relative is not None:
            date, cue = relative
        speaker = span.speaker or _statement_subject(text, sentence, trigger, mentions)
        locations, borrowed = _locations(article, lex, text, trigger, mentions, focus, speaker)
        if borrowed and trigger.type not in STATEMENTS and antecedent:
            locations, borrowed = list(antecedent), False
        elif borrowed and trigger.type in STATEMENTS:
            people = _people_addressed(article, lex, sentence)
            locations, borrowed = ([people], False) if people else (locations, borrowed)
        actors = _actors(trigger, mentions, speaker) or _unnamed_speaker(trigger, span)
        confidence = 0.8 * (0.6 if hedged else 1.0) * (0.8 if borrowed else 1.0)
        for location in locations:
            event = Event(trigger.type, date, location, actors, evidence, round(confidence, 2))
            out.append(_Found(event, cue is not None, borrowed))
    return out


def _civilians_near(lex: Lexicon, text: str, sentence: Sentence, trigger: _Trigger) -> bool:
    """Whether the people around a flight word are civilians ("residents fled", "бежали 120 тыс. человек")."""
    if lex.civilians is None:
        return False
    # the subject may stand far before a verb at the end of its clause ("120.000 Menschen sind aus … geflohen")
    clause_start = max(sentence.start, text.rfind(",", sentence.start, trigger.start) + 1)
    before = text[clause_start : trigger.start].split()[-_CIVILIAN_REACH_BEFORE:]
    after = text[trigger.end : sentence.end].split()[:_CIVILIAN_REACH]
    return bool(lex.civilians.search(" ".join(before + after)))


def _rejected_or_requested(text: str, trigger: _Trigger, triggers: list[_Trigger]) -> bool:
    """What a denial rejects or a demand asks for has not happened as reported: "Moscow denies that its
    troops withdrew", "rejected the ultimatum", "demanded the withdrawal of troops"."""
    physical = trigger.type not in STATEMENTS
    for other in triggers:
        if other.type == "denial" and physical and other.end <= trigger.start:
            return True
        if (
            other.type == "denial"
            and not physical
            and trigger.type != "denial"
            and _object_of(text, other, trigger)
        ):
            return True
        if other.type == "demand" and physical and _object_of(text, other, trigger):
            return True
        if other.type == "offer" and trigger.type == "capture" and other.end <= trigger.start:
            return (
                True  # "offered to discuss the fate of the prisoners": prisoners are the topic, not taken now
            )
    return False


def _object_of(text: str, verb: _Trigger, trigger: _Trigger) -> bool:
    """Whether a trigger stands shortly after a verb in the same clause, as what it takes."""
    if verb.end > trigger.start:
        return False
    between = text[verb.end : trigger.start]
    return len(between.split()) <= _OBJECT_WORDS and not _CLAUSE_BREAK.search(between)


def _statement_subject(
    text: str, sentence: Sentence, trigger: _Trigger, mentions: list[Mention]
) -> str | None:
    """ "Moscou dément", "Rosja zaprzecza", "Kyiv rejected": a place opening the sentence right before a
    statement verb is who states it, not the place the statement is about."""
    if trigger.type not in STATEMENTS:
        return None
    before = [m for m in mentions if m.end <= trigger.start]
    if not before or before[-1].type != "LOC":
        return None
    subject = before[-1]
    lead, between = text[sentence.start : subject.start], text[subject.end : trigger.start]
    if len(lead.split()) > 1 or re.search(r"[,;:.!?\"«»“”]", between) or len(between.split()) > 2:
        return None
    return subject.entity_id


def _triggers(lex: Lexicon, text: str, sentence: Sentence, mentions: list[Mention]) -> list[_Trigger]:
    """Trigger words of the sentence; where two overlap, the longer wins ("drone attack" over "attack")."""
    found: list[_Trigger] = []
    for event_type, pattern in lex.triggers.items():
        for m in pattern.finditer(sentence.text):
            found.append(_Trigger(event_type, sentence.start + m.start(), sentence.start + m.end()))  # type: ignore[arg-type]
    if lex.place_taking:
        for m in lex.place_taking.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if any(p.type == "LOC" and _is_object(lex, text, end, p) for p in mentions):
                found.append(_Trigger("territory_taken", start, end))
    # phrases that only look like triggers ("fighting for Ukraine") hide the triggers inside them
    blockers = lex.not_events.finditer(sentence.text) if lex.not_events else iter(())
    taken = [(sentence.start + m.start(), sentence.start + m.end()) for m in blockers]
    kept: list[_Trigger] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        if not any(t.start < end and start < t.end for start, end in taken):
            kept.append(t)
            taken.append((t.start, t.end))
    return sorted(kept, key=lambda t: t.start)


def _is_object(lex: Lexicon, text: str, verb_end: int, place: Mention) -> bool:
    """Whether a place follows a taking verb closely enough to be what was taken ("took the village of X");
    not when it is the agent ("equipment captured by Russia")."""
    if place.start < verb_end:
        return False
    between = text[verb_end : place.start]
    if lex.agent is not None and lex.agent.search(between):
        return False
    return len(between.split()) <= _PLACE_OBJECT_WORDS and not re.search(r"[,;:.\d]", between)


def _people_addressed(article: Article, lex: Lexicon, sentence: Sentence) -> str | None:
    """ "called on Russians to boycott the elections": a statement naming no place is about the country
    whose people it names, when the article names that country."""
    for country, pattern in lex.peoples.items():
        if pattern.search(sentence.text):
            named = {m.entity_id for m in article.mentions if m.type == "LOC"}
            for entity_id in named:
                entity = article.entities.get(entity_id)
                if entity is not None and entity.name == country:
                    return entity_id
    return None


def _relative_date(
    lex: Lexicon,
    article: Article,
    span: _Span,
    cues: list[DateCue],
    trigger: _Trigger,
    cue: DateCue | None,
    triggers: list[_Trigger],
) -> tuple[PartialDate | None, DateCue] | None:
    """ "This was a day after Moscow said it had repulsed an attack", "dagen efter at Rusland siger":
    a happening told after such a phrase is dated from the date before the phrase (in the sentence,
    else the last one named before it, else the article's), shifted by the phrase's days."""
    text, start = span.text, span.sentence.start
    anchors = [
        (start + m.start(), start + m.end(), offset)
        for pattern, offset in lex.relative_to_event
        for m in pattern.finditer(span.sentence.text)
    ]
    anchors = [a for a in anchors if a[1] <= trigger.start]
    if not anchors or (cue is not None and cue.start >= max(a[1] for a in anchors)):
        return None  # no such phrase before the trigger, or the trigger has a date of its own after it
    phrase_start, phrase_end, offset = max(anchors, key=lambda a: a[1])
    # "Au lendemain des bombardements, le gouverneur a appelé", "Dzień po ostrzale gubernator wezwał":
    # a phrase opening the sentence dates only the happening it names, not the main clause after it
    fronted = not text[start:phrase_start].strip(" \"'«»„“”-–—")
    named_first = min((t.start for t in triggers if t.start >= phrase_end), default=trigger.start)
    if fronted and (trigger.start != named_first or _CLAUSE_BREAK.search(text, phrase_end, trigger.start)):
        return None
    before = [c for c in cues if c.end <= phrase_start and c.kind != "year" and c.date is not None]
    base = before[-1].date if before else span.previous_date or article.published
    if base is None:
        return None
    day = base.as_date()
    date = PartialDate.from_date(day + datetime.timedelta(days=offset)) if day else base
    return date, DateCue(phrase_start, phrase_end, "relative", date)


def _habitual(lex: Lexicon, text: str, trigger: _Trigger, clauses: list[tuple[int, int]]) -> bool:
    """Whether the trigger's clause describes a habit or trend ("shelled almost daily", "immer wieder")."""
    if lex.habitual is None or trigger.type in STATEMENTS:
        return False
    start, end = _clause_of(trigger.start, clauses)
    return bool(lex.habitual.search(text[start:end]))


def _time_reference(lex: Lexicon, text: str, sentence: Sentence, trigger: _Trigger) -> bool:
    """ "during the battle of Bakhmut", "во время боёв": the happening only dates something else.

    Remote attacks are left alone: "came under shelling" ("kom under beskydning") reports one.
    """
    if lex.during is None or trigger.type in STATEMENTS or trigger.type == "remote_attack":
        return False
    words = text[sentence.start : trigger.start].split()[-_DURING_REACH:]
    return bool(words) and bool(lex.during.search(" ".join(words)))


def _negated(lex: Lexicon, text: str, sentence: Sentence, trigger: _Trigger) -> bool:
    if lex.negation is None:
        return False
    words = text[sentence.start : trigger.start].split()[-_NEGATION_REACH:]
    return bool(lex.negation.search(" ".join(words)))


def _announced(lex: Lexicon, text: str, sentence: Sentence, trigger: _Trigger) -> bool:
    """ "will soon launch further incursions", "vil tage vores land tilbage": a future attack, so a threat."""
    if lex.future is None:
        return False
    clause_start = max(sentence.start, text.rfind(",", sentence.start, trigger.start) + 1)
    before = " ".join(text[clause_start : trigger.start].split()[-_FUTURE_REACH:])
    modals = list(lex.future.finditer(before))
    if not modals:
        return False
    # "skal have besat", "soll eingenommen haben", "is said to have taken": hearsay about a past act
    after = " ".join(text[trigger.end : sentence.end].split()[:_PERFECT_AFTER])
    return not (lex.perfect and (lex.perfect.search(before[modals[-1].end() :]) or lex.perfect.search(after)))


def _intended(lex: Lexicon, text: str, sentence: Sentence, trigger: _Trigger) -> bool:
    """ "tried to cross", "målet er at befri": the word before the trigger marks an infinitive."""
    if lex.infinitive is None:
        return False
    words = text[sentence.start : trigger.start].split()
    return bool(words) and bool(lex.infinitive.fullmatch(words[-1].lower()))


def _clauses(sentence: Sentence) -> list[tuple[int, int]]:
    bounds = [sentence.start]
    bounds += [sentence.start + m.start() for m in _CLAUSE_BREAK.finditer(sentence.text)]
    bounds.append(sentence.end)
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def _clause_of(offset: int, clauses: list[tuple[int, int]]) -> tuple[int, int]:
    for a, b in clauses:
        if a <= offset < b:
            return (a, b)
    return clauses[-1]


def _cue_for(
    trigger: _Trigger, cues: list[DateCue], clauses: list[tuple[int, int]], triggers: list[_Trigger]
) -> DateCue | None:
    """The date words that govern a trigger: in its clause, else the nearest ones no other trigger is closer to."""
    if not cues:
        return None
    clause = _clause_of(trigger.start, clauses)
    same = [c for c in cues if clause[0] <= c.start < clause[1]]
    if same:
        return min(same, key=lambda c: abs(c.start - trigger.start))
    free = []
    for c in cues:
        cue_clause = _clause_of(c.start, clauses)
        owners = [t for t in triggers if cue_clause[0] <= t.start < cue_clause[1]]
        if not owners:
            free.append(c)
    return min(free, key=lambda c: abs(c.start - trigger.start)) if free else None


def _specificity(article: Article, entity_id: str) -> int:
    entity = article.entities.get(entity_id)
    precision = entity.precision if entity else None
    return _SPECIFICITY.get(precision or "", 2)


def _locations(
    article: Article,
    lex: Lexicon,
    text: str,
    trigger: _Trigger,
    mentions: list[Mention],
    focus: str | None,
    speaker_id: str | None,
) -> tuple[list[str | None], bool]:
    """Places of the event (one per coordinated place for physical events) and whether they were borrowed."""
    places = [
        m
        for m in mentions
        if m.type == "LOC"
        and m.entity_id != speaker_id
        and not _is_modifier(article, text, m)
        and not _is_dateline(text, m)
    ]
    # "withdrew from Sudzha", "evacuated from Vovchansk": the place left is where it happened
    if trigger.type not in STATEMENTS and trigger.type not in ("retreat", "displacement") and lex.origin:
        places = [p for p in places if not _follows(lex.origin, text, p)]
    if lex.not_events:  # "fighting for Ukraine": the side, not the place
        places = [p for p in places if not _follows(lex.not_events, text, p)]
    if trigger.type == "retreat" and lex.retreat_destination:
        places = [p for p in places if not _follows(lex.retreat_destination, text, p)]
    if not places:
        return [focus], True
    best = _most_specific(article, places, trigger)
    assert best is not None
    if trigger.type in STATEMENTS:
        return [best.entity_id], False
    group = [best]
    for candidate in sorted(places, key=lambda p: abs(p.start - best.start)):
        if candidate.entity_id not in {g.entity_id for g in group} and _coordinated(
            article, lex, text, group, candidate, places
        ):
            group.append(candidate)
    return [g.entity_id for g in group], False


def _most_specific(article: Article, places: list[Mention], trigger: _Trigger) -> Mention | None:
    if not places:
        return None
    return max(places, key=lambda p: (_specificity(article, p.entity_id), -abs(p.start - trigger.start)))


def _is_modifier(article: Article, text: str, place: Mention) -> bool:
    """A place in the possessive qualifies the next word ("Russia's Belgorod", "Kyiv's attempt", "Ruslands invasion")."""
    surface = place.text
    if re.match(r"['’]s\s+\w", text[place.end : place.end + 4]):
        return True
    if not text[place.end : place.end + 2].strip(" ").isalpha():
        return False
    if surface.endswith(("'s", "’s")):
        return True
    entity = article.entities.get(place.entity_id)
    name = entity.name if entity else ""
    return (article.lang or "") in _GENITIVE_S_LANGS and surface.endswith("s") and not name.endswith("s")


def _is_dateline(text: str, place: Mention) -> bool:
    """ "WASHINGTON:", "KHARTOUM, Sept. 4": where the story was filed, not where it happened."""
    line_start = text.rfind("\n", 0, place.start) + 1
    if text[line_start : place.start].strip(" -–—"):
        return False
    after = text[place.end : place.end + 3]
    return after.startswith((":", " –", " —", " -")) or (place.text.isupper() and after.startswith(","))


def _follows(pattern: re.Pattern[str], text: str, mention: Mention) -> bool:
    """Whether a phrase of `pattern` ends right before the mention ("back to Ukraine", "fighting for Ukraine")."""
    before = text[max(0, mention.start - 40) : mention.start].rstrip()
    return any(m.end() == len(before) for m in pattern.finditer(before))


def _coordinated(
    article: Article, lex: Lexicon, text: str, group: list[Mention], candidate: Mention, places: list[Mention]
) -> bool:
    """Whether `candidate` is listed with the group: only a conjunction or comma stands between them.

    A comma between places of different levels is an apposition ("Kozinka, Belgorod Oblast"), not a list,
    unless the list goes on after the second ("hit Tyotkino, Kursk and Shebekino").
    """
    for member in group:
        a, b = (member, candidate) if member.start < candidate.start else (candidate, member)
        between = text[a.end : b.start].strip()
        levels_differ = _specificity(article, a.entity_id) != _specificity(article, b.entity_id)
        following = [p for p in places if p.start >= b.end]
        goes_on = bool(following) and _listed(lex, text[b.end : min(p.start for p in following)])
        if between in ("", ",") and levels_differ and not goes_on:
            continue  # "Kozinka, Belgorod Oblast", "село Козинка Грайворонского округа": where it lies
        if not between or (lex.conjunction and lex.conjunction.fullmatch(between)):
            return True
    return False


def _actors(trigger: _Trigger, mentions: list[Mention], speaker_id: str | None) -> tuple[str, ...]:
    """Who acted: the speaker of a statement; for physical events the people and groups named before the trigger."""
    if trigger.type in STATEMENTS and speaker_id:
        return (speaker_id,)
    agents = [m for m in mentions if m.type != "LOC"]
    before = [m.entity_id for m in agents if m.end <= trigger.start]
    chosen = before or [m.entity_id for m in agents if m.start >= trigger.end][:2]
    return tuple(dict.fromkeys(chosen))


def _unnamed_speaker(trigger: _Trigger, span: _Span) -> tuple[str, ...]:
    """A statement with nobody named ("He also asked them to surrender") continues the last speaker."""
    if trigger.type in STATEMENTS and span.last_speaker:
        return (span.last_speaker,)
    return ()


def _focus_place(article: Article, spans: list[_Span]) -> str | None:
    """The place the article is mostly about: its most-named region, else its most-named town, else country.

    Conflict stories are told by region ("the Belgorod region"), so a happening without a place of its own
    is put there. A place that speaks ("Moscow said") or files the story ("WASHINGTON:") does not count,
    and the headline and lead count double.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, span in enumerate(spans):
        lead = (
            span.field == "headline" or span.sentence.paragraph == 0
        )  # the lead names what the story is about
        for m in span.mentions:
            if m.type == "LOC" and m.entity_id != span.speaker and not _is_dateline(span.text, m):
                counts[m.entity_id] += 2 if lead else 1
                first.setdefault(m.entity_id, i)
    if not counts:
        return None
    regions = [e for e in counts if _specificity(article, e) == _SPECIFICITY["region"]]
    local = [e for e in counts if _specificity(article, e) > 1]
    pool = regions or local or list(counts)
    return max(pool, key=lambda e: (counts[e], -first[e]))


def _merge(found: list[_Found]) -> list[Event]:
    """One event per type, place and date; a report without a date word joins a dated one."""
    groups: list[list[_Found]] = []
    for item in found:
        for group in groups:
            head = group[0].event
            if (
                head.type == item.event.type
                and (head.location == item.event.location or _same_statement(group, item))
                and _compatible(group, item)
                and _same_voice(group, item)
            ):
                group.append(item)
                break
        else:
            groups.append([item])
    events = []
    for group in groups:
        dated = [f for f in group if f.dated_by_text and f.event.date is not None]
        chosen = max(dated, key=lambda f: _precision(f.event.date)) if dated else group[0]
        actors = tuple(dict.fromkeys(a for f in group for a in f.event.actors))
        confidence = min(1.0, max(f.event.confidence for f in group) + 0.05 * (len(group) - 1))
        placed = next((f for f in group if not f.borrowed), group[0])
        events.append(
            replace(placed.event, date=chosen.event.date, actors=actors, confidence=round(confidence, 2))
        )
    return events


def _same_statement(group: list[_Found], item: _Found) -> bool:
    """One speaker's statement of one kind, retold in several sentences ("Gladkov urged residents to leave
    ... He asked them to go"), is one statement, wherever each retelling happens to put it."""
    if item.event.type not in STATEMENTS or not item.event.actors:
        return False
    return any(set(f.event.actors) & set(item.event.actors) for f in group)


def _same_voice(group: list[_Found], item: _Found) -> bool:
    """Statements by different speakers are different statements; a headline repeats whoever the body quotes."""
    if item.event.type not in STATEMENTS:
        return True
    if item.event.evidence.field == "headline" or any(f.event.evidence.field == "headline" for f in group):
        return True
    said_by = {a for f in group for a in f.event.actors}
    return bool(said_by & set(item.event.actors))


def _compatible(group: list[_Found], item: _Found) -> bool:
    """Dates that can be the same happening; a report without a date word (dated like the article)
    joins a dated report only when that date is recent, not a background event months earlier."""
    for member in group:
        a, b = member.event.date, item.event.date
        if a == b:
            continue
        both_dated = member.dated_by_text and item.dated_by_text
        if both_dated and (a is None or b is None or not _within(a, b)):
            return False
        one_dated = member.dated_by_text or item.dated_by_text
        if not both_dated and one_dated and a is not None and b is not None and not _recent(a, b):
            return False
    return True


def _recent(a: PartialDate, b: PartialDate) -> bool:
    """Within a week of each other, or the same month when one of them is only a month."""
    day_a, day_b = a.as_date(), b.as_date()
    if day_a and day_b:
        return abs((day_a - day_b).days) <= _RECENT_DAYS
    return _within(a, b) or (a.year, a.month) == (b.year, b.month)


def _within(a: PartialDate, b: PartialDate) -> bool:
    """Same day, or one is the month (or year) holding the other."""
    coarse, fine = (a, b) if _precision(a) <= _precision(b) else (b, a)
    if coarse.year != fine.year:
        return False
    return coarse.month is None or (coarse.month == fine.month and coarse.day in (None, fine.day))


def _precision(date: PartialDate | None) -> int:
    return 0 if date is None else {"year": 1, "month": 2, "day": 3}[date.precision]
