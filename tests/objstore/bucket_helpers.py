"""What a plain reader of a bucket sees: the listing and pyarrow's own hive dataset, no manifests."""
from __future__ import annotations

from runs_helpers import run_ok

from transforms.store.storage import open_store


def part_files(url: str) -> list[str]:
    """What a plain Hive reader of the bucket lists: every `date=*/actor=*/*.parquet` object."""
    return sorted(rel for rel in open_store(url).list("") if rel.startswith("date=") and rel.endswith(".parquet"))


def plain_events(url: str) -> tuple[int, list[str]]:
    """The bucket read by pyarrow's own hive dataset over a bare listing (no manifests)."""
    import pyarrow.dataset as ds

    from transforms.store.storage import arrow_source

    base, filesystem = arrow_source(open_store(url).root)
    table = ds.dataset(base, filesystem=filesystem, format="parquet", partitioning="hive").to_table(columns=["event_id"])
    ids = table.column("event_id").to_pylist()
    return len(ids), sorted(ids)


_BASE: dict = {}


def copy_base(scheme_url: str, feed_urls) -> tuple[str, list[str]]:
    """A committed one-feed dataset, run once per scheme and copied object by object to a fresh prefix."""
    scheme = scheme_url.split("://", 1)[0]
    if scheme not in _BASE:
        base = scheme_url + "-base"
        run_ok("--feeds", feed_urls[0], "--output", base, "--run_id", "base")
        _BASE[scheme] = base
    source, target = open_store(_BASE[scheme]), open_store(scheme_url)
    for rel in source.list(""):
        if rel != "_lock":
            target.write_bytes(rel, source.read_bytes(rel))
    return scheme_url, part_files(scheme_url)
