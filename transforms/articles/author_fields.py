"""Refusing feeds whose author-like fields would make feedparser spend seconds (linear pre-scan).

feedparser runs a quadratic e-mail regex over author/creator/publisher strings (16 KB
takes seconds) and nothing can be capped inside it, so the raw bytes are scanned first
and such a document is refused as ``field_too_large`` (see entries.py, "Pathological
author fields").
"""
from __future__ import annotations

import re

#: Largest author-like element (bytes of text) accepted before feedparser runs.
MAX_AUTHOR_FIELD_BYTES = 4_096
#: Budget for the sum of squared author-field lengths (feedparser's regex is
#: quadratic): (8 KiB)^2, i.e. roughly 0.2 s of regex work in the worst case.
AUTHOR_COST_BUDGET = 8_192 ** 2


_AUTHORISH_OPEN = re.compile(
    rb"<(?:[A-Za-z0-9_.-]{1,64}:)?"
    rb"(author|creator|name|email|managingeditor|webmaster|publisher|contributor|owner)"
    rb"(?=[\s/>])[^<>]{0,2048}>",
    re.IGNORECASE,
)


def _scan_view(body: bytes) -> bytes:
    """A byte view the ASCII regex can read (UTF-16/32 bodies re-encoded)."""
    head = body[:4]
    enc = None
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        enc = "utf-32"
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        enc = "utf-16"
    elif head.startswith(b"<\x00\x00\x00"):
        enc = "utf-32-le"
    elif head.startswith(b"\x00\x00\x00<"):
        enc = "utf-32-be"
    elif head.startswith(b"<\x00"):
        enc = "utf-16-le"
    elif head.startswith(b"\x00<"):
        enc = "utf-16-be"
    if enc is None:
        return body
    return body.decode(enc, "replace").encode("utf-8", "replace")


def scan_oversized_fields(body: bytes) -> str | None:
    """Linear pre-scan; a one-line reason when an author-like field is too big.

    For each author-like start tag, the text run up to the next ``<`` (or the
    whole CDATA section right after the tag) is measured.  Text runs between
    successive tags are disjoint, so the scan is linear in the body size.
    """
    view = _scan_view(body)
    cost = 0
    pos = 0
    n = len(view)
    while pos < n:
        m = _AUTHORISH_OPEN.search(view, pos)
        if m is None:
            break
        start = m.end()
        if view.startswith(b"<![CDATA[", start):
            end = view.find(b"]]>", start + 9)
            end = n if end < 0 else end
            size = end - (start + 9)
            nxt = end + 3
        else:
            end = view.find(b"<", start)
            end = n if end < 0 else end
            size = end - start
            nxt = end
        if size > MAX_AUTHOR_FIELD_BYTES:
            return "<%s> element of %d bytes (limit %d)" % (
                m.group(1).decode("ascii", "replace").lower(), size, MAX_AUTHOR_FIELD_BYTES)
        cost += size * size
        if cost > AUTHOR_COST_BUDGET:
            return "author-like fields too large in total (quadratic parse cost budget exceeded)"
        pos = max(nxt, m.end())
    return None
