"""Tests of transforms/articles/entries.py: feed bytes -> Article / DeadLetter records.

Every fixture here is written inline for this project; the shared corpus is only
read at run time (and skipped when ../shared is absent).
"""
from __future__ import annotations

import collections
import datetime as dt
import gzip
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from schemas.records import Article, DeadLetter, FeedDocument  # noqa: E402
from transforms.articles.entries import (  # noqa: E402
    MAX_TEXT_CHARS,
    article_id_for,
    canonical_url,
    html_to_text,
    normalize_feed,
)

RUN_DATE = dt.date(2026, 11, 28)
FETCHED = "2026-11-27T12:00:00Z"
FEED_URL = "https://feeds.example.org/world.rss"
DATA = Path(__file__).resolve().parent / "data"
MARKUP = re.compile(r"<[A-Za-z!?/]")  # what an HTML tokenizer would read as a tag, comment or PI


def doc(body, feed_url=FEED_URL, content_type=None, fetched_at=FETCHED):
    if isinstance(body, str):
        body = body.encode("utf-8")
    return FeedDocument(source=feed_url, feed_url=feed_url, body=body, fetched_at=fetched_at,
                        status=200, content_type=content_type)


def run(body, **kw):
    return normalize_feed(doc(body, **kw), RUN_DATE)


def rss(items: str, channel_extra: str = "") -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Example</title><link>https://news.example.org/</link>"
        "<description>d</description>" + channel_extra + items + "</channel></rss>"
    )


def assert_clean(article: Article):
    assert isinstance(article, Article)
    assert re.fullmatch(r"[0-9a-f]{32}", article.article_id)
    assert re.fullmatch(r"[0-9a-f]{32}", article.content_hash)
    assert isinstance(article.date, dt.date) and not isinstance(article.date, dt.datetime)
    assert article.date_basis in ("published", "feed", "run")
    assert not MARKUP.search(article.text), article.text
    assert not MARKUP.search(article.title), article.title
    assert "<script" not in article.text.lower()
    assert len(article.text) <= MAX_TEXT_CHARS and len(article.title) <= 1000
    if article.published is not None:
        assert article.published.tzinfo is not None
        assert article.published.utcoffset() == dt.timedelta(0)
    if article.url is not None:
        assert article.url.startswith(("http://", "https://"))


# --------------------------------------------------------------------------- #
# Formats
# --------------------------------------------------------------------------- #

RSS20 = rss(
    """
<item><title>EU imposes sanctions on Belarus</title>
<link>https://news.example.org/world/eu-belarus?utm_source=rss&amp;id=7</link>
<guid isPermaLink="false">n-1</guid>
<pubDate>Fri, 20 Nov 2026 09:15:00 +0100</pubDate>
<description><![CDATA[<p>The <b>European Union</b> imposed new sanctions on Belarus.</p><p>Minsk protested.</p>]]></description>
</item>
<item><title>Modi visits Japan</title>
<link>https://news.example.org/asia/modi-japan</link>
<guid>n-2</guid>
<pubDate>Sat, 21 Nov 2026 04:30:00 GMT</pubDate>
<description>Indian Prime Minister Narendra Modi &lt;a href="https://x.example/"&gt;visited&lt;/a&gt; Japan.&lt;br/&gt;Talks followed.</description>
</item>""",
    "<language>en-GB</language>",
)

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Wire</title><id>tag:wire.example.com,2026:x</id>
  <link rel="alternate" href="https://wire.example.com/"/>
  <updated>2026-11-26T10:00:00Z</updated>
  <entry>
    <title type="html">CSTO adopts &lt;em&gt;declaration&lt;/em&gt;</title>
    <link rel="alternate" href="https://WIRE.example.com:443/d/csto#top"/>
    <id>tag:wire.example.com,2026:1</id>
    <published>2026-11-20T14:15:00+03:00</published>
    <summary>short summary</summary>
    <content type="html">&lt;p&gt;The Collective Security Treaty Organization (CSTO) adopted a declaration on security.&lt;/p&gt;&lt;p&gt;Lavrov said so.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Talks in Geneva</title>
    <link rel="alternate" href="https://wire.example.com/d/geneva"/>
    <id>tag:wire.example.com,2026:2</id>
    <updated>2026-11-23T11:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Armenia and Azerbaijan held talks.</p></div></content>
  </entry>
