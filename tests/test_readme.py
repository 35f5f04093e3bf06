"""The README's Python examples run as written, against a real dataset."""
from __future__ import annotations

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
