"""Entity stage: mentions of people, organisations and places, linked to canonical entities.

Three sources of mentions, in order of trust:
1. the knowledge base, matched on word n-grams by exact key, then after
   stripping an inflection, then by loose (romanisation-blind, stemmed) key;
   German-style compounds ("Kremlchef") by their leading name;
2. the statistical name tagger, for names the knowledge base lacks (linked to
   the knowledge base when its span has a known name after all);
3. cue words ("the village of X", "landsbyen X", "село X"), which find unseen
   places and people even without the tagger.
A name several entities share is settled by the article: a place in a
country or region the article names elsewhere wins, then the bigger place.
A bare regional capital ("Belgorod") is the region when a region word stands
next to it.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirewatch.knowledge import Hit, KnowledgeBase, load_knowledge_base
from wirewatch.knowledge.kbfile import EntityRecord
from wirewatch.knowledge.spelling import exact_key, is_cyrillic, skeleton, stem, strip_accents, tokens
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
_REGION_WORDS = re.compile(
    r"region|oblast|gebiet|omrad|provin|fylke|obwod|obvod|obwód|област|регион|регіон|край|krai|okrug|округ"
    r"|governor|guvern|gouverneur|gubernator|губернат|grenzgebiet|grænse|border|salient|incursion|offensiv"
)
_CITY_WORDS = re.compile(
    r"^(city|town|by|byen|stad|staden|stadt|ville|miasto|mieście|miasta|город|городе|города|місто|місті|міста"
    r"|mayor|borgmester|bürgermeister|centre|center|zentrum|centrum|центр)$"
)

# Cue words after which a capitalised word is a place / a person, in every language read.
_PLACE_CUES = {
    "village", "villages", "town", "towns", "city", "settlement", "hamlet", "landsbyen", "landsbyerne", "byen",
    "bygda", "bygden", "tettstedet", "byn", "byarna", "staden", "orten", "dorf", "dorfes", "ort", "ortes",
    "ortschaft", "dörfer", "siedlung", "gemeinde", "stadt", "dorp", "stad", "plaats", "dorpen", "village",
    "villages", "ville", "localité", "commune", "wieś", "wsi", "wsie", "miejscowość", "miejscowości", "miasto",
    "mieście", "село", "селе", "села", "сёла", "поселок", "посёлок", "поселке", "посёлке", "деревня", "деревне",
    "хутор", "хуторе", "город", "городе", "селі", "селище", "селищі", "місто", "місті", "river", "floden",
    "elva", "fluss", "rivier", "rivière", "rzeka", "rzece", "река", "реке", "річка", "річці",
}
_PERSON_CUES = {
    "president", "präsident", "præsident", "presidenten", "präsidenten", "président", "prezydent", "президент",
    "commander", "kommandeur", "kommandør", "kommandant", "befälhavare", "dowódca", "командир", "командувач",
    "spokesman", "spokeswoman", "spokesperson", "sprecher", "sprecherin", "talsmand", "talsperson", "talsmann",
    "talesmann", "talesperson", "talesmand", "talesperson", "talsman", "woordvoerder", "porte-parole", "rzecznik",
    "представитель", "речник", "governor", "gouverneur", "guvernør", "guvernör", "gubernator", "губернатор",
    "minister", "ministre", "министр", "міністр", "leader", "anführer", "leder", "lederen", "ledaren",
    "general", "generał", "генерал", "mayor", "bürgermeister", "borgmester", "burmistrz", "мэр", "мер",
    "colonel", "oberst", "colonel", "pułkownik", "полковник", "chef", "chief", "senator", "premier", "prime",
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


def find_entities(article: Article, resources: EntityResources) -> tuple[list[Mention], dict[str, Entity]]:
    """Mentions in the headline and body, and the entities they resolve to (by id)."""
    kb = resources.knowledge
    lang = (article.lang or "").lower()
    lang = "nb" if lang == "no" else lang
    texts = [_prepare(f, t) for f, t in (("headline", article.headline), ("body", article.body)) if t]
    for text in texts:
        known = _known_names(text, lang, kb)
        tagged = _tagged_spans(text, lang, kb, resources.tagger, known) if resources.tagger is not None else []
        text.spans = _prefer_tagger(known, tagged, text)
        text.spans += _inner_names(text, lang, kb)
        taken = _taken(text.spans)
        text.spans += _tagged_names(text, lang, kb, tagged, taken)
        text.spans += _cued_names(text, lang, kb, taken)
    _resolve(texts, kb)
    return _output(texts, kb)


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
    return _Word(text, exact_key([text]), loose, [(exact_key([v]), v.isupper()) for v in variants],
                 list(dict.fromkeys(f for f in loose_variants if f)), is_cyrillic(text),
                 _capitalised(text), text.isupper())


def _lookup_words(seq: list[_Word], kb: KnowledgeBase) -> tuple[list[Hit], bool]:
    """Entities a word sequence names: (hits, matched exactly)."""
    shout = all(w.upper for w in seq)

    def usable(hits: list[Hit]) -> list[Hit]:
        return [h for h in hits if shout or not h.upper_only]

    head = [w.exact for w in seq[:-1]]
    whole = usable(kb.exact(" ".join([*head, seq[-1].exact])))
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
    loose_head = [w.loose for w in seq[:-1]]
    if not all(loose_head) or any(w.exact in kb.common_words for w in seq):
        return [], False
    shortest = 3 if any(w.cyrillic for w in seq) else 4 if len(seq) > 1 else 5
    for last in seq[-1].loose_variants:
        key = " ".join([*loose_head, last])
        if len(key) - len(seq) + 1 + key.count("S") < shortest:  # "S" stands for sh/sz/ż...
            continue
        hits = [h for h in kb.loose(key) if not h.upper_only]
        if hits:
            return hits, False
    return [], False


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
                    *(1 for v in first.loose_variants if v in kb.first_loose))
        found = None
        size = 1
        while size < reach and i + size < len(words) and text.joinable[i + size - 1]:
            size += 1
        for size in range(min(size, reach), 0, -1):
            if size == 1 and lower_start:
                break
            seq = [get(k) for k in range(i, i + size)]
            if size > 1 and not seq[-1].capitalised and seq[-1].exact in _FUNCTION:
                continue
            hits, exact = _lookup_words(seq, kb)
            if lower_start:
                hits = [h for h in hits if h.lower_start]
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
                                r"|ское|ские|ської|ська|ський|ські)$")


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
        if not rest.islower():
            continue
        for candidate in (head, head[:-1] if head.endswith("s") else None):
            if not candidate or len(candidate) < 4:
                continue
            hits = [h for h in kb.exact(exact_key([candidate])) if not h.upper_only and _prominent(kb, h.entity_id)]
            if hits:
                return _Span(text.field, start, start + len(candidate), candidate, hits, True, i, i)
    return None


def _prominent(kb: KnowledgeBase, entity_id: str) -> bool:
    """Entities common enough to lead a compound: curated ones, countries, big cities."""
    return not entity_id.startswith("gn:") or kb.population(entity_id) >= 100_000


def _inner_names(text: _Text, lang: str, kb: KnowledgeBase) -> list[_Span]:
    """Names inside longer names: countries and people anywhere ("Armed Forces of Ukraine",
    "RBC-Ukraine", "Putin's army"), an organisation leading a longer one ("United Nations Office ...")."""
    out = []
    for span in text.spans:
        if span.first_token == span.last_token:
            continue
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
    for tag_start, tag_end, tagged in found_spans:
        found = _token_range(text, tag_start, tag_end)
        if found is None or tagged.score < MIN_TAG_SCORE:
            continue
        # "Astra and Krymskii Veter" is two names.
        pieces, current = [], [found[0]]
        for k in range(found[0] + 1, found[1] + 1):
            if text.words[k][2] in _CONNECTORS:
                pieces.append(current)
                current = []
            elif _SENTENCE_END.search(text.text[text.words[k - 1][1]: text.words[k][0]]):
                pieces.append(current)
                current = [k]
            else:
                current.append(k)
        pieces.append(current)
        for piece in pieces:
            if piece:
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
    if first == last and _sentence_start(text, first) and (score < 0.9 or _ADVERB.search(names[0])):
        return None  # "Unfortunately,", "Nationalists"
    return _Tagged(first, last, type_, score)


_ADVERB = re.compile(r"\w{4,}(ally|ately|ntly|ssly|ully|ively|ously)$")


def _sentence_start(text: _Text, k: int) -> bool:
    if k == 0:
        return True
    gap = text.text[text.words[k - 1][1]: text.words[k][0]]
    return bool(re.search(r"[.!?:\n»“”\"]", gap))


_PATRONYMIC = re.compile(r"(ovych|evych|ovich|evich|ovitsj|evitsj|owitsch|ewitsch|owicz|ewicz|ovna|evna|ivna|ович|евич|івна|овна)$")


def _prefer_tagger(spans: list[_Span], tagged: list[_Tagged], text: _Text) -> list[_Span]:
    """Drop gazetteer guesses the tagger contradicts: a loose or GeoNames match inside a longer tagged
    name ("Alexandra" in "Alexandra Bespalova"), or a loose match the tagger types differently."""
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
        if not contradicted:
            kept.append(span)
    return kept


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
            hits = [h for h in hits if not h.entity_id.startswith("gn:")]
        if not hits and tag.type == "PER" and len(words) > 2:
            # "Volodymyr Oleksandrovych Zelensky": the name without the patronymic.
            hits, exact = _lookup([words[0], words[-1]], lang, kb)
            hits = [h for h in hits if h.entity_id.startswith("per:")]
        start, end = text.words[tag.first][0], text.words[tag.last][1]
        type_ = tag.type
        if not hits and type_ != "LOC" and _looks_like_a_place(text, tag.first, tag.last):
            type_ = "LOC"
        elif not hits and type_ == "PER" and any(_ORG_NOUN.search(w.casefold()) for w in words):
            type_ = "ORG"  # "Health Ministry", "Siberian Battalion": no person is called that
        out.append(_Span(text.field, start, end, text.text[start:end], hits, exact, tag.first, tag.last,
                         type=type_))
        taken.update(range(tag.first, tag.last + 1))
    return out


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
                and text.joinable[j - 1] and len(names) < 3:
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


# -- resolving ---------------------------------------------------------------------------------


def _resolve(texts: list[_Text], kb: KnowledgeBase) -> None:
    """Pick one entity per span, using the places the article names unambiguously."""
    countries: set[str] = set()
    regions: set[str] = set()
    for text in texts:
        for span in text.spans:
            ids = {h.entity_id for h in span.hits}
            if len(ids) == 1:
                record = kb.record(next(iter(ids)))
                if record is not None and record.type == "LOC":
                    _note_place(record, kb, countries, regions)
    for text in texts:
        for span in text.spans:
            if span.hits:
                near_countries, near_regions = _places_next_to(text, span, kb)
                span.entity_id = _best(span, kb, countries, regions, near_countries, near_regions)
                span.entity_id = _region_if_meant(text, span, kb)
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


def _note_place(record: EntityRecord, kb: KnowledgeBase, countries: set[str], regions: set[str]) -> None:
    if record.country:
        countries.add(record.country)
    if record.precision == "region":
        regions.add(record.id)
    if record.within:
        regions.add(record.within)


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
        ids = {h.entity_id for h in other.hits}
        record = kb.record(next(iter(ids))) if len(ids) == 1 else None
        if record is not None and record.type == "LOC" and record.precision in ("country", "region"):
            _note_place(record, kb, countries, regions)
    return countries, regions


def _best(span: _Span, kb: KnowledgeBase, countries: set[str], regions: set[str],
          near_countries: set[str] = frozenset(), near_regions: set[str] = frozenset()) -> str:  # type: ignore[assignment]
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
            elif record.country in countries:
                value += 1.0
        return value

    ids = list(dict.fromkeys(h.entity_id for h in span.hits))
    return max(ids, key=lambda i: (score(Hit(i)), i))


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
        elif _REGION_WORDS.search(word):
            region_near = True
    inside = exact_key([w[2] for w in words[span.first_token: span.last_token + 1]])
    if _REGION_WORDS.search(inside):
        return region
    return region if region_near and not city_near else span.entity_id


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


def _output(texts: list[_Text], kb: KnowledgeBase) -> tuple[list[Mention], dict[str, Entity]]:
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
                    entities[entity_id] = Entity(entity_id, _clean_name(span.text), span.type, known=False)
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