</feed>"""

RSS10 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.net/">
    <title>RDF news</title><link>https://rdf.example.net/</link><description>x</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example.net/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example.net/a">
    <title>China emphasizes need for rules</title>
    <link>https://rdf.example.net/a</link>
    <description>China emphasized the need for common rules.</description>
    <dc:date>2026-11-22T03:20:00Z</dc:date>
  </item>
</rdf:RDF>"""


def test_rss20_cdata_and_escaped_html():
    arts, dead = run(RSS20)
    assert dead == []
    assert len(arts) == 2
    a, b = arts
    for x in arts:
        assert_clean(x)
    assert a.title == "EU imposes sanctions on Belarus"
    assert a.text == "The European Union imposed new sanctions on Belarus.\nMinsk protested."
    assert a.url == "https://news.example.org/world/eu-belarus?id=7"
    assert a.published == dt.datetime(2026, 11, 20, 8, 15, tzinfo=dt.timezone.utc)
    assert (a.date, a.date_basis) == (dt.date(2026, 11, 20), "published")
    assert a.source == "news.example.org"
    assert a.feed_url == FEED_URL
    assert a.language == "en-gb"
    assert b.text == "Indian Prime Minister Narendra Modi visited Japan.\nTalks followed."
    assert a.article_id == article_id_for(a.url, FEED_URL, "n-1", a.title, a.text)


def test_atom_content_preferred_and_url_canonical():
    arts, dead = run(ATOM, feed_url="https://wire.example.com/feed.atom")
    assert dead == []
    assert len(arts) == 2
    a, b = arts
    for x in arts:
        assert_clean(x)
    assert a.title == "CSTO adopts declaration"
    assert a.text.startswith("The Collective Security Treaty Organization (CSTO) adopted")
    assert "\n" in a.text  # paragraphs become line breaks
    assert a.url == "https://wire.example.com/d/csto"
    assert a.published == dt.datetime(2026, 11, 20, 11, 15, tzinfo=dt.timezone.utc)
    assert b.text == "Armenia and Azerbaijan held talks."
    assert b.published == dt.datetime(2026, 11, 23, 11, 0, tzinfo=dt.timezone.utc)
    assert a.language == "en"


def test_rss10():
    arts, dead = run(RSS10, feed_url="https://rdf.example.net/index.rdf")
    assert dead == []
    assert len(arts) == 1
    a = arts[0]
    assert_clean(a)
    assert a.url == "https://rdf.example.net/a"
    assert a.text == "China emphasized the need for common rules."
    assert a.date == dt.date(2026, 11, 22)
    assert a.source == "rdf.example.net"


def test_bundled_sample_feeds():
    feeds = REPO / "examples" / "feeds"
    total = 0
    for name in ("world-news.rss", "diplomacy.atom"):
        body = (feeds / name).read_bytes()
        arts, dead = normalize_feed(doc(body, feed_url=str(feeds / name)), RUN_DATE)
        assert dead == []
        for a in arts:
            assert_clean(a)
            assert a.url.startswith(("https://news.example.org/", "https://wire.example.com/"))
            assert dt.date(2026, 11, 20) <= a.date <= dt.date(2026, 11, 27)
            assert a.date_basis == "published"
            assert a.text.count(".") >= 2
        total += len(arts)
    assert total >= 18


def test_user_example_feed_fixture():
    arts, dead = normalize_feed(doc((DATA / "user_example_feed.rss").read_bytes()), RUN_DATE)
    assert dead == [] and len(arts) == 1
    text = arts[0].text
    for needle in ("Collective Security Treaty Organization (CSTO)", "Sergey Lavrov",
                   "China emphasized the need", "encouraging NATO", "ignored those requests"):
        assert needle in text


