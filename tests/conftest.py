"""Shared fixtures: the real spaCy model (loaded once per session) and sample events."""
from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def tool_module(name: str):
    """tools/<name>.py loaded as a module (the tools are scripts, not a package), so that tests can
    call their helpers."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def nlp():
    from pipeline.options import DEFAULT_MODEL
    from transforms.extract.stage import load_model

    return load_model(DEFAULT_MODEL)


def make_event(**overrides):
    from schemas.records import Event

    values = dict(
        event_id="e" * 32, date=dt.date(2026, 11, 20), actor="RUS", actor_name="Russia",
        actor_country="RUS", actor_type="GOV", action="accuse", event_code="112", event_root="11",
        event_name="Accuse", quad_class=3, goldstein=-2.0, target="UKR", target_name="Ukraine",
        target_country="UKR", target_type=None, object=None, speaker=None,
        sentence="Russia accused Ukraine.", char_start=0, char_end=23, confidence=0.9,
        article_id="a" * 32, url="https://news.example.org/a", title="t", feed_url="f.xml",
        source="news.example.org", published=dt.datetime(2026, 11, 20, 8, tzinfo=dt.timezone.utc),
        date_basis="published", extractor_version="test", run_id="r1",
    )
    values.update(overrides)
    return Event(**values)


# Committed datasets shared by the run tests (tests/runs_helpers.py; built once per session,
# copied by a test before it changes anything).
@pytest.fixture(scope="session")
def reference(tmp_path_factory):
    """A clean run over both sample feeds: (folder, its events)."""
    from runs_helpers import clean_reference

    return clean_reference(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def base(tmp_path_factory):
    """A committed dataset from one of the two sample feeds: (folder, its events, its live files)."""
    from runs_helpers import one_feed_base

    return one_feed_base(tmp_path_factory.getbasetemp())
