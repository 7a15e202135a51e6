"""Entity stage: mentions of people, organisations and places, linked to canonical entities.

Three sources of mentions, in order of trust:
1. the knowledge base, matched on word n-grams by exact key, then after
   stripping an inflection, then by loose (romanisation-blind, stemmed) key;
   German-style compounds ("Kremlchef") by their leading name;
2. the statistical name tagger, for names the knowledge base lacks (linked to
   the knowledge base when its span has a known name after all);
3. numbered units ("47. Brygada Zmechanizowana") and cue words ("the village of X",
   "landsbyen X", "село X"), which find unseen places and people even without the tagger.
Russian, Ukrainian and Polish words in another case are looked up in their dictionary
forms ("Курску", "w Nowej Kachowce"); names the knowledge base lacks are named in Latin
letters ("Юнаківка" -> Yunakivka).
A name several entities share is settled by the article: a place in a
region named next to it or elsewhere wins, then (weakly) one in a country or in the region
of a town the article names, then the bigger place, then the entity whose alias is in the
article's language.
A bare regional capital ("Belgorod") is the region when a region word stands
next to it, a country's adjective leads it ("russiske Kursk"), or the article means the
region by it elsewhere and never names it as a city; a word one letter off a capital in a
list of regions ("Kurs og Belgorod-regionerne") is that region.
A GeoNames village is only a guess by spelling: a name of several capitalised words is
kept whole ("Lozova Rudka", "Gora-Podol"), and a village that lies far from the places the
article surely names, or that only another of its names links ("Suchan" for Partizansk),
becomes an unknown place, named as written.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirewatch.knowledge import Hit, KnowledgeBase, load_knowledge_base
from wirewatch.knowledge.kbfile import EntityRecord
from wirewatch.knowledge.spelling import (
    exact_key,
    is_cyrillic,
    latin_name,
    skeleton,
    stem,
    strip_accents,
    tokens,
)
from wirewatch.model import Article, Entity, EntityType, Mention, TextField
from wirewatch.ner import NameTagger

USER_KNOWLEDGE_ENV = "WIREWATCH_KNOWLEDGE"  # os.pathsep-separated user knowledge files

# Endings a name takes in running text that its dictionary form lacks (genitive -s,
# definite forms). Slavic case endings are handled by the loose key instead.
_ENDINGS: dict[str, tuple[str, ...]] = {
    "da": ("s", "ens", "en", "ets", "et"),
    "nb": ("s", "ens", "en", "ets", "et"),
    "nn": ("s", "ens", "en", "ets", "et"),
    "sv": ("s", "ens", "en", "ets", "et"),
    "de": ("s", "es", "ns"),
    "nl": ("s",),
    "en": ("s",),
}
_COMPOUND_LANGS = {"de", "da", "nb", "nn", "sv", "nl"}
_JOINER = re.compile(r"^[ \u00a0\-‐–'’.\"«»„“”]{0,4}$|^, ?$")
_SENTENCE_END = re.compile(r"[.!?:;]\s|\n")

# Words that make a bare regional capital mean its region, or the city itself.
# Matched at the start of a word ("regionen", "Gebiets", "området"), so a compound that merely ends in one
# ("bustadområde", a residential area) does not make a city its region.
_REGION_WORDS = re.compile(
    r"^(region|regio|oblast|gebiet|omrad|provin|fylke|obwod|obvod|obwód|област|регион|регіон|край|krai|okrug|округ"
    r"|governor|guvern|gouverneur|gubernator|губернат|grenzgebiet|grenzregion|grænse|gräns|grens|border|salient"
    r"|incursion|offensiv|gegenoffensiv|motoffensiv|counteroffensiv)"
)
# Troops stand in a region, not in its capital: "Ukrainian troops in Kursk", "ukrainske styrker i Kursk". Whole
# words, so that "military administration" ("військової адміністрації") is no troop.
_TROOP_WORDS = re.compile(
    r"^(troops|forces|soldiers|tropper|troppene|styrker|styrkene|styrkar|styrkor|styrkorna|trupper|trupperna|soldater"
    r"|truppen|soldaten|streitkräfte|troepen|troupes|soldats|wojska|wojsk|żołnierze|żołnierzy|войска|войск|военные"
    r"|бойцы|бойцов|війська|військ|бійці|бійців)$"
)
_CITY_WORDS = re.compile(
    r"^(city|town|by|byen|stad|staden|stadt|ville|miasto|mieście|miasta|город|городе|города|місто|місті|міста"
    r"|mayor|borgmester|borgmesteren|bürgermeister|ordfører|ordføreren|ordføraren|borgmästare|borgmästaren"
    r"|burgemeester|maire|burmistrz|prezydent miasta|мэр|мэра|мер|мера|міський|городской"
    r"|centre|center|zentrum|centrum|центр)$"
)

# Cue words after which a capitalised word is a place / a person, in every language read.
_PLACE_CUES = {
    "village", "villages", "town", "towns", "city", "settlement", "hamlet", "landsbyen", "landsbyerne", "byen",
    "bygda", "bygden", "tettstedet", "byn", "byarna", "staden", "orten", "dorf", "dorfes", "ort", "ortes",
    "ortschaft", "dörfer", "siedlung", "gemeinde", "stadt", "dorp", "stad", "plaats", "dorpen", "ville", "localité", "commune", "wieś", "wsi", "wsie", "miejscowość", "miejscowości", "miasto",
    "mieście", "село", "селе", "села", "сёла", "поселок", "посёлок", "поселке", "посёлке", "деревня", "деревне",
    "хутор", "хуторе", "город", "городе", "селі", "селище", "селищі", "місто", "місті", "river", "floden",
    "elva", "fluss", "rivier", "rivière", "rzeka", "rzece", "река", "реке", "річка", "річці",
    # plurals, which lead lists ("the settlements of X, Y and Z")
    "settlements", "hamlets", "landsbyer", "landsbyerne", "landsbyene", "bygdene", "byar", "dörfern", "ortschaften",
    "villes", "localités", "wsiach", "miejscowościach", "сёл", "сел", "сёлах", "селах", "деревни", "поселки",
    "посёлки", "селища",
}
_PERSON_CUES = {
    "president", "präsident", "præsident", "presidenten", "präsidenten", "président", "prezydent", "президент",
    "commander", "kommandeur", "kommandør", "kommandant", "befälhavare", "dowódca", "командир", "командувач",
    "spokesman", "spokeswoman", "spokesperson", "sprecher", "sprecherin", "talsmand", "talsperson", "talsmann",
    "talesmann", "talesperson", "talesmand", "talsman", "woordvoerder", "porte-parole", "rzecznik",
    "представитель", "речник", "governor", "gouverneur", "guvernør", "guvernör", "gubernator", "губернатор",
    "minister", "ministre", "министр", "міністр", "leader", "anführer", "leder", "lederen", "ledaren",
    "general", "generał", "генерал", "mayor", "bürgermeister", "borgmester", "burmistrz", "мэр", "мер",
    "colonel", "oberst", "pułkownik", "полковник", "chef", "chief", "senator", "premier", "prime",
    "kanzler", "chancellor", "secretary", "sekretär", "envoy", "gesandte", "sondergesandte", "blogger",
    "journalist", "journalistin", "founder", "gründer", "grundlægger", "head", "chefredakteur", "director",
    "direktor", "директор", "глава", "голова",
}
_SKIP_AFTER_CUE = {"of", "de", "du", "von", "af", "av", "van", "the", "der", "des", "la", "le", "in", "i"}


@dataclass(frozen=True)
class EntityResources:
    """What the entity stage loads once per process (knowledge base, models)."""

    knowledge: KnowledgeBase
    tagger: NameTagger | None = None


def load_resources(user_knowledge: list[Path] | None = None) -> EntityResources:
    """Knowledge base (plus user files, default from $WIREWATCH_KNOWLEDGE) and name tagger."""
    if user_knowledge is None:
        paths = os.environ.get(USER_KNOWLEDGE_ENV, "")
        user_knowledge = [Path(p) for p in paths.split(os.pathsep) if p and Path(p).exists()]
    try:
        tagger: NameTagger | None = NameTagger.load()
    except (OSError, ValueError):  # a missing or broken model must not stop known names being found
        tagger = None
    return EntityResources(load_knowledge_base(user_knowledge), tagger)


@dataclass
class _Span:
    field: TextField
    start: int
    end: int
    text: str
    hits: list[Hit]
    exact: bool
    first_token: int
    last_token: int  # inclusive
    type: EntityType | None = None  # for names not in the knowledge base
    entity_id: str | None = None
    inner: bool = False  # a name inside a longer name ("Ukraine" in "Armed Forces of Ukraine")


@dataclass
class _Text:
    field: TextField
    text: str
    words: list[tuple[int, int, str]]
    joinable: list[bool]  # word i and word i+1 may belong to one name
    spans: list[_Span] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    placed: set[int] = field(default_factory=set)  # words the context calls a place (cue, list, locative, tagger)


def find_entities(article: Article, resources: EntityResources) -> tuple[list[Mention], dict[str, Entity]]:
    """Mentions in the headline and body, and the entities they resolve to (by id)."""
    kb = resources.knowledge
    lang = (article.lang or "").lower()
    lang = "nb" if lang == "no" else lang
    texts = [_prepare(f, t) for f, t in (("headline", article.headline), ("body", article.body)) if t]
    for text in texts:
        known = _known_names(text, lang, kb)
        tagged = _tagged_spans(text, lang, kb, resources.tagger, known) if resources.tagger is not None else []
        text.spans = _prefer_tagger(known, tagged, text, kb if resources.tagger is not None else None)
        text.placed = {k for t in tagged if t.type == "LOC" for k in range(t.first, t.last + 1)}
        text.spans = _keep_names_whole(text, kb, tagged, lang)
        text.spans += _inner_names(text, lang, kb)
        taken = _taken(text.spans)
        text.spans += _numbered_units(text, kb, taken)
        text.spans += _coordinated_regions(text, lang, kb, taken)
        text.spans += _misspelt_regions(text, kb, taken)
        text.spans += _tagged_names(text, lang, kb, tagged, taken)
        text.spans += _cued_names(text, lang, kb, taken)
        text.spans += _listed_after_cue(text, lang, kb, taken)
    _resolve(texts, kb, lang)
    return _output(texts, kb, lang)


# -- preparing and matching --------------------------------------------------------------------


def _prepare(name: TextField, text: str) -> _Text:
    words = tokens(text)
    joinable = [bool(_JOINER.match(text[words[i][1]: words[i + 1][0]])) for i in range(len(words) - 1)]
    return _Text(name, text, words, joinable + [False], [], [w[0] for w in words], [w[1] for w in words])


def _variants(word: str, lang: str) -> list[str]:
    """The word without the inflections of `lang` (and without an English 's)."""
    out = []
    base = re.split(r"['’ʼ]", word)
    if len(base) == 2 and base[1] in ("s", ""):
        out.append(base[0])
    for ending in _ENDINGS.get(lang, ("s",)):
        stem_ = word[: -len(ending)]
        if word.endswith(ending) and (len(stem_) >= 3 or len(stem_) == 2 and stem_.isupper()):  # "FNs", "EUs"
            out.append(stem_)
    return out


# Case endings of Russian, Ukrainian and Polish nouns and the dictionary endings they replace: a place
# name in the dative or locative ("Курску", "Warszawie", "Пхеньяне") is looked up in its dictionary form.
_CASE_LEMMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("ском", "ск"), ("ского", "ск"), ("ский", "ск"), ("ией", "ия"), ("ии", "ия"), ("ию", "ия"), ("ьем", "ье"), ("ья", "ье"), ("ью", "ье"), ("ой", "а"),
           ("ы", "а"), ("и", "а"), ("е", "а"), ("у", "а"), ("и", "я"), ("е", "я"), ("ю", "я"), ("ей", "я"),
           ("ом", ""), ("а", ""), ("у", ""), ("е", ""), ("а", "о"), ("е", "о"), ("у", "о"), ("ом", "о")),
    "uk": (("ією", "ія"), ("ії", "ія"), ("ію", "ія"), ("ці", "ка"), ("зі", "га"), ("сі", "ха"), ("ою", "а"), ("и", "а"), ("і", "а"), ("у", "а"),
           ("і", "я"), ("ю", "я"), ("ею", "я"), ("ям", "я"), ("ові", ""), ("ом", ""), ("а", ""), ("у", ""),
           ("і", ""), ("а", "е"), ("у", "е"), ("ому", "е"), ("і", "е"),
           ("ському", "ськ"), ("ського", "ськ"), ("ський", "ськ"), ("ській", "ськ"), ("ська", "ськ")),
    "pl": (("ii", "ia"), ("ię", "ia"), ("ią", "ia"), ("ji", "ja"), ("ję", "ja"), ("ją", "ja"), ("ce", "ka"),
           ("dze", "ga"), ("rze", "ra"), ("ie", "a"), ("y", "a"), ("i", "a"), ("ę", "a"), ("ą", "a"), ("owi", ""),
           ("iem", ""), ("em", ""), ("ie", ""), ("a", ""), ("u", ""), ("a", "o"), ("u", "o"), ("ie", "o"),
           ("ach", "y"), ("ami", "y"), ("ach", "e"), ("iu", ""),
           ("sią", "ś"), ("si", "ś"), ("cią", "ć"), ("ci", "ć"), ("nią", "ń"), ("ni", "ń"), ("zią", "ź"), ("zi", "ź")),
}
# The same for the adjective that leads a place name ("w Nowej Kachowce", "у Великій Новосілці").
_ADJECTIVE_LEMMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "ru": (("ой", "ая"), ("ую", "ая"), ("ого", "ый"), ("ому", "ый"), ("ом", "ый"), ("ым", "ый"), ("ого", "ий"),
           ("ом", "ий"), ("ом", "ое"), ("ого", "ое"), ("ой", "ий"), ("ей", "яя")),
    "uk": (("ої", "а"), ("ій", "а"), ("у", "а"), ("ою", "а"), ("ого", "ий"), ("ому", "ий"), ("ім", "ий"), ("ого", "е"),
           ("ому", "е"), ("ім", "е")),
    "pl": (("ej", "a"), ("ą", "a"), ("ę", "a"), ("ego", "y"), ("emu", "y"), ("ym", "y"), ("im", "i"), ("iego", "i"),
           ("ego", "e"), ("ym", "e")),
}
# Vowels that alternate in the last syllable: Харків/Харкова, Kijów/Kijowie.
_ALTERNATIONS: dict[str, tuple[tuple[str, str], ...]] = {"uk": (("о", "і"), ("е", "і")), "pl": (("o", "ó"),)}
_CONSONANT_END = re.compile(r"[^\W\daeiouyąęóаеиоуыэюяіїє]$", re.IGNORECASE)