# --------------------------------------------------------------------------- #
# Hostile HTML
# --------------------------------------------------------------------------- #

HOSTILE = rss("""
<item><title>&lt;script&gt;alert('t')&lt;/script&gt;Hostile &lt;b onmouseover="x()"&gt;title&lt;/b&gt;</title>
<link>javascript:alert(document.cookie)</link>
<guid isPermaLink="false">h-1</guid>
<description><![CDATA[
<p onclick="steal()">Visible text.</p>
<script type="text/javascript">var secret = "SCRIPTBODY"; document.write('<p>x</p>');</script>
<style>.x { background: url(javascript:STYLEBODY) }</style>
<img src="x" onerror="alert('ONERROR')">
<a href="javascript:alert('JSLINK')">click here</a>
<math><maction actiontype="statusline" xlink:href="javascript:alert('MATHML')">MathML label</maction></math>
<svg><script>SVGSCRIPT()</script><text>svgtext</text></svg>
<iframe src="https://evil.example/">IFRAMEBODY</iframe>
<!-- COMMENTBODY -->
&amp;lt;script&amp;gt;DOUBLEESCAPED()&amp;lt;/script&amp;gt;
<scr<script>ipt>alert(1)</script>
Tail <a href="https://example.org/unfinished
]]></description>
</item>""")


def test_hostile_html_leaves_no_markup_or_script():
    arts, dead = run(HOSTILE)
    assert dead == []
    assert len(arts) == 1
    a = arts[0]
    assert_clean(a)
    assert a.url is None  # javascript: link refused
    assert "Visible text." in a.text and "click here" in a.text and "MathML label" in a.text
    for forbidden in ("SCRIPTBODY", "STYLEBODY", "ONERROR", "JSLINK", "MATHML", "SVGSCRIPT",
                      "IFRAMEBODY", "COMMENTBODY", "DOUBLEESCAPED", "javascript", "onclick",
                      "onerror", "xlink", "<"):
        assert forbidden not in a.text, forbidden
    assert "alert('t')" not in a.title and a.title == "Hostile title"


@pytest.mark.parametrize("fragment, expected", [
    ("<p>One</p><p>Two<br>Three</p><ul><li>a</li><li>b</li></ul>", "One\nTwo\nThree\na\nb"),
    ("AT&amp;T &eacute;t&#233; &#x2014; &nbsp;ok", "AT&T été — ok"),
    ("<![CDATA[<b>bold</b> plain]]>", "bold plain"),
    ("  lots   of\t\tspace \r\n\r\n here ", "lots of space\nhere"),
    ("<style>p{}</style><script>x()</script>", ""),
    ("broken <div <p>text</p", "broken\ntext"),
    ("unterminated <!-- comment", "unterminated"),
    ("a NUL\x00byte and \u200bzero width", "a NULbyte and zero width"),
    ("5 < 6 and x<y", "5 < 6 and x< y"),
    ("", ""),
])
def test_html_to_text_cases(fragment, expected):
    assert html_to_text(fragment) == expected


@pytest.mark.parametrize("fragment", [
    "<!--" * 50_000, "<a" * 100_000, "<![CDATA[" * 20_000, "<?" * 100_000, "<!" * 100_000,
    '<a b="' * 30_000 + ">", "<div>" * 50_000, "&#" * 100_000,
])
def test_html_to_text_pathological_inputs_finish(fragment):
    out = html_to_text(fragment)  # finishes (linear pre-pass), no timing assertion
    assert not MARKUP.search(out)


# --------------------------------------------------------------------------- #
# Missing fields, duplicates, dates
# --------------------------------------------------------------------------- #

