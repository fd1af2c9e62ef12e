"""Lemma accuracy and throughput of the project's German pipelines on council-motion sentences.

Runs the real pipeline (``pipeline.preprocess.nlp.make_nlp``) with each lemmatizer over the
sentences in ``bench/data/lemma_sentences.txt`` and compares, word by word, with the hand-made
gold lemmas in ``bench/data/lemma_gold.tsv`` (form, lemma, class; one block per sentence).
Gold words are matched to pipeline tokens by character offset; a gold word the tokenizer split
or merged differently counts as an error ("tokenization") for every lemmatizer.

Throughput: tokens per second of the whole pipeline (tokenizer, sentence segmenter, lemmatizer)
over the sentences repeated ``--repeat`` times, and over the demo corpus motions when present;
a row without lemmatizer shows what the lemmatizer itself costs.

    .venv/bin/python bench/lemma_accuracy.py
    .venv/bin/python bench/lemma_accuracy.py --json
    .venv/bin/python bench/lemma_accuracy.py --errors 40

The "lookup" lemmatizer needs the optional package spacy-lookups-data (not a project dependency);
without it that row reports the error.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data"
SENTENCES = DATA / "lemma_sentences.txt"
GOLD = DATA / "lemma_gold.tsv"
DEMO_PAPERS = ROOT / "corpus" / "demo" / "papers.json"
LEMMATIZERS = ("simplemma", "lookup")


@dataclass
class GoldWord:
    form: str
    lemma: str
    cls: str
    start: int = -1


@dataclass
class Result:
    name: str
    error: str | None = None
    n: int = 0
    correct: int = 0
    correct_ci: int = 0
    tokenization: int = 0
    by_class: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    mistakes: list[tuple[str, str, str, str]] = field(default_factory=list)
    load_s: float = 0.0
    speed: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "lemmatizer": self.name,
            "error": self.error,
            "words": self.n,
            "accuracy": round(self.correct / self.n, 4) if self.n else None,
            "accuracy_case_insensitive": round(self.correct_ci / self.n, 4) if self.n else None,
            "tokenization_mismatches": self.tokenization,
            "by_class": {
                c: {"words": t, "accuracy": round(ok / t, 4)}
                for c, (ok, t) in sorted(self.by_class.items())
            },
            "load_seconds": round(self.load_s, 3),
            "tokens_per_second": {k: round(v) for k, v in self.speed.items()},
            "mistakes": [
                {"form": f, "gold": g, "predicted": p, "class": c} for f, g, p, c in self.mistakes
            ],
        }


def read_gold(
    sentences_path: Path = SENTENCES, gold_path: Path = GOLD
) -> list[tuple[str, list[GoldWord]]]:
    """Sentences with their gold words, each word located in its sentence."""
    sentences = [s for s in sentences_path.read_text(encoding="utf-8").splitlines() if s.strip()]
    blocks: list[list[GoldWord]] = [[]]
    for raw in gold_path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or raw == "form\tlemma\tclass":
            continue
        if not raw.strip():
            if blocks[-1]:
                blocks.append([])
            continue
        form, lemma, cls = raw.split("\t")
        blocks[-1].append(GoldWord(form, lemma, cls))
    if not blocks[-1]:
        blocks.pop()
    if len(blocks) != len(sentences):
        raise SystemExit(f"{gold_path}: {len(blocks)} blocks for {len(sentences)} sentences")
    for i, (text, words) in enumerate(zip(sentences, blocks, strict=True), start=1):
        cursor = 0
        for w in words:
            w.start = text.find(w.form, cursor)
            if w.start < 0:
                raise SystemExit(f"sentence {i}: gold word {w.form!r} not found in order")
            cursor = w.start + len(w.form)
    return list(zip(sentences, blocks, strict=True))


def build(name: str):  # noqa: ANN201 (spaCy Language)
    from pipeline.preprocess.nlp import make_nlp

    return make_nlp(name)


def score(nlp, gold: list[tuple[str, list[GoldWord]]], res: Result) -> None:  # noqa: ANN001
    for doc, (_, words) in zip(nlp.pipe([s for s, _ in gold]), gold, strict=True):
        at = {t.idx: t for t in doc}
        for w in words:
            res.n += 1
            tok = at.get(w.start)
            counts = res.by_class[w.cls]
            counts[1] += 1
            if tok is None or tok.text != w.form:
                res.tokenization += 1
                got = tok.text if tok is not None else "<none>"
                res.mistakes.append((w.form, w.lemma, f"[token {got!r}]", w.cls))
                continue
            pred = tok.lemma_
            if pred == w.lemma:
                res.correct += 1
                counts[0] += 1
            else:
                res.mistakes.append((w.form, w.lemma, pred, w.cls))
            if pred.lower() == w.lemma.lower():
                res.correct_ci += 1


def throughput(nlp, texts: list[str], passes: int = 5) -> float:  # noqa: ANN001
    """Tokens per second of ``nlp.pipe`` over ``texts``: the median of ``passes`` whole passes.

    The median of several passes, not one long run, so that a busy machine (other processes, a
    garbage collection) moves the figure less.
    """
    for _ in nlp.pipe(texts[:20]):  # warm up
        pass
    rates = []
    for _ in range(passes):
        t0 = time.perf_counter()
        tokens = 0
        for doc in nlp.pipe(texts, batch_size=256):
            tokens += sum(1 for t in doc if not t.is_space)
        rates.append(tokens / (time.perf_counter() - t0))
    return statistics.median(rates)


def demo_texts() -> list[str]:
    if not DEMO_PAPERS.exists():
        return []
    papers = json.loads(DEMO_PAPERS.read_text(encoding="utf-8"))
    out = []
    for p in papers:
        files = ([p["mainFile"]] if "mainFile" in p else []) + p.get("auxiliaryFile", [])
        out.extend(f["text"] for f in files[:1])
    return out


def run(names: list[str], repeat: int, with_speed: bool) -> list[Result]:
    gold = read_gold()
    sentences = [s for s, _ in gold]
    demo = demo_texts()
    results = []
    for name in names:
        res = Result(name)
        t0 = time.perf_counter()
        try:
            nlp = build(name)
            nlp("Warmlaufen.")
        except Exception as exc:  # noqa: BLE001 (report any load failure as a row)
            res.error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
            if "spacy-lookups-data" in str(exc):
                res.error = "needs spacy-lookups-data (pip install spacy-lookups-data)"
            results.append(res)
            continue
        res.load_s = time.perf_counter() - t0
        score(nlp, gold, res)
        if with_speed:
            res.speed["sentences"] = throughput(build(name), sentences * repeat)
            if demo:
                res.speed["demo_corpus"] = throughput(build(name), demo * max(1, repeat // 10))
        results.append(res)
    if with_speed:
        # The same pipeline without its lemmatizer: what tokenizing and segmenting cost alone.
        base = Result("(no lemmatizer)")
        nlp = build("simplemma")
        with nlp.select_pipes(disable=["simplemma_lemmatizer"]):
            base.speed["sentences"] = throughput(nlp, sentences * repeat)
            if demo:
                base.speed["demo_corpus"] = throughput(nlp, demo * max(1, repeat // 10))
        results.append(base)
    return results


def table(results: list[Result]) -> str:
    scored = [r for r in results if r.n]
    classes = sorted({c for r in scored for c in r.by_class})
    lines = []
    head = f"{'lemmatizer':<16}{'words':>6}{'acc':>8}{'acc(ci)':>9}{'tok.err':>8}"
    lines.append(head)
    for r in results:
        if r.error:
            lines.append(f"{r.name:<16}  unavailable: {r.error}")
        elif r.n:
            lines.append(
                f"{r.name:<16}{r.n:>6}{r.correct / r.n:>8.1%}{r.correct_ci / r.n:>9.1%}{r.tokenization:>8}"
            )
    if scored:
        lines.append("")
        lines.append(f"{'class':<8}{'words':>6}" + "".join(f"{r.name:>12}" for r in scored))
        for c in classes:
            total = scored[0].by_class[c][1]
            row = f"{c:<8}{total:>6}"
            for r in scored:
                ok, t = r.by_class[c]
                row += f"{ok / t:>12.1%}"
            lines.append(row)
    speed_rows = [r for r in results if r.speed]
    if speed_rows:
        lines.append("")
        keys = sorted({k for r in speed_rows for k in r.speed})
        lines.append(f"{'pipeline':<16}" + "".join(f"{k + ' tok/s':>20}" for k in keys))
        for r in speed_rows:
            lines.append(
                f"{r.name:<16}" + "".join(f"{r.speed.get(k, float('nan')):>20,.0f}" for k in keys)
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lemmatizer", action="append", choices=LEMMATIZERS, help="default: all")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument(
        "--repeat", type=int, default=200, help="repetitions of the sentences for speed"
    )
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    ap.add_argument("--errors", type=int, default=0, help="list up to N mistakes per lemmatizer")
    args = ap.parse_args(argv)
    results = run(args.lemmatizer or list(LEMMATIZERS), args.repeat, not args.no_speed)
    if args.json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
        return 0
    n_sent = len(read_gold())
    print(f"{n_sent} sentences, {results[0].n or '?'} gold words ({GOLD.relative_to(ROOT)})\n")
    print(table(results))
    if args.errors:
        for r in results:
            if r.mistakes:
                print(f"\n{r.name}: {len(r.mistakes)} mistakes (form -> gold / predicted [class])")
                for form, gold, pred, cls in r.mistakes[: args.errors]:
                    print(f"  {form:<22} {gold:<20} {pred:<22} {cls}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
