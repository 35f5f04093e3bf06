"""The pre-filter: cheap rules, offsets kept, and no event lost against full parses."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import DATA

from schemas.records import Article
from transforms.extract.prefilter import (
    Prefilter,
    build_vocabulary,
    english_inflections,
    rule_inflections,
    split_sentences,
)


@pytest.fixture(scope="module")
def toy():
    """A pre-filter whose only triggers are a few verb forms (no model needed)."""
    return Prefilter(build_vocabulary({"said", "criticized", "imposed", "met"}))


def sentences(text):
    return [text[a:b].strip() for a, b in split_sentences(text)]


def test_split_sentences_by_a_cheap_rule_that_spares_abbreviations():
    text = 'Mr. Smith met U.S. officials. "We agree," he said! Gen. Lee left.\nRead more: here'
    assert sentences(text) == ["Mr. Smith met U.S. officials.", '"We agree," he said!', "Gen. Lee left.", "Read more: here"]
    assert sentences("J. R. Doe spoke. Then 5 left.") == ["J. R. Doe spoke.", "Then 5 left."]


def test_inflections_cover_regular_and_irregular_forms():
    forms = english_inflections("seek") | english_inflections("impose") | english_inflections("stop")
    assert {"seeks", "sought", "seeking", "imposed", "imposing", "stopped", "stopping"} <= forms
    # The inverse of a rule lemmatizer: every string its rules or exceptions map to the lemma.
    rules = [("s", ""), ("es", "e"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")]
    assert {"imposes", "imposed", "imposing", "struck"} <= rule_inflections("impose", rules, {}) | rule_inflections(
        "strike", rules, {"struck": ["strike"]})


def test_mask_keeps_offsets_and_blanks_sentences_without_actor_or_verb(toy):
    title = "Weather: a sunny weekend ahead"
    text = "Rain stopped on Friday.\nThe EU imposed sanctions on Belarus. Fans said it was great."
    masked_title, masked_body = toy.mask(title, text)
    assert masked_title is None  # nothing there can hold an event: not parsed at all
    assert len(masked_body) == len(text)
    assert masked_body.strip() == "The EU imposed sanctions on Belarus."
    assert masked_body.count("\n") == text.count("\n")
    start = text.index("The EU")
    assert masked_body[start : start + 36] == text[start : start + 36]


def test_short_names_need_a_capital(toy):
    assert toy.mask("They said it would help us", "")[0] is None
    assert toy.mask("The US said it would help", "")[0] == "The US said it would help"
    assert toy.mask("The U.S. said it would help", "")[0] is not None


def test_anaphors_and_defined_acronyms_count_as_actors(toy):
    assert toy.mask("He said no", "The EU imposed sanctions.")[0] == "He said no"  # after a parsed sentence
    text = "Leaders of the Wider Widget Organization (WWO) gathered. The WWO criticized the plan."
    assert toy.mask("Summit", text)[1].strip().startswith("The WWO criticized")


def test_a_sentence_introducing_a_person_is_kept_when_the_person_acts_later(toy):
    text = ("Russian Deputy Foreign Minister Sergei Ryabkov was in Minsk on Monday. The weather was fine. "
            "Ryabkov criticized the sanctions.")
    body = toy.mask("Talks", text)[1]
    assert "Sergei Ryabkov was in Minsk" in body
    assert "weather" not in body
    assert "Ryabkov criticized" in body
    # Nobody uses the introduction later: it is not parsed.
    assert toy.mask("Talks", "Russian Deputy Foreign Minister Sergei Ryabkov was in Minsk on Monday.")[1] is None


def _gold_articles():
    with (DATA / "gold_written.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                row = json.loads(line)
                date = dt.date.fromisoformat(row["date"]) if row.get("date") else dt.date(2026, 11, 20)
                yield Article(row["id"], None, row.get("title") or "", row.get("text") or "", None, date, "run",
                              "gold", "gold")


def _events(nlp, prefilter, articles):
    """The rows as a worker makes them (transforms/extract/stage.extract_batch)."""
    from transforms.extract.stage import extract_batch

    keys = set()
    for first in range(0, len(articles), 32):
        for _, events in extract_batch(nlp, prefilter, articles[first: first + 32], "t"):
            keys.update((e.article_id, e.actor, e.event_code, e.target, e.char_start, e.char_end, e.speaker)
                        for e in events)
    return keys


@pytest.mark.skipif(not (DATA / "gold_written.jsonl").exists(), reason="no gold file")
def test_no_event_is_lost_on_the_gold_texts(nlp):
    """The same events, evidence offsets and speakers with and without the pre-filter."""
    from transforms.extract.stage import load_prefilter

    articles = list(_gold_articles())
    full = _events(nlp, None, articles)
    filtered = _events(nlp, load_prefilter(nlp), articles)
    assert full and filtered == full


def test_he_or_the_bloc_with_nothing_parsed_before_is_not_parsed(monkeypatch):
    """"He said ..." names whom the text named before it (ArticleActors._refer_back): as the body's
    first kept sentence it names nobody. After a kept sentence it stays; "the two leaders" reads
    the headline's pair, learned before the body, and stays anywhere."""
    from schemas import ontology

    monkeypatch.setattr(ontology, "anaphora", lambda: {
        "he": "PERSON", "she": "PERSON", "the bloc": "IGO", "the two leaders": "PAIR", "the leaders": "PAIR"})
    prefilter = Prefilter(build_vocabulary({"said", "criticized", "met"}))
    assert prefilter.mask("Weather", "He said it would rain. The bloc said so too.") == (None, None)
    body = prefilter.mask("Talks", "She said she would go. The EU criticized Russia. He said so again.")[1]
    assert body.strip() == "The EU criticized Russia. He said so again."
    # In reading order the title comes after the body.
    assert prefilter.mask("He criticized the plan", "The EU criticized Russia.")[0] == "He criticized the plan"
    assert prefilter.mask("He criticized the plan", "Rain fell.") == (None, None)
    assert prefilter.mask("Summit", "The two leaders met in Paris.")[1] == "The two leaders met in Paris."
    # A sentence that introduces a person a later kept sentence names stays.
    text = "He met Ryabkov. The EU criticized Russia. Ryabkov said so."
    assert prefilter.mask("Talks", text)[1] == text


