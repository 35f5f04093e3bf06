"""Expand the user's ``--feeds`` arguments into a flat list of feed sources.

A source is an http(s) URL or the absolute path of a local feed file. Users give
URLs, feed files, folders of feed files, OPML exports from feed readers and text
files listing any of these; this module turns all of that into one ordered,
de-duplicated list before the pipeline starts, so a bad spec becomes an error line
in the run summary instead of a failed job.

Decisions:

* A folder contributes every non-hidden regular file in it and in its sub-folders
  (recursively, hidden folders skipped, at most ``MAX_DEPTH`` levels), sorted by path; a
  folder with no such file, or a list with no source in it, is an error (a dead letter of
  the run), not silence. ``*.opml`` and ``*.txt``/``*.list`` files in
  it are expanded as lists; every other file is taken as a feed, whatever its
  extension - the parser dead-letters what is not a feed, which is more useful
  than silently skipping ``feed.php`` or ``rss`` with no extension.
* OPML (``.opml``, or any file whose XML root is ``<opml>``) contributes the
  ``xmlUrl`` of every ``<outline>`` at any depth. It is parsed with expat directly
  and refused if it declares a DOCTYPE or an entity: defusedxml is not installed,
  and an OPML file has no business declaring either (XXE, billion laughs).
* A text list has one spec per line; blank lines and ``#`` comments (whole line,
  or after whitespace) are ignored. Relative paths are relative to the list file.
* A source may carry settings: ``country=GBR`` after its spec on a list line, or a
  ``country`` attribute on its OPML outline: the publisher's home country, which frames
  national institutions the article names without a country (transforms/extract/outlets.py).
* Lists may include lists; a file including itself (directly or not) is an error,
  and nesting deeper than ``MAX_DEPTH`` is refused.
* Nothing is fetched or parsed as a feed here: http(s) URLs are passed through and
  checked by the fetch layer.
"""
from __future__ import annotations

import os
import re
import stat
import xml.parsers.expat
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

MAX_DEPTH = 8
MAX_LIST_BYTES = 10_000_000  # a list or OPML file larger than this is not a list
LIST_SUFFIXES = (".txt", ".list")
OPML_SUFFIXES = (".opml",)


class SourceError(ValueError):
    """A spec that cannot be turned into sources; reported, never raised to the caller."""


MAX_SOURCES = 100_000  # more than any feed reader's subscriptions; a fan-out of lists is refused


class _Expansion:
    """One expand_sources call: settings found, lists already expanded, sources counted."""

    def __init__(self, max_sources: int):
        self.settings: dict[str, dict[str, str]] = {}
        self.expanded: set[str] = set()  # real paths of lists and OPML files already expanded
        self.count = 0
        self.max_sources = max_sources
        self.stopped = False  # the cap was hit: one error, then nothing more is expanded

    def counted(self, sources: list[str], spec: str) -> list[str]:
        self.count += len(sources)
        if self.count > self.max_sources:
            self.stopped = True
            raise SourceError(f"more than {self.max_sources} sources (at {spec}); lists that name each "
                              "other over and over? --max_sources raises the cap")
        return sources


def expand_sources(specs: list[str], settings: dict[str, dict[str, str]] | None = None,
                   max_sources: int = MAX_SOURCES) -> tuple[list[str], list[tuple[str, str]]]:
    """Return ``(sources, errors)``: ordered unique sources, and ``(spec, message)`` pairs.

    ``settings``, when given, receives each source's settings from the lists that name it
    (``country=GBR`` after a list line, a ``country`` attribute on an OPML outline). A list
    named again is not expanded again (its sources are already there), and more than
    ``max_sources`` sources in all is an error: lists that fan out to each other cannot hang a run.
    """
    sources: list[str] = []
    errors: list[tuple[str, str]] = []
    seen: set[str] = set()
    ctx = _Expansion(max_sources)
    found = ctx.settings
    for spec in specs:
        for item in _expand(spec, os.getcwd(), (), errors, ctx):
            if item not in seen:
                seen.add(item)
                sources.append(item)
    if settings is not None:
        settings.update({source: values for source, values in found.items() if source in seen})
    return sources, errors


SETTING = re.compile(r"^(country)=(\S+)$")


def _expand(spec: str, base_dir: str, chain: tuple[str, ...],
            errors: list[tuple[str, str]], ctx: _Expansion, inherited: dict | None = None) -> list[str]:
    """Expand one spec; ``chain`` holds the list files being expanded (cycle detection).
    ``inherited`` settings apply to every source the spec expands to."""
    if ctx.stopped:
        return []
    try:
        out = _expand_or_raise(spec.strip(), base_dir, chain, errors, ctx)
    except SourceError as exc:
        where = f" (listed in {chain[-1]})" if chain else ""
        errors.append((spec, f"{exc}{where}"))
        return []
    if inherited:
        for source in out:
            ctx.settings.setdefault(source, {}).update(inherited)
    return out


