from __future__ import annotations

from pathlib import Path

from wirewatch.model import RawArticle, Reject
from wirewatch.readers import MAX_ARTICLE_BYTES, read_inputs


def _split(items):
    articles = [i for i in items if isinstance(i, RawArticle)]
    rejects = [i for i in items if isinstance(i, Reject)]
    return articles, rejects


def test_readers_jsonl_keeps_good_lines_around_bad_ones(inputs: Path):
    articles, rejects = _split(list(read_inputs([inputs / "wire.jsonl"])))
    assert [a.id for a in articles] == ["da-1", "de-1", "en-1"]
    reasons = {r.origin.line: r.reason for r in rejects}
    assert reasons[3].startswith("not valid JSON")
    assert reasons[4] == "empty article text"
    assert "expected a JSON object" in reasons[5]
    assert "missing 'text'" in reasons[6]
    assert str(rejects[0].origin) == f"{inputs / 'wire.jsonl'}:3"


def test_readers_jsonl_keeps_extra_fields_and_metadata(inputs: Path):
    articles, _ = _split(list(read_inputs([inputs / "wire.jsonl"])))
    first = articles[0]
    assert first.url == "https://example.dk/udland/drone-sumy"
    assert first.source == "Eksempel Avis"
    assert first.extra == {"section": "udland"}
    assert first.origin.line == 1


def test_readers_folder_reads_text_html_and_rejects_binary(inputs: Path):
    articles, rejects = _split(list(read_inputs([inputs / "pages"])))
    formats = {Path(a.origin.path).name: a.format for a in articles}
    assert formats == {"latin1.txt": "text", "nb-article.txt": "text", "sv-article.html": "html"}
    assert [Path(r.origin.path).name for r in rejects] == ["not-text.txt"]
    assert "binary" in rejects[0].reason


def test_readers_decodes_legacy_encodings(inputs: Path):
    articles, _ = _split(list(read_inputs([inputs / "pages" / "latin1.txt"])))
    assert articles[0].text.startswith("Café au lait")


def test_readers_file_ids_are_content_hashes(inputs: Path, tmp_path: Path):
    (tmp_path / "a.txt").write_text((inputs / "pages" / "nb-article.txt").read_text())
    ours = _split(list(read_inputs([tmp_path / "a.txt"])))[0][0]
    theirs = _split(list(read_inputs([inputs / "pages" / "nb-article.txt"])))[0][0]
    assert ours.id == theirs.id and ours.id.startswith("sha-")


def test_readers_feed_items_become_articles_with_link_and_date(inputs: Path):
    articles, rejects = _split(list(read_inputs([inputs / "feed.rss"])))
    assert not rejects
    assert [(a.id, a.url, a.date_hint, a.title_hint) for a in articles] == [
        ("wire-1001", "https://wire.example/2024/06/02/kherson-market", "2024-06-02", "Shelling hits Kherson market"),
        ("wire-1002", "https://wire.example/2024/06/01/vovchansk", "2024-06-01", "Evacuations continue in Vovchansk"),
    ]
    assert all(a.format == "html" and a.source == "Example Wire" for a in articles)


def test_readers_broken_feed_is_rejected_with_reason(inputs: Path):
    _, rejects = _split(list(read_inputs([inputs / "broken.rss"])))
    assert len(rejects) == 1 and "not a readable RSS/Atom feed" in rejects[0].reason


def test_readers_huge_file_is_rejected_without_reading_it(tmp_path: Path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(MAX_ARTICLE_BYTES + 1)
    _, rejects = _split(list(read_inputs([big])))
    assert "too large" in rejects[0].reason


def test_readers_missing_path_is_a_reject(tmp_path: Path):
    _, rejects = _split(list(read_inputs([tmp_path / "nope.jsonl"])))
    assert rejects[0].reason == "no such file or folder"


def test_readers_undecodable_jsonl_line_is_rejected_alone(tmp_path: Path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "a", "text": "fine text"}\n\x00\x01\x02 binary junk\n{"id": "b", "text": "also fine"}\n')
    articles, rejects = _split(list(read_inputs([path])))
    assert [a.id for a in articles] == ["a", "b"]
    assert rejects[0].origin.line == 2
