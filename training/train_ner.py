"""Rebuild the shipped name-tagger models from ../shared/data/ner and measure them.

    cd /work/main && PYTHONPATH=src .venv/bin/python training/train_ner.py [--data ../shared/data/ner]

Two CRF models are trained in parallel, one per script (Latin, Cyrillic), on a
balanced sample of every language's training split; each language's held-out
split is then tagged and scored (entity level, exact span and type). The models
go to src/wirewatch/ner/models/, the scores to training/metrics.json, from which
MODEL_CARD.md's table is written by hand.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import time
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from wirewatch.ner.features import UNKNOWN_LANGUAGE, FeatureExtractor
from wirewatch.ner.tagging import (
    FUNCTION_WORDS_FILE,
    LANGUAGES_FILE,
    MODEL_DIR,
    SCRIPT_MODELS,
    ScriptTaggers,
    read_function_words,
    spans_from_labels,
)

Sentence = tuple[list[str], list[str]]  # words, IOB2 labels


@dataclass(frozen=True)
class Split:
    lang: str
    path: str  # relative to the data folder
    share: float = 1.0  # > 0: the first share of the file; < 0: the last -share (a held-out tail)
    open_licence: bool = False  # CC0, CC BY or MIT, as stated in the data's SOURCE.md


# Training material per script model. Licences: see MODEL_CARD.md.
TRAIN: dict[str, list[Split]] = {
    "latin": [
        Split("da", "da/ddt-plank2019/train.conll"),
        Split("da", "da/ddt-plank2019/dev.conll"),
        Split("nb", "nb/norne/train.conll", open_licence=True),
        Split("nn", "nn/norne/train.conll", open_licence=True),
        Split("sv", "sv/swedish-ner-corpus/train.conll", open_licence=True),
        Split("de", "de/germeval2014/test.conll"),
        Split("de", "de/europeana-newspapers/all.conll", open_licence=True),
        Split("nl", "nl/conll2002/train.conll"),
        Split("fr", "fr/europeana-newspapers/all.conll", share=0.9, open_licence=True),
        Split("pl", "pl/wikiann/train.conll"),
        Split("pl", "pl/bsnlp2019/dev.conll"),
    ],
    "cyrillic": [
        Split("ru", "ru/nerel-1.1/train.conll"),
        Split("ru", "ru/factrueval2016/train.conll", open_licence=True),
        Split("ru", "ru/bsnlp2019/dev.conll"),
        Split("uk", "uk/ner-uk-2.0/train.conll"),
    ],
}
# Held-out evaluation sets, named "<lang>/<dataset>".
TEST: dict[str, list[Split]] = {
    "latin": [
        Split("da", "da/ddt-plank2019/test.conll"),
        Split("nb", "nb/norne/test.conll"),
        Split("nn", "nn/norne/test.conll"),
        Split("sv", "sv/swedish-ner-corpus/test.conll"),
        Split("de", "de/germeval2014/dev.conll"),
        Split("nl", "nl/conll2002/test.conll"),
        Split("fr", "fr/europeana-newspapers/all.conll", share=-0.1),
        Split("pl", "pl/bsnlp2019/test.conll"),
        Split("pl", "pl/wikiann/test.conll"),
    ],
    "cyrillic": [
        Split("ru", "ru/factrueval2016/test.conll"),
        Split("ru", "ru/nerel-1.1/test.conll"),
        Split("ru", "ru/bsnlp2019/test.conll"),
        Split("uk", "uk/ner-uk-2.0/test.conll"),
    ],
}
TOKENS_PER_LANGUAGE = 250_000  # cap, so that the big corpora do not drown the small ones
UNKNOWN_LANGUAGE_SHARE = 0.1
FUNCTION_WORDS_PER_LANGUAGE = 150
# English has no training data: its closed-class words (and the capitalised non-names
# that English writes: weekdays, months, nationality adjectives) share the "fw" feature
# that the model learns from the other languages' function words.
ENGLISH_FUNCTION_WORDS = """
a about above according across after against ago all along also although among an and another any are
around as at be because been before behind being below between both but by can could did do does during
each earlier either every few for from had has have he her here hers him his how however i if in inside
into is it its last later least less many may meanwhile might more most much must near neither next no nor
not now of off on once only onto or other our out outside over own per said says several she should since
so some still such than that the their them then there these they this those though through to told
toward towards under unless until up upon us very was we were what when where whether which while who
whom whose why will with within without would yesterday today tonight yet you your
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december
russian ukrainian american british german french polish chinese belarusian chechen georgian iranian
israeli european western soviet swedish danish norwegian finnish dutch turkish syrian korean
""".split()
CRF_PARAMS = {"c1": 0.15, "c2": 0.01, "max_iterations": 200, "feature.minfreq": 2}


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    words: list[str] = []
    labels: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append((words, labels))
                words, labels = [], []
            continue
        word, _, label = line.partition("\t")
        words.append(word)
        labels.append(label.strip() or "O")
    if words:
        sentences.append((words, labels))
    return sentences


def read_split(data: Path, split: Split) -> list[Sentence]:
    sentences = read_conll(data / split.path)
    cut = int(len(sentences) * abs(split.share))
    if split.share == 1.0:
        return sentences
    return sentences[:cut] if split.share > 0 else sentences[len(sentences) - cut :]


def training_sample(
    data: Path, splits: list[Split], rng: random.Random, tokens_per_language: int
) -> list[tuple[str, Sentence]]:
    by_language: dict[str, list[Sentence]] = {}
    for split in splits:
        by_language.setdefault(split.lang, []).extend(read_split(data, split))
    sample: list[tuple[str, Sentence]] = []
    for lang, sentences in by_language.items():
        rng.shuffle(sentences)
        tokens = 0
        for sentence in sentences:
            if tokens >= tokens_per_language:
                break
            tokens += len(sentence[0])
            tagged_as = UNKNOWN_LANGUAGE if rng.random() < UNKNOWN_LANGUAGE_SHARE else lang
            sample.append((tagged_as, sentence))
    rng.shuffle(sample)
    return sample


def training_splits(script: str, open_only: bool) -> list[Split]:
    return [split for split in TRAIN[script] if split.open_licence or not open_only]


def function_words(data: Path, splits: list[Split]) -> set[str]:
    """Each language's most frequent words that are mostly lowercase and never names."""
    words: set[str] = set()
    by_language: dict[str, list[Sentence]] = {}
    for split in splits:
        by_language.setdefault(split.lang, []).extend(read_split(data, split))
    for sentences in by_language.values():
        count: dict[str, int] = {}
        lowercase: dict[str, int] = {}
        in_name: dict[str, int] = {}
        for sentence_words, labels in sentences:
            for word, label in zip(sentence_words, labels):
                lower = word.lower()
                count[lower] = count.get(lower, 0) + 1
                lowercase[lower] = lowercase.get(lower, 0) + (word == lower)
                in_name[lower] = in_name.get(lower, 0) + (label != "O")
        candidates = [
            word
            for word, n in count.items()
            if word.isalpha() and n >= 20 and lowercase[word] >= 0.6 * n and in_name[word] <= 0.02 * n
        ]
        candidates.sort(key=lambda word: -count[word])
        words.update(candidates[:FUNCTION_WORDS_PER_LANGUAGE])
    return words


