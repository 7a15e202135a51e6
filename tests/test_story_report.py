from __future__ import annotations

from story_fixtures import NOWHERE, RAID, article

from wirewatch.model import Article, Figure, PartialDate
from wirewatch.story_report import build_story


def test_story_report_merge_one_incursion_reported_by_several_outlets():
    story = build_story("s", RAID)
    incursions = [e for e in story.events if e.type == "incursion" and e.location == "kozinka"]
    assert len(incursions) == 1
    assert {aid for aid, _ in incursions[0].sources} == {"raid-en", "raid-de", "raid-ru", "raid-da"}
    # Two outlets say the 22nd, one the 23rd: the majority wins and the disagreement is kept.
    assert incursions[0].date == PartialDate(2023, 5, 22)
    assert incursions[0].dates_reported == ("2023-05-22", "2023-05-23")


def test_story_report_claims_by_kind_with_contradiction_between_claimants():
    story = build_story("s", RAID)
    killed = [c for c in story.claims if c.kind == "killed"]
    assert {(c.value, c.claimed_by, c.article_id) for c in killed} == {
        (70, "russia", "raid-de"),
        (2, "kapustin", "raid-ru"),
    }
    assert [c.kind for c in story.claims] == sorted(
        (c.kind for c in story.claims), key=["killed", "wounded"].index
    )
    flagged = [x for x in story.contradictions if x.kind == "killed"]
    assert len(flagged) == 1
    assert {story.claims[i].claimed_by for i in flagged[0].claims} == {"russia", "kapustin"}
    assert "Denis Kapustin: 2 killed" in flagged[0].note and "Russia: more than 70 killed" in flagged[0].note
    assert not [x for x in story.contradictions if x.kind == "wounded"]  # one claimant only


def test_story_report_lower_bound_and_equal_figures_do_not_contradict():
    a = article(
        "x1",
        "en",
        "2023-05-22",
        "More than 70 killed, Russia says.",
        ["russia"],
        figures=[("killed", 70, "russia", True)],
    )
    b = article(
        "x2",
        "de",
        "2023-05-22",
        "80 Tote, sagt die Ukraine.",
        ["ukraine"],
        figures=[("killed", 80, "ukraine", False)],
    )
    c = article("x3", "fr", "2023-05-22", "80 morts.", [], figures=[("killed", 80, None, False)])
    assert build_story("s", [a, b, c]).contradictions == []


def test_story_report_denial_stands_against_the_accusation():
    accuse = article(
        "acc",
        "en",
        "2023-05-22",
        "Moscow blamed Kyiv for the raid.",
        ["russia", "belgorod-oblast"],
        events=[("accusation", "2023-05-22", "belgorod-oblast", ("russia",))],
    )
    deny = article(
        "den",
        "uk",
        "2023-05-22",
        "Київ заперечує причетність і пропонує переговори.",
        ["ukraine", "belgorod-oblast"],
        events=[
            ("denial", "2023-05-22", "belgorod-oblast", ("ukraine",)),
            ("offer", "2023-05-22", "belgorod-oblast", ("ukraine",)),
        ],
    )
    story = build_story("s", [accuse, deny])
    denials = [x for x in story.contradictions if x.kind == "denial"]
    assert len(denials) == 1
    assert {story.events[i].type for i in denials[0].claims} == {
        "denial",
        "accusation",
    }  # an offer asserts nothing


def test_story_report_headline_in_english_where_the_story_has_english():
    story = build_story("s", RAID)
    assert story.headline == "Volunteers claim to take Russian border village"
    assert story.languages[0] in {"en", "de", "ru", "da"} and set(story.languages) == {"en", "de", "ru", "da"}
    assert story.summary.startswith("Russian volunteers")


def test_story_report_headline_falls_back_to_the_majority_language():
    german = [a for a in RAID if a.lang != "en"] + [
        article(
            "raid-de2",
            "de",
            "2023-05-23",
            "Kapustin spricht von zwei Toten in Kosinka.",
            ["kozinka", "kapustin"],
            headline="Kapustin: zwei Tote",
        )
    ]
    assert build_story("s", german).headline in {
        "Freiwilligenkorps dringt nach Russland vor",
        "Kapustin: zwei Tote",
    }


def test_story_report_claim_points_to_the_merged_event_its_figure_belongs_to():
    raid = RAID[1]
    figure = raid.figures[0]
    tied = Article(
        **{
            **raid.__dict__,
            "figures": [
                Figure(
                    figure.kind, figure.value, figure.claimed_by, NOWHERE, figure.lower_bound, event_index=1
                )
            ],
        }
    )
    story = build_story("s", [RAID[0], tied])
    (claim,) = story.claims
    assert claim.event is not None
    assert (story.events[claim.event].type, story.events[claim.event].location) == (
        "armed_clash",
        "grayvoron",
    )


def test_story_report_reprint_is_listed_but_not_counted_as_another_report():
    original = next(a for a in RAID if a.figures and a.events)
    reprint = Article(
        raw=original.raw.__class__(id="reprint", text=original.raw.text, origin=original.raw.origin),
        headline=original.headline, body=original.body, lang=original.lang, published=original.published,
        duplicate_of=original.id, entities=original.entities, mentions=original.mentions,
        events=original.events, figures=original.figures,
    )
    alone = build_story("s", [original])
    with_copy = build_story("s", [original, reprint])
    assert "reprint" in with_copy.article_ids
    assert with_copy.claims == alone.claims
    assert all("reprint" not in {aid for aid, _ in e.sources} for e in with_copy.events)