def _case_lemmas(word: str, lang: str, table: dict[str, tuple[tuple[str, str], ...]] = _CASE_LEMMAS) -> list[str]:
    """Dictionary forms a Russian, Ukrainian or Polish noun (or adjective) in another case may have."""
    out: list[str] = []
    for ending, base in table.get(lang, ()):
        stem_ = word[: len(word) - len(ending)]
        if not word.endswith(ending) or len(stem_) < 3:
            continue
        out.append(stem_ + base)
        if not base and table is _CASE_LEMMAS and _CONSONANT_END.search(stem_):
            for plain, alternated in _ALTERNATIONS.get(lang, ()):
                if stem_[-2:-1] == plain:
                    out.append(stem_[:-2] + alternated + stem_[-1])
    if "ё" in word.casefold():  # Russian writes ё or е as it likes: Новосёлка, Новоселка
        out += [form.replace("ё", "е").replace("Ё", "Е") for form in [word, *out]]
    return list(dict.fromkeys(out))


# Romanisation conventions the shared loose key cannot fold: Dutch "oe" is u (Koersk, Oemerov), outside
# English and French "ch" is х (Charkiw, Terechow, Cherson), French "gu" before e/i is г (Guerassimov).
def _spelling_alternatives(word: str, lang: str) -> list[str]:
    out = []
    low = word.casefold()
    if lang == "nl" and "oe" in low:
        out.append(low.replace("oe", "u"))
    if lang not in ("en", "fr") and "ch" in low and not is_cyrillic(word):
        out.append(re.sub(r"(?<![st])ch", "kh", low))
    if lang == "fr" and re.search("gu[eiy]", low):  # Guerassimov
        out.append(re.sub("gu(?=[eiy])", "g", low))
    return out


def _loose_form(word: str) -> str:
    return stem(skeleton(word))


@dataclass(frozen=True)
class _Word:
    """What the matcher needs of one word, computed once."""

    text: str
    exact: str
    loose: str
    variants: list[tuple[str, bool]]  # exact keys without an inflection, and whether in capitals ("USAs")
    loose_variants: list[str]  # loose forms of the word and its variants ("tj" read both ways)
    lemmas: list[str]  # exact keys of the dictionary forms of a Slavic noun in another case
    adjective_lemmas: list[str]  # the same for an adjective leading a name
    loose_alternatives: list[str]  # loose forms of the word, read in every convention of its language
    cyrillic: bool
    capitalised: bool
    upper: bool


@lru_cache(maxsize=100_000)
def _word(text: str, lang: str) -> _Word:
    variants = _variants(text, lang)
    loose = _loose_form(text)
    loose_variants = [loose] + [_loose_form(v) for v in variants]
    if "tj" in text.lower():
        loose_variants.append(_loose_form(re.sub("tj", "ti", text, flags=re.IGNORECASE)))
    alternatives = [_loose_form(a) for a in _spelling_alternatives(text, lang)]
    loose_variants.extend(alternatives)
    lemmas = [exact_key([w]) for w in _case_lemmas(text, lang)] if _capitalised(text) else []
    adjective_lemmas = [exact_key([w]) for w in _case_lemmas(text, lang, _ADJECTIVE_LEMMAS)] if _capitalised(text) else []
    return _Word(text, exact_key([text]), loose, [(exact_key([v]), v.isupper()) for v in variants],
                 list(dict.fromkeys(f for f in loose_variants if f)), lemmas, adjective_lemmas,
                 list(dict.fromkeys(f for f in [loose, *alternatives] if f)), is_cyrillic(text),
                 _capitalised(text), text.isupper())


