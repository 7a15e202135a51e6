from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from story_fixtures import ALL, RAID, UNDATED, article, neutral_embed

from wirewatch.model import Article, PartialDate
from wirewatch.stages.stories import StoryIndex, StoryUpdate, update_stories


def ingest(articles: list[Article], batches: int = 1, index: StoryIndex | None = None) -> dict[str, str]:
    """Story of every article after ingesting `articles` in `batches` batches, persisting in between."""
    index = index or StoryIndex.empty()
    store = {a.id: a for a in articles}
    assignments: dict[str, str] = {}
    for k in range(batches):
        update = update_stories(
            index, articles[k::batches], lambda ids: [store[i] for i in ids], neutral_embed
        )
        assignments.update(update.assignments)
        index = StoryIndex.from_bytes(index.to_bytes())
    return assignments


def run(articles: list[Article]) -> StoryUpdate:
    store = {a.id: a for a in articles}
    return update_stories(StoryIndex.empty(), articles, lambda ids: [store[i] for i in ids], neutral_embed)


def test_stories_cross_lingual_reports_share_a_story():
    stories = ingest(ALL)
    assert len({stories[a.id] for a in RAID}) == 1


def test_stories_same_actors_in_another_month_stay_apart():
    stories = ingest(ALL)
    assert stories["march-en"] != stories["raid-en"]


def test_stories_same_town_hit_by_another_event_stays_apart():
    stories = ingest(ALL)
    assert stories["shelling-pl"] != stories["raid-en"]


def test_stories_undated_article_joins_on_content():
    stories = ingest(ALL)
    assert stories["raid-nb"] == stories["raid-en"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stories_ids_stable_under_shuffled_input(seed: int):
    reference = ingest(ALL)
    shuffled = ALL[:]
    random.Random(seed).shuffle(shuffled)
    assert ingest(shuffled, batches=3) == reference


def test_stories_incremental_ingest_gives_the_same_stories_as_one_batch():
    one_batch = ingest(ALL)
    one_by_one = ingest(ALL, batches=len(ALL))
    assert one_by_one == one_batch


def test_stories_rerun_of_known_articles_changes_nothing():
    index = StoryIndex.empty()
    store = {a.id: a for a in ALL}
    first = update_stories(index, ALL, lambda ids: [store[i] for i in ids], neutral_embed)
    again = update_stories(index, ALL, lambda ids: [store[i] for i in ids], neutral_embed)
    assert again.assignments == first.assignments
    assert again.stories == [] and again.log == []


def test_stories_bridging_article_merges_two_stories_and_logs_it():
    # Two reports of one raid that share too little to link, until a third names both places.
    first = article(
        "a-first",
        "en",
        "2023-05-22",
        "Fighting in Kozinka.",
        ["kozinka", "russia"],
        events=[("armed_clash", "2023-05-22", "kozinka", ())],
    )
    second = article(
        "b-second",
        "de",
        "2023-05-22",
        "Kämpfe in Graiworon.",
        ["grayvoron", "russia"],
        events=[("armed_clash", "2023-05-22", "grayvoron", ())],
    )
    bridge = article(
        "c-bridge",
        "en",
        "2023-05-23",
        "Fighting in Kozinka and Grayvoron.",
        ["kozinka", "grayvoron", "russia"],
        events=[("armed_clash", "2023-05-22", "kozinka", ()), ("armed_clash", "2023-05-22", "grayvoron", ())],
    )
    store = {a.id: a for a in (first, second, bridge)}
    index = StoryIndex.empty()
    before = update_stories(index, [first, second], lambda ids: [store[i] for i in ids], neutral_embed)
    assert len(set(before.assignments.values())) == 2
    after = update_stories(index, [bridge], lambda ids: [store[i] for i in ids], neutral_embed)
    survivor = before.assignments["a-first"]  # the story founded by the smallest article id keeps its id
    assert after.assignments == {"c-bridge": survivor, "b-second": survivor}
    merges = [e for e in after.log if e.action == "merge"]
    assert [(m.story, m.merged, m.article) for m in merges] == [
        (survivor, (before.assignments["b-second"],), "c-bridge")
    ]
    assert [s.id for s in after.stories] == [survivor]
    assert after.stories[0].article_ids == ["a-first", "b-second", "c-bridge"]


def test_stories_span_comes_from_dated_articles_for_the_undated():
    update = run(ALL)
    raid = next(s for s in update.stories if "raid-nb" in s.article_ids)
    assert (raid.start, raid.end) == (PartialDate(2023, 5, 22), PartialDate(2023, 5, 24))
    assert UNDATED.published is None  # inferred, never written back


def test_stories_id_names_the_place_and_month_of_the_founder():
    stories = ingest(ALL)
    assert stories["raid-en"].startswith("kozinka-2023-05-")


@settings(max_examples=25, deadline=None)
@given(order=st.permutations(ALL), batches=st.integers(min_value=1, max_value=4))
def test_stories_any_arrival_order_gives_the_same_stories(order: list[Article], batches: int):
    assert ingest(order, batches=batches) == ingest(ALL)


def test_stories_real_embeddings_keep_the_cross_lingual_story_apart_from_distractors():
    store = {a.id: a for a in ALL}
    update = update_stories(StoryIndex.empty(), ALL, lambda ids: [store[i] for i in ids])  # default embedder
    stories = update.assignments
    assert len({stories[a.id] for a in [*RAID, UNDATED]}) == 1
    assert stories["march-en"] != stories["raid-en"] != stories["shelling-pl"]


def test_stories_later_report_joins_through_the_events_it_dates():
    recap = article(
        "recap-fr",
        "fr",
        "2023-06-02",
        "Dix jours après le raid du 22 mai sur Kozinka, Denis Kapustin promet de revenir.",
        ["kozinka", "kapustin", "rvc", "belgorod-oblast"],
        events=[("incursion", "2023-05-22", "kozinka", ("rvc",))],
    )
    undated_events = article(
        "recap-sv",
        "sv",
        "2023-06-02",
        "Denis Kapustin lovar att återvända till Kozinka.",
        ["kozinka", "kapustin", "rvc", "belgorod-oblast"],
        events=[("threat", None, "kozinka", ("kapustin",))],
    )
    assert ingest([*RAID, recap])["recap-fr"] == ingest(RAID)["raid-en"]
    apart = ingest([*RAID, undated_events])
    assert apart["recap-sv"] != apart["raid-en"]  # ten days on, with nothing dated back to the raid
