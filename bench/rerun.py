"""How much a no-change re-run costs, and how many files a partition collects.

    .venv/bin/python bench/rerun.py [--items 400] [--runs 5] [--workdir DIR]

1. Generates a feed folder of N fictional items (several paragraphs each) in 4 feeds.
2. Times `eventwire run` over it into a fresh dataset (first run), then again with
   nothing changed (the no-change re-run), both as the whole command a scheduler runs
   (process start, imports, model, pipeline, commit). Prints the ratio (target <= 10%).
3. Files per partition: a fresh dataset fed by `--runs` runs in which the feeds grow
   (run k sees the first k fifths of the items, as a feed does day after day), then
   `eventwire compact`. Prints the mean and maximum files per partition after each.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]

ACTORS = [
    ("Russia", "Moscow"), ("Ukraine", "Kyiv"), ("China", "Beijing"), ("Japan", "Tokyo"), ("India", "New Delhi"),
    ("France", "Paris"), ("Germany", "Berlin"), ("Iran", "Tehran"), ("Turkey", "Ankara"), ("Brazil", "Brasilia"),
    ("the European Union", "Brussels"), ("NATO", "Brussels"), ("the United Nations", "New York"),
]
SENTENCES = [
    "{a} accused {b} of violating the ceasefire near the border.",
    "{a} signed an agreement with {b} on energy cooperation.",
    "{a} imposed new sanctions on {b} over the missile tests.",
    "{a} praised {b} for its role in the humanitarian talks.",
    "{a} criticized {b} for the arrest of two journalists.",
    "{a} called on {b} to release the detained sailors.",
    "{a} met {b} in {c} to discuss trade and security.",
    "{a} threatened {b} with retaliation if the strikes continue.",
    "{a} expelled diplomats from {b} after the spying allegations.",
    "{a} offered aid to {b} after the floods.",
]
FILLER = (
    "Officials said the talks would continue next week. Analysts expect the dispute to weigh on markets, "
    "and several governments urged restraint. The statement followed months of negotiations."
)


def make_feeds(folder: Path, items: int, seed: int = 7, only: int | None = None) -> None:
    """`items` items over 4 RSS feeds; with `only`, just the first `only` of them."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    entries = collections.defaultdict(list)
    for i in range(items):
        a, b = rng.sample(ACTORS, 2)
        paragraphs = []
        for _ in range(6):
            sentence = rng.choice(SENTENCES).format(a=a[0], b=b[0], c=a[1])
            paragraphs.append(sentence[0].upper() + sentence[1:] + " " + FILLER)
        day = 1 + i % 28
        if only is None or i < only:
            entries[i % 4].append(
                f"<item><title>{escape(a[0].capitalize())} and {escape(b[0])}: report {i}</title>"
                f"<link>https://bench.example.org/{i}</link><guid>bench-{i}</guid>"
                f"<pubDate>{day:02d} Oct 2026 {i % 24:02d}:00:00 GMT</pubDate>"
                f"<description>{escape(' '.join(paragraphs))}</description></item>"
            )
    for feed in range(4):
        body = "".join(entries[feed])
        (folder / f"bench-{feed}.rss").write_text(
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench {feed}</title>'
            f"<link>https://bench.example.org/</link><description>bench</description>{body}</channel></rss>",
            encoding="utf-8",
        )


def eventwire(*args) -> tuple[float, str]:
    started = time.monotonic()
    done = subprocess.run([str(ROOT / ".venv" / "bin" / "eventwire"), *map(str, args)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"eventwire {' '.join(map(str, args))} failed:\n{done.stderr[-2000:]}")
    return time.monotonic() - started, done.stdout


def files_per_partition(output: Path) -> tuple[float, int, int]:
    counts = collections.Counter(p.parent for p in output.glob("date=*/actor=*/*.parquet"))
    return sum(counts.values()) / max(1, len(counts)), max(counts.values(), default=0), len(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=400)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="eventwire-bench-"))
    feeds, output = work / "feeds", work / "out"
    make_feeds(feeds, args.items)

    first, stdout = eventwire("run", "--feeds", feeds, "--output", output, "--run_id", "first")
    events = next(line.split()[-1] for line in stdout.splitlines() if "events written" in line)
    rerun, stdout = eventwire("run", "--feeds", feeds, "--output", output, "--run_id", "rerun")
    skipped = next(line.split()[-1] for line in stdout.splitlines() if "articles unchanged" in line)
    inner = {r: json.loads((output / "_reports" / f"{r}.json").read_text())["wall_seconds"] for r in ("first", "rerun")}
    print(f"items: {args.items}, events: {events}, work dir: {work}")
    print(f"first run:           {first:6.1f} s  (pipeline wall time {inner['first']:.1f} s)")
    print(f"no-change re-run:    {rerun:6.1f} s  (pipeline wall time {inner['rerun']:.1f} s; {skipped} articles skipped)")
    print(f"re-run / first run:  {rerun / first:6.1%}  (pipeline wall times: {inner['rerun'] / inner['first']:.1%})")

    grow_feeds, grow = work / "grow-feeds", work / "grow"
    for k in range(1, args.runs + 1):
        make_feeds(grow_feeds, args.items, only=args.items * k // args.runs)
        eventwire("run", "--feeds", grow_feeds, "--output", grow, "--run_id", f"grow{k}")
    mean, most, partitions = files_per_partition(grow)
    print(f"after {args.runs} growing runs:  {partitions} partitions, files per partition mean {mean:.2f}, max {most}")
    eventwire("compact", "--output", grow)
    mean, most, partitions = files_per_partition(grow)
    print(f"after compact:         {partitions} partitions, files per partition mean {mean:.2f}, max {most}")
    for k in range(args.runs):
        eventwire("run", "--feeds", feeds, "--output", output, "--run_id", f"same{k}")
    mean, most, partitions = files_per_partition(output)
    print(f"after {args.runs + 2} runs of the same feeds: files per partition mean {mean:.2f}, max {most}")


if __name__ == "__main__":
    main()
