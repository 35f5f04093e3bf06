"""The one pyarrow schema of the events dataset, and the row → table conversion.

Every file the writer produces uses this schema, so readers never have to infer
types: `event_code` stays the string "057" and `date` stays a date even where a
partition value would otherwise be guessed as a number.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyarrow as pa

from schemas.records import Event

SCHEMA_VERSION = 3  # 2: actor_via, language; 3: event_date, event_date_basis, incident_id

_STRING = pa.string()

EVENT_SCHEMA = pa.schema(
    [
        pa.field("event_id", _STRING, nullable=False),
        pa.field("date", pa.date32(), nullable=False),
        pa.field("actor", _STRING, nullable=False),
        pa.field("actor_name", _STRING),
        pa.field("actor_country", _STRING),
        pa.field("actor_type", _STRING),
        pa.field("action", _STRING),
        pa.field("event_code", _STRING, nullable=False),
        pa.field("event_root", _STRING),
        pa.field("event_name", _STRING),
        pa.field("quad_class", pa.int8()),
        pa.field("goldstein", pa.float32()),
        pa.field("target", _STRING),
        pa.field("target_name", _STRING),
        pa.field("target_country", _STRING),
        pa.field("target_type", _STRING),
        pa.field("object", _STRING),
        pa.field("speaker", _STRING),
        pa.field("sentence", _STRING),
        pa.field("char_start", pa.int32()),
        pa.field("char_end", pa.int32()),
        pa.field("confidence", pa.float32()),
        pa.field("article_id", _STRING, nullable=False),
        pa.field("url", _STRING),
        pa.field("title", _STRING),
        pa.field("feed_url", _STRING),
        pa.field("source", _STRING),
        pa.field("published", pa.timestamp("us", tz="UTC")),
        pa.field("date_basis", _STRING),
        pa.field("extractor_version", _STRING),
        pa.field("run_id", _STRING),
        pa.field("actor_via", _STRING),
        pa.field("language", _STRING),
        pa.field("event_date", pa.date32()),
        pa.field("event_date_basis", _STRING),
        pa.field("incident_id", _STRING),
    ],
    metadata={"eventwire.schema_version": str(SCHEMA_VERSION)},
)

# Partition columns live in the directory names; the files hold the rest, so a
# reader that ignores partitioning still gets every other column.
PARTITION_COLUMNS = ("date", "actor")
FILE_SCHEMA = pa.schema(
    [f for f in EVENT_SCHEMA if f.name not in PARTITION_COLUMNS],
    metadata=EVENT_SCHEMA.metadata,
)


def events_to_table(events: Iterable[Event], schema: pa.Schema = FILE_SCHEMA) -> pa.Table:
    """Build a table with exactly `schema`'s columns from Event records."""
    rows = list(events)
    columns = {
        name: [getattr(row, name) for row in rows] for name in schema.names
    }
    return pa.Table.from_pydict(columns, schema=schema)


# ROOT/_state/articles.parquet: one row per processed article (transforms/store/article_state.py).
ARTICLE_STATE_SCHEMA = pa.schema(
    [
        pa.field("article_id", pa.string(), nullable=False),
        pa.field("content_hash", pa.string()),
        pa.field("partitions", pa.list_(pa.string())),
        pa.field("run_id", pa.string()),
        pa.field("feed_url", pa.string()),  # whose copy was kept (transforms/articles/urls.py copy_rank)
    ]
)
