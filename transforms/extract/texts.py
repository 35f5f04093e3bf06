"""The texts of an article that the parser is given, prepared the same way wherever eventwire
parses: the pipeline's workers (stage.extract_batch), `eventwire evaluate` and the confidence fit.

An item that can give no rows (a sport page, a question headline: topics.py) is not parsed; the
pre-filter, when given, masks the sentences with no trigger (prefilter.py); a title is parsed in
sentence case with its comma pairs read as "and" (headlines.py); a body's dateline is set apart
as a sentence of its own (datelines.py), and so is a source's bracketed tag opening it
(`datelines.source_tag_apart`); typographic single quotes are read as plain quotes
and apostrophes (`plain_apostrophes`). Each keeps the text's length, so offsets into what is
parsed are offsets into what the article says.
"""
from __future__ import annotations

import re

from schemas.records import Article
from transforms.extract.datelines import dateline_apart, source_tag_apart
from transforms.extract.headlines import headline_text
from transforms.extract.outlets import outlet_country
from transforms.extract.topics import gives_no_rows


def texts_to_parse(article: Article, prefilter=None) -> tuple[str | None, str | None]:
    """(title, body) as the parser gets them; None for a text not to parse."""
    if gives_no_rows(article.title, article.url or ""):
        return None, None
    if prefilter is not None:
        title, body = prefilter.mask(article.title, article.text, outlet_country(article) is not None)
    else:
        title, body = article.title, article.text or None
    if title is not None:
        title = dashes_apart(plain_apostrophes(headline_text(title, article.text)))
    if body is not None:
        body = dashes_apart(plain_apostrophes(source_tag_apart(dateline_apart(body))))
    return title, body


def dashes_apart(text: str) -> str:
    """A hyphen with a space on each side is a dash, and the parser is given one: the small model
    reads " - " as a word's hyphen ("Putin wanted by International Criminal Court - Kremlin calls
    move 'outrageous'" made "Court - Kremlin" one name), and " – " as the break it is. One
    character for one, as for the quotes."""
    return text.replace(" - ", " \u2013 ")


def plain_apostrophes(text: str) -> str:
    """Typographic single quotes as the small English model reads them best. It was trained on
    plain apostrophes: in "talks between the UK government and Northern Ireland’s Democratic
    Unionist party" it makes Ireland the second party to the talks and the DUP a word of the
    first, where "Ireland's" parses right. Feeds use U+2019 for apostrophes and for closing
    quotes alike, so each becomes the plain one; but a quote that closes after an "s" would read
    as a possessive ("Biden 'condemns' strike" makes the verb a possessor noun), and such a pair
    becomes a pair of double quotes. One character for one keeps every offset, and rows quote
    the article's own text."""
    return _QUOTED.sub(_plain_pair, text).replace("\u2019", "'").replace("\u2018", "'")


def _plain_pair(match) -> str:
    inside = match.group(1).lower()
    quote = '"' if inside.endswith("s") and not inside.endswith("ss") else "'"  # "condemns", not "baseless"
    return quote + match.group(1) + quote


# ‘...’: an opening quote, then up to its closing one (not an apostrophe inside a word)
_QUOTED = re.compile(r"\u2018((?:[^\u2018\u2019]|\u2019(?=[^\W\d_]))*?)\u2019(?![^\W\d_])")
