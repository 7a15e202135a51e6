#!/usr/bin/env python3
"""Eval gate: run the FORMAT.md commands on the dev set and fail below the pinned floors.

    scripts/eval_gate.py            # check against eval/floors.json
    scripts/eval_gate.py --raise    # after an improvement: raise floors to what is measured now

Floors only go up here. Lowering one is a hand edit of eval/floors.json whose
commit message states the reason.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
FLOORS = ROOT / "eval" / "floors.json"
SLACK = 0.005  # below a floor by less than this is rounding, not a regression


def measure() -> dict[str, float]:
    wirewatch = [sys.executable, "-m", "wirewatch"]
    with tempfile.TemporaryDirectory() as tmp:
        db, out = Path(tmp) / "dev.db", Path(tmp) / "dev-out.jsonl"
        subprocess.run([*wirewatch, "ingest", str(DEV / "corpus.jsonl"), "--db", str(db), "--quiet"], check=True)
        subprocess.run([*wirewatch, "export", "--db", str(db), "--format", "eval", "--output", str(out)], check=True)
        scored = subprocess.run(
            [sys.executable, str(SCORER), "--gold", str(DEV / "gold.jsonl"), "--pred", str(out), "--json"],
            check=True, capture_output=True, text=True,
        )
    return json.loads(scored.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raise", dest="raise_floors", action="store_true", help="raise floors to current figures")
    args = parser.parse_args()
    if not SCORER.exists():
        print(f"eval gate: {SCORER} not found; the shared eval set must sit beside the project", file=sys.stderr)
        return 2
    metrics = measure()
    floors: dict[str, float] = json.loads(FLOORS.read_text())
    failed = []
    for name, floor in floors.items():
        value = metrics.get(name, 0.0)
        status = "ok" if value + SLACK >= floor else "BELOW FLOOR"
        if status != "ok":
            failed.append(name)
        print(f"{name:24s} {value:.3f}  floor {floor:.3f}  {status}")
    if args.raise_floors:
        raised = {k: max(v, round(metrics.get(k, 0.0) - SLACK, 3)) for k, v in floors.items()}
        FLOORS.write_text(json.dumps(raised, indent=2) + "\n")
        print(f"floors written to {FLOORS}")
    if failed:
        print(f"eval gate failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("eval gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
