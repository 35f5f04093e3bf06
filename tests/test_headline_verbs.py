"""A headline verb the tagger read as a noun is tried as a verb (transforms/extract/headline_verbs.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.evaluate import gold_article
from tests.test_extractor import extract, extract_on, triples
from transforms.extract.engine import extract_events
from transforms.extract.headline_verbs import HEADLINE_VERBS, past_forms
from transforms.extract.texts import texts_to_parse


@pytest.mark.parametrize(("lemma", "first"), [("summon", "summoned"), ("ban", "banned"), ("rule", "ruled"),
                                               ("apply", "applied"), ("strike", "struck"), ("visit", "visited")])
def test_past_forms_try_the_likelier_spelling_first(lemma, first):
    assert past_forms(lemma)[0] == first


def test_a_two_syllable_verb_also_tries_the_doubled_consonant():
    assert past_forms("admit") == ["admited", "admitted"]


@pytest.mark.parametrize(("title", "verb", "expected"), [
    ("Ghana summons Swedish ambassador over effigy protest", "summons", ("GHA", "11", "SWE")),
    ("Ghana fires ‘unidentified’ ballistic missile into the sea", "fires", ("GHA", "15", None)),  # a show of force
])
def test_a_headline_verb_read_as_a_plural_noun_gives_its_event(nlp, title, verb, expected):
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == verb).tag_ == "NNS"  # the small model's reading
    doc = nlp(title)
    word = next(t for t in doc if t.text == verb)
    assert (word.tag_, word.pos_, word.dep_) == ("VBZ", "VERB", "ROOT")  # the headline's own tense
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(title)]  # the words are the title's
    assert expected in triples(extract(nlp, "", title=title))


@pytest.mark.parametrize(("title", "verb", "noun"), [("Ghana tightens ban on Togolese poultry", "tightens", "ban"),
                                                ("Ghana issues warrant for Togolese businessman", "issues", "warrant")])
def test_a_headline_verb_read_as_a_noun_before_its_object_read_as_a_verb(nlp, title, verb, noun):
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        first = {t.text: t.tag_ for t in nlp(title)}
    assert (first[verb], first[noun]) == ("NNS", "VBP")  # "issues" the subject, "warrant" the verb
    doc = {t.text: t for t in nlp(title)}
    assert (doc[verb].tag_, doc[verb].dep_) == ("VBZ", "ROOT")
    assert (doc[noun].pos_, doc[noun].dep_, doc[noun].head.text) == ("NOUN", "dobj", verb)


def test_a_headline_verb_read_as_a_singular_noun_after_a_plural_subject_gives_its_event(nlp):
    title = "Ghanaian police detain activists on Togo border anniversary"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "detain").tag_ == "NN"  # the small model's reading
    word = next(t for t in nlp(title) if t.text == "detain")
    assert (word.tag_, word.pos_, word.dep_) == ("VBP", "VERB", "ROOT")  # plural present, as written
    assert ("GHA", "17") in {(e.actor, e.event_root) for e in extract(nlp, "", title=title)}


@pytest.mark.parametrize(("title", "verb", "first_tag"), [
    ("Ghana, Togo sign deal to expand border trade", "sign", "NN"),        # a headline's comma for "and"
    ("Ghana and Togo reopen embassies after years-long rift", "reopen", "JJ"),  # read as an adjective
    # each name with its owner's before it, which the parser reads as no list
    ("Ghana's Mahama and Togo's Gnassingbe sign deal to expand border trade", "sign", "NN"),
])
def test_a_verb_after_a_list_of_names_gives_each_name_its_event(nlp, title, verb, first_tag):
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == verb).tag_ == first_tag  # the small model's reading
    word = next(t for t in nlp(title) if t.text == verb)
    assert (word.tag_, word.pos_, word.dep_) == ("VBP", "VERB", "ROOT")
    events = {(e.actor, e.event_root, e.target) for e in extract(nlp, "", title=title)}
    assert {("GHA", "05", "TGO"), ("TGO", "05", "GHA")} <= events


def test_the_verb_of_what_a_speaker_says_read_as_a_plural_noun_gives_its_event(nlp):
    title = "Benin says Togo summons Ghanaian ambassador"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "summons").tag_ == "NNS"  # the small model's reading
    word = next(t for t in nlp(title) if t.text == "summons")
    assert (word.pos_, word.dep_, word.head.text) == ("VERB", "ccomp", "says")
    assert ("TGO", "11", "GHA") in triples(extract(nlp, "", title=title))


def test_a_noun_after_a_singular_noun_stays_a_compound(nlp):
    # "strike" could be a verb, but "doctor" would be a singular subject for it
    doc = nlp("Ghanaian junior doctor strike warning for March")
    assert next(t for t in doc if t.text == "strike").pos_ == "NOUN"


def test_a_plural_subject_before_its_verb_stays_a_subject(nlp):
    # "strikes" could be a verb, but then "target" would have to be its object: it is the verb
    doc = nlp("Ghanaian air strikes target Togolese border posts")
    assert [(t.text, t.pos_) for t in doc if t.dep_ == "ROOT"] == [("target", "VERB")]


def test_a_noun_phrase_headline_stays_a_noun_phrase(nlp):
    title = "Ghana's cocoa exports: record highs"
    doc = nlp(title)
    assert not any(t.pos_ == "VERB" for t in doc)
    assert extract(nlp, "", title=title) == []


def test_a_sentence_with_a_verb_is_parsed_once(nlp):
    title = "Ghana summoned the Swedish ambassador over effigy protest"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        first = [(t.tag_, t.dep_, t.head.i) for t in nlp(title)]
    assert [(t.tag_, t.dep_, t.head.i) for t in nlp(title)] == first


def test_a_title_case_headline_s_verb_the_tagger_took_for_a_name_is_parsed_again(nlp):
    """"Pope Visits Mongolia": in a headline in title case the verb comes out as a proper noun
    (NNPS), its lemma unknown; its singular spelling is the verb table's lemma."""
    doc = nlp("Ghana Summons Togolese Ambassador Over Border Clash")
    verb = doc[1]
    assert (verb.pos_, verb.lemma_, verb.dep_) == ("VERB", "summon", "ROOT")
    assert nlp("Ghana's Summons Backlog Grows in Accra")[2].pos_ != "VERB"  # no title-case verb slot


