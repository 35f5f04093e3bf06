"""The scheduling examples: the commands they run are real eventwire commands that work.

Paths of the examples (/opt/eventwire, /etc/eventwire/feeds.txt, /var/lib/eventwire/events)
are replaced by this checkout, the sample feeds and a temporary folder.
"""
from __future__ import annotations

import configparser
import importlib.util
import shlex

import pytest
from conftest import ROOT
from runs_helpers import FEEDS, eventwire

EXAMPLES = ROOT / "examples"


def _localize(argv: list[str], output) -> list[str]:
    mapping = {"/etc/eventwire/feeds.txt": str(FEEDS), "/var/lib/eventwire/events": str(output)}
    assert argv[0] == "/opt/eventwire/.venv/bin/eventwire"
    return [mapping.get(arg, arg) for arg in argv[1:]]


def _cron_lines() -> list[tuple[list[str], list[str]]]:
    lines = [l for l in (EXAMPLES / "cron.txt").read_text().splitlines() if l.strip() and not l.startswith("#")]
    out = []
    for line in lines:
        fields = line.split(None, 5)
        command = shlex.split(fields[5].split(">>")[0])
        out.append((fields[:5], command))
    return out


def _load_dag():
    spec = importlib.util.spec_from_file_location("eventwire_dag", EXAMPLES / "airflow" / "eventwire_dag.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_systemd_units_are_complete_and_run_eventwire(tmp_path):
    service = configparser.ConfigParser(strict=False, interpolation=None)
    service.read(EXAMPLES / "systemd" / "eventwire.service")
    assert service["Service"]["Type"] == "oneshot"
    timer = configparser.ConfigParser(strict=False, interpolation=None)
    timer.read(EXAMPLES / "systemd" / "eventwire.timer")
    assert timer["Timer"]["Unit"] == "eventwire.service" and timer["Timer"]["Persistent"] == "true"
    assert timer["Install"]["WantedBy"] == "timers.target"
    argv = _localize(shlex.split(service["Service"]["ExecStart"]), tmp_path / "events")
    from pipeline.options import EventwireOptions, validate

    view = validate(EventwireOptions(argv[1:])).view_as(EventwireOptions)
    assert argv[0] == "run" and view.feeds == [str(FEEDS)] and view.output == str(tmp_path / "events")


def test_airflow_dag_imports_without_airflow_and_exposes_its_command():
    if importlib.util.find_spec("airflow") is not None:
        pytest.skip("Airflow is installed here")
    module = _load_dag()
    assert module.DAG is None
    argv = shlex.split(module.COMMAND)
    assert argv[1:3] == ["run", "--feeds"] and "--output" in argv
    assert argv[argv.index("--run_id") + 1] == "airflow-{{ ts_nodash }}-{{ ti.try_number }}"


def test_cron_then_airflow_runs_share_the_lock_and_the_state(tmp_path):
    output = tmp_path / "events"
    (schedule, run_cmd), (_, compact_cmd) = _cron_lines()
    assert schedule == ["17", "*", "*", "*", "*"] and run_cmd[1] == "run"
    first = eventwire(*_localize(run_cmd, output))
    assert first.returncode == 0, first.stderr
    # The Airflow task's command, rendered as Airflow would, on the same dataset: incremental.
    rendered = _load_dag().eventwire_command(run_id="airflow-20261128T020000-1")
    second = eventwire(*_localize(shlex.split(rendered), output))
    assert second.returncode == 0, second.stderr
    assert "articles unchanged:   19" in second.stdout and "events written:       0" in second.stdout
    done = eventwire(*_localize(compact_cmd, output))
    assert done.returncode == 0 and "eventwire compact" in done.stdout, done.stderr
