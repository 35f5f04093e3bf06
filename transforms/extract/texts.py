"""The texts of an article that the parser is given, prepared the same way wherever eventwire
parses: the pipeline's workers (stage.extract_batch), `eventwire evaluate` and the confidence fit.

An item that can give no rows (a sport page, a question headline: topics.py) is not parsed; the
pre-filter, when given, masks the sentences with no trigger (prefilter.py); a title is parsed in
sentence case with its comma pairs read as "and" (headlines.py); a body's dateline is set apart
as a sentence of its own (datelines.py); a typographic apostrophe is read as a plain one. Each
keeps the text's length, so offsets into what is parsed are offsets into what the article says.
"""
from __future__ import annotations

from schemas.records import Article
from transforms.extract.datelines import dateline_apart
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
        title = plain_apostrophes(headline_text(title, article.text))
    if body is not None:
        body = plain_apostrophes(dateline_apart(body))
    return title, body


def plain_apostrophes(text: str) -> str:
    """The small English model was trained on text with plain apostrophes: in "talks between the UK
    government and Northern Ireland’s Democratic Unionist party" it makes Ireland the second
    party to the talks and the DUP a word of the first, where "Ireland's" parses right. Feeds use the typographic one (U+2019)
    for apostrophes and closing quotes, and its pair (U+2018) to open a quote; both read as the
    plain one. (Curly double quotes made no difference on the development split.) One character
    for one keeps every offset, and rows quote the article's own text."""
    return text.replace("\u2019", "'").replace("\u2018", "'")