def test_a_relative_clause_s_verb_does_not_stop_the_headline_s_verb_being_tried(nlp):
    """"South Korea Sentences Dissident Who Fled China": the relative clause's finite verb
    ("fled") is not the headline's, which the tagger read as a plural noun."""
    title = "Ghana Sentences Activist Who Fled Togo"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "Sentences").pos_ != "VERB"  # the small model's reading
    assert ("GHA", "17", "TGO") in triples(extract(nlp, "", title=title))
    doc = nlp("Ghana arrests suspect who attacked Togolese police")  # already a verb: parsed once, unchanged
    assert doc[1].pos_ == "VERB" and doc[4].dep_ == "relcl"


def test_pm_is_read_as_a_title_not_a_time(nlp):
    """transforms/extract/model.READ_AS: the model saw "PM" as post meridiem and ended the sentence
    after it, which cut the speaker off what they said."""
    doc = nlp("Ghana has agreed to make Togo a permanent member, Indian PM Modi says")
    assert len(list(doc.sents)) == 1
    assert next(t for t in doc if t.text == "PM").dep_ == "compound"
    rows = extract(nlp, "", title="Ghana has agreed to make Togo a permanent member, Indian PM Modi says")
    assert ("IND", "GOV", "01") in [(e.actor, e.actor_type, e.event_root) for e in rows]


def test_a_subordinate_clause_s_verb_is_no_verb_of_the_headline(nlp):
    """"Netanyahu rejects calls for ceasefire as troops push into Gaza": the verb after "as" is
    its clause's own, so the headline's one finite verb is the misread object ("calls" as VBZ)."""
    title = "Ghana issues calls for ceasefire as troops mass on border"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        first = {t.text: t.tag_ for t in nlp(title)}
    assert (first["issues"], first["calls"]) == ("NNS", "VBZ")  # the small model's reading
    assert ("GHA", "02") in {(e.actor, e.event_root) for e in extract(nlp, "", title=title)}


