"""An Airflow DAG running eventwire every hour (Airflow 2.4+ or 3).

Copy this file into the DAGs folder and set EVENTWIRE_BIN, EVENTWIRE_FEEDS and
EVENTWIRE_OUTPUT in the scheduler's environment (or edit the defaults below). The task
is a plain command: eventwire's lock stops overlapping runs (exit 2, "already running"),
its incremental state skips unchanged articles, and a killed attempt is recovered by the
next one. Each attempt gets its own run id (a run id is never reused).

The module imports without Airflow installed: `COMMAND` is the command the task runs.
"""
from __future__ import annotations

import datetime as dt
import os
import shlex

EVENTWIRE = os.environ.get("EVENTWIRE_BIN", "/opt/eventwire/.venv/bin/eventwire")
FEEDS = os.environ.get("EVENTWIRE_FEEDS", "/etc/eventwire/feeds.txt")
OUTPUT = os.environ.get("EVENTWIRE_OUTPUT", "/var/lib/eventwire/events")
RUN_ID = "airflow-{{ ts_nodash }}-{{ ti.try_number }}"


def eventwire_command(run_id: str = RUN_ID, feeds: str = FEEDS, output: str = OUTPUT, binary: str = EVENTWIRE) -> str:
    return shlex.join([binary, "run", "--feeds", feeds, "--output", output, "--run_id", run_id])


COMMAND = eventwire_command()

try:  # Airflow 3 moved the operator; Airflow 2.4+ has it here
    from airflow import DAG
    try:
        from airflow.providers.standard.operators.bash import BashOperator
    except ImportError:
        from airflow.operators.bash import BashOperator
except ImportError:  # not installed: the module still exposes COMMAND
    DAG = None

if DAG is not None:
    with DAG(
        dag_id="eventwire",
        schedule="@hourly",
        start_date=dt.datetime(2026, 1, 1),
        catchup=False,
        max_active_runs=1,
        default_args={"retries": 2, "retry_delay": dt.timedelta(minutes=5)},
        tags=["eventwire"],
    ) as dag:
        BashOperator(task_id="eventwire_run", bash_command=COMMAND, execution_timeout=dt.timedelta(hours=2))
