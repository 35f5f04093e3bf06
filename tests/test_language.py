"""Articles in a language the model does not read are skipped before parsing, as dead letters."""
from __future__ import annotations

import json

from runs_helpers import events, run_ok

from transforms.articles.language import article_language, detect

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Nouvelles</title>
<link>https://nouvelles.example.org</link><description>x</description><language>en</language>
<item><title>Un suspect a été arrêté à Lyon</title><link>https://nouvelles.example.org/1</link>
<description>La police a arrêté un suspect dimanche après l'attaque contre la mairie, selon le préfet.</description>
<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Chile imposes sanctions on Peru</title><link>https://nouvelles.example.org/2</link>
<description>Chile imposed new sanctions on Peru on Monday after the border incident near Tacna.</description>
<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_the_text_decides_the_language_when_the_detector_is_sure():
    assert detect("La police a arrêté un suspect dimanche après l'attaque contre la mairie.") == "fr"
    assert detect("Chile imposed new sanctions on Peru on Monday after the border incident.") == "en"
    assert detect("EU sanctions Peru") is None  # too short to tell
    assert article_language("EU sanctions Peru", "", "en-GB") == "en-GB"  # the feed's declaration stands
    french = "La police a arrêté un suspect dimanche après l'attaque contre la mairie."
    assert article_language("Un suspect arrêté", french, "en-GB") == "fr"  # the text overrules a wrong one


def test_a_french_article_is_skipped_with_a_dead_letter_and_not_retried(tmp_path):
    feed = tmp_path / "nouvelles.rss"
    feed.write_text(FEED, encoding="utf-8")
    output = tmp_path / "out"
    first = run_ok("--feeds", feed, "--output", output, "--run_id", "one")
    assert "ExtractEvents/language_unsupported: 1" in first.stdout
    letters = [json.loads(line) for line in (output / "_errors" / "one.jsonl").read_text().splitlines()]
    assert [(d["reason"], "'fr'" in d["message"]) for d in letters] == [("language_unsupported", True)]
    from pipeline.query import run_query

    rows = run_query(str(output), "SELECT actor, event_root, language FROM events")[1]
    assert rows == [("CHL", "16", "en")]  # no event from the French text, the English one kept
    again = run_ok("--feeds", feed, "--output", output, "--run_id", "two")
    assert "articles unchanged:   2" in again.stdout  # skipped articles are not tried again
    french = run_ok("--feeds", feed, "--output", tmp_path / "fr", "--run_id", "fr", "--languages", "en", "fr")
    assert "language_unsupported" not in french.stdout
    assert events(output)[0] == 1


# Our own sentences: news prose in English, and the same kind of prose in other languages.
ENGLISH = [
    "Ghana said on Monday that it would reopen the border with Togo after talks between the two governments.",
    "The minister, who has been in office since March, told reporters that their plan could not wait.",
]
OTHER = {
    "fr": "Le gouvernement du Ghana a annoncé lundi la réouverture de la frontière avec le Togo après des "
          "discussions entre les deux pays.",
    "de": "Die Regierung von Ghana hat am Montag angekündigt, die Grenze zu Togo nach Gesprächen wieder zu öffnen, "
          "und der Minister sagte, er habe also keine Zeit.",
    "es": "El gobierno de Ghana anunció el lunes que reabrirá la frontera con Togo tras las conversaciones entre "
          "los dos países.",
    "nl": "De regering van Ghana heeft maandag aangekondigd dat de grens met Togo weer opengaat, zei de minister; "
          "we hebben over het plan gesproken.",
    "pt": "O governo do Gana anunciou na segunda-feira que vai reabrir a fronteira com o Togo depois das "
          "conversações entre os dois países.",
    "it": "Il governo del Ghana ha annunciato lunedì la riapertura del confine con il Togo dopo i colloqui "
          "tra i due paesi, con “The State of the Union” in sala.",
}


def test_plainly_english_text_is_told_without_the_detector_and_other_languages_go_to_it():
    from transforms.articles import language

    language._identifier.cache_clear()
    assert all(language.plainly_english(text) for text in ENGLISH)
    assert [language.detect(text) for text in ENGLISH] == ["en", "en"]
    assert language._identifier.cache_info().currsize == 0  # the detector's model was never loaded
    assert not any(language.plainly_english(text) for text in OTHER.values())
    assert {code: language.detect(text) for code, text in OTHER.items()} == {code: code for code in OTHER}
    assert language._identifier.cache_info().currsize == 1
    # Few function words (a headline-like text): the detector decides.
    assert not language.plainly_english("Ghana reopens Togo border after talks between governments, minister says")