def _lookup_words(seq: list[_Word], kb: KnowledgeBase) -> tuple[list[Hit], bool]:
    """Entities a word sequence names: (hits, matched exactly)."""
    shout = all(w.upper for w in seq)

    def usable(hits: list[Hit]) -> list[Hit]:
        return [h for h in hits if shout or not h.upper_only]

    head = [w.exact for w in seq[:-1]]
    whole = usable(kb.exact(" ".join([*head, seq[-1].exact])))
    if shout and len(seq) == 1 and len(seq[0].text) <= 3:
        whole = [h for h in whole if h.upper_only]  # "NIS" is an agency, not Niš
    if whole and not all(h.entity_id.startswith("gn:") for h in whole):
        return whole, True
    for variant, upper in seq[-1].variants:  # "USAs" is USA's before it is a village called Usas
        shout_variant = upper and all(w.upper for w in seq[:-1])
        hits = [h for h in kb.exact(" ".join([*head, variant])) if shout_variant or not h.upper_only]
        if hits and not all(h.entity_id.startswith("gn:") for h in hits):
            return hits, True
        whole = whole or hits
    if whole:
        return whole, True
    # A Slavic noun in another case: the dictionary form that names the most prominent entity
    # ("Покровську" is Pokrovsk before it is a village called Pokrovske).
    best_lemma: tuple[float, list[Hit]] = (-1.0, [])
    heads: list[list[str]] = [[]]
    for w in seq[:-1]:  # "Nowej Kachowce": each leading word may be an adjective in another case
        heads = [[*h, form] for h in heads for form in [w.exact, *w.adjective_lemmas]][:12]
    for lemma_head, lemma in [(h, last) for h in heads for last in [seq[-1].exact, *seq[-1].lemmas]][1:]:
        hits = [h for h in kb.exact(" ".join([*lemma_head, lemma])) if not h.upper_only]
        top = max((_priority(kb, h.entity_id) for h in hits), default=-1.0)
        if top > best_lemma[0]:
            best_lemma = (top, hits)
    if best_lemma[1]:
        return best_lemma[1], True
    if not all(w.loose for w in seq[:-1]):
        return [], False
    # A common word matches loosely only inside an organisation's name of several words ("Офісу президента",
    # "Української правди"): names of organisations are made of common words, names of places are not ("Ataki").
    common = any(w.exact in kb.common_words for w in seq if w.capitalised or len(seq) == 1)
    if common and (len(seq) == 1 or not seq[0].capitalised):
        return [], False
    shortest = 3 if any(w.cyrillic for w in seq) else 4 if len(seq) > 1 else 5
    loose_heads: list[list[str]] = [[]]
    for w in seq[:-1]:
        loose_heads = [[*h, alt] for h in loose_heads for alt in w.loose_alternatives][:8]
    for loose_head in loose_heads:
        for last in seq[-1].loose_variants:
            key = " ".join([*loose_head, last])
            if len(key) - len(seq) + 1 + key.count("S") < shortest:  # "S" stands for sh/sz/ż...
                continue
            hits = [h for h in kb.loose(key) if not h.upper_only and not (common and not h.entity_id.startswith("org:"))]
            if hits:
                return hits, False
    return [], False


def _priority(kb: KnowledgeBase, entity_id: str) -> float:
    record = kb.record(entity_id)
    return record.priority if record is not None else -1.0


def _lookup(words: list[str], lang: str, kb: KnowledgeBase) -> tuple[list[Hit], bool]:
    return _lookup_words([_word(w, lang) for w in words], kb)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _known_names(text: _Text, lang: str, kb: KnowledgeBase) -> list[_Span]:
    spans: list[_Span] = []
    words = text.words
    info: list[_Word | None] = [None] * len(words)

    def get(k: int) -> _Word:
        found = info[k]
        if found is None:
            found = info[k] = _word(words[k][2], lang)
        return found

    i = 0
    while i < len(words):
        raw = words[i][2]
        lower_start = not _capitalised(raw)
        if lower_start and strip_accents(raw) not in kb.lowercase_starts:
            i += 1
            continue
        first = get(i)
        reach = max(kb.first_exact.get(first.exact, 0), kb.first_loose.get(first.loose, 0),
                    *(1 for v, _ in first.variants if v in kb.first_exact),
                    *(kb.first_loose.get(v, 0) for v in first.loose_variants),
                    *(1 for v in first.lemmas if v in kb.first_exact),
                    *(kb.first_exact.get(v, 0) for v in first.adjective_lemmas))
        found = None
        size = 1
        while size < reach and i + size < len(words) and text.joinable[i + size - 1]:
            size += 1
        for size in range(min(size, reach), 0, -1):
            seq = [get(k) for k in range(i, i + size)]
            if size == 1 and lower_start:  # one lower-case word: only a name written so ("dpa", "хуситы")
                hits = [h for h in kb.exact(seq[0].exact) if h.lower_start and not h.upper_only]
                if hits:
                    found = _Span(text.field, words[i][0], words[i][1], words[i][2], hits, True, i, i)
                break
            if size > 1 and not seq[-1].capitalised and seq[-1].exact in _FUNCTION:
                continue
            hits, exact = _lookup_words(seq, kb)
            if hits and size > 1 and "," in text.text[words[i][1]: words[i + size - 1][0]] \
                    and " ".join(w.exact for w in seq) not in kb.comma_names:
                hits = []  # "In Moscow, Kremlin spokesman ..." is two names
            if lower_start:
                hits = [h for h in hits if h.lower_start]
            if size > 1 and not seq[-1].capitalised and all(h.entity_id.startswith("gn:") for h in hits):
                hits = []  # "The villages" is no town in Florida; "Rostov-on-Don" ends in a capital
            if size == 1 and hits and all(h.entity_id.startswith("gn:") for h in hits) and _demonym(seq[0], kb):
                hits = []
            if hits:
                found = _Span(text.field, words[i][0], words[i + size - 1][1],
                              text.text[words[i][0]: words[i + size - 1][1]], hits, exact, i, i + size - 1)
                break
        if found is None and not lower_start and lang in _COMPOUND_LANGS:
            found = _compound(text, i, lang, kb)
        if found is not None:
            spans.append(found)
            i = found.last_token + 1
        else:
            i += 1
    return spans


_ADJECTIVE_ENDINGS = re.compile(r"(ske|sk|ska|isch|ische|ischen|ischer|ian|ians|ese|se|ski|ska|skie|sko|ский|ская"
                                r"|ское|ские|ської|ська|ський|ські|ien|iens|ienne|iennes|ais|aise|aises|ois|oise"
                                r"|ijn|ijnen|ische|aanse|anen|ans|czycy|cy|ńczyk|цы|ці)$")


def _demonym(word: _Word, kb: KnowledgeBase) -> bool:
    """An adjective or demonym of a country ("Ukrainske", "Russische") that a village happens to share."""
    if not _ADJECTIVE_ENDINGS.search(word.text.casefold()):
        return False
    loose = word.loose
    return any(loose[:k] in kb.country_stems for k in range(4, len(loose)))


_FUNCTION = {"of", "the", "and", "og", "und", "och", "en", "et", "de", "i", "in", "for", "af", "av", "von", "der"}


def _compound(text: _Text, i: int, lang: str, kb: KnowledgeBase) -> _Span | None:
    """A known name leading a closed compound: "Kremlchef", "Putinregime", "Ruslandsekspert"."""
    start, _, word = text.words[i]
    if len(word) < 8 or strip_accents(word[:4]) not in kb.compound_heads:
        return None
    for cut in range(len(word) - 4, 3, -1):
        head, rest = word[:cut], word[cut:]
        if not rest.islower() or rest in _DEMONYM_RESTS:
            continue
        for candidate in (head, head[:-1] if head.endswith("s") else None):
            if not candidate or len(candidate) < 4:
                continue
            hits = [h for h in kb.exact(exact_key([candidate])) if not h.upper_only and _prominent(kb, h.entity_id)
                    and (not h.entity_id.startswith("gn:") or strip_accents(rest) in kb.common_words
                         or _REGION_WORDS.match(strip_accents(rest)))]
            if hits:
                return _Span(text.field, start, start + len(candidate), candidate, hits, True, i, i)
    return None


# What follows a country's name in its adjective or demonym ("Amerika|anse", "Ukrain|ische"): no compound.
_DEMONYM_RESTS = {"anse", "aanse", "ansk", "anske", "anska", "ansch", "anische", "anischen", "anischer", "aner",
                  "anerin", "ese", "esen", "ische", "ischen", "ischer", "isches", "isch", "isk", "iske", "iska", "iskt",
                  "er", "ern", "erin", "ske", "sk", "ska", "skt", "se", "sen", "ns", "ienne", "iennes", "ien", "iens",
                  "ais", "aise", "aises", "ois", "oise"}


def _prominent(kb: KnowledgeBase, entity_id: str) -> bool:
    """Entities common enough to lead a compound: curated ones, countries, big cities."""
    return not entity_id.startswith("gn:") or kb.population(entity_id) >= 100_000


def _inner_names(text: _Text, lang: str, kb: KnowledgeBase) -> list[_Span]:
    """Names inside longer names: countries and people anywhere ("Armed Forces of Ukraine",
    "RBC-Ukraine", "Putin's army"), an organisation leading a longer one ("United Nations Office ...")."""
    out = []
    for span in text.spans:
        if span.first_token == span.last_token or all(h.entity_id.startswith("per:") for h in span.hits):
            continue  # a person's name holds no country: "Israel Katz", "Jordan Bardella"
        outer = {h.entity_id for h in span.hits}
        for first in range(span.first_token, span.last_token + 1):
            for last in range(span.last_token if first == span.first_token else first, first - 1, -1):
                if (first, last) == (span.first_token, span.last_token):
                    continue
                words = [w[2] for w in text.words[first: last + 1]]
                if not _capitalised(words[0]):
                    continue
                hits, exact = _lookup(words, lang, kb)
                hits = [h for h in hits if h.entity_id not in outer and exact and (
                    h.entity_id.startswith(("country:", "per:")) or
                    first == span.first_token and last > first and h.entity_id.startswith("org:")
                    and all(_capitalised(w) or w in _NAME_LINKS for w in words))]
                if hits:
                    start, end = text.words[first][0], text.words[last][1]
                    out.append(_Span(text.field, start, end, text.text[start:end], hits, True, first, last, inner=True))
                    break
    return out