def test_nlp_pipe_repairs_a_batch_as_nlp_repairs_each_text(nlp, monkeypatch):
    """In `nlp.pipe` the batch's candidate sentences are parsed again together (one pass of each
    component instead of one per sentence); every document comes out as `nlp(text)` leaves it,
    including one with two candidate sentences and one whose first past form is not the verb."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    from transforms.extract.headline_verbs import HeadlineVerbs

    texts = ["Ghana summons Swedish ambassador over effigy protest", "Ghana's cocoa exports: record highs",
             "Ghana tightens ban on Togolese poultry", "Ghana issues warrant for Togolese businessman",
             "Ghana Summons Togolese Ambassador Over Border Clash", "Ghana Sentences Activist Who Fled Togo",
             "Junior doctor strike warning", "Ghana summoned the Swedish ambassador over effigy protest",
             "Ghana and Togo reopen embassies\nGhana fires missile into the sea", "Ghana admits envoy"]
    attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
    passes = []
    batch = HeadlineVerbs._reparse_batch

    def counted(self, requests):
        passes.append(len(requests))
        return batch(self, requests)

    one_by_one = [nlp(text).to_array(attrs).tolist() for text in texts]
    monkeypatch.setattr(HeadlineVerbs, "_reparse_batch", counted)
    together = [doc.to_array(attrs).tolist() for doc in nlp.pipe(texts, batch_size=len(texts))]
    assert together == one_by_one
    assert passes and passes[0] > 1 and len(passes) < sum(passes)


def test_a_headline_verb_before_a_compound_object_read_as_a_verb(nlp):
    """"Ghana issues arrest warrant for ...": the first parse takes "issues" for an auxiliary (its
    lemma left "issues") and "arrest" for the verb; read as "issued", "arrest" is a word of the
    object, not its head, and the repair still holds."""
    title = "Ghana issues arrest warrant for Togolese minister"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        first = {t.text: (t.pos_, t.lemma_) for t in nlp(title)}
    assert first["issues"] == ("AUX", "issues") and first["arrest"][0] == "VERB"  # the small model's reading
    doc = {t.text: t for t in nlp(title)}
    assert (doc["issues"].tag_, doc["issues"].dep_, doc["warrant"].head.text) == ("VBZ", "ROOT", "issues")
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "", title=title))


def test_a_name_the_tagger_read_as_a_verb_still_subjects_the_headline_verb(nlp):
    """"Blinken heads to Beijing": the small model tags the name as a verb and the verb as a
    plural noun; the name at the head of the headline still counts as the word before the verb.
    A people's adjective does not ("Ukrainian forces gain ground": "forces" stays a noun)."""
    title = "Blinken heads to Beijing for talks"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        first = {t.text: t.pos_ for t in nlp(title)}
    assert (first["Blinken"], first["heads"]) == ("VERB", "NOUN")  # the small model's reading
    word = next(t for t in nlp(title) if t.text == "heads")
    assert (word.pos_, word.dep_) == ("VERB", "ROOT")
    assert ("USA", "04", "CHN") in triples(extract_on(nlp, dt.date(2023, 6, 1), "", title=title))
    forces = next(t for t in nlp("Ukrainian forces gain ground in Bakhmut") if t.text == "forces")
    assert forces.pos_ == "NOUN"


def test_a_group_known_by_a_plural_name_takes_a_plural_headline_verb(nlp):
    """"Houthis launch missile at Norwegian tanker": the tagger reads "Houthis" as an adjective
    and "launch" as a noun; a group the tables know by a plural name is a plural subject. A side
    of a hyphenated pair is not ("Israel-Hamas conflict in Gaza traps Lebanon")."""
    assert ("HOUTHIS", "19", "NOR") in triples(extract(nlp, "", title="Houthis launch missile at Norwegian tanker"))
    conflict = next(t for t in nlp("Israel-Hamas conflict in Gaza traps Lebanon") if t.text == "conflict")
    assert conflict.pos_ == "NOUN"


