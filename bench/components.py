"""What each spaCy component costs, in the stock model and in the model eventwire loads.

    .venv/bin/python bench/components.py [--texts N] [--rounds R]

Reads N news texts (titles and descriptions of the rumca 2023 corpus next to the
repository, else the bench's generated items), and in one process, for R rounds, runs the
stock model (`spacy.load`) and eventwire's (`transforms.extract.model.load_model`: the
indexed attribute ruler) component by component over the same texts, timing each
component's CPU. Prints the medians and, for each component, eventwire / stock; then
checks that the two models give every token the same tag, POS, morphology, lemma,
dependency, head, entity and sentence start (the speed-up must not change a parse).
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import CORPUS, corpus_items, generated_items  # noqa: E402
from pipeline.options import DEFAULT_MODEL  # noqa: E402
from transforms.articles.html_text import html_to_text  # noqa: E402


def news_texts(n: int) -> list[str]:
    source = corpus_items(CORPUS) if CORPUS.exists() else generated_items()
    texts = []
    for item in source:
        texts.extend(t for t in (html_to_text(item.get("title") or ""), html_to_text(item.get("description") or "")) if t)
        if len(texts) >= n:
            return texts[:n]
    return texts


def component_times(nlp, texts: list[str]) -> dict[str, float]:
    docs = [nlp.make_doc(text) for text in texts]
    times = {}
    for name, component in nlp.pipeline:
        start = time.process_time()
        docs = list(component.pipe(docs, batch_size=64)) if hasattr(component, "pipe") else [component(d) for d in docs]
        times[name] = time.process_time() - start
    return times


def annotations(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_, t.is_sent_start)
            for t in doc]


def main() -> None:
    import spacy

    from transforms.extract.model import VERB_LEMMAS, load_model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    texts = news_texts(args.texts)
    models = {"stock": spacy.load(args.model), "eventwire": load_model(args.model)}
    for nlp in models.values():  # warm both (first-call costs, the lemmatizer's cache)
        list(nlp.pipe(texts[:200]))
    rounds = {name: [] for name in models}
    for _ in range(args.rounds):
        for name, nlp in models.items():
            rounds[name].append(component_times(nlp, texts))
    words = sum(len(models["stock"].make_doc(text)) for text in texts)
    print(f"{len(texts)} texts, {words} tokens; median CPU seconds of {args.rounds} rounds")
    print(f"{'component':22s} {'stock':>8s} {'eventwire':>10s} {'ratio':>7s}")
    totals = {}
    for component in models["eventwire"].pipe_names:
        medians = {name: statistics.median(r.get(component, 0.0) for r in rounds[name]) for name in models}
        for name, value in medians.items():
            totals[name] = totals.get(name, 0.0) + value
        ratio = medians["eventwire"] / medians["stock"] if medians["stock"] else float("nan")
        print(f"{component:22s} {medians['stock']:8.2f} {medians['eventwire']:10.2f} {ratio:7.3f}")
    print(f"{'all':22s} {totals['stock']:8.2f} {totals['eventwire']:10.2f} {totals['eventwire'] / totals['stock']:7.3f}")
    # the same annotations, but for the verb lemmas eventwire repairs on purpose (model.VERB_LEMMAS)
    models["eventwire"].disable_pipe(VERB_LEMMAS)
    pairs = zip(models["stock"].pipe(texts), models["eventwire"].pipe(texts))
    tokens = different = 0
    for stock_doc, our_doc in pairs:
        for ours, theirs in itertools.zip_longest(annotations(our_doc), annotations(stock_doc)):
            tokens += 1
            different += ours != theirs
    print(f"tokens compared: {tokens}, different: {different}")
    if different:
        sys.exit(1)


if __name__ == "__main__":
    main()
