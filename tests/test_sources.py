"""Expansion of --feeds specs: URLs, files, folders, OPML and text lists; errors reported."""
from __future__ import annotations

import os

from transforms.ingest.sources import MAX_DEPTH, expand_sources

OPML = """<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>subs</title></head><body>
  <outline text="World" title="World">
    <outline text="A" type="rss" xmlUrl="https://a.example/rss"/>
    <outline text="Deeper">
      <outline text="B" type="rss" xmlUrl="http://b.example/feed.xml"/>
      <outline text="local" type="rss" xmlUrl="local.xml"/>
    </outline>
  </outline>
  <outline text="no url"/>
  <outline text="C" xmlURL="https://c.example/atom"/>
</body></opml>
"""


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_urls_pass_through_and_duplicates_collapse():
    sources, errors = expand_sources(["https://a.example/rss", "http://b.example/x",
                                      "https://a.example/rss"])
    assert sources == ["https://a.example/rss", "http://b.example/x"] and errors == []


def test_nested_opml(tmp_path):
    write(tmp_path / "local.xml", "<rss/>")
    opml = write(tmp_path / "subs.opml", OPML)
    sources, errors = expand_sources([opml])
    assert sources == ["https://a.example/rss", "http://b.example/feed.xml",
                       str(tmp_path / "local.xml"), "https://c.example/atom"]
    assert errors == []


def test_xml_file_with_opml_root_is_expanded(tmp_path):
    path = write(tmp_path / "export.xml", OPML.replace('xmlUrl="local.xml"', 'xmlUrl="https://l/x"'))
    sources, errors = expand_sources([path])
    assert "https://a.example/rss" in sources and path not in sources and errors == []


def test_opml_with_doctype_entity_is_refused(tmp_path):
    evil = ('<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
            '<opml><body><outline xmlUrl="https://ok.example/&x;"/></body></opml>')
    path = write(tmp_path / "evil.opml", evil)
    sources, errors = expand_sources([path, "https://after.example/rss"])
    assert sources == ["https://after.example/rss"]  # the other specs still expand
    assert len(errors) == 1 and errors[0][0] == path
    assert "DOCTYPE" in errors[0][1] and "root:" not in errors[0][1]


def test_billion_laughs_opml_is_refused_fast(tmp_path):
    lol = "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    path = write(tmp_path / "laughs.opml",
                 f'<!DOCTYPE opml [<!ENTITY l0 "lol">{lol}]><opml><body>'
                 '<outline xmlUrl="&l9;"/></body></opml>')
    sources, errors = expand_sources([path])
    assert sources == [] and "DOCTYPE" in errors[0][1]


def test_broken_opml_is_an_error(tmp_path):
    path = write(tmp_path / "broken.opml", "<opml><body><outline xmlUrl='x'")
    sources, errors = expand_sources([path])
    assert sources == [] and "unreadable OPML" in errors[0][1]


def test_text_list_with_comments_and_relative_paths(tmp_path):
    (tmp_path / "feeds").mkdir()
    local = write(tmp_path / "feeds" / "one.rss", "<rss/>")
    write(tmp_path / "inner.txt", "https://inner.example/rss\n")
    listing = write(tmp_path / "sources.txt", "\n".join([
        "# my feeds",
        "",
        "https://a.example/rss   # trailing comment",
        "   feeds/one.rss",
        "inner.txt",
        "https://a.example/rss#not-a-comment",
        "missing.xml",
    ]))
    sources, errors = expand_sources([listing])
    assert sources == ["https://a.example/rss", local, "https://inner.example/rss",
                       "https://a.example/rss#not-a-comment"]
    assert errors == [("missing.xml", f"no such file or directory: {tmp_path / 'missing.xml'}"
                       f" (listed in {os.path.realpath(listing)})")]


def test_folder_takes_visible_files_and_expands_lists(tmp_path):
    write(tmp_path / "b.xml", "<rss/>")
    write(tmp_path / "a.atom", "<feed/>")
    write(tmp_path / "feed", "<rss/>")  # no extension: still a feed
    write(tmp_path / ".hidden.xml", "<rss/>")
    write(tmp_path / "more.txt", "https://listed.example/rss\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deep.xml", "<rss/>")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "config.xml", "<rss/>")
    sources, errors = expand_sources([str(tmp_path)])
    assert sources == [str(tmp_path / "a.atom"), str(tmp_path / "b.xml"), str(tmp_path / "feed"),
                       "https://listed.example/rss", str(tmp_path / "sub" / "deep.xml")]  # recursive
    assert errors == []