def test_role_nouns_count_when_the_headline_names_a_country():
    prefilter = Prefilter(build_vocabulary({"arrested"}, role_words={"police"}))
    text = "Police arrested 12 protesters."
    title, body = prefilter.mask("Clashes in Georgia", text)
    assert (title, body) == ("Clashes in Georgia", text)  # the headline frames "police": parsed whole
    assert prefilter.mask("Clashes downtown", text) == (None, None)


def test_a_headline_attributed_to_a_person_is_kept(nlp):
    """'... – Lavrov' has no dictionary verb, but it is Lavrov's statement (transforms/extract/engine.py)."""
    from transforms.extract.stage import load_prefilter

    title = "Relations with Pyongyang have reached a completely new level – Lavrov"
    kept_title, _ = load_prefilter(nlp).mask(title, "")
    assert kept_title == title


def test_a_possessive_is_no_trigger(nlp):
    """The model's tables spell "let's" with a clitic "'s"; its letter must not make every
    "Israel's" or "the minister's" a trigger word."""
    from transforms.extract.model import surface_forms
    from transforms.extract.stage import load_prefilter

    forms = surface_forms(nlp, {"let", "say"}, "verb")
    assert {"let", "says"} <= forms and not [form for form in forms if len(form) < 2]
    assert load_prefilter(nlp).mask("", "Israel's new team coach is from Sweden.") == (None, None)


def test_spellings_of_lemmas_are_their_own_and_add_up(nlp):
    """A special case is a spelling of a lemma only through its own pieces: "let's" is a
    spelling of "let", but the letters it leaves ("s") do not make "hes" ("he's") one too.
    The spellings of a set of lemmas are the union of each lemma's, so one `SurfaceForms`
    can remember them lemma by lemma."""
    from transforms.extract.model import SurfaceForms

    spell = SurfaceForms(nlp)
    let = spell({"let"}, "verb")
    assert "let" in let and not {"hes", "thats", "whats"} & let
    assert spell({"let", "say", "meet"}, "verb") == SurfaceForms(nlp)({"let"}, "verb") | spell(
        {"say"}, "verb") | spell({"meet"}, "verb")


def test_role_nouns_count_in_a_story_the_outlet_frames():
    """A British outlet's "The government announced ..." is the British government
    (transforms/extract/outlets.py): the sentence is kept, and so is any sentence naming a
    country, which may lift the frame (ArticleActors.frame_with_outlet)."""
    prefilter = Prefilter(build_vocabulary({"announced"}, role_words={"police"}, outlet_role_words={"government", "police"}))
    text = "The government announced a new tax. The weather in France was fine."
    assert prefilter.mask("Budget day", text) == (None, None)
    title, body = prefilter.mask("Budget day", text, outlet_framed=True)
    assert title is None and body == text
    alone = "The government announced a new tax. The weather was fine."
    kept = "The government announced a new tax."
    assert prefilter.mask("Budget day", alone, outlet_framed=True)[1] == kept + " " * (len(alone) - len(kept))
    # With no role noun kept, the frame decides nothing: the other country's sentence is not needed.
    named = "France announced a new tax. The weather in Spain was fine."
    kept = "France announced a new tax."
    assert prefilter.mask("Budget day", named, outlet_framed=True)[1] == kept + " " * (len(named) - len(kept))


