from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

SHARED_SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wirewatch", *args], capture_output=True, text=True, timeout=300)


def test_cli_ingest_export_stats_end_to_end(inputs: Path, tmp_path: Path):
    db = tmp_path / "news.db"
    first = _run("ingest", str(inputs / "wire.jsonl"), str(inputs / "feed.rss"), str(inputs / "pages"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "new 8" in first.stderr and "rejected 5" in first.stderr
    assert "wire.jsonl:3: not valid JSON" in first.stderr

    again = _run("ingest", str(inputs / "wire.jsonl"), "--db", str(db))
    assert "new 0, already stored 3" in again.stderr

    out = tmp_path / "out.jsonl"
    exported = _run("export", "--db", str(db), "--format", "eval", "--output", str(out))
    assert exported.returncode == 0, exported.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert {r["id"] for r in records} >= {"da-1", "de-1", "en-1", "wire-1001", "wire-1002"}
    assert all({"lang", "published", "body", "entities", "events", "figures", "story"} <= r.keys() for r in records)

    listed = _run("stories", "--db", str(db))
    counts = re.findall(r"^\S+  (\d+) articles?  ", listed.stdout, re.MULTILINE)
    assert counts and sum(map(int, counts)) == 8

    stats = _run("stats", "--db", str(db), "--json")
    figures = json.loads(stats.stdout)
    assert figures["articles"] == 8 and figures["rejects"] == 5
    assert sum(figures["by_source"].values()) == 8


def test_cli_bad_options_and_bad_store_fail_clearly(tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 200)
    result = _run("stats", "--db", str(junk))
    assert result.returncode == 2 and "not a wirewatch store" in result.stderr
    result = _run("export", "--db", str(tmp_path / "new.db"), "--format", "xml")
    assert result.returncode == 2 and "unknown format" in result.stderr


def test_cli_kb_added_entity_is_linked_in_later_ingests(tmp_path: Path):
    kb = tmp_path / "mine.kb"
    added = _run("kb", "add-entity", "Zarechnoye Checkpoint", "--type", "LOC", "--alias", "ru:КПП Заречное",
                 "--alias", "de:Kontrollpunkt Saretschnoje", "--lat", "50.61", "--lon", "36.02", "--file", str(kb))
    assert added.returncode == 0, added.stderr
    bad = _run("kb", "add-entity", "X", "--type", "PLACE", "--file", str(kb))
    assert bad.returncode == 1 and "type must be one of" in bad.stderr

    corpus = tmp_path / "in.jsonl"
    text = ("Am Montag wurde der Kontrollpunkt Saretschnoje erneut beschossen, teilten die Behörden mit. "
            "Verletzt wurde dabei niemand, die Grenzposten wurden jedoch beschädigt.")
    corpus.write_text(json.dumps({"id": "de-kb", "text": text}) + "\n")
    db, out = tmp_path / "s.db", tmp_path / "out.jsonl"
    env = {**os.environ, "WIREWATCH_KNOWLEDGE": str(kb)}
    subprocess.run([sys.executable, "-m", "wirewatch", "ingest", str(corpus), "--db", str(db)], env=env, check=True,
                   capture_output=True, timeout=300)
    _run("export", "--db", str(db), "--format", "eval", "--output", str(out))
    entities = json.loads(out.read_text())["entities"]
    assert {"name": "Zarechnoye Checkpoint", "type": "LOC", "lat": 50.61, "lon": 36.02} in entities