def test_a_source_that_expands_to_nothing_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty.txt", "# nothing yet\n")
    sources, errors = expand_sources([str(tmp_path / "empty"), str(tmp_path / "empty.txt"), "https://ok.example/rss"])
    assert sources == ["https://ok.example/rss"]
    assert [e[0] for e in errors] == [str(tmp_path / "empty"), str(tmp_path / "empty.txt")]
    assert "no feed files" in errors[0][1] and "names no source" in errors[1][1]


def test_missing_file_is_an_error_not_an_exception(tmp_path):
    missing = str(tmp_path / "nope.xml")
    sources, errors = expand_sources([missing, "example.org/feed"])
    assert sources == []
    assert errors[0] == (missing, f"no such file or directory: {missing}")
    assert "did you mean https://" in errors[1][1]


def test_file_url_becomes_a_path(tmp_path):
    path = write(tmp_path / "my feed.xml", "<rss/>")
    sources, errors = expand_sources(["file://" + path.replace(" ", "%20")])
    assert sources == [path] and errors == []


def test_other_schemes_are_errors():
    sources, errors = expand_sources(["ftp://x.example/feed", "file://otherhost/etc/passwd",
                                      "https:///nohost", ""])
    assert sources == [] and len(errors) == 4


def test_self_including_list_terminates(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    write(a, "https://a.example/rss\nb.txt\n")
    write(b, "a.txt\nhttps://b.example/rss\n")
    sources, errors = expand_sources([str(a)])
    assert sources == ["https://a.example/rss", "https://b.example/rss"]
    assert len(errors) == 1 and "cycle" in errors[0][1]


def test_deep_nesting_is_capped(tmp_path):
    for i in range(MAX_DEPTH + 2):
        write(tmp_path / f"l{i}.txt", f"l{i + 1}.txt\n")
    write(tmp_path / f"l{MAX_DEPTH + 2}.txt", "https://bottom.example/rss\n")
    sources, errors = expand_sources([str(tmp_path / "l0.txt")])
    assert sources == [] and "nested deeper" in errors[0][1]


def test_non_utf8_list_is_an_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\x00garbage\x80")
    sources, errors = expand_sources([str(path)])
    assert sources == [] and "not UTF-8" in errors[0][1]


def test_url_scheme_is_lowercased():
    sources, _ = expand_sources(["HTTPS://A.example/Feed"])
    assert sources == ["https://A.example/Feed"]


def test_a_source_may_carry_its_home_country(tmp_path):
    """`country=XXX` on a list line or a `country` attribute on an OPML outline (the outlet frame)."""
    opml = write(tmp_path / "subs.opml", '<opml><body><outline xmlUrl="https://o.example/rss" country="irl"/>'
                                         '<outline xmlUrl="https://p.example/rss"/></body></opml>')
    listed = write(tmp_path / "feeds.txt", f"https://l.example/rss country=NZL\n{opml}\n# note country=XXX\n")
    settings = {}
    sources, errors = expand_sources([listed], settings)
    assert sources == ["https://l.example/rss", "https://o.example/rss", "https://p.example/rss"] and errors == []
    assert settings == {"https://l.example/rss": {"country": "NZL"}, "https://o.example/rss": {"country": "IRL"}}
    assert expand_sources([listed])[0] == sources  # without a settings dict, the same sources


def test_lists_that_fan_out_to_each_other_expand_once_and_are_capped(tmp_path):
    """Three 7 KB lists naming the next one 1,000 times: 10^9 expansions unless each list is
    expanded once; a cap on the total stops any other blow-up with one error."""
    import time

    write(tmp_path / "c.txt", "".join(f"https://feeds.example.org/{i}.rss\n" for i in range(300)))
    write(tmp_path / "b.txt", "c.txt\n" * 1000)
    write(tmp_path / "a.txt", "b.txt\n" * 1000)
    started = time.monotonic()
    sources, errors = expand_sources([str(tmp_path / "a.txt")])
    assert time.monotonic() - started < 5
    assert len(sources) == 300 and errors == []
    sources, errors = expand_sources([str(tmp_path / "a.txt")], max_sources=100)
    assert len(sources) == 100 and len(errors) == 1 and "more than 100 sources" in errors[0][1]
