"""Per-language word lists (data files) and the small text tools built on them.

Each language has one TOML file under `data/` (ISO 639-1 name: `da.toml`, `uk.toml`):

- `[events]`: trigger phrases per event type, plus `place_taking` ("took": territory only
  when a place follows), `not_events` ("fighting for Ukraine"), `origin` ("from"),
  `retreat_destination` ("back to"), `future` ("will": a physical trigger becomes a threat),
  `infinitive` ("to", "at", "zu": a plan, not a happening), `negation`, `hedge`, `conjunction`,
  `civilians` ("residents", "жителей": people fleeing are displaced, not retreating), `within`
  ("Tyotkino in the Kursk region": the text nests a place in a larger one), `perfect` ("skal have
  besat": hearsay about a past act, not an announcement), `during` ("during the battle of X": a time
  reference, not a report), `agent` ("captured by Russia"), `habitual` ("almost daily": a habit or
  trend, not one happening), and the table `[events.peoples]` (country -> its people as a noun:
  "called on Russians" is a statement about Russia);
- `[speech]`: speech verbs, `source_before` ("according to X"), `source_after` ("X zufolge"),
  `prepositions` ("on Telegram": not a speaker), `back_reference` ("Det meddelte X"),
  `complementizer` ("that");
- `[figures]`: the words naming each figure kind (killed, wounded, ...), and `including` ("dont",
  "в том числе": the count after it is a part of the one before);
- `[numbers]`: number words, multipliers, words for one that are also articles, lower-bound
  and approximation cues;
- `[dates]`: weekdays (Monday first), months, relative days, last/this/same year and week, and
  `relative_to_event` ("a day after" = -1: what follows happened that many days from the date before it).

Phrases are lower-case with three marks:

- `*` at the end: the word may go on ("dræb*" matches "dræbte"),
- `*` at the start: the word may begin earlier, inside a compound ("*angriff"),
- ` ~ ` between words: up to six words may stand there ("skubbe* ~ tilbage").

A phrase written with a capital letter matches case-sensitively (English "May").
A language without a file gets every language's lists merged, so an unknown
language still finds most numbers, triggers and speech verbs.

Modules: `loader` (files -> compiled `Lexicon`), `sentences` (splitter with offsets),
`dates` (date words resolved against the article's date), `numbers` (counts in digits
and words), `attribution` (who states a sentence).
"""

from __future__ import annotations

from wirewatch.lexicons.loader import Lexicon, load_lexicon, supported_languages

__all__ = ["Lexicon", "load_lexicon", "supported_languages"]