def test_missing_id_link_title():
    body = rss("""
<item><description>Only a description, no title, link or guid.</description></item>
<item><title>Only a title</title></item>
<item><link>https://news.example.org/only-link</link></item>
<item><guid isPermaLink="false">only-guid</guid></item>
<item></item>""")
    arts, dead = run(body)
    assert len(arts) == 3
    for a in arts:
        assert_clean(a)
        assert a.date_basis == "run" and a.date == RUN_DATE and a.published is None
    assert arts[0].title == "" and arts[0].url is None and arts[0].text.startswith("Only a description")
    assert arts[1].title == "Only a title" and arts[1].text == ""
    assert arts[2].url == "https://news.example.org/only-link" and arts[2].source == "news.example.org"
    assert arts[0].source == "feeds.example.org"  # from the feed url
    assert len({a.article_id for a in arts}) == 3
    assert sorted(d.reason for d in dead) == ["empty_entry", "empty_entry"]
    assert {d.input_id for d in dead} == {FEED_URL + "#entry-3", FEED_URL + "#entry-4"}
    assert all(d.stage == "ParseArticles" and "\n" not in d.message for d in dead)


def test_duplicates_collapse_keep_first():
    body = rss("""
<item><title>First</title><link>https://news.example.org/a?utm_medium=rss</link></item>
<item><title>Second copy</title><link>https://NEWS.example.org/a#comments</link></item>
<item><title>Same guid A</title><guid isPermaLink="false">g-1</guid></item>
<item><title>Same guid B</title><guid isPermaLink="false">g-1</guid></item>
<item><title>No keys</title><description>same</description></item>
<item><title>No keys</title><description>same</description></item>""")
    stats = collections.Counter()
    arts, dead = normalize_feed(doc(body), RUN_DATE, stats=stats)
    assert dead == []
    assert [a.title for a in arts] == ["First", "Same guid A", "No keys"]
    assert stats["duplicates"] == 3


def test_impossible_and_future_dates_fall_back():
    body = rss("""
<item><title>Far future</title><link>https://news.example.org/f</link><pubDate>Sat, 01 Jan 2039 00:00:00 GMT</pubDate></item>
<item><title>Impossible</title><link>https://news.example.org/i</link><pubDate>Mon, 31 Feb 2026 25:61:00 GMT</pubDate></item>
<item><title>Epoch zero</title><link>https://news.example.org/e</link><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>
<item><title>Tomorrow is fine</title><link>https://news.example.org/t</link><pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Garbage</title><link>https://news.example.org/g</link><pubDate>yesterday-ish</pubDate></item>""",
        "<lastBuildDate>Thu, 26 Nov 2026 18:00:00 GMT</lastBuildDate>")
    arts, dead = run(body)
    assert dead == [] and len(arts) == 5
    by = {a.title: a for a in arts}
    for t in ("Far future", "Impossible", "Epoch zero", "Garbage"):
        assert by[t].published is None, t
        assert (by[t].date, by[t].date_basis) == (dt.date(2026, 11, 26), "feed"), t
    assert by["Tomorrow is fine"].published == dt.datetime(2026, 11, 28, 10, tzinfo=dt.timezone.utc)
    # no feed date either -> run date
    arts2, _ = run(rss('<item><title>x</title><pubDate>Sat, 01 Jan 2039 00:00:00 GMT</pubDate></item>'))
    assert (arts2[0].published, arts2[0].date, arts2[0].date_basis) == (None, RUN_DATE, "run")
    # a future feed date is not trusted either
    arts3, _ = run(rss('<item><title>x</title></item>', "<lastBuildDate>Sat, 01 Jan 2039 00:00:00 GMT</lastBuildDate>"))
    assert arts3[0].date_basis == "run"


