"""Plain text from HTML fragments, with every tag, script and style removed.

Feed descriptions and article pages carry markup that is hostile (scripts,
event handlers, `javascript:` links) or merely noisy; stored text must have none
of it, whatever feedparser's sanitizer lets through. The stdlib parser is used
with a linear pre-pass, so pathological inputs (250,000 unclosed comments) stay
fast; output is capped by a stated policy (MAX_TEXT_CHARS).
"""
from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

#: Article text cap (characters).  spaCy refuses texts over 1,000,000 characters
#: (E088); 200,000 is ~30,000 words, far beyond any news article, and keeps one
#: spaCy doc's memory bounded.  Longer texts are cut at a sentence boundary.
MAX_TEXT_CHARS = 200_000
#: Title cap (characters).
MAX_TITLE_CHARS = 1_000
#: Cap on the HTML fed to :func:`html_to_text` (the output is capped anyway).
MAX_HTML_CHARS = 2_000_000

# --------------------------------------------------------------------------- #
# HTML -> text
# --------------------------------------------------------------------------- #

#: Elements whose content is never article text.
_DROP_CONTENT = frozenset({
    "script", "style", "template", "noscript", "iframe", "object", "applet",
    "svg", "head", "noembed", "noframes", "frameset",
})
#: Elements that end a line (become "\n").
_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
    "h4", "h5", "h6", "tr", "table", "thead", "tbody", "tfoot", "blockquote",
    "pre", "section", "article", "header", "footer", "figure", "figcaption",
    "hr", "address", "aside", "nav", "main", "caption", "form", "fieldset",
    "details", "summary", "center", "body", "html", "title", "option",
})
#: Elements that separate words without ending a line.
_SPACE = frozenset({"td", "th", "img", "input", "button", "label", "wbr"})

_TAGLIKE = re.compile(r"<\s*/?[A-Za-z!?]")
_ESCAPED_TAG = re.compile(r"&(?:lt|#0*60|#x0*3c);\s*/?[A-Za-z!?]", re.IGNORECASE)
_TRUNCATED_TAG = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9:_-]*(?:\s[^<]*)?|!--[^<]*)\Z")
_RESIDUAL_LT = re.compile(r"<(?=[A-Za-z!?/])")
# C0/C1 controls except \t and \n, plus invisible format characters that only
# confuse tokenizers (zero-width space/joiners, BOM, bidi marks).
CONTROL_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\ufffe\uffff]"
)
_HSPACE = re.compile(r"[^\S\n]+")
ANY_SPACE = re.compile(r"\s+")
_CRUDE_TAG = re.compile(r"<[^<>]*>?")


