"""What a plain reader of a bucket sees: the listing and pyarrow's own hive dataset, no manifests."""
from __future__ import annotations

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
