"""Gold items stored as references into the third-party corpus (../shared/corpus).

The real-text gold set (tests/data/gold_real_refs.jsonl) holds no third-party text:
each line names a corpus file, a locator inside it, character offsets and a short
sha1 of the referenced span. `resolve_refs` reads the corpus at run time and turns
every reference into a gold item in the format of `pipeline/evaluate.py`.

Reference line:
    {"id": "r001", "corpus": "<path under shared/corpus>", "locator": {...},
     "start": int, "end": int, "sha1": "<first 12 hex of sha1(span utf-8)>",
     "date": "YYYY-MM-DD", "events": [...], "tags": [...]}

Locators, per corpus (see tests/data/GOLD.md for the full description):
- ``wikipedia_current_events_rss/*.rss.gz`` (gzipped RSS 2.0):
  ``{"item": i, "field": "description", "html": true}``: the i-th ``<item>`` of the
  channel (0-based, document order, parsed with xml.etree), its ``<description>``
  (HTML) converted to plain text with ``transforms.articles.entries.html_to_text``; offsets
  index that plain text. Optional ``"item_title"`` is checked when present.
- ``rumca_rss_2023/world_news_rss_items_2023.jsonl.gz`` (gzipped JSON lines):
  ``{"line": n, "field": "title"}``: the n-th line (1-based) of the decompressed file
  (split on "\\n"), the JSON field as stored (``"html": true`` to strip markup first).
  With ``"title_field": "title"`` the item also gets that field as its title (whole,
  markup stripped the same way), checked against the reference's ``"title_sha1"``:
  a feed item is coded as title + description, as the pipeline reads it (an item
  whose description is empty has ``"start": 0, "end": 0``).

Optional keys carried into the item: ``date``, ``tags``, ``split`` ("dev" or "test": the
frozen test split, see tests/data/GOLD.md) and ``source_feed`` (the outlet's feed URL:
the extractor's last frame for national institutions named without a country).
- ``guardian_sdf_sample/Guardian_SDF_sample.csv.zip``:
  ``{"member": "Guardian_SDF_sample.csv", "row": r, "field": "text"}``: the r-th data
  row (0-based, csv module) of the zip member, the named column.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Callable
from pathlib import Path


class GoldRefError(ValueError):
    """A reference line that cannot be resolved, or whose text has drifted."""


def shared_root_default() -> Path | None:
    """The ``shared`` folder next to the repository root, or None when absent."""
    root = Path(__file__).resolve().parents[2] / "shared"
    return root if root.is_dir() else None


def span_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _html_to_text(fragment: str) -> str:
    from transforms.articles.html_text import html_to_text

    return html_to_text(fragment)


# --- per-corpus loaders: file path -> indexable structure (cached per call) ----------

def _load_rss_items(path: Path) -> list[dict]:
    with gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb") as handle:
        root = ET.fromstring(handle.read())
    items = []
    for element in root.iter("item"):
        items.append({child.tag: (child.text or "") for child in element})
    return items


def _load_jsonl_lines(path: Path) -> list[str]:
    with gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb") as handle:
        data = handle.read().decode("utf-8")
    return data.split("\n")


def _load_zip_csv(path: Path) -> dict[str, list[dict]]:
    tables = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.lower().endswith(".csv"):
                with archive.open(name) as raw:
                    reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))
                    tables[name] = list(reader)
    return tables


def _cached(cache: dict, key: tuple, load):
    """Each corpus file is decompressed and parsed once per resolve_refs() call."""
    if key not in cache:
        cache[key] = load()
    return cache[key]


def read_jsonl(path, error=ValueError) -> list[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a line that is not JSON raises `error`."""
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except ValueError as exc:
            raise error(f"{path}:{number}: not JSON: {exc}") from exc
    return records


def _field_text(value, locator: dict, where: str) -> str:
    if value is None:
        raise GoldRefError(f"{where}: field {locator.get('field')!r} not found")
    text = str(value)
    return _html_to_text(text) if locator.get("html") else text


def _text_rss(path: Path, locator: dict, cache: dict, where: str) -> str:
    items = _cached(cache, ("rss", path), lambda: _load_rss_items(path))
    index = locator.get("item")
    if not isinstance(index, int) or not 0 <= index < len(items):
        raise GoldRefError(f"{where}: item {index!r} out of range (0..{len(items) - 1})")
    item = items[index]
    expected_title = locator.get("item_title")
    if expected_title is not None and item.get("title") != expected_title:
        raise GoldRefError(f"{where}: item {index} has title {item.get('title')!r}, expected {expected_title!r}")
    return _field_text(item.get(locator.get("field", "description")), locator, where)