def train_script_model(
    script: str,
    data: Path,
    out: Path,
    options: argparse.Namespace,
    closed_class: frozenset[str],
) -> dict[str, float]:
    rng = random.Random(13)
    started = time.perf_counter()
    splits = training_splits(script, options.open_licences_only)
    sample = training_sample(data, splits, rng, options.tokens_per_language)
    extractor = FeatureExtractor(closed_class)
    trainer = pycrfsuite.Trainer(verbose=False)
    for lang, (words, labels) in sample:
        trainer.append(extractor.sequence(words, lang), labels)
    params = dict(CRF_PARAMS)
    if options.iterations:
        params["max_iterations"] = options.iterations
    trainer.set_params(params)
    trainer.train(str(out))
    return {
        "sentences": len(sample),
        "tokens": sum(len(s[0]) for _, s in sample),
        "seconds": round(time.perf_counter() - started, 1),
        "model_bytes": out.stat().st_size,
    }


def score(gold: list[set[tuple[int, int, str]]], predicted: list[set[tuple[int, int, str]]]) -> dict:
    result: dict[str, dict[str, float]] = {}
    for kind in ("PER", "ORG", "LOC", "ALL"):
        tp = fp = fn = 0
        for g, p in zip(gold, predicted):
            g = {s for s in g if kind in ("ALL", s[2])}
            p = {s for s in p if kind in ("ALL", s[2])}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[kind] = {"p": round(precision, 4), "r": round(recall, 4), "f1": round(f1, 4), "n": tp + fn}
    return result


