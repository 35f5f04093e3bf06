"""The README's Python examples run as written, against a real dataset."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from runs_helpers import FEEDS, run_ok

README = Path(__file__).resolve().parents[1] / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory):
    """A folder holding ./output made by a real run over the sample feeds, as the README assumes."""
    folder = tmp_path_factory.mktemp("readme")
    run_ok("--feeds", FEEDS, "--output", folder / "output", "--run_id", "readme", "--run_date", "2026-11-20")
    return folder


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_every_python_block_of_the_readme_runs(dataset_dir, monkeypatch, index):
    monkeypatch.chdir(dataset_dir)
    exec(compile(python_blocks()[index], f"README.md python block {index + 1}", "exec"), {})


def test_the_narrowed_api_narrows(dataset_dir, monkeypatch):
    from pipeline import open_dataset, open_events

    monkeypatch.chdir(dataset_dir)
    everything = open_events("output").aggregate("count(*)").fetchall()[0][0]
    actors = [row[0] for row in open_events("output").aggregate("actor, count(*)").fetchall()]
    one = open_events("output", actors=[actors[0]]).aggregate("count(*)").fetchall()[0][0]
    assert 0 < one < everything
    assert open_dataset("output", actors=[actors[0]]).count_rows() == one


# Shell lines the suite does not run, and why: `make` targets are what CI itself runs; a model
# download needs the internet; `--model en_core_web_sm` needs that download.
NOT_RUN = ("make run", "make test", ".venv/bin/python -m spacy download", ".venv/bin/eventwire run --model en_core_web_sm")


def shell_lines() -> list[str]:
    lines = []
    for block in re.findall(r"```(?:sh|bash)\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            if line:
                lines.append(line)
    return lines


def test_every_shell_line_of_the_readme_runs(dataset_dir):
    import shlex
    import subprocess
    import sys

    from conftest import ROOT

    shared = ROOT.parent / "shared"
    ran = 0
    for line in shell_lines():
        if line.startswith(NOT_RUN):
            continue
        words = shlex.split(re.sub(r"\[[^\]]*\]", "", line))  # "[--limit 20]" marks an optional part
        assert words[0] in ("eventwire", ".venv/bin/eventwire"), f"README shell line not covered by a test: {line}"
        args = [str(ROOT / w) if w.startswith("tests/data/") else w for w in words[1:]]
        if any(a.endswith("_refs.jsonl") for a in args):
            if not shared.is_dir():
                continue  # reference gold files read the third-party corpus
            args += ["--corpus", str(shared)]
        done = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=dataset_dir, capture_output=True, text=True,
                              timeout=600, env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, f"{line}: {done.stderr[-1500:]}"
        ran += 1
    assert ran >= 8


def test_the_sample_rows_of_the_readme_are_what_the_sample_run_gives(dataset_dir):
    from pipeline.query import run_query

    shown = re.findall(r"^\| (\d{4}-\d\d-\d\d) \| (\w+) \| (\d+) \| [^|]+ \| (\w+) \| ([\d.]+) \| (.+?) \|$",
                       README.read_text(encoding="utf-8"), flags=re.M)
    assert len(shown) == 4
    rows = run_query(str(dataset_dir / "output"), "SELECT CAST(date AS VARCHAR), actor, event_code, target, "
                     "confidence, sentence FROM events ORDER BY confidence DESC, date, actor LIMIT 4")[1]
    assert [(d, a, c, t, f"{x:.2f}", s) for d, a, c, t, x, s in rows] == [tuple(r) for r in shown]
