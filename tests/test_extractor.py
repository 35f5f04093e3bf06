"""The extractor on the real spaCy model: actors, codes, syntax, evidence."""
from __future__ import annotations

import datetime as dt

import pytest

from schemas import ontology
from schemas.records import Article
from transforms.extract.engine import extract_events
from transforms.extract.rows import analysed_text, event_id


def article(text: str, title: str = "", article_id: str = "a" * 32) -> Article:
    return Article(
        article_id=article_id, url="https://news.example.org/x", title=title, text=text,
        published=None, date=dt.date(2026, 11, 20), date_basis="run", feed_url="feed.xml",
        source="news.example.org",
    )


def extract(nlp, text: str, title: str = ""):
    art = article(text, title)
    return extract_events(art, nlp(art.title), nlp(art.text) if art.text else None, "test")


def actor_sectors(nlp, text: str) -> set[tuple[str, str | None]]:
    return {(e.actor, e.actor_type) for e in extract(nlp, text)}


def triples(events):
    return {(e.actor, e.event_root, e.target) for e in events}


def test_active_sentence_with_target(nlp):
    events = extract(nlp, "The European Union imposed new sanctions on Belarus.")
    assert ("EU", "16", "BLR") in triples(events)
    row = next(e for e in events if e.actor == "EU")
    assert row.event_code.startswith("16") and row.quad_class == 4 and row.goldstein < 0
    assert row.action == "impose" and row.actor_type == "IGO"


def test_passive_voice_with_agent(nlp):
    events = extract(nlp, "Sanctions were imposed on Belarus by the European Union on Monday.")
    assert ("EU", "16", "BLR") in triples(events)


def test_a_participle_with_its_agent_reports_a_coercive_act_on_the_noun(nlp):
    """"Journalists detained by Togo": a reduced relative clause, the noun is the one acted on."""
    events = extract(nlp, "Two Ghanaian journalists detained by Togo were released on Friday.")
    assert ("TGO", "17", "GHA") in triples(events)
    row = next(e for e in events if e.actor == "TGO")
    assert row.action == "detain"
    hostages = extract(nlp, "Families of the hostages held by Togolese rebels met the president.")
    assert ("TGO", "18") in {(e.actor, e.event_root) for e in hostages}


def test_a_participle_before_the_clause_acts_on_its_subject(nlp):
    """"Besieged by Togolese troops, Ghanaian villagers ...": the agent acts on the main subject;
    a cooperative participle there is a description too ("Backed by Togo, Ghana ...")."""
    events = extract(nlp, "Besieged by Togolese troops, thousands of Ghanaian villagers have lost water.")
    assert ("TGO", "19", "GHA") in triples(events)
    backed = extract(nlp, "Backed by Togo, Ghana opposed the plan.")
    assert not any(e.actor == "TGO" for e in backed)
    assert ("GHA", "12") in {(e.actor, e.event_root) for e in backed}


def test_a_participle_of_support_is_a_description_not_news(nlp):
    """"Talks brokered by Nigeria", "rebels backed by Togo": a standing label of cooperation."""
    events = extract(nlp, "Ghana welcomed the talks brokered by Nigeria with rebels backed by Togo.")
    assert not any(e.actor in ("NGA", "TGO") for e in events)
    assert ("GHA", "05") in {(e.actor, e.event_root) for e in events}


def test_an_act_that_has_lasted_years_is_background_and_one_of_days_is_news(nlp):
    assert not extract(nlp, "Togo has supported the Ghanaian opposition since 2014.")
    assert not extract(nlp, "Togo, which has fought Ghana for more than 40 years, is isolated.")
    assert ("TGO", "05", "GHA") in triples(extract(nlp, "Togo has supported the Ghanaian opposition."))
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "Togo has shelled the Ghanaian border town for three days."))
    assert ("TGO", "02", "GHA") in triples(extract(nlp, "Togo has been urging Ghana for many years to reopen the border."))
    # the span the parser hangs on the auxiliary ("have for years sought")
    assert not extract(nlp, "Togolese authorities have for years sought the arrest of Kofi Mensah, a Ghanaian national.")


def test_negated_action_is_not_the_positive_code(nlp):
    events = extract(nlp, "China did not sign the treaty.")
    assert not any(e.actor == "CHN" and e.event_code == "057" for e in events)


def test_compound_subject_gives_one_event_per_actor(nlp):
    events = extract(nlp, "India and Japan signed a defence agreement.")
    assert {("IND", "05", "JPN"), ("JPN", "05", "IND")} <= triples(events)


def test_titled_official_resolves_to_country_and_surname_later(nlp):
    text = (
        "Indian Prime Minister Narendra Modi visited Japan on Tuesday. "
        "Later, Modi accused Pakistan of harbouring militants."
    )
    events = extract(nlp, text)
    visit = next(e for e in events if e.event_root == "04")
    assert (visit.actor, visit.target, visit.actor_type) == ("IND", "JPN", "GOV")
    assert ("IND", "11", "PAK") in triples(events)


def test_reported_speech_sets_the_speaker(nlp):
    text = "Russian Foreign Minister Sergey Lavrov said that the Collective Security Treaty Organization (CSTO) has agreed on the principle of indivisible security."
    events = extract(nlp, text)
    csto = [e for e in events if e.actor == "CSTO"]
    assert csto and csto[0].speaker == "RUS" and csto[0].event_root in ("03", "05")
    assert "principle" in (csto[0].object or "")


def test_unresolvable_subject_gives_no_event(nlp):
    assert extract(nlp, "Officials said they would meet again. He criticized the plan.") == []


def test_evidence_offsets_point_at_the_sentence(nlp):
    title = "EU sanctions Belarus"
    text = "Talks ended on Monday. The European Union imposed new sanctions on Belarus."
    art = article(text, title)
    events = extract_events(art, nlp(title), nlp(text), "test")
    full = analysed_text(art)
    assert events
    for e in events:
        assert full[e.char_start : e.char_end] == e.sentence


def test_title_and_body_mentions_collapse_into_one_row(nlp):
    events = extract(
        nlp,
        "Ukraine accused Russia of shelling civilian areas on Monday.",
        title="Ukraine accuses Russia of shelling",
    )
    keys = [(e.actor, e.event_code, e.target) for e in events]
    assert len(keys) == len(set(keys))
    accusation = [e for e in events if (e.actor, e.target) == ("UKR", "RUS") and e.event_root == "11"]
    assert len(accusation) == 1
    assert accusation[0].char_start > len("Ukraine accuses Russia of shelling")  # the body's evidence won


def test_event_ids_are_deterministic(nlp):
    first = extract(nlp, "The European Union imposed new sanctions on Belarus.")
    second = extract(nlp, "The European Union imposed new sanctions on Belarus.")
    assert [e.event_id for e in first] == [e.event_id for e in second]
    assert first[0].event_id == event_id("a" * 32, first[0].actor, first[0].event_code, first[0].target)
    assert event_id("a" * 32, "EU", "163", "BLR") != event_id("b" * 32, "EU", "163", "BLR")


def test_members_of_an_organization_act_for_it(nlp):
    assert ("NATO", "12", None) in triples(extract(nlp, "NATO members ignored those requests."))


@pytest.mark.parametrize(
    "text",
    [
        "Brazil beat Argentina 2-0 in Buenos Aires.",
        "The central bank raised rates to fight inflation.",
        "Nigerian bank stocks rallied after the naira strengthened.",
        "Israel will respond if Iran attacks its territory.",
        "A Ghanaian finalist beaten by Brazilian officials was in tears.",
        # an event noun in a sentence about sport: a match
        "Ghanaian fans will make the trip to Togo for the Accra club's Champions League clash at the Kegue stadium.",
    ],
)
def test_no_event_from_sports_markets_or_conditions(nlp, text):
    events = extract(nlp, text)
    assert not [e for e in events if e.event_root in ("14", "18", "19") or e.actor in ("BRA", "NGA")], events


def test_complements_set_the_code(nlp):
    assert ("RUS", "03", "SYR") in triples(extract(nlp, "Russia agreed to provide aid to Syria."))
    assert ("USA", "02", "RUS") in triples(extract(nlp, "The United States urged Russia to withdraw its troops from Ukraine."))
    threat = extract(nlp, "North Korea threatened to launch missile strikes against Japan.")
    assert ("PRK", "13", "JPN") in triples(threat) and not any(e.event_root == "19" for e in threat)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting reported as scheduled is the meeting; the actor's own word is an intent
        ("Ghana's president will meet the Togolese president in Lome on Friday.", ("GHA", "04", "TGO")),
        ("The African Union will host a meeting on Sudan in Addis Ababa.", ("AU", "04", "SDN")),
        ("Ghana said it will hold talks with Togo.", ("GHA", "03", "TGO")),
        # a meeting of others that someone reports is the meeting
        ("Foreign ministers of Ghana and Togo will meet on Sunday in Lome, Benin confirms.", ("GHA", "04", "TGO")),
        ("Benin said the presidents of Ghana and Togo will hold talks on Monday.", ("GHA", "04", "TGO")),
        ("Benin said Benin will hold talks with Togo.", ("BEN", "03", "TGO")),
        ("Ghana's president will visit Togo next week, the Ghanaian foreign ministry said.", ("GHA", "03", "TGO")),
        # words that schedule it ("is due to", "is set to", "is scheduled to") tell the same
        ("The Ghanaian president is due to meet his Togolese counterpart in Lome.", ("GHA", "04", "TGO")),
        ("The Ghanaian foreign minister is set to visit Togo on Friday.", ("GHA", "04", "TGO")),
        ("Nigeria's president is scheduled to attend talks with Benin.", ("NGA", "04", "BEN")),
        # and so does a plan ("plans to visit", "plans a trip": coding.PLANNING_VERBS, verbs.csv)
        ("The Ghanaian president plans to visit Togo next week.", ("GHA", "04", "TGO")),
        ("Ghana's foreign minister plans another Togo trip in March.", ("GHA", "04", "TGO")),
        # a decision announced for the future is the decision (schemas/data/additions/cameo_roots.csv,
        # column announced): reducing relations, yielding
        ("Ghana is due to impose new tariffs on Togo.", ("GHA", "16", "TGO")),
        ("Ghana will close its border with Togo for two weeks.", ("GHA", "16", "TGO")),
        ("Ghana will reopen its border with Togo next week.", ("GHA", "08", "TGO")),
        ("Ghanaian and Togolese defence chiefs to share intelligence data in December.", ("GHA", "06", "TGO")),
        # unless it hangs on a condition, or is said as a threat
        ("Ghana said it would expel Togolese diplomats if Togo did not apologise.", ("GHA", "13", "TGO")),
        ("Ghana threatened to close its border with Togo.", ("GHA", "13", "TGO")),
        ("Ghana will suspend fuel supplies to Togo until Togo pays its debts.", ("GHA", "13", "TGO")),
        # other acts announced for the future stay intents and threats
        ("Ghana will attack Togo.", ("GHA", "13", "TGO")),
        ("Ghana will send aid to Togo.", ("GHA", "03", "TGO")),
    ],
)
def test_a_scheduled_meeting_is_a_meeting_and_other_futures_are_intents(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize(("title", "actor", "root_is_the_name"), [("Chad to open embassy in Togo", "TCD", True),
                                                              ("Ghana to open embassy in Togo", "GHA", False)])
def test_a_headline_s_name_to_verb_is_the_name_s_plan_however_it_is_parsed(nlp, title, actor, root_is_the_name):
    """"Chad to open embassy": the parser makes the name the root and the verb a clause of it
    (clauses.headline_infinitive); "Ghana to open embassy" it reads as subject and verb. Both are
    the named country's plan."""
    assert (nlp(title)[0].dep_ == "ROOT") == root_is_the_name  # the small model's two readings
    assert (actor, "03", "TGO") in triples(extract(nlp, "", title=title))
    # a speaker after a colon hangs from the root as well: never the plan's subject
    attributed = extract(nlp, "", title=title + " on Thursday: Israeli PM Netanyahu")
    assert not [e for e in attributed if e.actor == "ISR" and e.event_root == "03"]


def test_a_visit_that_was_due_is_no_meeting(nlp):
    """"was due to visit" may never have happened (clauses.is_scheduled)."""
    rows = extract(nlp, "The Ghanaian foreign minister was due to visit Togo on Friday.")
    assert not [e for e in rows if e.event_root == "04"]


@pytest.mark.parametrize(
    "text",
    [
        # CAMEO's dictionary codes "resign" as yielding to demands (083), "fail" as a rejection
        # (120) and "reveal", "confess", "unveil" as diplomatic cooperation (050); a minister who
        # resigns, a body that fails to act or a government that unveils a reform acts on nobody
        "Ghana's foreign minister resigned on Friday.",
        "Ghana's foreign minister said she would step down next year.",  # as resigning is
        "The Ghanaian parliament failed to elect a new speaker.",
        "Ghana's president unveiled a pension reform on Tuesday.",
        "A Ghanaian police officer confessed to the killings.",
    ],
)
def test_verbs_that_act_on_nobody_are_no_events(nlp, text):
    assert extract(nlp, text) == []


def test_delivering_a_speech_is_a_statement_not_aid(nlp):
    rows = extract(nlp, "The Ghanaian president delivered a speech to parliament.")
    assert {(e.actor, e.event_code) for e in rows} == {("GHA", "010")}


def test_event_nouns_with_an_actor(nlp):
    events = extract(nlp, "Five people were killed in a Russian drone strike on Kyiv.")
    assert ("RUS", "19", "UKR") in triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana's condemnation of the Togolese raid drew praise from the African Union.", ("GHA", "111", "TGO")),
        ("Farmers, stirred by Togo's angry denunciation of Ghana's border rules, blocked the road.",
         ("TGO", "111", "GHA")),
        ("The Togolese accusations against Ghana grew louder on Monday.", ("TGO", "112", "GHA")),
    ],
)
def test_a_criticism_named_by_a_noun_is_its_owner_s(nlp, text, expected):
    """Criticism told as a noun: the possessive or demonym names who criticised, "of"/"against"
    whom (schemas/data/nominal_events.csv)."""
    assert expected in {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana says Togo's decision to close the border is \"deplorable\".", ("GHA", "111", "TGO")),
        ("Mali said the sanctions imposed by ECOWAS were illegal and inhumane.", ("MLI", "111", "ECOWAS")),
        ("The African Union described the Malian decision as unacceptable.", ("AU", "111", "MLI")),
        ("Togo's president described the raid by Ghanaian troops as barbaric.", ("TGO", "111", "GHA")),
        ("Ghana's foreign minister said the shelling of Lomé was a war crime.", ("GHA", "1124", None)),
        ("Niger said “flagrant war crimes” were being committed in the north.", ("NER", "1124", None)),
    ],
)
def test_a_judgement_in_speech_is_a_criticism(nlp, text, expected):
    """"said X was unacceptable": the statement is the criticism (schemas/data/judgements.csv),
    aimed at whoever X belongs to."""
    rows = {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}
    assert expected in rows
    assert not any(code.startswith("01") for actor, code, _ in rows if actor == expected[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana's foreign minister described Togo as a dangerous neighbour on Tuesday.", ("GHA", "111", "TGO")),
        ("The Ghanaian president said Togo's election was a failure.", ("GHA", "111", "TGO")),
        ("Ghana's foreign minister said the Togolese president was not fit to lead.", ("GHA", "111", "TGO")),
    ],
)
def test_a_judgement_the_sentiment_lexicon_rates_as_condemning_is_a_criticism(nlp, text, expected):
    """Words beyond judgements.csv: VADER's lexicon rates "dangerous", "failure" low and "fit"
    high (negated here), and what they judge belongs to a named actor."""
    rows = {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}
    assert expected in rows


@pytest.mark.parametrize(
    "text",
    [
        "Ghana's president said Togolese farmers were afraid.",  # a feeling judges nobody
        "Ghana's president said the floods were a disaster.",  # nobody's act
        "Ghana's president said his anti-illegal mining law was the toughest ever.",  # part of a hyphenated word
    ],
)
def test_no_criticism_from_a_negative_word_that_judges_no_named_actor(nlp, text):
    assert not any(e.event_root == "11" for e in extract(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ghana said a war crimes tribunal would open in Accra next year.",
        "Togo said the talks with Ghana were not a provocation.",
    ],
)
def test_no_criticism_without_a_judgement_of_someone_s_act(nlp, text):
    assert not any(e.event_root == "11" for e in extract(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana says Togo meddled in its election.", ("GHA", "112", "TGO")),
        ("Togo's foreign minister said Ghana had betrayed the regional bloc.", ("TGO", "112", "GHA")),
        ("Ghana says Togo is using gold to evade sanctions.", ("GHA", "112", "TGO")),
    ],
)
def test_a_wrong_another_actor_did_told_in_speech_is_an_accusation(nlp, text, expected):
    """"says Togo meddled in its election": the wrong is alleged and no event of its own; the
    saying accuses its doer (the verbs of schemas/data/wrongdoing_verbs.csv)."""
    rows = {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}
    assert expected in rows
    assert not any(code.startswith("01") for actor, code, _ in rows if actor == expected[0])


@pytest.mark.parametrize(
    ("text", "unexpected"),
    [
        ("Ghana says Togo did not meddle in its election.", "112"),  # denied, no accusation
        ("Ghana says Togo attacked its border posts.", "112"),  # an event of its own: the attack (GOLD rule 4)
        ("Ghana's workers say they were misled by recruiters.", "112"),  # a wrong done to the speaker, by no one named
    ],
)
def test_no_accusation_without_another_actor_s_wrong(nlp, text, unexpected):
    assert not any(e.event_code == unexpected for e in extract(nlp, text))


def test_describing_an_attack_is_not_the_speaker_s_attack(nlp):
    """A statement verb names its object's event as the speaker's own only when it announces
    it ("announced an offensive", light_verbs.csv), not when it talks about it."""
    rows = extract(nlp, "Togo's president described the raid by Ghanaian troops in detail.")
    assert not any(e.actor == "TGO" and e.event_root == "19" for e in rows)
    assert any(e.actor == "TGO" and e.event_root == "19" for e in extract(nlp, "Togo's army announced a raid."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana rejected the proposal on Monday, warning of countermeasures.", {("GHA", "125"), ("GHA", "130")}),
        ("Mali has started withdrawing its troops from the border while sending aid to Niger.",
         {("MLI", "0874"), ("MLI", "073")}),
    ],
)
def test_an_ing_clause_is_an_act_of_the_main_subject(nlp, text, expected):
    """A participle clause without a subject of its own shares the main clause's (clauses.subjects_of)."""
    assert expected <= {(e.actor, e.event_code) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togolese troops shelled a Ghanaian border post, causing a fire and injuring two guards.", {"19"}),
        ("Ghana recognised Kosovo on Monday, joining Togo and Benin.", {"05"}),
        ("Ghana expelled the Togolese ambassador, citing security concerns.", {"16"}),
    ],
)
def test_an_ing_clause_of_effect_reason_or_company_is_no_new_act(nlp, text, expected):
    """"..., injuring two", "citing concerns", "joining Togo": the effect, the reason, or who else did
    it (engine.PARTICIPLE_NON_ACTS, and statements): no second row."""
    assert {e.event_root for e in extract(nlp, text)} == expected


def test_a_counterpart_is_an_actor_of_its_country(nlp):
    """"his Ghanaian counterpart" beside Togo's president is Ghana's official (roles.csv)."""
    rows = extract(nlp, "The Togolese president and his Ghanaian counterpart agreed to reopen the border.")
    assert {("TGO", "GHA"), ("GHA", "TGO")} <= {(e.actor, e.target) for e in rows}


def test_anaphora_the_bloc_and_he(nlp):
    events = extract(
        nlp,
        "The European Union imposed new sanctions on Belarus. The bloc also condemned the arrests. "
        "Indian Prime Minister Narendra Modi arrived in Tokyo. He praised Japan.",
    )
    found = triples(events)
    assert ("EU", "11", None) in found or any(a == "EU" and r == "11" for a, r, _ in found)
    assert ("IND", "05", "JPN") in found


def test_he_is_the_speaker_when_no_person_is_named_before_him(nlp):
    events = extract(nlp, "The prime minister of Ghana says he is open to talks with Togo.")
    assert ("GHA", "036") in {(e.actor, e.event_code) for e in events}  # the intent to meet: talks
    assert not extract(nlp, "Kwame Atta, a local trader, said he would sue Togo.")


def test_the_two_leaders_are_the_pair_named_just_before(nlp):
    events = extract(nlp, "Ghana's president met Togo's president in Geneva on Monday. "
                          "The two leaders agreed to reopen the border.")
    agreed = {(e.actor, e.target) for e in events if e.event_root == "08"}  # reopening agreed is done (GOLD.md rule 4)
    assert agreed == {("GHA", "TGO"), ("TGO", "GHA")}
    assert all(e.actor_via == "context" for e in events if e.event_root == "08")


def test_the_leaders_of_a_body_are_the_headline_s_pair(nlp):
    events = extract(nlp, "Both leaders expressed concern over the attacks, an aide said.",
                     title="Ghana's president meets Togo's Faure Gnassingbe in Accra")
    assert {e.actor for e in events if e.event_root == "01"} == {"GHA", "TGO"}


def test_both_sides_after_three_names_is_no_guess(nlp):
    events = extract(nlp, "Ghana, Togo and Benin held talks on Monday. Both sides agreed to restore ties.")
    assert not [e for e in events if e.event_root == "03"]


def test_looking_at_the_headline_for_a_pair_learns_no_one(nlp):
    """The body is read before the headline: a surname the headline alone gives stays unknown
    to the body, whether or not the resolver looked at the headline for "the two leaders"."""
    events = extract(nlp, "Mensah said he would visit Ghana next month.",
                     title="Ghana's president meets Togo's President Kodjo Mensah")
    assert not [e for e in events if e.sentence.startswith("Mensah")]


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian President John Mahama visited the border town on Monday. "
        "Speaking to reporters, Kwame Atta said he would sue Togo.",
        "Ghanaian President John Mahama visited the border town on Monday. "
        "Kwame Atta, a local trader, said he would sue Togo.",
    ],
)
def test_he_is_the_nearest_person_even_one_no_table_knows(nlp, text):
    """The trader, not the president named a sentence earlier, would sue."""
    rows = [(e.actor, e.event_root, e.action) for e in extract(nlp, text) if e.event_root == "11"]
    assert rows == []


def test_a_place_the_model_tags_as_a_person_is_not_the_nearest_person(nlp):
    events = extract(nlp, "German Chancellor Friedrich Merz travelled to Kyiv on Friday. "
                          "He promised Ukraine four more air-defence systems before winter.")
    assert ("DEU", "03", "UKR") in triples(events)


def test_bare_role_noun_takes_the_headline_country(nlp):
    with_title = extract(nlp, "Police arrested twelve opposition activists on Monday.", title="Georgia detains opposition activists")
    arrest = [e for e in with_title if e.event_root == "17"]
    assert arrest and arrest[0].actor == "GEO" and arrest[0].actor_type == "COP"
    named = [e for e in extract(nlp, "Georgian police arrested twelve opposition activists on Monday.",
                                title="Georgia detains opposition activists") if e.event_root == "17"]
    assert arrest[0].confidence < named[0].confidence  # an actor taken from the context is less sure
    assert not extract(nlp, "Police arrested twelve opposition activists on Monday.")


@pytest.mark.parametrize(
    ("text", "kept", "absent"),
    [
        ("Serbia denied that its police beat the protesters in Novi Sad.", ("SRB", "01"), ("SRB", "17")),
        ("Armenia accused Azerbaijan of shelling villages near the border.", ("ARM", "11"), ("AZE", "19")),
        ("Niger denied reports that its army had attacked a Malian convoy.", ("NER", "01"), ("NER", "19")),
    ],
)
def test_a_denial_or_accusation_is_the_event_not_what_it_disputes(nlp, text, kept, absent):
    found = {(a, r) for a, r, _ in triples(extract(nlp, text))}
    assert kept in found and absent not in found, found


def test_an_act_in_a_time_clause_of_a_criticism_is_not_what_it_disputes(nlp):
    """"Togo condemned the move after Ghana closed the border": the closure is when, not an
    allegation inside the condemnation."""
    rows = triples(extract(nlp, "After Ghana closed the border with Togo, Togo condemned the move."))
    assert ("GHA", "16", "TGO") in rows and ("TGO", "11", None) in rows, rows


def test_an_act_told_only_as_what_someone_believes_is_no_event(nlp):
    """"Chaly believes that Putin had sought a compromise": an opinion, not a report; what a
    speaker says happened is still the news."""
    assert not any(e.actor == "TGO" for e in extract(nlp, "Kofi Mensah believes that Togo had sought a compromise with Ghana."))
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "Kofi Mensah said that Togo had shelled Ghanaian border posts."))


def test_an_act_coordinated_with_a_denial_is_kept(nlp):
    found = {(a, r) for a, r, _ in triples(extract(nlp, "Serbia denied the report and expelled two Croatian diplomats."))}
    assert ("SRB", "16") in found, found


def test_a_country_inside_a_body_named_after_it_is_not_the_actor(nlp):
    """'The Taiwan Affairs Office' is a Chinese body; it names Taiwan as its subject."""
    events = extract(nlp, "The Taiwan Affairs Office criticised the visit of the American delegation.")
    assert not any(e.actor == "TWN" for e in events)
    events = extract(nlp, "Taiwan criticised the visit of the Chinese delegation.")
    assert any(e.actor == "TWN" and e.event_root == "11" for e in events)


@pytest.mark.parametrize(
    ("text", "actor", "actor_type"),
    [
        ("Rebel forces in Mali attacked an army convoy near Gao.", "MLI", "REB"),
        ("Opposition lawmakers in Kenya condemned the new fuel tax.", "KEN", "OPP"),
        ("Russian intelligence officials met their Turkish counterparts in Ankara.", "RUS", "SPY"),
        ("The Supreme Court of Israel blocked the appointment of the minister.", "ISR", "JUD"),
        ("The Indian parliament condemned the attack on the embassy.", "IND", "LEG"),
        # abbreviated titles (schemas/data/title_abbreviations.csv)
        ("Ghanaian Sen. Kwame Asante criticized Togo over the border closure.", "GHA", "LEG"),
        ("Ghana's Adm. Kofi Boateng met Togolese commanders in Lome.", "GHA", "MIL"),
        ("Texas Gov. Kwame Asante met the Mexican president in Mexico City.", "USA", "GOV"),
    ],
)
def test_the_words_decide_the_sector(nlp, text, actor, actor_type):
    rows = [e for e in extract(nlp, text) if e.actor == actor]
    assert rows and rows[0].actor_type == actor_type, [(e.actor, e.actor_type) for e in rows]


def test_a_former_official_is_an_ex_official_not_the_state(nlp):
    former = extract(nlp, "A former Pakistani minister accused India of meddling in the election.")
    assert [(e.actor, e.actor_type) for e in former] == [("PAK", "ELI")]
    current = extract(nlp, "A Pakistani minister accused India of meddling in the election.")
    assert ("PAK", "11", "IND") in triples(current) and current[0].actor_type == "GOV"


@pytest.mark.parametrize(("title", "code"), [
    ("Ghanaian nurses strike again in Accra", "143"),
    ("Ghanaian school bus drivers strike in Kumasi", "143"),
    ("Ghanaian troops strike rebel positions in Togo", "190"),
])
def test_working_people_who_strike_stop_work(nlp, title, code):
    """"Strike" with working people as subject and nothing struck is a labour strike (143); an
    army's strike is force."""
    assert [e.event_code for e in extract(nlp, "", title=title) if e.actor == "GHA"] == [code]


def test_a_former_official_of_an_intergovernmental_body_no_longer_acts_for_it(nlp):
    """"Former UN envoy Nikki Haley": the person the tables know (a Republican out of office:
    additions/people_parties.csv), not the UN; a former NATO chief the tables do not know acts
    for nobody we can name."""
    haley = extract(nlp, "Former UN envoy Nikki Haley criticised Togo over the election.")
    assert [(e.actor, e.actor_type) for e in haley] == [("GOP", "ELI")]
    assert not any(e.actor == "NATO" for e in extract(nlp, "Former NATO chief Kofi Mensah criticised Togo."))


def test_a_named_leader_out_of_office_on_the_article_date_is_an_ex_official(nlp):
    """Olaf Scholz was chancellor until 2025-05-06: in a 2026 story he speaks for Germany as an
    ex-official; in a 2023 story as its government."""
    text = "Olaf Scholz criticised the decision to cut aid to Ukraine."
    later = extract(nlp, text)
    assert [(e.actor, e.actor_type) for e in later if e.actor == "DEU"] == [("DEU", "ELI")]
    art = article(text)
    earlier = extract_events(art._replace(date=dt.date(2023, 3, 1)), nlp(art.title), nlp(art.text), "t")
    assert [(e.actor, e.actor_type) for e in earlier if e.actor == "DEU"] == [("DEU", "GOV")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object decides the verb's sense
        ("Hezbollah released a video of the captured soldiers.", set()),
        ("The Houthis released two Saudi pilots on Sunday.", {("HOUTHIS", "08", "SAU")}),
        ("Japan sent condolences to Morocco after the earthquake.", {("JPN", "01", "MAR")}),
        ("Greece moved warships to the Aegean after the incident.", {("GRC", "15", None)}),
        ("Al-Shabaab militants took six aid workers hostage in Baidoa.", {("AL_SHABAAB", "18", "SOM")}),
        ("Azerbaijan imposed a siege on the Lachin corridor.", {("AZE", "19", None)}),
        ("Togo's president broke his silence on the border clash with Ghana.", {("TGO", "01", "GHA")}),  # a body statement to no one gives no row (engine._without_commentary)
        ("Ghanaian artillery slammed targets across Togo overnight.", {("GHA", "19", "TGO")}),
        ("Ghana's army deepened its search of the border villages.", set()),
        ("Ghana's president paid tribute to the soldiers killed in the clash.", {("GHA", "01", None)}),
        ("Togo began releasing treated water into the lagoon.", set()),
        ("A Ghanaian court denied the Togolese journalist's appeal.", {("GHA", "12", "TGO")}),  # a refusal, not a denial
        ("Ghana needs to catch up.", set()),  # no capture
        ("Togo has waged a trade war against Ghana this year.", set()),  # no fighting
        ("Ghana struck a conciliatory tone with Togo on Monday.", set()),  # no attack
        ("Ghana removed Togolese flags from public buildings.", set()),  # no expulsion
        ("Ghana has admitted thousands of Togolese refugees this year.", set()),  # no concession
        # announcing a deal reports an agreement reached (057), as reaching or signing one does
        ("Ghana and Togo announced a deal to reopen their border.", {("GHA", "05", "TGO"), ("TGO", "05", "GHA")}),
        # a light verb takes its noun's event
        ("Sudan's army intensified its offensive against the RSF in Omdurman.", {("SDN", "19", "RSF")}),
        ("Qatar carried out mediation between Rwanda and Congo.", {("QAT", "04", "RWA")}),  # the first side, as the coders code a mediator
        # an event noun with its "of" phrase ("declaration of war", nominal_events.csv)
        ("Ghana's declaration of war on Togo shocked the region.", {("GHA", "19", "TGO")}),
        # and so does the noun after the preposition of one ("engaged in clashes with")
        ("Ghanaian troops engaged in clashes with Togolese soldiers near the border.", {("GHA", "19", "TGO")}),
        ("Ghana and Togo engaged in negotiations for twelve hours.", {("GHA", "04", "TGO"), ("TGO", "04", "GHA")}),
        # a cooperative noun reported as happening, between two named sides
        ("Talks between Serbia and Kosovo resumed in Brussels on Monday.", {("SRB", "04", "XKX"), ("XKX", "04", "SRB")}),
        # a ceasefire agreed by two sides is each one's toward the other
        ("Thailand and Cambodia agreed to a ceasefire on Saturday.", {("THA", "08", "KHM"), ("KHM", "08", "THA")}),
        # rejecting blame is denying responsibility (016), not rejecting a proposal (12)
        ("Ghana's army rejected blame for the border clash.", {("GHA", "01", None)}),
        # a meeting the news schedules is the meeting (coding.SCHEDULED_ROOTS, clauses.is_scheduled)
        ("The Brazilian president is due to attend a summit in Cairo.", {("BRA", "04", None)}),
    ],
)
def test_recall_and_sense_on_wire_forms(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # diacritics folded both ways
        ("President Recep Tayyip Erdoğan criticised Sweden on Monday.", ("TUR", "11", "SWE")),
        ("President Recep Tayyip Erdogan criticised Sweden on Monday.", ("TUR", "11", "SWE")),
        # a leader in office named by surname alone
        ("Macron criticised Algeria on Tuesday.", ("FRA", "11", "DZA")),
        # a body named after another place is its own country's ("Taiwan Affairs Office" is Chinese)
        ("The Taiwan Affairs Office criticised Ghana on Monday.", ("CHN", "11", "GHA")),
        # one-letter misspellings of country names of six letters or more
        ("Venezeula expelled the Spanish ambassador.", ("VEN", "16", "ESP")),
        ("Afghanisatn condemned Pakistan on Sunday.", ("AFG", "11", "PAK")),
    ],
)
def test_tolerant_actor_matching(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


def test_a_surname_alone_names_only_a_leader_in_office(nlp):
    """In 1995 Macron held no office: the bare surname names nobody."""
    art = article("Macron criticised Algeria on Tuesday.")._replace(date=dt.date(1995, 3, 1))
    assert not extract_events(art, None, nlp(art.text), "t")


@pytest.mark.parametrize(
    ("title", "text", "kept"),
    [
        ("Will Chile sanction Peru over the border dispute?", "Chile imposed sanctions on Peru last year.", set()),
        ("Podcast: the week in Brussels", "The European Union imposed sanctions on Belarus.", set()),
        ("Floods kill 40 in Kenya", "Uganda sent aid to Kenya on Friday. Kenya criticised Uganda.", set()),
        # accidents are disasters too, and a state's inquiry into one is an act (topics.KEPT_ROOTS)
        ("Huge blaze at Accra market", "Ghana's police opened an investigation into the blaze on Friday.",
         {("GHA", "09", None)}),
        ("Ghana opens investigation into bus crash", "Ghana opened an investigation into the crash.", {("GHA", "09", None)}),
        ("Ghana mourns victims of bus crash", "Ghana expressed its sorrow over the crash.", set()),
        # searching for survivors and inspecting the damage are rescue work, not inquiries
        ("Ghanaian soldiers search for survivors after floods", "", set()),
        ("Ghana's president inspects flood damage in Kumasi", "", set()),
        # a plane crash may be an act ("Kremlin denies role in plane crash"): not a disaster cue
        ("Ghana denies role in plane crash", "Ghana denied that Togo had downed the plane.", {("GHA", "01", "TGO")}),  # the denial is about Togo (targets.statement_topic)
        ("Earthquake: Indian minister tours the disaster zone in Nepal", "The Indian foreign minister visited Nepal.",
         {("IND", "04", "NPL")}),
        ("Chile imposes sanctions on Peru", "Chile imposed sanctions on Peru on Monday.", {("CHL", "16", "PER")}),
        # a video or photo page reports the act it shows (not a programme blurb)
        ("Watch: Chile condemns Peru over the border raid", "", {("CHL", "11", "PER")}),
        ("Video: Chile condemns Peru over the border raid", "", {("CHL", "11", "PER")}),
    ],
)
def test_items_that_are_not_political_news_give_no_rows(nlp, title, text, kept):
    assert triples(extract(nlp, text, title)) == kept


@pytest.mark.parametrize(
    ("url", "gives_rows"),
    [
        ("https://news.example.org/sport/football/1234", False),
        ("https://news.example.org/node/1234/sport", False),
        ("https://news.example.org/2023/07/01/sports/soccer/ghana-togo.html", False),
        ("https://news.example.org/world/2023/ghana-beats-togo-sport-ban", True),  # a word of the slug is no section
    ],
)
def test_an_item_of_a_sport_section_gives_no_rows(nlp, url, gives_rows):
    """"Ghana beat Togo" on an outlet's sport pages is a match, whatever the verb."""
    text = "Ghana attacked Togo on Sunday."
    art = article(text, title="Ghana beat Togo")._replace(url=url)
    rows = triples(extract_events(art, nlp(art.title), nlp(text), "t"))
    assert (("GHA", "19", "TGO") in rows) is gives_rows and bool(rows) is gives_rows


def test_the_same_event_told_twice_is_one_row(nlp):
    text = ("Ethiopia attacked Eritrea on Monday. The Ethiopian shelling of border towns continued, "
            "and Ethiopian jets bombed Eritrean positions near Assab.")
    rows = [e for e in extract(nlp, text) if e.actor == "ETH" and e.event_root == "19"]
    assert len(rows) == 1 and rows[0].target == "ERI", [(e.event_code, e.target) for e in rows]


def test_different_targets_stay_different_events(nlp):
    rows = extract(nlp, "Iran attacked Israel on Sunday. Iran also attacked Jordan on Monday.")
    assert {(e.actor, e.event_root, e.target) for e in rows} >= {("IRN", "19", "ISR"), ("IRN", "19", "JOR")}


def test_a_title_case_headline_is_parsed_in_sentence_case_and_quoted_as_written(nlp):
    from transforms.extract.headlines import sentence_case

    title = "Russia Expels Two German Diplomats Over Spying Claims"
    assert sentence_case(title) == "Russia expels two German diplomats over spying claims"
    assert sentence_case("Russia expels two German diplomats") == "Russia expels two German diplomats"
    # initials stay as written: "U.s." would be no name
    assert sentence_case("U.S. and Ghana Agree to Cut Tariffs") == "U.S. and Ghana agree to cut tariffs"
    art = article("", title)
    rows = extract_events(art, nlp(sentence_case(title)), None, "t")
    assert ("RUS", "16", "DEU") in triples(rows)
    assert all(e.sentence == title for e in rows)  # the evidence is the original headline


@pytest.mark.parametrize(
    "text",
    [
        "What has Estonia said about the new border rules?",
        "Will Morocco recall its ambassador from Madrid?",
    ],
)
def test_a_question_reports_no_event(nlp, text):
    assert not extract(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # verbs of holding, facing and leaving are no event by themselves
        "Rebel fighters control most of the desert east of the river.",
        "The Chilean president faces growing calls to resign.",
        "The court ruled on the case on Tuesday.",
        "The Bolivian minister will leave the country on Friday.",
        # nor are rankings, records and retirements
        "Ghana overtakes Togo as the region's top cocoa exporter.",
        "Togolese firms dominate Ghana's cement market.",
        "Ghana's finance minister will retire from politics next year.",
        "A Ghanaian sprinter broke the national record in Lome.",
    ],
)
def test_verbs_that_are_no_event_by_themselves(nlp, text):
    assert not extract(nlp, text)


def test_an_act_told_in_a_relative_clause_is_less_sure_than_the_main_clause(nlp):
    """'the region that Russia annexed': background the story does not report as news."""
    background = extract(nlp, "Refugees returned to the region that Russia annexed.")
    news = extract(nlp, "Russia annexed the region.")
    assert background and news
    assert background[0].event_root == news[0].event_root == "17"
    assert background[0].confidence < news[0].confidence


def test_an_act_told_twice_in_an_article_is_surer_than_told_once(nlp):
    """engine._corroborated: the headline and the body telling the same act make its row surer."""
    once = extract(nlp, "Ghana expelled two Togolese diplomats on Monday.", title="Floods hit Accra")
    twice = extract(nlp, "Ghana expelled two Togolese diplomats on Monday.", title="Ghana expels Togolese diplomats")
    expulsion = [e for e in once if e.event_root == "16"], [e for e in twice if e.event_root == "16"]
    assert expulsion[0] and expulsion[1]
    assert expulsion[1][0].confidence > expulsion[0][0].confidence


def test_every_item_of_a_list_of_countries_acts(nlp):
    """The small model parses "A, B, C, and D" with B as an apposition of A; the list is still a list."""
    events = extract(nlp, "Ireland, Norway, Slovenia, and the United Kingdom formally recognised the new government of Kosovo.")
    assert {e.actor for e in events} == {"IRL", "NOR", "SVN", "GBR"}
    assert all(e.actor_type is None for e in events)  # "the United Kingdom" names a country, not its government


def test_they_after_two_speakers_is_both(nlp):
    events = extract(nlp, "Georgia and Armenia say they have agreed to reopen the border crossing.")
    assert {(e.actor, e.target) for e in events if e.event_root == "08"} == {("GEO", "ARM"), ("ARM", "GEO")}


def test_a_headline_participle_is_the_headline_verb(nlp):
    events = extract(nlp, "", title="Austrian chancellor heading to Skopje for talks")
    assert ("AUT", "04", "MKD") in triples(events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a government commanding its own forces does the act itself
        ("The Chadian president ordered the army to close the border with Sudan.", ("TCD", "16", "SDN")),
        ("The Chadian president ordered troops to the border with Sudan.", ("TCD", "15", "SDN")),
        # an order to another actor stays a demand
        ("Chad ordered Sudan to withdraw its troops from the border.", ("TCD", "10", "SDN")),
        # an order to the state itself: the act, with the complement's recipient, not "Ghana demands of Ghana"
        ("Mahama ordered Ghana to share evidence of Togolese war crimes with the International Criminal Court.",
         ("GHA", "06", "ICC")),
        # an ordered noun is the act ordered, as before
        ("A Ghanaian judge ordered the arrest of Togo's former minister.", ("GHA", "17", "TGO")),
    ],
)
def test_an_order_to_ones_own_forces_is_the_act(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Were Morocco to attack Algeria, France would respond.",
        "Should Qatar mediate between Egypt and Ethiopia, the talks could resume.",
        "Ghana raised interest rates to curb inflation.",
        "Ghana could send more aid to Togo thanks to an accounting error.",  # a possibility
        "The Togolese court might strike down the border law.",
    ],
)
def test_conditions_and_purposes_are_not_events(nlp, text):
    assert not extract(nlp, text)


def test_a_clause_judged_as_a_possibility_is_not_an_event(nlp):
    # the warning is written; the closing it speaks of has not happened
    assert triples(extract(nlp, "Ghana warned that Togo closing the border again would be a big mistake.")) == {
        ("GHA", "13", None)}


def test_an_errand_reports_the_act_it_was_for(nlp):
    assert ("DNK", "05", "KEN") in triples(extract(nlp, "The Danish minister flew to Nairobi to sign a trade deal with Kenya."))


def test_a_purpose_names_no_recipient(nlp):
    events = extract(nlp, "Kenya deployed police in a bid to end the protests against Uganda.")
    assert [(e.actor, e.target) for e in events] == [("KEN", None)]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # the class of the object decides the sense: a person captured is arrested, a town seized
        ("Colombian police captured Dairo Antonio Usuga, the leader of the Gulf Clan.", "173"),
        ("Syrian forces captured Palmyra.", "192"),
    ],
)
def test_the_objects_class_decides_a_capture(nlp, text, code):
    assert [e.event_code for e in extract(nlp, text)][:1] == [code]


def test_georgia_is_the_us_state_when_the_article_says_so(nlp):
    """schemas/data/ambiguous_names.csv: a name shared by a country and a US state."""
    state = extract(nlp, "Georgia prosecutors charged the former mayor and 18 others in Fulton County.")
    assert [(e.actor, e.actor_type) for e in state] == [("USA", "JUD")]
    country = extract(nlp, "Georgia accused Russia of violating the ceasefire in South Ossetia.")
    assert ("GEO", "11", "RUS") in triples(country)


def test_foreign_officials_are_not_framed_by_the_story(nlp):
    """The headline's one country frames "the government", never "foreign governments"."""
    events = extract(nlp, "Foreign governments airlifted hundreds of their diplomats from Khartoum.",
                     title="Sudan's army and RSF fight on in Khartoum")
    assert not any(e.actor == "SDN" for e in events if e.sentence.startswith("Foreign")), events



@pytest.mark.parametrize(
    "text",
    [
        "Japan launches rocket to land a probe on the moon.",  # a space launch is no missile attack
        "Africa: Sundowns seize control against Petro with vital away win.",  # a label is no subject
        "Pro-Palestinian protesters clashed with police outside the parliament in Oslo.",  # a cause, not a country
    ],
)
def test_no_row_from_look_alikes_of_events_and_actors(nlp, text):
    assert not any(e.actor in ("JPN", "AFR", "PSE") for e in extract(nlp, text)), extract(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Canadian prime minister launched a scathing attack on the Alberta premier's government.", ("CAN", "11")),
        ("Russia presses assault near Kupiansk.", ("RUS", "19")),
        ("Israel's defence minister pushed back against calls to end the offensive.", ("ISR", "12")),
    ],
)
def test_the_words_around_the_verb_decide_its_sense(nlp, text, expected):
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, text)}


def test_a_name_cut_out_of_a_longer_group_adjective_names_no_one(nlp):
    """"the West African nation" is no act of the West, nor aimed at it; "Western nations" and
    hyphenated pairs ("British-Palestinian") are as before."""
    rows = extract(nlp, "Ghana cut its financial aid to the West African nation last week.")
    assert [(e.actor, e.target) for e in rows] == [("GHA", None)], triples(rows)
    assert ("WST", "16", "TGO") in triples(extract(nlp, "Western nations imposed sanctions on Togo."))


def test_a_known_place_is_no_misspelled_country(nlp):
    """"Granada" is one letter from "Grenada", and a Spanish city the places table knows."""
    assert ("GHA", "04", "ESP") in triples(extract(nlp, "Ghana's president travelled to Granada on Monday."))


def test_a_first_name_beside_a_surname_is_no_misspelled_country(nlp):
    events = extract(nlp, "The Australian prime minister criticised Dominic Perrottet over the budget.")
    assert not any(e.target == "DMA" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hungary won't attend the summit in Vilnius.", {("HUN", "12")}),
        ("Turkey would not recognise the new government.", {("TUR", "12")}),
        ("Serbia did not sign the declaration.", set()),  # a plain negation is no event
    ],
)
def test_saying_one_will_not_act_is_a_refusal(nlp, text, expected):
    assert {(e.actor, e.event_root) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an official's "his government", "her country" is the speaker's country ...
        ("The Kenyan president said his government would send police to Haiti.", ("KEN", "03", "HTI")),
        ("The Danish foreign minister said her country would host the talks.", ("DNK", "03", None)),
        # ... and "would" in reported speech is the future, not a condition
        ("The Israeli defence minister said his forces would not withdraw from Lebanon.", ("ISR", "12", "LBN")),
    ],
)
def test_an_officials_own_country_in_reported_speech(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


def test_his_wife_is_not_the_speakers_country(nlp):
    assert not extract(nlp, "The Kenyan president said his wife would visit a hospital in Nairobi.")


def test_a_capitalised_word_is_no_acronym(nlp):
    """'Asa Hutchinson' (a person) is not the organisation written ASA."""
    assert not any(e.actor == "ASA" for e in extract(nlp, "Asa Hutchinson clashed with the governor over the budget."))


def test_officials_of_a_thing_are_not_the_states(nlp):
    events = extract(nlp, "Zoo officials warned visitors about the escaped owl.", title="Owl escapes from Nairobi zoo")
    assert not any(e.actor == "KEN" for e in events), events


def test_the_head_of_an_organisation_keeps_its_sector(nlp):
    events = extract(nlp, "The Red Cross president met the Hamas leader in Doha.")
    assert [(e.actor, e.actor_type) for e in events if e.actor == "ICRC"] == [("ICRC", "NGO")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia fired its top commander in the south.",  # dismissal, not fire
        "Venezuelans want the president to do better.",  # a wish, not an intent
    ],
)
def test_verbs_whose_sense_the_object_decides(nlp, text):
    assert not any(e.event_root in ("19", "03") for e in extract(nlp, text))


def test_signing_a_law_is_domestic_legislation_and_signing_a_treaty_an_agreement(nlp):
    """GOLD.md rule 10: domestic legislation is no event."""
    assert not extract(nlp, "The Ghanaian president signed the bill into law on Monday.")
    assert ("GHA", "05", "TGO") in triples(extract(nlp, "Ghana signed a border treaty with Togo on Monday."))


@pytest.mark.parametrize("text", ["Ghana's parliament adopted a new mining law on Monday.",
                                  "The Ghanaian government agreed on new rules for mining licences."])
def test_adopting_or_agreeing_on_a_law_is_domestic_legislation(nlp, text):
    assert not extract(nlp, text)
    assert ("GHA", "05", "TGO") in triples(extract(nlp, "Ghana's parliament adopted a resolution condemning Togo."))


@pytest.mark.parametrize(
    "text",
    [
        "Ghana struggles to contain a cholera outbreak in the north.",  # a difficulty, not a fight
        "Togo is struggling with a shortage of fuel.",
        "Ghanaian journalists received threats for interviewing a Togolese official.",  # not a visit
        "Ghana received 18 armoured vehicles from Togo.",
        "Ghana's interior ministry released a report on the border clashes with Togo.",  # not a release (08)
        "Togolese police released new details about the attack.",
    ],
)
def test_struggling_receiving_and_releasing_things_are_no_fight_visit_or_release(nlp, text):
    assert not any(e.event_root in ("19", "04", "08") for e in extract(nlp, text))


def test_cutting_costs_is_no_sanction_and_cutting_ties_is(nlp):
    """'cut' reduces relations (16) only for ties, aid and the like: "cut spending", "cut its
    growth forecast", "cut short a visit" are not events."""
    for text in ("Ghana cut spending on roads by a tenth.", "Togo cut its growth forecast for the year.",
                 "Ghana's president cut short his visit to Togo."):
        assert not any(e.event_root == "16" for e in extract(nlp, text)), text
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "Ghana cut ties with Togo on Monday."))
    assert ("GHA", "16") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana cut military support to the rebels.")}


def test_approving_a_domestic_budget_is_no_event_and_approving_a_bid_is_support(nlp):
    assert not extract(nlp, "Ghana's parliament approved a new budget for the coming year.")
    assert ("TGO", "05", "GHA") in triples(extract(nlp, "Togo's parliament approved Ghana's bid to join the union."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togo imposed a new round of sanctions on Ghana.", ("TGO", "16", "GHA")),
        ("Togo launched a wave of drone attacks on Ghana.", ("TGO", "19", "GHA")),
        ("The EU approved a tenth package of sanctions on Togo.", ("EU", "16", "TGO")),
    ],
)
def test_a_bundle_of_acts_is_coded_by_what_it_bundles(nlp, text, expected):
    """"a package of sanctions", "a wave of attacks": the bundled noun is the verb's object."""
    assert expected in triples(extract(nlp, text))


def test_pushing_a_bill_is_no_demand_and_pushing_a_country_is(nlp):
    assert not any(e.event_root == "10" for e in extract(nlp, "Ghana's president pushed his budget bill through parliament."))
    assert ("GHA", "10", "NGA") in triples(extract(nlp, "Ghana is pushing Nigeria to reopen the border."))
    assert ("GHA", "10") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana pushed for a ceasefire in the north.")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghanaian rail strikes have disrupted transport in Accra.", ("GHA", "14")),
        ("Ghana's unions launched a general strike over the tax plan.", ("GHA", "14")),
        ("A Togolese opposition leader began a hunger strike in prison.", ("TGO", "14")),
    ],
)
def test_a_strike_of_workers_is_a_strike_not_an_attack(nlp, text, expected):
    events = extract(nlp, text)
    assert expected in {(e.actor, e.event_root) for e in events}
    assert not any(e.event_root == "19" for e in events)


def test_breaking_ties_or_a_truce_keeps_its_own_code(nlp):
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "Ghana broke diplomatic ties with Togo on Monday."))
    assert ("TGO", "19") in {(e.actor, e.event_root) for e in extract(nlp, "Togolese troops broke through Ghanaian lines.")}


def test_charges_and_indictments_are_legal_action_not_arrests(nlp):
    """tests/data/GOLD.md: court cases and indictments are 11 (115), arrests 17."""
    charged = extract(nlp, "Ghanaian prosecutors charged a Togolese diplomat with spying.")
    assert ("GHA", "11", "TGO") in triples(charged) and not any(e.event_root == "17" for e in charged)
    assert ("GHA", "17", "TGO") in triples(extract(nlp, "Ghanaian police arrested a Togolese diplomat."))


def test_joining_someone_in_an_act_is_that_act_by_both(nlp):
    """"Ghana joined Togo in condemning the coup": both condemn it; the joining is no meeting (04)."""
    events = extract(nlp, "Ghana joined Togo in condemning the coup.")
    assert {("GHA", "11"), ("TGO", "11")} <= {(e.actor, e.event_root) for e in events}
    assert not any(e.event_root == "04" for e in events)


@pytest.mark.parametrize("text", ["Ghana declined to join Togo in providing Benin with arms.",
                                  "Ghana did not join Togo in providing Benin with arms."])
def test_an_act_someone_declined_to_join_others_in_is_not_theirs(nlp, text):
    """The joined act is as realised as the joining: a refusal (12) at most, never the aid (07)."""
    rows = {(e.actor, e.event_root) for e in extract(nlp, text)}
    assert not any(root == "07" for _, root in rows) and rows <= {("GHA", "12")}, rows


@pytest.mark.parametrize("text", ["Ghana's president received his Togolese counterpart in Accra.",
                                  "The Ghanaian president welcomed Faure Gnassingbe in Accra.",
                                  # the same visitors as "received": welcome's sense follows its object
                                  "Ghanaian officials welcomed the first Togolese ambassador in Accra.",
                                  "Ghana's president will welcome his Togolese counterpart on Monday."])
def test_receiving_or_welcoming_a_visitor_is_hosting_a_visit(nlp, text):
    assert ("GHA", "043", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}


def test_a_visitor_received_made_the_visit(nlp):
    """Received, the visitor made a visit (042) to the host; hosted or welcomed, only the host's
    act is coded, as the news set's coders do."""
    received = {(e.actor, e.event_code, e.target) for e in extract(nlp, "Ghana's president received his Togolese counterpart in Accra.")}
    assert {("GHA", "043", "TGO"), ("TGO", "042", "GHA")} <= received, received
    welcomed = {(e.actor, e.event_code, e.target) for e in extract(nlp, "The Ghanaian president welcomed Faure Gnassingbe in Accra.")}
    assert not any(actor == "TGO" for actor, _, _ in welcomed), welcomed


@pytest.mark.parametrize("text", ["Ghana's president received a phone call from his Togolese counterpart on Monday.",
                                  "Ghana's foreign minister received a written message from Togo's president."])
def test_a_call_or_letter_received_is_a_consultation_of_both_sides(nlp, text):
    """"received a call from his UK counterpart", "receives letters from presidents of Mali": who
    sent it consulted the receiver, and the receiver consulted the sender (041 both ways, as the
    coders code them: engine.SENT_ACTS); sent by no one the text names, it is nothing."""
    rows = {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}
    assert {("GHA", "041", "TGO"), ("TGO", "041", "GHA")} <= rows, rows
    assert not extract(nlp, "Ghanaian activists received letters claiming to be from a banned group.")


def test_a_headline_participle_with_a_by_phrase_is_passive(nlp):
    """"Ukraine says Kyiv hit by drone attack": the parser makes the city the participle's
    subject; the one hit is no attacker, and the "by" phrase names who attacked, if anyone."""
    assert not extract(nlp, "", title="Ghana says Accra hit by 'massive' drone attack")
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "", title="Ghana says Accra hit by Togolese drones"))


def test_breaking_into_a_building_is_seizing_property(nlp):
    events = extract(nlp, "Togolese protesters broke into the Ghanaian embassy in Lome.")
    assert {(e.actor, e.event_code, e.target) for e in events} == {("TGO", "171", "GHA")}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Chad closed its border with Sudan on Monday.", True),
        # the clause dates the act to an earlier year or month: background, not news
        ("Chad closed its border with Sudan in 2021.", False),
        ("In March 2024 Chad closed its border with Sudan.", False),
        # a recent month, a past year in another clause, or a point of comparison
        ("Chad closed its border with Sudan in October 2026.", True),
        ("Chad closed its border with Sudan, which had reopened it in 2021.", True),
        ("Chad closed its border with Sudan for the first time since a coup in 2021.", True),
    ],
)
def test_an_act_the_sentence_dates_to_an_earlier_year_is_background(nlp, text, written):
    """The articles are dated 2026-11-20 (see `article`)."""
    rows = [e for e in extract(nlp, text) if e.actor == "TCD"]
    assert bool(rows) is written, triples(rows)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # an attack the sentence reports
        ("Five civilians were killed after a Sudanese airstrike on a market in Darfur.", True),
        ("Chad condemned a Sudanese artillery strike on a border village.", True),
        ("Chad condemned the Sudanese artillery strike that killed six villagers.", True),
        ("Farmers abandoned their fields before a Sudanese attack on the border villages.", True),
        # a known attack the sentence only refers to
        ("Thousands have fled the border villages since Sudan's attack on Chad in the spring.", False),
        ("The aid agency opened three camps after Sudan's attack on Chad.", False),
        ("Chadian pupils staged a play about the resistance against the Sudanese invasion.", False),
        ("The senator refused to condemn Sudan's invasion of Chad.", False),
        # an attack that has not happened
        ("Chad warned of a possible Sudanese attack on its border villages.", False),
        ("Chad is bracing for an imminent Sudanese offensive near Adre.", False),
    ],
)
def test_an_event_noun_the_sentence_only_refers_to_is_no_row(nlp, text, written):
    rows = [e for e in extract(nlp, text) if e.actor == "SDN" and e.event_root in ("18", "19", "20")]
    assert bool(rows) is written, [(e.actor, e.event_code, e.action) for e in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kenya opened negotiations with Uganda over the lake.", ("KEN", "04", "UGA")),
        ("Kenyan and Ugandan officials open talks on the border dispute.", ("UGA", "04", "KEN")),
        ("Kenya conducts military drills near Uganda.", ("KEN", "15", "UGA")),
        # the verb's own sense for its object still wins over the light reading
        ("Kenyan troops opened fire on Ugandan fishermen.", ("KEN", "19", "UGA")),
    ],
)
def test_a_light_verb_takes_the_event_of_its_noun(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Ghanaian man pleads guilty to 1998 killing of Togolese man",
        "The Ghanaian government is sending a signal to Togo.",
        "Ghana welcomed 18 million tourists from Togo last year.",
        "The Ghanaian president received Togo's highest honour.",
        "The Ghanaian president received treatment in a Togolese hospital.",
        "Ghana added 40,000 jobs in March.",
        # a participle before a noun names no role: no suspect acts here
        "A suspected gas explosion in the Ghanaian capital destroyed a building on Monday.",
        # a title, a medal or a seat claimed is won, a win scored is no statement (verbs.csv)
        "Ghana's Kwame Mensah claims second title as Togo's Kofi Adjei wins stage eight.",
        "The Ghanaian president scored a big win on the budget bill.",
        # rallying allies or support is mobilising them, not a protest; calling an election is
        # domestic politics (GOLD.md rule 10)
        "The Ghanaian president rallied allies against Togo ahead of the summit.",
        "The Ghanaian president called an early election and dissolved parliament.",
    ],
)
def test_the_object_or_complement_says_when_a_verb_is_no_event(nlp, text):
    rows = [(e.actor, e.event_code, e.action) for e in extract(nlp, text) if e.actor == "GHA"]
    assert rows == []


def test_a_win_scored_is_no_statement(nlp):
    """"Marine Le Pen scores big win on immigration bill": the reference dictionary's bare "score"
    (010) is a statement nowhere in news (additions/verbs.csv)."""
    assert not extract(nlp, "", title="Ghanaian president scores big win on budget bill")


@pytest.mark.parametrize(
    ("title", "written"),
    [
        # a headline's bare form of a verb that needs an object, without one, is a passive
        ("Ghana blamed as climate talks collapse", False),
        ("Togolese journalists detained over video of President", False),
        ("Ghanaian MP convicted for fraud returns to parliament", False),
        ("Togolese opposition candidate Agbeyome assaulted two days before vote", False),
        ("Kidnapped Ghanaian businessman Kwame Mensah freed in Togo", False),
        ("Ghanaian students trapped and diplomats assaulted as fighting rages in Togo", False),
        ("Ghanaian tycoon and Mahama ally Kwame Mensah charged with $1bn fraud", False),
        ("Ghanaian forces attacked 4 times in Togo within hours", False),
        # with its object it is the actor's act
        ("Ghanaian forces attacked Togolese positions in Lome", True),
        ("Ghana blamed Togo as climate talks collapse", True),
        ("Ghana detained Togolese journalists over a video", True),
        ("Ghana freed two Togolese journalists after talks", True),
    ],
)
def test_a_headline_passive_without_its_auxiliary_is_no_act_of_its_subject(nlp, title, written):
    rows = extract(nlp, "", title=title)
    assert bool(rows) is written and all(e.actor == "GHA" for e in rows), [(e.actor, e.event_code) for e in rows]


def test_an_adjective_complement_picks_the_verbs_sense(nlp):
    """'remained opposed': the dictionary's adjective patterns apply to the complement."""
    assert ("TGO", "11", None) in triples(extract(nlp, "Togo remained opposed to the Ghanaian plan."))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ghana summoned Togo's chargé d'affaires over the border shooting.", "111"),
        ("Ghana expelled two Togolese military attachés.", "161"),
        ("Ghana recalled its chargé d'affaires from Togo.", "161"),
    ],
)
def test_diplomats_of_every_rank_are_summoned_expelled_and_recalled(nlp, text, code):
    assert ("GHA", code, "TGO") in {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Talks between Ghana and Togo resumed on Monday.", True),
        ("Talks between Ghana and Togo were held in Accra.", True),
        # a standing truce or round of talks lasting or ending is not agreed or held again
        ("The truce between Ghana and Togo held for another day.", False),
        ("The ceasefire between Ghana and Togo collapsed on Monday.", False),
    ],
)
def test_a_truce_or_talks_as_subject_are_an_event_when_they_take_place(nlp, text, written):
    rows = [e for e in extract(nlp, text) if e.event_root in ("04", "08")]
    assert bool(rows) is written, [(e.actor, e.event_code) for e in rows]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Sudan invaded Chad on Monday.", True),
        # the start of a state of things
        ("Half a million people have fled since Sudan invaded Chad.", False),
        ("It was the first convoy to be allowed through since Sudan invaded Chad.", False),
        ("Grain prices are at their highest since Sudan invaded Chad.", False),
    ],
)
def test_an_act_a_since_clause_measures_from_is_background(nlp, text, written):
    rows = [e for e in extract(nlp, text) if e.actor == "SDN"]
    assert bool(rows) is written, [(e.actor, e.event_code, e.action) for e in rows]


@pytest.mark.parametrize(
    "text",
    ["Kenyan protesters set fire to the parliament building in Nairobi.",
     "Serbian demonstrators attacked police with stones."],
)
def test_force_used_by_a_crowd_is_a_riot(nlp, text):
    rows = [e for e in extract(nlp, text) if e.actor in ("KEN", "SRB")]
    assert rows and all(e.event_code == "145" for e in rows), [(e.actor, e.event_code) for e in rows]
    troops = extract(nlp, "Serbian troops attacked police with stones.")
    assert ("SRB", "19") in {(e.actor, e.event_root) for e in troops}


def test_a_headline_attributed_to_a_leader_is_their_statement(nlp):
    rows = extract(nlp, "", title="Relations with Pyongyang have reached a completely new level – Lavrov")
    assert [(e.actor, e.event_code, e.action, e.speaker) for e in rows] == [("RUS", "010", "say", "Lavrov")]
    # a headline that codes an event of its own is that event, not a statement
    coded = extract(nlp, "", title="Russia will never give up Crimea – Lavrov")
    assert coded and all(e.event_code != "010" for e in coded)
    # a word after a dash that names nobody is no speaker
    assert extract(nlp, "", title="Oil prices fall for a third day – Analysis") == []
    # a body that tells what the speaker did makes the attribution the same news: no second row
    told = extract(nlp, "Ghana's president criticised Togo for closing the border.",
                   title="Togo's border closure 'unacceptable' – Ghana")
    assert ("GHA", "11", "TGO") in triples(told) and not any(e.event_code == "010" for e in told)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ghana must withdraw its troops – Togo", ("TGO", "020", "GHA")),
        ("Ghana has to withdraw its troops – Togo", ("TGO", "100", "GHA")),
        ("Ghana should reopen the border – Togo", ("TGO", "020", "GHA")),
        ("Ghana's border closure is unacceptable – Togo", ("TGO", "111", "GHA")),
        ("Ghana meddled in our election – Togo", ("TGO", "112", "GHA")),
    ],
)
def test_an_attributed_headline_judges_demands_or_accuses_as_a_reported_clause_does(nlp, title, expected):
    """judgements.attributed_judgement: the headline before "– Togo" is what Togo said, read as
    the clause after "Togo says" is."""
    assert [(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)] == [expected]


def test_return_is_an_event_only_with_something_returned(nlp):
    assert ("RUS", "08", "UKR") in triples(extract(nlp, "Russia returned 20 prisoners of war to Ukraine."))
    assert extract(nlp, "The Kenyan president returned to Nairobi on Monday.") == []


def test_tariffs_hit_or_slapped_on_a_country_are_sanctions(nlp):
    assert ("USA", "16", "CHN") in triples(extract(nlp, "The United States hit China with new tariffs on Friday."))
    assert ("USA", "16", "CHN") in triples(extract(nlp, "Washington slapped tariffs on Chinese steel."))
    assert ("RUS", "19", "UKR") in triples(extract(nlp, "Russian missiles hit Kyiv."))


def test_a_sitting_leader_named_by_surname_in_a_headline_the_model_left_untagged(nlp):
    """The small model tags no entity in "Modi meets Putin ..."; the article is dated 2026-11-20."""
    rows = extract(nlp, "", title="Modi meets Putin on sidelines of BRICS summit")
    assert ("IND", "04", "RUS") in triples(rows), triples(rows)


def test_a_country_named_as_someone_s_subject_is_not_whom_they_act_for(nlp):
    """'a Togo researcher', 'the Ghana correspondent' study or report on the country; its
    minister acts for it."""
    text = "Kofi Mensah, a Togo researcher at the institute, said Ghana's decision was deplorable."
    assert not any(e.actor == "TGO" for e in extract(nlp, text))
    text = "Kofi Mensah, Togo's foreign minister, said Ghana's decision was deplorable."
    assert ("TGO", "11", "GHA") in triples(extract(nlp, text))


def test_a_sitting_leader_named_by_surname_that_the_model_tags_as_an_organisation(nlp):
    """The small model tags some surnames as organisations ("Sheinbaum"); alone as a clause's
    subject or object they are still the leader in office on the article's date."""
    assert ("MEX", "04", "GHA") in triples(extract(nlp, "", title="Sheinbaum meets Mahama in Accra"))


def test_a_sitting_leader_named_by_surname_that_the_model_tags_as_a_common_noun(nlp):
    """A headline that opens on a surname the model does not know often reads it as a common
    noun ("Dussey" NN, as "Sunak" in "Sunak attacks Starmer"); capitalised and alone as the
    clause's subject, it is still the minister in office."""
    rows = extract(nlp, "", title="Dussey slams Ghana over border closure")
    assert ("TGO", "11", "GHA") in triples(rows), triples(rows)
    assert not extract(nlp, "", title="Officials slam the border closure")  # a plural common noun names no one


def test_a_lone_word_tagged_as_a_known_place_or_a_group_is_not_taken_for_a_surname(nlp):
    """The model tags "Scotland" a GPE, and the gazetteer knows it as a place (no Secretary-General
    Scotland); a leader's surname it tags as a place it does not know is still the leader."""
    from transforms.extract.actors import _lone_argument_name

    doc = nlp("Scotland's first minister met Sheinbaum, and any Christian who speaks out was heard.")
    by_text = {t.text: t for t in doc}
    assert by_text["Scotland"].ent_type_ == "GPE" and not _lone_argument_name(by_text["Scotland"])
    assert by_text["Christian"].ent_type_ == "NORP" and not _lone_argument_name(by_text["Christian"])
    assert _lone_argument_name(by_text["Sheinbaum"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togo's expulsion of Ghanaian diplomats followed the row.", ("TGO", "161", "GHA")),
        ("Russia's veto of the resolution drew criticism.", ("RUS", "129", None)),
        ("Ghana's withdrawal from the pact surprised Togo.", ("GHA", "166", None)),
        ("The arrest of the opposition leader by Tunisian police drew criticism.", ("TUN", "173", None)),
        # speech acts and others named by a noun: a plea, a warning, a release, an investigation
        ("Ghana's plea for calm went unheeded on Monday.", ("GHA", "020", None)),
        ("Ghana's warning to Togo came on Monday.", ("GHA", "130", "TGO")),
        ("Ghana's release of Togolese prisoners was welcomed.", ("GHA", "0841", "TGO")),
        ("Ghana's investigation into the Togolese minister continues.", ("GHA", "090", "TGO")),
        ("The plea for calm by the Ghanaian president went unheeded.", ("GHA", "020", None)),
    ],
)
def test_an_act_named_by_a_noun_with_its_agent_is_coded_as_its_verb(nlp, text, expected):
    """A nominalization whose agent is a possessive or a "by" phrase is the verb's act, coded by
    the verb's rule for the noun's object (schemas/data/nominalizations.csv): "expulsion of
    diplomats" is expelling diplomats (161), not any expulsion (174)."""
    assert expected in {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "After Togo's expulsion of Ghanaian diplomats, trade slowed.",  # a reference, not news
        "Since Ghana's withdrawal from the pact, relations have soured.",
        "The Togolese expulsions surprised no one.",  # a demonym without the act's object is no agent
        "After Ghana's warning to Togo, trade slowed.",
    ],
)
def test_a_nominalization_without_a_named_agent_or_told_as_a_reference_is_no_event(nlp, text):
    assert not any(e.event_root in ("13", "16", "17") for e in extract(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana made a plea for calm.", ("GHA", "020", None)),
        ("Ghana issued a warning to Togo.", ("GHA", "130", "TGO")),
        ("Ghana opened an investigation into the Togolese minister.", ("GHA", "090", "TGO")),
        ("Ghana announced the release of Togolese prisoners.", ("GHA", "0841", "TGO")),
        ("Ghana renewed its demands for compensation from Togo.", ("GHA", "100", "TGO")),
        ("Ghana extended its troop deployment in Togo.", ("GHA", "154", "TGO")),
    ],
)
def test_a_light_verb_takes_the_act_of_the_verb_its_noun_names(nlp, text, expected):
    """"made a plea", "issued a warning", "opened an investigation": the light verb's object names
    a verb's act (nominalizations.csv), coded as that verb with the noun's object."""
    assert expected in {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "A Ghanaian court ruling keeps the ban on Togolese imports on hold.",  # aspectual: no new act
        "Ghanaian police continued their probe into the Togolese trader.",
        "Ghana's rising demand for Togolese cocoa lifted prices.",  # demand as in markets
    ],
)
def test_an_aspectual_verb_or_a_market_demand_names_no_new_act(nlp, text):
    assert not any(e.event_root in ("09", "10", "17") for e in extract(nlp, text))


def test_a_verb_whose_lemma_lost_its_e_is_still_coded(nlp):
    """The small model lemmatizes "staged" and "staging" as "stag"; the verb table knows "stage"
    (transforms/extract/model.VERB_LEMMAS puts the "e" back), and a verb whose lemma the table
    knows keeps it."""
    doc = nlp("Ghana and Togo staged joint military drills while Togo was staging a protest.")
    assert [t.lemma_ for t in doc if t.lower_ in ("staged", "staging")] == ["stage", "stage"]
    assert nlp("Ghana killed the plan.")[1].lemma_ == "kill"
    rows = {(e.actor, e.event_root, e.target) for e in extract(nlp, "Ghana and Togo staged joint military drills.")}
    assert ("GHA", "06", "TGO") in rows


def test_an_intent_to_do_a_mutual_act_is_each_side_s_toward_the_other(nlp):
    """"they will restore relations": restoring relations is mutual (05), so the intent is of each
    toward the other; a promise to a third party stays the third party's."""
    rows = triples(extract(nlp, "Ghana and Togo said they would restore diplomatic relations."))
    assert {("GHA", "03", "TGO"), ("TGO", "03", "GHA")} <= rows
    rows = triples(extract(nlp, "Ghana and Togo pledged to send aid to Niger."))
    assert {("GHA", "03", "NER"), ("TGO", "03", "NER")} <= rows
    # what the two share after "their" (engine.SHARED_NOUNS), not what each has
    rows = triples(extract(nlp, "Ghana and Togo pledged to keep the peace along their disputed border."))
    assert {("GHA", "03", "TGO"), ("TGO", "03", "GHA")} <= rows
    assert not any(target for _, root, target in triples(extract(
        nlp, "Ghana and Togo vowed to protect their people.")) if root == "03")


def test_a_leader_whose_family_name_comes_first_is_named_by_it(nlp):
    """"Xi meets Modi": a Chinese, Korean or Cambodian name puts the family name first
    (schemas/data/name_order.csv), and the press uses it alone; a Western given name in a
    Western-order alias ("William Lai") is never a surname."""
    import datetime as dt

    from schemas import ontology

    rows = triples(extract(nlp, "", title="Xi meets Modi in Beijing"))
    assert ("CHN", "04", "IND") in rows, rows
    on = dt.date(2025, 3, 1)
    assert ontology.leader_by_surname("Lai", on).code == "TWN"
    assert ontology.leader_by_surname("Xi", on).code == ontology.leader_by_surname("Jinping", on).code == "CHN"
    assert ontology.leader_by_surname("William", on) is None


def test_a_sitting_leader_s_surname_the_model_tags_as_an_unknown_place_is_the_leader(nlp):
    """The model tags "Biden" in "Xi meets Biden" as a GPE; no place of the gazetteer has that
    name, so on a date of his presidency it is the United States' president."""
    import datetime as dt

    art = article("", title="Xi meets Biden in California")._replace(date=dt.date(2023, 11, 15))
    doc = nlp(art.title)
    assert next(t for t in doc if t.text == "Biden").ent_type_ == "GPE"
    assert ("CHN", "04", "USA") in triples(extract_events(art, doc, None, "test"))


def test_two_names_opening_a_headline_with_a_comma_are_one_coordinated_subject(nlp):
    """"Ghana, Togo sign border deal" says "and" with a comma; the text the parser gets has the
    same length (", " → "& "), and rows quote the headline as written."""
    from transforms.extract.headlines import coordinated_names, headline_text

    title = "Ghana, Togo sign border deal"
    assert headline_text(title) == "Ghana& Togo sign border deal"
    for untouched in ("In Ghana, farmers protest new tax", "Ghana's president, Togo's leader meet",
                      "Kofi Mensah, a Ghanaian trader, wins award"):
        assert coordinated_names(untouched) == untouched
    art = article("", title=title)
    rows = extract_events(art, nlp(headline_text(title)), None, "t")
    assert {("GHA", "05", "TGO"), ("TGO", "05", "GHA")} <= triples(rows)
    assert {e.sentence for e in rows} == {title}


def test_two_names_with_a_comma_after_a_clause_opener_are_one_subject(nlp):
    """"What to expect after Ghana, Togo agree to restore ties": the pair opens a clause after
    "after"; both sides agree, each toward the other."""
    from transforms.extract.headlines import headline_text

    title = "What to expect after Ghana, Togo agree to restore ties"
    assert headline_text(title) == "What to expect after Ghana& Togo agree to restore ties"
    assert headline_text("Live: Ghana, Togo sign deal") == "Live: Ghana& Togo sign deal"
    assert headline_text("Prices rise in Ghana, Togo says") == "Prices rise in Ghana, Togo says"
    rows = triples(extract_events(article("", title=title), nlp(headline_text(title)), None, "t"))
    assert {("GHA", "03", "TGO"), ("TGO", "03", "GHA")} <= rows


def test_a_subject_read_as_the_object_of_a_clause_opener_is_the_subject(nlp):
    """The parser reads "Ghana" in the headline "Tensions roll on as Ghana, Togo clash over Lake
    Volta" as the object of "as", leaving "clash" without a subject; a clash goes both ways."""
    from transforms.extract.clauses import subject_read_as_object
    from transforms.extract.headlines import headline_text

    title = "Tensions roll on as Ghana, Togo clash over Lake Volta"
    doc = nlp(headline_text(title))
    clash = next(t for t in doc if t.text == "clash")
    assert next(t for t in doc if t.text == "Ghana").dep_ == "pobj"
    assert [t.text for t in subject_read_as_object(clash)] == ["Ghana"]
    assert subject_read_as_object(next(t for t in doc if t.text == "roll")) == []
    rows = triples(extract_events(article("", title=title), doc, None, "t"))
    assert {("GHA", "19", "TGO"), ("TGO", "19", "GHA")} <= rows


def test_an_event_noun_read_as_the_object_of_a_clause_opener_is_the_clauses_subject(nlp):
    """"As a weeklong ceasefire between Ghana and Togo began": the parser hangs "ceasefire" on
    "as"; it is what began, so the truce is news. A truce that ended is no agreement."""
    rows = triples(extract(nlp, "As a weeklong ceasefire between Ghana and Togo began on Monday, civilians remained uncertain."))
    assert {("GHA", "08", "TGO"), ("TGO", "08", "GHA")} <= rows
    assert not triples(extract(nlp, "The truce between Ghana and Togo has ended."))


@pytest.mark.parametrize(
    ("text", "attack_written"),
    [
        ("Ghana warned against a Togolese offensive.", False),
        ("Ghana sent troops to prevent a Togolese incursion.", False),
        ("The Togolese leader threatened Ghana with a missile strike.", False),
        ("Ghana condemned a Togolese offensive.", True),  # a new attack, condemned: news
        ("Ghana warned Togo amid a Togolese offensive.", True),  # the attack is the warning's setting
    ],
)
def test_an_attack_warned_against_or_prevented_has_not_happened(nlp, text, attack_written):
    """schemas/data/unrealized_objects.csv: the event noun a verb of warning, fear or prevention
    takes as its object is no event."""
    assert (("TGO", "19") in {(e.actor, e.event_root) for e in extract(nlp, text)}) is attack_written


def test_a_verb_rule_can_name_its_preposition(nlp):
    """verbs.csv "fight,,alongside,062": fighting alongside someone is military cooperation with
    them (targets.SIDE_BY_SIDE), fighting someone is a fight against them."""
    assert ("GHA", "06", "TGO") in triples(extract(nlp, "Ghanaian troops fought alongside Togolese forces in the north."))
    assert ("GHA", "19", "TGO") in triples(extract(nlp, "Ghanaian troops fought Togolese forces in the north."))


def test_a_counted_object_is_what_is_counted(nlp):
    """"seized dozens of hostages": the verb rule reads "hostages", not "dozens" (181, not 171)."""
    assert ("TGO", "18", "GHA") in triples(extract(nlp, "Togolese militants seized dozens of hostages in Ghana."))


def test_preparing_for_an_assault_is_a_threat_of_force(nlp):
    """verbs.csv "prepare,,assault|attack|incursion|invasion|offensive,138"."""
    assert ("TGO", "13", "GHA") in triples(extract(nlp, "Togo is preparing for a ground assault on Ghana."))


def test_acts_two_sides_do_toward_a_third_are_not_aimed_at_each_other(nlp):
    """Meeting, signing and exchanging go both ways; sponsoring talks or praising a deal is done
    together, toward someone else (engine.MUTUAL_ACT_CODES, MUTUAL_VERBS)."""
    assert {("GHA", "04", "TGO"), ("TGO", "04", "GHA")} <= triples(extract(nlp, "Ghana and Togo held talks in Accra."))
    rows = triples(extract(nlp, "Ghana and Togo exchanged prisoners on Monday."))
    assert {("GHA", "08", "TGO"), ("TGO", "08", "GHA")} <= rows
    rows = extract(nlp, "Ghana and Togo are sponsoring the peace talks in Lome.")
    assert {e.actor for e in rows} == {"GHA", "TGO"} and all(e.target is None for e in rows), triples(rows)
    # praise of no one is no event at all (engine._cooperates_with_no_one)
    assert not extract(nlp, "Ghana and Togo praised the agreement.")


def test_an_item_that_can_give_no_rows_is_not_parsed(nlp):
    """A sport page or a question headline is skipped before the parser, as the pre-filter skips
    texts: the worker counts both texts as not parsed."""
    from transforms.extract.stage import extract_batch

    text = "Ghana attacked Togo on Sunday."
    sport = article(text, title="Ghana beat Togo")._replace(url="https://news.example.org/sport/1")
    news = article(text, title="Ghana attacks Togo", article_id="b" * 32)
    unparsed = []
    results = dict((a.article_id, rows) for a, rows in extract_batch(nlp, None, [sport, news], "t",
                                                                     on_unparsed=lambda: unparsed.append(1)))
    assert results[sport.article_id] == [] and len(unparsed) == 2
    assert ("GHA", "19", "TGO") in triples(results[news.article_id])


@pytest.mark.parametrize(("text", "expected"), [
    # a contract a state signs is economic cooperation; a footballer's contract is no event
    ("Ghana signed a contract with Togo for electricity.", {("GHA", "061", "TGO")}),
    ("Chelsea signed a contract with the Ghanaian striker.", set()),
    # a peace initiative launched between two states is mediation
    ("Ghana launched a peace initiative between Togo and Benin.", {("GHA", "045", "TGO")}),
])
def test_the_object_decides_what_signing_or_launching_is(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # joining talks is consulting, joining a treaty signing it (the PETRARCH dictionary's JOIN
    # patterns), and so is joining a body of states; joining a charity, a club or a company is
    # no event
    ("Ghana joined the talks with Togo in Lomé.", {("GHA", "040", "TGO")}),
    ("Togo joined the maritime treaty with Ghana on Monday.", {("TGO", "057", "GHA")}),
    # joining an intergovernmental body (clauses.object_class "@igo") is acceding to its treaty
    ("Togo formally joined the African Union on Monday.", {("TGO", "057", "AU")}),
    ("Ghana's former president Mahama joined a Togolese charity on Monday.", set()),
])
def test_the_object_decides_what_joining_is(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # targeting a place or a military object is an attack; targeting voters is not
    ("Togo targeted Accra with drones overnight.", {("TGO", "190", "GHA")}),  # a capital is a place
    ("Ghanaian drones targeted a Togolese air base.", {("GHA", "190", "TGO")}),
    ("The campaign targets young voters in Ghana.", set()),
    # fighting for a place is fighting; fighting for a cause is not
    ("Togo fights for Lome airport.", {("TGO", "190", None)}),
    ("Ghana wants a Europe that fights for climate justice.", set()),
])
def test_the_object_decides_whether_targeting_or_fighting_is_an_attack(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "code"), [
    # a strike over pay or against a reform is a labour strike, as a verb or as a noun
    ("Ghanaian rail workers strike over pay.", "143"),
    ("Togolese strikes against the pension reform brought Lome to a halt.", "143"),
    ("Ghanaian prison officers will strike for two days.", "143"),
    # over the weekend is a time, not an issue
    ("Togolese strikes over the weekend killed 12 in Accra.", "190"),
])
def test_what_a_strike_is_over_decides_whether_it_is_labours_or_an_attack(nlp, text, code):
    assert [e.event_code for e in extract(nlp, text)][:1] == [code]


@pytest.mark.parametrize(("text", "expected"), [
    # what another actor must or should do, said by a speaker, is the speaker's appeal to it
    # (judgements.ADVISING_MODALS: the news set's coders); what it has to do the speaker's demand
    ("Togo should reopen the border, Ghana's president said.", {("GHA", "020", "TGO")}),
    ("Ghana said Togo must withdraw its troops from the border.", {("GHA", "020", "TGO")}),
    ("Ghana said Togo has to withdraw its troops from the border.", {("GHA", "100", "TGO")}),
    # the speaker's own duty is no demand; an obligation is not an act
    ("Ghana said it must act to protect its border with Togo.", set()),
    ("Togo must withdraw its troops from Ghana.", set()),
])
def test_what_another_must_do_is_asked_of_it_and_not_an_act(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "calls for X to do": the appeal is to X (clauses.for_clause), and what is asked for has
    # not happened: no withdrawal, reopening or release of Togo's
    ("Ghana calls for Togo to withdraw its troops from the border", {("GHA", "020", "TGO")}),
    ("The Ghanaian government pushed for Togo to reopen the border.", {("GHA", "100", "TGO")}),
    ("Ghana appealed for Togo to free the detained journalists.", {("GHA", "020", "TGO")}),
    # wanting another to act asks it to; wanting to act oneself, or another's ruin, asks no one
    ("Ghana wants Togo to reopen the border", {("GHA", "025", "TGO")}),
    ("Ghana wants to reopen the border with Togo", set()),
    ("Ghana wants Togo's collapse, Lome says", set()),
])
def test_who_is_asked_for_an_act_or_wanted_to_do_it(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a crackdown is a state's coercion of its own people, with or without a verb that launches it
    ("Ghana's crackdown on journalists drew criticism.", {("GHA", "175", "GHA")}),
    ("Journalists flee as Lome's crackdown grows.", {("TGO", "175", "TGO")}),
])
def test_a_crackdown_named_by_its_noun(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    # arms given are military aid, whatever the arms' word (schemas/data/weapons.csv, "@weapon")
    ("Ghana supplied Togo with artillery shells.", {("GHA", "072", "TGO")}),
    ("Ghana delivered cluster munitions to Togo.", {("GHA", "072", "TGO")}),
    # not weapons given up, moved within a state, nor a company named like arms
    ("Ghanaian fighters gave up their weapons to Togolese monitors.", None),
    ("Ghana transferred missiles to its northern border.", None),
    ("Ghana supplies Shell with gas.", None),
])
def test_arms_given_are_military_aid(nlp, text, expected):
    rows = {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}
    if expected is None:
        assert not any(code == "072" for _, code, _ in rows), rows
    else:
        assert rows == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a deal finalised, sealed or inked is signed (057); the headline's "finalises" is a verb
    ("Ghana finalises deal with Togo", {("GHA", "057", "TGO")}),
    ("Ghana and Togo seal border agreement", {("GHA", "057", "TGO"), ("TGO", "057", "GHA")}),
    ("Ghana inked a trade pact with Togo on Monday", {("GHA", "057", "TGO")}),
])
def test_a_deal_finalised_sealed_or_inked(nlp, title, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)} == expected
    # a border sealed is no deal
    assert not any(e.event_code == "057" for e in extract(nlp, "", title="Ghana sealed the border with Togo"))


@pytest.mark.parametrize(("text", "expected"), [
    # intensifying or stepping up an offensive is fighting; efforts or engagement are no event
    ("Ghana intensified its offensive against Togolese rebels.", {("GHA", "190", "TGO")}),
    ("Ghana stepped up its engagement with Togo.", set()),
    ("Ghanaian protesters stepped up their protests against the government.", {("GHA", "140", "GHA")}),  # its own government (engine._protested_state)
    ("Ghana's president offered an apology to Togo.", {("GHA", "055", "TGO")}),
])
def test_the_object_decides_what_intensifying_or_offering_is(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text)} == expected


@pytest.mark.parametrize(("text", "code"), [
    # seeking to do something is an intent; seeking something is asking for it
    ("Ghana seeks to mend ties with Togo.", "030"),
    ("Ghana sought readmission from ECOWAS.", "020"),  # an appeal has an addressee (no_news.WISHING_VERBS)
])
def test_seeking_to_do_is_an_intent_and_seeking_a_thing_a_request(nlp, text, code):
    assert [e.event_code for e in extract(nlp, text)] == [code]


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana committed to sending troops to Togo.", {("GHA", "030", "TGO")}),
    ("Ghana committed $5 million to Togo.", {("GHA", "033", "TGO")}),  # money pledged is aid
    ("Ghana pledged $5 million to Togo.", {("GHA", "033", "TGO")}),
    ("Ghana committed 500 troops to Togo.", {("GHA", "0334", "TGO")}),
    ("Ghana's former president committed fraud for years, a court ruled.", set()),  # a crime, no pledge
])
def test_committing_to_or_committing_something_is_a_pledge_and_committing_a_wrong_is_none(nlp, text, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract(nlp, text) if e.event_root == "03"} == expected


@pytest.mark.parametrize("text", ["Ghana hopes to sign a deal with Togo next month.",
                                  "Ghana hoped to sign a deal with Togo.",
                                  "Ghana expects to sign a deal with Togo within weeks."])
def test_hoping_or_expecting_to_act_is_an_intent_not_the_act(nlp, text):
    """An event complement of "hope" or "expect" (verbs.csv "@complement") is meant, not done:
    an intent (03), never the agreement itself (05); "hopes" is the verb "hope", not "hop"."""
    assert {(e.actor, e.event_root, e.target) for e in extract(nlp, text)} == {("GHA", "03", "TGO")}


def test_hoping_for_a_thing_is_no_intent(nlp):
    assert not any(e.event_root == "03" for e in extract(nlp, "Ghana hopes for better weather in Accra."))


@pytest.mark.parametrize(("text", "expected"), [
    # a known event named after "of", "over", "amid", "to" is a reference, not news
    ("Ghana's cocoa exports fell in the wake of Togo's invasion of Benin.", set()),
    ("Ghana imposed sanctions over Togo's invasion of Benin.", {("GHA", "16", "TGO")}),
    # killed in it: the news of the strike
    ("Five soldiers were killed in Togo's strike on Accra.", {("TGO", "19", "GHA")}),
])
def test_a_known_event_named_in_passing_is_a_reference(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an attack noun after an adjective's preposition tells a quality, not news
    ("The Ghanaian port is vulnerable to Togolese attacks.", set()),
    ("Togo launched attacks on the Ghanaian port.", {("TGO", "19", "GHA")}),
])
def test_an_event_noun_after_an_adjective_is_a_quality(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # what help is for is told by the help: no fight of Benin's (questioning it is Togo's disapproval)
    ("Togo questioned the strategy of helping Benin fight Niger.", {("TGO", "11", None)}),
    ("Ghana helped Benin fight Niger.", {("GHA", "07", "BEN")}),  # the one helped is the recipient
])
def test_what_help_is_for_is_no_act_of_the_one_helped(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


def test_a_sports_word_inside_a_known_body_s_name_is_not_the_topic(nlp):
    # the "League" of the Arab League; a sports league still makes the sentence sport
    assert triples(extract(nlp, "The Arab League condemned Togo's raid on Benin.")) == {("ARL", "11", "TGO")}
    assert not extract(nlp, "Ghana beat Togo in the league.")


@pytest.mark.parametrize(("text", "expected"), [
    # talking with no one is a speech or an interview, not a consultation
    ("Ghana's finance minister discusses what Accra has learned from the debt crisis.", set()),
    ("Ghana's president spoke with his Togolese counterpart.", {("GHA", "04", "TGO")}),
    ("Ghanaian and Togolese leaders will discuss the border plan.", {("GHA", "04", "TGO"), ("TGO", "04", "GHA")}),
])
def test_talking_consults_only_with_someone(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


@pytest.mark.parametrize(("text", "actors"), [
    # a country's or a city's name before an attack says where it happened, not who did it
    ("Two tourists were killed in a Togo attack by suspected rebels.", set()),
    ("Three people were killed in an overnight Lome drone attack.", set()),
    # a demonym or initials name who did it
    ("A Ghanaian drone attack killed three people in Lome.", {"GHA"}),
    ("A US air strike in Togo killed 30 militants.", {"USA"}),
])
def test_a_place_before_an_attack_is_where_it_happened(nlp, text, actors):
    assert {e.actor for e in extract(nlp, text) if e.event_root in ("18", "19")} == actors


@pytest.mark.parametrize(("text", "expected"), [
    # acts joined to what an appeal asks for are asked for too, not done
    ("Ghana urged Togo to stop shelling and killing civilians.", {("GHA", "02", "TGO")}),
    # a verb in another form joined to the complement is a clause of its own
    ("Togo vowed to retaliate and filed a complaint against Ghana at the WTO.", {("TGO", "11", "GHA"), ("TGO", "13", None)}),
])
def test_acts_joined_to_what_is_asked_for_are_not_done(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # vowing retaliation, hinting at strikes and stepping up threats are threats
    ("Ghana vowed reprisals against Togo.", {("GHA", "13", "TGO")}),
    ("Ghana hinted at more strikes on Togolese positions.", {("GHA", "13", None)}),
    ("Accra is increasing its threats against Togo.", {("GHA", "13", "TGO")}),
    # a verb that a condition's verb governs is as conditional
    # (the warning of unrest is a statement, additions/verbs.csv: "warn of" a danger is 012)
    ("Ghana warned of unrest if Togolese authorities continue to detain its traders.", {("GHA", "01", None)}),
    # a known event inside a noun's phrase is that thing's reference, not news
    ("Ghana's minister denied any involvement in Togo's raid on Accra.", {("GHA", "01", "TGO")}),
])
def test_threats_conditions_and_references_inside_noun_phrases(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # ending an act is coded by what is ended (modality.csv, mode "cessation")
    ("Ghana stopped funding the Togolese election commission last year.", {("GHA", "16", "TGO")}),
    ("The United States suspended sending aid to Togo after the coup.", {("USA", "16", "TGO")}),
    ("The Togolese army ceased shelling Ghanaian positions on Monday.", {("TGO", "08", "GHA")}),
    # what the appeal asks to end is a de-escalation: still an appeal
    ("Ghana urged Togo to stop shelling the border villages.", {("GHA", "02", "TGO")}),
    # an ended act with no such row is nothing, and the ended act is never done
    ("Togo told its citizens to stop using the messaging app.", set()),
])
def test_ending_an_act_is_coded_by_what_is_ended(nlp, text, expected):
    assert {t for t in triples(extract(nlp, text)) if t[1] != "01"} == expected


def test_ending_an_act_gives_the_de_escalation_code(nlp):
    row = next(e for e in extract(nlp, "The Togolese army ceased shelling Ghanaian positions on Monday.") if e.actor == "TGO")
    assert row.event_code == "087" and row.action == "cease"
    appeal = next(e for e in extract(nlp, "Ghana urged Togo to stop shelling the border villages.") if e.actor == "GHA")
    assert appeal.event_code == "025"


def test_a_person_named_in_the_possessive_of_an_arrest_is_the_one_arrested(nlp):
    """"Faure Gnassingbe's arrest" (a name of people.csv, which the small model does not tag as a
    person): done to him; "Togo's expulsion of ..." is done by the possessor."""
    # the protests it sparked are the crowd of the place's (place_protests.py), no arrest by him
    assert {(e.actor, e.event_root) for e in extract(nlp, "Faure Gnassingbe's arrest sparked protests in Lome.")} == {("TGO", "14")}
    assert ("TGO", "16", "GHA") in triples(extract(nlp, "Togo's expulsion of Ghanaian diplomats angered Accra."))


@pytest.mark.parametrize("text", [
    "The EU adopted a new round of sanctions on Togo.",
    "Ghana, the EU and the G7 announce a price cap on Togolese oil.",
    "Britain agrees new sanctions on Togo.",
])
def test_adopting_announcing_or_agreeing_sanctions_is_a_sanction(nlp, text):
    rows = extract(nlp, text)
    assert rows and all(e.event_code == "163" and e.target == "TGO" for e in rows)


def test_going_to_the_polls_is_no_event(nlp):
    assert not extract(nlp, "Togo went to the polls on Sunday in a closely watched vote.")


@pytest.mark.parametrize(("text", "expected"), [
    # two states exercising in one clause exercise together, each the other's partner
    ("The Ghanaian and Togolese militaries kicked off major annual drills.", {("GHA", "06", "TGO"), ("TGO", "06", "GHA")}),
    ("Ghana and Togo began military drills on Monday.", {("GHA", "06", "TGO"), ("TGO", "06", "GHA")}),
    # one state's drills stay a show of force; two states' strikes stay strikes
    ("Ghana held drills near the Togolese border.", {("GHA", "15", "TGO")}),
    ("Ghana and Togo launched strikes on the rebel camps.", {("GHA", "19", None), ("TGO", "19", None)}),
])
def test_drills_of_two_states_in_one_clause_are_joint(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


def test_a_conjoined_modifier_keeps_its_own_modifiers(nlp):
    """"the U.S. and South Korean militaries": "South Korean", not the bare "Korean"."""
    rows = extract(nlp, "The U.S. and South Korean militaries kicked off major annual drills.")
    assert {e.actor for e in rows} == {"USA", "KOR"}


def test_where_two_sides_met_is_the_venue_not_the_recipient(nlp):
    assert triples(extract(nlp, "Ghanaian and Togolese negotiators met in Abuja.")) == {("GHA", "04", "TGO"), ("TGO", "04", "GHA")}
    # one side's trip to a capital still goes to that country
    assert ("GHA", "04", "NGA") in triples(extract(nlp, "Ghana's president arrived in Abuja."))


def test_a_possessive_speech_act_noun_is_the_possessor_s_act(nlp):
    """"Togo's condemnation of the Ghanaian sanctions": Togo condemning (nominalizations.csv)."""
    assert ("TGO", "11", "GHA") in triples(extract(nlp, "Togo's condemnation of the Ghanaian sanctions was swift."))
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "Ghana's criticism of Togo drew a sharp reply."))


def test_a_force_in_a_place_is_that_place_s_state(nlp):
    """"Police in Kumasi": a force's place is its state's (places.csv); residents or a
    delegation in a place may be anyone's."""
    assert ("GHA", "17") in {(e.actor, e.event_root) for e in extract(nlp, "Police in Kumasi arrested 20 protesters.")}
    assert not extract(nlp, "Residents of Kumasi are monitoring the health of the injured bird.")


def test_a_state_s_allies_are_other_states(nlp):
    """"Togo's allies": not Togo; "ECOWAS allies" are ECOWAS."""
    assert not any(e.actor == "TGO" for e in extract(nlp, "Togo's allies supplied weapons to the army."))


def test_a_weapon_is_not_framed_by_the_headline_s_one_country(nlp):
    """"Missile strikes Ghanaian tanker": the one country the headline names is the one hit; a
    weapon names its user only by a modifier ("Togolese drones")."""
    assert not extract(nlp, "", title="Missile strikes Ghanaian tanker in Red Sea")
    assert ("TGO", "19") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Togolese drones strike Ghanaian tanker")}


@pytest.mark.parametrize(("text", "expected"), [
    # who claims responsibility for an attack did it
    ("Togolese rebels claimed responsibility for a missile attack on a Ghanaian ship.", ("TGO", "19", "GHA")),
    # an act claimed as done is coded like one said to be done; the claim is its evidence
    ("The Togolese army claimed to have shot down three Ghanaian drones.", ("TGO", "19", "GHA")),
    # an attack led by a named group is that group's
    ("The attack led by Togolese rebels left 20 Ghanaian soldiers dead.", ("TGO", "19")),
])
def test_a_claimed_or_led_attack_is_the_claimer_s_or_leader_s(nlp, text, expected):
    assert expected[:2] in {(e.actor, e.event_root) for e in extract(nlp, text)}
    if len(expected) == 3:
        assert expected in triples(extract(nlp, text))


def test_a_claim_of_an_act_done_is_not_a_statement_row(nlp):
    rows = extract(nlp, "The Togolese army claimed to have shot down three Ghanaian drones.")
    assert not any(e.event_root == "01" for e in rows)


@pytest.mark.parametrize("text", [
    "Ghana claims capture of Togo's Lome",
    "Ghana's army claimed the capture of the Togolese town of Kara on Tuesday.",
])
def test_a_claimed_capture_is_the_claimer_s_capture_not_a_statement(nlp, text):
    rows = extract(nlp, "", title=text) if "'s Lome" in text else extract(nlp, text)
    assert ("GHA", "19", "TGO") in triples(rows)
    assert not any(e.event_root == "01" for e in rows)


@pytest.mark.parametrize(("text", "title"), [
    ("The Ghana-Togo talks resumed on Monday in Lome.", ""),
    ("Ghanaian-Togolese talks on the border will be held next week.", ""),
    ("A Ghana-Togo meeting took place in Lome on Monday.", ""),
    ("", "Ghana-Togo summit: Accra open to discuss border disputes"),
])
def test_a_meeting_of_a_hyphenated_pair_is_each_side_s(nlp, text, title):
    """Each side alone ("Togo", not the parser's "Ghana-Togo"), and a meeting both ways."""
    rows = triples(extract(nlp, text, title=title))
    assert {("GHA", "04", "TGO"), ("TGO", "04", "GHA")} <= rows


def test_a_hyphenated_pair_of_leaders_surnames_is_their_states(nlp):
    """"the Biden-Xi meeting": each side a leader in office on the article's date."""
    rows = triples(extract(nlp, "The Mahama-Tinubu talks resumed on Monday in Abuja."))
    assert {("GHA", "04", "NGA"), ("NGA", "04", "GHA")} <= rows


def test_a_hyphenated_pair_names_no_meeting_by_itself(nlp):
    assert extract(nlp, "", title="Ghana-Togo trade: exports rise") == []


def test_a_visit_or_meeting_named_by_a_noun_is_the_possessor_s(nlp):
    """"the Ghanaian leader's visit to Lome": Ghana visiting Togo (nominalizations.csv)."""
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "The Ghanaian leader's visit to Lome reinforced the two states' ties."))
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "Ghana's meeting with Togo lasted two hours."))


def test_a_role_from_a_body_is_the_body_s(nlp):
    """"officials from the Economic Community of West African States" are ECOWAS's; "residents
    of" a body's seat are not the body."""
    rows = extract(nlp, "Four officials from the Economic Community of West African States discussed the crisis in Lome.")
    assert {e.actor for e in rows} == {"ECOWAS"}


def test_simulated_strikes_are_a_show_of_force(nlp):
    assert ("TGO", "15", "GHA") in triples(extract(nlp, "The Togolese navy simulated strikes on Ghana during the drills."))


def test_pressing_another_to_act_is_a_demand(nlp):
    assert ("GHA", "10", "TGO") in triples(extract(nlp, "Ghana pressured Togo to delay the border operation."))


def test_what_is_predicted_has_not_happened(nlp):
    assert not any(e.event_root == "19" for e in extract(nlp, "A former Ghanaian general predicts a successful Togolese offensive."))


@pytest.mark.parametrize(("text", "expected"), [
    ("There is no evidence that Ghana shelled the village.", set()),
    ("Togo has not seen evidence that Ghana provided arms to the rebels.", set()),
    ("Officials found evidence that Ghana shelled the village.", {("GHA", "19", None)}),
])
def test_a_clause_on_denied_evidence_is_no_event(nlp, text, expected):
    assert {t for t in triples(extract(nlp, text)) if t[1] != "01"} == expected


def test_a_claimed_suicide_bombing_is_a_bombing(nlp):
    """CAMEO 1831: a suicide bombing is a non-military bombing (18), not military force (19)."""
    rows = extract(nlp, "Togolese rebels claimed responsibility for a suicide bombing at a Ghanaian border post.")
    assert ("TGO", "1831") in {(e.actor, e.event_code) for e in rows}


def test_hosting_a_competition_or_migrants_is_no_visit(nlp):
    """"host" is a visit hosted (043) with a guest or a meeting, not with a tournament, a festival or
    people given shelter (additions/verbs.csv)."""
    assert extract(nlp, "Ghana is the sole bidder to host the competition.") == []
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "Ghana will host the Togolese president on Monday."))


def test_a_duration_is_no_sense_of_the_verb_and_subjects_that_fight_fight_each_other(nlp):
    """"fought for days" is not "fight for" a cause (verbs.csv gives that no event), and two
    subjects that fight with no one else named fight each other."""
    rows = triples(extract(nlp, "Ghana and Togo have been fighting for days around hospitals in the north."))
    assert {("GHA", "19", "TGO"), ("TGO", "19", "GHA")} <= rows
    assert extract(nlp, "Ghana fought for independence.") == []
    assert ("GHA", "13") not in {(e.actor, e.event_root) for e in extract(nlp, "Ghana warned of more difficult days ahead.")}


@pytest.mark.parametrize("text", [
    "Ghana said it downed Togolese drones over three regions.",
    "Ghana has said it has shot down more than a dozen Togolese-launched drones in the early hours of Thursday.",
    "Ghanaian air defences intercepted two Togolese missiles over Accra.",
])
def test_downed_weapons_are_an_attack_by_their_owner_on_who_downed_them(nlp, text):
    assert {("GHA", "19", "TGO"), ("TGO", "19", "GHA")} <= triples(extract(nlp, text))


def test_downing_tools_or_an_unowned_drone_names_no_attacker(nlp):
    assert extract(nlp, "Ghanaian police officers have downed their weapons in protest.") == []
    assert {e.actor for e in extract(nlp, "Ghana shot down a drone over Accra.")} == {"GHA"}


def test_a_headline_that_only_reports_a_saying_about_another_actor_is_a_statement(nlp):
    """"Benin says Niger pipeline not impacted": nothing else happens in the headline, and what is
    said is about a named other; a body's "said that" with no event stays evidence only."""
    assert ("GHA", "01", "TGO") in triples(extract(nlp, "", title="Ghana says Togo pipeline not impacted by sanctions"))
    assert extract(nlp, "Ghana said Togo's pipeline was not impacted by the sanctions.") == []
    rows = extract(nlp, "", title="Ghana says Togo attacked its border post")
    assert ("TGO", "19") in {(e.actor, e.event_root) for e in rows} and not any(e.event_root == "01" for e in rows)


def test_a_saying_whose_words_tell_an_event_is_its_evidence_not_a_row(nlp):
    """"Hamas says 70 killed in Israeli air strike": however the headline parses, the strike is
    the news; a saying joined by "and" to an act stays its own."""
    rows = extract(nlp, "", title="Togo says 70 killed in Ghanaian air strike on camp")
    assert not any(e.event_root == "01" for e in rows)
    assert ("GHA", "19") in {(e.actor, e.event_root) for e in rows}


@pytest.mark.parametrize(("text", "title"), [
    ("", "Togolese airstrikes push Accra's second largest hospital to the brink"),
    ("Togolese strikes have grounded flights at the airports of Accra and Kumasi.", ""),
])
def test_force_used_with_no_recipient_named_is_against_the_state_where_it_happened(nlp, text, title):
    assert ("TGO", "19", "GHA") in triples(extract(nlp, text, title=title))


def test_force_told_among_places_of_two_states_or_a_newspaper_s_name_keeps_no_recipient(nlp):
    rows = extract(nlp, "Togolese strikes have grounded flights at the airports of Accra and Abuja.")
    assert ("TGO", "19", None) in triples(rows)
    rows = extract(nlp, "The commander told The New York Times that Togolese drones had struck the camp.")
    assert all(e.target != "GBR" for e in rows)


def test_a_headline_s_appeal_verb_with_no_one_addressed_is_passive(nlp):
    """"Togo urged to release prisoner": Togo is the one urged; whoever urged is not named."""
    assert extract(nlp, "", title="Togo urged to release Ghanaian prisoner diagnosed with cancer") == []
    assert ("GHA", "02", "TGO") in triples(extract(nlp, "", title="Ghana urged Togo to release the prisoner"))


@pytest.mark.parametrize(("text", "actor"), [
    ("South Africa's ANC rejected the plan.", "ANC"),
    ("The Netherlands’ VVD party has ruled out forming a coalition with the PVV.", "VVD"),
    ("Ghana's army attacked Togo.", "GHA"),
])
def test_a_body_named_after_a_countrys_possessive_is_the_body(nlp, text, actor):
    assert {e.actor for e in extract(nlp, text)} == {actor}


def test_the_pope_alone_is_the_holy_see(nlp):
    assert ("VAT", "04", "MNG") in triples(extract(nlp, "", title="Pope Visits Mongolia, With an Eye on Russia and China"))


def test_beating_rivals_to_host_is_no_assault_and_walking_out_halts_talks(nlp):
    assert extract(nlp, "", title="Ghana beats Togo, Benin to host 2030 world fair") == []
    assert ("GHA", "16") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana's top diplomat walked out of the summit.")}


def test_an_act_told_with_a_then_office_holder_or_a_year_before_it_is_history(nlp):
    """"resumed ties in 2018 following a visit by then-President Deby": "following" is a
    preposition, so the visit is in the clause the year dates."""
    assert extract(nlp, "Ghana and Togo resumed ties in 2018 following a visit to Lome by the Ghanaian president.") == []


@pytest.mark.parametrize("period", ["during World War Two", "in the Soviet era", "in the 1990s"])
def test_an_act_told_in_a_period_long_past_is_history(nlp, period):
    """"six Italian men hanged by German troops during World War Two": a named period that ended
    long before publication dates the act as a year does (schemas/data/historical_periods.csv)."""
    assert not extract(nlp, f"Relatives of six Ghanaian men hanged by Togolese troops {period} will be compensated.")
    assert extract(nlp, "Togolese troops hanged six Ghanaian men on Tuesday.")


def test_a_deal_expected_to_be_announced_has_not_happened(nlp):
    assert extract(nlp, "A peace deal between Accra and Lome is expected to be announced soon.") == []


def test_a_walkout_in_a_pay_dispute_is_no_halt_of_talks(nlp):
    assert extract(nlp, "1,400 Ghanaian guards walk out in a pay dispute.") == []


@pytest.mark.parametrize("text", [
    "Thousands of students protested in Lome.",
    "Protesters took to the streets across Togo on Tuesday.",
])
def test_a_crowd_that_protests_is_of_the_country_where_it_protests(nlp, text):
    assert ("TGO", "14") in {(e.actor, e.event_root) for e in extract(nlp, text)}


def test_a_crowd_with_no_place_or_rallying_behind_someone_names_no_protester(nlp):
    assert extract(nlp, "Students protested on Monday.") == []
    assert extract(nlp, "People in Lome rallied behind the young singer.") == []


def test_a_person_titled_by_a_body_s_office_acts_for_the_body(nlp):
    """"CIA director Bill Burns" acts for the CIA (GOLD.md rule 2); a head of state's country title
    stays the country's, and a person the tables file under a body keeps it."""
    rows = extract(nlp, "CIA director Bill Burns held talks with Ghanaian officials in Accra.")
    assert {e.actor for e in rows} == {"CIA"}
    assert {e.actor for e in extract(nlp, "US President Joe Biden met the Ghanaian president in Accra.")} == {"USA"}


def test_defeating_a_rival_in_an_election_is_no_fight(nlp):
    assert extract(nlp, "The Ghanaian opposition defeated the ruling party in the election.") == []


def test_an_office_of_a_state_province_or_city_is_that_country_s(nlp):
    """A region or a city that is no capital frames an office ("the mayor of Kumasi", "Ashanti
    police", "Texas Governor ..."): schemas/data/places.csv holds GeoNames' first-level divisions
    beside its cities, and an office named by one is its country's, as a capital's is."""
    assert ("GHA", "GOV") in actor_sectors(nlp, "The mayor of Kumasi condemned the attack on the market.")
    assert ("GHA", "GOV") in actor_sectors(nlp, "Kumasi mayor Kofi Mensah condemned the attack on the market.")
    assert ("GHA", "COP") in actor_sectors(nlp, "The Ashanti police arrested 20 protesters on Monday.")
    assert ("USA", "GOV") in actor_sectors(nlp, "Texas Governor Greg Abbott criticised the new border agreement.")
    assert ("TGO", "GOV") in actor_sectors(nlp, "The governor of Kara accused the Ghanaian authorities of neglect.")
    # A place's residents may be anyone's; a place alone acts for nobody.
    assert not extract(nlp, "Kumasi residents condemned the attack on the market.")
    assert not extract(nlp, "Kumasi condemned the attack on the market.")


def test_a_pair_of_words_names_a_sector_the_head_noun_alone_would_not(nlp):
    """Role pairs (roles.csv, from Phoenix's two-word agents): "business leaders" are BUS, not GOV;
    a "security service" is SPY; a rank before a role ("deputy minister") does not change it;
    a rebel group's fighters stay rebels; "opposition leader <name>" is OPP."""
    assert ("GHA", "BUS") in actor_sectors(nlp, "Ghanaian business leaders criticised the new budget on Tuesday.")
    assert ("TGO", "SPY") in actor_sectors(nlp, "The Togolese security service arrested two journalists.")
    assert ("GHA", "GOV") in actor_sectors(nlp, "Ghanaian Deputy Foreign Minister Kofi Mensah met the Togolese delegation.")
    assert ("TGO", "OPP") in actor_sectors(nlp, "Togolese opposition leader Kofi Mensah criticised the new budget.")
    assert ("BOKO_HARAM", "REB") in actor_sectors(nlp, "Boko Haram fighters attacked a village in Borno.")


def test_a_headline_drops_the_it_that_repeats_the_speaker(nlp):
    """"Ghana says sent aid to Togo": a finite verb right after "says", with no subject of its own,
    is the speaker's act (clauses.reports_own_act); a clause whose subject the parser lost
    further on is not."""
    assert ("GHA", "07", "TGO") in triples(extract(nlp, "", "Ghana says sent 25 tons of aid to Togo"))
    assert ("TGO", "13", "GHA") in triples(extract(nlp, "", "Togo says will retaliate against Ghana"))
    # a participle with an object is active too: "says downed drones" is "says it downed drones"
    assert ("GHA", "19", "TGO") in triples(extract(nlp, "", "Ghana says downed Togolese drones over three regions"))
    rows = extract(nlp, "A Ghanaian official says Togolese forces operating in a border village killed a Ghanaian farmer.")
    assert not any(e.actor == "GHA" and e.event_root in ("18", "19") for e in rows)


def test_export_controls_and_barred_imports_are_an_embargo(nlp):
    """Export controls, import bans and trade restrictions brought in or imposed are an embargo
    (163, nominal_events.csv with the light verbs impose, introduce, bring in, tighten); "bars
    imports" is one too, not an administrative ban (172)."""
    def roots(text):
        return {(e.actor, e.event_root) for e in extract(nlp, text)}
    assert ("GHA", "16") in roots("Ghana brings in new export controls on cocoa products.")
    assert ("TGO", "16") in roots("Togo bars imports from three more Ghanaian companies.")


def test_naming_a_suspect_accuses_and_stripping_citizenship_sanctions(nlp):
    """verbs.csv senses: "named Ghanaian suspects" accuses (112), "strips citizenship from"
    is an administrative sanction (172); naming an ambassador is neither."""
    assert ("TGO", "11", "GHA") in {(e.actor, e.event_root, e.target) for e in extract(nlp, "Togo named Ghanaian suspects in the bombing.")}
    assert ("GHA", "17", "TGO") in {(e.actor, e.event_root, e.target) for e in extract(nlp, "Ghana strips citizenship from two Togolese-born ministers.")}
    assert not extract(nlp, "Ghana named a new ambassador to Togo.")


def test_meeting_with_resistance_is_no_meeting(nlp):
    """"was met with criticism", "met with protests": a reception, not a meeting (verbs.csv "meet
    with" and the nouns of reactions, code "-"); "met with Togo" is one."""
    assert not any(e.event_root == "04" for e in extract(nlp, "Ghana's president met with protests in Lome."))
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "Ghana met with Togo on Monday."))


def test_testing_a_missile_shows_force(nlp):
    """A weapons test is a show of force (150, root 15); testing a vaccine is no event."""
    assert ("TGO", "15") in {(e.actor, e.event_root) for e in extract(nlp, "Togo tested two new missiles on Monday.")}
    assert not extract(nlp, "Ghana tested its new vaccine.")


def test_telling_another_to_act_is_an_appeal(nlp):
    """"told Togo to withdraw its troops": the speech verb with an object and "to" + a verb is an
    appeal for that act (modality.csv, mode "appeal": 025 for a withdrawal), not a statement;
    "told reporters it would close the border" is no appeal."""
    assert ("GHA", "02", "TGO") in triples(extract(nlp, "Ghana tells Togo to withdraw its troops."))
    assert not any(e.event_root == "02" for e in extract(nlp, "Ghana told reporters it would close the border."))


def test_a_role_located_in_several_countries_is_each_country_s(nlp):
    """"Officials from Ghana and Togo met": both countries' officials act, and each meets the
    other; "troops from Ghana, Togo and Benin": three actors."""
    assert {("GHA", "04", "TGO"), ("TGO", "04", "GHA")} <= triples(
        extract(nlp, "Officials from Ghana and Togo met in Accra on Monday."))
    assert {"GHA", "TGO", "BEN"} <= {e.actor for e in extract(nlp, "Troops from Ghana, Togo and Benin attacked the rebel camp.")}


def test_the_title_recalls_the_person_named_with_it(nlp):
    """"The president" after "Ghanaian President John Mahama met Togolese Prime Minister ...":
    the person the article titled president (Ghana), not the story's other country."""
    rows = extract(nlp, "Ghanaian President John Mahama met Togolese Prime Minister Victor Dogbe in Lome. "
                        "The president later criticised the Togolese opposition.", "Togo crisis talks")
    assert any(e.actor == "GHA" and e.event_root == "11" for e in rows)
    assert not any(e.actor == "TGO" and e.event_root == "11" for e in rows)


@pytest.mark.parametrize("text", [
    "After talks with Togolese leaders, the Ghanaian president said the border would reopen.",
    "Following calls with several Togolese leaders, Ghana's president said the risk was high.",
    "Ghana's foreign minister condemned the raid during a phone call with his Togolese counterpart.",
])
def test_a_meeting_the_clause_comes_after_is_its_subject_s(nlp, text):
    """nominal.framing_meetings: the subject took part in the meeting its act followed."""
    assert ("GHA", "04", "TGO") in triples(extract(nlp, text))


@pytest.mark.parametrize("text", [
    "After the talks with Togo, Ghana's president said the border would reopen.",  # a meeting already told
    "Ghana and Togo renewed their call for a ceasefire in the north.",  # an appeal, not a call with someone
])
def test_a_known_meeting_or_an_appeal_is_no_new_meeting(nlp, text):
    assert not [e for e in extract(nlp, text) if e.event_root == "04"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ghana's illness surge not as high as before - WHO official", ("WHO", "01", "GHA")),
        ("Togo murder plot case could damage relations – US lawmakers", ("USA", "01", "TGO")),
        ("No military solution to the Togo conflict – top Ghanaian general", ("GHA", "01", "TGO")),
        ("Gaza health system has reached 'point of no return': ICRC", ("ICRC", "01", None)),
    ],
)
def test_a_headline_attributed_to_a_body_s_official_is_their_statement(nlp, title, expected):
    """headlines.attribution: the name may end in a role noun, a word may qualify it, the dash may
    follow a word, and a colon may stand for the dash."""
    assert expected in triples(extract(nlp, "", title))


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana aid drying up – Togo", ("TGO", "01", "GHA")),  # a headline without a verb: its noun's
    ("Togo needs to change ECOWAS, not leave it – Togolese president", ("TGO", "01", "ECOWAS")),  # what it needs done
])
def test_an_attributed_statement_is_about_what_its_headline_names(nlp, title, expected):
    """targets.statement_topic reads a verbless headline's noun and the object of what a subject
    needs or wants to do."""
    assert expected in triples(extract(nlp, "", title))


@pytest.mark.parametrize("title", [
    "Ghana's growth slows in 2023 – UK politics live",
    "Ghana's president strikes uneasy truce with his MPs — for now",
    "Togo's jail trial of opposition leader declared illegal - lawyer",  # a lawyer is anyone's
    "Your Monday Briefing: Ghanaian Intelligence",  # a label before the colon, no headline
])
def test_lower_case_words_after_a_headline_s_dash_are_an_attribution_only_as_a_role(nlp, title):
    """A role alone speaks for a state only as an office, a legislature or an army."""
    assert not [e for e in extract(nlp, "", title) if e.event_root == "01"]



def test_who_in_capitals_is_the_world_health_organization_and_otherwise_a_pronoun(nlp):
    assert ("WHO", "02", "GHA") in triples(extract(nlp, "A WHO official urged Ghana to act."))
    assert all(e.actor != "WHO" for e in extract(nlp, "Those who urged Ghana to act were arrested."))
    # the other codes that are words in capitals stay unnamed: "ADF" is also Australia's Defence Force
    assert all(e.actor != "ADF" for e in extract(nlp, "The ADF helped Ghana with the floods."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togolese troops have destroyed several Ghanaian tanks north of Kpalime.", ("TGO", "19", "GHA")),
        ("Ghana destroys a Togolese warship near Lome.", ("GHA", "19", "TGO")),
        ("Togolese missiles rained down on the Ghanaian city of Ho.", ("TGO", "19", "GHA")),
        ("Togo's top court upheld the detention of Ghanaian reporter Kofi Mensah.", ("TGO", "17", "GHA")),
    ],
)
def test_destroying_weapons_is_fighting_and_upholding_a_detention_is_one(nlp, text, expected):
    """verbs.csv: destroying military hardware is a use of force (19), not destruction of property (1712)."""
    assert expected in triples(extract(nlp, text))


def test_destroying_homes_stays_destruction_of_property(nlp):
    assert ("TGO", "17", "GHA") in triples(extract(nlp, "Togolese troops destroyed homes in the Ghanaian town of Ho."))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Two people were wounded in a shooting in Lome, police say.", ""),
        ("A doctor in Lome described the situation as calm.", ""),
        ("", "Togo's president names a new army chief – Xinhua"),
    ],
)
def test_a_reporting_source_s_plain_statement_is_no_event(nlp, text, title):
    """engine.REPORTING_SOURCES: the media, the police and medical staff are where the facts come from."""
    assert all(not e.event_code.startswith("01") for e in extract(nlp, text, title))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verbal attack on a person "over" an issue is criticism; "over the weekend" says when
        ("Ghana's opposition leader attacked President Mahama over the collapse in housebuilding.", ("GHA", "11")),
        ("Togolese troops attacked Ghanaian positions over the weekend.", ("TGO", "19")),
        ("Ghana's high court ruled against the government on Monday.", ("GHA", "11")),
    ],
)
def test_attacks_over_an_issue_and_rulings_against_someone_are_disapproval(nlp, text, expected):
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, text)}


def test_a_judgement_of_a_national_institution_by_another_body_of_its_state_is_aimed_at_the_state(nlp):
    """judgements._own_institution: "the government's plan" names no country; a Ghanaian court
    judging it judges Ghana's (coded state to state)."""
    assert ("GHA", "11", "GHA") in triples(extract(nlp, "A Ghanaian court said the government's plan was unlawful."))
    assert ("GHA", "11", "GHA") in triples(
        extract(nlp, "Ghana's opposition leader said the government's plan was a disaster."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit or a meeting the sentence refers to is mostly the story's own news
        ("Togo's ambassador has dismissed Ghanaian President Mahama's visit to Washington as irrelevant.",
         ("GHA", "04", "USA")),
        ("Here's what Mahama's trip to Togo did and didn't achieve.", ("GHA", "04", "TGO")),
    ],
)
def test_a_visit_the_sentence_refers_to_is_news_when_it_names_both_sides(nlp, text, expected):
    """nominal.agentive_nominal: unlike a war's invasion, which stories mention for years."""
    assert expected in triples(extract(nlp, text))


def test_a_visit_counted_since_or_not_yet_made_is_no_event(nlp):
    assert not any(e.event_root == "04" for e in extract(nlp, "Relations have improved since Mahama's visit to Lome."))
    assert not any(e.event_root == "04" for e in extract(nlp, "Togo warned against Mahama's possible visit to Lome."))
    # a person's arrest with no object is still done to them, not by them
    assert extract(nlp, "Mahama's arrest angered his supporters.") == []


def test_a_middle_initial_does_not_hide_a_known_person(nlp):
    """ontology.normalize_name: "Antony J. Blinken" is the tables' "Antony Blinken"."""
    assert {e.actor for e in extract(nlp, "Antony J. Blinken met Ghana's president on Monday.")} == {"USA"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speaking in Rome, Ghana's president joined a mounting chorus of criticism against Togo.", ("GHA", "11")),
        ("Ghana joined a chorus of calls for a ceasefire.", ("GHA", "02")),
    ],
)
def test_joining_criticism_or_calls_is_criticising_or_appealing_not_meeting(nlp, text, expected):
    assert {(e.actor, e.event_root) for e in extract(nlp, text)} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Ghana renewed calls for Togo to free the prisoners.",
        "The pressure on Togo to free the prisoners grew.",
        "Ghana backed demands that Togo free the prisoners.",
    ],
)
def test_what_a_call_or_a_demand_asks_for_has_not_happened(nlp, text):
    """engine.WANTING_NOUNS."""
    assert not any(e.actor == "TGO" for e in extract(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # casualties "by" a force's fire: the fire's owner attacked
        ("Three Ghanaians were killed on Thursday by Togolese fire in the border town.", ("TGO", "19", "GHA")),
        # weapons downed with no agent: the state they were downed over or aimed at fights their owner
        ("A Togolese drone targeting Accra was shot down outside the city, the mayor reported.", ("GHA", "19", "TGO")),
        ("Togolese missiles were intercepted over Accra.", ("GHA", "19", "TGO")),
    ],
)
def test_casualties_by_a_force_s_fire_and_downed_weapons_are_fighting(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


def test_fire_and_bombing_name_an_attacker_only_for_an_act_of_force(nlp):
    """A weapon noun as subject names its owner as actor only for a use of force (18-20)."""
    assert extract(nlp, "Fire broke out in the Ghanaian capital.") == []
    assert not any(e.event_root == "06" for e in extract(nlp, "Limited aid enters Ghana as Togolese bombing compounds the crisis."))


def test_what_must_be_done_to_something_is_an_appeal_and_what_a_named_actor_must_do_a_demand(nlp):
    """judgements.judgement: a passive obligation asks no one it names ("hospitals must be
    protected": 02); "Togo should be brought to account" names whom it demands of (10)."""
    assert ("GHA", "02") in {(e.actor, e.event_root) for e in extract(
        nlp, "Ghana's president says hospitals must be protected.")}
    assert ("GHA", "10") in {(e.actor, e.event_root) for e in extract(
        nlp, "Togo should be brought to account before an international court, Ghana's president said.")}


def test_an_attribution_to_a_body_s_official_needs_no_story_country(nlp):
    """engine._attributed_statement: "official" resolves to nothing in a story that names no
    country; the body the name gives still speaks."""
    assert {(e.actor, e.event_root) for e in extract(nlp, "", "Vaccines saved lives – WHO official")} == {("WHO", "01")}


def test_a_body_named_after_a_title_word_is_no_person(nlp):
    """clauses.object_class: "Police Headquarters" is a place seized (17), not a person abducted (18)."""
    assert ("M23", "17") in {(e.actor, e.event_root) for e in extract(nlp, "M23 rebels seized Police Headquarters in Goma.")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning of what will happen, to nobody: a pessimistic comment (012)
        ("Ghana's power authority warned that electricity will run out within hours.", ("GHA", "012")),
        ("Ghana's finance minister warned that a default would lead to a deep downturn.", ("GHA", "012")),
        # a warning of what an actor, or the speaker, will do or suffer stays a threat
        ("Ghana warned that Togo would pay a heavy price.", ("GHA", "130")),
        ("Ghana warned that it would view Togolese vessels as a threat.", ("GHA", "130")),
    ],
)
def test_a_warning_of_a_state_of_things_is_a_comment_and_of_an_act_a_threat(nlp, text, expected):
    assert expected in {(e.actor, e.event_code) for e in extract(nlp, text)}


def test_us_written_without_its_last_period_is_the_united_states(nlp):
    """Wire copy drops the last period of "U.S." ("U.S Secretary of State"): the tables list that
    spelling too (schemas/data/additions/countries.csv), while "us" in lower case stays a pronoun."""
    assert ("USA", "13", "TGO") in triples(extract(nlp, "The U.S Secretary of State warned Togo on Monday."))
    assert not any(e.actor == "USA" for e in extract(nlp, "Togo warned us on Monday."))


def test_an_acronym_written_with_periods_is_the_acronym(nlp):
    """Some outlets write "F.B.I." and "I.M.F.": the same bodies as "FBI" and "IMF"."""
    assert ("FBI", "17", "TGO") in triples(extract(nlp, "The F.B.I. arrested a Togolese man on Monday."))
    assert ("IMF", "07", "GHA") in triples(extract(nlp, "The I.M.F. approved a loan to Ghana."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Togolese forces had significantly increased their assault on the town.", ("TGO", "19", None)),
        ("Togo redoubled its attacks on the border town.", ("TGO", "19", None)),
        ("Ghana boosted its aid to Togo.", ("GHA", "07", "TGO")),
    ],
)
def test_stepping_up_an_act_named_by_a_noun_is_the_act(nlp, text, expected):
    """"increased their assault", "ramps up attacks", "boosts aid" (light_verbs.csv): the noun is
    the event, as after "intensified" or "stepped up"."""
    assert expected in triples(extract(nlp, text))


def test_a_crowd_counted_in_a_country_is_its_people(nlp):
    """"Thousands in Honduras marched": a number of people placed in a country are its people, as
    "thousands of Hondurans" are; a crowd in a place is no target ("sent aid to thousands in Togo")."""
    assert ("GHA", "14") in {(e.actor, e.event_root) for e in extract(nlp, "Thousands in Ghana marched in an anti-government protest.")}
    assert ("GHA", "14", "TGO") in triples(extract(nlp, "Hundreds in Accra protested against Togo."))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("A Ghanaian boy was detained and interrogated by Togolese forces.", ""),
        ("", "12-year-old Ghanaian detained and interrogated by Togolese forces"),
    ],
)
def test_coordinated_participles_share_their_agent(nlp, text, title):
    """"was detained and interrogated by Togolese forces": the "by" phrase hangs on the second
    participle and names the doer of both; the first's subject is what both were done to, in a
    headline too, where the parser reads the bare first participle as a past tense."""
    rows = triples(extract(nlp, text, title=title))
    assert ("TGO", "17", "GHA") in rows and ("TGO", "09", "GHA") in rows
    assert not any(actor == "GHA" for actor, _, _ in rows)


def test_participles_joined_without_a_conjunction_share_no_agent(nlp):
    """"A woman imprisoned for 20 years ... was pardoned by a Ghanaian court": the parser glues the
    two clauses without "and"; the court pardoned, it did not imprison."""
    rows = triples(extract(nlp, "A woman imprisoned for 20 years over the deaths of her children was "
                                "pardoned by a Ghanaian court after a review found reasonable doubt."))
    assert not any(root == "17" for _, root, _ in rows)


@pytest.mark.parametrize("text", ["Togo put its troops on high alert.", "Togo placed its army on alert.",
                                  "Togo raised its alert level."])
def test_raising_an_alert_is_a_show_of_force(nlp, text):
    """Putting forces on alert is CAMEO's raised alert status (15), a show of force (verbs.csv)."""
    assert ("TGO", "15") in {(e.actor, e.event_root) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana bolstered its military presence near the Togolese border.", ("GHA", "154")),
        ("Ghana increased its troops on the border with Togo.", ("GHA", "154")),
        ("Ghana lamented the food insecurity in the region.", ("GHA", "012")),
    ],
)
def test_more_forces_are_a_show_of_force_and_a_lament_a_pessimistic_comment(nlp, text, expected):
    """"bolstered its military presence", "increased its troops" (CAMEO 154, more armed forces);
    "lamented" with no object the table knows is a pessimistic comment (012)."""
    assert expected in {(e.actor, e.event_code) for e in extract(nlp, text)}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # the parser hangs the second act under the first, as an adverbial clause ...
        ("Ghana slams Togo for 'reckless' drone strikes, urges African Union to act", {("GHA", "11", "TGO"), ("GHA", "02", "AU")}),
        ("ECOWAS condemns Togo over border raid, calls for calm", {("ECOWAS", "11", "TGO"), ("ECOWAS", "02", None)}),
        # ... or the first, with the subject, under the second
        ("Ghana condemns Togo raid, urges restraint", {("GHA", "11", "TGO"), ("GHA", "02", None)}),
        ("Ghana demands apology, recalls envoy from Togo", {("GHA", "10", None), ("GHA", "16", "TGO")}),
    ],
)
def test_acts_a_headline_lists_with_a_comma_share_the_subject(nlp, title, expected):
    """"EU condemns Hamas ..., urges Israeli restraint": a headline lists one subject's acts with a
    comma, and the second act is neither what the first one disputes nor what it wants
    (clauses.comma_joined)."""
    assert expected <= triples(extract(nlp, "", title=title))


def test_a_subject_lost_after_a_parenthesis_is_no_listed_act(nlp):
    """"growth in regular pay, excluding bonuses, was 7.8%": "was" follows a comma too, but it is the
    clause the statistics office said, with its subject misparsed, not an act of the office."""
    rows = extract(nlp, "The Ghana Statistical Service said annual growth in regular pay, excluding bonuses, "
                        "was 7.8% in the three months to August.")
    assert rows == []


def test_a_role_that_only_two_words_name_is_no_part_of_the_name(nlp):
    """"GOP presidential candidates slam FBI": "presidential candidate" names the sector (PTY) as a
    pair, neither word being a role of its own; the candidates still act for the name before them."""
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "", title="Ghana's presidential candidates slam Togo over report"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ghana questions Togo's commitment to the deal.", ("GHA", "11", "TGO")),
        ("Ghana's foreign minister questioned the role of Togolese troops in the region.", ("GHA", "11", "TGO")),
        ("Ghanaian police questioned two Togolese suspects.", ("GHA", "09", "TGO")),
        ("Ghanaian police questioned the Togolese ambassador.", ("GHA", "09", "TGO")),
    ],
)
def test_questioning_an_act_is_disapproval_and_questioning_a_person_an_inquiry(nlp, text, expected):
    """"questions the role of US support" disapproves (110); the police questioning suspects
    investigate (090): additions/verbs.csv."""
    assert expected in triples(extract(nlp, text))


def test_a_meeting_at_a_place_is_a_meeting(nlp):
    """"to meet Macron at Elysée Palace": the reference dictionary's "meet at" (an intent, 036) made
    every meeting with a venue a plan; the venue changes nothing (additions/verbs.csv)."""
    rows = triples(extract(nlp, "", title="Ghana's president to meet Togo's president at the Jubilee House"))
    assert ("GHA", "04", "TGO") in rows and not [r for r in rows if r[1] == "03"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Hundreds of Ghanaian police raid farms in human trafficking crackdown", ("GHA", "17")),
        ("Ghanaian police raid the homes of opposition activists", ("GHA", "17")),
        ("Togolese troops raid Ghana border village", ("TGO", "19")),
    ],
)
def test_a_police_raid_is_coercion_and_a_military_one_an_assault(nlp, title, expected):
    """The subject's sector decides what "raid" is (subject_senses.csv), also when a quantity
    counts it ("hundreds of police")."""
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, "", title=title)}


def test_a_crowd_that_storms_a_building_is_no_weather(nlp):
    """"storm" is also a disaster cue of a headline (item_cues.csv); protests (14), like uses of
    force, are kept in such items (topics.KEPT_ROOTS)."""
    assert ("GHA", "14") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Ghanaian protesters storm parliament in Accra")}


@pytest.mark.parametrize(("title", "kept"), [
    ("Ghana opens terrorism investigation after freight train derailed", True),
    ("Ghana says it mourns victims after freight train derailed", False)])
def test_an_investigation_of_a_disaster_is_an_act_and_its_comment_is_not(nlp, title, kept):
    """A derailment makes the item a disaster's (item_cues.csv); the state's inquiry into it (09)
    is kept as an act, what it says about it is not (topics.KEPT_ROOTS)."""
    roots = {e.event_root for e in extract(nlp, "", title=title) if e.actor == "GHA"}
    assert ("09" in roots) is kept
    assert not roots & {"01", "02", "11", "12"}


@pytest.mark.parametrize(("title", "expected"), [
    ("Failed Togolese spy satellite launch puts neighbours on alert", {("TGO", "15")}),
    ("Togo's president oversaw cruise missile launches", {("TGO", "15")}),
    # who only watches (a visitor, a rival's spy plane) is not who launches
    ("Ghana's president watches Togolese missile launch", {("TGO", "15")}),
    ("Ghana's weather satellite launch succeeds", set()),
    # a weapon test decided for the future is the show of force (cameo.csv announced, as the
    # news set's coders code a deployment to come), also when another tells of it
    ("Togo will conduct a missile test soon, Ghana says", {("TGO", "15")}),
    ("Ghana urges restraint after Togolese missile test", {("TGO", "15")}),
    ("Ghana's army test of a new missile ends in failure", {("GHA", "15")}),
    ("SpaceX satellite launch delayed again", set()),
])
def test_a_launch_or_a_weapon_test_is_a_show_of_force(nlp, title, expected):
    """A missile or spy satellite launch or a weapon's test (nominal_events.csv, 150) is a state's
    or an armed group's show of force, aimed at no one the sentence names (who reacts to it is no
    recipient); the one who oversees it is its agent."""
    rows = [e for e in extract(nlp, "", title=title) if e.event_root == "15"]
    assert {(e.actor, e.event_root) for e in rows} == expected
    assert all(e.target is None for e in rows if e.action in ("launch", "test", "launches"))


@pytest.mark.parametrize(("text", "root"), [
    ("Togo launched a new ballistic missile off its coast on Thursday.", "15"),
    ("Togo fired two missiles overnight, killing three people.", "19"),
    ("Togo launched missiles at Accra on Thursday.", "19"),
    ("Togo fired missiles at a radar site.", "19"),
    ("Togolese rebels fired rockets after the border raid.", "19"),
    ("Togo fired missiles overnight; a power station in Kara was ablaze.", "19"),
    ("Togo launched 40 cruise missiles early on Friday. Three people died in Lome, officials said.", "19"),
])
def test_a_missile_that_hits_no_one_is_shown_not_fired(nlp, text, root):
    """A launch whose sentence names no one hit and no casualty is a test or a show of force
    (engine._shown_not_fired); one that hits or kills stays an attack."""
    assert {e.event_root for e in extract(nlp, text) if e.actor == "TGO"} == {root}


@pytest.mark.parametrize(("text", "root"), [("Ghana doubled its defence budget last year.", "15"),
                                            ("Ghana raised military spending by a third this year.", "15"),
                                            ("Ghana will boost its military spending, buying patrol ships and drones.", "15"),
                                            ("Ghana will boost its military spending if Togo rearms.", "13")])
def test_more_military_spending_is_a_show_of_force(nlp, text, root):
    """Raising a defence budget strengthens the armed forces (additions/verbs.csv, 154), not an
    economic aid (071); announced, it is the decision (cameo.csv announced: the news set's coders
    code a force posture to come as 15), on a condition a threat (13)."""
    assert {e.event_root for e in extract(nlp, text) if e.actor == "GHA"} == {root}


@pytest.mark.parametrize(("title", "text"), [
    ("Blinken says far too many Ghanaians killed as Togo battles rebels", ""),
    ("UN says dozens of Ghanaians killed as Togo battles rebels", ""),
    ("Talks", "Blinken said far too many Ghanaians killed as Togo battled rebels."),
])
def test_what_a_speaker_says_can_be_a_bare_passive(nlp, title, text):
    """"Palestinians killed", said by someone, is a passive as in a headline's main clause
    (clauses.is_headline_passive): the victims are no attackers."""
    assert not [e for e in extract(nlp, text, title=title) if e.actor == "GHA" and e.event_root in ("17", "18", "19")]


def test_a_comma_that_closes_an_apposition_lists_no_act(nlp):
    """"cried foul after McCarthy, the new speaker, released ...": the verb after the comma is the
    clause of the name before it, which the parser lost, not a second act of the lawmakers."""
    rows = extract(nlp, "Ghanaian lawmakers cried foul after Kofi Mensah, the new Togolese trade minister, "
                        "released 40 hours of surveillance footage.")
    assert not [e for e in rows if e.actor == "GHA" and e.event_root == "08"]



@pytest.mark.parametrize(("title", "expected"), [("Ghanaian tourists hit 40.3 million in the first half of 2023", set()),
                                                 ("Ghana inflation hits record high", set()),
                                                 ("Togolese drones hit Ghana border post", {("TGO", "19", "GHA")}),
                                                 ("Togolese missiles hit targets in Accra", {("TGO", "19", "GHA")})])
def test_hitting_a_number_or_a_record_is_no_attack(nlp, title, expected):
    """"hit" is an attack unless what is hit is a figure, a record or a level (additions/verbs.csv)."""
    assert triples(extract(nlp, "", title=title)) == expected


@pytest.mark.parametrize("text", ["Ghana's Supreme Court blocked the appointment of the new police chief.",
                                  "A Ghanaian court blocked the government's ban on Togolese imports."])
def test_blocking_an_appointment_or_a_law_is_a_rejection(nlp, text):
    """"blocked the appointment", "blocked the ban": a veto (129), not a blockade (144)."""
    assert ("GHA", "129") in {(e.actor, e.event_code) for e in extract(nlp, text)}


def test_an_exit_is_a_withdrawal(nlp):
    """"confirms exit from China's Belt and Road": "exit" names withdrawing (nominalizations.csv)."""
    assert ("GHA", "16") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Ghana confirms exit from the regional trade pact")}


def test_a_quote_before_an_accusation_keeps_its_own_subject(nlp):
    """"Togo attacked first, accuses Ghana": the parser hangs the quote under "accuses" as the
    comma-listed acts are hung; a named object after the verb says who speaks, so Togo accuses
    nobody (clauses.leading_comma_clause)."""
    rows = triples(extract(nlp, "", title="Togo attacked first, accuses Ghana"))
    assert not [r for r in rows if r[0] == "TGO" and r[1] == "11"]


@pytest.mark.parametrize("title", ["Mahamudu Bawumia criticises Faure Gnassingbé over raid",
                                   "Mahamudu Bawumia slams Faure Gnassingbé over raid"])
def test_a_name_the_parser_hangs_on_the_verb_as_a_compound_is_its_subject(nlp, title):
    """"Keir Starmer attacks Rishi Sunak": the small model sometimes hangs a headline's leading name
    on the verb as a compound; a finite verb needs a subject, and that name is it
    (clauses.subject_read_as_object)."""
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "", title=title))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ghana calls Togo's decision unacceptable", {("GHA", "11", "TGO")}),
        ("Ghana's president calls the Togolese raid outrageous", {("GHA", "11", "TGO")}),
        ("Ghana calls Togo talks a good first step", set()),
    ],
)
def test_calling_something_a_condemning_word_is_criticism(nlp, title, expected):
    """"Kremlin calls ICC move outrageous": naming what something is is no event (verbs.csv), but it
    is criticism when the name condemns, as "said the move was outrageous" is (judgements.NAMING_VERBS,
    judgements.py)."""
    assert {(r[0], r[1], r[2]) for r in triples(extract(nlp, "", title=title)) if r[1] in ("01", "11")} == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ghana calls Togo's border plan a 'reckless gamble'", {("GHA", "11", "TGO")}),
        ("Ghana's president calls Togo's warning 'nonsense'", {("GHA", "11", "TGO")}),
        ("Ghana called the proceedings against the Togolese traders 'a farce'", {("GHA", "11", "TGO")}),
        ("Togo closes its border, a move Ghana called 'deeply irresponsible'", {("GHA", "11", None)}),
        ("Ghana calls Togo's border plan 'a historic step'", set()),
        ("Ghana calls for 'restraint' over Togo's border plan", set()),
    ],
)
def test_a_condemning_name_in_quotation_marks_is_criticism(nlp, title, expected):
    """"calls Biden's EV push a 'ridiculous crusade'", "calls Biden's warning 'nonsense'": the small
    model parses a quoted name in many ways (a second object, a possessive mark, an object hung on
    the name), so the name is found by its quotation marks (judgements.quoted_name); a name that
    condemns is criticism of whose thing is named, one that praises is nothing, and "calls for" is
    an appeal, no name."""
    rows = {(r[0], r[1], r[2]) for r in triples(extract(nlp, "", title=title)) if r[0] == "GHA" and r[1] in ("01", "11")}
    assert rows == expected


@pytest.mark.parametrize("title", ["Ghanaian court fines Togo firm over pollution",
                                   "Ghana judge finds Togolese businessman guilty of fraud",
                                   "Ghana's court found the Togolese businessman guilty"])
def test_a_fine_or_a_guilty_verdict_is_a_finding_of_guilt(nlp, title):
    """"court fines Wikipedia owner", "judge finds man guilty": CAMEO 116 (additions/verbs.csv); the
    verb's complement ("guilty") decides its sense as its object does (clauses.object_heads), and
    who is found guilty is the recipient, also when the parser reads "businessman guilty" as a
    clause of its own (engine._small_clause_subject)."""
    assert ("GHA", "116", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)}


@pytest.mark.parametrize("title", ["Togolese nurse found guilty of fraud",
                                   "Togolese tourists shot dead after straying into Ghanaian waters",
                                   "Togolese man found not guilty of murder but convicted of manslaughter",
                                   "Ghanaian police found a Togolese trader dead in Accra"])
def test_an_object_predicate_without_an_object_is_a_passive_with_no_doer(nlp, title):
    """"nurse found guilty", "tourists shot dead": a headline's passive without "was", which the
    parser reads as the patient acting; what is done to the subject names no doer (GOLD.md rule 7)
    (engine._describes_its_subject). Finding someone dead is no act on them either."""
    assert not [e for e in extract(nlp, "", title=title) if e.actor == "TGO" or e.event_root == "19"]


def test_an_object_predicate_passive_with_a_by_phrase_is_the_agent_s_act(nlp):
    """"traders shot dead by Togolese police": the "by" phrase names the doer, the subject is whom
    it was done to."""
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "", title="Two Ghanaian traders shot dead by Togolese police"))


@pytest.mark.parametrize(("title", "expected"), [("Thousands rally in Accra against Togo border raid", ("GHA", "14")),
                                                 ("Hundreds of thousands protest in Lomé over fuel prices", ("TGO", "14"))])
def test_people_only_counted_who_protest_are_a_crowd_of_the_place(nlp, title, expected):
    """"Thousands rally in Jakarta": a number of people with no role noun protesting is a crowd of
    civilians, coded by the country where it protests (engine._crowd_sector)."""
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, "", title=title)}


@pytest.mark.parametrize(("text", "expected"), [("Ghana executes Togolese spy", {("GHA", "17", "TGO")}),
                                                ("Togo hangs two Ghanaian prisoners", {("TGO", "17", "GHA")}),
                                                ("Togo began execution of road project with Ghana", set())])
def test_a_state_that_executes_people_coerces(nlp, text, expected):
    """Executions by a state are repression (175, additions/verbs.csv), not an armed attack; "hang"
    with a person as its object is one; executing a project is no event (the noun takes the
    verb's rules: nominalizations.csv)."""
    assert expected == {r for r in triples(extract(nlp, "", title=text)) if r[1] in ("17", "19")}


def test_a_counteroffensive_is_a_use_of_force(nlp):
    """"Ukraine's counteroffensive against Russia begins": the noun names the fight (nominal_events.csv)."""
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "", title="Togo's counteroffensive against Ghana begins"))


@pytest.mark.parametrize(("text", "expected"), [("A Togolese man was shot dead in a Ghanaian police raid.", ("GHA", "17")),
                                                ("Ghanaian police carried out raids on opposition offices", ("GHA", "17")),
                                                ("Togolese troops carried out a raid on a Ghanaian border village", ("TGO", "19"))])
def test_a_police_raid_told_by_its_noun_is_coercion(nlp, text, expected):
    """The subject's sector gives "raid" its sense also when the noun tells it: "an FBI raid",
    "police carried out raids" (subject_senses.csv, engine._sector_sense)."""
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, text)}


@pytest.mark.parametrize(("title", "expected"), [("Togo launched a short-range ballistic missile toward the sea on Sunday", ("TGO", "15")),
                                                 ("Togo tests new ballistic missile engines", ("TGO", "15")),
                                                 ("Togo fires missiles at Ghanaian border post", ("TGO", "19"))])
def test_a_missile_fired_into_the_sea_is_a_show_of_force(nlp, title, expected):
    """A missile launched into the sea or a weapon tested hits no one: a demonstration of military
    power (150); fired at someone it is an attack (additions/verbs.csv)."""
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, "", title=title)}


def test_testing_a_car_engine_is_no_show_of_force(nlp):
    """Only a missile's or a rocket's engine is a weapon tested."""
    assert extract(nlp, "", title="Ghana tests new car engine") == []


@pytest.mark.parametrize(("title", "expected"), [("Ghana hits back at Togo over border claims", ("GHA", "11", "TGO")),
                                                 ("Togo hits back at Ghana with drone strikes", ("TGO", "19", "GHA"))])
def test_hitting_back_is_criticism_unless_with_weapons(nlp, title, expected):
    """"Mayor of Paris hits back at 'misogyny'": a reply in words (111), aimed "at" whoever it
    answers; with strikes or at troops it is force (additions/verbs.csv)."""
    assert expected in triples(extract(nlp, "", title=title))


def test_a_crowd_that_accuses_is_of_the_country_of_the_story(nlp):
    """"Opposition leaders condemn ... and accuse PM Modi's government": a crowd named by its sector
    alone is of the country the story is about, for its criticism and demands as for its protests
    (engine.CROWD_ROOTS)."""
    rows = extract(nlp, "Opposition leaders accused the government of killing democracy.", title="Ghana's parliament suspends sitting")
    assert ("GHA", "11") in {(e.actor, e.event_root) for e in rows}


@pytest.mark.parametrize("title", ["Protesters in Accra demand the president resign", "Thousands gather in Accra to demand justice"])
def test_what_a_crowd_demands_it_demands_by_protesting(nlp, title):
    """"A few hundred protesters have gathered ... to demand that the president resign": a crowd of
    protesters demands by protesting (GOLD.md: 14), not as a state demands (10)."""
    roots = {(e.actor, e.event_root) for e in extract(nlp, "", title=title)}
    assert ("GHA", "14") in roots and ("GHA", "10") not in roots


@pytest.mark.parametrize("title", ["Ghanaian farmers demand compensation from Togo",
                                   "A Ghanaian student demanded an apology from Togo's embassy"])
def test_what_people_who_are_no_protesters_demand_stays_a_demand(nlp, title):
    """Farmers or a student who demand compensation or an apology demand (10); only protesters, a
    counted crowd or a gathering protest by demanding (engine._protesting_crowd)."""
    assert ("GHA", "10", "TGO") in triples(extract(nlp, "", title=title))


def test_a_strike_noun_keeps_its_own_code(nlp):
    """"a hunger strike by students" stays a hunger strike (142): the subject's sense (a strike by
    workers, 143) only replaces a code of another root (engine._sector_sense)."""
    rows = extract(nlp, "", title="A hunger strike by Ghanaian students in Lome entered its tenth day")
    assert "142" in {e.event_code for e in rows}


@pytest.mark.parametrize(("title", "expected"), [("Ghana's president attacks Faure Gnassingbé over border raid", ("GHA", "11", "TGO")),
                                                 ("Togo's army attacks Ghanaian border post", ("TGO", "19", "GHA"))])
def test_attacking_a_named_person_is_criticism(nlp, title, expected):
    """"Keir Starmer attacks Rishi Sunak": attacking a person named in full is words (111), whether
    the model tags the name a PERSON or the people table knows it (clauses.object_class)."""
    assert expected in triples(extract(nlp, "", title=title))


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana-Togo cease-fire begins", {("GHA", "08", "TGO"), ("TGO", "08", "GHA")}),
    ("A Cease-Fire between Ghana and Togo took effect on Monday", {("GHA", "08", "TGO"), ("TGO", "08", "GHA")}),
    ("Togo's counter-offensive against Ghana has moved more slowly than hoped", {("TGO", "19", "GHA")})])
def test_a_hyphenated_spelling_is_the_word_the_tables_know(nlp, title, expected):
    """US outlets write "cease-fire": kept whole by the tokenizer and read as "ceasefire"
    (schemas/data/hyphenated_words.csv), it is the same event noun."""
    assert expected <= triples(extract(nlp, "", title=title))


def test_a_hyphenated_word_is_one_noun_token(nlp):
    doc = nlp("Togo called for a cease-fire, and Ghana's counter-offensives stalled.")
    words = {t.text: (t.lemma_, t.pos_) for t in doc}
    assert words["cease-fire"] == ("ceasefire", "NOUN")
    assert words["counter-offensives"] == ("counteroffensive", "NOUN")
    assert "cease" not in words


@pytest.mark.parametrize(("title", "expected"), [
    ("A Ghanaian helicopter raid in northeast Benin targeted a senior Boko Haram leader", ("GHA", "19", "BOKO_HARAM")),
    ("Ghanaian helicopter raid kills senior ISIS leader in Benin", ("GHA", "19", "ISIL")),
    ("Ghanaian troops raided a village in Benin, killing three Boko Haram fighters", ("GHA", "19", "BOKO_HARAM")),
    ("Ghanaian troops raided a village in Benin, killing three people", ("GHA", "19", "BEN"))])
def test_whom_a_use_of_force_hit_comes_before_where_it_happened(nlp, title, expected):
    """A raid "in Benin" that "targeted" or, in an -ing clause, "killed" an armed group's men was
    aimed at the group (nominal._named_as_hit, targets.participle_target); only when no one is
    named is the place the recipient. An acronym the tagger reads as a noun ("ISIS") still names."""
    assert expected in triples(extract(nlp, "", title=title))


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana Jails Ashanti Activist 7 Years in Absentia", ("GHA", "17", "GHA")),
    ("In First, Ghana Strips Citizenship From 2 Men Over Draft Dodging", ("GHA", "17", "GHA")),
    ("After Ghana Arrested Her Husband, A Wife Discovered His Secret Blog", ("GHA", "17", "GHA")),
    ("Ghana arrested a Togolese activist", ("GHA", "17", "TGO"))])
def test_the_people_a_state_jails_or_strips_of_citizenship_are_its_own(nlp, title, expected):
    """A person's role noun a title-case headline made an ORG ("Activist"), kin ("her husband")
    and people named after "from" ("strips citizenship from two men") are the state's own people
    (targets.own_people_target); a named nationality still decides."""
    assert expected in triples(extract(nlp, "", title=title))


def test_a_body_a_state_outlaws_is_not_its_own_people(nlp):
    rows = extract(nlp, "", title="Ghana Outlaws Togo-Based Mensah Corporation as 'Undesirable'")
    assert ("GHA", "17", "GHA") not in triples(rows)


@pytest.mark.parametrize(("published", "expected"), [(dt.date(2026, 12, 20), set()),
                                                      (dt.date(2026, 11, 8), {("TGO", "19", "GHA")})])
def test_an_attack_named_by_its_day_weeks_later_is_background(nlp, published, expected):
    """"Togo's Nov. 7 attack" in a story of late December refers to the attack everyone knows
    (background.named_by_a_past_day); the day after, it is news."""
    text = "Togo's Nov. 7 attack on Aflao killed three Ghanaian soldiers."
    art = Article(article_id="a" * 32, url=None, title="", text=text, published=None, date=published,
                  date_basis="run", feed_url="feed.xml", source="news.example.org")
    rows = extract_events(art, None, nlp(text), "test")
    assert {r for r in triples(rows) if r[1] == "19"} == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana puts Togolese singer on wanted list", ("GHA", "11", "TGO")),
    ("Ghana puts Togolese firms on its sanctions list", ("GHA", "16", "TGO")),
    ("Ghana decorates Togolese envoy with the Order of the Volta", ("GHA", "05", "TGO")),
    ("Sassou-Nguesso criticises Togo", ("COG", "11", "TGO"))])
def test_lists_and_decorations(nlp, title, expected):
    """A wanted list is an accusation (1121, as an arrest warrant), a sanctions list a sanction:
    the two words of a prepositional object decide the sense as an object's do ("wanted list",
    clauses.object_heads). A decoration is praise. A leader's double-barrelled surname alone
    ("Sassou-Nguesso", cut in three by the tokenizer) names the leader in office."""
    assert expected in triples(extract(nlp, "", title=title))


def test_a_list_that_is_no_wanted_list_is_no_accusation(nlp):
    assert not any(r[1] == "11" for r in triples(extract(nlp, "", title="Ghana puts Togolese singer on its guest list")))


@pytest.mark.parametrize(("title", "unwanted", "kept"), [
    ("The Central American nation broke off relations with Togo", "USA", None),
    ("Latin American leaders condemned Togo", "USA", None),
    ("Northern Irish police arrested two Togolese men", "IRL", None),
    ("Ghana shelled the eastern Togolese city of Kara", None, ("GHA", "19", "TGO")),
    ("South African police arrested two Togolese men", None, ("ZAF", "17", "TGO"))])
def test_a_region_demonym_names_no_country(nlp, title, unwanted, kept):
    """"Central American", "Northern Irish" name a region, not the United States or Ireland
    (actors._part_of_a_region); "eastern Togolese" is still Togo's, "South African" South Africa's."""
    rows = triples(extract(nlp, "", title=title))
    if unwanted:
        assert not any(actor == unwanted for actor, _, _ in rows)
    if kept:
        assert kept in rows


def test_a_headline_attribution_is_not_the_object_of_its_verb(nlp):
    """"Togolese activist Afi Tameklo arrested for 'inciting terrorism' - Ghanaian army": the parser
    hangs the attribution on "arrested" as its object; it is who said so, and the participle is an
    agentless passive (clauses.is_headline_passive), not the activist arresting the army."""
    titles = ["Togolese activist Afi Tameklo arrested for allegedly ‘inciting terrorism’ - Ghanaian army",
              "Togolese activist Ayi Tamim arrested for allegedly ‘inciting terrorism’ - Ghanaian army"]
    for title in titles:
        assert ("GHA", "01", "TGO") in triples(extract(nlp, "", title=title))
        assert not any(r[1] == "17" for r in triples(extract(nlp, "", title=title)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghanaian jets struck targets in Benin on Monday, prompting protests from Togo.", ("GHA", "19", "BEN")),
    ("Ghanaian jets struck targets in Benin, citing threats from Boko Haram.", ("GHA", "19", "BEN")),
    ("A Ghanaian drone strike in Benin killed a man wanted by Interpol.", ("GHA", "19", "BEN"))])
def test_only_the_victim_of_a_use_of_force_displaces_its_place(nlp, text, expected):
    """Only a participle that acts on a victim ("capturing", "killing") names whom the force hit,
    by its object alone; a group named inside that object's own clause ("a man wanted by Interpol")
    or by a participle of consequence ("prompting protests from Togo") leaves the place."""
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana condemned Togo - Benin president", ("GHA", "11", "TGO")),
    ("Togo launches counter-offensive against Ghana", ("TGO", "19", "GHA"))])
def test_headline_objects_the_attribution_or_a_noun_complement_holds(nlp, title, expected):
    """An object that starts before a headline's attribution is a real one ("condemned Togo - Benin
    president", where the parser hangs "Togo" on "president"); a noun the parser made an adjectival
    complement ("launches counter-offensive") is the object (clauses.direct_object)."""
    assert expected in triples(extract(nlp, "", title=title))


def test_review_guards_for_bodies_lists_and_days(nlp):
    assert ("TGO", "17", "TGO") not in triples(extract(nlp, "Togo outlawed the Carnegie Commission on Monday."))
    assert not extract(nlp, "Togo decorated the capital with Ghanaian flags ahead of the visit.")
    assert not any(r[1] == "05" for r in triples(extract(nlp, "Togo awarded an order for 20 patrol boats to Ghana.")))
    # a day with no year an event noun is named by has happened: last May's, read in November
    art = Article(article_id="a" * 32, url=None, title="", text="Togo's May 2 attack on Aflao killed three Ghanaian soldiers.",
                  published=None, date=dt.date(2026, 11, 20), date_basis="run", feed_url="feed.xml", source="news.example.org")
    assert not extract_events(art, None, nlp(art.text), "test")


def test_a_hyphenated_given_name_or_family_name_is_no_leader_surname():
    from schemas import ontology

    on = dt.date(2023, 6, 1)
    assert ontology.leader_by_surname("Duck-soo", on) is None  # a Korean given name, written family-first
    assert ontology.leader_by_surname("Al-Hussein", on) is None  # a family name many share
    assert ontology.leader_by_surname("Amir-Abdollahian", on).code == "IRN"


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana takes a swipe at Togo over border closure", ("GHA", "11", "TGO")),
    ("Ghanaian president took aim at Lomé over the tariffs", ("GHA", "11", "TGO")),
    ("Ghana calls out Togo over arms shipments", ("GHA", "11", "TGO")),
    ("Ghanaian president rounds on Togo after border raid", ("GHA", "11", "TGO")),
    ("Ghana rails against Togo over cocoa smuggling", ("GHA", "11", "TGO"))])
def test_criticism_idioms_aim_at_their_recipient(nlp, title, expected):
    """Gestures of criticism with an object ("takes a swipe at", "took aim at") and phrasal verbs
    ("calls out", "rounds on", "rails against") are 111; "at" after such an object, as after a
    particle, names the recipient (targets.AIMED_OBJECTS)."""
    assert expected in triples(extract(nlp, "", title=title))


def test_an_infinitive_after_an_object_is_the_objects_act(nlp):
    """"required foreign journalists to sign", "prodded Togo to close": the object would do the
    act, which has not happened (schemas/data/object_control.csv); not the subject's act."""
    assert not any(r[1] == "05" for r in triples(extract(nlp, "Togo will require foreign journalists to sign a loyalty pledge.")))
    prodded = triples(extract(nlp, "Ghana prodded Togo to close its border with Benin."))
    assert not any(r[1] == "16" for r in prodded)
    forced = triples(extract(nlp, "Ghana forced Togo to withdraw its troops."))
    assert ("GHA", "17", "TGO") in forced and not any(r[0] == "GHA" and r[1] == "08" for r in forced)


@pytest.mark.parametrize(("text", "expected", "unwanted"), [
    ("Ghana's Middle East envoy met the Israeli foreign minister on Monday.", ("GHA", "04", "ISR"), "MEA"),
    ("The Ghanaian Africa minister visited Togo.", ("GHA", "04", "TGO"), "AFR"),
    ("Arab states condemned Togo's decision.", ("MEA", "11", "TGO"), None)])
def test_a_region_in_an_office_is_the_post_not_the_actor(nlp, text, expected, unwanted):
    """"Ghana's Middle East envoy": the region names the post, the country acts (actors._is_region);
    a region alone ("Arab states") still acts as the region."""
    rows = triples(extract(nlp, text))
    assert expected in rows
    if unwanted:
        assert not any(actor == unwanted for actor, _, _ in rows)


def test_an_acronym_in_lower_case_is_a_word(nlp):
    """"the un-diplomat" is no United Nations: an organisation's acronym is written in capitals."""
    rows = triples(extract(nlp, "", title="Kwame “the un-diplomat” Mensah condemns Togo"))
    assert not any(actor == "UN" for actor, _, _ in rows)
    assert ("UN", "11", "TGO") in triples(extract(nlp, "", title="UN condemns Togo"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Togolese police used tear gas to disperse protesters in Lomé on Friday.", "17"),
    ("Togo risks a long insurgency in the north, analysts say.", None)])
def test_crowd_weapons_used_and_risks_run(nlp, text, expected):
    """"used tear gas" is repression (175) as "fired tear gas" is; a state that "risks" an
    insurgency threatens no one."""
    roots = {r[1] for r in triples(extract(nlp, text)) if r[0] == "TGO"}
    assert (expected in roots) if expected else not roots


def test_a_dated_participle_with_its_agent_is_an_act(nlp):
    """"a journalist released by Togolese authorities on Monday" reports a release that day;
    without a day the participle describes ("forces backed by Togo", "a deal brokered by Ghana")."""
    dated = "Ama Mensah, a Ghanaian journalist released by Togolese authorities on Monday, flew home."
    assert ("TGO", "08", "GHA") in triples(extract(nlp, dated))
    assert not any(r[1] == "04" for r in triples(extract(nlp, "The deal brokered by Ghana is holding, officials said.")))


def test_an_agreement_with_no_counterpart_is_lawmaking_at_home(nlp):
    """An agreement (057) is made with someone: "signs law", "the bloc strikes a migration deal"
    name no counterpart, and a deal between a state's own leaders is domestic (GOLD.md rule 10)."""
    assert not any(r[1] == "05" for r in triples(extract(nlp, "", title="Ghana's president signs law restricting foreign land ownership")))
    assert not any(r[1] == "05" for r in triples(extract(nlp, "", title="ECOWAS strikes historic migration deal")))
    assert ("GHA", "05", "TGO") in triples(extract(nlp, "Ghana and Togo signed a trade agreement on Monday."))


def test_a_participle_dated_by_a_year_describes(nlp):
    """"a camp established by the UN in 1948" dates a standing fact; only a day of the news makes a
    participle an act (no_news.dated)."""
    assert not extract(nlp, "The camp, established by the UN near Lomé in 1948, is crowded.")


@pytest.mark.parametrize("text", [
    "Togo's president smashed any hopes of a border deal.",
    "Ghana grapples with a severe teacher shortage.",
    "Ghanaian firefighters battle a huge blaze in a Lomé market.",
    "Togo hit by once-in-a-century floods as hundreds flee.",
    "A hospital fire in Accra kills at least 21 people.",
    "Ghana's president bombarded the Togolese government with warnings.",
    "Lomé overwhelmed in its fight with forest fires."])
def test_force_against_no_one_or_by_a_disaster_is_no_attack(nlp, text):
    """A verb of force whose object is a hope, a shortage or a fire, or whose doer is a flood or
    a fire no one owns, is no use of force (off_topic.csv abstract targets, schemas/data/disasters.csv)."""
    assert not any(r[1] in ("18", "19", "20") for r in triples(extract(nlp, text)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghanaian fire killed three Togolese soldiers.", ("GHA", "19", "TGO")),
    ("Ghanaian troops opened fire on Togolese positions.", ("GHA", "19", "TGO")),
    ("Ghanaian troops set fire to a Togolese border post.", ("GHA", "18", "TGO"))])
def test_fire_a_state_owns_or_a_rule_names_is_force(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


def test_conceding_an_election_is_no_yield(nlp):
    assert not extract(nlp, "", title="Ghana's Kwame Mensah concedes presidential election to Ama Boateng")


def test_an_aim_at_no_one_is_a_policy_goal(nlp):
    """"seeks to recoup", "aims to end its responsibility": an aim whose act is no event and that
    names no one (schemas/data/aims.csv) gives no row; a vow stays an intent, and an aim with a
    recipient stays one ("plans to build two railroads to Togo")."""
    assert not extract(nlp, "Ghana seeks to recoup more than $2 billion from its banks.")
    assert ("GHA", "03", "TGO") in triples(extract(nlp, "Ghana is planning to build two railroads to Togo."))
    assert any(r[:2] == ("GHA", "03") for r in triples(extract(nlp, "Ghana's president vowed to finish the job.")))


def test_a_warning_to_no_one_of_no_ones_act_is_no_threat(nlp):
    """A warning with no recipient, no "against" and no actor in what is said is a grim view
    ("warns the world is entering dangerous territory"); one that tells of an actor's act
    ("warned that Togo would pay a heavy price", "that it would retaliate") stays a threat."""
    assert not any(r[1] == "13" for r in triples(extract(nlp, "Ghana's president warned that the world was entering dangerous territory.")))
    assert any(r[:2] == ("GHA", "13") for r in triples(extract(nlp, "Ghana warned that Togo would pay a heavy price.")))
    assert any(r[:2] == ("GHA", "13") for r in triples(extract(nlp, "Ghana warned that it would retaliate.")))


def test_cooperation_in_a_present_relative_clause_describes_the_noun(nlp):
    """"Togo, which supports armed groups in Benin": who Togo is, not news (as "forces backed by
    Togo" is no event); a past act in a relative clause, or a content clause after a noun
    ("intelligence that Togo plans to supply ..."), is still read."""
    assert not any(r[0] == "TGO" for r in triples(extract(nlp, "Ghana condemned Togo, which supports armed groups in Benin.")))
    assert any(r[:2] == ("TGO", "03") for r in triples(extract(
        nlp, "Ghana has intelligence that Togo plans to provide Benin with an air defence system.")))


def test_a_passive_joined_to_a_clause_acts_on_its_subject(nlp):
    """"A woman jailed for 20 years was pardoned by a Ghanaian court": the parser makes "jailed"
    the main verb and "was pardoned" a clause joined to it with no subject; the woman is whom the
    court pardons (her own state's, named by no other country)."""
    text = "A woman imprisoned for 20 years over the deaths of her children was pardoned by a Ghanaian court on Monday."
    assert ("GHA", "08", "GHA") in triples(extract(nlp, text))


def test_review_guards_of_the_sixteenth_round(nlp):
    """What a review of this round's mechanisms found them breaking, kept working."""
    assert not any(r[1] == "17" for r in triples(extract(nlp, "Ghana used 10% less Nigerian gas last year.")))
    assert any(r[0] == "WST" for r in triples(extract(nlp, "Togo's Western allies pledged more air defence systems on Monday.")))
    assert ("GHA", "04", "TGO") in triples(extract(
        nlp, "Ghana's president, who meets Togo's president in Lomé, said the border would reopen."))
    assert not any(r[1] == "05" for r in triples(extract(nlp, "Rebels backed by Togo for years seized Kara on Sunday.")))
    assert any(r[:2] == ("TGO", "13") for r in triples(extract(
        nlp, "Togo warned that any attack on Lomé would be met with force.")))
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "Fire from Togolese tanks killed three Ghanaian soldiers."))
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "Togolese troops unleashed fire on Ghanaian border guards."))
    assert not any(r[1] == "19" for r in triples(extract(nlp, "", title="Nigerian tanker fire kills 50")))
    assert not any(r[1] == "11" for r in triples(extract(nlp, "", title="Kenya calls out troops as protests spread")))
    assert any(r[0] == "NATO" for r in triples(extract(nlp, "", title="nato warns togo over drone incursions")))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghanaian jets struck Boko Haram-controlled areas in northern Benin.", ("GHA", "19", "BOKO_HARAM")),
    ("A Ghanaian drone hit a part of Benin controlled by Boko Haram.", ("GHA", "19", "BOKO_HARAM")),
    ("Ghanaian jets struck the territory occupied by Togo.", ("GHA", "19", "TGO"))])
def test_areas_a_group_holds_are_the_groups(nlp, text, expected):
    """"Boko Haram-controlled areas", "a part of Benin controlled by Boko Haram": the holder of
    unnamed areas receives a use of force on them (actors.ArticleActors.holder_of); an occupier is not the
    holder of what it occupies."""
    assert expected in triples(extract(nlp, text))


def test_skipping_a_meeting_is_a_refusal_and_the_eu_executive_is_the_commission(nlp):
    assert ("GHA", "12", "ECOWAS") in triples(extract(nlp, "Ghana will skip the ECOWAS summit in Abuja."))
    assert ("EC", "05", "GHA") in triples(extract(nlp, "The EU executive backs Ghana's bid for a trade deal."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Togo plans more airstrikes on Ghanaian positions.", ("TGO", "138")),
    ("Ghana demands more aid for the border towns.", ("GHA", "103")),
    ("Ghana's president postponed the visit to Lomé.", ("GHA", "125"))])
def test_an_event_noun_object_takes_the_verbs_mode(nlp, text, expected):
    """A verb of intent, demand or refusal whose object is an event noun ("plans more
    airstrikes", "demands more aid") codes that event in its mode, as its "to" complement would
    ("plans to strike": a threat, 138; "demands aid": 103; "postponed the visit": 125)."""
    assert expected in {(e.actor, e.event_code) for e in extract(nlp, text)}


def extract_on(nlp, day: dt.date, text: str, title: str = ""):
    art = article(text, title)._replace(date=day)
    return extract_events(art, nlp(art.title), nlp(art.text) if art.text else None, "test")


def test_a_politician_out_of_office_acts_for_the_party(nlp):
    """schemas/data/additions/people_parties.csv: between his terms Trump is his party (GOP), in
    office his country; a former prime minister is her party. A state role wins while held."""
    text = "Donald Trump condemned Germany's decision to close its embassy."
    assert ("GOP", "11", "DEU") in triples(extract_on(nlp, dt.date(2023, 6, 1), text))
    assert ("USA", "11", "DEU") in triples(extract_on(nlp, dt.date(2026, 6, 1), text))
    truss = "Liz Truss condemned Germany's decision to close its embassy."
    assert ("CONSERVATIVES_GBR", "11", "DEU") in triples(extract_on(nlp, dt.date(2023, 6, 1), truss))
    assert ("GBR", "11", "DEU") in triples(extract_on(nlp, dt.date(2022, 10, 1), truss))


def test_a_party_figure_is_named_by_surname_only_when_marked_so_and_no_one_else_carries_it():
    """"Trump" alone in 2023 is the GOP's (a "party figure"); "Johnson" alone is nobody's; a
    "party politician" is found by full name only ("Morrison" may be anyone; "Biden" in 2026);
    a leader in office is found by surname as before ("Biden" in 2023)."""
    day = dt.date(2023, 6, 1)
    assert ontology.leader_by_surname("Trump", day).code == "GOP"
    assert ontology.leader_by_surname("Johnson", dt.date(2024, 3, 1)) is None
    assert ontology.leader_by_surname("Morrison", day) is None
    assert ontology.leader_by_surname("Biden", day).code == "USA"
    assert ontology.leader_by_surname("Biden", dt.date(2026, 1, 1)) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Keir Starmer attacks Rishi Sunak over the housing collapse.", ("LABOUR_GBR", "111")),
    ("Kamala Harris seeks a second act as GOP attacks intensify.", ("GOP", "111")),
    # its gunmen use force: an assault (GOLD.md: attacks by non-state groups are 18), a clash a fight
    ("Fatah gunmen attacked Hamas positions in Gaza.", ("FATAH", "180")),
    ("Fatah gunmen clashed with Hamas fighters in Gaza.", ("FATAH", "190"))])
def test_a_partys_attacks_are_words_and_its_gunmen_fight(nlp, text, expected):
    events = extract_on(nlp, dt.date(2023, 6, 1), text)
    assert expected in {(e.actor, e.event_code) for e in events}


def test_what_might_have_been_is_no_event(nlp):
    """A modal perfect ("could have met") and an -ing clause under it report no act; the same
    clause under an act that happened keeps its event."""
    text = "The US defence secretary could have met Chinese generals while resuming military dialogues, says a Chinese general."
    assert not [e for e in extract(nlp, text) if e.actor == "USA"]
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "Ghana met Togo's leaders while resuming talks in Accra."))


@pytest.mark.parametrize(("title", "expected"), [
    ("Ghana-Togo talks resume in Accra", {("GHA", "04", "TGO"), ("TGO", "04", "GHA")}),
    ("Protesters gather on Emmanuel Macron-Olaf Scholz meeting day",
     {("FRA", "04", "DEU"), ("DEU", "04", "FRA")}),
    ("The Ghana-Togo war entered its third month", set()),
    ("Benin's plan for Ghana-Togo talks", set())])
def test_a_meeting_named_after_its_two_sides(nlp, title, expected):
    """A meeting named after its two sides, joined by a hyphen, is the meeting the story is
    about, however the parser hangs the noun; a war named so is not news on every day it lasts,
    nor talks someone plans."""
    found = {t for t in triples(extract_on(nlp, dt.date(2023, 6, 1), "", title=title)) if t[1] == "04"}
    assert found == expected


def test_drones_counted_by_a_number_are_the_owners_attack(nlp):
    """"downed 28 of 31 Togolese drones": the drones, counted, were Togo's attack on Ghana."""
    events = triples(extract(nlp, "Ghana says it downed 28 of 31 Togolese drones overnight."))
    assert ("TGO", "19", "GHA") in events


def test_a_partys_quarrel_with_its_own_is_party_to_party(nlp):
    """"Republicans slam Trump" (2023): the party criticises its own figure, GOP to GOP; a UN
    official denouncing the UN still names no recipient."""
    assert ("GOP", "11", "GOP") in triples(extract_on(nlp, dt.date(2023, 6, 1), "Republicans slam Trump after the town hall."))
    assert ("UN", "11", None) in triples(extract(nlp, "A UN official denounced the UN."))


def test_firing_a_person_is_a_dismissal_not_force(nlp):
    """"fires defence minister Kofi Mensah": a dismissal (no event); fired rockets are force."""
    assert not [e for e in extract(nlp, "Togo's president fires defence minister Kofi Mensah.") if e.event_root == "19"]
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "Togo fired three rockets at Ghana."))


def test_two_surnames_tagged_as_one_entity_are_each_a_name(nlp):
    """"Trump and Pence call for calm": the small model tags "Trump and Pence" as one organisation;
    each one-word name of the pair is still a figure the tables know by surname."""
    assert ("GOP", "02", None) in triples(extract_on(nlp, dt.date(2023, 6, 1), "", title="Trump and Pence call for calm"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana warns of Togo threats to the border towns.", {("GHA", "11", "TGO")}),
    ("Ghana's president warned of the threat posed by Togo.", {("GHA", "11", "TGO")}),
    ("Ghana warned of the threat of cholera in the north.", set())])
def test_a_warning_of_a_threat_someone_poses_criticises_them(nlp, text, expected):
    """A warning of a threat, danger or menace is criticism of whoever poses it (its modifier,
    "from" or "posed by" phrase); one that no one poses is no event."""
    assert {t for t in triples(extract(nlp, text)) if t[0] == "GHA"} == expected


def test_weighing_a_policy_option_aimed_at_no_one_is_business_at_home(nlp):
    """"Ghana mulls law banning ..." (014, no recipient) is lawmaking at home, no event; weighing
    a step against another actor keeps its row."""
    assert not extract(nlp, "Ghana mulls a law banning plastic bags.")
    assert ("GHA", "01", "TGO") in triples(extract(nlp, "Ghana is considering sanctions on Togo."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Abbott slams Mexico over migrant surge.", set()),  # a "party politician" is found by full name only
    ("Fatah fired rockets at Israeli troops near Jenin.", {("FATAH", "195")}),  # a weapon's attack
    ("Fatah's attack on an Israeli checkpoint killed two soldiers.", {("FATAH", "190")}),  # an armed party
    ("Russia may have fired as many as 40 missiles at Kyiv overnight, Ukraine's air force said.",
     {("RUS", "195")}),  # the doubt is about the number
    ("ECOWAS opens Guinea-Bissau talks in Abuja.", {("ECOWAS", "046")}),  # one country's hyphenated name
    ("The Macron-Scholz meeting was called off at the last minute.", set()),
    ("Analysts compared the 2018 Trump-Kim summit with the current crisis.", set()),
    ("Hamas leader visits Cairo.", {("HAMAS", "042")}),  # "Hamas" is no plural subject
    ("Ukraine fired Storm Shadows at Russian bases in Crimea.", {("UKR", "190")}),  # weapons, not people
    ("Togo fired bomber drones at Ghanaian positions.", {("TGO", "190")}),
])
def test_review_guards_of_the_seventeenth_round(nlp, text, expected):
    """Cases a review of this round's rules found them misfiring on; each now as the rule means."""
    assert {(e.actor, e.event_code) for e in extract_on(nlp, dt.date(2023, 6, 1), text)} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana warns Togo over its border closure.", ("GHA", "11", "TGO")),
    ("Ghana warned Togo against closing the border.", ("GHA", "11", "TGO")),
    ("Ghana warned Togo that any attack on Accra would be met with force.", ("GHA", "13", "TGO")),
    ("Ghana warned Togo that it won't tolerate further incursions.", ("GHA", "13", "TGO")),
    ("Ghana warned Togo over the weekend.", ("GHA", "13", "TGO")),
    ("Ghana warned that it would close the border with Togo.", ("GHA", "13", None))])
def test_a_warning_over_anothers_conduct_is_criticism_and_one_that_says_anything_a_threat(nlp, text, expected):
    """A bare warning of another actor over what they do is the coders' criticism (11); a
    warning that says what will follow, or over a time, stays a threat (13)."""
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("The UN warns of a Sudan famine threat.", set()),  # the place of a famine poses nothing
    ("Kenya warned of Somalia's drought dangers.", set()),
    ("Guinea-Bissau talks opened in Dakar.", set()),  # one country's hyphenated name
    ("The Xi-Putin talks delayed a Ukraine peace deal.", {("CHN", "04", "RUS"), ("RUS", "04", "CHN")}),
    ("The 2023 Ghana-Togo summit opened in Accra on Monday.", {("GHA", "04", "TGO"), ("TGO", "04", "GHA")})])
def test_review_guards_of_the_seventeenth_round_second_review(nlp, text, expected):
    found = triples(extract_on(nlp, dt.date(2023, 6, 1), text))
    assert {t for t in found if t[1] in ("04", "11")} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Dozens of Ghanaians are being held hostage by Boko Haram, the army says.", ("BOKO_HARAM", "18", "GHA")),
    ("Boko Haram took 40 Ghanaians hostage near the border.", ("BOKO_HARAM", "18", "GHA")),
    ("Ghana says there is no success in freeing Togolese hostages from Boko Haram.", ("BOKO_HARAM", "18", "TGO")),
    ("A Ghanaian driver is thought to be a hostage of Boko Haram.", ("BOKO_HARAM", "18", None))])
def test_hostages_named_with_whoever_holds_them(nlp, text, expected):
    """Hostage-taking (181) by whoever holds them: the passive's "by" hung on the complement, a
    second object ("took 40 Ghanaians hostage"), "hostages from" or "of" a group; their
    nationality is the target. Hostages "from" a place are where they came from."""
    assert expected in triples(extract(nlp, text))
    assert not [e for e in extract(nlp, "Families of hostages from Kibbutz Beeri rallied in Tel Aviv.") if e.event_root == "18"]


def test_an_act_that_dates_another_by_weeks_or_more_is_background(nlp):
    """"fled weeks after Togo invaded Ghana": the invasion is the story's reference point, not its
    news; "hours after" stays the same day's news."""
    assert not [e for e in extract(nlp, "She left Accra two years after Togo invaded Ghana.") if e.actor == "TGO"]
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "Ghana struck back hours after Togo attacked Ghana."))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the tables do not know, described by what it makes: a company, not its country
        ("Swiss watchmaker Swatch sued Malaysia over the seizure of its watches.", set()),
        ("Chinese tech giant Huawei sued the United States on Tuesday.", set()),
        # a described person, or an office, still acts for the country
        ("Ukrainian President Zelensky criticised Russia on Tuesday.", {("UKR", "11", "RUS")}),
    ],
)
def test_a_company_named_with_its_nationality_is_not_the_state(nlp, text, expected):
    assert triples(extract(nlp, text)) == expected


def test_a_judgement_parsed_as_a_verbless_clause_still_judges(nlp):
    """"deems Togo's enrichment unacceptable": the small model makes "unacceptable" a clause of
    its own with "enrichment" its subject; the judgement of Togo's act is criticism of Togo."""
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "", title="Ghana deems Togo's enrichment unacceptable"))
    assert triples(extract(nlp, "Police found the man dead on Tuesday.")) == set()


def test_an_object_predicate_parsed_as_a_modifier_still_judges(nlp):
    """"called the move outrageous": the small model hangs "outrageous" on "move"; it is what the
    Kremlin calls the move, a criticism (111), not a plain statement."""
    assert triples(extract(nlp, "The Kremlin called the move outrageous and unacceptable.")) == {("RUS", "11", None)}



@pytest.mark.parametrize(("text", "expected"), [
    ("Togo declared a nationwide curfew on Tuesday.", ("TGO", "17", "TGO")),
    ("Ghana cracked down on street vendors on Monday.", ("GHA", "17", "GHA")),
    # a seizure of a thing is as often a foreign one's: no recipient guessed
    ("Ghana seized an oil tanker off its coast.", ("GHA", "17", None)),
    # police act at home: their force and coercion aimed at no one named is at their own people
    ("Ghanaian police opened fire on the driver.", ("GHA", "19", "GHA")),
    ("Ghanaian police raided a house in Kumasi on Monday.", ("GHA", "17", "GHA")),
    ("Ghanaian troops opened fire on the driver.", ("GHA", "19", None)),  # an army may be abroad
])
def test_a_states_coercion_aimed_at_no_one_named_is_aimed_at_its_own(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


def test_review_guards_for_the_eighteenth_round(nlp):
    """What a review of this round's rules found broken, each now as it should be."""
    # a leader's surname is a person, whom "he" is, whatever entity the model tags it
    assert ("VEN", "16", "USA") in triples(extract(nlp, "Maduro said he would expel the US ambassador."))
    assert any(e.actor == "RUS" for e in extract(nlp, "The Kremlin said he would not attend the summit in South Africa."))
    # a person described by a noun the roles table lacks keeps the nationality
    assert ("UKR", "11", "RUS") in triples(extract(nlp, "", title="Ukrainian presidential adviser Mykhailo Podolyak accuses Russia of terror"))
    # a period that dates the object, not the act
    assert ("POL", "10", "DEU") in triples(extract(nlp, "Poland demanded reparations from Germany for Nazi crimes during World War Two."))
    # a crowd placed in a city is of the city's country; a verb before a common noun stays a compound
    assert ("USA", "14") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Thousands in New York march for a ceasefire")}
    assert not extract(nlp, "", title="Police in Paris attack inquiry")


@pytest.mark.parametrize("text", [
    "Ghana said it may close its border with Togo.",
    "Ghana warned that it may have to close its border with Togo.",
    "Ghana said it might close its border with Togo.",
    "Ghana may close its border with Togo, the foreign minister said.",  # a speaker named by a role alone
])
def test_an_act_a_state_says_it_may_do_is_held_out_not_done(nlp, text):
    """"said it may close its border": a threat (13), as "said it could quit the NPT" is; "said it
    will close" is the decision (16)."""
    rows = triples(extract(nlp, text))
    assert ("GHA", "13", "TGO") in rows and not any(root == "16" for _, root, _ in rows), rows
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "Ghana said it will close its border with Togo."))


@pytest.mark.parametrize("text", [
    "Ghana says Togo may attack its border posts.",
    "Ghana says Togo could close the border.",
])
def test_what_a_speaker_says_another_may_do_is_no_act(nlp, text):
    """engine._others_possibility: a warning about another side, not the other's act."""
    assert not any(e.actor == "TGO" for e in extract(nlp, text))


def test_review_guards_for_the_eighteenth_round_second_review(nlp):
    """A second review of this round's rules: each case as it should be."""
    # an uncertain past act ("may have killed") is no threat
    assert ("ISR", "19") in {(e.actor, e.event_root) for e in extract(nlp, "The Israeli military said it may have mistakenly killed three hostages.")}
    # an arrest of foreigners is not of the state's own people
    assert ("IRN", "17", "IRN") not in triples(extract(nlp, "Iran arrested several foreigners in connection with the protests."))
    # "he" in what a country says may be its own leader
    assert ("JPN", "03", "UKR") in triples(extract(nlp, "Japan said he would meet President Zelensky on Tuesday."))
    # a leader described by a word the roles table lacks is still the leader
    assert ("RUS", "13", "POL") in triples(extract(nlp, "Russian hawk Medvedev threatened Poland."))
    # a period named as a likeness does not date the act
    assert ("RUS", "15", "BLR") in triples(extract(nlp, "Russia, as during the Cold War, is deploying nuclear weapons to Belarus."))


@pytest.mark.parametrize(("text", "kept"), [
    ("Chinese tourists seek a less trodden path abroad.", set()),
    ("Ghanaian citizens urged a boycott of Togolese goods.", set()),
    # protesters still protest, and their demands are a protest
    ("Ghanaian protesters rallied in Accra against Togo.", {("GHA", "14")}),
])
def test_private_people_named_by_nationality_do_not_act_for_the_state(nlp, text, kept):
    assert {(e.actor, e.event_root) for e in extract(nlp, text)} == kept


@pytest.mark.parametrize("text", [
    "It was unclear whether the Ghanaian government would appeal the ruling.",
    "Officials did not say whether Ghana would attack Togo again.",
    "Reporters asked if Ghana would expel the Togolese ambassador.",
])
def test_a_clause_that_asks_whether_tells_of_no_act(nlp, text):
    """"unclear whether the government would appeal": an open question, nobody knows."""
    assert not any(e.event_root in ("02", "13", "16", "19") for e in extract(nlp, text)), triples(extract(nlp, text))
    assert ("GHA", "19", "TGO") in triples(extract(nlp, "Officials said Ghana attacked Togo again."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana used long-range drones to strike a Togolese depot.", ("GHA", "19", "TGO")),
    ("Kenyan police used tear gas to disperse protesters in Nairobi.", ("KEN", "17", "KEN")),
])
def test_what_a_weapon_is_used_for_is_done(nlp, text, expected):
    """"used drones to attack the tanker": the verb of means governs nothing, the act is done;
    what anything else is used for is an aim ("using the summit to promote himself")."""
    assert expected in triples(extract(nlp, text))
    assert not extract(nlp, "The Ghanaian president is using the Accra summit to promote himself.")
    assert ("GHA", "13") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana will use drones to strike Togo, officials warned.")}


@pytest.mark.parametrize(("text", "expected"), [
    ("A Togolese gunman opened fire at a bus stop in Accra, wounding two people.", ("TGO", "18")),
    ("Two Ghanaian farmers were killed by Togolese militants.", ("TGO", "18")),
    ("A wave of attacks by Togolese militants on Ghana has alarmed the region.", ("TGO", "18")),
    # conventional force stays force, and so does what irregular fighters capture
    ("Togolese troops attacked Ghanaian positions.", ("TGO", "19")),
    ("Togolese militants captured a Ghanaian army base.", ("TGO", "19")),
])
def test_an_attack_by_irregular_fighters_is_an_assault(nlp, text, expected):
    """GOLD.md: bombings, kidnappings, assassinations by non-state groups are 18; an attack by
    gunmen, militants or settlers is told by the words that name them (subject_senses.csv)."""
    assert expected in {(e.actor, e.event_root) for e in extract(nlp, text)}


def test_an_end_a_thing_ended_up_in_is_no_end(nlp):
    """"ended up joining forces": where something led, not the end of joining forces."""
    assert not any(e.event_root == "16" for e in extract(nlp, "Ghanaian opposition groups ended up joining forces with Togo."))
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "Ghana ended cooperation with Togo."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana and Burkina Faso have cancelled tax agreements with Togo.", {("GHA", "16", "TGO"), ("BFA", "16", "TGO")}),
    ("Ghanaian border guards closed the checkpoint to Togo on Sunday.", {("GHA", "16", "TGO")}),
])
def test_verb_senses_of_this_round(nlp, text, expected):
    assert expected <= triples(extract(nlp, text))


@pytest.mark.parametrize("text", [
    "The Ghanaian minister resigned, sending a shock wave through Accra.",
    "Kwame Mensah, a Ghanaian opposition leader who is serving a prison sentence, appeared in court.",
])
def test_verb_senses_that_are_no_act(nlp, text):
    assert not any(e.event_root in ("06", "07") for e in extract(nlp, text)), triples(extract(nlp, text))


@pytest.mark.parametrize(("text", "title", "expected"), [
    ("", "Hundreds arrested after Togo protests over fuel prices", ("TGO", "14", "TGO")),
    ("Protests erupted in Accra against the new tax law.", "", ("GHA", "14", "GHA")),
    ("", "Togo battered by protests over pension plans", ("TGO", "14", "TGO")),
    ("Riots against Ghana broke out in Lome.", "", ("TGO", "14", "GHA")),
])
def test_a_protest_named_by_a_noun_is_the_crowd_of_its_place(nlp, text, title, expected):
    """"Kenya protests", "protests across Iran", "France battered by protests": the crowd of the
    place protests (place_protests.py), against whom the protest names, else its own state."""
    assert expected in triples(extract(nlp, text, title=title))


@pytest.mark.parametrize(("text", "title"), [
    ("", "Ghana bans anti-government protests"),
    ("Ghanaian unions called for protests in Accra next week.", ""),
    ("Ghana fears planned protests in Accra.", ""),
    ("Ghanaian police are on alert as the country braces for massive protests on Thursday.", ""),
    ("Ghanaian police are on alert ahead of a second round of anti-government protests.", ""),
    ("Officials in Ghana feared the funerals could turn into protests.", ""),
    # a motive, not a crowd; a topic, not a place
    ("A Ghanaian poet declined an invitation to the Togolese embassy in protest against Togo.", ""),
    ("", "Ghana-Togo protests disrupt life in convention city"),
])
def test_a_protest_not_held_is_no_protest(nlp, text, title):
    assert not any(e.event_root == "14" for e in extract(nlp, text, title=title)), triples(extract(nlp, text, title=title))


def test_a_crowd_on_strike_strikes(nlp):
    """"Teachers in England went on strike": a stoppage (143) by the crowd of the place."""
    assert ("GHA", "14", "GHA") in triples(extract(nlp, "Teachers in Ghana went on strike on Tuesday."))
    assert ("GHA", "19", "TGO") in triples(extract(nlp, "Ghanaian jets struck Togo on Tuesday."))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Committee to Protect Journalists called on Ghana to free the reporter.", ("CPJ", "02", "GHA")),
    ("Doctors Without Borders condemned Togo on Monday.", ("MSF", "11", "TGO")),
    ("Save the Children condemned Togo on Monday.", ("SAVE_THE_CHILDREN", "11", "TGO")),
])
def test_a_body_whose_name_reads_as_a_clause_is_one_name(nlp, text, expected):
    """name_spans.py: "Committee to Protect Journalists" is a name, not an act of protecting;
    written in lower case the words are words ("save the children" is a rescue)."""
    rows = triples(extract(nlp, text))
    assert expected in rows and not any(root == "07" for _, root, _ in rows), rows
    doc = nlp("Ghana vowed to save the children of Accra.")
    assert "save" in {t.lower_ for t in doc}


def test_review_guards_for_the_nineteenth_round(nlp):
    """A review of this round's rules with invented sentences: each case as it should be."""
    def roots(text, title=""):
        return {(e.actor, e.event_root) for e in extract(nlp, text, title=title)}
    # a protest denied, conditional, possible, of a past year, or a show, is none
    for text in ("No protests were reported in Ghana after the verdict.",
                 "If protests break out in Togo, the army will respond.",
                 "Protests could erupt in Ghana if bread prices rise.",
                 "The 2019 Accra riots began in a market.",
                 "Shares in Accra fell amid market unrest."):
        assert not any(root == "14" for _, root in roots(text)), text
    # whom a protest is against, when its side is hyphenated
    assert ("TGO", "14", "GHA") in triples(extract(nlp, "Anti-Ghana protests erupted in Lome."))
    # a place told that no table knows is not the headline's country
    assert ("TGO", "14") not in roots("Protests were held in many cities around the world on Saturday.",
                                      title="Togo shells Ghanaian border post")
    # a protest its clause's verb tells is not told again by its noun
    assert roots("Thousands of Ghanaians rallied in Lome in a protest march against Togo.") == {("GHA", "14")}
    # a weapon only hoped, planned or possibly used is no attack; what it came to is
    assert not any(root == "19" for _, root in roots("Ghana hopes to use the jets to attack Togolese supply lines."))
    assert not any(root == "19" for _, root in roots("Ghana could use its jets to strike Togo, Nigeria warned."))
    assert ("GHA", "19") in roots("Ghana ended up attacking the border town again.")
    # aircraft are not irregular fighters
    assert ("GHA", "19") in roots("Ghanaian bombers attacked Lome overnight.")
    # closing a bridge for floods is no break with anyone; what should not have been done is criticism
    assert not roots("Ghana closed the bridge after floods swept away part of it.")
    assert ("TGO", "11") in roots("Ghana should not have attacked the consulate, Togo said.")


def test_a_headline_attribution_names_only_its_own_words(nlp):
    """"... issues warning to India - FT": the parser reads "India - FT" as one phrase; the
    speaker is what the attribution's words name by themselves (a paper here: nobody), "...
    in Togo - UN" the UN."""
    assert not extract(nlp, "", title="Ghana thwarts plot, issues warning to Togo - FT")
    assert ("UN", "01") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Killings creating refugee crisis in Togo - UN")}


def test_world_leaders_are_no_one_states(nlp):
    """"global leaders", "world leaders" are not the story's country's (actors.FOREIGN_WORDS)."""
    assert not any(e.actor == "GHA" for e in extract(
        nlp, "More than 170 global leaders urged Ghana's president to halt the trial.", title="Ghana urged to halt trial"))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Ghanaian ban on Togolese imports hurt farmers.", ("GHA", "16", "TGO")),
    ("The Togolese expulsion of Ghanaian diplomats angered Accra.", ("TGO", "16", "GHA")),
])
def test_a_demonym_before_a_noun_with_its_object_is_the_agent(nlp, text, expected):
    """"Russian ban of a wildlife fund": with the act's object named, the demonym is who acts;
    alone ("Ghanaian sanctions") it names no agent."""
    assert expected in triples(extract(nlp, text))
    assert not extract(nlp, "Ghanaian sanctions hurt the economy.")


def test_review_guards_for_the_nineteenth_round_second_review(nlp):
    """A second review of this round's rules: each case as it should be."""
    def roots(text, title=""):
        return {(e.actor, e.event_root) for e in extract(nlp, text, title=title)}
    # a time or a cause after "in" is no place: the headline's country frames the protest
    assert ("TGO", "14") in roots("Protests in recent days have left 20 dead.", title="Togo protests turn deadly")
    # this year's protests are news; a past year's are a reference
    assert ("GHA", "14") in roots("The 2026 protests in Ghana left dozens dead.")
    assert ("GHA", "14") not in roots("The 2019 protests in Ghana left dozens dead.")
    # what protests may have done is no doubt that they happened
    assert ("GHA", "14") in roots("Protests in Ghana may have toppled the prime minister.")
    # a protest verb covers the nouns of its own clause only
    assert {("GHA", "14"), ("TGO", "14")} <= roots("Students rallied in Accra while riots erupted in Lome.")
    assert ("GHA", "14") in roots("Thousands joined a protest march in Accra.")
    # what a state must be is asked of it unless the adjective judges
    assert ("GHA", "02") in roots("Togo must be transparent about its border policy, Ghana said.")
    assert ("USA", "11") not in roots("Ghana should have been warned about the attack, the US said.")
    # ending up doing is done only when the ending up is
    assert not any(root == "19" for _, root in roots("Ghana could end up attacking Togo, analysts warn."))
    assert not any(root == "19" for _, root in roots("Analysts fear Ghana will end up invading Togo."))
    assert ("GHA", "19") in roots("Ghana ended up using drones to attack Lome.")
    # names that link with "of" or "and" are parsed, not merged
    assert ("ICRC", "11") in roots("The International Committee of the Red Cross accused Ghana's army of blocking aid.")
    # a demonym before a noun whose "from" phrase is a place is not the agent
    assert not roots("The Ghanaian refugee deportations from Togo drew criticism.")



@pytest.mark.parametrize(("title", "text", "expected"), [
    ("ECOWAS state to close border with Togo", "Ghana is closing its last border crossing with Togo on Monday.",
     ("GHA", "16", "TGO")),
    ("The ECOWAS state's parliament overturns veto on Togo aid",
     "Ghanaian lawmakers overrode a presidential veto on aid to Togo.", ("GHA", "17", "TGO")),
])
def test_a_member_a_headline_leaves_unnamed_is_the_country_its_body_names(nlp, title, text, expected):
    """"NATO state to close border with Russia" over a body that names Finland: Finland's act,
    never the bloc's."""
    found = triples(extract(nlp, text, title=title))
    assert expected in found
    assert not any(actor == "ECOWAS" for actor, _, _ in found)


def test_an_unnamed_member_is_a_member_state_the_body_names(nlp):
    """The body's first country that belongs to the bloc (schemas/data/bloc_members.csv), not the
    first country it names ("Russia condemned the decision" comes first)."""
    found = triples(extract(nlp, "Russia condemned the decision. Ghana said it would close the border with Togo.",
                            title="ECOWAS state to close border with Togo"))
    assert ("GHA", "16", "TGO") in found and not any(actor == "RUS" and root == "16" for actor, root, _ in found)


def test_a_blocs_members_are_still_the_bloc(nlp):
    assert ("ECOWAS", "16", "TGO") in triples(extract(nlp, "ECOWAS member states imposed sanctions on Togo."))


def test_a_doubt_is_the_news_and_the_doubted_act_is_none(nlp):
    found = triples(extract(nlp, "", title="Ghana doubts Togo can defeat the rebels"))
    assert ("GHA", "01", "TGO") in found
    assert not any(root in ("17", "18", "19") for _, root, _ in found)


def test_expecting_others_to_act_is_no_intent(nlp):
    assert not extract(nlp, "The Ghanaian government expected two million people to attend the festival.")
    assert ("GHA", "03", "TGO") in triples(extract(nlp, "Ghana expects to sign a trade deal with Togo."))


def test_an_arrival_nowhere_abroad_is_no_visit(nlp):
    assert not any(e.event_root == "04" for e in extract(nlp, "The Ghanaian president arrived at the cathedral in Accra."))
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "The Ghanaian president arrived in Togo on Monday."))


@pytest.mark.parametrize("text", [
    "Ghana plotted to kill Togolese dissidents in Lome.",
    "Ghana shattered the record for cocoa exports.",
    "The Ghanaian minister dealt with the crisis.",
])
def test_acts_that_did_not_happen_or_are_no_acts(nlp, text):
    assert not any(e.event_root in ("05", "18", "19") for e in extract(nlp, text)), triples(extract(nlp, text))


def test_security_agents_are_their_states_police(nlp):
    assert ("GHA", "17", "GHA") in triples(extract(nlp, "Ghanaian security agents arrested the opposition leader Kwame Mensah."))


def test_traded_accusations_go_both_ways(nlp):
    found = triples(extract(nlp, "Ghana and Togo have traded accusations of harassment."))
    assert {("GHA", "11", "TGO"), ("TGO", "11", "GHA")} <= found


def test_a_span_of_time_filled_with_an_act_is_that_act(nlp):
    """"staged a second day of exercises": the exercises are the object, as in "a round of talks"."""
    assert ("GHA", "15", "TGO") in triples(extract(nlp, "Ghanaian forces staged a second day of large-scale exercises near Togo."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghanaian police tried to arrest the Togolese opposition leader.", ("GHA", "17", "TGO")),
    ("Ghana tried to attack Togo with dozens of drones.", ("GHA", "19", "TGO")),
])
def test_trying_to_use_force_is_using_it(nlp, text, expected):
    """Trying to protest, coerce, block, use force, mediate or negotiate is doing it."""
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize("text", [
    "Ghana tried to improve its ties with Togo.",
    "Ghana plotted to attack Togolese dissidents in Lome.",
])
def test_trying_or_plotting_anything_else_is_an_aim(nlp, text):
    assert not any(e.event_root in ("05", "06", "19") for e in extract(nlp, text)), triples(extract(nlp, text))


def test_a_headline_word_english_has_only_as_a_verb_is_the_verb(nlp):
    """"... crown prince and Qatar emir discuss differences in call": the tagger read "discuss"
    as a noun; no English noun is spelt so."""
    found = triples(extract(nlp, "", title="Ghana crown prince and Togo emir discuss differences in call"))
    assert {("GHA", "04", "TGO"), ("TGO", "04", "GHA")} <= found


def test_a_country_named_before_a_visit_is_where(nlp):
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "The Ghanaian president's Togo visit was a success."))


@pytest.mark.parametrize(("text", "title"), [
    ("", "Most Ghanaians support ban on Togolese imports – poll"),
    ("A new poll shows that Ghanaians oppose the president's handling of the Togo crisis.", ""),
    ("Ghanaians back closer ties with Togo, according to a poll published on Monday.", ""),
])
def test_a_polls_findings_are_no_act(nlp, text, title):
    assert not extract(nlp, text, title=title), triples(extract(nlp, text, title=title))


@pytest.mark.parametrize("text", [
    "Ghanaian officials think the deal with Togo is close.",
    "Ghanaian fighters gathered at a memorial in Accra.",
    "The Ghanaian parliament debated the Togo border bill.",
])
def test_thinking_gathering_and_debating_at_home_are_no_meeting(nlp, text):
    assert not any(e.event_root == "04" for e in extract(nlp, text)), triples(extract(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana is trying to mediate a new truce between Togo and Benin.", ("GHA", "04", "TGO")),
    ("Ghanaian opposition supporters tried to march on parliament on Thursday.", ("GHA", "14", "GHA")),
    ("The Ghanaian president said he did not doubt that Togo had attacked the border post.", ("TGO", "19", None)),
])
def test_review_guards_for_the_twentieth_round(nlp, text, expected):
    assert expected in triples(extract(nlp, text)), triples(extract(nlp, text))


@pytest.mark.parametrize("title", [
    "Togo police arrest opposition leader - days before poll",
    "UN survey finds Togo destroyed most buildings in the border town",
])
def test_a_vote_and_a_survey_of_damage_are_no_poll(nlp, title):
    assert extract(nlp, "", title=title), title


def test_ending_a_span_of_talks_is_no_halt(nlp):
    assert not any(e.event_root == "16" for e in extract(nlp, "Ghanaian and Togolese leaders ended two days of talks in Accra."))


def test_a_leader_named_into_a_misread_organisation_still_acts(nlp):
    """The small model read "Biden welcomes Togo's" as one organisation: the name ends at the verb."""
    title = "Biden welcomes Togo's decision"
    art = Article(article_id="b" * 32, url="https://news.example.org/x", title=title, text="", published=None,
                  date=dt.date(2023, 6, 1), date_basis="run", feed_url="feed.xml", source="news.example.org")
    assert ("USA", "05", "TGO") in triples(extract_events(art, nlp(title), None, "test"))  # Biden in office


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghanaian police put the opposition leader under house arrest.", ("GHA", "17", "GHA")),
    ("Ghana and Togo exchanged frosty words over the border.", ("GHA", "11", "TGO")),
])
def test_verb_senses_of_the_twentieth_round(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("The Ghanaian parliament blocked the opposition leader from being renominated.", ("GHA", "12", "GHA")),
    ("Ghanaian protesters blocked the road to the airport on Thursday.", ("GHA", "14", "GHA")),
    ("Ghana blocked social media after the verdict.", ("GHA", "17", "GHA")),
])
def test_who_blocks_tells_what_blocking_is(nlp, text, expected):
    """A crowd that blocks obstructs in protest (144); a state or a parliament rejects (129)."""
    assert expected in triples(extract(nlp, text)), triples(extract(nlp, text))


def test_ploughing_a_car_into_people_is_an_assault(nlp):
    assert ("TGO", "18", "GHA") in triples(extract(nlp, "A Togolese man plowed his car into Ghanaian soldiers near Accra."))


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("ECOWAS state to close border with Togo",
     "Nigeria said it supported Ghana's decision to close its border with Togo. Ghana is closing the border on Monday.",
     ("GHA", "16", "TGO")),
])
def test_an_unnamed_member_is_the_one_that_does_the_headlines_act(nlp, title, text, expected):
    """A bystander member named first ("Nigeria said it supported ...") is not the one acting."""
    found = {(actor, root) for actor, root, _ in triples(extract(nlp, text, title=title))}
    assert expected[:2] in found and ("NGA", "16") not in found


@pytest.mark.parametrize(("text", "expected"), [
    ("ECOWAS leaders gathered in Lome for a summit on Friday.", ("ECOWAS", "04", "TGO")),
    ("Ghana is trying to block Togo's bid to join the alliance.", ("GHA", "12", "TGO")),
])
def test_second_review_guards_for_the_twentieth_round(nlp, text, expected):
    assert expected in triples(extract(nlp, text)), triples(extract(nlp, text))


def test_gathering_or_according_to_a_poll_in_a_clause_keeps_the_act(nlp):
    text = "The Ghanaian president, whose popularity has slumped according to a recent poll, rejected Togo's proposal."
    assert ("GHA", "12", "TGO") in triples(extract(nlp, text))


def test_a_semicolon_in_a_title_joins_two_headlines(nlp):
    """The parser made "Togo shells ..." a clause of "Nigeria urges": what was urged has not happened."""
    from transforms.extract.headlines import headline_text
    title = "Togo shells Ghanaian border posts; Nigeria urges restraint"
    assert headline_text(title) == "Togo shells Ghanaian border posts. Nigeria urges restraint"
    assert ("TGO", "19", "GHA") in triples(extract_events(article("", title=title), nlp(headline_text(title)), None, "t"))


def test_protests_around_the_globe_are_no_countrys(nlp):
    found = triples(extract(nlp, "", title="Protests sweep around the globe as Ghana's war grinds on"))
    assert not any(root == "14" for _, root, _ in found), found
    assert ("GHA", "14", "GHA") in triples(extract(nlp, "", title="Protests spread around Ghana"))


def test_two_subjects_that_hold_talks_with_a_third_meet_the_third(nlp):
    found = triples(extract(nlp, "", title="Ghana and Togo to hold talks with Nigeria"))
    assert {("GHA", "04", "NGA"), ("TGO", "04", "NGA")} <= found and ("GHA", "04", "TGO") not in found, found


def test_a_company_is_a_recipient_never_an_actor(nlp):
    """schemas/data/organizations.csv knows companies (kind BUS): what states do to them is news,
    what they do themselves is their business."""
    assert ("GHA", "17", "META") in triples(extract(nlp, "Ghana banned Meta over election posts on Monday."))
    found = triples(extract(nlp, "Meta sued Ghana over the ban on Tuesday. Huawei opened a research centre in Accra."))
    assert not any(actor in ("META", "HUAWEI") for actor, _, _ in found), found


def test_an_actor_that_acts_is_not_also_a_speaker_in_the_body(nlp):
    text = ("Togolese troops shelled a Ghanaian border post on Monday. "
            "The Togolese army described the incident to Ghanaian officials on Tuesday.")
    found = triples(extract(nlp, text))
    assert ("TGO", "19", "GHA") in found and not any(actor == "TGO" and root == "01" for actor, root, _ in found), found
    assert ("TGO", "01", "GHA") in triples(extract(nlp, "The Togolese army described the incident to Ghanaian officials on Tuesday."))
    titled = triples(extract(nlp, text, title="Togo tells Ghana the border post was used by smugglers"))
    assert any(actor == "TGO" and root == "01" for actor, root, _ in titled), titled


@pytest.mark.parametrize(("text", "expected"), [
    ("Ghana is still seeking answers after the border incident.", None),
    ("Ghana sought support from Togo.", ("GHA", "02", "TGO")),
    ("Ghana's top court backed the government's plan to raise the retirement age.", None),
    ("Ghana praised Togo's decision.", ("GHA", "05", "TGO")),
    ("Ghanaian schools sent dozens of girls home for wearing headscarves.", None),
    ("Ghana helped sell the war to the public.", None),
    ("Ghana sent food aid to Togo.", ("GHA", "07", "TGO")),
])
def test_wishes_and_cooperation_need_someone_on_the_other_side(nlp, text, expected):
    """Seeking from no one is wanting (no_news.WISHING_VERBS); praise, joint work and aid with no
    recipient are a view of a policy or a service at home (engine._cooperates_with_no_one)."""
    found = triples(extract(nlp, text))
    assert (expected in found) if expected else not found, found


def test_warplanes_sent_across_a_border_are_a_show_of_force(nlp):
    assert ("TGO", "15", "GHA") in triples(extract(nlp, "Togo sent warplanes across the border with Ghana on Sunday."))


def test_a_relative_clause_in_the_present_perfect_describes_an_alliance(nlp):
    """no_news.standing_relation: "which has fought alongside" describes the militia, as "which
    supports" does; told on its own with a day, the joint fighting is news."""
    text = "The Togolese militia, which has fought alongside Ghanaian forces, said on Monday it would disarm."
    assert not any(root == "06" for _, root, _ in triples(extract(nlp, text)))
    assert ("TGO", "06", "GHA") in triples(extract(nlp, "The Togolese militia fought alongside Ghanaian forces on Monday."))


@pytest.mark.parametrize(("text", "force"), [
    ("Ghana's charm offensive in Togo began on Monday.", False),
    ("Ghana's diplomatic offensive in Togo began on Monday.", False),
    ("Ghana and Togo are locked in a legal battle over the border.", False),
    ("Ghana's military offensive in Togo began on Monday.", True),
    ("The Ghanaian president fired his spokesman on Monday.", False),
    ("Ghana fired artillery at Togolese positions.", True),
])
def test_figurative_force_is_no_force(nlp, text, force):
    """schemas/data/off_topic.csv "figurative_modifier": a charm, diplomatic or legal offensive or
    battle is no use of force; firing an official (verbs.csv) is dismissing them."""
    found = triples(extract(nlp, text))
    assert any(root == "19" for _, root, _ in found) is force, found


@pytest.mark.parametrize("title", ["Ghana renews its call for a ceasefire", "Ghana repeats calls for calm in Togo"])
def test_a_renewed_call_for_something_is_an_appeal(nlp, title):
    """nominalizations.csv "call": the noun's "for" is its verb's particle (call,for: 020)."""
    assert any(actor == "GHA" and root == "02" for actor, root, _ in triples(extract(nlp, "", title=title)))


@pytest.mark.parametrize(("text", "expected", "absent"), [
    ("Ghana and Togo discussed relations with Nigeria in Accra.", ("GHA", "04", "TGO"), ("GHA", "04", "NGA")),
    ("Ghana and Togo agreed to a truce with Nigeria acting as mediator.", None, ("GHA", "08", "NGA")),
    ("Togolese rebels fired missiles at Ghanaian officers aboard the ship.", ("TGO", "19", "GHA"), None),
    ("Togolese troops fired on Ghanaian officers along the border.", ("TGO", "19", "GHA"), None),
    ("Russia's Rosatom signed a deal with Ghana to build two reactors.", ("RUS", "05", "GHA"), None),
    ("Togolese drones struck a Lukoil refinery in the Ghanaian city of Kumasi.", ("TGO", "19", "GHA"), None),
    ("Ghana adopted a new Latin alphabet on Monday.", None, ("GHA", "05", "GOOGLE")),
    ("Ghana and Togo began political negotiations on a peace treaty.", ("GHA", "04", "TGO"), None),
    ("Ghana launched a charm offensive in Togo.", None, ("GHA", "19", "TGO")),
    ("Ghana opened a new legal front against Togo.", None, ("GHA", "19", "TGO")),
])
def test_review_guards_of_the_twenty_first_round(nlp, text, expected, absent):
    """A discussion's topic is no partner, nor a mediator; firing at officers is force; a state
    company acts for its state; a company's refinery hit is its country's; a lower-case word is no
    company; political talks are talks; a charm offensive or a legal front is no force."""
    found = triples(extract(nlp, text))
    assert expected is None or expected in found, found
    assert absent is None or absent not in found, found


def test_a_semicolon_inside_a_quote_joins_nothing():
    from transforms.extract.headlines import headline_text

    title = "Ghana says 'talks are possible; Togo must accept reality'"
    assert headline_text(title) == title


def test_review_guards_of_the_twenty_second_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    # fighting "along their border": each side stays the other's opponent (only intents are shared)
    assert {("KGZ", "19", "TJK"), ("TJK", "19", "KGZ")} <= triples(
        extract(nlp, "Kyrgyzstan and Tajikistan fought along their disputed border."))
    # "their borders" are each side's own
    assert not any(t for _, root, t in triples(extract(nlp, "Hungary and Austria vowed to protect their borders from migrants."))
                   if root == "03")
    # "committed to" a verb is a pledge; "committed fraud" is none
    assert ("HAMAS", "03") in {(e.actor, e.event_root) for e in extract(nlp, "Hamas committed to release all the hostages.")}
    # a judgement with no one to blame takes no recipient from the place it names
    assert triples(extract(nlp, "", title="Attack on Kyiv hospital a war crime – Macron")) == {("FRA", "11", None)}
    # a role alone after the dash, or a person or country answering a headline after a colon, speaks for no one
    assert not extract(nlp, "", title="China is the biggest threat to our security – prime minister")
    assert not extract(nlp, "", title="Time magazine names its person of the year: Volodymyr Zelensky")
    # a state's seat after a colon is its voice
    assert ("USA", "01") in {(e.actor, e.event_root) for e in extract(
        nlp, "", title="No evidence Hamas is using American hostages as leverage: White House")}
    # wrongs alleged: not of a doer the outlet only frames, not "lies in", not a clause of another subject, not avoided
    for text in ["Modi said the opposition had misled farmers.",
                 "Scholz said Ukraine's future lies in the European Union.",
                 "The Kremlin said Europe was suffering because the US had exploited the energy crisis.",
                 "The US said China had avoided interfering in the Taiwanese election."]:
        assert not any(e.event_code == "112" for e in extract(nlp, text)), text
    # police abroad keep the foreign place
    assert ("KEN", "19", "HTI") in triples(extract(nlp, "Kenyan police in Haiti fired on gang members."))
    # a vice chancellor of a university acts for no state
    assert not extract(nlp, "The university's vice chancellor condemned the protest camp.")


def test_typographic_apostrophes_parse_as_plain_ones(nlp):
    """transforms/extract/texts.plain_apostrophes: the workers parse "’" and "‘" as "'" (a quoted
    word ending in "s" in double quotes), so the curly possessive of feeds parses as the plain one
    does, and the row still quotes the article."""
    from transforms.extract.stage import extract_batch
    from transforms.extract.texts import plain_apostrophes
    text = ("Talks between the UK government and Northern Ireland’s Democratic Unionist party "
            "have entered their final stages.")
    assert plain_apostrophes("‘Extremist’ ban: Ireland’s") == "'Extremist' ban: Ireland's"
    assert plain_apostrophes("Biden ‘condemns’ strike") == 'Biden "condemns" strike'  # no possessive
    rows = [row for _, events in extract_batch(nlp, None, [article(text)], "t") for row in events]
    assert {("GBR", "04", "DUP"), ("DUP", "04", "GBR")} <= triples(rows)
    assert all(row.sentence == text for row in rows)


def test_a_country_word_inside_a_place_of_another_country_is_the_place(nlp):
    """actors._inside_a_place: "Ireland" in "Northern Ireland", "British" in "British Columbia"
    name no Ireland or Britain; the place's country decides."""
    assert ("GBR", "11", "DUP") in triples(extract(nlp, "The Northern Ireland secretary criticised the DUP."))
    assert ("GBR", "17") in {(e.actor, e.event_root) for e in extract(nlp, "Police in Northern Ireland arrested two men.")}
    assert {e.actor for e in extract(nlp, "The British Columbia premier criticised Ottawa.")} == {"CAN"}
    assert {e.actor for e in extract(nlp, "Inner Mongolia authorities arrested two activists.")} == {"CHN"}
    # the country itself, and a longer name of the same country, are as before
    assert ("IRL", "11", "GBR") in triples(extract(nlp, "Ireland criticised Britain."))
    assert ("ZAF", "11", "GBR") in triples(extract(nlp, "South Africa criticised Britain."))


def test_legal_action_taken_with_a_light_verb(nlp):
    """verbs.csv: filing, bringing, launching, opening or taking legal action, charges or
    proceedings against someone is a lawsuit (115), as "sued" is."""
    for text, expected in [
        ("The European Commission launched infringement proceedings against Hungary.", ("EC", "11", "HUN")),
        ("Ukraine brought charges against the Russian commander.", ("UKR", "11", "RUS")),
        ("Amnesty International filed a class action against the French state.", ("AMNESTY", "11", "FRA")),
        ("The EU took legal action against Poland.", ("EU", "11", "POL")),
    ]:
        rows = extract(nlp, text)
        assert expected in triples(rows), text
        assert all(row.event_code == "115" for row in rows), text
    assert not extract(nlp, "Turkey brought 20 refugees home.")


def test_arms_used_name_their_maker_not_the_recipient(nlp):
    """schemas/data/weapons.csv, actors.is_weapon: "used white phosphorus", "used cluster
    munitions" are force (verbs.csv; "used tanks" or "missiles" may be drills or space launches),
    and the country word on arms fired or used is their maker's."""
    assert ("ISR", "19", "PSE") in triples(extract(nlp, "Israel used white phosphorus in Gaza."))
    assert ("RUS", "19", "UKR") in triples(extract(nlp, "Russia fired North Korean missiles at Kharkiv."))
    # fired at no one named, the launch is a show of force (engine._shown_not_fired)
    assert triples(extract(nlp, "Russia fired Iranian missiles.")) == {("RUS", "15", None)}
    assert ("SYR", "20") in {(e.actor, e.event_root) for e in extract(nlp, "Syria used chemical weapons in Douma.")}
    # arms acted upon keep their owner as the recipient
    assert ("RUS", "19", "UKR") in triples(extract(nlp, "Russia destroyed Ukrainian tanks."))


def test_un_agency_heads_named_by_their_field(nlp):
    """organizations.csv: "UN rights chief" is the OHCHR's, "UN refugee chief" the UNHCR's, "UN aid
    chief" OCHA's, as their offices' names already were."""
    assert ("OHCHR", "02", "ISR") in triples(extract(nlp, "UN rights chief urges probe of Israel's weapons."))
    assert {e.actor for e in extract(nlp, "The U.N. refugee chief condemned the deportations from Pakistan.")} == {"UNHCR"}
    assert {e.actor for e in extract(nlp, "The UN aid chief criticised the siege of Gaza.")} == {"OCHA"}


def test_off_topic_cues_of_more_than_one_word(nlp):
    """coding._phrases_in and off_topic: cues the tokenizer splits ("grand prix", "world cup",
    "semi-final"; "climate change" as an object) count as the one-word cues do, also for the
    complement of a vow."""
    assert not extract(nlp, "Australia claim overall lead on day 1 of the Dubai Sail Grand Prix.")
    assert not extract(nlp, "Brazil beat Argentina in the World Cup semi-final.")
    assert not extract(nlp, "The EU will fight climate change with Brazil.")
    assert not any(e.event_root == "13" for e in extract(nlp, "China vowed to fight climate change."))
    # a name that holds a cue is no cue
    assert ("ARL", "11", "ISR") in triples(extract(nlp, "The Arab League condemned Israel."))


def test_a_meeting_the_act_was_told_in(nlp):
    """nominal.framing_meetings: "warned Biden at a summit", "urged Gantz during a phone call",
    "in a call with Lavrov" also tell the subject's meeting with the one addressed or named."""
    assert ("CHN", "04", "USA") in triples(extract(nlp, "Xi Jinping warned US President Joe Biden at a summit to stop arming Taiwan."))
    assert ("USA", "04", "RUS") in triples(extract(
        nlp, "In a call with Russian Foreign Minister Sergei Lavrov, U.S. Secretary of State Antony Blinken urged Russia to release the journalist."))
    # no one addressed, no one named: no meeting
    assert not any(e.event_root == "04" for e in extract(nlp, "Erdogan told reporters at a news conference that Sweden must act."))
    assert not any(e.event_root == "04" for e in extract(nlp, "Russia struck Ukraine during the talks."))


def test_discussions_are_consultations(nlp):
    """nominal_events.csv "discussions": two sides that engage in discussions consult each other."""
    assert {("MAR", "04", "SEN"), ("SEN", "04", "MAR")} <= triples(
        extract(nlp, "Morocco and Senegal have engaged in discussions on the pipeline project."))
    assert not extract(nlp, "The report touched on the war in Ukraine.")


def test_every_conjoined_modifier_acts(nlp):
    """actors._conjoined_modifiers: in "US, Japan, South Korea defence chiefs" the head resolves to
    the last name; the first conjunct acts too."""
    rows = extract(nlp, "", title="US, Japan, South Korea defence chiefs to share North Korea missile data in December")
    assert {e.actor for e in rows} == {"USA", "JPN", "KOR"}


def test_appealing_a_decision_is_legal_action(nlp):
    """additions/verbs.csv: appealing a ruling, conviction or suspension is legal action (115),
    not a plea (020); appealing to someone for help stays a plea."""
    assert ("RUS", "11", "IOC") in triples(extract(nlp, "", title="Russia appeals IOC suspension"))
    assert ("UKR", "02", "UN") in triples(extract(nlp, "Ukraine appealed to the UN for help."))


def test_crowds_named_by_their_trade_protest(nlp):
    """additions/roles.csv: bakers, truckers, dockworkers and marchers are crowds of their country
    when they protest ("French bakers protest ..." is FRA 14 FRA, GOLD.md: crowds by their country)."""
    assert ("FRA", "14", "FRA") in triples(extract(nlp, "", title="French bakers protest over surging power prices"))
    assert ("NLD", "14", "NLD") in triples(extract(nlp, "", title="Amsterdam marchers demand climate action"))


def test_review_guards_of_the_twenty_third_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    # a quoted verb in a headline stays a verb
    assert ("DEU", "16", "RUS") in triples(extract_batch_rows(nlp, "", title="Germany ‘recalls’ ambassador from Russia"))
    # "in talks" one believes in or refuses is no meeting; a meeting named by who held it does not
    # make the one addressed a partner; a call with unnamed people names no one
    for text in ["Zelensky believes in talks with Russia, his adviser said.",
                 "At a NATO summit in Vilnius, Biden warned Russia against using nuclear weapons.",
                 "During a meeting with his cabinet, Netanyahu warned Hezbollah against escalation.",
                 "In a call with reporters, a White House official urged Israel to allow more aid into Gaza."]:
        assert not any(e.event_root == "04" for e in extract(nlp, text)), text
    # lower-case words are no place names
    assert ("ESP", "14", "ESP") in triples(extract(
        nlp, "Residents of a small Spanish town protested against the new migrant centre, police said."))
    # arms in use with no one attacked, a case brought to someone's attention, a topic touched on
    for text in ["The Polish army uses tanks built in South Korea.",
                 "The Indian government brought the case of the jailed fishermen to Pakistan's attention.",
                 "Biden touched on China and Taiwan in his State of the Union address."]:
        assert not any(e.event_root in ("19", "11", "04") for e in extract(nlp, text)), text
    # migrants' wrongs are no state's; weather is judged by no one
    assert not extract(nlp, "US border officials said Mexican migrants crossed the border illegally in record numbers.")
    assert not extract(nlp, "Greek officials said conditions at sea were hostile for the rescue operation.")
    # fishermen arrested are no one named
    assert ("PAK", "17", None) in triples(extract(
        nlp, "Pakistani maritime security agency arrested 20 fishermen who crossed into its waters.", title="Pakistan arrests fishermen"))


def extract_batch_rows(nlp, text: str, title: str = ""):
    """The rows as a worker makes them, texts prepared for the parser (texts.texts_to_parse)."""
    from transforms.extract.stage import extract_batch
    return [row for _, events in extract_batch(nlp, None, [article(text, title)], "t") for row in events]


def test_a_warning_to_no_one_of_what_another_actor_may_do_is_a_comment(nlp):
    """"Zelensky warned that unless Ukraine wins, Russia could begin building support", "America
    won't always ride in to the rescue, warns UK defence secretary": what another actor may do or
    will not do, told to no one, is a pessimistic comment (012, root 01), as the coders code it; a
    warning of the speaker's own act, of what another would suffer, or aimed at someone stays a
    threat (warning_verbs.foretells_another)."""
    comment = triples(extract(nlp, "The Ghanaian president warned on Tuesday that Togo could begin building support for the border plan."))
    assert ("GHA", "01", "TGO") in comment and not any(root == "13" for _, root, _ in comment), comment
    assert ("GHA", "13", None) in triples(extract(nlp, "Ghana warned it would not stand by and watch an attack on Lome."))
    assert ("GHA", "13", "TGO") in triples(extract(nlp, "Ghana warned Togo that attacks on its troops would be met with retribution."))


def test_a_headline_s_says_doing_is_what_the_speaker_does(nlp):
    """"Hamas says seeking to free 8 Russian-Israeli hostages": a headline leaves out "it is", and
    the parser hangs the clause on "says" as a complement; it is the speaker's own act (an intent
    here), not a bare statement (engine._governed_by_event_verb)."""
    rows = triples(extract(nlp, "", title="Ghana says seeking to free 8 Togolese hostages"))
    assert ("GHA", "03", "TGO") in rows and ("GHA", "01", "TGO") not in rows, rows


def test_a_spaced_hyphen_is_a_dash_to_the_parser(nlp):
    """"Putin wanted by International Criminal Court - Kremlin calls move 'outrageous'": the small
    model reads " - " as a word's hyphen and makes "Court - Kremlin" one name; the parser is given
    a dash instead (texts.dashes_apart), one character for one, and rows quote the original."""
    title = "Kwame Mensah wanted by Togolese court - Ghana calls move 'outrageous and unacceptable'"
    rows = extract_batch_rows(nlp, "", title=title)
    assert ("GHA", "11") in {(e.actor, e.event_root) for e in rows}
    assert all(" - " in e.sentence for e in rows if e.actor == "GHA")


def test_gains_claimed_are_ground_taken(nlp):
    """"Ukraine claims first gains in counteroffensive": what a side claims to have taken is told
    as taken (GOLD.md rule 4), an occupation of territory (192, additions/verbs.csv)."""
    assert ("GHA", "192") in {(e.actor, e.event_code) for e in extract(nlp, "Ghana claimed gains in its offensive against Togo.")}


def test_review_guards_of_the_twenty_fourth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    # a quote after another verb of the sentence is no name the naming verb gives its object
    for text in ["Ghana's president called Togo's president and said the raids were 'barbaric'.",
                 "Ghana's president called Togo's leader and described the riots as 'unacceptable'."]:
        assert not any(e.actor == "GHA" and e.target == "TGO" for e in extract(nlp, text)), text
    # nothing received, a call to act, a threat or warning sent: no consultation either way
    for text in ["Ghana received no message from Togo.",
                 "Ghana received a call from Togo to halt the raids.",
                 "Ghana received a call for help from Togo.",
                 "Ghana received a threatening letter from Togo.",
                 "Ghana received a message from Togo warning of consequences."]:
        assert not any(e.event_code == "041" for e in extract(nlp, text)), text
    # a plan dropped, past, conditional, the actor's own word of it, or a meeting of something
    # else is no scheduled visit
    for text in ["The Ghanaian president planned to visit Togo but the trip was postponed.",
                 "The Ghanaian president no longer plans to visit Togo.",
                 "The Ghanaian president said he plans to visit Togo soon.",
                 "The Ghanaian president plans to visit Togo if re-elected.",
                 "The Ghanaian president had planned a trip to Togo before the crisis.",
                 "Ghana plans to meet Togolese aggression with force."]:
        assert not any(e.event_root == "04" for e in extract(nlp, text)), text


@pytest.mark.parametrize(
    ("text", "released"),
    [
        # people released: by name, role, a word for people, a demonym, a pronoun, in the passive
        ("Togo released the Ghanaian journalist Kwame Mensah on Friday.", True),
        ("Togo released 40 Ghanaians from its prisons on Friday.", True),
        ("Togo released dozens of prisoners on Sunday.", True),
        ("The fisherman said he was freed by Togo after a week.", True),
        ("A Ghanaian trader who was released by Togo on Monday spoke to reporters.", True),
        ("Togo released him after two years.", True),
        # things released are no release of people (08): a report, water, a video, a product
        ("Togo released a report on the border dispute with Ghana.", False),
        ("Togo will start releasing treated water from the dam into the Volta.", False),
        ("Togo released a video of the Ghanaian captives.", False),
        ("Togo's ministry released a nine-page guideline on innovation.", False),
    ],
)
def test_what_is_released_decides_whether_people_were_freed(nlp, text, released):
    """clauses.names_people, schemas/data/people_nouns.csv: "release"/"free" is a release of
    people (0841) only when what is released names people; any other object ("@object" in
    verbs.csv) is no event."""
    rows = {(e.actor, e.event_root) for e in extract(nlp, text)}
    assert (("TGO", "08") in rows) == released, rows


@pytest.mark.parametrize(
    ("text", "hosted"),
    [
        ("Ghana will host Togo's president Faure Gnassingbé for talks in Accra.", True),
        ("Ghana hosts Togolese counterparts for border talks.", True),
        ("Ghana will host a meeting of West African foreign ministers.", True),
        ("Ghana will host the African Cup of Nations next year.", False),
        ("Ghana is set to host Togolese nuclear weapons in several days.", False),
        ("Ghana hosts 30,000 refugees from Togo.", False),
    ],
)
def test_a_host_receives_people_or_a_meeting(nlp, text, hosted):
    """verbs.csv: hosting (043) is of people, a body or a gathering; hosting a tournament or
    weapons is no meeting, and hosting refugees no visit."""
    rows = {(e.actor, e.event_root) for e in extract(nlp, text)}
    assert (("GHA", "04") in rows) == hosted, rows


def test_readiness_for_no_act_is_no_intent(nlp):
    """coding.predicate_rule: "ready for" a noun that is no event intends no act; "ready for
    talks" and "ready to" a verb still do."""
    assert not extract(nlp, "Ghana's president was ready for a victory lap after the vote.")
    assert not extract(nlp, "Ghanaian police were prepared for the president's arraignment.")
    assert ("GHA", "03") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana is ready for talks with Togo, the minister said.")}
    assert ("GHA", "03") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana is ready to open talks with Togo, the minister said.")}
    # open to efforts, a settlement, diplomacy: cooperation intended, though no event noun
    assert ("GHA", "03") in {(e.actor, e.event_root) for e in extract(nlp, "The minister said Ghana is open to serious efforts at de-escalation.")}


def test_what_another_needs_or_has_to_do_is_asked_of_it(nlp):
    """clauses.is_obligation, judgements: "needs to" is advice as "should" is (020), "has to" a
    demand as "must" is (100); the act it asks for has not happened."""
    needs = extract(nlp, "Ghana's president said Togo needs to withdraw its troops from the border.")
    assert ("GHA", "02", "TGO") in triples(needs)
    assert not any(e.actor == "TGO" for e in needs)
    assert ("GHA", "10", "TGO") in triples(extract(nlp, "Ghana's president said Togo has to pay for the damage."))
    # the speaker's own need is no appeal to anyone
    assert not any(e.event_root in ("02", "10") for e in extract(nlp, "Ghana's president said Ghana needs to build more schools."))


def test_a_minister_named_by_surname_alone_is_found_while_in_office(nlp):
    """ontology.official_by_surname: below the leaders, a minister the news names by surname
    alone ("Nitiwul condemned ...") is found while in office and while no one else in the
    tables carries the name; out of office, nobody."""
    text = "Nitiwul condemned Togo's decision to close the border."
    assert ("GHA", "11", "TGO") in triples(extract_on(nlp, dt.date(2023, 6, 1), text))
    assert not any(e.actor == "GHA" for e in extract_on(nlp, dt.date(2026, 6, 1), text))


def test_pleading_not_guilty_is_a_denial(nlp):
    """clauses.object_heads: a negated complement is a head of its own ("not guilty"); pleading
    not guilty denies responsibility (016), pleading guilty is no event of the table's."""
    assert ("GHA", "016") in {(e.actor, e.event_code) for e in extract(nlp, "The Ghanaian minister pleaded not guilty to corruption charges.")}
    assert not extract(nlp, "The Ghanaian minister pleaded guilty to corruption charges.")


def test_agreeing_to_restart_talks_is_an_intent_to_negotiate(nlp):
    """coding.rule_for reads a light verb's object ("restart talks") as inner clauses do the
    verb table: agreeing to restart talks is an intent to meet (036); restarting them is talks (046)."""
    assert ("GHA", "036", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "Ghana and Togo agreed to restart talks on the border.")}
    assert ("GHA", "046", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "Ghana and Togo restarted talks on the border on Monday.")}


def test_national_aid_agencies_act_for_their_state(nlp):
    """additions/organizations_national.csv: a state's aid agency (KSrelief, USAID, JICA, TIKA)
    acts for the state, as its other agencies do."""
    assert ("SAU", "057", "UNHCR") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "KSrelief signed an agreement with UNHCR to support refugees in Chad.")}
    assert ("GHA", "057", "JPN") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "Ghana signed a loan agreement with JICA on Monday.")}


def test_review_guards_of_the_twenty_fifth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def roots(text):
        return {(e.actor, e.event_root) for e in extract(nlp, text)}
    # a country or an armed group hosted is a guest, as before the round
    assert ("TUR", "04") in roots("Turkey hosted Hamas in Istanbul.")
    # people released by count, pronoun, collective, or a demonym or word for them
    for text in ["Togo released hundreds after the protests.", "Togo released 17 on Friday in a swap.",
                 "Togo released those who were detained during the protest.",
                 "Togo released a number of political prisoners ahead of the dialogue.",
                 "Togo released the first group of hostages.", "Togo released some of the protesters.",
                 "Togo released about 100 Ghanaian POWs.", "Togo released a Ghanaian who had been detained at the border."]:
        assert ("TGO", "08") in roots(text), text
    # property released is returned (0842)
    assert ("TGO", "0842", "GHA") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "Togo released the Ghanaian cargo vessel.")}
    # ready for what a container holds, or for cooperation the tables hold no event noun of
    assert ("TGO", "03") in roots("Togo is ready for a new round of talks, its president said.")
    assert ("TGO", "03") in roots("Togo is ready for closer cooperation with Ghana, its president said.")
    # a duty done, denied, or a matter of involvement is no appeal or demand
    assert ("TGO", "08") in roots("Togo had to withdraw its troops from the border in November.")
    assert not any(root in ("02", "10") for _, root in roots("Togo does not need to negotiate with Ghana, its president said."))
    assert not any(root == "10" for _, root in roots("Togo has to do with the explosion, Ghana's intelligence chief said."))
    # an agency's name shared by many countries keeps the country the phrase names
    assert ("NGA", "17") in roots("Nigeria's Justice Department arrested the governor.")


def test_second_review_guards_of_the_twenty_fifth_round(nlp):
    """What a second review of this round's rules found wrong, each now as it should be."""
    def codes(text):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, text)}
    # a duty reported in the past or with "will" is the speaker's appeal or demand, not an act done
    needed = codes("Ghana said Togo needed to withdraw its troops from the border.")
    assert ("GHA", "020", "TGO") in needed and not any(actor == "TGO" for actor, _, _ in needed)
    assert ("GHA", "100", "TGO") in codes("Ghana said Togo will have to pay for the damage.")
    assert not any(actor == "TGO" for actor, _, _ in codes("Ghana said Togo no longer needs to fear an invasion."))
    assert not any(code == "100" for _, code, _ in codes("Ghana said Togo has yet to respond to the offer."))
    # money and things released are no people released; those that were taken are things
    for text in ["The IMF released $500 million to Togo on Tuesday.",
                 "Togo's ministry compiled the figures and released them on Friday.",
                 "The Togolese army released those that had been confiscated at checkpoints."]:
        assert not any(code == "0841" for _, code, _ in codes(text)), text
    assert not any(code == "181" for _, code, _ in codes("Ghanaian police seized $5 million in cash from the gang."))
    # an exchange of fire or a pause in aid is no cooperation intended
    assert not any(code.startswith("03") for _, code, _ in codes("Togo is ready for an exchange of fire with Ghana, its president said."))
    # a state body's name other states use too keeps the state the phrase names; alone, the US's
    assert ("NGA", "173", "NGA") in codes("Nigeria's Justice Department arrested the governor.")
    assert ("USA", "115", "GOOGLE") in codes("The Justice Department sued Google over its search monopoly.")
    # troops, bases and parades hosted are no meeting
    assert not any(code.startswith("04") for _, code, _ in codes("Ghana hosts thousands of Togolese troops."))


def test_a_headline_s_predicate_without_its_is(nlp):
    """clauses.is_bare_predicate: a headline drops the "is" of "is ready to", "is set to": "Ghana
    ready to sign deal" intends the signing as "Ghana is ready to sign" does, "Ghana set to impose
    sanctions" is the sanctions to come, "set for talks" the talks on the agenda."""
    def headline(title):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)}
    assert ("GHA", "032", "TGO") in headline("Ghana ready to sign trade deal with Togo")
    assert ("GHA", "163", "TGO") in headline("Ghana set to impose sanctions on Togo")
    assert {("GHA", "046", "TGO"), ("TGO", "046", "GHA")} <= headline("Ghana and Togo set for first border talks in years")
    # poised to attack threatens the attack (1384), and the offensive it is poised to launch is no
    # attack of its own (engine._intended_by_its_verb), as one vowed is not
    assert {("GHA", "1384", None)} == headline("Ghana poised to launch military offensive")
    assert not any(code.startswith("19") for _, code, _ in headline("Ghana vows to launch military offensive"))
    # set for anything but a meeting, or ready for no act, schedules and intends nothing
    assert not headline("Ghana set for record cocoa harvest")
    assert not headline("Ghana ready for rainy season")


def test_a_state_s_abbreviation_and_a_navy_s_craft_name_their_country(nlp):
    """additions/places.csv, additions/roles.csv: "NSW" is the Australian state (as "New South
    Wales" is), and ships, jets and helicopters of a navy or a military act for its state."""
    assert ("AUS", "17") in {(e.actor, e.event_root) for e in extract(nlp, "NSW police arrested two men over the attack.")}
    assert ("CHN", "04", "MMR") in triples(extract(nlp, "Chinese navy ships visited Myanmar on Monday."))


def test_calling_off_a_meeting_cancels_it(nlp):
    """additions/verbs.csv: "called off a meeting" cancels it (16), though "call ... meeting" is a
    call for one: the particle and the object together outrank the object alone."""
    off = {(e.actor, e.event_root, e.target) for e in extract(nlp, "Ghana's president called off a meeting with Togo's leader.")}
    assert ("GHA", "16", "TGO") in off and not any(root == "03" for _, root, _ in off)
    assert ("GHA", "036") in {(e.actor, e.event_code) for e in extract(nlp, "Ghana called a meeting of ECOWAS leaders.")}


def test_review_guards_of_the_twenty_sixth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def codes(text, title=""):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, text, title=title)}
    # a verb with an object, a particle or another clause is no predicate standing without "is"
    for text in ["Ghana set the stage for talks with Togo on Tuesday.",
                 "Ghana's president set off for a summit with Togo.",
                 "The opposition slated the Ghanaian president for talks with Togo."]:
        assert not any(code.startswith("04") for _, code, _ in codes(text)), text
    assert ("GHA", "033", "TGO") in codes("Ghana committed funds to peace talks with Togo.")
    assert not any(code.startswith("13") for _, code, _ in codes(
        "Togo's army, set to deploy next week, held drills near the border with Ghana."))
    # what is no longer set or wanted is neither scheduled nor intended
    assert not codes("", title="Togo no longer set to impose sanctions on Ghana")
    assert not codes("", title="Ghana no longer willing to sign deal with Togo")
    # a headline's predicate keeps its sense under an attribution, and "set" tagged as a participle
    assert ("GHA", "032", "TGO") in codes("", title="Ghana ready to sign deal with Togo, minister says")
    assert {("GHA", "046", "TGO"), ("TGO", "046", "GHA")} <= codes("Officials confirmed.", title="Ghana and Togo set for talks")


def test_cancelling_a_partnership_reduces_relations(nlp):
    """additions/verbs.csv: a partnership or cooperation cancelled is relations reduced (160), as
    an agreement cancelled is."""
    assert ("GHA", "160", "EU") in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "Ghana cancelled its partnership with the EU on migration.")}


def test_second_review_guards_of_the_twenty_sixth_round(nlp):
    """What a second review found wrong with headline predicates standing without "is"."""
    def codes(title):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)}
    # a clause or a conjunct of its own, with its own subject, leaves the predicate standing
    assert ("GHA", "036", "TGO") in codes("Ghana ready to talk to Togo, though tensions remain")
    assert ("GHA", "046", "TGO") in codes("Ghana set for talks with Togo while troops mass on border")
    assert ("GHA", "036") in {(actor, code) for actor, code, _ in codes("Ghana ready to talk but Togo refuses")}
    # set on fire is arson told in the passive, by no one named
    assert not codes("Ghana embassy set on fire in Lome")
    # what no one said, or a report denied, is neither scheduled nor intended
    for title in ["Togo did not say Ghana set to close the border", "Togo never said Ghana ready to sign deal",
                  "Togo denies reports Ghana set to close border"]:
        assert not any(actor == "GHA" for actor, _, _ in codes(title)), title
    # a summit that was due may never have been held; one that is due is on the agenda
    was_due = extract(nlp, "Ghana's president was due for a summit with Togo's president in March.")
    assert not any(e.event_root == "04" for e in was_due)
    assert ("GHA", "04") in {(e.actor, e.event_root) for e in extract(
        nlp, "Ghana's president is due for a summit with Togo's president in March.")}
    # talks and summits cancelled are talks halted (164), as meetings cancelled are
    assert ("GHA", "164", "TGO") in codes("Ghana cancels talks with Togo")


def test_a_warning_of_a_danger_no_one_poses_is_a_statement_about_its_topic(nlp):
    """additions/verbs.csv ("warn of" with no other object is 012) and engine._topic_phrases: a
    warning of a risk is a pessimistic comment, about whom its "of" phrase names; a warning of
    retaliation stays a threat, and one of a threat someone poses a criticism of them."""
    def codes(title):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)}
    assert ("GHA", "012", "TGO") in codes("Ghana warns of rising hunger in Togo")
    assert ("ECOWAS", "012", None) in codes("ECOWAS warns of growing risks to regional trade")
    assert ("GHA", "130", None) in codes("Ghana warns of retaliation")
    assert ("GHA", "111", "TGO") in codes("Ghana warns of Togo threat")
    # aimed at someone, a warning of what awaits them is a threat (warning_verbs._addressed_warning_of)
    assert ("GHA", "130", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, 'Ghana warned Togo of a "crushing defeat" should Lome send troops.')}


def test_expected_schedules_an_act_as_set_does(nlp):
    """predicates.csv: "is expected to attend" is an act to come, told like "is set to"
    (clauses.is_scheduled), and a headline's "expected to visit" is no intent of "expect"'s own
    (engine._schedules_its_act); "was expected to" may never have happened."""
    def codes(text, title=""):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, text, title=title)}
    assert ("GHA", "044", "AU") in codes("Ghana's president is expected to attend the African Union summit.")
    headline = codes("", title="Ghana's president expected to visit Togo next week")
    assert ("GHA", "042", "TGO") in headline and not any(code.startswith("03") for _, code, _ in headline)
    assert not codes("Ghana's president was expected to visit Togo last week.")


def test_a_meeting_held_frames_the_act_of_whoever_held_it(nlp):
    """nominal.framing_meetings: a meeting said in a call, in talks or after a summit, hung on the
    verb's object or read as a verb, is one its subject held; two subjects joined by "and" held
    it with each other; talks one believes in, or is too afraid to engage in, were not held; a
    summit where two called for something is not their meeting."""
    def codes(text, title=""):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, text, title=title)}
    assert ("GHA", "040", "TGO") in codes("", title="Ghana Hails Ties With Togo in Meeting With Faure Gnassingbe")
    assert ("GHA", "040", "TGO") in codes(
        "Ghana's foreign minister backed efforts to give refugees their rights in a call with his Togolese counterpart.")
    assert {("GHA", "046", "TGO"), ("TGO", "046", "GHA")} <= codes("", title="Ghana and Togo pledge stronger cooperation in rare talks")
    assert {("GHA", "040", "TGO"), ("TGO", "040", "GHA")} <= codes(
        "", title="Leaders from Ghana and Togo vow better ties following summit")
    assert {("GHA", "046", "TGO"), ("BEN", "046", "TGO")} <= codes("", title="Ghana and Benin pledge cooperation in talks with Togo")
    assert not any(code.startswith("04") for _, code, _ in codes("Ghana believes in talks with Togo."))
    assert not any(code.startswith("04") for _, code, _ in codes(
        "Ghanaian diplomats were too scared to engage in frank talks with Togo, Togo's minister said."))
    assert not any(code.startswith("04") for _, code, _ in codes(
        "", title="Ghana and Togo call for a ceasefire at summit"))


def test_a_states_ally_or_rival_is_another_state(nlp):
    """actors.RELATIONAL_NOUNS: "US ally", "a Ghanaian ally", "Togo's rivals" name other states
    than the one named, however the name modifies the noun; the name after it is the actor."""
    def actors(text):
        return {e.actor for e in extract(nlp, text)}
    assert actors("A Ghanaian ally criticised Togo's decision.") == set()
    assert actors("Togo ally Benin warned Ghana.") == {"BEN"}
    assert "TGO" not in actors("Togo's neighbours condemned the coup in Niger.")


def test_an_object_predicate_after_the_object_judges_it(nlp):
    """judgements.trailing_predicates: "called the move unacceptable" however the parser hangs the
    adjective; and a date is no particle of the verb (clauses.particles_of: "called ... on
    Monday" is no "call on")."""
    found = {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "Ghana called the Togolese move unacceptable on Monday.")}
    assert ("GHA", "111", "TGO") in found and not any(code.startswith("02") for _, code, _ in found)
    assert ("GHA", "02", "TGO") in {(e.actor, e.event_root, e.target) for e in extract(
        nlp, "Ghana called on Togo to withdraw its troops on Monday.")}


def test_a_headline_says_what_its_speaker_did_without_it(nlp):
    """engine._governed_by_event_verb: "Ghana says hit Togolese rebel bases" reports Ghana's own
    strike, as "says it hit" does; a passive with its agent is not the speaker's act."""
    found = {(e.actor, e.event_root, e.target) for e in extract(nlp, "", title="Ghana says hit rebel bases in Togo")}
    assert ("GHA", "19", "TGO") in found
    hit = {(e.actor, e.event_root, e.target) for e in extract(nlp, "", title="Ghana says hit by Togolese drones")}
    assert ("TGO", "19", "GHA") in hit and not any(actor == "GHA" for actor, _, _ in hit)


def test_heading_for_a_downturn_is_no_trip(nlp):
    """additions/verbs.csv: "headed for a recession", "heads for a showdown" go nowhere; "heads for
    Accra" is a trip."""
    def codes(title):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, "", title=title)}
    assert not codes("Togo headed for sharp economic downturn, ratings agency says")
    assert ("TGO", "042", "GHA") in codes("Togo's president heads for Accra")


def test_review_guards_of_the_twenty_seventh_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def codes(title, text=""):
        return {(e.actor, e.event_code, e.target) for e in extract(nlp, text, title=title)}
    # the name after a relational noun is the actor ("Togolese ally Benin"), the modifier is not
    assert ("BEN", "190", "GHA") in codes("Togolese ally Benin attacks Ghana")
    # talks one sees no point in, has no interest in or only could hold were not held
    for title in ["Ghana sees no point in talks with Togo", "Ghana has no interest in talks with Togo",
                  "Ghana could make concessions in talks with Togo", "Ghana puts hopes in talks with Togo"]:
        assert not any(code.startswith("04") for _, code, _ in codes(title)), title
    # taking part in talks is holding them, though an attitude to them is not
    assert ("GHA", "046", "TGO") in codes("Ghana took part in talks with Togo")
    # two who clash during a summit many attend did not meet each other there
    assert not any(code.startswith("04") for _, code, _ in codes("Ghana and Togo clash over budget during summit"))
    # a warning of a market, a disease or the weather is no political news; one of another's
    # attack criticises them (not a threat of the speaker's own)
    for title in ["Ghana's central bank warns of persistent inflation", "Ghana warns of heavy snow in the north",
                  "Ghanaian health officials warn of flu surge"]:
        assert not codes(title), title
    assert ("GHA", "111", "TGO") in codes("Ghana warns of Togolese attack on power grid")
    assert ("GHA", "012", "TGO") in codes("Ghana warned about Togo")
    # "expected" schedules meetings only, and not when no longer expected
    assert not codes("Ghana's president is no longer expected to visit Togo")
    assert not codes("Ghana is expected to retaliate against Togo")
    # a headline's "expected to" an act other than a meeting is what the actor expects to do
    assert ("GHA", "032", "TGO") in codes("Ghana expected to back Togo for AU seat")
    # a headline's reported act without "it": tagged as a base form, or a passive parsed as a clause
    assert ("GHA", "190", "TGO") in codes("Ghana says hit Togolese military bases")
    assert ("TGO", "190", "GHA") in codes("Ghana says attacked by Togolese jets")


def test_a_headline_act_after_a_comma_with_an_object_that_says_more_is_the_subjects_second_act(nlp):
    """"Ghana's minister meets Togo envoy, urges Lomé to reflect": the object has its own
    complement, so the words after the comma are a second act of the headline's subject, not a
    quote's inverted speaker ("Togo attacked first, accuses Ghana")."""
    codes = {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "", title="Ghana's foreign minister meets Togolese envoy, urges Togo to withdraw troops")}
    assert ("GHA", "040", "TGO") in codes and ("GHA", "026", "TGO") not in codes
    assert any(actor == "GHA" and code.startswith("02") and target == "TGO" for actor, code, target in codes)
    inverted = {(e.actor, e.event_root) for e in extract(nlp, "", title="Togo attacked first, accuses Ghana")}
    assert ("GHA", "02") not in inverted and ("GHA", "11") not in inverted


def test_assailing_someone_for_or_over_something_is_criticism(nlp):
    assert ("RUS", "11", "WST") in triples(extract(nlp, "", title="Putin assails West for imposing sanctions"))
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "", title="Ghana assails Togo over border raid"))
    assert ("GHA", "19", "TGO") in triples(extract(nlp, "Ghanaian troops assailed Togolese positions near the border."))


def test_a_headline_names_the_west_without_its_article(nlp):
    """Headlines drop "the": "Putin slams West" is the West; a person's surname is not."""
    assert ("RUS", "11", "WST") in triples(extract(nlp, "", title="Putin slams West for sanctions"))
    assert not any(e.actor == "WST" or e.target == "WST" for e in extract(nlp, "", title="Kanye West slams Adidas"))


def test_a_body_that_votes_to_act_has_done_the_act(nlp):
    assert ("ZAF", "16", "ISR") in triples(extract(
        nlp, "", title="South African lawmakers vote to suspend diplomatic ties with Israel"))
    assert not any(e.event_root == "16" for e in extract(nlp, "", title="Lawmakers will debate whether to suspend ties with Israel"))


def test_taking_part_in_an_event_is_the_event(nlp):
    """"took part in talks with Togo" as "participated in": the "in" phrase is the act and its
    recipient."""
    assert ("GHA", "046", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "", title="Ghana took part in talks with Togo")}
    assert ("RUS", "04", "OSCE") in triples(extract(nlp, "", title="Lavrov to take part in OSCE meeting"))
    assert ("GHA", "06", "TGO") in triples(extract(nlp, "", title="Ghana took part in joint military exercises with Togo"))


def test_what_an_aircraft_can_do_is_no_act_of_its_country(nlp):
    """What a study says a jet can do is a forecast; what a minister says the state may do is a threat."""
    assert not extract(nlp, "", title="Ghana's new jet can find and destroy Togolese tanks, study says")
    assert ("GHA", "13", "TGO") in triples(extract(nlp, "Ghana may close its border with Togo, the foreign minister said."))
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "Ghana closed the border and expelled Togo's diplomats."))


def test_a_non_state_groups_attack_without_arms_of_war_is_an_assault(nlp):
    """GOLD.md: bombings, kidnappings and attacks by non-state groups are 18; their missile,
    rocket and drone strikes and attacks on military positions or ships are military force (19)."""
    assert ("HAMAS", "18", "ISR") in triples(extract(nlp, "Hamas attacked Israel on Saturday."))
    assert ("HAMAS", "18", "ISR") in triples(extract(nlp, "", title="Biden says Hamas attack on Israel aimed to halt thaw"))
    assert ("HOUTHIS", "19", "NOR") in triples(extract(nlp, "", title="Houthi rebels claim missile attack on Norwegian tanker"))
    assert ("HEZBOLLAH", "19", "ISR") in triples(extract(nlp, "Hezbollah attacked Israeli positions with drones."))
    assert ("ISR", "19", "HAMAS") in triples(extract(nlp, "The Israeli army attacked Hamas positions."))


def test_health_workers_on_strike_are_a_crowd_of_their_place(nlp):
    assert ("USA", "14", "USA") in triples(extract(nlp, "", title="Nurses in New York strike over wages"))
    assert ("FRA", "14", "FRA") in triples(extract(nlp, "", title="Doctors in France went on strike"))


def test_going_on_strike_is_a_strike_whoever_goes(nlp):
    """"went on strike" is never a military strike; "went on hunger strike" a hunger strike; "goes
    on the attack against" a rival is no force."""
    codes = {(e.actor, e.event_code) for e in extract(nlp, "", title="The Writers Guild of America went on strike")}
    assert codes and all(code == "143" for _, code in codes)
    assert ("RUS", "142") in {(e.actor, e.event_code) for e in extract(nlp, "", title="Alexei Navalny went on hunger strike")}
    assert ("PSE", "142") in {(e.actor, e.event_code) for e in extract(nlp, "", title="Palestinian prisoners go on a hunger strike")}
    assert not any(e.event_root == "19" for e in extract(nlp, "", title="Ghana's president goes on the attack against Togo"))


def test_the_story_country_a_role_acts_on_by_name_is_not_the_roles_own(nlp):
    """"King and Queen to visit France" in a British outlet's story: France is where the King
    goes, so the King is the outlet's, not France's. A state's own people or bodies ("urged
    Tunisians", "slams Tunisian police") are no such sign: those acts stay at home."""
    from tests.test_outlets import article as outlet_article
    from tests.test_outlets import events
    rows = triples(events(nlp, outlet_article("", source="feeds.skynews.com", title="King and Queen to visit France in September")))
    assert ("GBR", "04", "FRA") in rows and not any(actor == "FRA" for actor, _, _ in rows)
    home = triples(extract(nlp, "The government has urged Tunisians to be vigilant.", title="Five inmates escape from Tunisian prison"))
    assert ("TUN", "02", "TUN") in home


def test_agreeing_to_a_decided_act_is_the_act(nlp):
    """GOLD.md rule 4: what is agreed or decided of the acts news codes as decided (releasing,
    extending a truce, closing a border) is the act; other acts agreed stay intents, and so do
    agreements that only would be or hang on a condition."""
    assert ("ISR", "0841", "PSE") in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "", title="Israel agreed to release 150 Palestinian prisoners")}
    assert ("FIN", "16", "RUS") in triples(extract(nlp, "", title="Finland decided to close its border with Russia"))
    assert ("CHN", "03", "JPN") in triples(extract(nlp, "", title="China and Japan agree to reopen strategic dialogue"))
    for title in ["Israel agreed to release prisoners if Hamas frees hostages",
                  "Israel would agree to release prisoners, official says"]:
        assert not any(root == "08" for _, root, _ in triples(extract(nlp, "", title=title))), title
    assert ("HAMAS", "03", None) in triples(extract(nlp, "", title="Hamas agrees to a deal"))


def test_an_aide_named_by_a_leaders_surname_acts_for_the_leaders_state(nlp):
    """"a Netanyahu adviser", "Erdogan aide": the role serves the leader in office on the date."""
    assert ("ISR", "04", "USA") in triples(extract_on(nlp, dt.date(2023, 12, 27), "", title="Senior Netanyahu adviser meets U.S. officials"))
    assert ("TUR", "04", "GRC") in triples(extract_on(nlp, dt.date(2023, 12, 27), "", title="Erdogan aide meets Greek officials"))


def test_verb_senses_of_the_twenty_eighth_round(nlp):
    """Breaking the ice with someone is meeting them; holding a news conference is speaking;
    resolving to act is an intent; reinforcing the need for an act asks for it, as stressing it does."""
    assert ("CHN", "04", "USA") in triples(extract(nlp, "", title="Xi breaks the ice with Biden in San Francisco"))
    assert ("GHA", "010") in {(e.actor, e.event_code) for e in extract(nlp, "", title="Ghana's president holds annual news conference")}
    assert ("GHA", "03", "TGO") in triples(extract(nlp, "", title="Ghana and Togo resolve to restore ties"))
    assert ("GHA", "02", None) in triples(extract(nlp, "Ghana's foreign minister reinforced the need for collective action."))


def test_a_modifier_before_joined_event_nouns_names_the_agent_of_both(nlp):
    """"Russian missile and drone strikes": "Russian" is the strikes' agent too; "Chinese
    subsidies and a blockade" opens a phrase of its own."""
    assert ("RUS", "19", "UKR") in triples(extract(nlp, "", title="Russian missile and drone strikes shake Kyiv and Odesa"))
    assert not any(e.event_root == "19" for e in extract(
        nlp, "The two sides are at odds over Chinese industrial subsidies and a blockade of a member state."))


def test_an_adjective_after_the_object_is_what_the_verb_finds_it(nlp):
    assert ("POL", "116") in {(e.actor, e.event_code) for e in extract(nlp, "A Polish court found 14 foreigners guilty of spying for Russia.")}


def test_a_headline_that_opens_with_a_command_is_its_speakers_appeal(nlp):
    """"Stop the bombing, Erdogan tells Israel": an appeal to whoever is told; what must happen
    by another's word stays a demand, and a reported act stays the act."""
    assert ("TUR", "02", "ISR") in triples(extract(nlp, "", title="Stop the bombing, Erdogan tells Israel"))
    assert ("GHA", "025", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "", title="Release the hostages now, Ghana's president tells Togo")}
    assert ("GHA", "02", "TGO") in triples(extract(nlp, "", title="Don't attack Lomé, Ghana's president tells Togo"))
    assert ("RUS", "19", "UKR") in triples(extract(nlp, "", title="Russia attacked Kyiv, Zelensky says"))


def test_praise_of_ties_takes_the_partner_the_article_gives(nlp):
    """"meets Togo's president, hails military ties": the ties praised are with Togo."""
    assert ("GHA", "05", "TGO") in triples(extract(nlp, "", title="Ghanaian defence minister meets Togo's president in Lomé, hails military ties"))
    assert not extract(nlp, "", title="Ghanaian defence minister hails military ties")


def test_hitting_a_death_toll_is_no_attack(nlp):
    assert not extract(nlp, "", title="Brazil hits 700,000 virus deaths")


def test_review_guards_of_the_twenty_eighth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def codes(title, text=""):
        return triples(extract_on(nlp, dt.date(2023, 11, 16), text, title=title))
    # a non-state group's bombing is an assault; its attacks on soldiers, or with missiles or
    # rockets however told, are military force
    assert ("SOM", "18", None) in codes("Somali militants attack hotel with car bomb")
    assert ("HAMAS", "19", "ISR") in codes("Hamas attacks Israeli troops in Khan Younis")
    assert ("HEZBOLLAH", "19", "ISR") in codes("Hezbollah kills Israeli soldiers in anti-tank missile attack")
    assert ("HAMAS", "19", "ISR") in codes("Hamas attacked Israel with thousands of rockets")
    assert ("HAMAS", "19", "ISR") in codes("Hamas fighters killed 1,200 people in Israel")  # killing in a war: force
    assert ("SDN", "19", None) not in codes("Rapid Support Forces overwhelm the city and kill civilians")
    assert ("RSF", "19", None) in codes("Rapid Support Forces overwhelm the city and kill civilians")
    # a vote not held, or voters' in a referendum, decides nothing
    for title in ["Lawmakers failed to vote to suspend ties with Israel", "Lawmakers are expected to vote to suspend ties with Israel",
                  "Swiss voters vote to ban face coverings"]:
        assert not codes(title), title
    # the airline is no state; a president urging a country addresses it; a quote's inverted
    # speaker is no second act; a company's adviser is no state's
    assert not codes("Emirates suspends flights to Tel Aviv")
    assert ("NGA", "02", "NGA") in codes("President urges Nigeria to unite after election")
    assert ("IND", "11", "CAN") not in codes("India killed our citizen, accuses Canada in parliament")
    assert not codes("The company's adviser criticised the sanctions")
    # a modifier is shared only by joined means or acts; a vote to formalize an inquiry recognises no one
    assert not codes("The organ had survived the French revolution and WWII bombing")
    assert not any(root == "05" for _, root, _ in codes("The House voted to formalize the impeachment investigation"))
    # not taking part is a refusal; taking part in another group's attacks is their row
    assert ("CHN", "12", None) in codes("China will not take part in Ukraine peace conference")
    assert not any(actor == "IRN" for actor, _, _ in codes("Iranian advisers took part in Houthi attacks on shipping, US says"))


def test_a_passive_the_model_tagged_a_past_tense_names_its_doer(nlp):
    """"Putin praised by China": the small model tags "praised" a past tense with "Putin" its
    subject; the "by" phrase still names the doer, and the subject is whom the act is done to."""
    assert ("CHN", "05", "RUS") in triples(extract(nlp, "", title="Putin praised by China"))
    # a means, or a verb's own "by", names no doer
    assert ("DEU", "04") in {(e.actor, e.event_root) for e in extract(
        nlp, "", title="Germany's chancellor met by video link with Ghana's president")}
    assert ("DEU", "08") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Germany abided by the sanctions regime")}


def test_people_a_state_names_by_a_noun_for_people_are_its_own(nlp):
    """"arrested a 17-year-old boy", "strips the bishop of citizenship": the state's own people (a
    domestic act, coded state to state); people it names by where they come from ("foreigners",
    "crew members", "Central Asian men") or only counts ("detains 5", who may be anyone's) are not."""
    assert ("TGO", "17", "TGO") in triples(extract(
        nlp, "Togolese police have arrested a 17-year-old boy over the attack on a bus near Lomé."))
    assert ("GHA", "17", "GHA") in triples(extract(nlp, "", title="Ghana strips bishop of citizenship"))
    assert ("GHA", "11", None) in triples(extract(nlp, "A Ghanaian court found nine foreigners guilty of spying for Togo."))
    for title in ["Ghana detains 5 after border shooting", "Ghana seizes tanker, detains 23 crew members",
                  "Ghana detains 5 Central Asian men over bombing"]:
        assert not any(target == "GHA" for _, root, target in triples(extract(nlp, "", title=title)) if root == "17"), title


def test_fighting_with_no_other_side_is_among_the_states_own(nlp):
    """A state's clashes told by a noun, or by its forces, with no other side named: a civil
    conflict, state to state. A government's "battle" for a bill, or two politicians' "clash",
    is no fighting at home."""
    assert ("GHA", "19", "GHA") in triples(extract(nlp, "", title="Ghana clashes continue despite truce"))
    assert ("TGO", "19", "TGO") in triples(extract(nlp, "", title="Togo's army and police fought for a second day in Lomé"))
    for title in ["Ghana's government battles to save its budget bill", "Mahama and Bawumia clash after court ruling"]:
        assert not any(target == "GHA" for _, _, target in triples(extract(nlp, "", title=title))), title


def test_a_verb_the_model_tagged_a_noun_is_read_as_a_verb(nlp):
    """A "noun" with a subject and an object, or with two joined subjects and nothing only a
    noun takes, is a headline's verb the model mistagged; a noun with its article is a noun."""
    from spacy.tokens import Doc

    from transforms.extract.clauses import verb_tagged_as_noun
    doc = Doc(nlp.vocab, words=["Ghana", "strips", "citizens", "of", "passports"],
              pos=["PROPN", "NOUN", "NOUN", "ADP", "NOUN"], heads=[1, 1, 1, 2, 3],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj"])
    assert verb_tagged_as_noun(doc[1])
    doc = Doc(nlp.vocab, words=["Ruto", "&", "Museveni", "meet", "in", "Kampala"],
              pos=["PROPN", "CCONJ", "PROPN", "NOUN", "ADP", "PROPN"], heads=[3, 0, 0, 3, 3, 4],
              deps=["nsubj", "cc", "conj", "ROOT", "prep", "pobj"])
    assert verb_tagged_as_noun(doc[3])
    doc = Doc(nlp.vocab, words=["Ruto", "&", "Museveni", "the", "talks"],
              pos=["PROPN", "CCONJ", "PROPN", "DET", "NOUN"], heads=[4, 0, 0, 4, 4],
              deps=["nsubj", "cc", "conj", "det", "ROOT"])
    assert not verb_tagged_as_noun(doc[4])
    from transforms.extract.headlines import headline_text
    title = "Modi, Xi meet as India-China border tensions grind on"
    rows = triples(extract_events(article("", title=title), nlp(headline_text(title)), None, "t"))
    assert {("IND", "04", "CHN"), ("CHN", "04", "IND")} <= rows


def test_stripping_takes_what_is_named_after_of(nlp):
    assert ("GHA", "17") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Ghana strips 12 citizens of passports")}


def test_a_parade_held_is_a_show_of_force_and_a_permit_revoked_a_sanction(nlp):
    """GOLD.md: parades → 15; revoking a permit, a licence or a passport is an administrative sanction (172)."""
    assert ("GHA", "15") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Ghana holds huge military parade in Accra")}
    assert ("TGO", "172") in {(e.actor, e.event_code) for e in extract(nlp, "Togo revoked the opposition leader's travel permit.")}


def test_workers_who_launch_a_strike_stop_work(nlp):
    """subject_senses.csv's strike by working people reaches the noun after a light verb ("nurses
    begin a strike"), unless the strike is on something ("launched a strike on a base")."""
    assert ("KEN", "143") in {(e.actor, e.event_code) for e in extract(nlp, "", title="Kenyan nurses begin three-day strike over pay")}
    assert ("KEN", "19") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Kenyan army launches strike on al-Shabaab base")}


def test_the_aftermath_of_an_act_reports_the_act(nlp):
    """"the aftermath of Ghana's air strike on Togo": what an act left behind is news of it, not
    a reference to a known event as "his role in Ghana's air strike" is."""
    assert ("GHA", "19", "TGO") in triples(extract(nlp, "", title="Photos: the aftermath of Ghana's air strike on Togo"))
    assert not extract(nlp, "", title="His role in Ghana's air strike on Togo")


def test_review_guards_of_the_twenty_ninth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def rows(title):
        return triples(extract(nlp, "", title=title))
    # one side's fighting, at a border or with someone named, is not fought among its own
    for title in ["Ghanaian troops clashed on the border, officials said", "Ghanaian troops clash near Aflao",
                  "Ghanaian troops clash with rebels", "Ghana's army fighting near Aflao receives new tanks"]:
        assert ("GHA", "19", "GHA") not in rows(title), title
    # a parade that is no show of force is no event
    for title in ["Ghana holds Independence Day parade in Accra", "Ghana holds carnival parade in Accra"]:
        assert not any(root == "15" for _, root, _ in rows(title)), title
    # a strike against a policy or a company is a labour strike
    assert ("GHA", "14") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Ghanaian teachers begin strike against tax hikes")}
    assert ("KEN", "14") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Kenyan workers begin strike against Ford")}


def test_review_guards_of_the_thirty_first_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def rows(title):
        return triples(extract(nlp, "", title=title))
    # a crackdown on companies or their goods is a trade measure, not coercion
    for title in ["Ghana's crackdown on Togolese apps widens", "Ghana's crackdown on Chinese electric cars angers Beijing"]:
        assert not any(root == "17" for _, root, _ in rows(title)), title
    # one on foreigners, or abroad, is not on the state's own people
    assert ("GHA", "17", None) in rows("Ghana's crackdown on foreign journalists draws criticism")
    assert ("GHA", "17", "TGO") in rows("Accra's crackdown in occupied Lome intensifies")
    # wanting an outcome asks no one; what is wanted or asked for, even when not, has not happened
    assert rows("Ghana wants Togo to fail") == set()
    assert rows("Ghana does not want Togo to join the bloc") == set()
    assert rows("Ghana did not call for Togo to withdraw its troops") == set()
    assert rows("Nobody is calling for Togo to surrender") == set()
    # a "for" phrase of the verb's own makes the clause a purpose; a passive clause asks its subject
    assert ("GHA", "02", "TGO") not in rows("Ghana asked for time for Togo to prepare the vote")
    assert ("GHA", "02", "TGO") in rows("Ghana calls for Togo to be held accountable")


def test_what_talks_are_on_is_their_topic_not_a_partner(nlp):
    """"arrives in Togo for talks on Ghana's debt": the visit is to Togo; the talks are about Ghana."""
    assert ("NGA", "04", "TGO") in triples(extract(nlp, "", title="Nigeria's president arrives in Togo for talks on Ghana's debt"))


@pytest.mark.parametrize(("title", "expected"), [
    # a headline that only names a statement and its speaker: the speaker's statement
    ("Africa: WHO Director-General's Opening Remarks At the Media Briefing - 19 October 2023", {("WHO", "010", None)}),
    ("Africa: United Nations Day Message - 24 October 2023", {("UN", "010", None)}),
    ("Statement by the Ghanaian Foreign Minister on the Togo Elections", {("GHA", "010", None)}),
    # a joint statement states cooperation, not a speaker's word; a statement named inside
    # another headline, or by no one the tables know, is no such title
    ("Africa: Joint Statement On the Ghana and Togo Action Plan", set()),
    ("Five things to watch in the Ghanaian president's speech", set()),
    ("Africa: Remarks by the Deputy Secretary at the Trade Forum", set()),
])
def test_a_headline_naming_a_statement_is_its_speakers_statement(nlp, title, expected):
    assert {(e.actor, e.event_code, e.target) for e in extract_batch_rows(nlp, "", title=title)} == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a headline's pair of bare participles tells what was done to its subject
    ("Two Israelis shot and killed in the West Bank", set()),
    ("Two Israelis shot and killed in the West Bank, settler leader says", set()),
    ("Journalist detained and beaten by Togolese police", {("TGO", "17", "TGO"), ("TGO", "18", None)}),
    # with an object shared by the pair it is active
    ("Israeli troops shot and killed two Palestinians in Jenin", {("ISR", "19", "PSE")}),
])
def test_a_headlines_pair_of_participles_is_passive(nlp, title, expected):
    assert triples(extract(nlp, "", title=title)) == expected


@pytest.mark.parametrize(("title", "expected"), [
    # a headline with no verb, attributed to its speaker, that judges its subject
    ("US, UK complicit in Ukraine's attack on Russian city – Moscow", ("RUS", "112", "USA")),
    ("Kyiv complicit in the attack – Moscow", ("RUS", "112", "UKR")),
])
def test_a_verbless_attributed_judgement_accuses_its_subject(nlp, title, expected):
    assert expected in {(e.actor, e.event_code, e.target) for e in extract_batch_rows(nlp, "", title=title)}


def test_objecting_to_a_proposal_rejects_it(nlp):
    codes = {e.event_code for e in extract(nlp, "", title="China objects to US proposal for APEC trade policies")}
    assert codes == {"120"}
    assert {e.event_code for e in extract(nlp, "Ghana objected to the Togolese invasion.")} == {"110"}
    assert {e.event_code for e in extract(nlp, "Hungary opposes the EU proposal on migration quotas.")} >= {"120"}


def test_a_junta_is_never_the_outlets_own_government(nlp):
    """The outlet's home frames "the government", never "the junta" or "the regime"."""
    art = article("The junta arrested two opposition leaders.")._replace(source="feeds.bbci.co.uk")
    assert not any(e.actor == "GBR" for e in extract_events(art, nlp(art.title), nlp(art.text), "test"))
    art = article("The military rulers arrested two opposition leaders.")._replace(source="feeds.bbci.co.uk")
    assert not any(e.actor == "GBR" for e in extract_events(art, nlp(art.title), nlp(art.text), "test"))
    art = article("The government arrested two opposition leaders.")._replace(source="feeds.bbci.co.uk")
    assert any(e.actor == "GBR" for e in extract_events(art, nlp(art.title), nlp(art.text), "test"))


@pytest.mark.parametrize(("title", "expected"), [
    # the people an attack killed, when they are named by their country, are its target
    ("Ukrainian writer killed in Russian missile attack", ("RUS", "19", "UKR")),
    ("A Ghanaian father was killed in a Togolese drone strike", ("TGO", "19", "GHA")),
    ("Two Israeli soldiers died in a Hezbollah attack", ("HEZBOLLAH", "18", "ISR")),
])
def test_the_victims_of_an_attack_named_by_a_noun_are_its_target(nlp, title, expected):
    assert expected in triples(extract(nlp, "", title=title))
    # the strike that killed them names its own object
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "", title="Togolese drone strike kills Ghanaian farmers"))


def test_what_is_repatriated_is_returned(nlp):
    assert ("USA", "084", "PSE") in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "", title="U.S. Officials Repatriate a Looted Relic to the Palestinian Authority")}
    # people repatriated are a matter of their own (a return of prisoners keeps its code)
    assert extract(nlp, "", title="Canada repatriating 14 citizens from detention camps in Syria") == []
    assert extract(nlp, "", title="China repatriates North Korean defectors") == []  # people, not goods
    assert {e.event_code for e in extract(nlp, "", title="Nigeria repatriates 300 prisoners from Ghana")} == {"0841"}


def test_review_guards_of_the_thirty_second_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def rows(text, title=""):
        return {(e.actor, e.event_code, e.target) for e in extract_batch_rows(nlp, text, title=title)}
    # an -ing clause of accusing or urging hung on what is said stays the reported subject's when
    # the speaker only reports, or it addresses no one but the speaker
    assert ("RUS", "112", "UKR") in rows("Officials said Russian negotiators walked out of the meeting, accusing Ukraine of bad faith.")
    assert ("HAMAS", "020", "ISR") in rows("Reports said Hamas had accepted the proposal, urging Israel to do the same.")
    assert ("TALIBAN", "112", "PAK") in rows(
        "Pakistani officials said Afghan Taliban fighters attacked a border post, accusing Pakistan of harbouring militants.")
    assert not any(actor == "LBN" for actor, _, _ in rows(
        "Lebanese officials said Hezbollah fired rockets at northern Israel, saying it was retaliating for strikes."))
    # a statement's title names its speaker itself: not the story's country, not a meeting, not "no statement"
    for title in ["Statement from the Press Secretary on the Situation in Haiti", "No statement from Moscow on the drone attack",
                  "Trilateral Statement by Japan, South Korea and the US", "Ukraine Peace Summit Statement",
                  "A message from Ukraine's front line"]:
        assert rows("", title) == set(), title
    # complicit in genocide is the genocide accusation (1124), with whom it accuses
    assert ("NIC", "1124", "DEU") in rows("", "Germany complicit in genocide in Gaza – Nicaragua")
    assert ("POL", "112", "RUS") in rows("", "Russian embassy complicit – Polish minister")
    assert ("RUS", "190", "UKR") in rows("", "Ukrainian civilians killed in Russian offensive")
    # a double hyphen without a source's tag before it is a parenthesis, not a dateline
    assert ("ISR", "190", "LBN") in rows("Israel -- facing growing pressure -- struck targets in southern Lebanon overnight.")


@pytest.mark.parametrize(("title", "expected"), [
    # naming what the object is wins over calling on someone or for something
    ("France calls Israeli strike on the French institute in Gaza incomprehensible", ("FRA", "111", "ISR")),
    ("Ghana called the Togolese general a criminal", ("GHA", "1121", "TGO")),
    # a call on someone, or for something, stays one, quoted words or not
    ("Ghana calls on Togo to withdraw its troops", ("GHA", "025", "TGO")),
    ("China's top diplomat calls for 'major countries' to be fair and impartial", ("CHN", "020", None)),
])
def test_naming_what_the_object_is_is_no_call_on_anyone(nlp, title, expected):
    assert expected in {(e.actor, e.event_code, e.target) for e in extract_batch_rows(nlp, "", title=title)}


def test_review_guards_of_the_thirty_second_round_second_review(nlp):
    """What the second review of this round's rules found wrong, each now as it should be."""
    def rows(text, title=""):
        return {(e.actor, e.event_code[:2], e.target) for e in extract_batch_rows(nlp, text, title=title)}
    # the speaker's -ing clause on what is said, addressed to someone else, is the speaker's
    assert ("ARM", "02", "RUS") in rows("Armenia said Azerbaijani troops had shelled its villages, urging Russia to intervene.")
    assert ("GHA", "11", "TGO") in rows("Ghanaian officials said Togo had closed the border, accusing Lome of breaking the treaty.")
    assert ("HAMAS", "10", None) in rows("Israeli officials said Hamas fighters stormed the border fence, demanding the release of prisoners.")
    # a naming verb's own senses stay: "finds innocent", "calls off", "calls up"
    assert ("KEN", "08", "KEN") in rows("A Kenyan court found the opposition leader innocent of treason.")
    assert ("ARM", "16", "CSTO") in rows("", "Armenia calls off CSTO drills – Armenian official")
    # soldiers killed in the other side's assault are its target
    assert ("RUS", "19", "UKR") in rows("", "Ukrainian soldiers killed in Russian assault on Avdiivka")
    # a crackdown on a people of the state's own is on the state's own people
    assert ("CHN", "17", "CHN") in rows("", "China cracks down on Uyghur Muslims")
    # a plan objected to is rejected (120), not a settlement refused (127)
    assert {e.event_code for e in extract_batch_rows(nlp, "", title="China objects to Japan's plan to release water")} == {"120"}


@pytest.mark.parametrize(("text", "expected"), [
    # a verb that says again what was said takes its object's act ...
    ("Ghana reiterated its condemnation of Togo.", ("GHA", "11", "TGO")),
    ("Ghana repeated its criticism of Togo's border closure.", ("GHA", "11", "TGO")),
    ("Ghana reaffirmed its denunciation of the Togolese coup.", ("GHA", "11", "TGO")),
    # ... and, with no event noun for object, stays the statement it is
    ("Ghana reiterated its position on Togo.", ("GHA", "01", "TGO")),
])
def test_a_repeating_verb_takes_the_act_its_object_names(nlp, text, expected):
    assert expected in triples(extract(nlp, text))


def test_echoing_someone_is_no_statement(nlp):
    assert extract(nlp, "", title="Ghanaian opposition leader's speech echoes Togolese rhetoric") == []


@pytest.mark.parametrize(("title", "expected"), [
    ("Togo claims village near Ghanaian border town", ("TGO", "19", "GHA")),
    ("Togo targets Ghana's Volta region after lengthy calm", ("TGO", "19", "GHA")),
    ("Togo wants Ghana's support", ("TGO", "02", "GHA")),
    ("The head of the UN nuclear watchdog met officials in Ghana", ("IAEA", "04", "GHA")),
])
def test_claims_targets_wants_and_heads(nlp, title, expected):
    assert expected in triples(extract(nlp, "", title=title))


def test_what_a_claim_and_a_target_do_not_take(nlp):
    # a title, a seat or a campaign's audience is no territory
    assert not any(code.startswith("19") for _, code, _ in triples(extract(nlp, "", title="Togo claims town council seat")))
    assert not any(code.startswith("19") for _, code, _ in triples(
        extract(nlp, "", title="Ghana's ruling party targets voters in the capital")))


def test_equipment_given_is_military_aid(nlp):
    codes = {(e.actor, e.event_code, e.target) for e in extract(nlp, "Ghana gave Togo military equipment worth $60m.")}
    assert ("GHA", "072", "TGO") in codes
    # giving up one's arms is no aid to anyone
    assert "072" not in {e.event_code for e in extract(nlp, "The Togolese rebels gave up their equipment.")}


def test_help_that_names_the_act_helped_is_no_aid(nlp):
    # help that names no one helped: the act helped is its own clause ...
    assert not any(code.startswith("07") for code in {e.event_code for e in extract(
        nlp, "Ghana helped carry out the raid on the rebel camp in Togo.")})
    assert not any(code.startswith("07") for code in {e.event_code for e in extract(
        nlp, "", title="Ghana helps thwart a plot in Togo")})
    # ... help given to someone is aid, whatever it is for
    assert ("GHA", "07", "TGO") in triples(extract(nlp, "Ghana helped Togo after the floods."))
    assert ("GHA", "07", "TGO") in triples(extract(nlp, "Ghana helped Togo rebuild the port."))


def test_military_objectives_destroyed_are_force_and_officials_dismissed_no_rejection(nlp):
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "", title="Ghanaian tunnels destroyed by Togolese army"))
    assert not any(e.event_root == "12" for e in extract(nlp, "", title="Togolese president dismisses army chief"))
    assert ("GHA", "01", "TGO") in triples(extract(nlp, "Ghana dismissed Togo's claim."))


def test_an_apology_is_news_without_a_recipient(nlp):
    assert ("GHA", "055", None) in {(e.actor, e.event_code, e.target) for e in extract(
        nlp, "Ghana apologized for the remarks.")}


def test_an_offer_of_something_that_is_no_act_is_no_intent(nlp):
    # rewards, a glimpse, an overview: no offer of cooperation
    assert extract(nlp, "", title="Togo offers cash rewards for information on five Ghanaian activists") == []
    assert extract(nlp, "Ghana's president offered a broad overview of the war with Togo.") == []
    # a deal, talks or aid offered still are
    assert ("GHA", "03", "TGO") in triples(extract(nlp, "Ghana offered Togo a deal."))
    assert ("GHA", "033", "TGO") in {(e.actor, e.event_code, e.target) for e in extract(nlp, "Ghana offered Togo more aid.")}
    assert ("GHA", "03", None) in triples(extract(nlp, "Ghana offered to mediate."))


@pytest.mark.parametrize(("text", "root"), [
    # a warning to no one of what another actor does or risks now is a comment, not a threat ...
    ("Ghana warned that Benin now risks losing the support of its neighbours.", "01"),
    # ... what the other will suffer, or what the speaker will do, is a threat
    ("Ghana warned that Togo would pay a heavy price.", "13"),
    ("Ghana warned that it would treat Togolese boats as targets.", "13"),
])
def test_a_warning_of_what_another_does_now_is_a_comment(nlp, text, root):
    assert {e.event_root for e in extract(nlp, text) if e.actor == "GHA"} == {root}


def test_speaking_with_no_one_is_a_statement_not_a_meeting(nlp):
    assert {e.event_root for e in extract(nlp, "Ghana's president spoke on state television about Togo.")} == {"01"}
    assert ("GHA", "04", "TGO") in triples(extract(nlp, "Ghana's president spoke with the Togolese president."))


def test_a_disaster_the_tagger_read_as_a_headlines_verb_is_nobodys_act(nlp):
    assert extract(nlp, "", title="Ghana landslides kill 10, rescuers search for 42 missing") == []
    assert ("TGO", "19", "GHA") in triples(extract(nlp, "", title="Togolese strikes kill 10 in Ghana"))


def test_review_guards_of_the_thirty_third_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def roots(text, title=""):
        return {(e.actor, e.event_root, e.target) for e in extract(nlp, text, title=title)}
    # offers of things still are offers; only what is no act (rewards, an overview) is not
    assert ("GHA", "03", "TGO") in roots("Ghana offered Togo more tanks.")
    assert ("GHA", "03", "TGO") in roots("Ghana offered Togo safe passage.")
    # targeting a place named by a name is force; a kind of place with sanctions or a plan is not
    assert not any(r[1] == "19" for r in roots("", title="Ghana targets Togolese regions with new sanctions"))
    assert not any(r[1] == "19" for r in roots("", title="Ghana targets 100 cities for smart city project"))
    assert ("TGO", "19", "GHA") in roots("", title="Togo targets Ghana's capital with drones")
    # two leaders who spoke spoke with each other
    assert {("GHA", "04", "TGO"), ("TGO", "04", "GHA")} <= roots("The Ghanaian and Togolese presidents spoke on the phone.")
    # what another is warned it faces is a threat
    assert ("GHA", "13", None) in roots("Ghana warned that Togo faces devastating consequences.")
    # help with a pair the verb table codes, or help to the one whose act it is, stays
    assert any(r[:2] == ("GHA", "04") for r in roots("Ghana helped negotiate a ceasefire between Togo and Benin."))
    assert ("GHA", "07", "TGO") in roots("Ghana helps fund Togo's air defence.")
    # wanting to do something, or wanting none of it, asks no one
    assert not any(r[1] == "02" for r in roots("Ghana wants to support Togo."))
    assert not any(r[1] == "02" for r in roots("Ghana wants no investment from Togo."))
    # echoed concerns are a statement; one's own weapons destroyed no force; medical equipment no arms
    assert ("GHA", "01", "TGO") in roots("Ghana echoed Togolese concerns about the border.")
    assert not any(r[1] == "19" for r in roots("Ghana destroyed its chemical weapons under UN supervision."))
    assert "072" not in {e.event_code for e in extract(nlp, "Ghana gave Togo medical equipment.")}
    # an apology by someone only the outlet frames is no row
    art = article("The minister apologised for the remarks.")._replace(source="feeds.bbci.co.uk")
    assert extract_events(art, nlp(art.title), nlp(art.text), "test") == []


def test_a_leaders_arrest_named_by_surname_is_done_to_the_leader(nlp):
    """nominal._person_possessor: "Trump's Georgia arrest" (the tagger makes "Trump" an
    organisation) is an arrest of Trump, not by him; a leader's act with an object is still
    theirs."""
    assert extract_batch_rows(nlp, "", title="Trump's Georgia arrest reduces Republican rivals to a sideshow") == []
    assert ("TUR", "17") in {(e.actor, e.event_root) for e in extract(nlp, "Erdogan's arrest of journalists drew protests.")}


@pytest.mark.parametrize("text", [
    "Ghana hopes Togo will reopen the border.",
    "Ghana fears Togo will close the border.",
    "The Kremlin hopes the US Congress will block aid to Ukraine.",
])
def test_what_someone_hopes_or_fears_another_will_do_is_no_event(nlp, text):
    """clauses.wished_for: the clause of another's act under hope, wish, want, fear or pray."""
    assert not any(e.actor in ("TGO", "USA") for e in extract(nlp, text))


def test_what_one_hopes_to_do_oneself_stays_an_intent(nlp):
    assert ("GHA", "03", "TGO") in {(e.actor, e.event_root, e.target)
                                    for e in extract(nlp, "Ghana hopes it will sign a trade deal with Togo.")}


def test_what_the_press_says_another_can_do_is_no_act(nlp):
    """engine._others_possibility: a newspaper's word of what a weapon can do is a forecast, as a
    study's is; the side's own minister's is a threat (engine: reported_possibility, as_intent)."""
    assert not extract(nlp, "Togo's new missile can destroy Ghanaian tanks, the newspaper reported.")
    own = {(e.actor, e.event_root) for e in extract(nlp, "Togo's new missile can destroy Ghanaian tanks, "
                                                         "the Togolese defence minister said.")}
    assert own == {("TGO", "13")}


def test_what_a_speaker_says_it_can_do_is_held_out(nlp):
    """coding._possible_own_act: "said it can close the border" is a threat, not a closure."""
    assert {(e.actor, e.event_root) for e in extract(nlp, "Ghana said it can close the border with Togo within hours.")} \
        == {("GHA", "13")}


def test_a_quote_opened_after_a_name_is_no_possessive(nlp):
    """nominal._quoted_not_possessive: "killed in Togo 'revenge attacks'" names no attacker."""
    assert extract_batch_rows(nlp, "", title="Mother of three boys killed in Togo 'revenge attacks' detained in Benin") == []
    assert ("TGO", "19") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Togo's 'ritual killings' of Ghanaians")}


def test_who_made_a_thing_is_not_who_it_is_done_to(nlp):
    """targets._maker: "French-made armoured vehicles" are not France's."""
    rows = extract_batch_rows(nlp, "", title="Togolese troops destroy French-made armoured vehicles")
    assert {(e.actor, e.event_root, e.target) for e in rows} == {("TGO", "19", None)}


def test_a_demonym_before_a_groups_name_is_the_groups(nlp):
    """nominal._agent: "Afghan Taliban raid" is the Taliban's raid, not Afghanistan's."""
    rows = extract_batch_rows(nlp, "", title="Afghan Taliban raid kills five ISIS fighters near Herat")
    assert {e.actor for e in rows} == {"TALIBAN"}


def test_a_headline_that_is_a_participles_noun_tells_the_act(nlp):
    """engine._verb_candidates: "Two Ghanaian fishermen freed by Togo" is the release; the same
    participle deep in a headline about something else stays a description."""
    assert ("TGO", "08", "GHA") in {(e.actor, e.event_root, e.target)
                                    for e in extract_batch_rows(nlp, "", title="Two Ghanaian fishermen freed by Togo")}
    assert extract_batch_rows(nlp, "", title="Families of two Ghanaian fishermen freed by Togo speak out") == []


def test_korea_as_wire_headlines_abbreviate_it(nlp):
    assert {(e.actor, e.target) for e in extract_batch_rows(nlp, "", title="S.Korea, N.Korea hold talks at border")} \
        == {("KOR", "PRK"), ("PRK", "KOR")}


@pytest.mark.parametrize("title", [
    "British Museum asks Ghana to return gold",
    "Foreign Correspondents' Club of Togo condemns Ghana's arrest of journalists",
])
def test_a_civil_body_named_after_its_country_is_not_the_state(nlp, title):
    """actors.CIVIL_BODY_NOUNS: a museum, a club, a university of a country acts for no state."""
    assert not any(e.actor in ("GBR", "TGO") for e in extract_batch_rows(nlp, "", title=title))


@pytest.mark.parametrize("title", [
    "Macron's visit to Togo was cancelled",
    "French president's Ghana visit postponed after protests",
    "Ghana-Togo talks cancelled",
])
def test_an_event_called_off_did_not_happen(nlp, title):
    """nominal._called_off, now for every event noun and for a headline's passive without "was"."""
    assert not any(e.event_root == "04" for e in extract_batch_rows(nlp, "", title=title))


def test_withdrawing_what_one_said_is_no_expulsion(nlp):
    assert not any(e.event_root == "16" for e in extract_batch_rows(nlp, "", title="Togolese state media withdraw reports of troop movements"))
    assert ("TGO", "16", "GHA") in {(e.actor, e.event_root, e.target)
                                    for e in extract_batch_rows(nlp, "", title="Togo withdraws its ambassador from Ghana")}


def test_review_guards_of_the_thirty_fourth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def rows(title, text=""):
        return {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, text, title=title)}
    # a place whose name is also a monarch's is no person; a leader's deployment is still his state's
    assert ("BEL", "17") in {r[:2] for r in rows("Belgium's ban hits Togolese timber")}
    assert ("KEN", "15") in {r[:2] for r in rows("Ruto's Haiti deployment begins")}
    # a person's arrest by someone named is that someone's act
    assert ("TGO", "17") in {r[:2] for r in rows("Mahama's arrest by Togolese police shocks supporters")}
    # what the wisher's own side is hoped to do is its intent; one's own press forecasts, threatens no one
    assert ("GHA", "03", "TGO") in rows("Ghana hopes its president will visit Togo next month")
    assert rows("Togo can hit any Ghanaian city, Togolese newspaper reports") == set()
    # a maker is a partner when one buys or signs for what it made
    assert ("TGO", "05", "FRA") in rows("Togo signs deal for French-made tanks")
    assert ("TGO", "19", None) in rows("Togo destroys French-made tanks near Kara")
    # a fleet named after its state; support told as what a noun is stays no news
    assert ("RUS", "19", "UKR") in rows("Russian Black Sea Fleet blockade of Odesa ports tightens")
    assert rows("Rebels backed by Togo") == set()
    # a Red Cross society is the Red Cross, not the state
    assert ("ICRC", "11", "TGO") in rows("Ghanaian Red Cross Society accuses Togo of killing paramedics")
    # what was only put off may still happen
    assert ("TGO", "19", None) in rows("Togolese strikes, delayed by bad weather, resumed on Monday")
    assert ("IRN", "04", "EGY") in {(e.actor, e.event_root, e.target) for e in extract(
        nlp, "Iranian Foreign Minister Araghchi's visit to Cairo, postponed last week, took place on Sunday.")}
    # withdrawing a territorial claim is no statement
    assert not any(r[1] == "01" for r in rows("Morocco withdraws claim to Western Sahara"))


@pytest.mark.parametrize("title,expected", [
    ("Togolese warship sails through the Gulf of Guinea near Ghana", ("TGO", "15")),
    ("Togolese troops patrol the border with Ghana", ("TGO", "15")),
    ("Ghanaian troops drill on an island near Togo", ("GHA", "15")),
    ("Togolese aircraft carrier arrives in Ghanaian port", ("TGO", "15")),
    ("Togolese aircraft carrier Mono arrives in the Gulf of Guinea", ("TGO", "15")),
    ("In Benin, Togolese troops train close to the Ghanaian border", ("TGO", "15")),
])
def test_a_military_unit_that_moves_shows_force(nlp, title, expected):
    """military_moves.csv and subject_senses.csv: a warship that sails or arrives, troops that
    patrol, drill or train show force (150); a leader who arrives visits."""
    assert expected in {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title=title)}


def test_what_moves_without_soldiers_shows_no_force(nlp):
    assert extract_batch_rows(nlp, "", title="Ghanaian rescuers drill towards trapped miners") == []
    assert extract_batch_rows(nlp, "", title="Togolese sailing team sails to victory") == []
    assert extract_batch_rows(nlp, "", title="Togolese weightlifter trained for a month before the games") == []
    assert {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title="Togolese president arrives in Ghana")} \
        == {("TGO", "04")}


@pytest.mark.parametrize("title", [
    "Togo says Ghana's ceasefire offer is just a ploy",
    "Ghanaian minister calls Togo's border plan 'a smokescreen'",
    "Togo says Ghana's border plan is a publicity stunt",
])
def test_words_of_scorn_no_sentiment_lexicon_rates_are_criticism(nlp, title):
    """judgements.csv: "a ploy", "a stunt", "a smokescreen" condemn what they name."""
    assert "11" in {e.event_root for e in extract_batch_rows(nlp, "", title=title)}


@pytest.mark.parametrize("title,actor", [
    ("Togolese president sacks interior minister over protest comments", "TGO"),
    ("Ghana fires army chief after border clash", "GHA"),
])
def test_dismissing_an_official_is_disapproval_not_force(nlp, title, actor):
    """verbs.csv: fire, sack or dismiss a person is disapproval (110), never an attack."""
    rows = {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title=title)}
    assert (actor, "11") in rows and not any(root == "19" for _, root in rows)


def test_pushing_back_troops_is_force_and_pushing_back_on_words_is_rejection(nlp):
    """verbs.csv: "pushed back Russian warships" repels them (190); "pushes back against claims"
    rejects (120)."""
    assert ("GHA", "19") in {(e.actor, e.event_root) for e in extract(nlp, "Ghana has pushed back Togolese warships near the coast.")}
    assert ("TGO", "12") in {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title="Togo pushes back against Ghana's claims")}


def test_a_terror_attack_is_an_assault(nlp):
    """nominal_events.csv: "terror attacks", "terrorist attack" are assaults (180), not military force."""
    rows = {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title="Number of Togolese terror attacks on Ghanaian border towns revealed")}
    assert ("TGO", "18") in rows and ("TGO", "19") not in rows


@pytest.mark.parametrize("title,actor", [
    ("Al-Shabab group attacks Somali army base", "AL_SHABAAB"),
    ("Islamic State group claims attack on Syrian army base", "ISIL"),
])
def test_a_bodys_name_before_group_is_the_body(nlp, title, actor):
    """actors.BODY_NOUNS: "the Islamic State group" is the group; "a Russian group" no state."""
    assert actor in {e.actor for e in extract_batch_rows(nlp, "", title=title)}
    assert extract_batch_rows(nlp, "", title="Togolese group attacks Ghanaian army base") == []


@pytest.mark.parametrize("title,expected", [
    ("Ghana boosts military aid to Togo", ("GHA", "07", "TGO")),
    ("Saudi relief agency distributes winter clothing coupons for Palestinian refugees", ("SAU", "07", "PSE")),
    ("Togo secures Ghana gas deal", ("TGO", "05", "GHA")),
    ("Togolese forces advancing on Ghanaian town from all sides", ("TGO", "19", "GHA")),
])
def test_common_news_verbs_the_dictionary_lacked(nlp, title, expected):
    """verbs.csv: boosting aid is aid, distributing clothing is relief, securing a deal agrees it,
    advancing on a town is force."""
    assert expected in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}


@pytest.mark.parametrize("title,expected", [
    ("Ghanaian navy sinks Togolese patrol boats in the Gulf of Guinea", ("GHA", "19")),
    ("Togolese delegate punches Ghanaian minister at summit", ("TGO", "18")),
])
def test_sinking_ships_is_force_and_punching_an_assault(nlp, title, expected):
    assert expected in {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title=title)}
    assert extract_batch_rows(nlp, "", title="Togolese shares sink as economy slows") == []


@pytest.mark.parametrize("title,expected", [
    ("Ghana to increase weapons deployment to counter Togo", ("GHA", "15")),
    ("Togo to impose visa bans on Ghanaian officials", ("TGO", "17")),
])
def test_a_deployment_or_a_coercion_announced_is_the_act(nlp, title, expected):
    """cameo.csv, column announced: force posture (15) and coercion (17) decided for the future are
    the act, as closing a border (16) is; unless it hangs on a condition."""
    rows = {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title=title)}
    assert expected in rows and (expected[0], "13") not in rows
    assert (expected[0], "13") in {(e.actor, e.event_root) for e in extract_batch_rows(
        nlp, "", title=title + " if talks fail")}


def test_review_guards_of_the_thirty_fifth_round(nlp):
    """What a review of this round's rules found wrong, each now as it should be."""
    def rows(title):
        return {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}
    # slapping export controls is no assault; punching a person is
    assert not any(r[1] == "18" for r in rows("Togo slaps export controls on Ghanaian cocoa"))
    # firing at officers is force, firing an officer is not
    assert ("TGO", "19", "GHA") in rows("Togolese troops fire at Ghanaian police officers near Aflao")
    # a general or troops who arrive visit or help; a warship that arrives shows force
    assert not any(r[1] == "15" for r in rows("Togolese army chief arrives in Accra for an official visit"))
    assert not any(r[1] == "15" for r in rows("Togolese troops arrive in Ghana to help flood rescue"))
    # troops who train recruits give military aid, not an exercise
    assert ("TGO", "07", "GHA") in rows("Togolese troops train Ghanaian recruits")
    # advancing on a trade deal is no attack; on a town it is
    assert not any(r[1] == "19" for r in rows("Togo advances on trade deal with Ghana"))
    # what is decided in retaliation or in response is held out as a threat
    assert ("TGO", "13") in {r[:2] for r in rows("Togo will seize Ghanaian ships in retaliation, minister says")}
    assert ("TGO", "15") in {r[:2] for r in rows("Togo to deploy rapid response force to the Ghanaian border")}
    # pushing back a planned offensive delays it; firing a coach is sport
    assert not any(r[1] == "19" for r in rows("Togo pushed back its planned offensive by several weeks"))
    assert rows("Togo fires coach after World Cup exit") == set()


def test_a_vice_president_is_named_by_surname_alone_as_a_leader_is(nlp):
    """ontology.LEADER_ROLES: "Harris declares" in 2023 is the US vice president; in 2024, when
    Ireland's prime minister was a Harris too, the surname names no one. A minister sharing a
    former prime minister's surname stays unnamed ("Blair warns ..." in 2024 is not Canada's Bill Blair)."""
    def rows(title, on):
        art = article("", title=title)._replace(date=on)
        return triples(extract_events(art, nlp(art.title), None, "test"))
    assert ("USA", "11", "RUS") in rows("Russia has committed war crimes in Ukraine, Harris declares", dt.date(2023, 2, 18))
    assert rows("Harris visits Ghana", dt.date(2024, 6, 1)) == set()
    assert rows("Blair warns Israel over Gaza offensive", dt.date(2024, 6, 1)) == set()


@pytest.mark.parametrize("title,expected", [
    ("Ghana says Togo uses hospitals as human shields", ("GHA", "11", "TGO")),
    ("Ghana says Togo has enlisted foreign mercenaries to undermine its army", ("GHA", "11", "TGO")),
    ("Ghana says Togo hacked its election commission", ("GHA", "11", "TGO")),
])
def test_saying_another_actor_undermines_or_uses_shields_accuses_it(nlp, title, expected):
    """wrongdoing_verbs.csv, wrongful_manners.csv: "undermines", "hacked", or anything done "as
    human shields", said of another actor, allege a wrong (112); using a loan is none, and a
    reported attack is the attack (GOLD.md rule 4), not an accusation."""
    assert expected in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}
    for benign in ("Ghana says Togo will use the loan to build roads",
                   "Ghana says Togo harmed its soldiers with drones"):
        assert not any(e.event_root == "11" for e in extract_batch_rows(nlp, "", title=benign)), benign


@pytest.mark.parametrize("title,expected", [
    ("Togo quits defence pact with Ghana", ("TGO", "16", "GHA")),
    ("Togo pulls out of grain deal with Ghana", ("TGO", "16", "GHA")),
    ("Togo ditches the energy charter treaty", ("TGO", "16", None)),
    ("Togolese president talking to Ghana over threat to cocoa exports", ("TGO", "04", "GHA")),
    ("Ghana sends firefighters to Togo", ("GHA", "07", "TGO")),
])
def test_quitting_a_treaty_and_talking_over_a_threat(nlp, title, expected):
    """verbs.csv: quitting, ditching or pulling out of a pact reduces relations (not a troop
    pull-out); talking over a dispute is talks, not yielding; sending firefighters is relief.
    Leaving a summit without a deal is none of these."""
    assert expected in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}
    assert not any(e.event_root == "16" for e in extract_batch_rows(
        nlp, "", title="Togolese president leaves Accra summit without a deal"))


def test_what_is_no_actor_or_no_force(nlp):
    """A fight in court is a lawsuit (no_news._in_court); "La Liga" is Spain's football league,
    not the alias of a Mexican guerrilla of the 1970s (tools/build_tables.py: a name whose only
    content word is a generic word in another language names no one); water bombers put out fires."""
    assert not any(e.event_root == "19" for e in extract_batch_rows(
        nlp, "", title="Togo is fighting the Ghanaian government in court"))
    assert any(e.event_root == "18" for e in extract_batch_rows(
        nlp, "", title="Togolese police beat opposition lawyers in court in Lome"))
    assert extract_batch_rows(nlp, "", title="La Liga to request more sanctioning powers over racism") == []
    assert not any(e.event_root == "15" for e in extract_batch_rows(
        nlp, "", title="Ghana sends water bombers to help fight wildfires in Togo"))


def test_a_quoted_command_before_the_speaker_is_asked_of_others(nlp):
    """clauses.fronted_command: "'Release the hostages,' Biden says", parsed with the command as
    the speech verb's complement, is an appeal, not the speaker releasing anyone."""
    art = article("", title="'Release the hostages,' Biden says")._replace(date=dt.date(2023, 8, 15))
    rows = triples(extract_events(art, nlp(art.title), None, "test"))
    assert ("USA", "02", None) in rows and not any(root == "08" for _, root, _ in rows)


def test_not_ready_to_talk_refuses_and_not_ready_to_fight_does_not(nlp):
    """clauses.is_refusal: "is not ready, willing or prepared to" do what the tables code as
    cooperation refuses it (12); "not ready to fight" says what an army can do, and "not ready
    to comment" refuses nothing."""
    assert ("GHA", "12", "TGO") in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Ghana is not ready to talk to Togo")}
    assert extract_batch_rows(nlp, "", title="Togo's army is not ready to fight") == []
    assert not any(e.event_root == "12" for e in extract_batch_rows(
        nlp, "", title="Ghana is not ready to comment on reports of a coup attempt in Togo"))
    assert not any(e.event_root == "12" for e in extract_batch_rows(
        nlp, "", title="Ghana is not only ready to talk but willing to sign a deal with Togo"))


def test_an_attack_a_year_before_is_a_reference_and_days_before_news(nlp):
    """nominal._measured_from: months or years after an invasion count time from it; days
    after a raid, the coders code the raid as news."""
    assert extract_batch_rows(nlp, "", title="Togolese refugees still waiting one year after Ghanaian invasion") == []
    assert ("GHA", "19", "TGO") in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Cocoa hits highest in months after Ghanaian missile attack on Togo")}
    assert ("GHA", "19", "TGO") in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Two killed days after Ghanaian raid on Lome")}


@pytest.mark.parametrize("title,expected", [
    ("Ghanaian president, on Togo trip, calls for calm", ("GHA", "04", "TGO")),
    ("Ghanaian navy chased away a Togolese vessel", ("GHA", "15", "TGO")),
    ("Togo seeks closer ties with Ghana", ("TGO", "03", "GHA")),
    ("The African Union readmits Togo", ("AU", "05", "TGO")),
])
def test_trips_told_beside_the_subject_ships_driven_off_and_ties_sought(nlp, title, expected):
    """nominal._verb_above: a trip the phrase hangs on the subject for is the subject's (on the
    object it may be the object's); verbs.csv: driving, chasing or warning away a warship shows
    force (a migrant boat driven away is no show of force), seeking ties or trade is an intent to
    cooperate, not an appeal; readmitting a member cooperates."""
    assert expected in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}
    assert not any(e.event_root == "04" for e in extract_batch_rows(
        nlp, "", title="China slams US lawmakers on Taiwan trip"))
    assert not any(e.event_root == "15" for e in extract_batch_rows(
        nlp, "", title="Ghanaian navy drives away boat carrying Togolese refugees"))


def test_what_is_demanded_refused_or_feared_has_not_happened(nlp):
    """engine._unrealized: a demand whose maker the gazetteer cannot name still asks for what
    it governs ("activists demand ..."), a refusal governs through "allow ... to", and what a
    noun of fear foresees has not happened."""
    rows = extract_batch_rows(nlp, "", title="Activists demand Ghana's president calls for a ceasefire in Togo")
    assert not any(e.actor == "GHA" for e in rows)
    rows = extract_batch_rows(nlp, "", title="Togo's junta refused to allow the Ghanaian envoy to meet the president")
    assert not any(e.event_root == "04" for e in rows) and any(e.event_root == "12" for e in rows)
    rows = extract_batch_rows(nlp, "", title="The visit confirms fears that Ghana will send weapons to Togo")
    assert not any(e.actor == "GHA" for e in rows)
    assert ("GHA", "07", "TGO") in {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Ghana sends weapons to Togo")}


@pytest.mark.parametrize("title", [
    "Togo's president says Ghana attack unlikely for now",
    "A Ghanaian invasion of Togo is unlikely, Togo's president says",
])
def test_an_attack_said_to_be_unlikely_is_a_forecast(nlp, title):
    """nominal.foreseen: an event noun predicated as likely or unlikely is not one that happened."""
    assert not any(e.actor == "GHA" for e in extract_batch_rows(nlp, "", title=title))


def test_a_headline_subject_parsed_as_a_compound_still_acts(nlp):
    """clauses.subjects_of: "Ghana attacks Togo", which the parser reads with "Ghana" as a
    compound of "attacks", is Ghana's attack (a verb with an object, not "US states opposing")."""
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title="Russia attacks Ukraine")}
    assert ("RUS", "19", "UKR") in rows


@pytest.mark.parametrize("title,expected", [
    ("Ghana's president lands in Lome for talks", ("GHA", "04", "TGO")),
    ("Ghana's foreign minister took part in the ECOWAS summit in Lome", ("GHA", "04", None)),
    ("Ghana's envoy chats with Togo's president at the summit", ("GHA", "04", "TGO")),
    ("Ghana launched a military campaign against the rebels in Togo", ("GHA", "19", None)),
])
def test_landing_taking_part_chatting_and_military_campaigns(nlp, title, expected):
    """verbs.csv: a visitor who lands in a place visits it, taking part is attending, a chat with
    someone is a meeting, and a military campaign is force, not an appeal."""
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}
    actor, root, target = expected
    assert (actor, root, target) in rows if target else any(a == actor and r == root for a, r, _ in rows)


def test_missiles_and_planes_that_land_visit_no_one(nlp):
    """engine._verb_candidates: a meeting root never has arms or aircraft as its doer."""
    for title in ("A Ghanaian missile landed in Togo", "Ghanaian military plane lands in Lome"):
        assert not any(e.event_root == "04" for e in extract_batch_rows(nlp, "", title=title))


def test_expected_to_be_freed_is_no_intent(nlp):
    """coding.with_complement: a passive "to" complement ("expected to be freed") is done to the
    subject, not an act the subject intends."""
    assert not any(e.event_root == "03" for e in extract_batch_rows(
        nlp, "", title="More Togolese prisoners expected to be freed under the truce"))
    assert any(e.event_root == "03" for e in extract_batch_rows(
        nlp, "", title="Togo expected to ratify the trade agreement with Ghana"))


@pytest.mark.parametrize("title,actor,root", [
    ("Analysts warn Ghana is massing troops near the Togolese border", "GHA", "15"),
    ("Ghanaian attack likely caused the blackout in Lome", "GHA", "19"),
    ("Fears that Ghana executed Togolese prisoners have been confirmed", "GHA", "17"),
])
def test_warnings_likelihoods_and_past_fears_still_report_acts(nlp, title, actor, root):
    """A warning or a finding by an unnamed source reports what is done (only asking verbs
    govern without an actor), "likely" of a verb that follows qualifies that verb, and a fear of
    what was done is not one of what is to come."""
    assert any(e.actor == actor and e.event_root == root for e in extract_batch_rows(nlp, "", title=title))


@pytest.mark.parametrize("title", [
    "Togolese migrants land in Ghana",
    "Ghana's president lands in trouble over the budget",
    "Togolese officers who took part in the coup were arrested",
])
def test_landing_and_taking_part_visit_only_as_officials_in_places(nlp, title):
    """engine._official_visitor, _lands_in_a_place; verbs.csv: taking part is a visit only in a
    meeting, conference or summit."""
    assert not any(e.event_root == "04" for e in extract_batch_rows(nlp, "", title=title))


@pytest.mark.parametrize("title,expected", [
    ("Ghana sends troops to the border with Togo", ("GHA", "15", "TGO")),
    ("Ghana's top diplomat Kwame Mensah to visit Togo this week", ("GHA", "04", "TGO")),
    ("Ghanaian tanks move toward the Togolese border", ("GHA", "15", "TGO")),
    ("Ghana's president arrives in Lome on West Africa trip", ("GHA", "04", "TGO")),
    ("Ghana and Togo praise their growing trade ties", ("TGO", "05", "GHA")),
    ("Ghana boosts troop numbers on the border", ("GHA", "15", None)),
])
def test_deployments_headline_visits_mutual_praise_and_moves(nlp, title, expected):
    """coding.deployed_to_own_border: forces sent to a border are deployed, not sent to anyone's
    aid; clauses.headline_infinitive: the name in apposition to the root; military_moves: forces
    that move toward a place; targets.country_before_region: the country before the region of a
    trip; engine: two subjects that praise their ties praise each other; verbs.csv: troop
    numbers."""
    actor, root, target = expected
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(nlp, "", title=title)}
    assert (actor, root, target) in rows if target else any(a == actor and r == root for a, r, _ in rows)


def test_sent_aid_and_moves_toward_a_deal_are_no_deployment(nlp):
    """Only a state's own forces sent to a border no one else owns are deployed; soldiers moved
    to a hospital show no force; a region met stays the recipient where no trip is told."""
    for title in ("Ghana sends soldiers to Togo's border with Benin", "The UN sends troops to the Ghana-Togo border",
                  "Wounded Ghanaian soldiers move to hospital in Togo"):
        assert not any(e.event_root == "15" for e in extract_batch_rows(nlp, "", title=title)), title
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Ghana's president meets African leaders in Accra")}
    assert ("GHA", "04", "AFR") in rows
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Germany and France praise their cooperation with Africa")}
    assert ("DEU", "05", "AFR") in rows and ("DEU", "05", "FRA") not in rows
    assert not any(e.event_root == "15" for e in extract_batch_rows(
        nlp, "", title="Ghana sends aid to the border with Togo"))
    assert not any(e.event_root == "15" for e in extract_batch_rows(
        nlp, "", title="Ghana moves toward a deal with Togo"))


def test_two_subjects_praising_their_ties_praise_each_other(nlp):
    """engine: praise (05) of ties, cooperation or what two subjects share is each's toward the
    other; praise of a third party stays the third party's."""
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Ghana and Togo praise their growing trade ties")}
    assert {("GHA", "05", "TGO"), ("TGO", "05", "GHA")} <= rows
    rows = {(e.actor, e.event_root, e.target) for e in extract_batch_rows(
        nlp, "", title="Ghana and Togo praise the UN's work")}
    assert ("GHA", "05", "UN") in rows


def test_an_office_of_a_state_named_by_its_demonym_is_its_countrys(nlp):
    """additions/places.csv: "Victorian premier", "Bavarian premier" name offices of Victoria and
    Bavaria, which act for Australia and Germany as "Texas governor" acts for the US."""
    art = article("", title="Victorian premier Jacinta Allan accuses Ghana of lying")._replace(date=dt.date(2023, 10, 24))
    rows = triples(extract_events(art, nlp(art.title), None, "test"))
    assert ("AUS", "11", "GHA") in rows


def test_its_troops_somewhere_are_still_its_own(nlp):
    """actors.ArticleActors.resolve: "its troops in Togo" belong to whoever "its" is; the place
    locates only troops the phrase gives no owner ("troops in Togo")."""
    rows = {(e.actor, e.event_root) for e in extract_batch_rows(nlp, "", title="Ghana says its troops in Togo attacked rebels")}
    assert ("GHA", "19") in rows and ("TGO", "19") not in rows


def test_a_brokered_agreement_is_its_brokers_mediation(nlp):
    """nominal._mediated: an agreement told as in force ("the Ghana-brokered truce will last",
    "freed under a Togo-mediated deal between Ghana and Nigeria") is its broker's mediation (045),
    toward a side other than the broker; one violated, hoped for or background is not."""
    rows = {(e.actor, e.event_root) for e in extract_batch_rows(
        nlp, "", title="Doubts over how long the Ghana-brokered truce will last in Togo")}
    assert ("GHA", "04") in rows
    rows = {(e.actor, e.event_code, e.target) for e in extract_batch_rows(
        nlp, "", title="Prisoners freed under a Togo-mediated deal between Ghana and Nigeria")}
    assert ("TGO", "045", "GHA") in rows
    for title in ("Togo accuses rebels of violating Ghana-brokered truce",
                  "If a Ghana-brokered deal is reached, prisoners could be freed next week",
                  "Despite a Ghana-brokered truce that ended in October, fighting continues in Togo"):
        assert not any(e.actor == "GHA" for e in extract_batch_rows(nlp, "", title=title)), title


def test_forces_a_speaker_calls_its_own_are_the_speakers(nlp):
    """engine._speakers_own: "Hamas says its fighters killed ..." is Hamas's act, not the act of
    the country the clause names; "their Russian counterparts" name their own country."""
    art = article("", title="Hamas says its fighters killed five Israeli soldiers")._replace(date=dt.date(2023, 11, 20))
    rows = triples(extract_events(art, nlp(art.title), None, "test"))
    assert ("HAMAS", "19", "ISR") in rows and not any(a == "ISR" and r == "19" for a, r, _ in rows)
    rows = {(e.actor, e.event_root) for e in extract_batch_rows(
        nlp, "", title="Ghanaian officials said their Togolese counterparts were blocking the talks")}
    assert ("TGO", "12") in rows


def test_expanded_operations_scheduled_summits_and_chairs_are_events(nlp):
    """nominal_events.csv: "military operations" name force after a light verb ("expanded
    military operations"), never alone; clauses.copula_of: "is on Saturday scheduled to attend"
    has the subject of "is"; verbs.csv: chairing a summit is a meeting (04)."""
    rows = triples(extract(nlp, "Ghana expanded military operations in northern Togo on Friday."))
    assert ("GHA", "19", "TGO") in rows
    rows = triples(extract(nlp, "Ghana's army chief said the military operation in Togo was over."))
    assert not any(root == "19" for _, root, _ in rows)
    rows = triples(extract(nlp, "Ghana's President John Mahama is on Saturday scheduled to participate in the "
                                "regional summit in Lome."))
    assert any(actor == "GHA" and root == "04" for actor, root, _ in rows)
    rows = triples(extract(nlp, "The summit will be chaired by Togolese President Faure Gnassingbe."))
    assert any(actor == "TGO" and root == "04" for actor, root, _ in rows)
    assert not extract(nlp, "Ghana's president chaired a cabinet meeting on Wednesday.")  # its own government


def test_what_a_main_clause_says_could_happen_is_no_act(nlp):
    """clauses.is_possibility: a verb joined to the main clause with a modal of its own ("is
    facing dissent and could delay talks") is a possibility, as the root's would be; the same
    act told as done is the act."""
    assert not extract(nlp, "Ghana is facing growing dissent at home and could delay talks with Togo.")
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "Ghana is facing growing dissent at home and has delayed talks with Togo."))


def test_a_states_envoy_to_an_international_body_acts_for_the_state(nlp):
    """actors._names_a_posting: "Ghana's UN ambassador" is Ghana's diplomat, posted to the UN;
    "the UN envoy" with no state before it is the UN's own."""
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "Ghana's UN ambassador condemned the Togolese raid."))
    assert ("GHA", "11", "TGO") in triples(extract(nlp, "Ghana's UN ambassador Kwame Mensah condemned the Togolese raid."))
    assert ("UN", "11", "TGO") in triples(extract(nlp, "The UN envoy condemned the Togolese raid."))
    # a body's envoy to a country: "Togo's UN envoy" is the UN's, sent to Togo
    assert ("UN", "11", "GHA") in triples(extract(nlp, "Togo's UN envoy condemned the Ghanaian raid."))


def test_freeing_ones_own_people_from_captors_is_no_release(nlp):
    """engine: a release (084) of the freer's own people that the text says captors held ("a
    captured soldier", "citizens who were taken hostage") is a rescue, not a yield; freeing one's
    own prisoners, or another's hostages, is a release."""
    assert not any(e.event_root == "08" for e in extract(
        nlp, "Ghana said it had freed the Ghanaian citizens who were taken hostage by rebels in Togo."))
    assert not any(e.event_root == "08" for e in extract(nlp, "Ghana's army freed a captured Ghanaian soldier in Togo."))
    assert not any(e.event_root == "08" for e in extract(nlp, "Ghanaian troops freed four hostages in a raid in Togo."))
    assert ("GHA", "08", "GHA") in triples(extract(nlp, "Ghana freed 20 political prisoners on Monday."))
    # the freer's own police or the freer itself took them: its prisoners, released
    assert ("GHA", "08", "GHA") in triples(extract(nlp, "Ghana freed 12 priests who had been abducted by police last year."))
    assert ("GHA", "08", "GHA") in triples(extract(nlp, "Ghana freed protesters it captured during the unrest."))
    assert ("TGO", "08", "GHA") in triples(extract(nlp, "Togo freed two Ghanaian hostages on Monday."))


def test_the_two_leaders_are_the_headlines_two_subjects(nlp):
    """actors.learn_headline_pair: the headline's two subjects ("Ghanaian and Togolese leaders")
    are "the two leaders" of the body, whatever else it names; with no pair named, "the two
    leaders" name nobody (no guess from the story's country)."""
    art = article("The two leaders are set to discuss trade and security.",
                  title="Ghanaian and Togolese leaders to bolster ties amid Nigeria's growing power")
    rows = triples(extract_events(art, nlp(art.title), nlp(art.text), "test"))
    assert {("GHA", "04", "TGO"), ("TGO", "04", "GHA")} <= rows and not any(a == "NGA" for a, _, _ in rows)
    assert not extract(nlp, "The two leaders are set to discuss trade and security.", title="Ghana's economy grows")
    art = article("Both sides agreed to extend the pause in fighting.",
                  title="Ghana and Togo criticise Nigeria-Benin truce talks")  # either pair may be "both sides"
    assert not any(e.event_root == "03" for e in extract_events(art, nlp(art.title), nlp(art.text), "test"))


def test_a_negation_before_a_headlines_colon_is_the_labels(nlp):
    """clauses.is_negated: "'Maybe, maybe not': Ghana invites Togo's president to Accra" invites;
    the "not" is the quoted label's."""
    rows = triples(extract(nlp, "", title="'Maybe, maybe not': Ghana's president invites Togo's president to Accra"))
    assert ("GHA", "02", "TGO") in rows
    assert not extract(nlp, "", title="Ghana's president does not invite Togo's president to Accra")


def test_a_leader_the_tables_know_lands_on_a_visit_though_the_model_saw_no_person(nlp):
    """engine._official_visitor: "Mahama" comes out of the small model as a common noun with no
    entity; the people table knows him, so landing in Lome is a visit."""
    events = extract_on(nlp, dt.date(2025, 3, 1), "", "Mahama lands in Lome for talks with Faure Gnassingbe")
    assert ("GHA", "04", "TGO") in triples(events)
    assert not extract_on(nlp, dt.date(2025, 3, 1), "", "Mahama lands in trouble over border talks")


def test_forces_that_enter_a_place_fight_and_ships_that_enter_waters_show_force(nlp):
    """military_moves.csv: "enter" is a military act only with troops as the subject; into a
    town it is force (190), into waters or an air zone a show of force (150); a state that
    enters a recession or a pope who enters hospital does nothing of the kind."""
    assert ("TGO", "19") in {(e.actor, e.event_root) for e in extract(nlp, "", title="Togolese troops enter Ghanaian border town")}
    assert ("TGO", "15", "GHA") in triples(extract(nlp, "", title="Togolese warship enters Ghana's territorial waters"))
    assert not extract(nlp, "", title="Ghana enters recession as cocoa prices fall")


def test_a_state_that_shutters_border_crossings_reduces_relations(nlp):
    assert ("GHA", "16", "TGO") in triples(extract(nlp, "", title="Ghana shutters 4 Togolese border crossings to curb smuggling"))


@pytest.mark.parametrize("title", [
    "Ghana's new president sworn in as crowds cheer in Accra",
    "Togo opposition leader pulls out of presidential race",
    "Ghanaians hang their heads as Black Stars crash out",
])
def test_verbs_whose_object_or_particle_makes_them_no_event(nlp, title):
    """verbs.csv: "sworn in" is no swearing at anyone, "pulls out of the race" no retreat,
    "hang their heads" no killing."""
    assert not extract(nlp, "", title=title)


def test_a_group_named_like_a_leader_lands_on_no_visit(nlp):
    """engine._official_visitor: "Wagner" is a surname the people table knows, and the name of
    an armed group first."""
    assert not any(e.event_root == "04" for e in extract(nlp, "", title="Wagner lands in Mali"))


def test_a_side_that_counts_the_enemy_soldiers_killed_in_an_operation_did_the_killing(nlp):
    """"Russia says 40 Ukrainian soldiers killed in overnight raid": one side of a war
    (armed_conflicts.csv) claims its own raid (19 on Ukraine), not a statement; not when the
    operation names its doer, the dead are civilians, the speaker is no side of that war, or the
    speaker hedges or denies."""
    claimed = extract(nlp, "", "Russia says 40 Ukrainian soldiers killed in overnight raid")
    assert ("RUS", "19", "UKR") in triples(claimed)
    assert not any(e.event_root == "01" for e in claimed)
    full = extract(nlp, "Ukraine said 40 Russian soldiers were killed in a strike on their base.")
    assert ("UKR", "19", "RUS") in triples(full)
    for title in ("Russia says 40 Ukrainian soldiers killed in rebel attack on border post",
                  "Russia says 40 Ukrainian civilians killed in overnight raid",
                  "Togo says 40 Ukrainian soldiers killed in overnight raid",
                  "Russia says 40 Ukrainian soldiers may have been killed in overnight raid",
                  "Russia denies 40 Ukrainian soldiers killed in overnight raid"):
        assert not any(e.event_root == "19" and e.actor in ("RUS", "TGO") for e in extract(nlp, "", title)), title


def test_an_act_that_something_only_allows_is_not_done(nlp):
    """"a waiver that allows Togo to provide military aid": the aid is allowed, not given."""
    allowed = extract(nlp, "The waiver allows Togo to provide military assistance to Ghana.")
    assert ("TGO", "07") not in {(e.actor, e.event_root) for e in allowed}
    given = extract(nlp, "Togo provided military assistance to Ghana on Monday.")
    assert ("TGO", "07", "GHA") in triples(given)


def test_a_fight_for_an_aim_by_people_who_are_no_force_is_a_struggle(nlp):
    """"The Togolese premier fought to regain control of his party": no use of force; troops
    that fight to retake a town still fight."""
    struggle = extract(nlp, "The Togolese prime minister fought to regain control of his party.")
    assert not any(e.event_root == "19" for e in struggle)
    troops = extract(nlp, "", "Togolese troops fight to retake Kara from Ghanaian forces")
    assert ("TGO", "19") in {(e.actor, e.event_root) for e in troops}
    state = extract(nlp, "", "Russia fights to take Bakhmut")
    assert ("RUS", "19") in {(e.actor, e.event_root) for e in state}


def test_a_cyber_attack_coerces_and_is_no_military_strike(nlp):
    """GOLD.md files cyber attacks under 17 (coerce), not 19."""
    events = extract(nlp, "", "Togolese cyberattacks hit Ghana's banks")
    assert ("TGO", "17", "GHA") in triples(events)
    assert not any(e.event_root == "19" for e in events)


def test_a_scornful_name_given_without_quotation_marks_is_criticism(nlp):
    """"called Ghana's move a provocation": the parser reads the name as a second object or hangs
    it on the object; the name judges (111), as a quoted one does."""
    for title in ("Togo called the march a provocation", "Togo called Ghana's move a provocation"):
        assert "111" in {e.event_code for e in extract(nlp, "", title)}, title
    assert not any(e.event_code.startswith("11") for e in extract(nlp, "", "Togo calls Ghana a key ally"))


def test_approving_a_deployment_is_the_aid(nlp):
    """GOLD.md files peacekeepers under 07: an approved deployment is the protection decided (074),
    not an intent."""
    assert "074" in {e.event_code for e in extract(nlp, "", "Security Council approves deployment of peacekeepers to Ghana")}


def test_an_object_the_parser_made_the_subject_of_a_participle_is_the_verbs_object(nlp):
    """"holds rally seeking the premier's resignation": the parser reads "rally seeking ..." as a
    clause; the rally is what the opposition holds."""
    events = extract(nlp, "", "Kenyan opposition holds rally seeking PM Odinga's resignation")
    assert ("KEN", "14") in {(e.actor, e.event_root) for e in events}


def test_what_a_side_claims_to_do_is_reported_as_done(nlp):
    """"claim to capture village": a claim reports the act as done, as "claimed to have captured"
    does; a claim to be something stays a statement."""
    captured = extract(nlp, "", "Togolese rebels claim to capture village outside Kara")
    assert "19" in {e.event_root for e in captured}
    assert not any(e.event_root == "01" for e in captured)
    being = extract(nlp, "", "Togo claims to be the victim of a plot")
    assert not any(e.event_root == "19" for e in being)


def test_a_ban_on_a_thing_regulates_and_a_ban_on_speech_or_people_coerces(nlp):
    """GOLD.md codes domestic regulation as no event: "Togo bans disposable vapes" coerces no one;
    a ban on a song, a newspaper or female staff restricts people (17)."""
    assert not any(e.event_root == "17" for e in extract(nlp, "", "Togo bans disposable vapes from next year"))
    assert not any(e.event_root == "17" for e in extract(nlp, "", "Togolese government bans mining in national parks"))
    for title in ("Togo bans protest song", "Togo bans opposition newspaper", "Togo bans female staff from offices"):
        assert "17" in {e.event_root for e in extract(nlp, "", title)}, title


def test_an_event_noun_named_by_a_month_long_past_is_background(nlp):
    """"Ghana's March raid on Kara", read in November: the raid everyone knows, not the day's
    news; a raid of this month is news. (The article's date here is 2026-11-20.)"""
    past = extract(nlp, "Ghana's March raid on Kara killed 12 Togolese soldiers.")
    assert ("GHA", "19") not in {(e.actor, e.event_root) for e in past}
    this_month = extract(nlp, "Ghana's November raid on Kara killed 12 Togolese soldiers.")
    assert ("GHA", "19") in {(e.actor, e.event_root) for e in this_month}
    assert not extract(nlp, "", "Ghana's March visit to Togo hailed")


@pytest.mark.parametrize("text, expected", [
    ("Togo received a memo from Ghana calling for renewed dialogue.", ("GHA", "02", "TGO")),
    ("A letter from Ghana calls for renewed dialogue with Togo.", ("GHA", "02", "TGO")),
    ("Ghana's letter calls for talks with Togo.", ("GHA", "02", "TGO")),
    ("Togo sent a letter to Ghana calling for talks.", ("TGO", "02", "GHA")),
])
def test_a_writing_speaks_for_its_author(nlp, text, expected):
    """A memo, a letter or a statement that calls for something is its author's appeal: the one a
    possessive or a "from" phrase names, or the sender; the one who received it is called on."""
    events = extract(nlp, text)
    assert expected in triples(events)
    assert (expected[2], "02") not in {(e.actor, e.event_root) for e in events}


def test_a_writing_named_by_its_topic_speaks_for_no_one_the_topic_names(nlp):
    """"Macron's Taiwan statements upset allies": a compound names what a writing is about."""
    assert not any(e.actor == "GHA" for e in extract(nlp, "", "Togo's Ghana statements upset allies"))


def test_a_group_named_after_its_description_is_one_side_of_a_clash(nlp):
    """"clashes between the Palestinian militant group Hamas and Egyptian border guards": the group
    and its name are one side, not the Palestinians and Hamas; the guards are the other."""
    events = extract(nlp, "Clashes between the Palestinian militant group Hamas and Egyptian border guards erupted overnight.")
    assert {("HAMAS", "19", "EGY"), ("EGY", "19", "HAMAS")} <= triples(events)
    assert not any(e.actor == "PSE" for e in events)


def test_a_claim_to_a_standing_aim_stays_a_statement(nlp):
    """"Togo claims to protect civilians in Kara", "claims to fight terrorism": what a side says it
    stands for, not an act reported as done."""
    for title in ("Togo claims to protect civilians in Kara", "Togo claims to fight terrorism in Ghana"):
        assert not any(e.event_root in ("07", "19") for e in extract(nlp, "", title)), title


def test_an_act_a_body_or_a_past_event_allowed_is_told(nlp):
    """"The Togolese authorities allow Ghanaian inspectors to visit Kara": the authorities allow,
    the visit is told; so is an act something allowed in the past ("the fog allowed ... to attack")."""
    assert "04" in {e.event_root for e in extract(nlp, "", "The Togolese authorities allow UN inspectors to visit Kara")}
    assert ("UKR", "19") in {(e.actor, e.event_root) for e in extract(
        nlp, "", "The fog allowed Ukrainian troops to attack Russian positions")}


def test_a_writing_addressed_to_someone_names_the_recipient(nlp):
    """"Ghana's letter to Togo calls for talks", "Ghana wrote a letter to Togo demanding an
    apology": the one the writing is addressed to is the recipient."""
    assert ("GHA", "02", "TGO") in triples(extract(nlp, "", "Ghana's letter to Togo calls for talks"))
    assert ("GHA", "10", "TGO") in triples(extract(nlp, "", "Ghana wrote a letter to Togo demanding an apology"))


def test_a_ban_on_religious_dress_or_a_named_work_restricts_freedom(nlp):
    for title in ("Togo bans niqab in schools", "Togo bans Ode to Kara"):
        assert "17" in {e.event_root for e in extract(nlp, "", title)}, title


def test_pressing_someone_for_something_is_a_demand(nlp):
    """GOLD.md codes "pressed" as a demand (10), not an appeal (02)."""
    assert ("TGO", "10", "GHA") in triples(extract(nlp, "", "Togo presses Ghana for release of detained fishermen"))


def test_a_bombing_by_a_non_state_group_is_an_assault(nlp):
    """GOLD.md: bombings by non-state groups are assaults (18), not air strikes (195); a state's
    bombing stays force."""
    assert ("ISIL", "18", "AFG") in triples(extract(nlp, "Islamic State claimed a bombing at a mosque in Kabul on Friday."))
    assert ("ISR", "19") in {(e.actor, e.event_root) for e in extract(nlp, "Israel claimed a bombing of a tunnel in Gaza on Friday.")}
