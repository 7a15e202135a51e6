"""Load a language's TOML word lists and compile them into patterns, once per process."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from wirewatch.model import EVENT_TYPES, FIGURE_KINDS

DATA_DIR = Path(__file__).parent / "data"

Pattern = re.Pattern[str]

# Nynorsk and Bokmål share most words; a missing file falls back to its neighbour before the merged lists.
_NEIGHBOURS = {"nn": "nb", "no": "nb"}


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one per language per process
class Lexicon:
    """Compiled word lists for one language (or the merge of all of them)."""

    lang: str
    triggers: dict[str, Pattern]  # event type -> trigger words
    place_taking: Pattern | None  # "took", "seized": territory_taken only when a place follows
    not_events: Pattern | None  # look like triggers but are not ("fighting for Ukraine")
    origin: Pattern | None  # "from": the place after it is where forces came from, not where it happened
    negation: Pattern | None
    infinitive: Pattern | None  # "to", "at", "zu" right before a trigger: an intention, not a happening
    future: Pattern | None  # "will", "vil", "будет": a physical trigger after these announces a threat
    hedge: Pattern | None
    retreat_destination: Pattern | None  # "back to": the place after it is not where the retreat happened
    conjunction: Pattern | None  # what may stand between two coordinated names
    civilians: Pattern | None  # residents, жителей, osób: who flees is displaced, not retreating
    within: Pattern | None  # "in", "i", "в": "Tyotkino in the Kursk region" puts the village in the region
    perfect: Pattern | None  # "have", "haben": "skal have besat", "soll eingenommen haben" report a past act
    during: Pattern | None  # "during", "während": "during the battle of Bakhmut" dates something else
    agent: Pattern | None  # "by", "von": "captured by Russia" names who took, not what was taken
    habitual: Pattern | None  # "almost daily", "immer wieder": a habit or trend, not one happening
    peoples: dict[str, Pattern]  # country's canonical name -> its people as a noun ("Russians", "россиян")
    speech: Pattern | None  # says, siger, заявил
    source_before: Pattern | None  # "according to X"
    source_after: Pattern | None  # "X zufolge"
    complementizer: Pattern | None  # that, at, dass, что
    prepositions: Pattern | None  # "on Telegram", "in Belgorod": a name after these does not speak
    back_reference: Pattern | None  # "Det meddelte Gladkov", "Об этом сообщил": credits the sentence before
    figure_kinds: dict[str, Pattern]  # figure kind -> words that name it
    including: Pattern | None  # "including", "dont", "в том числе": a part of the count before
    number_words: dict[str, int]
    one_words: frozenset[str]  # words for 1 that are also articles ("en", "ein")
    multipliers: dict[str, int]
    lower_bound: Pattern | None  # more than, mere end, über
    approx: Pattern | None  # around, omkring, etwa
    weekdays: tuple[Pattern | None, ...]  # Monday first
    months: tuple[Pattern | None, ...]  # January first
    relative_days: tuple[tuple[Pattern, int], ...]  # (yesterday, -1)
    relative_to_event: tuple[tuple[Pattern, int], ...]  # ("a day after", -1): days from the preceding date
    last_year: Pattern | None
    this_year: Pattern | None
    same_year: Pattern | None
    this_week: Pattern | None
    last_week: Pattern | None


@lru_cache(maxsize=1)
def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in DATA_DIR.glob("*.toml")))


def load_lexicon(lang: str | None) -> Lexicon:
    """The lexicon for an ISO 639-1 code; unknown codes get all languages merged."""
    code = (lang or "").lower()
    code = code if code in supported_languages() else _NEIGHBOURS.get(code, "*")
    return _compiled(code)


@cache
def _compiled(code: str) -> Lexicon:
    if code == "*":
        data: dict[str, Any] = {}
        for lang in supported_languages():
            data = _merge(data, _read(lang))
    else:
        data = _read(code)
    return _compile(code, data)


@cache
def _read(lang: str) -> dict[str, Any]:
    with open(DATA_DIR / f"{lang}.toml", "rb") as f:
        return tomllib.load(f)


def _merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out = dict(a)
    for key, value in b.items():
        if key not in out:
            out[key] = value
        elif isinstance(value, dict):
            out[key] = _merge(out[key], value)
        elif isinstance(value, list) and value and isinstance(value[0], list):
            # weekday/month tables: merge slot by slot
            out[key] = [list(x) + list(y) for x, y in zip(out[key], value)]
        elif isinstance(value, list):
            out[key] = list(out[key]) + [v for v in value if v not in out[key]]
    return out


def compile_phrases(entries: list[str] | tuple[str, ...] | None) -> Pattern | None:
    """One pattern for a list of phrases in the mini-syntax described in the package docstring.

    Entries written with a capital letter match case-sensitively (English "May" is a month, "may" is not).
    The phrases are merged into a trie so that matching costs about the same for ten entries or a thousand.
    """
    if not entries:
        return None
    folded = sorted({e.strip() for e in entries if e.strip() and not any(c.isupper() for c in e)})
    exact = sorted({e.strip() for e in entries if e.strip() and any(c.isupper() for c in e)})
    parts = []
    if folded:
        parts.append(f"(?i:{_trie_regex([_atoms(e) for e in folded])})")
    if exact:
        parts.append(_trie_regex([_atoms(e) for e in exact]))
    return re.compile("|".join(parts))


# Print uses the typographic apostrophe ("l’armée", "п’ять") as often as the typed one; the lists use "'".
_APOSTROPHES = "'’ʼ"
_APOSTROPHE = "['’ʼ]"
_END = "\0"  # marks where a phrase ends; never a regex piece


def _atoms(entry: str) -> list[str]:
    """The regex pieces of one phrase, one per character, so phrases can share prefixes."""
    atoms = [] if entry.startswith("*") else [r"(?<!\w)"]
    words = entry.strip("*").split()
    for i, word in enumerate(words):
        if word == "~":
            atoms.append(r"(?:\S+\s+){0,6}?")
            continue
        atoms.extend(r"\w*" if c == "*" else _APOSTROPHE if c in _APOSTROPHES else re.escape(c) for c in word)
        if i < len(words) - 1:
            atoms.append(r"\s+")
    atoms.append(r"\w*" if entry.endswith("*") else r"(?!\w)")
    return atoms


def _trie_regex(sequences: list[list[str]]) -> str:
    trie: dict[str, dict] = {}
    for atoms in sequences:
        node = trie
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[_END] = {}
    return _render(trie)[0]


def _render(node: dict[str, dict]) -> tuple[str, int]:
    """The regex for a trie node and how many pieces its longest phrase still has."""
    children = {atom: _render(child) for atom, child in node.items() if atom != _END}
    # longer continuations first: Python's alternation takes the first branch that matches, so
    # "обмен* пленн*" must be tried before "обменять" stops the match at the first word
    atoms = sorted(children, key=lambda a: (-children[a][1], a in (r"(?!\w)", r"\w*")))
    branches = [atom + children[atom][0] for atom in atoms]
    depth = max((1 + d for _, d in children.values()), default=0)
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0], depth
    return "(?:" + "|".join(branches) + ")", depth


def _fold_apostrophes(word: str) -> str:
    return "".join("'" if c in _APOSTROPHES else c for c in word)


def _table(rows: list[list[str]] | None, size: int) -> tuple[Pattern | None, ...]:
    rows = rows or [[] for _ in range(size)]
    return tuple(compile_phrases(row) for row in rows)


def _compile(code: str, data: dict[str, Any]) -> Lexicon:
    events = data.get("events", {})
    speech = data.get("speech", {})
    figures = data.get("figures", {})
    numbers = data.get("numbers", {})
    dates = data.get("dates", {})
    triggers = {t: p for t in EVENT_TYPES if (p := compile_phrases(events.get(t)))}
    kinds = {k: p for k in FIGURE_KINDS if (p := compile_phrases(figures.get(k)))}
    words = {_fold_apostrophes(str(w).lower()): int(v) for w, v in numbers.get("words", {}).items()}
    return Lexicon(
        lang=code,
        triggers=triggers,
        place_taking=compile_phrases(events.get("place_taking")),
        not_events=compile_phrases(events.get("not_events")),
        origin=compile_phrases(events.get("origin")),
        negation=compile_phrases(events.get("negation")),
        infinitive=compile_phrases(events.get("infinitive")),
        future=compile_phrases(events.get("future")),
        hedge=compile_phrases(events.get("hedge")),
        retreat_destination=compile_phrases(events.get("retreat_destination")),
        conjunction=compile_phrases(events.get("conjunction")),
        civilians=compile_phrases(events.get("civilians")),
        within=compile_phrases(events.get("within")),
        perfect=compile_phrases(events.get("perfect")),
        during=compile_phrases(events.get("during")),
        agent=compile_phrases(events.get("agent")),
        habitual=compile_phrases(events.get("habitual")),
        peoples={c: p for c, words in events.get("peoples", {}).items() if (p := compile_phrases(words))},
        speech=compile_phrases(speech.get("verbs")),
        source_before=compile_phrases(speech.get("source_before")),
        source_after=compile_phrases(speech.get("source_after")),
        complementizer=compile_phrases(speech.get("complementizer")),
        prepositions=compile_phrases(speech.get("prepositions")),
        back_reference=compile_phrases(speech.get("back_reference")),
        figure_kinds=kinds,
        including=compile_phrases(figures.get("including")),
        number_words=words,
        one_words=frozenset(w.lower() for w in numbers.get("one", [])),
        multipliers={str(w).lower(): int(v) for w, v in numbers.get("multipliers", {}).items()},
        lower_bound=compile_phrases(numbers.get("lower_bound")),
        approx=compile_phrases(numbers.get("approx")),
        weekdays=_table(dates.get("weekdays"), 7),
        months=_table(dates.get("months"), 12),
        relative_days=tuple(
            (p, int(offset))
            for phrase, offset in dates.get("relative_days", {}).items()
            if (p := compile_phrases([phrase]))
        ),
        relative_to_event=tuple(
            (p, int(offset))
            for phrase, offset in dates.get("relative_to_event", {}).items()
            if (p := compile_phrases([phrase]))
        ),
        last_year=compile_phrases(dates.get("last_year")),
        this_year=compile_phrases(dates.get("this_year")),
        same_year=compile_phrases(dates.get("same_year")),
        this_week=compile_phrases(dates.get("this_week")),
        last_week=compile_phrases(dates.get("last_week")),
    )