def test_the_first_of_two_verbs_after_a_comma_is_tried(nlp):
    """"Turkey summons ... , demands ...": the parser makes "summons" the subject of "demands";
    both are Turkey's acts."""
    title = "Turkey summons Swedish envoy, demands apology"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "summons").dep_ == "nsubj"  # the small model's reading
    assert ("TUR", "11", "SWE") in triples(extract(nlp, "", title=title))


def test_a_verb_after_a_placed_plural_subject_is_tried(nlp):
    """"Thousands in Honduras march ...": the verb follows the place, not the plural subject."""
    title = "Hundreds in Togo march in anti-government protest"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "march").pos_ != "VERB"  # the small model's reading
    assert ("TGO", "14") in {(actor, root) for actor, root, _ in triples(extract(nlp, "", title=title))}


@pytest.mark.parametrize(("title", "expected"), [
    ("Kenya attacks west Togo as deadline nears", ("KEN", "19", "TGO")),
    ("Kenya attacks east Ukraine as milestone nears", ("KEN", "19", "UKR")),  # the verb read as the subject of "nears"
    ("Egypt sanctions Boeing, Airbus over Togo arms sales", ("EGY", "16", "BOEING")),  # read as a compound of a noun; the companies table knows Boeing
])
def test_a_name_read_as_a_modifier_of_the_headline_verb_is_its_subject(nlp, title, expected):
    """"Russia attacks east Ukraine as milestone nears": the small model tags the verb as a verb
    but hangs the name before it on it (or on the noun it reads the verb into) as a modifier, and
    the headline has no subject; the past form gives the name back as the subject."""
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        first = nlp(title)
    assert first[1].tag_ == "VBZ" and first[0].dep_ == "compound"  # the small model's reading
    assert expected in triples(extract(nlp, "", title=title))
    # a name that is a modifier of a noun, not of a verb, stays so: no act
    assert not extract(nlp, "", title="Kenya election results due as deadline nears")


def test_a_verb_after_a_person_the_tagger_took_for_an_adjective_is_tried(nlp):
    """headline_verbs._names_something: "Brazil's Lula heads to China" has "Lula" as an
    adjective and "heads" as a plural noun; a name of the people table is a name whatever its
    tag, so "heads" is tried as the verb, and the trip is a visit."""
    title = "Brazil’s Lula heads to China hoping to boost trade, investments"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "Lula").tag_ == "JJ"  # the small model's reading
    assert ("BRA", "04", "CHN") in triples(extract_on(nlp, dt.date(2023, 4, 12), "", title))


def test_a_plural_subject_before_a_verb_with_a_named_object_stays_the_subject(nlp):
    """headline_verbs._has_object: "Chinese navy ships visit Myanmar" already has its subject,
    verb and object; "ships" is not tried as the verb (it made the visit a shipment, aid)."""
    doc = nlp("Chinese navy ships visit Myanmar amid heightened security tensions")
    assert next(t for t in doc if t.text == "visit").dep_ == "ROOT"
    assert not any(e.event_root == "07" for e in extract(nlp, "", title="Chinese navy ships visit Myanmar amid heightened security tensions"))


def test_a_noun_after_a_list_of_owned_names_before_a_verb_stays_a_noun(nlp):
    """"Germany's Scholz, France's Macron visit marks thaw": with a finite verb after it, the
    word after the list is a noun the list owns, not the list's verb."""
    title = "Ghana's Mahama, Togo's Gnassingbe visit marks thaw"
    assert not any(e.event_root == "04" for e in extract(nlp, "", title=title))


def test_a_headline_verb_in_ies_read_as_a_plural_noun_is_tried(nlp):
    """The lemmatizer makes "intensifie" of a plural "intensifies"; the verb is "intensify"."""
    title = "Ghana intensifies bombing of rebel camps"
    with nlp.select_pipes(disable=[HEADLINE_VERBS]):
        assert next(t for t in nlp(title) if t.text == "intensifies").tag_ == "NNS"  # the small model's reading
    assert ("GHA", "19", None) in triples(extract(nlp, "", title=title))