def _taken(spans: list[_Span]) -> set[int]:
    return {k for s in spans for k in range(s.first_token, s.last_token + 1)}


def _token_range(text: _Text, start: int, end: int) -> tuple[int, int] | None:
    first = bisect.bisect_right(text.ends, start)
    last = bisect.bisect_left(text.starts, end) - 1
    return (first, last) if first <= last else None


MIN_TAG_SCORE = 0.6
MIN_SINGLE_TAG_SCORE = 0.75  # one capitalised word is often just a German noun
_NAME_LINKS = {"of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "al", "el", "bin", "ibn", "af", "av",
               "zu", "di", "da", "do", "dos", "y", "i", "for", "för", "the"}


@dataclass(frozen=True)
class _Tagged:
    first: int
    last: int
    type: EntityType
    score: float


def _sentences_to_tag(text: _Text, kb: KnowledgeBase, known: list[_Span]) -> list[tuple[int, int]]:
    """Sentences (character ranges) with a capitalised word the knowledge base did not surely match:
    only those need the tagger, which costs more than everything else here."""
    sure = {k for s in known if s.exact and not all(h.entity_id.startswith("gn:") for h in s.hits)
            for k in range(s.first_token, s.last_token + 1)}
    out: list[tuple[int, int]] = []
    start_token = 0
    for k in range(len(text.words) + 1):
        at_end = k == len(text.words) or (k > 0 and _SENTENCE_END.search(text.text[text.words[k - 1][1]: text.words[k][0]]))
        if not at_end or k == start_token:
            continue
        for j in range(start_token, k):
            word = text.words[j][2]
            if j in sure or not _capitalised(word) or word.isdigit():
                continue
            if j == start_token and strip_accents(word) in kb.common_words:
                continue
            out.append((text.words[start_token][0], text.words[k - 1][1]))
            break
        start_token = k
    return out


def _tagged_spans(text: _Text, lang: str, kb: KnowledgeBase, tagger: NameTagger, known: list[_Span]) -> list[_Tagged]:
    """The tagger's names, without the ones that are plainly not names (lower-case words, common words)."""
    out = []
    found_spans = []
    for start, end in _sentences_to_tag(text, kb, known):
        found_spans.extend((start + t.start, start + t.end, t) for t in tagger.tag(text.text[start:end], lang or None))
    # Words the knowledge base surely names split a tagged name: "MAEA Rafaelem Grossim" is IAEA and a person.
    sure = {k for s in known if s.exact and not all(h.entity_id.startswith("gn:") for h in s.hits)
            for k in range(s.first_token, s.last_token + 1)}
    sure_people = {k for s in known if s.exact and all(h.entity_id.startswith("per:") for h in s.hits)
                   for k in range(s.first_token, s.last_token + 1)}
    for tag_start, tag_end, tagged in found_spans:
        found = _token_range(text, tag_start, tag_end)
        if found is None or tagged.score < MIN_TAG_SCORE:
            continue
        # "Astra and Krymskii Veter" is two names.
        pieces, current = [], [] if found[0] in sure else [found[0]]
        for k in range(found[0] + 1, found[1] + 1):
            if k in sure or text.words[k][2] in _CONNECTORS:
                pieces.append(current)
                current = []
            elif _SENTENCE_END.search(text.text[text.words[k - 1][1]: text.words[k][0]]):
                pieces.append(current)
                current = [k]
            else:
                current.append(k)
        pieces.append(current)
        cut_by_known = any(k in sure for k in range(found[0], found[1] + 1))
        for piece in pieces:
            # "Khartoum| State": a word of the known name; "Volodymyr Oleksandrovych| Zelensky": the rest of a
            # known person's name.
            next_to_person = piece and (piece[-1] + 1 in sure_people or piece[0] - 1 in sure_people)
            if piece and not (cut_by_known and len(piece) == 1) and not next_to_person:
                span = _clean_tagged(text, kb, piece[0], piece[-1], tagged.type, tagged.score)
                if span is not None:
                    out.append(span)
    return out


_CONNECTORS = {"and", "und", "og", "och", "en", "et", "i", "и", "та", "і", "oraz", "a"}


def _clean_tagged(text: _Text, kb: KnowledgeBase, first: int, last: int, type_: EntityType,
                  score: float) -> _Tagged | None:
    words = text.words
    # A sentence-initial common word ("Von Belgorod"), a trailing role noun ("Belgorod Governor").
    while first < last and (not _capitalised(words[first][2]) or strip_accents(words[first][2]) in kb.common_words
                            and _sentence_start(text, first)):
        first += 1
    while last > first and (not _capitalised(words[last][2]) or words[last][2].casefold() in _PERSON_CUES):
        last -= 1
    names = [w[2] for w in words[first: last + 1]]
    if not _capitalised(names[0]) or any(c.isdigit() for w in names for c in w):
        return None
    if any(not _capitalised(w) and w.lower() not in _NAME_LINKS for w in names):
        return None
    if all(strip_accents(w) in kb.common_words for w in names if _capitalised(w)):
        return None
    if first == last and (score < MIN_SINGLE_TAG_SCORE or len(names[0]) < 3):
        return None
    if first == last and (_PLURAL_ADJECTIVE.search(names[0].casefold()) or _demonym(_word(names[0], ""), kb)
                          or names[0] in _GENERIC_ACRONYMS):
        return None  # "Российские ...", "Izraelskie wojsko", "Palestiniens", "ПВО": not names
    if first == last and _sentence_start(text, first) and (score < 0.9 or _ADVERB.search(names[0])):
        return None  # "Unfortunately,", "Nationalists"
    return _Tagged(first, last, type_, score)


# Acronyms of things, not of anyone: air defence, sabotage groups, drones, power plants, emergencies.
_GENERIC_ACRONYMS = {"ПВО", "ППО", "ДРГ", "БПЛА", "БпЛА", "ВПК", "ЗРК", "РСЗО", "РЭБ", "РЕБ", "АЭС", "АЕС", "ТЭЦ",
                     "ТЕЦ", "ЧС", "НС", "ЛЭП", "ЛЕП", "ОВА", "МВА", "ОТГ", "ТЦК", "ВЛК", "СИЗО", "КАБ", "УМПК", "ФАБ",
                     "UAV", "UAVs", "SAM", "MLRS", "HIMARS", "ATACMS"}
_PLURAL_ADJECTIVE = re.compile(r"(ские|цкие|ские|ські|цькі|skie|ckie|ische|ischen)$")
_ADVERB = re.compile(r"\w{4,}(ally|ately|ntly|ssly|ully|ively|ously)$")


def _sentence_start(text: _Text, k: int) -> bool:
    if k == 0:
        return True
    gap = text.text[text.words[k - 1][1]: text.words[k][0]]
    return bool(re.search(r"[.!?:\n»“”\"]", gap))


_PATRONYMIC = re.compile(r"(ovych|evych|ovich|evich|ovitsj|evitsj|owitsch|ewitsch|owicz|ewicz|ovna|evna|ivna|ович|евич|івна|овна)$")


def _prefer_tagger(spans: list[_Span], tagged: list[_Tagged], text: _Text, kb: KnowledgeBase | None = None) -> list[_Span]:
    """Drop gazetteer guesses the tagger contradicts: a loose or GeoNames match inside a longer tagged
    name ("Alexandra" in "Alexandra Bespalova"), a loose match the tagger types differently, or a hamlet
    that only shares its spelling with a sentence's first word and that the tagger (given, as `kb` is)
    does not take for a name ("Ataki odnotowano": attacks, not Ataky)."""
    kept = []
    for span in spans:
        weak = not span.exact or all(h.entity_id.startswith("gn:") for h in span.hits)
        contradicted = False
        for tag in tagged:
            if tag.last < span.first_token or tag.first > span.last_token or not weak:
                continue
            longer = tag.first <= span.first_token and tag.last >= span.last_token and \
                (tag.last - tag.first) > (span.last_token - span.first_token)
            same = tag.first == span.first_token and tag.last == span.last_token
            if longer and tag.type != "LOC" or same and not span.exact and tag.type != "LOC":
                contradicted = True
        # A first name that is also a village: "Volodymyr" before a tagged surname or a patronymic.
        if weak and span.first_token == span.last_token and (
                any(tag.type == "PER" and tag.first == span.last_token + 1 for tag in tagged)
                or span.last_token + 1 < len(text.words)
                and _PATRONYMIC.search(text.words[span.last_token + 1][2].casefold())):
            contradicted = True
        if kb is not None and span.first_token == span.last_token and _sentence_start(text, span.first_token) \
                and all(h.entity_id.startswith("gn:") and kb.population(h.entity_id) < _HAMLET for h in span.hits) \
                and not any(tag.first <= span.first_token <= tag.last for tag in tagged):
            contradicted = True
        if not contradicted:
            kept.append(span)
    return kept


def _gazetteer_only(span: _Span, kb: KnowledgeBase) -> bool:
    """Every entity the span may name is a GeoNames settlement nobody curated: a guess by spelling."""
    return bool(span.hits) and all(h.entity_id.startswith("gn:") and not _curated(kb, h.entity_id) for h in span.hits)