class _TextExtractor(HTMLParser):
    """Collects text; drops tags, comments, PIs, declarations and unsafe content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.drop_depth = 0

    # tags ------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):  # noqa: D401 - HTMLParser API
        tag = tag.lower()
        if tag in _DROP_CONTENT:
            self.drop_depth += 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _SPACE:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        tag = tag.lower()
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _SPACE:
            self.parts.append(" ")
        # a self-closed <script/> or <iframe/> has no content: nothing to drop

    def handle_endtag(self, tag):
        tag = tag.lower()
        if tag in _DROP_CONTENT:
            if self.drop_depth:
                self.drop_depth -= 1
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _SPACE:
            self.parts.append(" ")

    # content ---------------------------------------------------------------
    def handle_data(self, data):
        if not self.drop_depth:
            self.parts.append(data)

    def unknown_decl(self, data):
        # <![CDATA[ ... ]]> inside an HTML fragment: its content is text (any
        # markup inside it is removed by the next pass of html_to_text).
        if data[:6].upper() == "CDATA[" and not self.drop_depth:
            self.parts.append(data[6:])

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def text(self) -> str:
        return "".join(self.parts)


def _preclean(fragment: str) -> str:
    """Linear pre-pass that removes the inputs on which html.parser goes quadratic.

    Python 3.11's ``html.parser`` rescans to the end of the input for every
    unterminated ``<!--``, ``<![CDATA[``, ``<?``, ``<!`` or ``<tag`` (250,000
    unclosed ``<!--`` take minutes).  So, in one left-to-right scan: comments
    are removed (an unclosed comment runs to the end, as in browsers), CDATA
    sections become escaped text, and every ``<`` after the last ``>`` is
    escaped (it cannot start a tag).
    """
    if "<!" in fragment:
        out = []
        pos = 0
        n = len(fragment)
        while pos < n:
            i = fragment.find("<!", pos)
            if i < 0:
                out.append(fragment[pos:])
                break
            out.append(fragment[pos:i])
            if fragment.startswith("<!--", i):
                j = fragment.find("-->", i + 4)
                if j < 0:
                    break  # unclosed comment: the rest is comment
                pos = j + 3
            elif fragment[i + 2:i + 9].upper() == "[CDATA[":
                j = fragment.find("]]>", i + 9)
                end = n if j < 0 else j
                out.append(html.escape(fragment[i + 9:end], quote=False))
                pos = n if j < 0 else j + 3
            else:
                out.append("<!")
                pos = i + 2
        fragment = "".join(out)
    last_gt = fragment.rfind(">")
    tail_lt = fragment.find("<", last_gt + 1)
    if tail_lt >= 0:
        tail = fragment[tail_lt:]
        if len(tail) <= 2_000 and _TRUNCATED_TAG.match(tail):
            fragment = fragment[:tail_lt]  # a tag cut off by a truncated summary
        else:
            fragment = fragment[:tail_lt] + tail.replace("<", "&lt;")
    return fragment


def _one_pass(fragment: str) -> str:
    fragment = _preclean(fragment)
    parser = _TextExtractor()
    try:
        parser.feed(fragment)
        parser.close()
        return parser.text()
    except Exception:  # pragma: no cover - html.parser is lenient; belt and braces
        return html.unescape(_CRUDE_TAG.sub(" ", fragment))


def _normalize_whitespace(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    text = CONTROL_CHARS.sub("", text)
    lines = (_HSPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML (or plain-text) fragment.

    Tags, comments, processing instructions and declarations are removed; the
    content of ``<script>``, ``<style>``, ``<template>``, ``<iframe>``,
    ``<object>``, ``<svg>`` (and similar) is dropped; entities are unescaped;
    CDATA sections keep their text.  Paragraphs, ``<br>``, list items, headings
    and table rows become line breaks ("\\n"); other whitespace collapses to
    single spaces; control and zero-width characters are removed.

    Double-escaped markup (``&amp;lt;p&amp;gt;``, common in real feeds) is
    handled by running the extractor again while the result still looks like
    markup (at most three passes); any ``<`` still followed by a letter after
    that is defused with a space, so the result never contains ``<tag``.
    Uses only the standard library's lenient ``html.parser``.
    """
    if not fragment:
        return ""
    if not isinstance(fragment, str):
        fragment = str(fragment)
    if len(fragment) > MAX_HTML_CHARS:
        fragment = fragment[:MAX_HTML_CHARS]
    text = fragment
    for _ in range(3):
        text = _one_pass(text)
        if not (_TAGLIKE.search(text) or _ESCAPED_TAG.search(text)):
            break
    text = _normalize_whitespace(text)
    text = _RESIDUAL_LT.sub("< ", text)
    return unicodedata.normalize("NFC", text)


def cut_text(text: str, limit: int) -> tuple[str, bool]:
    """Cut ``text`` to at most ``limit`` chars at a sentence, else word boundary."""
    if len(text) <= limit:
        return text, False
    window = text[:limit]
    floor = int(limit * 0.8)
    best = -1
    for m in re.finditer(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)|\n", window[floor:]):
        best = floor + m.end()
    if best <= 0:
        ws = max(window.rfind(" ", floor), window.rfind("\n", floor))
        best = ws if ws > 0 else limit
    return window[:best].rstrip(), True


def cap_text(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, bool]:
    """The text truncation policy (see the module docstring); ``(text, was_cut)``."""
    return cut_text(text, limit)