def test_an_out_of_range_time_zone_offset_is_an_invalid_date():
    """Issue 13: "+9999" was applied as 100 hours (10:00 became four days earlier)."""
    stats = collections.Counter()
    body = rss("""
<item><title>Far east</title><link>https://news.example.org/a</link><pubDate>Thu, 26 Nov 2026 10:00:00 +9999</pubDate></item>
<item><title>Bad minutes</title><link>https://news.example.org/b</link><pubDate>Thu, 26 Nov 2026 10:00:00 +0575</pubDate></item>
<item><title>Kiribati</title><link>https://news.example.org/k</link><pubDate>Thu, 26 Nov 2026 10:00:00 +1400</pubDate></item>""",
        "<lastBuildDate>Thu, 26 Nov 2026 18:00:00 GMT</lastBuildDate>")
    arts, dead = normalize_feed(doc(body), RUN_DATE, stats=stats)
    by = {a.title: a for a in arts}
    for title in ("Far east", "Bad minutes"):
        assert by[title].published is None and by[title].date_basis == "feed", title
    assert stats["invalid_date"] >= 2  # counted per date field feedparser gives (updated falls back to published)
    assert by["Kiribati"].published == dt.datetime(2026, 11, 25, 20, tzinfo=dt.timezone.utc)


def test_text_truncated_at_boundary():
    sentence = "The minister said the talks were useful. "
    body = rss("<item><title>Long</title><description>%s</description></item>" % (sentence * 8000))
    arts, dead = run(body)
    assert dead == []
    text = arts[0].text
    assert MAX_TEXT_CHARS - 2000 < len(text) <= MAX_TEXT_CHARS
    assert text.endswith("useful.")
    long_title = "word " * 400
    arts, _ = run(rss("<item><title>%s</title></item>" % long_title))
    assert len(arts[0].title) <= 1000 and arts[0].title.endswith("word")


# --------------------------------------------------------------------------- #
# Not a feed, broken feeds, encodings
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize("body, content_type", [
    ((DATA / "not_a_feed.html").read_bytes(), "text/html; charset=utf-8"),
    (b"<html><body><p>hello</p></body></html>", None),
    (b'{"items": [{"title": "json", "url": "https://x.example/"}]}', "application/json"),
    (b"", None),
    (b"   \n\t ", None),
    (bytes(range(256)) * 4, None),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    (b"/etc/passwd", None),  # must never be read as a path by feedparser
])
def test_not_a_feed(body, content_type):
    arts, dead = run(body, content_type=content_type)
    assert arts == []
    assert [d.reason for d in dead] == ["not_a_feed"]
    assert dead[0].input_id == FEED_URL and dead[0].stage == "ParseArticles"


def test_malformed_feed_without_entries_is_parse_error():
    arts, dead = run((DATA / "malformed.rss").read_bytes())
    assert arts == []
    assert [d.reason for d in dead] == ["parse_error"]
    assert "SAXParseException" in dead[0].message


def test_bozo_feed_with_entries_keeps_entries():
    body = rss("<item><title>Bad &amp entity</title><link>https://news.example.org/x</link>"
               "<description>Text with an unescaped & ampersand</description></item>"
               "<item><title>Second</title><link>https://news.example.org/y</link></item>")
    stats = collections.Counter()
    arts, dead = normalize_feed(doc(body), RUN_DATE, stats=stats)
    assert dead == []
    assert [a.url for a in arts] == ["https://news.example.org/x", "https://news.example.org/y"]
    assert stats["bozo_recovered"] == 1


def test_nul_bytes_and_wrong_charset_survive():
    body = rss("<item><title>Caf\u00e9 news\x00</title><link>https://news.example.org/c</link>"
               "<description>Na\u00efve\x00 text</description></item>")
    declared_wrong = body.replace('encoding="utf-8"', 'encoding="us-ascii"').encode("utf-8")
    latin1_as_utf8 = body.replace('encoding="utf-8"', 'encoding="utf-8"').encode("latin-1")
    for raw, ctype in ((declared_wrong, None), (latin1_as_utf8, "application/rss+xml; charset=utf-8"),
                       (body.encode("utf-8"), "text/plain; charset=koi8-r"),
                       (body.encode("utf-16"), None)):
        arts, dead = run(raw, content_type=ctype)
        assert dead == [], (ctype, dead)
        assert len(arts) == 1
        assert_clean(arts[0])
        assert "\x00" not in arts[0].title + arts[0].text
        assert arts[0].url == "https://news.example.org/c"