@pytest.mark.parametrize("title", ["US and UN pause aid to Somalia", "US, UN pause aid to Somalia"])
def test_a_verb_after_two_names_the_parser_did_not_list_is_tried(nlp, title):
    """"US and UN" read as no list, and "US, UN" given to the parser as "US& UN"
    (headlines.coordinated_names keeps the title's length): the second parse puts a space before
    the "&", which the model reads."""
    article = gold_article({"id": "x", "title": title, "text": "", "date": "2026-11-20"})
    doc = nlp(texts_to_parse(article)[0])
    assert next(t for t in doc if t.text == "pause").dep_ == "ROOT"
    events = triples(extract_events(article, doc, None, "test"))
    assert {("USA", "16", "SOM"), ("UN", "16", "SOM")} <= events


def test_a_role_noun_before_a_verb_stays_its_subject(nlp):
    """"forces" is what the actor tables call a military role: before "vow" it is the subject,
    not the verb "forced" (the vow was once read as what was forced)."""
    events = extract(nlp, "", title="Ghana, Togo forces vow to ramp up offensive against rebels")
    assert not any(e.event_root == "17" for e in events)
    assert any(e.event_root == "13" for e in events)  # the vow


@pytest.mark.parametrize(("title", "expected"), [
    ("Togo defiant after Ghana halts funding over border row", ("GHA", "16", None)),
    ("Thousands flee north as Ghana orders evacuation of border towns", ("GHA", "10", None)),
    # "deal" read as the clause's verb: the second parse makes it the object
    ("Togo hails new era after Ghana strikes deal with Lome", ("GHA", "05", "TGO")),
])
def test_the_verb_of_a_headline_s_subordinate_clause_read_as_a_noun_is_tried(nlp, title, expected):
    """headline_verbs.subordinate_candidate: a name and a plural noun after "after" or "as" are
    that clause's subject and verb, whatever the headline's own verb is."""
    assert expected in triples(extract(nlp, "", title=title))


def test_a_subordinate_clause_s_noun_before_its_verb_stays_a_noun(nlp):
    events = extract(nlp, "", title="Lome braces as Ghana forces in the region assess situation")
    assert not any(e.event_root == "17" for e in events)


@pytest.mark.parametrize(("title", "absent"), [
    ("Cedi slides as Ghana sanctions bite", ("GHA", "16", None)),  # sanctions on Ghana
    ("Uproar after Accra blasts in market", ("GHA", "11", None)),  # explosions, no criticism
])
def test_a_subordinate_clause_s_event_noun_stays_a_noun(nlp, title, absent):
    assert absent not in triples(extract(nlp, "", title=title))


def test_of_two_subjects_the_one_after_the_conjunction_is_the_verb_s(nlp):
    """clauses._after_a_conjunction: "Uganda defiant as World Bank suspends funding": the parser
    gives "suspends" two subjects; Uganda is none of the suspending."""
    events = triples(extract(nlp, "", title="Uganda defiant as World Bank suspends funding"))
    assert ("WB", "16", None) in events and not any(actor == "UGA" for actor, _, _ in events)


def test_a_headline_verb_before_a_bare_noun_is_tried_with_the_article_put_back(nlp):
    """"blocked appointment of ..." stays a noun phrase for the small model, "blocked the
    appointment of ..." does not: the last second parse puts the dropped article back and reads
    the parse without it."""
    title = "Ghana's supreme court blocks appointment of new electoral commissioner"
    doc = nlp(title)
    assert [t.text for t in doc] == [t.text for t in nlp.make_doc(title)]
    assert next(t for t in doc if t.text == "blocks").dep_ == "ROOT"
    assert ("GHA", "12", None) in triples(extract(nlp, "", title=title))


def test_an_article_put_back_into_an_entity_leaves_the_entities_whole(nlp):
    """"marked the end of ...": the model makes "the end" a date, which the article begins; that
    second parse is not used (its entities would start inside the first word)."""
    text = "Arrest in Lome marks end of year-long manhunt\nMore follows."
    doc = nlp(text)
    assert all(ent.start_char >= 0 for ent in doc.ents)  # a valid entity sequence
    extract(nlp, text, title="Togo police arrest escaped prisoner")