def evaluate(script: str, data: Path, model_dir: Path) -> dict[str, dict]:
    """Entity-level scores per held-out set, through the same code path as `NameTagger`."""
    taggers = ScriptTaggers(model_dir)
    results: dict[str, dict] = {}
    for split in TEST[script]:
        sentences = read_split(data, split)
        gold = [set(spans_from_labels(labels)) for _, labels in sentences]
        name = f"{split.lang}/{split.path.split('/')[1]}"
        for lang in (split.lang, UNKNOWN_LANGUAGE):
            predicted = [
                {(span.start, span.end, span.type) for span in taggers.label(words, script, lang)}
                for words, _ in sentences
            ]
            if lang == split.lang:
                results[name] = score(gold, predicted)
            else:
                results[name]["ALL_lang_unknown"] = score(gold, predicted)["ALL"]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument("--metrics", type=Path, default=Path("training/metrics.json"))
    parser.add_argument("--iterations", type=int, default=None, help="override max L-BFGS iterations")
    parser.add_argument("--evaluate-only", action="store_true", help="score the models already in --out")
    parser.add_argument("--tokens-per-language", type=int, default=TOKENS_PER_LANGUAGE)
    parser.add_argument(
        "--open-licences-only",
        action="store_true",
        help="train only on CC0 / CC BY / MIT data (see MODEL_CARD.md)",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    previous: dict = {}
    if args.evaluate_only:
        with multiprocessing.Pool(len(TRAIN)) as pool:
            tests = pool.starmap(evaluate, [(script, args.data, args.out) for script in TRAIN])
        previous = json.loads(args.metrics.read_text(encoding="utf-8")) if args.metrics.exists() else {}
        training = [previous.get(script, {}).get("training", {}) for script in TRAIN]
    else:
        open_only = args.open_licences_only
        every_split = [split for script in TRAIN for split in training_splits(script, open_only)]
        closed_class = function_words(args.data, every_split) | set(ENGLISH_FUNCTION_WORDS)
        (args.out / FUNCTION_WORDS_FILE).write_text("\n".join(sorted(closed_class)) + "\n", encoding="utf-8")
        languages = {
            script: sorted({split.lang for split in training_splits(script, open_only)}) for script in TRAIN
        }
        (args.out / LANGUAGES_FILE).write_text(json.dumps(languages) + "\n", encoding="utf-8")
        jobs = [
            (script, args.data, args.out / SCRIPT_MODELS[script], args, read_function_words(args.out))
            for script in TRAIN
        ]
        with multiprocessing.Pool(len(TRAIN)) as pool:
            training = pool.starmap(train_script_model, jobs)
            tests = pool.starmap(evaluate, [(script, args.data, args.out) for script in TRAIN])
    results: dict = {script: {"training": t, "test": r} for script, t, r in zip(TRAIN, training, tests)}
    results["wall_seconds"] = previous.get("wall_seconds", round(time.perf_counter() - started, 1))
    results["params"] = previous.get("params") or {
        **CRF_PARAMS,
        "tokens_per_language": args.tokens_per_language,
        "open_licences_only": args.open_licences_only,
    }
    args.metrics.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    for script in TRAIN:
        for name, result in results[script]["test"].items():
            by_type = "  ".join(f"{k} {result[k]['f1']:.3f}" for k in ("PER", "ORG", "LOC"))
            print(f"{name:28s} F1 {result['ALL']['f1']:.3f}  {by_type}")
    print(f"wall {results['wall_seconds']} s")


if __name__ == "__main__":
    main()