def test_huge_author_field_dead_lettered():
    big = "a" * 16_384
    for field in ("<author>%s</author>" % big, "<dc:creator><![CDATA[%s]]></dc:creator>" % big,
                  "<managingEditor>%s@example.org</managingEditor>" % ("x." * 8000)):
        body = rss("<item><title>t</title>%s</item>" % field).replace(
            "<rss ", '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" ')
        arts, dead = run(body)  # must finish; no timing assertion
        assert arts == []
        assert [d.reason for d in dead] == ["field_too_large"]
    atom = ATOM.replace("<entry>", "<entry><author><name>%s</name></author>" % big, 1)
    arts, dead = run(atom)
    assert [d.reason for d in dead] == ["field_too_large"]
    # many medium-sized author fields add up too (quadratic cost budget)
    many = rss("".join("<item><title>t%d</title><author>%s</author></item>" % (i, "b" * 3000) for i in range(20)))
    assert [d.reason for d in run(many)[1]] == ["field_too_large"]
    # normal authors are fine
    ok = rss("<item><title>t</title><author>jane@example.org (Jane Doe)</author></item>")
    assert len(run(ok)[0]) == 1


def test_xxe_and_billion_laughs_finish_without_local_content():
    xxe = ('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
           '<rss version="2.0"><channel><title>t</title><item><title>&xxe;x</title>'
           '<description>&xxe;</description><link>https://news.example.org/x</link></item></channel></rss>')
    arts, dead = run(xxe)
    try:
        hostname = Path("/etc/hostname").read_text().strip()
    except OSError:
        hostname = ""
    for a in arts:
        if hostname:
            assert hostname not in a.title + a.text
    lol = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10))
           + ']><rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>')
    arts, dead = run(lol)
    assert all(len(a.title) <= 1000 for a in arts)


def test_never_raises_on_odd_document_fields():
    weird = FeedDocument(source="s", feed_url="", body=RSS20.encode(), fetched_at="not a date")
    arts, dead = normalize_feed(weird, RUN_DATE)
    assert len(arts) == 2 and dead == []
    broken = FeedDocument(source="s", feed_url="f", body=None, fetched_at=FETCHED)  # type: ignore[arg-type]
    arts, dead = normalize_feed(broken, RUN_DATE)
    assert arts == [] and [d.reason for d in dead] == ["not_a_feed"]
    bad = FeedDocument(source="s", feed_url="f", body=12345, fetched_at=FETCHED)  # type: ignore[arg-type]
    arts, dead = normalize_feed(bad, RUN_DATE)
    assert arts == [] and dead[0].reason == "parse_error" and "TypeError" in dead[0].message


# --------------------------------------------------------------------------- #
# canonical_url and article_id_for
# --------------------------------------------------------------------------- #

