"""Points in the writer where a test can step in: the crash tests stop a run there and kill it.

Production passes nothing and gets `NO_HOOKS`, whose `reached` does nothing; a test passes
a subclass (tests/paused_run.py). The hook object travels with the pipeline's DoFns, so
it must pickle.
"""
from __future__ import annotations

POINTS = (
    "extract",    # WriteEvents received its first event (nothing staged yet)
    "stage",      # a partition's file has been staged
    "precommit",  # everything is staged; the manifest is not written yet
    "commit",     # the manifest is written; the roll forward is half done
    "report",     # the run has committed and finished; its run report is not written yet
)


class WriterHooks:
    def reached(self, point: str) -> None:
        """Called when the writer reaches `point` (one of POINTS)."""


NO_HOOKS = WriterHooks()