def _text_jsonl(path: Path, locator: dict, cache: dict, where: str) -> str:
    lines = _cached(cache, ("jsonl", path), lambda: _load_jsonl_lines(path))
    number = locator.get("line")
    if not isinstance(number, int) or not 1 <= number <= len(lines):
        raise GoldRefError(f"{where}: line {number!r} out of range (1..{len(lines)})")
    try:
        record = json.loads(lines[number - 1])
    except ValueError as error:
        raise GoldRefError(f"{where}: line {number} is not JSON: {error}") from error
    return _field_text(record.get(locator.get("field", "title")), locator, where)


def _text_zip_csv(path: Path, locator: dict, cache: dict, where: str) -> str:
    tables = _cached(cache, ("zipcsv", path), lambda: _load_zip_csv(path))
    member = locator.get("member") or (next(iter(tables)) if len(tables) == 1 else None)
    if member not in tables:
        raise GoldRefError(f"{where}: zip member {member!r} not found (have {sorted(tables)})")
    rows = tables[member]
    row = locator.get("row")
    if not isinstance(row, int) or not 0 <= row < len(rows):
        raise GoldRefError(f"{where}: row {row!r} out of range (0..{len(rows) - 1})")
    return _field_text(rows[row].get(locator.get("field", "text")), locator, where)


def _title(ref: dict, path: Path, cache: dict, where: str) -> str:
    """The item's title when the locator names a ``title_field`` (jsonl corpora), else ""."""
    field = ref["locator"].get("title_field")
    if not field:
        return ""
    title = _text_jsonl(path, {**ref["locator"], "field": field}, cache, where)
    if span_sha1(title) != ref.get("title_sha1"):
        raise GoldRefError(f"{where}: title sha1 mismatch (expected {ref.get('title_sha1')}, got {span_sha1(title)})")
    return title


def _reader_for(corpus: str) -> Callable[[Path, dict, dict, str], str]:
    name = corpus.lower()
    if name.endswith((".rss.gz", ".rss", ".xml", ".xml.gz")):
        return _text_rss
    if name.endswith((".jsonl.gz", ".jsonl")):
        return _text_jsonl
    if name.endswith(".csv.zip"):
        return _text_zip_csv
    raise GoldRefError(f"no reader for corpus file {corpus!r}")


def resolve_ref(ref: dict, shared_root: Path, cache: dict | None = None, where: str = "") -> dict:
    """One reference line -> one gold item (raises GoldRefError on any mismatch)."""
    cache = {} if cache is None else cache
    where = where or str(ref.get("id"))
    for key in ("id", "corpus", "locator", "start", "end", "sha1", "events"):
        if key not in ref:
            raise GoldRefError(f"{where}: missing key {key!r}")
    corpus = str(ref["corpus"])
    if Path(corpus).is_absolute() or ".." in Path(corpus).parts:
        raise GoldRefError(f"{where}: corpus must be a relative path under shared/corpus: {corpus!r}")
    path = Path(shared_root) / "corpus" / corpus
    if not path.is_file():
        raise GoldRefError(f"{where}: corpus file not found: {path}")
    full = cache.get(("text", path, json.dumps(ref["locator"], sort_keys=True)))
    if full is None:
        full = _reader_for(corpus)(path, ref["locator"], cache, where)
        cache[("text", path, json.dumps(ref["locator"], sort_keys=True))] = full
    start, end = ref["start"], ref["end"]
    title = _title(ref, path, cache, where)
    empty_body = title and start == end == 0  # a feed item may be a title alone
    if not (isinstance(start, int) and isinstance(end, int) and (0 <= start < end <= len(full) or empty_body)):
        raise GoldRefError(f"{where}: offsets {start}..{end} outside the referenced text (length {len(full)})")
    text = full[start:end]
    digest = span_sha1(text)
    if digest != ref["sha1"]:
        raise GoldRefError(
            f"{where}: sha1 mismatch for {corpus} {ref['locator']} [{start}:{end}]: "
            f"expected {ref['sha1']}, got {digest} (text now {text[:80]!r}); "
            "the corpus or the text conversion has drifted"
        )
    item = {"id": str(ref["id"]), "title": title, "text": text, "events": ref["events"]}
    for key in ("date", "tags", "split", "source_feed", "batch"):
        if ref.get(key):
            item[key] = ref[key]
    return item


def resolve_refs(path: str, shared_root: Path | None = None) -> list[dict]:
    """Every reference line of ``path`` as a gold item in the evaluate.py format.

    Corpus files are read and decompressed once per call. Raises GoldRefError
    (a ValueError) with the line number when a line is malformed, a locator does
    not resolve, or a span's sha1 does not match.
    """
    if shared_root is None:
        shared_root = shared_root_default()
        if shared_root is None:
            raise GoldRefError("no shared folder found next to the repository; pass shared_root")
    cache: dict = {}
    items = []
    for number, ref in read_jsonl(path, GoldRefError):
        items.append(resolve_ref(ref, Path(shared_root), cache, f"{path}:{number} ({ref.get('id')})"))
    return items