def _curated(kb: KnowledgeBase, entity_id: str) -> bool:
    record = kb.record(entity_id)
    return record is not None and any(a.source == "curated" for a in record.aliases)


def _keep_names_whole(text: _Text, kb: KnowledgeBase, tagged: list[_Tagged], lang: str) -> list[_Span]:
    """A village name of several capitalised words the gazetteer lacks ("Lozova Rudka", "Gora-Podol",
    "Wad al-Bakhit") is one unknown place, not the GeoNames places that share one of its words. The words are one
    name when a place cue leads them ("the village of", "das Dorf", "село"), or when hyphenated, unless they join
    two towns ("Izium-Lozova road") or, where nouns are capitalised and compounded ("Astana-Gegner"), the tagger
    does not take them for one name."""
    words = text.words
    by_token = {k: s for s in text.spans for k in range(s.first_token, s.last_token + 1)}
    out: list[_Span] = []
    done: set[int] = set()
    for span in text.spans:
        if id(span) in done:
            continue
        if not _gazetteer_only(span, kb):
            out.append(span)
            continue
        first, last = span.first_token, span.last_token
        while first > 0 and _name_part(text, kb, first - 1, first, by_token):
            first -= 1
        while last + 1 < len(words) and _name_part(text, kb, last + 1, last, by_token):
            last += 1
        while first < span.first_token and not _capitalised(words[first][2]):
            first += 1  # a link word ("al") only inside a name
        while last > span.last_token and not _capitalised(words[last][2]):
            last -= 1
        if (first, last) == (span.first_token, span.last_token) or last - first > 3:
            out.append(span)
            continue
        whole = next((t for t in tagged if t.first <= first and last <= t.last), None)
        hyphenated = all(text.text[words[k][1]: words[k + 1][0]] != " " for k in range(first, last))
        town = any((s := by_token.get(k)) is not None and any(
            kb.population(h.entity_id) >= _TOWN and (r := kb.record(h.entity_id)) is not None
            and _own_name(s, r, lang) for h in s.hits) for k in range(first, last + 1))
        cued = _after_place_cue(text, first)
        if not cued and not (hyphenated and not town and (lang not in _COMPOUND_LANGS or whole is not None)):
            out.append(span)
            continue
        parts = {id(by_token[k]) for k in range(first, last + 1) if k in by_token}
        done |= parts
        out = [s for s in out if id(s) not in parts]
        start, end = words[first][0], words[last][1]
        out.append(_Span(text.field, start, end, text.text[start:end], [], False, first, last, type="LOC"))
    return out


def _after_place_cue(text: _Text, k: int) -> bool:
    """A place cue word stands right before word k ("the village of X", "landsbyen X", "село X")."""
    k -= 1
    while k >= 0 and text.words[k][2].casefold() in _SKIP_AFTER_CUE:
        k -= 1
    return k >= 0 and text.words[k][2].casefold() in _PLACE_CUES and text.words[k][2].casefold() != "by"  # "said by"


# Lower-case words inside Arabic place names ("Wad al-Bakhit", "Umm ar-Rashrash").
_ARTICLE_LINKS = {"al", "el", "ad", "as", "ash", "an", "ar", "ibn", "bin", "abu", "umm"}


def _name_part(text: _Text, kb: KnowledgeBase, k: int, neighbour: int, by_token: dict[int, _Span]) -> bool:
    """Word k continues the name that word `neighbour` is in: capitalised (or a link such as "al"), joined by a
    space or hyphen, not a common word (unless hyphenated: "Gora-Podol"), no region word, and not part of a
    name the knowledge base surely knows."""
    lo, hi = min(k, neighbour), max(k, neighbour)
    gap = text.text[text.words[lo][1]: text.words[hi][0]]
    if gap not in (" ", "-", "‐", "–"):
        return False
    word = text.words[k][2]
    other = by_token.get(k)
    if other is not None and not _gazetteer_only(other, kb):
        return False
    if not _capitalised(word):
        return word.casefold() in _ARTICLE_LINKS and gap == " "
    key = exact_key([word])
    if _REGION_WORDS.match(key) or _CITY_WORDS.match(key) or key in _PLACE_CUES or word.isupper():
        return False
    if key in kb.common_words and gap == " ":
        return False
    return not (_sentence_start(text, k) and k < neighbour and key in kb.common_words)


_LINKS_TO_A_REGION = {"the", "der", "des", "dem", "de", "du", "la", "le", "na", "на", "of", "af", "av", "van", "von",
                      "am", "an", "en", "dans", "im", "oblast", "region", "county"}
_TOWN = 10_000
_HAMLET = 1_000  # people: a place this big is a town, not a village that shares a first name

_LOCATIVES = {"in", "into", "near", "at", "from", "i", "ved", "nær", "nära", "fra", "från", "bei", "nahe", "im",
              "nach", "aus", "bij", "nabij", "près", "à", "w", "we", "pod", "koło", "z", "в", "во", "у", "під",
              "біля", "возле", "около", "под", "из", "із", "з"}
_PLACE_ENDINGS = re.compile(r"(ovka|evka|ivka|ovo|evo|ino|yno|ovsk|evsk|ivsk|sk|ske|ske|ivske|ovskoye|ovskoe"
                            r"|grad|gorod|horod|pol|pil|ovo|ово|ево|ино|овка|евка|івка|ськ|ск|ське|град|город)$")


_PLACE_ADJECTIVE = re.compile(r"(aya|aja|oye|oje|oe|aya|ое|ая|ька|ове)$")
_ORG_NOUN = re.compile(
    r"(ministry|ministerium|ministeriet|departementet|department|service|council|committee|office|agency|forces"
    r"|army|police|polizei|politi|command|corps|korps|brigade|brigaden|battalion|bataillon|bataljon|regiment"
    r"|legion|legionen|party|partei|parti|court|parliament|parlament|government|regierung|regering|feuerwehr"
    r"|dienst|tjeneste|tjänst|kommando|agentur|bureau|byrå|news|times|post|zeitung|avis)$")


def _looks_like_a_place(text: _Text, first: int, last: int) -> bool:
    """A village the tagger took for a person: a Slavic place-name ending after "in", "near", "i", "bei",
    "w", "в", or a name led by an adjective, as Russian place names are ("Lozovaya Rudka", "Novaya ...")."""
    if last > first and _PLACE_ADJECTIVE.search(text.words[first][2].casefold()):
        return True
    if first == 0 or text.words[first - 1][2].casefold() not in _LOCATIVES:
        return False
    return bool(_PLACE_ENDINGS.search(text.words[last][2].casefold()))


def _tagged_names(text: _Text, lang: str, kb: KnowledgeBase, tagged: list[_Tagged], taken: set[int]) -> list[_Span]:
    out: list[_Span] = []
    for tag in tagged:
        if any(k in taken for k in range(tag.first, tag.last + 1)):
            continue
        words = [w[2] for w in text.words[tag.first: tag.last + 1]]
        hits, exact = _lookup(words, lang, kb)
        if hits and not exact and tag.type != "LOC":
            # A loose GeoNames match for a name the tagger took for a person or group is kept only for a
            # town ("Tjasiv Jar", "Tsjasiv Jar") or after a place cue: first names are villages too.
            placed = tag.first > 0 and text.words[tag.first - 1][2].casefold() in _LOCATIVES | _PLACE_CUES
            hits = [h for h in hits if not h.entity_id.startswith("gn:")
                    or len(words) > 1 and (placed or kb.population(h.entity_id) >= _TOWN)]
        if not hits and tag.type == "PER" and len(words) > 1:
            # "Defensie Roestem Oemerov", "Izraela Benjamin Netanjahu": a known person at the end of a
            # longer tagged name; the words before are left to the other finders.
            for cut in range(1, len(words) - (1 if len(words) > 2 else 0)):
                tail, tail_exact = _lookup(words[cut:], lang, kb)
                tail = [h for h in tail if h.entity_id.startswith("per:")]
                if tail and _capitalised(words[cut]):
                    hits, exact, words = tail, tail_exact, words[cut:]
                    tag = _Tagged(tag.first + cut, tag.last, tag.type, tag.score)
                    break
        if not hits and tag.type == "PER" and len(words) > 2:
            # "Volodymyr Oleksandrovych Zelensky": the name without the patronymic.
            hits, exact = _lookup([words[0], words[-1]], lang, kb)
            hits = [h for h in hits if h.entity_id.startswith("per:")]
        start, end = text.words[tag.first][0], text.words[tag.last][1]
        type_ = tag.type
        if not hits and type_ != "LOC" and (_looks_like_a_place(text, tag.first, tag.last)
                                            or _after_place_cue(text, tag.first)):
            type_ = "LOC"
        elif not hits and type_ == "PER" and any(_ORG_NOUN.search(w.casefold()) for w in words):
            type_ = "ORG"  # "Health Ministry", "Siberian Battalion": no person is called that
        out.append(_Span(text.field, start, end, text.text[start:end], hits, exact, tag.first, tag.last,
                         type=type_))
        taken.update(range(tag.first, tag.last + 1))
    return out