def test_a_verb_that_is_an_event_only_with_certain_words_needs_one_of_them(nlp):
    """Every rule of "set" names its object or particle ("set a deadline", "set fire to"): without
    one of those words the verb cannot match a rule, so the sentence is not parsed."""
    from transforms.extract.prefilter import conditional_verbs
    from transforms.extract.stage import load_prefilter

    assert "deadline" in conditional_verbs()["set"] and "say" not in conditional_verbs()
    prefilter = load_prefilter(nlp)
    assert prefilter.mask("", "France set a new record in the relay.") == (None, None)
    kept = "France set a deadline for Chad."
    assert prefilter.mask("", kept) == (None, kept)
    assert prefilter.mask("", "France sets deadlines for Chad.") == (None, "France sets deadlines for Chad.")

    toy = Prefilter(build_vocabulary({"made", "said"}, conditions={"made": {"visit", "visits"}}))
    assert toy.mask("", "France made a cake.") == (None, None)
    assert toy.mask("", "France made a visit.") == (None, "France made a visit.")
    assert toy.mask("", "France said it made a cake.") == (None, "France said it made a cake.")


def test_a_place_beside_an_office_noun_counts_as_an_actor():
    """"The mayor of Kumasi", "Ashanti police": a capitalized place of places.csv beside an office
    noun is an actor the resolver names (actors.PLACE_OFFICES), so its sentence is parsed; the
    place alone, or beside residents, is no actor."""
    prefilter = Prefilter(build_vocabulary({"condemned"}, office_words={"mayor", "police"}))
    for text in ("The mayor of Kumasi condemned the attack.", "Ashanti police condemned the attack."):
        assert prefilter.mask("Market fire", text)[1] == text
    for text in ("Kumasi residents condemned the attack.", "The mayor condemned the attack.",
                 "The mayor of kumasi condemned the attack."):
        assert prefilter.mask("Market fire", text) == (None, None)


def test_an_abbreviated_title_counts_as_its_role(nlp):
    """"Sen." is a senator's title (schemas/data/title_abbreviations.csv): in a story the outlet
    frames, the sentence may name its actor."""
    from transforms.extract.stage import load_prefilter

    text = "Sen. Kwame Asante criticized the budget plan."
    assert load_prefilter(nlp).mask("Budget day", text, outlet_framed=True)[1] == text
    assert load_prefilter(nlp).mask("Budget day", text, outlet_framed=False)[1] is None


def test_an_acronym_written_with_periods_is_kept_as_the_acronym(nlp):
    """"I.M.F." is the IMF to the resolver (ontology.normalize_name), so its sentence is parsed;
    "i.e." names no one."""
    from schemas import ontology
    from transforms.extract.stage import load_prefilter

    assert ontology.normalize_name("I.M.F.") == "imf" and ontology.normalize_name("U.N.") == "u.n."
    text = "The I.M.F. approved the loan."
    assert load_prefilter(nlp).mask("", text)[1] == text
    assert load_prefilter(nlp).mask("", "The bank, i.e. the lender, approved the loan.")[1] is None


def test_a_crowd_beside_a_protest_word_is_kept_where_a_country_frames_it(nlp):
    """"Workers protest at a factory" under a headline naming China: the extractor codes the crowd
    as the country's (engine._crowd_of_the_place), so the sentence is parsed; the crowd beside
    no word that can make a protest, or with nothing to frame it, is not."""
    from transforms.extract.stage import load_prefilter

    prefilter = load_prefilter(nlp)
    text = "Workers protested at a cocoa factory over wages."
    assert prefilter.mask("Ghana cocoa: a factory in trouble", text)[1] == text
    assert prefilter.mask("A factory in trouble", text)[1] is None
    assert prefilter.mask("A factory in trouble", text, outlet_framed=True)[1] == text
    assert prefilter.mask("Ghana cocoa: a factory in trouble", "Workers ate lunch at a cocoa factory.")[1] is None


def test_an_event_noun_with_its_phrase_triggers_by_its_own_word():
    """"launch of missile", "strike over pay": the event noun is the word before the phrase (a
    missile or a pay alone names no event); a compound's event noun is its last word."""
    from transforms.extract.prefilter import head_noun, trigger_lemmas

    assert head_noun("launch of missile") == "launch"
    assert head_noun("strike over pay") == "strike"
    assert head_noun("missile launch") == "launch"
    nouns = trigger_lemmas()["noun"]
    assert {"launch", "declaration", "strike"} <= nouns
    assert not {"missile", "pay"} & nouns
