"""What a story says, built from its articles: one timeline, the claims, the contradictions.

The same incursion reported by six outlets becomes one StoryEvent with six
sources, its date the one most sources give and any other dates kept. Every
figure becomes a Claim with its claimant, tied to the merged event it counts;
claimants who give incompatible figures for one kind and event, and denials
against what others assert, are flagged. The headline and summary are extracted
from the story's most central article in English, else in its main language.

Pure over the articles; used by the story stage.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from wirewatch.model import (
    EVENT_TYPES,
    FIGURE_KINDS,
    Article,
    Claim,
    Contradiction,
    Event,
    PartialDate,
    Story,
    StoryEvent,
)

STATEMENTS = frozenset({"demand", "offer", "denial", "accusation", "threat"})


def build_story(story: str, articles: list[Article]) -> Story:
    """The story of these articles: timeline, claims, contradictions, dates, headline and summary."""
    articles = sorted(articles, key=lambda a: (a.published.iso() if a.published else "9999", a.id))
    ids = {a.id for a in articles}
    # A reprint of an article in the story is the same report again: it is listed, not counted.
    reports = [a for a in articles if a.duplicate_of not in ids]
    events, where = merge_events(reports)
    claims = collect_claims(reports, where)
    start, end = date_span(articles)
    lead = _lead_article(articles)
    return Story(
        id=story,
        headline=_headline(lead),
        article_ids=[a.id for a in articles],
        languages=[lang for lang, _ in Counter(a.lang for a in articles if a.lang).most_common()],
        start=start,
        end=end,
        summary=_summary(lead),
        events=events,
        claims=claims,
        contradictions=find_contradictions(claims, events, _names(reports)),
    )


def date_span(articles: list[Article]) -> tuple[PartialDate | None, PartialDate | None]:
    """First and last date the dated articles establish; days beat months."""
    dates = [a.published for a in articles if a.published and a.published.month]
    days = [d for d in dates if d.day]
    pool = days or dates
    return (min(pool), max(pool)) if pool else (None, None)


def merge_events(articles: list[Article]) -> tuple[list[StoryEvent], dict[tuple[str, int], int]]:
    """One StoryEvent per real-world event; and where each (article id, event index) went."""
    groups: list[list[tuple[str, int, Event]]] = []
    for article in articles:
        for k, event in enumerate(article.events):
            for group in groups:
                if all(_same_event(event, other) for _, _, other in group):
                    group.append((article.id, k, event))
                    break
            else:
                groups.append([(article.id, k, event)])
    built = [_story_event(g) for g in groups]
    order = sorted(range(len(built)), key=lambda i: (_date_key(built[i].date), built[i].type, i))
    where = {(aid, k): rank for rank, i in enumerate(order) for aid, k, _ in groups[i]}
    return [built[i] for i in order], where


def _same_event(a: Event, b: Event) -> bool:
    if a.type != b.type or a.location != b.location:
        return False
    if not _dates_agree(a.date, b.date):
        return False
    # Two statements of one kind at one place are one only when the same side speaks.
    if a.type in STATEMENTS and a.actors and b.actors:
        return bool(set(a.actors) & set(b.actors))
    return True


def _dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.day and b.day:
        return abs(a.as_date().toordinal() - b.as_date().toordinal()) <= 1  # type: ignore[union-attr]
    if a.month and b.month:
        return (a.year, a.month) == (b.year, b.month)
    return a.year == b.year


def _story_event(group: list[tuple[str, int, Event]]) -> StoryEvent:
    dates = [e.date for _, _, e in group if e.date]
    day_votes = Counter(d for d in dates if d.day)
    month_votes = Counter(d for d in dates if d.month and not d.day)
    votes = day_votes or month_votes or Counter(dates)
    date = min(votes, key=lambda d: (-votes[d], d)) if votes else None
    days = {d for d in dates if d.day}
    # A month that holds a reported day is no disagreement.
    distinct = {d for d in dates if d.day or not any((x.year, x.month) == (d.year, d.month) for x in days)}
    reported = tuple(sorted(d.iso() for d in distinct)) if len(distinct) > 1 else ()
    actors = Counter(a for _, _, e in group for a in e.actors)
    return StoryEvent(
        type=group[0][2].type,
        date=date,
        location=group[0][2].location,
        actors=tuple(a for a, _ in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))),
        sources=tuple((aid, k) for aid, k, _ in group),
        dates_reported=reported,
    )


def _date_key(date: PartialDate | None) -> tuple[int, int, int]:
    return (9999, 99, 99) if date is None else (date.year, date.month or 0, date.day or 0)


def collect_claims(articles: list[Article], where: dict[tuple[str, int], int]) -> list[Claim]:
    """Every figure as a claim with its claimant, grouped by kind and then by event."""
    claims = []
    for article in articles:
        for figure in article.figures:
            event = where.get((article.id, figure.event_index)) if figure.event_index is not None else None
            claims.append(
                Claim(figure.kind, figure.value, figure.claimed_by, article.id, figure.lower_bound, event)
            )
    rank = {a.id: i for i, a in enumerate(articles)}
    kinds = {k: i for i, k in enumerate(FIGURE_KINDS)}
    return sorted(
        claims, key=lambda c: (kinds.get(c.kind, 99), c.event is None, c.event or 0, rank[c.article_id])
    )


def _names(articles: list[Article]) -> dict[str, str]:
    return {e.id: e.name for a in articles for e in a.entities.values()}


def find_contradictions(
    claims: list[Claim], events: list[StoryEvent], names: dict[str, str] | None = None
) -> list[Contradiction]:
    """Claimants who state incompatible figures for one kind and event; denials against assertions.

    `names` (entity id -> name) makes the notes readable.
    """
    names = names or {}
    out: list[Contradiction] = []
    seen: set[tuple[int, ...]] = set()
    for kind in FIGURE_KINDS:
        of_kind = [i for i, c in enumerate(claims) if c.kind == kind]
        event_keys = sorted({claims[i].event for i in of_kind if claims[i].event is not None})
        # A claim tied to no event may be about any of them.
        for key in event_keys or [None]:
            group = [i for i in of_kind if claims[i].event in (key, None)]
            found = _disagreeing(claims, group)
            if found and found not in seen:
                seen.add(found)
                out.append(Contradiction(kind, found, _claims_note(claims, found, names)))
    for d, denial in enumerate(events):
        if denial.type != "denial":
            continue
        asserted = tuple(i for i, e in enumerate(events) if i != d and _asserts_against(e, denial))
        if asserted:
            note = _denial_note(denial, [events[i] for i in asserted], names)
            out.append(Contradiction("denial", (d, *asserted), note))
    return out


def _claimant(claim: Claim) -> str:
    return claim.claimed_by or f"article {claim.article_id}"


def _consistent(a: Claim, b: Claim) -> bool:
    if a.value == b.value:
        return True
    lower = a if a.value < b.value else b
    return lower.lower_bound  # "more than 70" and "80" can both hold


def _disagreeing(claims: list[Claim], group: list[int]) -> tuple[int, ...]:
    by_claimant: dict[str, list[int]] = defaultdict(list)
    for i in group:
        by_claimant[_claimant(claims[i])].append(i)
    involved: set[int] = set()
    names = sorted(by_claimant)
    for x, first in enumerate(names):
        for second in names[x + 1 :]:
            a, b = by_claimant[first], by_claimant[second]
            if not any(_consistent(claims[i], claims[j]) for i in a for j in b):
                involved.update(a + b)
    return tuple(sorted(involved))


def _claims_note(claims: list[Claim], found: Iterable[int], names: dict[str, str]) -> str:
    parts: dict[str, list[str]] = defaultdict(list)
    for i in found:
        c = claims[i]
        who = names.get(c.claimed_by, c.claimed_by) if c.claimed_by else f"article {c.article_id}"
        value = f"more than {c.value}" if c.lower_bound else str(c.value)
        if value not in parts[who]:
            parts[who].append(value)
    kind = claims[next(iter(found))].kind
    return "; ".join(f"{who}: {', '.join(values)} {kind}" for who, values in parts.items())


# What a denial can stand against: an accusation, or any physical act (not a demand, offer or threat).
_ASSERTIONS = frozenset(EVENT_TYPES) - {"denial", "demand", "offer", "threat"}


def _asserts_against(event: StoryEvent, denial: StoryEvent) -> bool:
    """An accusation, or an act the denier is said to have done, about the same place and time."""
    if event.type not in _ASSERTIONS or not _dates_agree(event.date, denial.date):
        return False
    if event.location != denial.location and None not in (event.location, denial.location):
        return False
    return event.type == "accusation" or bool(set(denial.actors) & set(event.actors))


def _denial_note(denial: StoryEvent, asserted: list[StoryEvent], names: dict[str, str]) -> str:
    who = ", ".join(names.get(a, a) for a in denial.actors) or "a party"
    what = ", ".join(sorted({e.type for e in asserted}))
    return f"{who} denies what the story's {what} asserts"


# -- headline and summary ---------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"«„“A-ZÀ-ÖØ-ÞА-ЯЁЇІЄҐ0-9])")


def _lead_article(articles: list[Article]) -> Article:
    """English where the story has it, else its most common language; the most central article."""
    langs = Counter(a.lang for a in articles if a.lang)
    preferred = "en" if "en" in langs else (langs.most_common(1)[0][0] if langs else None)
    pool = [a for a in articles if a.lang == preferred] or articles
    common = Counter(e for a in articles for e in a.entities)
    # max() keeps the first of equals: the earliest article wins a tie.
    return max(pool, key=lambda a: (bool(a.headline), sum(common[e] for e in a.entities)))


def _headline(article: Article) -> str:
    if article.headline:
        return article.headline.strip()
    first = _sentences(article.body)[:1]
    return _clip(first[0], 140) if first else article.id


def _summary(article: Article) -> str:
    sentences = [s for s in _sentences(article.body) if s.strip() != (article.headline or "").strip()]
    out = ""
    for sentence in sentences:
        if out and len(out) + len(sentence) > 400:
            break
        out = f"{out} {sentence}".strip()
    return _clip(out, 500)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