def _expand_or_raise(spec: str, base_dir: str, chain: tuple[str, ...],
                     errors: list[tuple[str, str]], ctx: _Expansion) -> list[str]:
    if not spec:
        raise SourceError("empty source")
    scheme = urlsplit(spec).scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", spec) else ""
    if scheme in ("http", "https"):
        if not urlsplit(spec).hostname:
            raise SourceError(f"URL without a host: {spec}")
        return ctx.counted([scheme + spec[len(scheme):]], spec)  # "HTTP://x" -> "http://x": readers match on it
    if scheme == "file":
        parts = urlsplit(spec)
        if parts.netloc not in ("", "localhost"):
            raise SourceError(f"file URL on another host is not supported: {spec}")
        path = url2pathname(unquote(parts.path))
    elif scheme and len(scheme) > 1:  # len 1: a Windows drive letter, not a scheme
        raise SourceError(f"unsupported scheme {scheme!r}: {spec}")
    else:
        path = os.path.expanduser(spec)
    path = os.path.abspath(os.path.join(base_dir, path))

    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        hint = " (did you mean https://…?)" if re.match(r"^[\w-]+(\.[\w-]+)+/", spec) else ""
        raise SourceError(f"no such file or directory: {path}{hint}") from None
    except OSError as exc:
        raise SourceError(f"cannot access {path}: {exc.strerror or exc}") from None

    if stat.S_ISDIR(mode):
        found = _expand_dir(path, chain, errors, ctx)
        if not found:
            raise SourceError(f"folder holds no feed files: {path}")
        return found
    if not stat.S_ISREG(mode):
        raise SourceError(f"not a regular file or directory: {path}")
    kind = _kind(path)
    if kind == "feed":
        return ctx.counted([path], spec)
    if os.path.realpath(path) in chain:
        raise SourceError(f"cycle: {path} includes itself")
    if len(chain) >= MAX_DEPTH:
        raise SourceError(f"lists nested deeper than {MAX_DEPTH}: {path}")
    if os.path.realpath(path) in ctx.expanded:
        return []  # named again: its sources are already in the output
    ctx.expanded.add(os.path.realpath(path))
    data = _read_capped(path)
    entries = _opml_urls(data, path) if kind == "opml" else _list_lines(data, path)
    inner_chain = chain + (os.path.realpath(path),)
    if not entries:
        raise SourceError(f"{'OPML file' if kind == 'opml' else 'list'} names no source: {path}")
    out: list[str] = []
    for entry, entry_settings in entries:
        out.extend(_expand(entry, os.path.dirname(path), inner_chain, errors, ctx, entry_settings))
    return out


def _expand_dir(path: str, chain: tuple[str, ...], errors: list[tuple[str, str]],
                ctx: _Expansion, depth: int = 0) -> list[str]:
    try:
        names = sorted(os.listdir(path))
    except OSError as exc:
        raise SourceError(f"cannot list {path}: {exc.strerror or exc}") from None
    out: list[str] = []
    for name in names:
        full = os.path.join(path, name)
        if name.startswith("."):
            continue
        if os.path.isdir(full):
            if depth < MAX_DEPTH and os.path.realpath(full) not in chain:
                out.extend(_expand_dir(full, chain + (os.path.realpath(path),), errors, ctx, depth + 1))
        elif os.path.isfile(full):
            out.extend(_expand(full, path, chain, errors, ctx))
    return out


def _kind(path: str) -> str:
    """'opml', 'list' or 'feed', from the suffix, or for XML files from the root element."""
    lower = path.lower()
    if lower.endswith(OPML_SUFFIXES):
        return "opml"
    if lower.endswith(LIST_SUFFIXES):
        return "list"
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return "feed"  # the reader will report it
    return "opml" if _root_tag(head) == "opml" else "feed"


def _root_tag(head: bytes) -> str | None:
    """Name of the first element in ``head``, skipping the prolog, comments and DOCTYPE."""
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    text = re.sub(r"<\?.*?\?>|<!--.*?-->|<![^>]*>", "", text, flags=re.S)
    match = re.search(r"<([A-Za-z_][\w.:-]*)", text)
    return match.group(1).split(":")[-1].lower() if match else None


def _read_capped(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_LIST_BYTES + 1)
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_LIST_BYTES:
        raise SourceError(f"list file larger than {MAX_LIST_BYTES} bytes: {path}")
    return data


def _list_lines(data: bytes, path: str) -> list[tuple[str, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(f"list file is not UTF-8 ({exc.reason}): {path}") from None
    out = []
    for line in text.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", line).strip()
        if not line:
            continue
        words, settings = line.split(), {}
        while len(words) > 1 and SETTING.match(words[-1]):  # "https://… country=GBR"
            key, value = SETTING.match(words.pop()).groups()
            settings[key] = value.upper()
        out.append((" ".join(words) if settings else line, settings))
    return out


def _opml_urls(data: bytes, path: str) -> list[tuple[str, dict]]:
    """Every outline xmlUrl (with its `country` setting), in document order; DOCTYPE and
    entity declarations refused."""
    urls: list[tuple[str, dict]] = []
    root: list[str] = []

    def refuse(*_args) -> None:
        raise SourceError(f"OPML with a DOCTYPE or ENTITY declaration refused: {path}")

    def start(name: str, attrs: dict) -> None:
        if not root:
            root.append(name)
        if name.lower() == "outline":
            lowered = {key.lower(): value.strip() for key, value in attrs.items()}
            if lowered.get("xmlurl"):
                country = lowered.get("country", "")
                urls.append((lowered["xmlurl"], {"country": country.upper()} if country else {}))

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise SourceError(f"unreadable OPML ({exc}): {path}") from None
    if root and root[0].lower() != "opml":
        raise SourceError(f"not an OPML file (root <{root[0]}>): {path}")
    return urls