@pytest.mark.parametrize("url, expected", [
    ("HTTPS://News.Example.ORG/World/Story?b=2&a=1#frag", "https://news.example.org/World/Story?a=1&b=2"),
    ("http://example.org:80/x", "http://example.org/x"),
    ("https://example.org:443/x", "https://example.org/x"),
    ("https://example.org:8443/x", "https://example.org:8443/x"),
    ("http://example.org", "http://example.org/"),
    ("https://example.org/a?utm_source=rss&utm_medium=feed&id=5&fbclid=abc&gclid=1&ref=home&cmpid=x",
     "https://example.org/a?id=5"),
    ("https://example.org/a?UTM_Campaign=x", "https://example.org/a"),
    ("https://user:pw@example.org/a", "https://example.org/a"),
    ("  https://example.org/a b\n ", "https://example.org/a%20b"),
    ("https://example.org/caf\u00e9", "https://example.org/caf%C3%A9"),
    ("https://example.org/caf%C3%A9", "https://example.org/caf%C3%A9"),
    ("https://example.org./x", "https://example.org/x"),
    ("javascript:alert(1)", None),
    ("JavaScript:alert(1)", None),
    ("data:text/html,<script>x</script>", None),
    ("file:///etc/passwd", None),
    ("mailto:a@example.org", None),
    ("ftp://example.org/x", None),
    ("/relative/path", None),
    ("//example.org/x", None),
    ("https://", None),
    ("https://example.org:99999/x", None),
    ("", None),
    (None, None),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_article_id_deterministic_and_keyed():
    a1 = article_id_for("https://example.org/a", "f1", "g", "t", "x")
    assert a1 == article_id_for("https://example.org/a", "f2", "other", "t2", "y")  # URL wins
    assert re.fullmatch(r"[0-9a-f]{32}", a1)
    e1 = article_id_for(None, "f1", "g", "t", "x")
    assert e1 == article_id_for(None, "f1", "g", "t2", "y")
    assert e1 != article_id_for(None, "f2", "g", "t", "x")  # entry id is per feed
    c1 = article_id_for(None, "f1", None, "t", "x")
    assert c1 == article_id_for(None, "f1", "  ", "t", "x")
    assert c1 != article_id_for(None, "f1", None, "t", "y")
    assert len({a1, e1, c1}) == 3
    # same input, same ids across calls
    first = [a.article_id for a in run(RSS20)[0]]
    assert first == [a.article_id for a in run(RSS20)[0]]


# --------------------------------------------------------------------------- #
# Property test
# --------------------------------------------------------------------------- #

_FRAGMENTS = st.sampled_from([
    b'<?xml version="1.0"?>', b'<rss version="2.0">', b"<channel>", b"<item>", b"</item>",
    b"<title>", b"</title>", b"<description>", b"</description>", b"<link>https://e.example/x</link>",
    b"<pubDate>Fri, 20 Nov 2026 09:15:00 GMT</pubDate>", b"<![CDATA[", b"]]>", b"&lt;script&gt;",
    b"<script>", b"</script>", b"&amp;", b"&#0;", b"\x00", b"\xff\xfe", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    b"<entry>", b"</entry>", b"<author>", b"</author>", b"text ", b"<p>", b"<!--", b"-->", b"</channel></rss>",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.binary(max_size=2000), st.lists(_FRAGMENTS, max_size=40).map(b"".join)))
def test_property_any_bytes_never_raise(body):
    arts, dead = normalize_feed(doc(body), RUN_DATE)
    assert isinstance(arts, list) and isinstance(dead, list)
    for a in arts:
        assert isinstance(a, Article)
        assert a.article_id
        assert isinstance(a.date, dt.date)
        assert "<script" not in a.text.lower()
    for d in dead:
        assert isinstance(d, DeadLetter) and d.reason and d.stage == "ParseArticles"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=500))
def test_property_html_to_text_never_leaves_tags(fragment):
    out = html_to_text(fragment)
    assert not MARKUP.search(out)
    assert "\x00" not in out


# --------------------------------------------------------------------------- #
# Shared robustness corpus
# --------------------------------------------------------------------------- #

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS_DIRS = [
    "feedparser_tests/illformed",
    "feedparser_tests/encoding",
    "feedparser_tests/entities",
    "codehollow_feedreader_feeds",
    "misc_real_feeds",
]


def _read_maybe_gzip(path: Path) -> bytes:
    raw = path.read_bytes()
    if path.name.endswith(".gz") or raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return raw


