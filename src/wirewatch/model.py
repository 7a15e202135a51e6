"""The typed data model every stage shares.

An article enters as a `RawArticle` (exactly what the input held, never
changed), and each stage adds its part to an `Article`. Stages take model
objects and return model objects; dicts appear only at the edges (store,
export, API), through `to_builtins`/`from_builtins`.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Literal

import msgspec

EntityType = Literal["PER", "ORG", "LOC"]
EventType = Literal[
    "incursion",
    "armed_clash",
    "remote_attack",
    "territory_taken",
    "retreat",
    "capture",
    "displacement",
    "demand",
    "offer",
    "denial",
    "accusation",
    "threat",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]
FigureKind = Literal["killed", "wounded", "captured", "displaced", "evacuated"]
FIGURE_KINDS: tuple[str, ...] = FigureKind.__args__  # type: ignore[attr-defined]
PlacePrecision = Literal["country", "region", "district", "settlement", "feature"]
TextField = Literal["headline", "body"]

_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate:
    """A calendar date known to the year, the month or the day.

    Immutable and ordered; written everywhere as its ISO form
    (`2023`, `2023-05`, `2023-05-22`).
    """

    __slots__ = ("year", "month", "day")

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range: {month}")
        if day is not None:
            datetime.date(year, month or 1, day)  # raises on 31 February
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[type, tuple[int, int | None, int | None]]:
        return (PartialDate, (self.year, self.month, self.day))

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PartialDate) and self._key() == other._key()

    def __lt__(self, other: PartialDate) -> bool:
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        return self._key() <= other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"PartialDate({self.iso()!r})"

    def __str__(self) -> str:
        return self.iso()

    @property
    def precision(self) -> Literal["year", "month", "day"]:
        return "day" if self.day else "month" if self.month else "year"

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def as_date(self) -> datetime.date | None:
        """The calendar day, when the day is known."""
        return datetime.date(self.year, self.month, self.day) if self.day and self.month else None

    @classmethod
    def from_date(cls, day: datetime.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = _ISO_DATE.match(text.strip())
        if not m:
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        y, mo, d = m.groups()
        return cls(int(y), int(mo) if mo else None, int(d) if d else None)


@dataclass(frozen=True)
class Origin:
    """Where an input record came from, for error messages and provenance."""

    path: str
    line: int | None = None  # 1-based line of a JSON Lines record
    item: int | None = None  # 0-based item of a feed

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.path}:{self.line}"
        if self.item is not None:
            return f"{self.path}#item{self.item}"
        return self.path


@dataclass(frozen=True)
class RawArticle:
    """One article exactly as the input gave it."""

    id: str
    text: str  # raw text, or raw HTML when format == "html"
    origin: Origin
    format: Literal["text", "html"] = "text"
    url: str | None = None
    source: str | None = None
    title_hint: str | None = None  # a title the container gave (feed item, HTML <title>)
    date_hint: str | None = None  # a date the container gave (feed item, HTML metadata), ISO
    extra: dict[str, Any] = field(default_factory=dict)  # input fields wirewatch does not use

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Reject:
    """An input record that could not become an article, and why."""

    origin: Origin
    reason: str
    excerpt: str = ""  # the start of the offending input, kept so nothing is lost

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


@dataclass(frozen=True)
class CleanText:
    """What the clean stage derives from the raw text."""

    headline: str | None
    body: str


@dataclass(frozen=True)
class Mention:
    """A name in the article text, with the entity it resolves to."""

    field: TextField
    start: int  # character offsets into Article.headline or Article.body
    end: int
    text: str
    type: EntityType
    entity_id: str  # Entity.id


@dataclass(frozen=True)
class Entity:
    """A canonical person, organisation or place."""

    id: str  # stable: the knowledge-base id, or a hash of the normalised name for unknown ones
    name: str  # canonical (English Wikipedia title or usual English form)
    type: EntityType
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision | None = None
    known: bool = True  # False when discovered in text, not in the knowledge base


@dataclass(frozen=True)
class Evidence:
    field: TextField
    start: int
    end: int
    text: str  # the sentence


@dataclass(frozen=True)
class Event:
    type: EventType
    date: PartialDate | None
    location: str | None  # Entity.id of the most specific place
    actors: tuple[str, ...]  # Entity.ids
    evidence: Evidence
    confidence: float = 1.0


@dataclass(frozen=True)
class Figure:
    kind: FigureKind
    value: int
    claimed_by: str | None  # Entity.id; None is the article's own voice
    evidence: Evidence
    lower_bound: bool = False  # "more than 70"
    event_index: int | None = None  # index into Article.events this figure belongs to


@dataclass
class Article:
    """An article with everything the stages derived from it."""

    raw: RawArticle
    headline: str | None = None
    body: str = ""
    lang: str | None = None
    published: PartialDate | None = None
    duplicate_of: str | None = None  # id of the article this is a near-copy of
    entities: dict[str, Entity] = field(default_factory=dict)  # by Entity.id
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    story: str | None = None

    @property
    def id(self) -> str:
        return self.raw.id


@dataclass(frozen=True)
class StoryEvent:
    """One real-world event as several articles report it."""

    type: EventType
    date: PartialDate | None
    location: str | None
    actors: tuple[str, ...]
    sources: tuple[tuple[str, int], ...]  # (article id, index into its events)
    dates_reported: tuple[str, ...] = ()  # distinct dates the sources give, when they disagree


@dataclass(frozen=True)
class Claim:
    kind: FigureKind
    value: int
    claimed_by: str | None
    article_id: str
    lower_bound: bool = False
    event: int | None = None  # index into Story.events


@dataclass(frozen=True)
class Contradiction:
    kind: str  # a FigureKind, or "denial"
    claims: tuple[int, ...]  # indexes into Story.claims (or Story.events for a denial)
    note: str


@dataclass
class Story:
    id: str
    headline: str
    article_ids: list[str]
    languages: list[str]
    start: PartialDate | None = None
    end: PartialDate | None = None
    summary: str = ""
    events: list[StoryEvent] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)


def to_builtins(obj: Any) -> Any:
    """Model object -> JSON-ready dicts/lists (dates as ISO strings)."""
    return msgspec.to_builtins(obj, enc_hook=_enc_hook)


def from_builtins(data: Any, type_: type) -> Any:
    return msgspec.convert(data, type_, dec_hook=_dec_hook, strict=False)


def _enc_hook(obj: Any) -> Any:
    if isinstance(obj, PartialDate):
        return obj.iso()
    raise NotImplementedError(f"cannot encode {type(obj).__name__}")


def _dec_hook(type_: type, obj: Any) -> Any:
    if type_ is PartialDate and isinstance(obj, str):
        return PartialDate.parse(obj)
    raise NotImplementedError(f"cannot decode {type_}")
