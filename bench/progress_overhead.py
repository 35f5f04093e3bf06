"""Benchmark: what the live progress of `eventwire run` costs (pipeline/progress.py, transforms/progress.py).

    .venv/bin/python bench/progress_overhead.py                    # N = 2,000 items, 3 runs of each variant
    .venv/bin/python bench/progress_overhead.py --size 5000 --repeats 2 --workers 2

It writes N news items as RSS files (the real corpus ../shared/corpus/rumca_rss_2023 when present,
else bench/run.py's generator), then runs, alternating, as separate processes:
- quiet: `eventwire run --quiet` (no progress, nothing spooled);
- lines: stderr on a pipe, `--progress_interval 1` (30 times the default's polling);
- terminal: stdout and stderr on a pseudo-terminal: the rich line, redrawn every 0.5 s.
It prints the median wall and CPU time (user + system of the whole process tree) of each and
their ratio to quiet, and the cost of one counter increment with and without a spool (in-process,
timeit). Timings on a shared machine are only comparable as ratios measured in the same run.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import pty
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _bench_run():
    """bench/run.py's corpus writer (a script, not a package)."""
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(cmd: list[str], terminal: bool) -> tuple[float, float]:
    """(wall s, CPU s of the process tree) of one run; a terminal run drains its pseudo-terminal."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cpu, started = _children_cpu(), time.perf_counter()
    if terminal:
        leader, follower = pty.openpty()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=follower, stderr=follower, cwd=ROOT, env=env)
        os.close(follower)

        def drain():
            try:
                while os.read(leader, 65536):
                    pass
            except OSError:
                pass

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        code = proc.wait()
        reader.join(timeout=5)
        os.close(leader)
    else:
        code = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT, env=env).returncode
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}")
    return time.perf_counter() - started, _children_cpu() - cpu


def increment_cost(number: int = 200_000) -> tuple[float, float]:
    """ns per counter increment: Beam's counter alone, and ours (Beam's + the spool) while spooling."""
    import apache_beam as beam

    from transforms import progress
    from transforms.counters import NAMESPACE, counter

    plain, ours = beam.metrics.Metrics.counter(NAMESPACE, "bench"), counter("bench")
    folder = tempfile.mkdtemp(prefix="eventwire-bench-spool-")
    progress.start(folder)
    try:
        beam_ns = min(timeit.repeat(plain.inc, number=number, repeat=5)) / number * 1e9
        ours_ns = min(timeit.repeat(ours.inc, number=number, repeat=5)) / number * 1e9
    finally:
        progress.stop()
        shutil.rmtree(folder, ignore_errors=True)
    return beam_ns, ours_ns


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, default=1, help="worker processes (multi_processing when > 1)")
    args = parser.parse_args(argv)

    bench = _bench_run()
    real = bench.CORPUS.exists()
    base = Path(tempfile.mkdtemp(prefix="eventwire-progress-bench-"))
    try:
        stats = bench.build_corpus(args.size, base, bench.corpus_items(bench.CORPUS) if real else bench.generated_items())
        print(bench.machine())
        print(f"corpus: {'rumca_rss_2023' if real else 'generated'}, {stats['items']:,} items, {args.workers} worker(s)")
        variants = {"quiet": (["--quiet"], False), "lines": (["--progress_interval", "1"], False),
                    "terminal": ([], True)}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        for repeat in range(args.repeats):
            for name, (flags, terminal) in variants.items():
                output = base / f"out-{name}-{repeat}"
                cmd = [sys.executable, "-m", "pipeline", "run", "--feeds", str(base / "feeds"), "--output", str(output),
                       "--run_date", "2023-12-31", *flags]
                if args.workers > 1:
                    cmd += [f"--direct_num_workers={args.workers}", "--direct_running_mode=multi_processing"]
                wall, cpu = run_once(cmd, terminal)
                times[name].append((wall, cpu))
                print(f"  run {repeat + 1} {name:9s} wall {wall:6.1f} s  cpu {cpu:6.1f} s", flush=True)
                shutil.rmtree(output, ignore_errors=True)
        quiet_wall = statistics.median(w for w, _ in times["quiet"])
        quiet_cpu = statistics.median(c for _, c in times["quiet"])
        print("\n| variant | median wall s | wall × quiet | median CPU s | CPU × quiet |\n|---|---:|---:|---:|---:|")
        for name in variants:
            wall = statistics.median(w for w, _ in times[name])
            cpu = statistics.median(c for _, c in times[name])
            print(f"| {name} | {wall:.1f} | {wall / quiet_wall:.3f} | {cpu:.1f} | {cpu / quiet_cpu:.3f} |")
        beam_ns, ours_ns = increment_cost()
        print(f"\none counter increment: Beam's alone {beam_ns:.0f} ns, with the progress spool {ours_ns:.0f} ns")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
