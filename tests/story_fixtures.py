"""Hand-built articles about one raid and its near misses, for the story tests.

Entities are given as the entity stage resolves them (canonical ids, the same in
every language), so the tests do not depend on the knowledge base or NER model.
"""

from __future__ import annotations

import hashlib

import numpy as np

from wirewatch.embeddings import DIM
from wirewatch.model import (
    Article,
    Entity,
    Event,
    Evidence,
    Figure,
    Origin,
    PartialDate,
    RawArticle,
)

# Canonical entities, as the entity stage resolves them in any language.
ENTITIES = {
    "kozinka": Entity("kozinka", "Kozinka", "LOC", precision="settlement"),
    "grayvoron": Entity("grayvoron", "Grayvoron", "LOC", precision="settlement"),
    "sushany": Entity("sushany", "Sushany", "LOC", precision="settlement"),
    "belgorod-oblast": Entity("belgorod-oblast", "Belgorod Oblast", "LOC", precision="region"),
    "bryansk-oblast": Entity("bryansk-oblast", "Bryansk Oblast", "LOC", precision="region"),
    "russia": Entity("russia", "Russia", "LOC", precision="country"),
    "ukraine": Entity("ukraine", "Ukraine", "LOC", precision="country"),
    "rvc": Entity("rvc", "Russian Volunteer Corps", "ORG"),
    "kapustin": Entity("kapustin", "Denis Kapustin", "PER"),
    "gladkov": Entity("gladkov", "Vyacheslav Gladkov", "PER"),
    "kharkiv": Entity("kharkiv", "Kharkiv", "LOC", precision="settlement"),
    "kharkiv-oblast": Entity("kharkiv-oblast", "Kharkiv Oblast", "LOC", precision="region"),
    "syniehubov": Entity("syniehubov", "Oleh Syniehubov", "PER"),
    "ryzhivka": Entity("ryzhivka", "Ryzhivka", "LOC", precision="settlement"),
    "sumy-oblast": Entity("sumy-oblast", "Sumy Oblast", "LOC", precision="region"),
    "demchenko": Entity("demchenko", "Andriy Demchenko", "PER"),
    "kupiansk": Entity("kupiansk", "Kupiansk", "LOC", lat=49.71, lon=37.61, precision="settlement"),
    "kupiansk-raion": Entity(
        "kupiansk-raion", "Kupiansk Raion", "LOC", lat=49.65, lon=37.75, precision="district"
    ),
    "vovchansk": Entity("vovchansk", "Vovchansk", "LOC", lat=50.29, lon=36.94, precision="settlement"),
}
NOWHERE = Evidence("body", 0, 0, "")


def article(
    id: str,
    lang: str,
    published: str | None,
    body: str,
    entities: list[str],
    events: list[tuple[str, str | None, str | None, tuple[str, ...]]] = (),  # type: ignore[assignment]
    figures: list[tuple[str, int, str | None, bool]] = (),  # type: ignore[assignment]
    headline: str | None = None,
) -> Article:
    return Article(
        RawArticle(id, body, Origin("test")),
        headline=headline,
        body=body,
        lang=lang,
        published=PartialDate.parse(published) if published else None,
        entities={e: ENTITIES[e] for e in entities},
        events=[
            Event(t, PartialDate.parse(d) if d else None, loc, actors, NOWHERE)
            for t, d, loc, actors in events
        ],
        figures=[Figure(kind, value, who, NOWHERE, lower_bound=low) for kind, value, who, low in figures],
    )


def neutral_embed(texts: list[str]) -> np.ndarray:
    """Vectors with the cosine unrelated same-topic texts get from e5 (~0.82): no semantic evidence either way."""
    common = np.zeros(DIM, dtype=np.float32)
    common[0] = 1.0
    out = []
    for text in texts:
        seed = int(hashlib.sha1(text.encode()).hexdigest()[:8], 16)
        noise = np.random.default_rng(seed).standard_normal(DIM).astype(np.float32)
        noise[0] = 0.0
        noise /= np.linalg.norm(noise)
        out.append(np.sqrt(0.82) * common + np.sqrt(0.18) * noise)
    return np.stack(out)


RAID = [
    article(
        "raid-en",
        "en",
        "2023-05-22",
        "Russian volunteers fighting for Ukraine said they crossed into Belgorod Oblast and took Kozinka.",
        ["kozinka", "belgorod-oblast", "rvc", "russia", "ukraine"],
        events=[("incursion", "2023-05-22", "kozinka", ("rvc",))],
        headline="Volunteers claim to take Russian border village",
    ),
    article(
        "raid-de",
        "de",
        "2023-05-23",
        "Das Russische Freiwilligenkorps meldet, es habe Kosinka im Gebiet Belgorod eingenommen.",
        ["kozinka", "belgorod-oblast", "rvc", "kapustin", "russia"],
        events=[
            ("incursion", "2023-05-23", "kozinka", ("rvc",)),
            ("armed_clash", "2023-05-23", "grayvoron", ()),
        ],
        figures=[("killed", 70, "russia", True)],
        headline="Freiwilligenkorps dringt nach Russland vor",
    ),
    article(
        "raid-ru",
        "ru",
        "2023-05-24",
        "Денис Капустин заявил, что в ходе рейда в Козинке двое бойцов погибли и десять ранены.",
        ["kozinka", "kapustin", "rvc", "belgorod-oblast"],
        events=[("incursion", "2023-05-22", "kozinka", ("rvc",))],
        figures=[("killed", 2, "kapustin", False), ("wounded", 10, "kapustin", False)],
    ),
    article(
        "raid-da",
        "da",
        "2023-05",
        "Lederen af Ruslands Frivillige Korps, Denis Kapustin, siger at gruppen var i Kozinka.",
        ["kozinka", "kapustin", "rvc", "belgorod-oblast", "russia"],
        events=[("incursion", "2023-05", "kozinka", ("rvc",))],
    ),
]
# The same actors raiding the same village, two months earlier.
EARLIER_RAID = article(
    "march-en",
    "en",
    "2023-03-02",
    "Denis Kapustin's Russian Volunteer Corps said it raided Kozinka in Belgorod Oblast.",
    ["kozinka", "belgorod-oblast", "rvc", "kapustin", "russia", "ukraine"],
    events=[("incursion", "2023-03-02", "kozinka", ("rvc",))],
    figures=[("killed", 2, "russia", False)],
    headline="Volunteer corps claims raid on Kozinka",
)
# The same village hit by something else, months later.
SHELLING = article(
    "shelling-pl",
    "pl",
    "2023-12-30",
    "Gubernator Wiaczesław Gładkow oskarżył Ukrainę o ostrzał Kozinki w obwodzie biełgorodzkim.",
    ["kozinka", "belgorod-oblast", "gladkov", "russia", "ukraine"],
    events=[
        ("remote_attack", "2023-12-30", "kozinka", ("ukraine",)),
        ("accusation", "2023-12-30", "kozinka", ("gladkov",)),
    ],
    figures=[("killed", 1, "gladkov", False)],
)
UNDATED = article(
    "raid-nb",
    "nb",
    None,
    "Denis Kapustin og Det russiske frivilligkorpset sier de holdt Kozinka og kjempet ved Grajvoron.",
    ["kozinka", "grayvoron", "kapustin", "rvc", "belgorod-oblast"],
    events=[("incursion", None, "kozinka", ("rvc",)), ("armed_clash", None, "grayvoron", ())],
)
ALL = [*RAID, EARLIER_RAID, SHELLING, UNDATED]