# A numbered brigade in any language: "47th Mechanized Brigade", "47. Brygada Zmechanizowana",
# "47-ма окрема механізована бригада", "la 47e brigade mécanisée". The ordinal mark is required, so a
# count ("3 brigades") is no unit; the branch, where written, tells Ukraine's 72nd Mechanized from
# Russia's 72nd Motor Rifle Brigade. The knowledge base names each unit "<N>th <Branch> Brigade".
_NUMBERED_UNIT = re.compile(
    r"\b(\d{1,3})(?:st|nd|rd|th|ste|de|e|ème|:e|:a|\.|-?(?:я|й|ї|ї|а|ша|га|тя|ма|та|ая|ой|ий|ей|ую|ю))\s+"
    r"((?:[^\W\d_]+[ \-]){0,3}?)(brigad\w*|brygad\w*|бригад\w*)((?:[ \-][^\W\d_]+){0,2})",
    re.IGNORECASE)
_BRANCHES = (
    ("Air Assault", re.compile(r"air.assault|luftland|десантно.штурм|desantowo.szturm|d'assaut aérien|luchtaanval"
                               r"|luftangrep|luftburen|flyg", re.IGNORECASE)),
    ("Mountain Assault", re.compile(r"mountain|гірськ|горн|górsk|montagne|gebirg|bergs|fjell", re.IGNORECASE)),
    ("Airborne", re.compile(r"airborne|десантн|powietrznodesant|aéroporté|luchtmobiel|fallskärm|faldskærm|fallskjerm", re.IGNORECASE)),
    ("Marine", re.compile(r"marine|морськ|морск|morsk|mariniers", re.IGNORECASE)),
    ("Mechanized", re.compile(r"mechani|mekani|механіз|механиз|zmechaniz|mécanis|gemechani", re.IGNORECASE)),
    ("Motorized", re.compile(r"motori|мотопіх|мотопех|zmotoryz", re.IGNORECASE)),
    ("Jaeger", re.compile(r"jaeger|jäger|єгер|егер|jæger|jeger|chasseur", re.IGNORECASE)),
    ("Assault", re.compile(r"assault|штурм|szturm|sturm|storm|d'assaut|aanval", re.IGNORECASE)),
    ("Motor Rifle", re.compile(r"motor.rifle|мотострелк|zmotoryzowan|motorisiert", re.IGNORECASE)),
)


