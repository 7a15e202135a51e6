from __future__ import annotations

import pytest

from wirewatch.model import Article, Event, Evidence, Origin, PartialDate, RawArticle, from_builtins, to_builtins


def test_model_partial_date_round_trips_at_each_precision():
    for text in ("2023", "2023-05", "2023-05-22"):
        assert PartialDate.parse(text).iso() == text
    assert PartialDate.parse("2023-05").precision == "month"


def test_model_partial_date_rejects_impossible_dates():
    with pytest.raises(ValueError):
        PartialDate(2023, 2, 30)
    with pytest.raises(ValueError):
        PartialDate.parse("22.05.2023")


def test_model_partial_date_orders_month_before_its_days():
    assert PartialDate(2023, 5) < PartialDate(2023, 5, 1) < PartialDate(2023, 6)


def test_model_article_survives_serialisation():
    raw = RawArticle(id="x", text="t", origin=Origin("f.jsonl", 3), extra={"k": [1, 2]})
    event = Event("incursion", PartialDate(2023, 5, 22), "loc", ("a", "b"), Evidence("body", 0, 5, "t"))
    article = Article(raw=raw, body="t", published=PartialDate(2023, 5), events=[event])
    data = to_builtins(article)
    assert data["published"] == "2023-05" and data["events"][0]["date"] == "2023-05-22"
    assert from_builtins(data, Article) == article
