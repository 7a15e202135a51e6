from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wirewatch.pipeline import ANALYSIS_VERSION, ingest
from wirewatch.store import open_store


def test_pipeline_ingests_every_input_kind_and_records_rejects(inputs: Path, tmp_path: Path, analyzer):
    store = open_store(tmp_path / "s.db")
    summary = ingest([inputs], store, analyzer=analyzer)
    assert summary.new == 8  # 3 jsonl + 2 feed items + 3 files
    stats = store.stats()
    assert stats.articles == 8 and stats.analysed == 8
    assert stats.rejects == len(summary.rejected) == 6
    reasons = {str(r.origin).rsplit("/", 1)[-1]: r.reason for r in store.rejects()}
    assert reasons["wire.jsonl:3"].startswith("not valid JSON")
    assert "binary" in reasons["not-text.txt"]
    assert "not a readable RSS/Atom feed" in reasons["broken.rss"]
    assert all(a.story for a in store.articles())


def test_pipeline_reingest_adds_nothing(inputs: Path, tmp_path: Path, analyzer):
    store = open_store(tmp_path / "s.db")
    ingest([inputs], store, analyzer=analyzer)
    before = (store.stats(), [a.story for a in store.articles()])
    again = ingest([inputs], store, analyzer=analyzer)
    assert again.new == 0 and again.known == 8 and again.analysed == 0
    assert (store.stats(), [a.story for a in store.articles()]) == before


def test_pipeline_links_reprints_to_their_original(tmp_path: Path, analyzer):
    body = (
        "Russian shelling hit a market in Kherson on Sunday morning, killing two people and wounding seven, "
        "the regional governor said. Emergency services were at the scene within minutes and several "
        "stalls burned down. It was the second attack on the market this month, officials said."
    )
    corpus = tmp_path / "wire.jsonl"
    rows = [
        {"id": "orig", "text": body, "source": "Wire"},
        {"id": "reprint", "text": "Advertisement\n\n" + body + "\n\nRead more: other news", "source": "Paper"},
        {"id": "same", "text": body, "source": "Other paper"},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    store = open_store(tmp_path / "s.db")
    summary = ingest([corpus], store, analyzer=analyzer)
    assert summary.copies == 1 and summary.near_duplicates == 1
    assert {a.id: a.duplicate_of for a in store.articles()} == {"orig": None, "reprint": "orig", "same": "orig"}


def _write_corpus(path: Path, count: int) -> None:
    places = ["Kherson", "Sumy", "Kharkiv", "Belgorod", "Odesa", "Zaporizhzhia", "Dnipro", "Kursk"]
    with path.open("w") as f:
        for n in range(count):
            place = places[n % len(places)]
            text = (
                f"Officials in {place} reported {n % 17 + 2} people wounded after an attack on district {n}. "
                f"Repair work on street {n * 7 % 101} continued on Monday, the city administration said."
            )
            f.write(json.dumps({"id": f"gen-{n:05d}", "text": text}) + "\n")
    with path.open("a") as f:
        f.write("{broken json\n")


def _analysed(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles WHERE analysis_version IS NOT NULL").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT])
def test_pipeline_interrupted_ingest_resumes_without_loss_or_duplicates(tmp_path: Path, analyzer, how):
    corpus, db = tmp_path / "big.jsonl", tmp_path / "s.db"
    total = 600
    _write_corpus(corpus, total)
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirewatch", "ingest", str(corpus), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 120
    while _analysed(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(how)
    proc.wait(timeout=60)
    analysed_at_kill = _analysed(db)
    assert 0 < analysed_at_kill < total, "the kill should land in the middle of the analysis"

    store = open_store(db)
    summary = ingest([corpus], store, analyzer=analyzer)
    assert summary.new == 0 and summary.known == total
    assert summary.analysed == total - analysed_at_kill
    stats = store.stats()
    assert stats.articles == total and stats.analysed == total
    assert stats.rejects == 1
    assert store.pending_ids(ANALYSIS_VERSION) == []
    assert all(a.story for a in store.articles())


def test_pipeline_falls_back_to_one_process_when_workers_cannot_start(tmp_path: Path):
    # A script read from stdin cannot be re-imported by spawned workers: the pool breaks at once.
    corpus, db = tmp_path / "small.jsonl", tmp_path / "s.db"
    _write_corpus(corpus, 30)
    script = (
        "import wirewatch\n"
        "from wirewatch import pipeline\n"
        "pipeline.PARALLEL_MIN = 1\n"
        f"summary = wirewatch.ingest([{str(corpus)!r}], wirewatch.open_store({str(db)!r}))\n"
        "print('analysed', summary.analysed)\n"
    )
    result = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "analysed 30" in result.stdout


def test_pipeline_workers_exit_when_the_ingest_is_killed(tmp_path: Path):
    corpus, db = tmp_path / "big.jsonl", tmp_path / "s.db"
    _write_corpus(corpus, 600)
    proc = subprocess.Popen(
        [sys.executable, "-m", "wirewatch", "ingest", str(corpus), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _analysed(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    children = _children(proc.pid)
    assert children, "a batch this size is analysed in worker processes"
    proc.kill()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()]


def _children(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid) and "python" in fields.get("Name", ""):
            found.append(int(status.parent.name))
    return found