def _ordinal(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _numbered_units(text: _Text, kb: KnowledgeBase, taken: set[int]) -> list[_Span]:
    out = []
    for m in _NUMBERED_UNIT.finditer(text.text):
        number = int(m.group(1))
        between, after = m.group(2), m.group(4)
        branch = next((name for name, pattern in _BRANCHES if pattern.search(between + " " + after)), None)
        end = m.end(3)
        if branch is not None:  # "brigade mécanisée": the branch written after the brigade word belongs to the name
            for word in re.finditer(r"[^\W\d_]+", after):
                if _BRANCHES_BY_NAME[branch].search(word.group()):
                    end = m.start(4) + word.end()
        key = f"{number}{_ordinal(number)} {branch + ' ' if branch else ''}brigade"
        hits = [h for h in kb.exact(exact_key(key.split())) if h.entity_id.startswith("org:")]
        found = _token_range(text, m.start(), end)
        if not hits or found is None or any(k in taken for k in range(found[0], found[1] + 1)):
            continue
        start, stop = text.words[found[0]][0], text.words[found[1]][1]
        out.append(_Span(text.field, start, stop, text.text[start:stop], hits, True, found[0], found[1]))
        taken.update(range(found[0], found[1] + 1))
    return out


_BRANCHES_BY_NAME = dict(_BRANCHES)


def _cued_names(text: _Text, lang: str, kb: KnowledgeBase, taken: set[int]) -> list[_Span]:
    """Unseen names right after a place or person cue word ("the village of Kozinka")."""
    out = []
    words = text.words
    for k, (_, _, word) in enumerate(words):
        low = word.casefold()
        is_place, is_person = low in _PLACE_CUES, low in _PERSON_CUES
        if not (is_place or is_person):
            continue
        j = k + 1
        while j < len(words) and words[j][2].casefold() in _SKIP_AFTER_CUE and text.joinable[j - 1]:
            j += 1
        names = []
        while j < len(words) and _capitalised(words[j][2]) and not words[j][2].isdigit() and j not in taken \
                and text.joinable[j - 1] and len(names) < 3 \
                and not (names and "," in text.text[words[j - 1][1]: words[j][0]]):  # "сёла Кочановка, Гута"
            names.append(j)
            j += 1
        if not names or (is_person and len(names) < 2):
            continue
        if words[names[0]][2].casefold() in _PERSON_CUES or words[names[0]][2].casefold() in _PLACE_CUES:
            continue
        if any(strip_accents(words[n][2]) in kb.common_words for n in names):
            continue
        first, last = names[0], names[-1]
        seq = [w[2] for w in words[first: last + 1]]
        hits, exact = _lookup(seq, lang, kb)
        start, end = words[first][0], words[last][1]
        out.append(_Span(text.field, start, end, text.text[start:end], hits, exact, first, last,
                         type="LOC" if is_place else "PER"))
        taken.update(range(first, last + 1))
    return out


def _listed_after_cue(text: _Text, lang: str, kb: KnowledgeBase, taken: set[int]) -> list[_Span]:
    """Every member of a list a place cue leads is a place: "the villages of Sushany and Lyubechane",
    "сёла Кочетовка, Гута и Смородино": the names after the first that nothing else found."""
    out: list[_Span] = []
    words = text.words
    starts = {s.first_token: s.last_token for s in text.spans}
    for k, (_, _, word) in enumerate(words):
        if word.casefold() not in _PLACE_CUES or word.casefold() == "by":
            continue
        j = k + 1
        while j < len(words) and words[j][2].casefold() in _SKIP_AFTER_CUE and text.joinable[j - 1]:
            j += 1
        for member in range(6):
            if j >= len(words) or not _capitalised(words[j][2]) or words[j][2].isdigit():
                break
            text.placed.add(j)
            if j in starts:
                last = starts[j]
            elif j in taken or member == 0:
                break  # the first member is the cue's own finder's
            else:
                last = j
                while last + 1 < len(words) and last - j < 2 and text.joinable[last] and last + 1 not in taken \
                        and _capitalised(words[last + 1][2]) and text.text[words[last][1]: words[last + 1][0]] in (" ", "-"):
                    last += 1
                if any(strip_accents(words[n][2]) in kb.common_words for n in range(j, last + 1)):
                    break
                hits, exact = _lookup([w[2] for w in words[j: last + 1]], lang, kb)
                start, end = words[j][0], words[last][1]
                out.append(_Span(text.field, start, end, text.text[start:end], hits, exact, j, last, type="LOC"))
                taken.update(range(j, last + 1))
            nxt = last + 1
            if nxt >= len(words) or _SENTENCE_END.search(text.text[words[last][1]: words[nxt][0]]):
                break
            if words[nxt][2].casefold() in _CONNECTORS:
                j = nxt + 1
            elif "," in text.text[words[last][1]: words[nxt][0]]:
                j = nxt
            else:
                break
    return out


def _coordinated_regions(text: _Text, lang: str, kb: KnowledgeBase, taken: set[int]) -> list[_Span]:
    """Region adjectives sharing one region noun: "у Харківській та Сумській областях", "в Брянской,
    Курской и Орловской областях", "w obwodach kurskim i biełgorodzkim": each adjective with the noun."""
    out: list[_Span] = []
    words = text.words
    for span in list(text.spans):
        if span.last_token == span.first_token or not any(
                (r := kb.record(h.entity_id)) is not None and r.precision == "region" for h in span.hits):
            continue
        for noun, step, start in ((span.last_token, -1, span.first_token - 1), (span.first_token, 1, span.last_token + 1)):
            if not _REGION_WORDS.match(exact_key([words[noun][2]])):
                continue
            k = start
            while 0 <= k < len(words) and k not in taken:
                gap = text.text[min(words[k][1], words[k - step][1]): max(words[k][0], words[k - step][0])]
                if _SENTENCE_END.search(gap):
                    break
                if words[k][2].casefold() in _CONNECTORS:
                    k += step
                    continue
                if k - step != start - step and "," not in gap and words[k - step][2].casefold() not in _CONNECTORS:
                    break
                pair = [words[k][2], words[noun][2]] if step < 0 else [words[noun][2], words[k][2]]
                hits, exact = _lookup(pair, lang, kb)
                hits = [h for h in hits if (r := kb.record(h.entity_id)) is not None and r.precision == "region"]
                if not hits:
                    break
                out.append(_Span(text.field, words[k][0], words[k][1], words[k][2], hits, exact, k, k))
                taken.add(k)
                k += step
    return out


def _misspelt_regions(text: _Text, kb: KnowledgeBase, taken: set[int]) -> list[_Span]:
    """An unknown word one letter off a regional capital, in a list of regions that shares its region word
    ("i Kurs og Belgorod-regionerne", "the Kursk and Belgorod regions"): that region, misspelt."""
    out: list[_Span] = []
    words = text.words
    for span in list(text.spans):
        k = span.first_token - 2
        if k < 0 or k in taken or words[k + 1][2].casefold() not in _CONNECTORS:
            continue
        after = words[span.last_token + 1: span.last_token + 2]
        if not (_has_region_word(words[span.first_token: span.last_token + 1] + after) or _compound_region(text, span)):
            continue
        if not any(kb.region_of_capital.get(h.entity_id) or (r := kb.record(h.entity_id)) is not None
                   and r.precision == "region" for h in span.hits):
            continue
        word = words[k][2]
        if not _capitalised(word) or len(word) < 4 or kb.exact(exact_key([word])):
            continue
        region = _capital_one_letter_off(kb, exact_key([word]))
        if region is not None:
            out.append(_Span(text.field, words[k][0], words[k][1], word, [Hit(region)], False, k, k))
            taken.add(k)
    return out


_CAPITAL_KEYS: dict[int, dict[str, str]] = {}


def _capital_one_letter_off(kb: KnowledgeBase, key: str) -> str | None:
    """The region whose capital's name is `key` with one letter dropped, added or changed."""
    capitals = _CAPITAL_KEYS.get(id(kb))
    if capitals is None:
        capitals = {}
        for capital_id, region in kb.region_of_capital.items():
            record = kb.record(capital_id)
            if record is not None:
                capitals[exact_key([w for _, _, w in tokens(record.name)])] = region
        _CAPITAL_KEYS.clear()
        _CAPITAL_KEYS[id(kb)] = capitals
    found = {region for name, region in capitals.items() if _one_edit(key, name)}
    return next(iter(found)) if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1 or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# -- resolving ---------------------------------------------------------------------------------


def _resolve(texts: list[_Text], kb: KnowledgeBase, lang: str) -> None:
    """Pick one entity per span, using the places the article names unambiguously."""
    countries: set[str] = set()
    regions: set[str] = set()
    towns_regions: set[str] = set()  # regions known only as the home of a town the article names
    for text in texts:
        for span in text.spans:
            ids = {h.entity_id for h in span.hits}
            if len(ids) == 1:
                record = kb.record(next(iter(ids)))
                if record is not None and record.type == "LOC":
                    _note_place(record, kb, countries, regions, towns_regions)
    for text in texts:
        for span in text.spans:
            if span.hits:
                near_countries, near_regions = _places_next_to(text, span, kb)
                span.entity_id = _best(span, kb, countries, regions, near_countries, near_regions,
                                       lang, towns_regions)
                span.entity_id = _region_if_meant(text, span, kb)
    _one_sense_for_capitals(texts, kb)
    _unlink_stray_places(texts, kb, lang)
    # A second look: a surname alone is the person named in full elsewhere in the article.
    people: dict[str, _Span | str] = {}
    for text in texts:
        for span in text.spans:
            record = kb.record(span.entity_id) if span.entity_id else None
            if record is not None and record.type == "PER":
                for alias in [record.name, *(a.text for a in record.aliases)]:
                    if " " in alias:
                        people[_loose_form(alias.split()[-1])] = record.id
    for text in texts:
        for span in text.spans:
            if span.entity_id is None and span.type == "PER" and " " in span.text.strip():
                people[_loose_form(span.text.split()[-1])] = span
    for text in texts:
        for span in text.spans:
            if span.entity_id is None and span.type == "PER" and " " not in span.text.strip():
                full = people.get(_loose_form(_clean_name(span.text)))
                if isinstance(full, str):
                    span.entity_id = full
                elif full is not None:
                    span.entity_id = _unknown_id(full)


# A village guessed by spelling must lie near what the article is about. A village linked by its own name may lie
# far (a story can name a distant place), but not this far from everything else the article names; a town
# (`_TOWN` people and more) may lie anywhere.
_FAR_KM = 500.0
# A place linked by another of its names (an old name, a Russian form, a loose spelling): a small one must lie in a
# region the article names or this close to a place it names ("Melovoy" in a Belgorod story is no village of
# Luhansk called Melovoye too); a bigger one must not be far ("Sushany" is not Partizansk, once called Suchan).
_NEAR_KM = 120.0
_SMALL_TOWN = 50_000
_REGION_RADIUS_KM = 150.0  # a region's places lie up to about this far from its centre
_BIG_CITY = 100_000  # people mean a big city by its other names too ("Kharkov", "Auschwitz")
_METROPOLIS = 1_000_000


def _unlink_stray_places(texts: list[_Text], kb: KnowledgeBase, lang: str) -> None:
    """Turn gazetteer guesses that lie far from the places the article surely names into unknown places
    (their own id, their name as written)."""
    anchors: list[tuple[str, EntityRecord]] = []
    for text in texts:
        for span in text.spans:
            record = kb.record(span.entity_id) if span.entity_id else None
            if record is None or record.type != "LOC" or record.lat is None or record.precision == "country":
                continue
            if kb.population(record.id) >= _METROPOLIS:
                continue  # named as a government or a far target ("Kyiv says"), not as where things happen
            if not record.id.startswith("gn:") or not _gazetteer_only(span, kb) or _own_name(span, record, lang):
                anchors.append((record.id, record))
    if not anchors:
        return
    named_regions = {r.id for _, r in anchors if r.precision == "region"}
    for text in texts:
        for span in text.spans:
            population = kb.population(span.entity_id or "")
            if not (span.entity_id or "").startswith("gn:") or not _gazetteer_only(span, kb) or population >= _BIG_CITY:
                continue
            record = kb.record(span.entity_id or "")
            if record is None or record.lat is None or record.precision != "settlement":
                continue
            others = [r for i, r in anchors if i != record.id]
            if not others:
                continue
            nearest = min(_km(record, r) - (_REGION_RADIUS_KM if r.precision == "region" else 0.0) for r in others)
            if _own_name(span, record, lang):
                stray = population < _TOWN and nearest > _FAR_KM
            elif population < _SMALL_TOWN:
                stray = record.within not in named_regions and nearest > _NEAR_KM
            else:
                stray = nearest > _FAR_KM
            if not stray:
                continue
            # It stays an unknown place where the context calls it one ("the villages of X and Y", "near X", the
            # tagger); else it was likely no place name at all ("Hochschule" is no Hozhuly, "The villages" no
            # town in Florida).
            names = [w for _, _, w in tokens(span.text)]
            proper = all(_capitalised(w) for w in names) and not all(strip_accents(w) in kb.common_words for w in names)
            placed = span.first_token in text.placed or span.first_token > 0 \
                and text.words[span.first_token - 1][2].casefold() in _LOCATIVES
            span.entity_id, span.hits, span.type = None, [], "LOC" if proper and placed else None


def _own_name(span: _Span, record: EntityRecord, lang: str) -> bool:
    """The span writes the place's own (canonical) name, in any romanisation or case, not another of its names."""
    written = [_word(w, lang) for _, _, w in tokens(span.text)]
    named = [w for _, _, w in tokens(record.name)]
    if len(named) > len(written) and not _capitalised(named[len(written)]):
        named = named[: len(written)]  # "Immenstadt" is Immenstadt im Allgäu, "Neumarkt" Neumarkt in der Oberpfalz
    if len(written) != len(named):
        return False
    for word, name in zip(written, named):
        forms = {word.exact, *word.lemmas, *word.adjective_lemmas}
        loose = {*word.loose_variants, *(_loose_form(f) for f in forms)}
        if exact_key([name]) not in forms and _loose_form(name) not in loose:
            return False
    return True


def _km(a: EntityRecord, b: EntityRecord) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12_742.0 * math.asin(math.sqrt(h))


def _note_place(record: EntityRecord, kb: KnowledgeBase, countries: set[str], regions: set[str],
                towns_regions: set[str] | None = None) -> None:
    if record.country:
        countries.add(record.country)
    if record.precision == "region":
        regions.add(record.id)
    if record.within and not record.within.startswith("country:"):  # a country is no common region
        (regions if towns_regions is None else towns_regions).add(record.within)


def _places_next_to(text: _Text, span: _Span, kb: KnowledgeBase) -> tuple[set[str], set[str]]:
    """Countries and regions named right after a place name ("Pokrovsk in Yakutia", "Kozinka, Belgorod Oblast")."""
    countries: set[str] = set()
    regions: set[str] = set()
    if len({h.entity_id for h in span.hits}) < 2:
        return countries, regions
    for other in text.spans:
        if not span.last_token < other.first_token <= span.last_token + 4:
            continue
        if _SENTENCE_END.search(text.text[span.end: other.start]):
            continue
        gap = [w[2].casefold() for w in text.words[span.last_token + 1: other.first_token]]
        if not all(w in _LOCATIVES or w in _LINKS_TO_A_REGION for w in gap):
            continue  # "в Париже отправку миротворцев на Украину" does not place Paris in Ukraine
        ids = {h.entity_id for h in other.hits}
        record = kb.record(next(iter(ids))) if len(ids) == 1 else None
        if record is not None and record.type == "LOC" and record.precision in ("country", "region"):
            _note_place(record, kb, countries, regions)
    return countries, regions


def _best(span: _Span, kb: KnowledgeBase, countries: set[str], regions: set[str],
          near_countries: set[str] = frozenset(), near_regions: set[str] = frozenset(),  # type: ignore[assignment]
          lang: str = "", towns_regions: set[str] = frozenset()) -> str:  # type: ignore[assignment]
    def score(hit: Hit) -> float:
        record = kb.record(hit.entity_id)
        if record is None:
            return -1.0
        value = record.priority
        if span.type is not None and record.type != span.type and record.type != "LOC":
            value -= 0.5
        if record.type == "LOC" and record.precision == "settlement":
            if record.within in near_regions:
                value += 4.0
            elif record.country in near_countries:
                value += 3.0
            elif record.within in regions:
                value += 2.0
            elif record.within in towns_regions:
                # A region only implied by a town ("Киев" for Kyiv Oblast) is a weak hint: it must not
                # turn "Париж" into a village of that region that was once called so.
                value += 0.5
            elif record.country in countries:
                # Worth two orders of magnitude of population: a country named anywhere in the article
                # picks between like places, but does not turn Moscow into Moscow, Idaho.
                value += 0.5
        return value

    # Between equals, the entity the alias names in the article's language: Russian "Генштаб" is
    # Russia's General Staff, Ukrainian "Генштаб" Ukraine's.
    own_language = {h.entity_id for h in span.hits if h.lang == lang}
    ids = list(dict.fromkeys(h.entity_id for h in span.hits))
    return max(ids, key=lambda i: (score(Hit(i)), i in own_language, i))


def _region_if_meant(text: _Text, span: _Span, kb: KnowledgeBase) -> str | None:
    """A bare regional capital means its region when a region word stands close by."""
    region = kb.region_of_capital.get(span.entity_id or "")
    if region is None:
        return span.entity_id
    words = text.words
    lo, hi = max(0, span.first_token - 3), min(len(words), span.last_token + 4)
    region_near = city_near = False
    # A region word that opens another region's name ("Charków i obwód sumski") is that region's.
    claimed = {s.first_token for s in text.spans if s is not span and s.last_token > s.first_token}
    for k in range(lo, hi):
        if span.first_token <= k <= span.last_token or k in claimed:
            continue
        gap = text.text[min(words[k][1], span.start): max(words[k][0], span.end)]
        if _SENTENCE_END.search(gap):
            continue
        word = exact_key([words[k][2]])
        if _CITY_WORDS.match(word):
            city_near = True
        elif _REGION_WORDS.search(word) or _TROOP_WORDS.match(word):
            region_near = True
    if _has_region_word(words[span.first_token: span.last_token + 1]) or _compound_region(text, span):
        return region
    if _region_after_adjective(text, span, kb) and not city_near:
        return region
    last_member, after = _list_after(text, span)
    member = next((s for s in text.spans if s.first_token == last_member), None)
    if last_member > span.last_token and (_has_region_word(words[last_member: after + 1])
                                          or member is not None and _compound_region(text, member)):
        return region  # "over Bryansk, Kursk and Oryol regions": the region word is every member's
    before, first_member = _list_before(text, span)
    if before is not None and _has_region_word(words[max(0, before - 1): first_member + 1]):
        return region  # "des régions de Koursk, de Briansk et de Belgorod", "Regionen Kursk und Belgorod"
    return region if region_near and not city_near else span.entity_id


def _one_sense_for_capitals(texts: list[_Text], kb: KnowledgeBase) -> None:
    """An article that means the region by a capital's name ("Kursk-regionen", "troops in Kursk") means it by
    every bare "Kursk", unless it names the city as a city somewhere ("regionens største by, Belgorod")."""
    regions = {span.entity_id for text in texts for span in text.spans
               if span.entity_id is not None and span.entity_id.startswith("region:")}
    bare: dict[str, list[_Span]] = {}
    city_meant: set[str] = set()
    for text in texts:
        for span in text.spans:
            region = kb.region_of_capital.get(span.entity_id or "")
            if region is None or region not in regions:
                continue
            bare.setdefault(region, []).append(span)
            if _city_word_in_sentence(text, span):
                city_meant.add(region)
    for region, spans in bare.items():
        if region not in city_meant:
            for span in spans:
                span.entity_id = region


def _city_word_in_sentence(text: _Text, span: _Span) -> bool:
    words = text.words
    k = span.first_token
    while k > 0 and not _SENTENCE_END.search(text.text[words[k - 1][1]: words[k][0]]):
        k -= 1
    while k < len(words):
        if _CITY_WORDS.match(exact_key([words[k][2]])) or words[k][2].casefold() in _CITY_CUES:
            return True
        if k + 1 < len(words) and _SENTENCE_END.search(text.text[words[k][1]: words[k + 1][0]]):
            break
        k += 1
    return False


# Words that name a town as a town, besides those of `_CITY_WORDS`.
_CITY_CUES = {"stadtzentrum", "innenstadt", "bykjernen", "sentrum", "центре", "центрі", "centrum", "downtown"}


def _region_after_adjective(text: _Text, span: _Span, kb: KnowledgeBase) -> bool:
    """A country's adjective before a bare regional capital: "i russiske Kursk", "im russischen Kursk"."""
    k = span.first_token - 1
    if k < 0 or _SENTENCE_END.search(text.text[text.words[k][1]: span.start]) \
            or any(s.first_token <= k <= s.last_token for s in text.spans):
        return False  # "Russland Kursk", "Russia's Kursk": the country is a name of its own
    region = kb.record(kb.region_of_capital.get(span.entity_id or "", ""))
    country = kb.record(f"country:{region.country}") if region is not None and region.country else None
    if country is None:
        return False
    adjective = _loose_form(text.words[k][2])
    stems = {_loose_form(a.text) for a in country.aliases if " " not in a.text}
    return any(len(key) >= 3 and adjective.startswith(key[:max(3, len(key) - 1)]) and adjective != key
               for key in stems)


def _compound_region(text: _Text, span: _Span) -> bool:
    """The name leads a compound whose rest is a region word: "Belgorod|regionen", "Belgorod|regionerna"."""
    rest = exact_key([text.text[span.end: text.words[span.last_token][1]]])
    return bool(rest and _REGION_WORDS.match(rest))


# Words a list repeats before each member ("de Koursk, de Briansk et de Belgorod"); a repeated locative
# ("w obwodzie sumskim i w Zaporożu") starts a phrase of its own instead.
_LIST_LINKS = {"de", "d", "of", "von", "van", "av", "af"}


def _list_before(text: _Text, span: _Span) -> tuple[int | None, int]:
    """The token just before the list of names that `span` closes ("régions de Koursk, de Briansk"),
    when the list has more than one member (else None), and where the list's first member starts."""
    ends = {s.last_token: s.first_token for s in text.spans}
    words = text.words
    k, members, first_member = span.first_token - 1, 1, span.first_token
    while k >= 0:
        if _SENTENCE_END.search(text.text[words[k][1]: words[k + 1][0]]):
            return None, first_member
        low = words[k][2].casefold()
        if low in _CONNECTORS or low in _LIST_LINKS:
            k -= 1
        elif k in ends and ("," in text.text[words[k][1]: words[k + 1][0]]
                            or words[k + 1][2].casefold() in _CONNECTORS | _LIST_LINKS):
            first_member = ends[k]
            k, members = ends[k] - 1, members + 1
        else:
            break
    return (k if members > 1 and k >= 0 else None), first_member


def _has_region_word(words: list[tuple[int, int, str]]) -> bool:
    return any(_REGION_WORDS.match(exact_key([w[2]])) for w in words)


def _list_after(text: _Text, span: _Span) -> tuple[int, int]:
    """Where the list of names that `span` opens ("Bryansk, Kursk and Oryol") has its last member,
    and the token after the list."""
    starts = {s.first_token: s.last_token for s in text.spans}
    words = text.words
    last_member, k = span.first_token, span.last_token + 1
    while k < len(words):
        gap = text.text[words[k - 1][1]: words[k][0]]
        if _SENTENCE_END.search(gap):
            break
        if words[k][2].casefold() in _CONNECTORS and k + 1 in starts:
            k += 1
        elif k in starts and ("," in gap or words[k - 1][2].casefold() in _CONNECTORS):
            last_member, k = k, starts[k] + 1
        else:
            break
    return last_member, min(k, len(words) - 1)


# -- output ------------------------------------------------------------------------------------


def _unknown_id(span: _Span) -> str:
    words = [w for w in re.findall(r"[^\W_]+", span.text)]
    key = " ".join(_loose_form(w) or exact_key([w]) for w in words)
    return "x:" + hashlib.sha1(f"{span.type}:{key}".encode()).hexdigest()[:12]


_CREDIT = re.compile(r"\(\s*[\w.\- ]{1,30}(?:/[\w.\- ]{1,30})*\s*\)")


def _is_credit(text: _Text, span: _Span) -> bool:
    """An agency named only as a credit: "(Xinhua)", "(AFP/jW)", "(Reuters) -"."""
    for m in _CREDIT.finditer(text.text, max(0, span.start - 32), min(len(text.text), span.end + 32)):
        if m.start() < span.start and span.end < m.end():
            return True
    return False


def _output(texts: list[_Text], kb: KnowledgeBase, lang: str) -> tuple[list[Mention], dict[str, Entity]]:
    mentions: list[Mention] = []
    entities: dict[str, Entity] = {}
    for text in texts:
        for span in sorted(text.spans, key=lambda s: (s.start, -s.end)):
            if span.entity_id and span.entity_id.startswith("org:") and _is_credit(text, span):
                continue
            if span.entity_id is not None and span.entity_id.startswith("x:") or span.entity_id is None:
                if span.type is None:
                    continue
                entity_id = span.entity_id or _unknown_id(span)
                if entity_id not in entities:
                    # A name the knowledge base lacks is still named in English letters: "Юнаківка" -> Yunakivka.
                    entities[entity_id] = Entity(entity_id, latin_name(_clean_name(span.text), lang), span.type,
                                                 known=False)
                mentions.append(Mention(text.field, span.start, span.end, span.text, span.type, entity_id))
                continue
            record = kb.record(span.entity_id)
            if record is None:
                continue
            if record.id not in entities:
                entities[record.id] = _entity(record)
            mentions.append(Mention(text.field, span.start, span.end, span.text, record.type, record.id))
    return mentions, entities


def _clean_name(text: str) -> str:
    return re.sub(r"['’]s$", "", " ".join(text.split()))


def _entity(record: EntityRecord) -> Entity:
    aliases = tuple(dict.fromkeys(a.text for a in record.aliases if a.text != record.name))
    return Entity(record.id, record.name, record.type, aliases, record.lat, record.lon, record.precision, True)