def test_shared_corpus_never_crashes(capsys):
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus not present")
    lines = []
    for rel in CORPUS_DIRS:
        folder = corpus / rel
        if not folder.is_dir():
            continue
        ok = dead_lettered = articles = 0
        reasons = collections.Counter()
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.suffix.lower() in (".md", ".txt", ".json", ".py"):
                continue
            body = _read_maybe_gzip(path)
            arts, dead = normalize_feed(
                FeedDocument(source=str(path), feed_url=path.as_uri(), body=body, fetched_at=FETCHED), RUN_DATE)
            for a in arts:
                assert_clean(a)
            for d in dead:
                assert isinstance(d, DeadLetter) and d.stage == "ParseArticles"
                reasons[d.reason] += 1
            if arts or not dead:
                ok += 1
            else:
                dead_lettered += 1
            articles += len(arts)
        lines.append("%-32s ok=%-4d dead-lettered=%-4d articles=%-5d %s"
                     % (rel, ok, dead_lettered, articles, dict(sorted(reasons.items()))))
    with capsys.disabled():
        print("\n" + "\n".join(lines))


def test_encoding_only_bozo_with_no_entries_is_an_empty_feed_not_an_error():
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
    stats = collections.Counter()
    arts, dead = normalize_feed(doc(body, content_type="text/plain"), RUN_DATE, stats=stats)
    assert (arts, dead) == ([], [])
    assert stats["encoding_override"] == 1
    # a valid feed with no items is simply empty
    assert run(rss("")) == ([], [])


# The same corpus, plus the gzipped Wikipedia captures, through the READER PIPELINE
# (ReadFeeds + ParseArticles, one Beam pipeline for every file): no exception may escape.
READER_DIRS = CORPUS_DIRS + ["wikipedia_current_events_rss"]


def _dump_records(records, path):
    import json

    Path(path).write_text(json.dumps([[r.feed_url, getattr(r, "reason", None), getattr(r, "text", "")]
                                      for r in records]), encoding="utf-8")


def test_shared_corpus_through_the_reader_pipeline(tmp_path, capsys):
    import json

    import apache_beam as beam

    from transforms.articles.parse import ParseArticles
    from transforms.ingest.fetch import FetchPolicy
    from transforms.ingest.read_feeds import ReadFeeds

    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus not present")
    folders = {}
    for rel in READER_DIRS:
        for path in sorted(p for p in (corpus / rel).rglob("*") if p.is_file()):
            if path.suffix.lower() not in (".md", ".txt", ".json", ".py"):
                folders[str(path)] = rel
    assert folders
    with beam.Pipeline(runner="FnApiRunner") as p:
        feeds = p | ReadFeeds(sorted(folders), [], FetchPolicy())
        parsed = feeds["documents"] | ParseArticles(RUN_DATE)
        for name, pcoll in (("articles", parsed["articles"]),
                            ("letters", (feeds["dead_letters"], parsed["dead_letters"]) | beam.Flatten())):
            (pcoll | f"{name}:Dump" >> beam.Map(lambda r: (r.input_id, r.reason, "") if hasattr(r, "reason")
                                                 else (r.feed_url, None, r.title + "\n" + r.text))
             | f"{name}:All" >> beam.combiners.ToList()
             | f"{name}:Write" >> beam.Map(lambda rows, path: Path(path).write_text(json.dumps(rows)),
                                           str(tmp_path / f"{name}.json")))
    articles = json.loads((tmp_path / "articles.json").read_text())
    letters = json.loads((tmp_path / "letters.json").read_text())
    with_articles = {feed for feed, _, _ in articles}
    failed = {input_id: reason for input_id, reason, _ in letters if input_id in folders}
    assert not any(MARKUP.search(text) for _, _, text in articles)
    lines = []
    for rel in READER_DIRS:
        paths = [p for p, r in folders.items() if r == rel]
        bad = [p for p in paths if p in failed and p not in with_articles]
        reasons = collections.Counter(failed[p] for p in bad)
        lines.append("reader %-32s files=%-4d ok=%-4d failed=%-4d %s"
                     % (rel, len(paths), len(paths) - len(bad), len(bad), dict(sorted(reasons.items()))))
    wiki = [p for p, r in folders.items() if r == "wikipedia_current_events_rss"]
    assert wiki and all(p in with_articles for p in wiki)  # gzipped captures are read and parsed
    with capsys.disabled():
        print("\n" + "\n".join(lines))
