"""Events from a parsed article: subject-verb-object triples coded with CAMEO.

Only clause structure links an actor to an action: the subject (or the passive
agent) of a dictionary verb is the actor, its object or prepositional object the
target, all inside one sentence. This is what keeps eventwire from gluing actors
and actions from unrelated sentences together. Plain Python over spaCy Docs;
it returns `Event` records, never spaCy objects.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import chain

from schemas import ontology
from schemas.records import Article, Event
from transforms.extract.actors import (
    CIVILIANS,
    CROWD_SECTORS,
    PRIVATE_PEOPLE,
    PROTEST_ROOT,
    QUANTITY_NOUNS,
    Actor,
    ArticleActors,
    apposed_name,
    conjuncts,
    is_weapon,
    name_tokens,
    owned_by_a_pronoun,
    resolve_all,
)
from transforms.extract.background import (
    named_by_a_past_day,
    told_as_history,
    told_as_lasting,
    told_as_reference_point,
    told_as_starting_point,
)
from transforms.extract.clauses import (
    ASKED_DEPS,
    HELPING_VERBS,
    MEANS_ROOTS,
    MEANS_VERBS,
    PERSONAL_PRONOUNS,
    POSSIBILITY_MODALS,
    SUBJECT_DEPS,
    agents_of,
    clause_kind,
    comma_joined,
    coordinated_agent_verb,
    dative_object,
    direct_object,
    duration_particles,
    for_clause,
    fronted_passive_patient,
    is_bare_predicate,
    is_headline_passive,
    is_hypothetical,
    is_negated,
    is_purpose,
    is_refusal,
    is_scheduled,
    is_speech,
    joining_verb,
    joins_in_an_act,
    names_a_thing,
    names_people,
    object_heads,
    participle_main_verb,
    particles_of,
    passive_voice,
    predicate_word,
    prepositions,
    reduced_passive,
    reported_clauses,
    reported_possibility,
    reported_without_subject,
    scheduled_root,
    subjects_of,
    subtree_text,
    verb_tagged_as_noun,
    wisher_of,
)
from transforms.extract.coding import (
    COMMAND_VERBS,
    NOT_AN_EVENT,
    PESSIMISTIC_COMMENT,
    WARNING_VERBS,
    as_intent,
    bidding_appeal,
    bidding_clause,
    command_of_own_forces,
    demanding_clause,
    deployed_to_own_border,
    directive_appeal,
    exercise_together,
    foretold_state,
    joint_action,
    light_verb_rule,
    modal_rule,
    off_topic,
    or_cessation,
    others_plan_reported,
    predicate_rule,
    rule_for,
    with_complement,
    with_modality,
)
from transforms.extract.confidence import place_features, probability, record_features, root_group, row_features
from transforms.extract.datelines import dateline_country
from transforms.extract.doc_cache import entities_in, has_pos, span_text, tokens_with_words
from transforms.extract.event_dates import publisher_local_time
from transforms.extract.headlines import attributed_name
from transforms.extract.judgements import (
    CRITICISM,
    NAMING_VERBS,
    accusation,
    attributed_judgement,
    judgement,
    quoted_name,
    second_object_name,
    trailing_adjective,
    trailing_predicates,
)
from transforms.extract.no_news import (
    RECEIVING_VERBS,
    dated,
    figurative_force,
    no_one_on_the_other_side,
    standing_relation,
)
from transforms.extract.nominal import (
    EXPECTING_VERBS,
    IMPACT_VERBS,
    POSTURE_ROOT,
    claiming_verb,
    foreseen,
    held_by_captors,
    instrument_agent,
    nominal_code,
    nominal_events,
    nominal_target,
    state_or_armed,
)
from transforms.extract.outlets import outlet_country
from transforms.extract.place_protests import place_protests
from transforms.extract.rows import TITLE_SEPARATOR, action_of, analysed_text, best_per_event, to_rows
from transforms.extract.statement_titles import statement_titles
from transforms.extract.targets import (
    DOMESTIC_COERCION,
    FORCE_ROLES,
    LOCATIVE_PREPS,
    OBJECTIVE_PREPS,
    OWN_INSTITUTION,
    VISIT_ROOT,
    acting_state,
    aimed_at,
    aimed_at_trade,
    clause_target,
    coerced_at_home,
    complement_target,
    country_before_region,
    country_or_place,
    cracked_down_at_home,
    find_place,
    find_recipient,
    find_target,
    governed_place,
    named_as_recipient,
    names_a_maker,
    own_institution_target,
    own_people_target,
    own_state,
    participle_target,
    statement_topic,
    where_clause_target,
)
from transforms.extract.topics import item_kind, keeps
from transforms.extract.verbs import match_verb
from transforms.extract.warning_verbs import warning_read

TOPIC_PREPS = frozenset({"on", "about", "over", "to", "for"})
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Verbs of arriving that are a visit only for an official and a named place.
LANDING_VERBS = frozenset({"land"})
# Aircraft land and arrive without being anyone's visit (a navy's ships on a port call visit:
# "Chinese navy ships visit Myanmar" was coded so).
CRAFT_NOUNS = frozenset({"plane", "aircraft", "jet", "airliner", "helicopter", "drone", "balloon", "flight"})
# Disapproval and accusation told as a clause ("suspects Russia poisoned ..."): not criticism (111),
# which takes an object, not a clause.
ACCUSING_CODES = frozenset({"110", "112"})
# Appeals and demands, whose recipient is the one asked ("urged Togo to ...", "calls for Israel to ...")
ASKING_ROOTS = frozenset({"02", "10"})
# A visitor received (043) made the visit (042): the news set's coders code both sides of
# "received the Saudi minister" (5 visitors in 4 development items, none left out), but seldom
# of "hosted" or "welcomed" a visitor (1 of 6).
HOSTED_VISIT, MADE_VISIT = "043", "042"
# What the other side did when an act is received: the visitor made the visit; whoever sent a
# call, letter or message (041: "received a call from his UK counterpart", verbs.csv) consulted
# the receiver, as the coders code them (3 development items: every sender consulted the
# receiver, and in each the receiver consulted a sender).
SENT_ACTS = {HOSTED_VISIT: MADE_VISIT, "041": "041"}
# Acts against an opponent: force posture (15: "deployed tanks", "mobilised reservists"), assault
# (18), fighting (19) and mass violence (20). Told without a target, they are aimed at the one
# opponent the article gives the actor, if it gives one (`partners_from_article`).
HOSTILE_ROOTS = frozenset({"15", "18", "19", "20"})
# An intent (03) is mutual only when the verb says so ("Armenia and Azerbaijan agreed to ...");
# "the EU and NATO promised a path to membership" is a promise of both to a third party.
RECIPROCAL_INTENT_VERBS = frozenset({"agree", "negotiate", "meet", "talk", "discuss"})
# Acts two sides do with each other: "Ghana and Togo met / signed a deal / restored ties" is each
# toward the other, and so is an intent to do them ("they will restore ties"). Meetings and
# talks (040, 041, 044, 046), restoring relations (050), signing an agreement (057), material
# cooperation (06), a ceasefire (087: "India and Pakistan agreed to a ceasefire") and an intent
# to meet (036). Not acts that two sides do together toward a third: visiting or hosting
# (042, 043), mediating ("Russia and Turkey are sponsoring the talks", 045), praise or support
# (051: "French and German ministers to back the peace process"), recognition (054).
MUTUAL_ACT_CODES = ("040", "041", "044", "046", "050", "057", "06", "087", "036")
# Verbs that say the act goes both ways, whatever its code: "exchanged ambassadors' credentials",
# "exchanged fire", "swapped prisoners", "traded accusations", "China and the Philippines clash over a shoal".
MUTUAL_VERBS = frozenset({"exchange", "swap", "trade", "clash", "spar", "feud"})
# Subjects that fight or battle with no one else named fight each other ("Israel and Hamas have
# been fighting for days"), unless they do it together ("fought jointly").
OPPOSING_VERBS = frozenset({"fight", "battle"})


@dataclass
class Candidate:
    actor: Actor
    target: Actor | None
    rule: ontology.VerbRule
    verb: object  # spaCy token
    object_text: str | None
    speaker: str | None
    confidence: float
    features: dict = field(default_factory=dict)  # transforms/extract/confidence.py
    action: str | None = None  # the row's `action` when no verb of the sentence says it (default: the verb's lemma)


def extract_events(article: Article, title_doc, body_doc, run_id: str) -> list[Event]:
    """All events of one article, one row per (actor, code, target), best evidence kept."""
    return [row for row, _ in extract_with_features(article, title_doc, body_doc, run_id)]


def extract_with_features(article: Article, title_doc, body_doc, run_id: str) -> list[tuple[Event, dict]]:
    """The rows with the features their confidence was computed from (tools/fit_confidence.py)."""
    resolver = ArticleActors(article.date)
    text = analysed_text(article)  # joined once: the title and the whole body
    resolver.learn_acronyms(text)
    resolver.learn_place_names(text)
    if title_doc is not None:
        resolver.learn_context_country(title_doc)
        resolver.learn_headline_pair(title_doc)
        resolver.learn_documents(title_doc, body_doc)
    home = outlet_country(article)
    filed_from = dateline_country(article.text)
    resolver.frame_with_outlet(home if filed_from in (None, home) else None, (title_doc, body_doc))
    found: list[tuple[Candidate, int]] = []
    attributed: set[int] = set()  # ids of headline statements known only by their attribution
    body_offset = len(article.title) + len(TITLE_SEPARATOR)
    # The body first: a title is a compressed restatement, the body has the evidence.
    for doc, offset in ((body_doc, body_offset), (title_doc, 0)):
        if doc is None:
            continue
        index = 0  # of the sentences that tell something: a dateline or a source's tag set apart is none
        for sent in doc.sents:
            candidates = sentence_candidates(sent, resolver, headline=offset == 0)
            if offset == 0 and not candidates:  # "Too many civilians have died – Blinken"
                candidates = _attributed_statement(sent, resolver)
                attributed.update(id(candidate) for candidate in candidates)
            for candidate in candidates:
                candidate.features.update(place_features(offset == 0, index, len(candidates), len(sent)))
                candidate.features.update(record_features(action_of(candidate), candidate.rule.code))
                candidate.confidence = probability(candidate.features)
                found.append((candidate, offset))
            if has_pos(sent, ("VERB", "AUX")):
                index += 1
    # "NATO planes 'legitimate target' in Ukraine – Moscow" over a body that tells what Moscow
    # threatened: the attribution is the same news, already a row of the speaker's.
    told = {candidate.actor.code for candidate, _ in found if id(candidate) not in attributed}
    found = [(candidate, offset) for candidate, offset in found
             if id(candidate) not in attributed or candidate.actor.code not in told]
    kind = item_kind(article.title, article.url)
    found = [(candidate, offset) for candidate, offset in found
             if keeps(kind, candidate.rule.code[:2], _act_words(candidate))]
    published = publisher_local_time(article.published, article.published_offset_minutes)
    found = [(candidate, offset) for candidate, offset in found
             if not told_as_history(candidate.verb, published, article.date)
             and not named_by_a_past_day(candidate.verb, published, article.date)
             and not told_as_starting_point(candidate.verb)
             and not told_as_reference_point(candidate.verb)
             and not told_as_lasting(candidate.verb, article.date.year)]
    found = [(candidate, offset) for candidate, offset in partners_from_article(found)
             if not _talks_alone(candidate) and not _arrives_nowhere(candidate)
             and not _cooperates_with_no_one(candidate) and not _wants_of_no_one(candidate)]
    found = _corroborated(_without_commentary(found))
    # the actors of each act (of the subjects of one verb, "Ghana and Togo launched strikes")
    actors_of = {}
    for candidate, _ in found:
        actors_of.setdefault((id(candidate.verb.doc), candidate.verb.i), []).append(candidate.actor)
    # After the choice of one row per event: a place only suggests a recipient, so it does not
    # make a headline's row outrank the body's that tells the same event.
    chosen = [(_shown_not_fired(_fought_at_home(_hit_where_told(
        candidate, resolver, actors_of[(id(candidate.verb.doc), candidate.verb.i)], title_doc)), (title_doc, body_doc)),
               offset) for candidate, offset in best_per_event(found)]
    # a launch recoded as a show of force may now tell the same event as another row
    return to_rows(article, best_per_event(chosen), run_id)


def _act_words(candidate: Candidate) -> list[str]:
    """The lemmas that name the act: the verb's and its direct object's ("open" "investigation")."""
    verb = candidate.verb
    return [verb.lemma_.lower()] + [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"]


def _corroborated(found: list[tuple[Candidate, int]]) -> list[tuple[Candidate, int]]:
    """An act the article tells in two sentences or more (the headline and the body, or two body
    sentences) is more likely the news and read right than one told once: a confidence feature.
    The same act is the same actor's act of the same root toward the same recipient, or toward
    none named (as rows.best_per_event counts one event): shelling Kharkiv and shelling Sumy are
    two acts."""
    told: dict[tuple[str, str], list[tuple[tuple[int, int], str | None]]] = {}
    for candidate, offset in found:
        told.setdefault((candidate.actor.code, candidate.rule.code[:2]), []).append(
            ((offset, candidate.verb.sent.start), candidate.target.code if candidate.target else None))
    for candidate, _ in found:
        target = candidate.target.code if candidate.target else None
        sentences = {sentence for sentence, other in told[(candidate.actor.code, candidate.rule.code[:2])]
                     if None in (target, other) or other == target}
        if len(sentences) >= 2:
            candidate.features["corroborated"] = 1.0
            candidate.confidence = probability(candidate.features)
    return found


# Verbs of talking that consult (04) only with someone: "Kallas discusses what Europe has learned",
# "Bailey, who was speaking after the rate rise, said ..." are interviews and speeches.
SOLO_TALK_VERBS = frozenset({"speak", "discuss", "talk"})


def _talks_alone(candidate: Candidate) -> bool:
    """A talking verb with no partner: no recipient, and one speaker (not "leaders", not "A and B")."""
    verb = candidate.verb
    if candidate.target is not None or candidate.rule.code[:2] != "04" or verb.lemma_.lower() not in SOLO_TALK_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children) for s in subjects)


# Cooperation in words (05), in deeds (06) and aid (07)
COOPERATION_ROOTS = frozenset({"05", "06", "07"})
# An apology is news whether or not the story names whom it is owed to ("Meta apologizes for
# labelling users as terrorists", "the department apologised for the damage to sacred sites"),
# when the story names who apologises (not "the minister apologised", framed by the outlet).
APOLOGY = "055"
RELEASE = "084"  # returning or releasing persons or property


def _cooperates_with_no_one(candidate: Candidate) -> bool:
    """Cooperation is with someone: praise, backing or thanks (05), joint work (06) or aid (07)
    told of no recipient, even after the article's partners (partners_from_article), is a view
    of a policy, an occasion or a service at home ("Top French court backs unpopular plans",
    "celebrated the induction of its fellows", "helped sell the war to the public", "schools
    send girls home"). On the development split such rows were right 8 times in 86; of the gold
    events of these roots, 24 in 195 have no recipient."""
    return (candidate.rule.code[:2] in COOPERATION_ROOTS and candidate.target is None
            and not (candidate.rule.code.startswith(APOLOGY) and candidate.actor.via != "outlet"))


# Verbs of wanting, an appeal (02) only when someone is asked to act: "wants China to help
# restore peace"; not "wants a meeting", "wants more time", "wants Russia's disintegration"
# (whose is not whom), unless what is wanted is a request of its own in the verb table
# ("wants China's support", "wants help").
WANTING_VERBS = frozenset({"want"})


def _wants_of_no_one(candidate: Candidate) -> bool:
    """A want that asks no one: someone is asked only as the subject of what is wanted done
    ("wants China to help restore peace"); not in "wants Russia's disintegration", "wants the
    same thing from the war", "wants to fly to Israel"."""
    if candidate.rule.code[:2] != "02" or candidate.verb.lemma_.lower() not in WANTING_VERBS:
        return False
    wanted = next((c for c in candidate.verb.children if c.dep_ == "dobj"), None)
    if candidate.rule.object_heads and wanted is not None:  # "wants help": a request of its own (verbs.csv)
        return any(c.lower_ == "no" for c in wanted.children)  # not "wants no investment from Ukraine"
    if candidate.target is None or candidate.target.code == candidate.actor.code:
        return True  # "Scholz wants Germany to spend more": no one else is asked
    return not any(c.dep_ == "ccomp" and any(s.dep_ in SUBJECT_DEPS for s in c.children) and _an_act(c)
                   for c in candidate.verb.children)


def _an_act(verb) -> bool:
    """The verb tells a coded act ("wants China to help"), not an outcome ("wants Ukraine to fail",
    "wants Trump to win")."""
    rule = rule_for(verb)
    return rule is not None and rule.code != NOT_AN_EVENT


# Verbs of coming (together) that visit or meet (04) only somewhere or someone: "Blinken arrived
# in Turkey", "G7 leaders gather in Hiroshima"; troops that "arrived", fighters gathered at a
# memorial, meet no one.
ARRIVING_VERBS = frozenset({"arrive", "gather"})


def _arrives_nowhere(candidate: Candidate) -> bool:
    """An arrival with no host or foreign place for its recipient, even after the article's partners."""
    return (candidate.target is None and candidate.rule.code[:2] == "04"
            and candidate.verb.lemma_.lower() in ARRIVING_VERBS)


def _joint(candidate: Candidate) -> bool:
    """An act two sides do with each other, or an intent to do one ("agreed to restore ties"), or
    praise of what they share ("hails military ties")."""
    code = candidate.rule.code
    return code.startswith(MUTUAL_ACT_CODES) or (
        code[:2] == "03" and _mutual_intent(candidate.verb)) or (
        code[:2] == "05" and _mutual(candidate.verb))  # "meets Putin, hails military ties": ties with Russia


def partners_from_article(found: list[tuple[Candidate, int]]) -> list[tuple[Candidate, int]]:
    """A joint act told without its partner ("Saudi Arabia to resume relations") takes the
    partner the article gives the same actor in its other joint acts ("reached a deal with Saudi
    Arabia to resume diplomatic relations"), when it gives exactly one: one article tells of one
    relationship. A hostile act told without its target ("Ghana carried out air strikes") takes
    the opponent the article gives the actor in its other hostile acts ("Togolese forces attacked
    Ghanaian posts", "Ghana shelled Togo"), when it gives exactly one: one article tells of one
    conflict. With none or several, the row keeps no recipient. Last, two sides whose hostile
    acts all lack a target are each other's opponent (`_two_sides`)."""
    for kind in (_joint, _hostile):
        found = _counterpart_from_article(found, kind)
    return _two_sides(found)


PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
NAME_ENTITY_TYPES = frozenset({"ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT"})


def _hit_where_told(candidate: Candidate, resolver: ArticleActors, co_actors: list[Actor],
                    title_doc=None) -> Candidate:
    """A hostile act that still has no recipient, told in a sentence whose places all lie in one
    other state ("Israeli airstrikes push Gaza's second largest hospital to the brink", "Israeli
    strikes have grounded flights at the airports of Damascus and Aleppo"), is against that state:
    where force is used is whom it is used on, when nothing else is said. A body's sentence that
    names no place at all takes the places of the headline, which says where the story is ("She
    lost her home ... but keeps reporting on Gaza" over "lost her dream home in an Israeli
    attack")."""
    if candidate.target is not None or not _hostile(candidate) or _named_test(candidate):
        return candidate
    states = _states_named(candidate.verb.sent, resolver)
    if not states and title_doc is not None and candidate.verb.doc is not title_doc:
        states = set().union(*(_states_named(sent, resolver, spared=_not_the_storys_place(sent))
                                for sent in title_doc.sents))
    states -= {a.country for a in co_actors} | {a.code for a in co_actors}
    if len(states) != 1:
        return candidate
    (code,) = states
    # The place only suggests the recipient: the row's confidence (has_target) stays that of a
    # row without one, and so does which of an article's rows tells the event (best_per_event).
    return replace(candidate, target=Actor(code, code, code, None, "place"))


# Where people gather, travel, talk or take refuge: a headline's place under these is a venue or
# a destination ("Thousands rally in Paris for Ukraine", "Biden arrives in Warsaw", "talks resume
# in Cairo", "refugees flee to Chad"), not where force is used.
VENUE_WORDS = frozenset({"arrive", "visit", "meet", "meeting", "talk", "talks", "summit", "conference", "rally",
                         "protest", "march", "gather", "speak", "address", "host", "attend", "tour", "flee", "leave",
                         "travel", "return", "depart", "sail", "land", "convene", "resume", "refugee", "evacuee",
                         "welcome", "vote"})


def _not_the_storys_place(sent) -> set[int]:
    """The tokens of a headline that say who acts or speaks, or where people meet or go, not
    where the story happens: its subjects ("US groups demand ..."), its attribution ("Seoul:
    ...", "... - Kremlin") and what a venue word governs."""
    spared = set(_attribution_tokens(sent))
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is not None:
        spared.update(range(sent.start, colon))
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") or token.lemma_.lower() in VENUE_WORDS:
            spared.update(t.i for t in token.subtree)
        if token.lemma_.lower() in VENUE_WORDS and token.dep_ in ("dobj", "nsubj", "nsubjpass"):
            spared.update(t.i for t in token.head.subtree)  # "Plan Rally in Washington", "hold talks in Cairo"
    return spared


def _named_test(candidate: Candidate) -> bool:
    """A launch or a weapon's test named by a noun (nominal_events.csv, 150): the sentence's
    places are mostly who reacts to it ("China urges restraint after North Korean missile
    test", "Japan protests North Korean missile launch"), not where it is aimed."""
    return candidate.rule.code.startswith(POSTURE_ROOT) and bool(candidate.features.get("nominal"))


def _states_named(sent, resolver: ArticleActors, spared: set[int] = frozenset()) -> set[str]:
    """The states of the places a sentence names where something happens (not the `spared`
    tokens)."""
    states = set()
    for token in sent:
        if token.i in spared:
            continue
        if token.pos_ != "PROPN" and token.ent_type_ not in PLACE_ENTITY_TYPES:
            continue
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN":
            continue  # the last word of the name decides
        if token.ent_type_ in NAME_ENTITY_TYPES and token.ent_iob_ == "I":
            continue  # "The New York Times" is no place; one word the model took for a name may be
        if any(_not_where(ancestor) or names_a_maker(ancestor) for ancestor in token.ancestors):
            # "in a bid to end the protests against Uganda": what the act is for or against;
            # "destroys US-made tanks": who made them
            continue
        country = resolver.place_country(token.text)
        if country is not None:
            states.add(country)
            continue
        if resolver.lookup(token.text) is not None:
            continue  # a person's or a body's name
        place = resolver.place(token) if not any(c.dep_ == "conj" for c in token.children) else None
        if place is not None:  # a town of the place table: "Kumasi"
            states.add(place.code)
    return states


# Words for fighting between two sides: "police and supporters clash", "Sudan clashes continue".
FIGHTING_WORDS = OPPOSING_VERBS | frozenset({"fighting", "clash", "skirmish", "infighting"})
# Words that put a fight at a border, against another state: "troops clashed on the border".
FRONTIER_WORDS = frozenset({"border", "frontier", "boundary"})


def _fought_at_home(candidate: Candidate) -> Candidate:
    """A state's fighting that still has no other side, told by a noun ("Sudan clashes continue",
    "Sudan fighting in its 27th day") or by two sides of its own as subjects ("the army and
    police clashed", "Sudan's two top generals battled", "police and supporters clash"), is
    fought among its own: a civil conflict, coded state to state as other domestic acts
    (tests/data/GOLD.md). On the development split the coders gave 8 such rows their own state
    and one a named side. A fight with someone ("clash with Abu Sayyaf"), at a border, or one
    side's ("Ukrainian troops clash near Robotyne") is not. Clashes "between" two sides stay in:
    the coders gave the state both sides of "clashes between police and supporters of the
    opposition leader". As with a place (`_hit_where_told`), the row's confidence stays that of
    a row without a target."""
    verb = candidate.verb
    if (candidate.target is not None or candidate.rule.code[:2] != "19"
            or verb.lemma_.lower() not in FIGHTING_WORDS
            or candidate.actor.code != candidate.actor.country
            or any(c.dep_ in ("dobj", "xcomp") for c in verb.children)  # "fighting an invasion", "battles to save a bill"
            or any(c.dep_ == "prep" and c.lower_ in ("with", "against") for c in verb.children)
            or any(t.lemma_.lower() in FRONTIER_WORDS for t in verb.sent)
            or not (_named_as_fighting(verb) or _two_sides_of_one(verb))):
        return candidate
    actor = candidate.actor
    return replace(candidate, target=Actor(actor.code, actor.name, actor.country, None, OWN_INSTITUTION))


# A launch of these with no one hit is a test or a show: "North Korea launched an ICBM".
LAUNCHED_WEAPONS = frozenset({"missile", "rocket", "icbm"})
LAUNCHING_VERBS = frozenset({"launch", "fire", "test"})
SHOW_OF_FORCE = "150"
CASUALTY_WORDS = frozenset({"dead", "death", "die", "casualty", "victim", "injury", "wounded", "civilian", "body",
                            "rubble", "burn", "ablaze", "explode", "explosion", "blast"})
# Named by a state's word but not its forces (armed groups, spies, civilians): "Palestinian
# militants fire rockets" attack.
NOT_STATE_FORCES = frozenset({"REB", "SPY", "CVL", "PPL"})
# Where a launch is aimed ("fires missiles at Crimea", "toward shipping"), unless it is the sea.
AIMING_PREPS = frozenset({"at", "on", "toward", "towards", "against", "into", "over", "near", "across"})
OPEN_WATERS = frozenset({"sea", "water", "waters", "ocean"})


def _shown_not_fired(candidate: Candidate, docs) -> Candidate:
    """A state's missile launched or fired that, after every place and counterpart the article
    offers, still hits no one is a show of force (150), not an attack: "North Korea launched a
    ballistic missile off its east coast", as the development split's coders code North Korea's.
    A launch aimed somewhere ("fires missiles at a radar site", not "into the sea"), one by an
    armed group (rocket fire is its attack), and one in an article that tells of impact or
    casualties anywhere ("Three people died in Dnipro", "power station ablaze") stay attacks."""
    verb = candidate.verb
    weapons = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in LAUNCHED_WEAPONS]
    if (candidate.target is not None or candidate.rule.code[:2] != "19"
            or verb.lemma_.lower() not in LAUNCHING_VERBS or not weapons
            or candidate.actor.code != candidate.actor.country or candidate.actor.actor_type in NOT_STATE_FORCES
            or any(prep.dep_ == "prep" and prep.lower_ in AIMING_PREPS
                   and not any(p.lemma_.lower() in OPEN_WATERS or p.ent_type_ in ("DATE", "TIME") for p in prep.children)
                   for word in [verb, *weapons] for prep in word.children)
            or any(t.lemma_.lower() in IMPACT_VERBS or t.lemma_.lower() in CASUALTY_WORDS
                   for doc in docs if doc is not None for t in doc)):
        return candidate
    rule = ontology.VerbRule(candidate.rule.lemma, candidate.rule.particle, candidate.rule.object_heads, SHOW_OF_FORCE)
    features = {k: v for k, v in candidate.features.items()
                if k not in root_group(candidate.rule.code) and k != "rule_record"}
    features.update(root_group(SHOW_OF_FORCE))
    features.update(record_features(action_of(candidate), SHOW_OF_FORCE))
    return replace(candidate, rule=rule, features=features, confidence=probability(features))


def _named_as_fighting(word) -> bool:
    """The fighting as a noun ("Sudan clashes continue") or a gerund used as one ("Sudan fighting
    in its 27th day"), not one that modifies a subject ("Ukraine's army fighting near Kharkiv")."""
    if any(c.dep_ in ("compound", "amod") and ontology.role_types().get(c.lemma_.lower()) in FORCE_ROLES
           for c in word.children):
        return False  # "Ukraine's army fighting near Kharkiv": one side's
    return word.pos_ == "NOUN" or (word.tag_ == "VBG" and word.dep_ not in ("acl", "advcl", "xcomp", "relcl")
                                   and not any(c.dep_ == "aux" for c in word.children))


def _two_sides_of_one(verb) -> bool:
    """Subjects that are two armed sides: joined, one of them a force ("the army and police",
    "police and supporters"), or forces counted two or rival ("the two top generals")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    armed = [s for s in subjects + [c for s in subjects for c in s.conjuncts]
             if ontology.role_types().get(s.lemma_.lower()) in FORCE_ROLES]
    return bool(armed) and any(any(c.dep_ == "conj" for c in s.children)
                               or any(c.lower_ in ("two", "rival", "warring") for c in s.children) for s in subjects)


# Phrases whose places say nothing of where the act happened: its purpose, what it opposes or
# supports, whom it is with.
NOT_WHERE_PREPS = frozenset({"against", "with", "for", "about"})


def _not_where(node) -> bool:
    if node.dep_ == "prep" and node.lower_ in NOT_WHERE_PREPS:
        return True
    return node.dep_ in ("acl", "advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _two_sides(found: list[tuple[Candidate, int]]) -> list[tuple[Candidate, int]]:
    """When an article's hostile acts all lack a target and come from exactly two sides, in
    clauses of their own ("Israel carried out air strikes. On the other side, Hezbollah is firing
    rockets"), each side is the other's opponent. Two subjects of one verb act together ("Ghana
    and Togo stepped up patrols"), and two parts of one country ("the army", "the police") are no
    opponents."""
    hostile = [candidate for candidate, _ in found if _hostile(candidate)]
    sides = {candidate.actor.code: candidate.actor for candidate in hostile}
    if len(sides) != 2 or any(candidate.target is not None for candidate in hostile):
        return found
    if len({actor.country for actor in sides.values()} - {None}) < 2:
        return found
    verbs_of = {code: {(id(c.verb.doc), c.verb.i) for c in hostile if c.actor.code == code} for code in sides}
    first, second = verbs_of.values()
    if first & second:
        return found
    completed = []
    for candidate, offset in found:
        if _hostile(candidate):
            candidate = _with_target(candidate, next(a for code, a in sides.items() if code != candidate.actor.code))
        completed.append((candidate, offset))
    return completed


def _with_target(candidate: Candidate, target: Actor) -> Candidate:
    """The candidate with a recipient the article gave it, its confidence recomputed."""
    features = {**candidate.features, "has_target": 1.0}
    return replace(candidate, target=target, features=features, confidence=probability(features))


def _hostile(candidate: Candidate) -> bool:
    """Force, assault, fighting and mass violence (HOSTILE_ROOTS): acts against an opponent."""
    return candidate.rule.code[:2] in HOSTILE_ROOTS


def _counterpart_from_article(found: list[tuple[Candidate, int]], kind) -> list[tuple[Candidate, int]]:
    """Each row of `kind` without a recipient takes the one counterpart the article's other rows
    of that kind give its actor (as actor or as recipient), if exactly one."""
    of_kind = [kind(candidate) for candidate, _ in found]
    counterparts: dict[str, dict[str, Actor]] = {}
    for (candidate, _), is_kind in zip(found, of_kind):
        if is_kind and candidate.target is not None and candidate.target.code != candidate.actor.code:
            counterparts.setdefault(candidate.actor.code, {})[candidate.target.code] = candidate.target
            counterparts.setdefault(candidate.target.code, {})[candidate.actor.code] = candidate.actor
    if not counterparts:
        return found
    completed = []
    for (candidate, offset), is_kind in zip(found, of_kind):
        known = counterparts.get(candidate.actor.code, {})
        if is_kind and candidate.target is None and len(known) == 1:
            candidate = _with_target(candidate, next(iter(known.values())))
        completed.append((candidate, offset))
    return completed


STATEMENT = "010"
# Sectors that report what happened rather than speak for anyone: the media ("– TASS", "the WSJ
# reported"), the police and medical staff ("two wounded, police say", "a doctor in Gaza
# describes the situation"). Their plain statement (010) is where a story's facts come from, not
# a political event (CAMEO's 010 is an actor's own statement); what they accuse, deny or demand
# keeps its own root.
REPORTING_SOURCES = frozenset({"MED", "COP", "HLH"})
PRESS = frozenset({"MED"})


def _within(span, token) -> bool:
    """The phrase the resolver reads for `token` lies inside `span`: the parse may join a word
    of a headline's attribution to the headline ("... warning to India - FT": "India - FT" as one
    phrase), and then the phrase does not name the speaker."""
    return all(span.start <= t.i < span.end for t in name_tokens(token))


def _attributed_statement(sent, resolver: ArticleActors) -> list[Candidate]:
    """The statement (010) of the person a headline is attributed to ("... – Lavrov"), when the
    headline codes nothing else: the news is that they said it. The name is known to be one,
    whatever the small model tagged it, so a sitting leader's surname counts."""
    name = attributed_name(sent)
    if name is None:
        return []
    actor = ((resolver.resolve(name.root, remember=False) if _within(name, name.root) else resolver.named_in(name))
             or resolver.leader(name[-1].text))
    if actor is None or actor.via != "gazetteer" or name[-1].text.islower():
        # "– WHO official", "– WHO senior officials": the body the name gives, not the story's
        # country; "– US lawmakers" keeps the sector its role gives
        named = next((a for a in (resolver.resolve(t, remember=False) for t in name if t.text[:1].isupper() and _within(name, t))
                      if a is not None and a.via == "gazetteer"), None)
        if named is not None and (actor is None or actor.code != named.code):
            actor = named
    if actor is None or actor.actor_type in REPORTING_SOURCES:  # "... – TASS": a source, not a speaker
        return []
    after_colon = name.start > sent.start and sent.doc[name.start - 1].text == ":"
    if after_colon and actor.code == actor.country and getattr(resolver.lookup(name.text), "kind", None) != "metonym":
        # a person or a country after a colon may answer the headline ("names its person of the
        # year: Zelensky"); a body's name is where the headline comes from (": ICRC", ": White House")
        return []
    # "Canada is a hostage to Nazi ideology – Moscow": what is said judges, demands or accuses
    code, target = attributed_judgement(sent.root, actor, resolver) or (STATEMENT, None)
    rule = ontology.VerbRule("say", None, frozenset(), code)
    if code == STATEMENT:  # what a judgement blames is its owner or no one ("Attack on Kyiv hospital a war crime – UN")
        target = statement_topic(resolver, [sent.root], [actor])  # "Kiev's battle plans ended in fiasco – Moscow"
    features = row_features(actor, target, rule, reported=True)
    return [Candidate(actor, target, rule, sent.root, None, actor.name, 0.0, features, action="say")]


# A poll's findings are what people answered, no one's act: "Most Russians support ban on
# English signage – poll", "Poll reveals Americans oppose Biden's handling of Gaza conflict".
POLL_NOUNS = frozenset({"poll", "polling"})  # not "survey": "a UN satellite survey found strikes destroyed ..."
FINDING_VERBS = frozenset({"show", "find", "reveal", "suggest", "indicate", "say"})
# "... – poll", "... - Levada poll"; not "... – days before poll", "... ahead of run-off poll": the vote
POLL_ATTRIBUTION = re.compile(r"\s[–—-]\s+(?!.*\b(?:before|after|ahead|days|weeks|months|run|runoff|election)\b)"
                              r"(?:[\w-]+\s+){0,2}polls?\s*$", re.IGNORECASE)


def _told_by_a_poll(sent) -> bool:
    """The sentence tells a poll's findings: attributed to one ("... – poll"), or what one shows,
    finds or reveals, or "according to" one. A poll is an opinion poll, not a vote ("days before
    poll"), and a survey may be of damage, not of people."""
    text = span_text(sent)
    if "poll" not in text.lower():  # every sentence asks: the cheap test first
        return False
    if POLL_ATTRIBUTION.search(text):
        return True
    for token in sent:
        if token.lemma_.lower() not in POLL_NOUNS:
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in FINDING_VERBS and token.head.dep_ == "ROOT":
            return True  # what the poll shows is the sentence's news, not a clause of it ("as polling shows ...")
        if (token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
                and token.head.head.head.dep_ == "ROOT"):  # not "Netanyahu, whose popularity slumped according to a poll, ..."
            return True
    return False


def sentence_candidates(sent, resolver: ArticleActors, headline: bool = False) -> list[Candidate]:
    """The sentence's event candidates. In a headline, "Benin says Niger pipeline not impacted"
    reports nothing but the saying: with no other event in the headline, the statement is the
    news (GOLD.md rule 3), as the attributed headline is ("... – Lavrov")."""
    _learn_people(sent, resolver)
    if _is_question(sent) or _told_by_a_poll(sent):
        return []
    by_verb: dict[int, list[Candidate]] = {}
    for verb in tokens_with_words(sent, ontology.predicates(), _lemmas_with_a_rule()):  # `_may_be_coded`'s words
        if not _may_be_coded(verb):
            continue  # would give no candidate: no entry, as an empty one reads the same below
        if ((verb.pos_ not in ("VERB", "AUX") and not is_bare_predicate(verb) and not verb_tagged_as_noun(verb))
                or _governed_by_event_verb(verb)):
            continue
        by_verb[verb.i] = list(_verb_candidates(verb, resolver, headline))
    out = []
    covered = {(c.actor.code, c.rule.code[:2]) for cs in by_verb.values() for c in cs}
    # a protest a verb tells ("rallied in Washington in a protest march") is not told again by a
    # noun of its clause, whose place may be another
    protest_verbs = {i for i, cs in by_verb.items() if any(c.rule.code.startswith(PROTEST_ROOT) for c in cs)}
    protests_of_places = [found for found in place_protests(sent, resolver)
                          if next((a.i for a in found[0].ancestors if a.pos_ in ("VERB", "AUX")), None) not in protest_verbs]
    titled = statement_titles(sent, resolver) if headline else ()
    for noun, code, actor, target in chain(nominal_events(sent, resolver), protests_of_places, titled):
        if (actor.code, code[:2]) in covered or is_negated(noun.head) or off_topic(noun, None):
            continue  # off topic: "the Riyadh club's Champions League clash" is a match
        if _intended_by_its_verb(noun):
            continue
        code = _sector_sense(noun, code, actor, resolver)
        code = _in_words(code, [actor])  # "as GOP attacks intensify"
        if code.startswith(DOMESTIC_COERCION) and aimed_at_trade(noun):
            continue  # "India's crackdown on Chinese apps": a trade measure, not coercion
        if target is None:  # "Vietnam's crackdown on civil society": on its own people
            target = cracked_down_at_home(resolver, noun, actor, code)
        covered.add((actor.code, code[:2]))
        claim = claiming_verb(noun)
        if claim is not None and noun.dep_ == "dobj":  # "claims capture of Maryinka": the capture, not the claim
            by_verb[claim.i] = [c for c in by_verb.get(claim.i, []) if not c.rule.code.startswith("01")]
        rule = ontology.VerbRule(noun.lemma_.lower(), None, frozenset(), code)
        speaker = _speaker(noun.head, resolver)
        features = row_features(actor, target, rule, nominal=True, reported=speaker is not None)
        out.append(Candidate(actor, target, rule, noun, subtree_text(noun), speaker, 0.0, features))
    out.extend(_intercepted_attacks(sent, by_verb, covered, resolver))
    out.extend(_downed_weapons(sent, covered, resolver))
    only_said = []  # statements whose reported clause holds no event
    anchors = {c.verb.i for c in out} | {i for i, cs in by_verb.items() if cs}
    for verb_i, candidates in by_verb.items():
        verb = sent.doc[verb_i]
        for candidate in candidates:
            if candidate.rule.code == STATEMENT and candidate.actor.actor_type in REPORTING_SOURCES:
                continue  # "two wounded in a shooting, police say": where the facts come from
            # "said the strikes were unacceptable": the statement is a criticism.
            if candidate.rule.code.startswith("01") and not _disputes(candidate.rule.code):
                judged = judgement(verb, candidate.actor, resolver) or accusation(verb, candidate.actor, resolver, anchors)
                if judged is not None:
                    out.append(_as_judgement(candidate, *judged))
                    continue
                if _names_as(verb):
                    continue  # "calls the talks a first step": naming is no event unless it judges
            if _doubt(candidate):
                out.append(_about_its_topic(candidate, verb, resolver))
                continue
            # "Hamas says 70 killed in Israeli air strike": whatever the parse made of what is
            # said, an event told in it is the news.
            if candidate.rule.code.startswith("01") and not _disputes(candidate.rule.code) and _tells_another(verb, anchors):
                continue
            # "X said that ...": the reported clause is the news, the saying is evidence,
            # unless the clause is the speaker's own view ("said he was confident"), or the
            # saying denies or accuses ("denied that its forces shelled ...": the denial is the news).
            if (candidate.rule.code.startswith("01") and _has_clause(verb) and not _own_view(verb, by_verb)
                    and not _disputes(candidate.rule.code) and not _foreboding(candidate, verb, by_verb)):
                if candidate.target is not None and not any(
                        by_verb.get(t.i) for c in _content_clauses(verb) for t in c.subtree):
                    only_said.append(candidate)
                continue
            # "demanded that Manila withdraw": what is demanded has not happened.
            if _unrealized(verb, by_verb):
                continue
            if _believed(verb):  # "believes that Putin had sought a compromise": an opinion, not a report
                continue
            if _others_possibility(candidate, verb, resolver):  # "Russia says Ukraine may attack Crimea"
                continue
            # "denied that its forces shelled the hospital", "accused Kyiv of attacking":
            # the embedded act is only alleged, never an event of its own.
            if _disputed(verb, by_verb):
                continue
            out.append(_about_its_topic(candidate, verb, resolver))
    if headline and not out:
        return only_said
    return out


# Cooperation and aid a participle tells as what its noun is: "rebels backed by Rwanda",
# "a hospital funded by Saudi Arabia".
STANDING_ROOTS = frozenset({"05", "06", "07"})


def _wished_act(verb, rule, actors, resolver: ArticleActors):
    """The rule of an act in the clause of a verb of wishing or dreading (clauses.wisher_of): none
    (None) when another than the wisher is to act ("Ghana hopes Togo will reopen the border",
    "fears Russia will attack"), an intent when the wisher's own side is ("hopes its president
    will visit Togo", "hopes it will sign"); any other act keeps its rule."""
    wisher = wisher_of(verb)
    if wisher is None:
        return rule
    wishing = resolver.resolve(wisher, remember=False) if wisher.i != verb.head.i else None
    if wishing is None or {a.code for a in actors} != {wishing.code}:
        return None
    return as_intent(rule)


def _others_possibility(candidate: Candidate, verb, resolver: ArticleActors) -> bool:
    """What a speaker says another actor may, might, could or can do ("Russia says Ukraine may
    attack Crimea", "Ghana says Togo could close the border"), or a study or unnamed experts say
    anyone may, is a warning about it or a forecast, not its act; what
    a speaker says its own side may do is held out as a threat or an intent (coding.with_modality)."""
    speaker = reported_possibility(verb)
    if speaker is None:
        return False
    said_by = resolver.resolve(speaker, remember=False)
    if said_by is None:  # "Ghana's jet can destroy Togolese tanks, study says": what a study thinks possible;
        # "he said" or "the foreign minister said" may be the actor's own voice (coding._unnamed_speaker),
        # not "the magazine reported": the press tells what it thinks possible, as a study does
        role = ontology.role_types().get(speaker.lemma_.lower())
        return speaker.pos_ != "PRON" and (role is None or role in PRESS)
    if said_by.actor_type in PRESS:  # "Pakistan can hit any Indian city, Pakistani newspaper Dawn reports"
        return True
    return said_by.code != candidate.actor.code and said_by.country != candidate.actor.code


def _without_commentary(found: list[tuple[Candidate, int]]) -> list[tuple[Candidate, int]]:
    """A statement is an event when it is the news (GOLD.md rule 3). In the body, a plain
    statement (010) is commentary when its actor is one the article shows acting (a row of
    another root than 01: "Israel struck Gaza ... the army said the targets were militants") or
    when it is said to no one ("the 76-year-old governor said", "an army spokesman said"): on the
    development split body statements to no one were right 9 times in 39. The headline's
    statements stay ("Zelensky says Ukraine 'deserves' EU membership" over a body that has him
    fight), as do those another speaker reports and what an actor accuses, denies or regrets in
    words (011-019)."""
    acting = {candidate.actor.code for candidate, _ in found if not candidate.rule.code.startswith("01")}
    return [(candidate, offset) for candidate, offset in found
            if candidate.rule.code != STATEMENT or offset == 0 or _reported_by_another(candidate)
            or (candidate.actor.code not in acting and candidate.target is not None)]


def _reported_by_another(candidate: Candidate) -> bool:
    """"Lavrov noted that China emphasized the need ...": a statement someone else reports is the
    news that speaker tells, not the actor's commentary."""
    return candidate.speaker is not None and candidate.speaker != candidate.actor.code


def _about_its_topic(candidate: Candidate, verb, resolver: ArticleActors) -> Candidate:
    """A statement kept as a statement (01) with no recipient is about whom its reported clause
    names ("denied that Togo had downed the plane": TGO). Given only here, once the statement is
    known to be the news: whom a statement is about neither makes a headline's saying the news nor
    is whom a judgement in it blames."""
    if not candidate.rule.code.startswith("01") or candidate.target is not None:
        return candidate
    topic = statement_topic(resolver, reported_clauses(verb) + _topic_phrases(verb), [candidate.actor])
    return candidate if topic is None else _with_target(candidate, topic)


# What a statement says it is about: "warns of Gaza genocide risk", "spoke about Ukraine's future"
STATEMENT_TOPIC_PREPS = frozenset({"of", "about"})


def _topic_phrases(verb) -> list:
    """The nouns a statement's "of" or "about" phrase names, and the place they are in ("warns of
    famine in Sudan"): whom they name is whom it is about."""
    topics = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in STATEMENT_TOPIC_PREPS
              for p in c.children if p.dep_ == "pobj"]
    return topics + [p for topic in topics for c in topic.children if c.dep_ == "prep" and c.lower_ == "in"
                     for p in c.children if p.dep_ == "pobj"]


def _tells_another(verb, anchors: set[int]) -> bool:
    """An event of the sentence stands in what the saying verb governs, outside its subject and
    the verbs joined to it by "and"."""
    return any(t.i in anchors for child in verb.children if child.dep_ not in SUBJECT_DEPS | {"conj", "cc"}
               for t in child.subtree)


INTERCEPTING_VERBS = frozenset({"down", "intercept", "shoot"})


def _intercepted_attacks(sent, by_verb: dict[int, list[Candidate]], covered: set,
                         resolver: ArticleActors) -> list[Candidate]:
    """'Ukraine shot down Russian drones': the drones were an attack by Russia on Ukraine, so the
    weapons' owner attacked the one who downed them. Only a weapon whose owner is named by its
    own modifier ("Russian drones", "Russian-launched missiles") says so."""
    found = []
    for verb_i, candidates in by_verb.items():
        verb = sent.doc[verb_i]
        if not _downs(verb):
            continue
        for candidate in (c for c in candidates if c.rule.code.startswith("19")):
            for weapon in (_counted(c) for c in verb.children if c.dep_ == "dobj"):
                if not is_weapon(weapon):
                    continue
                owner = _weapon_owner(weapon, resolver, other_than=candidate.actor.code)
                if owner is None or (owner.code, "19") in covered:
                    continue
                covered.add((owner.code, "19"))
                actor = Actor(owner.code, owner.code, owner.country, "MIL", "gazetteer")
                rule = ontology.VerbRule(weapon.lemma_.lower(), None, frozenset(), "190")
                features = row_features(actor, candidate.actor, rule, nominal=True, reported=candidate.speaker is not None)
                found.append(Candidate(actor, candidate.actor, rule, weapon, subtree_text(weapon), candidate.speaker,
                                       0.0, features))
    return found


def _downs(verb) -> bool:
    """'shot down', 'intercepted', 'downed': a verb that stops weapons in flight."""
    lemma = verb.lemma_.lower()
    return lemma in INTERCEPTING_VERBS and (lemma != "shoot" or "down" in {c.lower_ for c in verb.children})


def _counted(noun):
    """'dozens of drones', '28 of 31 drones': the drones."""
    if noun.lower_ not in QUANTITY_NOUNS and not noun.like_num:
        return noun
    return next((p for prep in noun.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"), noun)


def _weapon_owner(weapon, resolver: ArticleActors, other_than: str | None = None):
    """The gazetteer entry a weapon's own modifier names ("Russian drones", "Russian-launched
    missiles"), other than `other_than` (the one who downed them); not its maker's ("Iranian-made
    drones" may be anyone's)."""
    return next((o for o in (resolver.lookup(m.text) for m in weapon.subtree
                             if m.i < weapon.i and m.pos_ in ("ADJ", "PROPN") and not names_a_maker(m.head))
                 if o is not None and o.code != other_than), None)


def _downed_weapons(sent, covered: set, resolver: ArticleActors) -> list[Candidate]:
    """'Togolese missiles were intercepted over Accra', 'a Togolese drone targeting Accra was shot
    down': whoever downs an attack's weapons fights its owner (19), as the news set's coders code
    the defending side. With no agent, the defender is the state of the place the weapon was
    downed over or targeted; the weapon's owner is named by its own modifier. Its attack on that
    state is told by the sentence's other rows, or by none when the sentence says only the downing."""
    found = []
    for verb in tokens_with_words(sent, frozenset(), INTERCEPTING_VERBS):  # `_downs`'s words
        if not _downs(verb) or agents_of(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        for weapon in (_counted(c) for c in verb.children if c.dep_ == "nsubjpass"):
            owner = _weapon_owner(weapon, resolver) if is_weapon(weapon) else None
            if owner is None or owner.code != owner.country:
                continue
            places = [p for clause in weapon.children if clause.dep_ == "acl" for p in clause.children if p.dep_ == "dobj"]
            places += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS
                       for p in prep.children if p.dep_ == "pobj"]
            defender = next((d for d in (country_or_place(resolver, p) for p in places) if d is not None), None)
            if defender is None or defender.code == owner.code or (defender.code, "19") in covered:
                continue
            covered.add((defender.code, "19"))
            actor = Actor(defender.code, defender.name, defender.country, "MIL", defender.via)
            target = Actor(owner.code, weapon.text, owner.country, "MIL", "gazetteer")
            rule = ontology.VerbRule(verb.lemma_.lower(), None, frozenset(), "190")
            speaker = _speaker(verb, resolver)
            features = row_features(actor, target, rule, passive=True, reported=speaker is not None)
            found.append(Candidate(actor, target, rule, verb, subtree_text(weapon), speaker, 0.0, features))
    return found


# What "call" with an object means when it names nothing: an appeal, a call for a meeting or a visit.
CALLING_ROOTS = frozenset({"02", "03", "04"})


def _calls_something(verb, rule) -> bool:
    """"call" read as a call on someone or for something (a visit, a meeting) where it names
    what its object is ("called Zelensky's visit 'disgraceful'"); not "call off" or "call up"
    (a particle of its own), nor another naming verb's own sense ("finds him innocent")."""
    return (verb.lemma_.lower() == "call" and rule.code[:2] in CALLING_ROOTS
            and not any(c.dep_ == "prt" for c in verb.children))


def _names_as(verb) -> bool:
    """The verb names what its object is (judgements.NAMING_VERBS): an object predicate, also as
    the parser may hang it (on the object: "called the move outrageous"; as a verbless clause:
    "deems Iran's enrichment unacceptable"), or a name in quotation marks after the object
    ("calls Biden's EV push a 'ridiculous crusade'", however the parser read the quote)."""
    children = list(verb.children)
    return verb.lemma_.lower() in NAMING_VERBS and (any(
        c.dep_ == "oprd" or (c.dep_ == "dobj" and trailing_predicates(c))
        or (c.dep_ == "ccomp" and c.pos_ == "ADJ" and c.lower_ not in RESULT_ADJECTIVES) for c in children)
        or bool(quoted_name(verb)) or trailing_adjective(verb) is not None or second_object_name(verb) is not None)


# Verbs whose adjective says what their object is ("found him guilty", "declared the vote void"),
# and adjectives that say what an act left its object ("shot him dead").
OBJECT_PREDICATE_VERBS = NAMING_VERBS | frozenset({"find", "declare", "pronounce", "hold", "consider"})
RESULT_ADJECTIVES = frozenset({"dead", "alive", "unconscious"})


def _small_clause_subject(children):
    """"found the Togolese businessman guilty", parsed as a verbless clause ("businessman guilty"):
    its subject is the verb's object."""
    clause = next((c for c in children if c.dep_ == "ccomp" and c.pos_ == "ADJ"), None)
    return next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None


NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _a_thing(noun, resolver: ArticleActors) -> bool:
    """`clauses.names_a_thing`, with no named body in its phrase and no actor the tables know."""
    return (names_a_thing(noun) and not any(t.ent_type_ in NAMED_ENTITIES for t in noun.subtree)
            and resolver.resolve(noun, remember=False) is None)


# A ban on a thing or an activity coerces no one unless it restricts speech, assembly, the press or
# faith (schemas/data/off_topic.csv "freedom_object": "bans protest song", "bans Barbie movie"):
# GOLD.md codes domestic regulation ("bans disposable vapes", "bans mining") as no event.
ADMINISTRATIVE_SANCTION = "172"
BANNING_VERBS = frozenset({"ban", "outlaw", "prohibit", "forbid", "criminalize", "criminalise"})


def _regulates_a_thing(noun, resolver: ArticleActors) -> bool:
    """The banned noun and the words of its phrase name no people, no actor and nothing of
    political freedom: a regulation of a thing or an activity."""
    freedoms = ontology.off_topic_cues().get("freedom_object", frozenset())
    return _a_thing(noun, resolver) and not any(
        t.lemma_.lower() in freedoms or t.lower_ in freedoms or t.pos_ == "PROPN"
        or (t.pos_ in ("NOUN", "PROPN") and (names_people(t) or resolver.resolve(t, remember=False) is not None))
        for t in noun.subtree)


def _participle_clause_subject(verb, children):
    """"holds rally seeking the premier's resignation", "launched strikes targeting ...": the parser
    may read the object and the -ing participle after it as a clause of their own; the noun right
    after the verb, that clause's subject, is the verb's object."""
    for clause in children:
        if clause.dep_ in ("xcomp", "ccomp", "advcl") and clause.tag_ == "VBG":
            subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
            if subject is not None and subject.left_edge.i == verb.i + 1:
                return subject
    return None


def _describes_its_subject(verb, children, in_passive: bool) -> bool:
    """An object predicate with no object ("nurse found guilty", "tourists shot dead", "man found
    not guilty"): a headline's passive written without "was", whose subject is what the act is
    done to (GOLD.md: a passive without an agent is no event; with a "by" phrase the agent acts).
    `in_passive`: passive_voice(children), which such a clause is not."""
    if in_passive:
        return False
    for child in children:
        adjective = child.dep_ == "acomp" or (child.dep_ == "ccomp" and child.pos_ == "ADJ"
                                              and not any(c.dep_ in SUBJECT_DEPS for c in child.children))
        if child.dep_ == "oprd" or (adjective and (verb.lemma_.lower() in OBJECT_PREDICATE_VERBS
                                                   or child.lemma_.lower() in RESULT_ADJECTIVES)):
            return True
    return False


def _as_judgement(candidate: Candidate, code: str, target: Actor | None) -> Candidate:
    """The statement's candidate recoded as the criticism it is, with the judged act's owner as
    recipient and the confidence features of its new root."""
    rule = ontology.VerbRule(candidate.rule.lemma, None, frozenset(), code)
    target = target or candidate.target
    features = {k: v for k, v in candidate.features.items() if k not in root_group(candidate.rule.code)}
    features.update(root_group(code))
    if target is not None:
        features["has_target"] = 1.0
    return replace(candidate, rule=rule, target=target, features=features)


# Light verbs (schemas/data/light_verbs.csv) that say again what was said: "reiterated its
# condemnation of Hamas" is the condemnation; "reiterated its position on Taiwan", with no event
# noun, stays the statement it is (not "announced the relocation of its embassy": no row).
REPEATING_VERBS = frozenset({"reiterate", "repeat", "reaffirm", "restate"})


PRAISE_ROOT = "05"
COOPERATION_NOUNS = frozenset({"cooperation", "partnership", "alliance", "friendship", "ties", "relations"})


def _cooperation_object(dobj) -> bool:
    """Praise of cooperation, a partnership or ties that the subjects share ("hailed military
    cooperation"): each praises it with the other."""
    return dobj is not None and dobj.lemma_.lower() in COOPERATION_NOUNS


MUTUAL_WORDS = frozenset({"bilateral", "mutual", "mutually", "jointly", "together",
                          "relations", "relationship", "ties"})
# What two sides share, after "their": "pledged to keep the peace along their disputed border",
# "to settle their differences" (not "their people", each side's own).
SHARED_NOUNS = frozenset({"border", "frontier", "dispute", "differences", "feud", "rivalry", "cooperation",
                          "partnership", "alliance", "friendship"})


def _mutual(verb) -> bool:
    """'Vietnam and South Korea pledged to double bilateral trade', '... to work together',
    '... to stabilize their relationship': the complement says the intent is of each toward
    the other (relations with a third side are a target, and then the act is not mutual)."""
    words = [t.lower_ for t in verb.subtree]
    return bool(MUTUAL_WORDS.intersection(words)) or any(
        a == "each" and b == "other" for a, b in zip(words, words[1:]))


def _mutual_intent(verb) -> bool:
    """An intent that is of each subject toward the other: by its verb ("agreed to"), its words
    ("bilateral", "ties") or what the two share ("their disputed border")."""
    return verb.lemma_.lower() in RECIPROCAL_INTENT_VERBS or _mutual(verb) or _shared(verb)


def _shared(verb) -> bool:
    """What two subjects intend about a thing they share after "their" ("pledged to keep the
    peace along their disputed border", "vowed to settle their differences") is of each toward
    the other; "their borders" are each side's own. Only for intents: fighting "along their
    border" keeps each side as the other's opponent."""
    return any(t.lower_ == "their" and t.dep_ == "poss" and t.head.lower_ in SHARED_NOUNS for t in verb.subtree)


RHETORICAL_WORDS = frozenset({"scathing", "verbal", "blistering", "stinging", "withering", "personal",
                              "rhetorical", "furious", "angry"})
LABEL_TOKENS = 4


PARTY_SIDES = frozenset({"PTY", "OPP"})  # a party named as such, or its leader or figure
GENERIC_ATTACK = "190"  # "attacks", "hits out": not a weapon's (shelled, bombed, fired rockets)


def _in_words(code: str, actors) -> str:
    """A generic attack (190) by parties without an armed wing is criticism (111): a party fights
    with words ("Starmer attacks Sunak over housing", "as GOP attacks intensify")."""
    return CRITICISM if code == GENERIC_ATTACK and all(_party_side(a) for a in actors) else code


def _party_side(actor: Actor) -> bool:
    """A political party without an armed wing (armed_parties.csv), named or through one of its
    politicians: its attacks are words. Not a party's gunmen ("Fatah gunmen" take the armed
    sector)."""
    return (actor.code in ontology.party_codes() and actor.code not in ontology.armed_party_codes()
            and actor.actor_type in PARTY_SIDES)


# Prepositions that, hung on a passive's agent, still name the act's recipient: no actor is "the
# EU on Belarus" or "the US against Iran".
RECIPIENT_PREPS_AFTER_AGENT = frozenset({"on", "against"})


# Verbs whose object is what the actor fights with ("fired Iranian missiles"), not what it hit
# ("destroyed Ukrainian tanks", "intercepted Houthi drones").
WEAPON_USING_VERBS = frozenset({"fire", "use", "launch", "drop", "lob", "hurl", "deploy", "employ", "unleash"})


def _in_label(subject, verb) -> bool:
    """'Africa: Sundowns seize control ...', 'Ukraine war: UN chief condemns ...': a headline's
    label before a colon names a section, never the subject of the verb after it."""
    sent = verb.sent
    colon = next((t for t in sent[: LABEL_TOKENS + 1] if t.text == ":"), None)
    return colon is not None and subject.i < colon.i < verb.i


def _is_question(sent) -> bool:
    """'What has Israel said about the campaign?', 'Will Iran retaliate?': a question reports
    nothing (a quoted one ends in its speech verb: '"Why?" he asked.')."""
    return span_text(sent).rstrip().rstrip("\"'”’ )").endswith("?")


# Denials (016) and accusations, criticism, complaints (root 11) embed an act they dispute.
DISPUTING_CODES = ("016", "11")
TIME_MARKS = frozenset({"after", "before", "when", "while", "as", "once", "until", "since"})
EMBEDDING_DEPS = frozenset({"ccomp", "xcomp", "pcomp", "pobj", "prep", "conj", "advcl", "acl"})


def _disputes(code: str) -> bool:
    return code.startswith(DISPUTING_CODES)


def _disputed(verb, by_verb: dict[int, list[Candidate]]) -> bool:
    """Whether a denial or an accusation governs this verb ("accused X of attacking")."""
    node = verb
    while node.dep_ in EMBEDDING_DEPS and node.head is not node:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in node.children):
            return False  # "condemned the move after Ghana closed the border": when, not what
        coordinated = node.dep_ == "conj" or (node.dep_ in ("ccomp", "advcl") and comma_joined(node))
        node = node.head
        governing = by_verb.get(node.i)
        if governing and _disputes(governing[0].rule.code):
            return not coordinated  # "denied the report and attacked X": two acts, not one embedded
    return False


VIEW_VERBS = frozenset({"expect", "hope", "believe", "fear", "doubt", "think", "feel"})


def _own_view(verb, by_verb: dict[int, list[Candidate]]) -> bool:
    if any(by_verb.get(t.i) for c in verb.children if c.dep_ == "xcomp" and _claimed_done(c) for t in c.subtree):
        return False  # "claimed to have launched drones": the launch is the news
    for clause in reported_clauses(verb):
        if any(by_verb.get(t.i) for t in clause.subtree):
            return False
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        if not subjects or subjects[0].lower_ not in PERSONAL_PRONOUNS:
            return False
        attitude = clause.lemma_.lower() in VIEW_VERBS or any(
            c.dep_ == "acomp" and c.lemma_.lower() in ontology.predicates() for c in clause.children
        )
        if not attitude:
            return False
    return True


def _foreboding(candidate: Candidate, verb, by_verb: dict[int, list[Candidate]]) -> bool:
    """'warned that electricity will run out': a warning of a clause that tells no event is the
    speaker's own word, and the news (`foretold_state`)."""
    return candidate.rule.code == PESSIMISTIC_COMMENT and candidate.rule.lemma in WARNING_VERBS and not any(
        by_verb.get(t.i) for c in reported_clauses(verb) for t in c.subtree)


def _doubt(candidate: Candidate) -> bool:
    """'doubts Israel can destroy Hamas': the doubt is the news whatever its clause tells, for
    what is doubted is not told as done (`_believed`)."""
    return candidate.rule.code == PESSIMISTIC_COMMENT and candidate.rule.lemma in DOUBTING_VERBS


DOUBTING_VERBS = frozenset({"doubt"})
BELIEF_VERBS = frozenset({"believe", "think", "feel"}) | DOUBTING_VERBS


def _believed(verb) -> bool:
    """An act told only as what someone believes, thinks or feels happened."""
    node = verb
    while node.dep_ in ("ccomp", "conj") and node.head is not node:
        node = node.head
        if node.lemma_.lower() in BELIEF_VERBS:
            # "did not doubt that Russia had attacked": the speaker affirms it
            return not (node.lemma_.lower() in DOUBTING_VERBS and _doubt_denied(node))
    return False


DENYING_SUBJECTS = frozenset({"nobody", "none", "few"})


def _doubt_denied(verb) -> bool:
    """'did not doubt', 'nobody doubted', 'no one doubts', 'few doubt'."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return is_negated(verb) or any(
        s.lower_ in DENYING_SUBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children) for s in subjects)


def _has_clause(verb) -> bool:
    """'said that ...', 'claims to have ...': the content, not the saying, is the news."""
    return bool(_content_clauses(verb))


def _content_clauses(verb) -> list:
    """What a verb says, claims or wants: its clauses, without an act only listed after it."""
    return reported_clauses(verb) + [c for c in verb.children if c.dep_ == "xcomp"]


def _first_of_same_form(verb):
    """The first of the verbs joined by "and" that share this one's form ("shelling and killing")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.tag_ == verb.tag_:
        verb = verb.head
    return verb


# Nouns that name what someone wants done, not what was done: "renewed calls for Togo to free
# the prisoners", "backed demands that Togo free them", "the pressure on Togo to free them".
# What is feared or foreseen has not happened either, when it is to come: "fears that China will
# send weapons", "the risk that Russia could attack".
FEARED_NOUNS = frozenset({"fear", "concern", "worry", "risk", "danger", "possibility", "prospect",
                          "speculation", "expectation", "prediction"})
WANTING_NOUNS = frozenset({"call", "demand", "appeal", "plea", "request", "pressure", "push", "bid", "ultimatum",
                           "proposal", "plan", "offer", "threat", "pledge", "promise", "vow"}) | FEARED_NOUNS


def _asks_for(verb) -> bool:
    """The verb asks, with "for", whatever its own clause ("calls for", "pushes for", "appeals
    for": verbs.csv), though negated or with no actor."""
    rule = match_verb(verb.lemma_, {"for"}, set(), set())
    return rule is not None and rule.code[:2] in ASKING_ROOTS


def _official_visitor(subject) -> bool:
    """A named person or a government role ("the foreign minister"), who travels as a visit; a
    leader the tables know by name is one even when the model did not see a person ("Zelenskyy
    lands in Rome", tagged as a common noun)."""
    if subject.ent_type_ == "PERSON" or ontology.role_types().get(subject.lemma_.lower()) == "GOV":
        return True
    entry = ontology.actor_names(None).get(ontology.normalize_name(subject.text))
    return (subject.is_title and (entry is None or entry.kind != "organization")  # "Wagner lands in Mali": a group
            and (ontology.is_leader_surname(subject.text) or ontology.is_person_name(subject.text)))


def _lands_in_a_place(verb) -> bool:
    return any(p.ent_type_ in ("GPE", "LOC", "FAC") or p.pos_ == "PROPN" for prep in verb.children if prep.dep_ == "prep"
               and prep.lower_ == "in" for p in prep.children if p.dep_ == "pobj")


def _unrealized(verb, by_verb: dict[int, list[Candidate]]) -> bool:
    """What a demand, an appeal, an intent or a threat asks for has not happened ("demanded that
    Manila withdraw", "urged Israel to stop bombing and killing civilians": the killing too), nor
    what a noun of wanting asks for ("calls for Togo to free the prisoners")."""
    verb = _first_of_same_form(verb)
    if foreseen(verb):
        return True  # "Tsai says China attack unlikely for now", the noun parsed as a verb
    if (verb.dep_ in ("acl", "advcl") and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in WANTING_NOUNS
            and (verb.tag_ == "VB" or any(c.dep_ in ("aux", "mark") and c.lower_ in ("to", "that", "for")
                                           for c in verb.children))
            and (verb.head.lemma_.lower() not in FEARED_NOUNS or verb.tag_ == "VB")):
        # not "No pressure, Rishi: King Charles urges leaders to act" (a misparse); what is feared
        # only when it is to come ("fears that China will send", not "fears that Hamas executed")
        return True
    if verb.dep_ == "advcl" and getattr(for_clause(verb.head), "i", None) == verb.i:
        # "calls for Israel to halt strikes", "did not call for Togo to withdraw", "nobody is
        # calling for Ukraine to surrender": asked for or not, it has not happened
        return _asks_for(verb.head)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in WANTING_VERBS:
        return True  # "wants Togo to reopen the border", "does not want Ukraine to join the EU"
    if verb.dep_ not in ("ccomp", "xcomp") or (verb.dep_ == "ccomp" and comma_joined(verb)):
        return False
    head = verb.head
    if head.dep_ == "xcomp" and head.lemma_.lower() in ontology.aspectual_verbs():
        head = head.head  # "pledged to keep supplying"
    while not by_verb.get(head.i) and head.dep_ == "xcomp" and head.head.pos_ in ("VERB", "AUX"):
        head = head.head  # "refused to allow the envoy to meet the president": the refusal governs
    governing = by_verb.get(head.i)
    if governing:
        return governing[0].rule.code[:2] in ontology.root_modes()
    # a demand whoever makes it: "activists demand Biden calls for a ceasefire" (not a warning or
    # a finding: "analysts warn Russia is massing troops" reports what is done)
    own_sense = match_verb(head.lemma_, frozenset(), frozenset())
    return own_sense is not None and own_sense.code[:2] in ASKING_ROOTS


def _learn_people(sent, resolver: ArticleActors) -> None:
    for ent in entities_in(sent):  # `sent.ents`, without building all the document's entities again
        if ent.label_ == "PERSON":
            resolver.resolve(ent.root, remember=False)


def _reported_act(verb) -> bool:
    """The form of an act a headline reports without "it is" or "it": a gerund ("says seeking to
    free hostages"), a past or base form with its object and no auxiliary ("says hit Russian
    military sites"), a participle with its "by" phrase ("says hit by Russian drones")."""
    children = list(verb.children)
    return (verb.tag_ == "VBG"
            or (verb.tag_ in ("VBD", "VBN", "VB") and direct_object(children) is not None
                and not any(c.dep_ == "aux" for c in children))
            or (verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in children)))


def _schedules_its_act(word) -> bool:
    """Whether a headline's scheduling word schedules the act after it ("expected to visit": a
    meeting, the root predicates.csv gives "expected", `scheduled_root`); else the word is a verb
    of its own ("Turkey expected to back Finland": what Turkey expects to do, an intent)."""
    complement = next((c for c in word.children if c.dep_ == "xcomp"), None)
    if complement is None or not is_scheduled(complement):
        return False  # "Spain ready to sign deal": an intent, the word's own
    root, act = scheduled_root(complement), rule_for(complement)
    return root is None or (act is not None and act.code.startswith(root))


def _intended_by_its_verb(noun) -> bool:
    """"vowed to launch an offensive", "ready to hold talks": the noun is what its light verb is
    intended to do, an act the governing verb codes (an intent, a threat), not one done."""
    verb = noun.head
    return (noun.dep_ == "dobj" and verb.lemma_.lower() in ontology.light_verbs()
            and _governed_by_event_verb(verb))


def _governed_by_event_verb(verb) -> bool:
    """'refused to implement': the governing verb codes the event, not the xcomp.

    Aspectual verbs ("began sharing data") govern nothing: the complement is the event; nor
    do words that schedule it ("is set to meet": clauses.is_scheduled). A verb joined to such a
    complement in the same form is governed with it ("urged Togo to stop shelling and killing
    civilians"); one in another form is a clause of its own ("vowed to retaliate and filed a
    complaint", which the parser joins to "retaliate"). The act someone joins others in is
    governed as the joining is ("declined to join Western allies in providing Kyiv with arms").
    """
    if verb.dep_ in ("advcl", "ccomp", "dep") and is_speech(verb.head) and bidding_clause(verb.head) is verb:
        return True  # "Stop the bombing, Erdogan tells Israel": the command is what is asked (`bidding_appeal`)
    verb = _first_of_same_form(joining_verb(verb) or verb)
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in ontology.aspectual_verbs() or is_scheduled(verb):
        return False
    if verb.head.lemma_.lower() in MEANS_VERBS:  # "used drones to attack the tanker"
        rule = rule_for(verb)
        return rule is None or rule.code[:2] not in MEANS_ROOTS or not _used(verb.head)
    if _ending_up(verb.head) and _used(verb.head):
        return False  # "ended up attacking the city": the attack is what happened
    if _claimed_done(verb):
        return False
    if reported_without_subject(verb) and _reported_act(verb):
        return False  # "Ukraine says hit Russian military sites": the act said, not governed by "says"
    governing = verb.head.lemma_.lower()
    if governing in VOTING_VERBS:
        return not _vote_taken(verb.head)  # "lawmakers vote to suspend ties with Israel": the vote is the suspension
    if governing in TRYING_VERBS:
        rule = rule_for(verb)  # "tried to attack Moscow with drones": the attempt is the attack
        return rule is None or (rule.code[:2] not in ATTEMPTED_ROOTS and not rule.code.startswith(ATTEMPTED_CODES))
    # an aim governs its act whether or not it codes one itself ("plotted to kill", "scrambled to reach")
    return (_has_rules(verb.head.lemma_) or predicate_rule(verb.head) is not None
            or governing in ontology.cessation_verbs() or governing in ontology.aim_verbs())


# A body that votes to act has decided the act, which the news codes as the act itself ("Bulgaria
# votes to scrap sanctions opt-out", "House votes to open impeachment inquiry").
VOTING_VERBS = frozenset({"vote"})
# Who votes in elections and referendums, which decide no act of a state's (GOLD.md: out of scope).
ELECTORATE = frozenset({"voter", "citizen", "resident", "people", "electorate"})


def _vote_taken(vote) -> bool:
    """A vote held, told in the present or past by a body: not one expected, failed, possible or
    to come ("are expected to vote", "failed to vote", "may vote"), nor voters' in a referendum."""
    finite = vote.tag_ in ("VBD", "VBZ", "VBP") or (vote.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in vote.children))
    if not finite or vote.dep_ == "xcomp" or is_negated(vote) or any(
            c.dep_ == "aux" and c.tag_ == "MD" for c in vote.children):
        return False
    return not any(c.lemma_.lower() in ELECTORATE for c in vote.children if c.dep_ == "nsubj")


# Trying to protest, coerce, use force or mediate is doing it, as the news codes it ("police try
# to arrest Imran Khan", "Russian forces have been trying to capture Bakhmut", "Egypt is trying to
# mediate a truce"); trying to do anything else is an aim ("tries to counter war fatigue").
TRYING_VERBS = frozenset({"try"})
# "tried to march on parliament", "is trying to block Sweden's NATO bid" (129; not "trying to
# prevent strikes", 120, an aim)
ATTEMPTED_ROOTS = frozenset({"14", "17", "18", "19", "20"})
ATTEMPTED_CODES = ("045", "046", "129")  # "trying to mediate a truce", "trying to negotiate a ceasefire"


# "ended up deploying police", "wound up attacking": what it came to is the act
ENDING_UP_VERBS = frozenset({"end", "wind"})


def _ending_up(verb) -> bool:
    return verb.lemma_.lower() in ENDING_UP_VERBS and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)


# A clause under these tells what someone fears or hopes will happen, not that it did.
EXPECTED_CLAUSE_VERBS = EXPECTING_VERBS | BELIEF_VERBS | {"fear", "want", "worry", "wish", "suspect"}


def _used(verb) -> bool:
    """A verb of means (or "ended up") that is itself an act done or decided ("used", "will use",
    also in what someone says or warns), not one hoped, feared, planned, let or possible ("hopes
    to use", "is going to use", "could use", "would use ... if", "fear Russia will end up
    invading"). "Ended up using drones to attack" is a use as the ending up is."""
    if verb.dep_ == "xcomp" and _ending_up(verb.head):
        return _used(verb.head)
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in EXPECTED_CLAUSE_VERBS:
        return False
    return (verb.dep_ not in ("xcomp", "acl", "advcl") and not is_hypothetical(verb)
            and not any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children))


# Verbs whose infinitive reports an act as done even in the headline's present ("Wagner fighters
# claim to capture village" is "claim to have captured"): a claim is of what was done.
CLAIMING_VERBS = frozenset({"claim"})
# What a claim reports as done: a one-off act of force or seizure ("claim to capture village",
# "claims to shoot down drones"), not a standing aim ("claims to fight Nazis", "to protect civilians").
CLAIMED_ROOTS = frozenset({"17", "18", "19", "20"})
STANCE_VERBS = frozenset({"fight", "combat", "battle", "protect", "defend", "oppose", "support", "resist"})


def _claimed_done(verb) -> bool:
    """'claimed to have launched drones at Eilat': a perfect infinitive under a speech verb is
    an act reported as done, coded like "said it launched" (GOLD.md, rule 4), not governed; so is
    any infinitive a claim reports ("claim to capture village")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CLAIMING_VERBS and verb.lemma_.lower() not in STANCE_VERBS:
        rule = rule_for(verb)
        return rule is not None and rule.code[:2] in CLAIMED_ROOTS
    return any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) and is_speech(verb.head)


# Verb and object that say only that the subject takes part in what the "in" phrase names.
PARTICIPATING = frozenset({("take", "part")})


# Verbs of speaking that are a statement said alone ("spoke on state television") and a
# conversation when two sides are their subjects ("Biden and Xi spoke for two hours").
TALKING_VERBS = frozenset({"speak"})
CONSULTATION = "040"


def _spoke_together(verb, rule, actors) -> bool:
    """Two sides or more, the subjects of a bare "spoke" that the verb table reads as a statement,
    spoke with each other; not when they spoke at something, to an audience."""
    return (verb.lemma_.lower() in TALKING_VERBS and rule.code == STATEMENT and not rule.particle
            and len({a.code for a in actors}) > 1
            and not any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children))


def _helps_do_with_no_one_helped(verb, children) -> bool:
    """Help that names the act it helps do and no one it helps ("helps thwart a plot", "helped
    turn the party around", "helps secure transactions") is no aid: the act is the news, told by
    its own clause. Help given to someone is aid to them, whatever it is for ("helped Benin
    fight Niger": clauses.HELPING_VERBS; "helps fund Ukraine's air defence"), and a pair the verb
    table codes keeps its code ("helped negotiate a ceasefire": mediation)."""
    if verb.lemma_.lower() not in HELPING_VERBS or any(c.dep_ in ("dobj", "dative") for c in children):
        return False
    acts = [c for c in children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"
            and not any(s.dep_ in SUBJECT_DEPS for s in c.children)]
    if not acts:
        return False
    named = match_verb(verb.lemma_, frozenset(), {act.lemma_.lower() for act in acts})
    if named is not None and named.object_heads:
        return False  # "helped negotiate a ceasefire": the verb table's own sense of the pair
    # "helps fund Ukraine's air defence": the one whose act it is, is the one helped
    return not any(p.dep_ == "poss" for act in acts for o in act.children if o.dep_ == "dobj" for p in o.children)


def _prepositional_event(verb, children):
    """The event noun after a light verb's preposition ("engaged in clashes", "participated in
    talks": ontology.light_verb_prepositions), or None."""
    prepositions_of_verb = ontology.light_verb_prepositions().get(verb.lemma_.lower())
    if not prepositions_of_verb:
        return None
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in prepositions_of_verb:
            noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if noun is not None and nominal_code(noun, standalone_only=False):
                return noun
    return None


# In an -ing clause on another act these verbs tell its effect ("..., killing three", "forcing
# thousands to flee", "leaving a city without power") or who else did the same ("recognised
# Palestine, joining Britain and Canada"), not a new act of the subject.
PARTICIPLE_NON_ACTS = IMPACT_VERBS | frozenset({"force", "leave", "cause", "prompt", "trigger", "spark", "displace",
                                                 "join", "follow"})


VERBAL_CONFLICT = 3  # CAMEO's quad classes: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict


def _meeting_venue(verb, preps, target: Actor, rule: ontology.VerbRule, actors: list[Actor]) -> bool:
    """The target is only where two or more subjects met ("met in Cairo", "held talks in
    Geneva"): a meeting's place is its venue, and the subjects are each other's partners."""
    if rule.code[:2] != "04" or len({a.code for a in actors}) < 2:
        return False
    return any(prep.lower_ in LOCATIVE_PREPS and any(c.dep_ == "pobj" and c.text in target.name for c in prep.children)
               for prep in preps)


def _subject_sense(rule: ontology.VerbRule, verb, subjects, without_object: bool,
                   resolver: ArticleActors, noun=None) -> ontology.VerbRule:
    """The sense the subject gives the verb (subject_senses.csv): force used by a crowd is a
    riot, "nurses strike" with nothing struck is a strike; the first row that fits, else `rule`.
    After a light verb the noun names the act ("police carried out raids"), and its row counts."""
    lemmas = ("*", verb.lemma_.lower()) + ((noun.lemma_.lower(),) if noun is not None else ())
    # "hundreds of police raid farms": the counted noun says who acts
    subjects = [_counted(s) for s in subjects]
    sectors: dict[int, str | None] = {}  # each subject's sector, resolved once for all the rows

    def sector(subject) -> str | None:
        if subject.i not in sectors:
            sectors[subject.i] = _sector_of(subject, resolver)
        return sectors[subject.i]

    def noun_without_object() -> bool:
        # "nurses launched a strike": the act the light verb's noun names has no object of its
        # own unless the noun names one that can be struck ("launched a strike on the base", "on
        # Gaza"), not what a strike is over ("a strike against tax hikes", "on the pay deal")
        return noun is not None and not any(
            c.dep_ == "prep" and c.lower_ in OBJECTIVE_PREPS
            and any(_can_be_struck(o, resolver) for o in c.children if o.dep_ == "pobj") for c in noun.children)

    for sense in ontology.subject_senses():
        by_noun = noun is not None and noun.lemma_.lower() in sense.lemmas and verb.lemma_.lower() not in sense.lemmas
        if ((sense.lemmas & set(lemmas)) and (not sense.roots or rule.code[:2] in sense.roots)
                and (without_object or not sense.without_object or (by_noun and noun_without_object()))
                and not (sense.code.startswith(ASSAULT_ROOT)
                         and _names_arms(noun if noun is not None else verb, objectives=bool(sense.subject_sectors)))
                and any(_named_noun(s).lemma_.lower() in sense.subject_nouns
                        or (sense.subject_sectors and sector(s) in sense.subject_sectors)
                        for s in subjects)):
            return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, sense.code)
    return rule


def _named_noun(subject):
    """The common noun a name stands for ("aircraft carrier Carl Vinson": carrier), else the subject."""
    if subject.pos_ != "PROPN":
        return subject
    return next((c for c in reversed(list(subject.lefts)) if c.dep_ == "compound" and c.pos_ == "NOUN"), subject)


def _sector_of(subject, resolver: ArticleActors) -> str | None:
    """The sector of the group a subject names ("Hamas", "Hamas fighters": REB,
    schemas/data/organizations.csv), else the one its words name ("nurses": HLH)."""
    actor = resolver.resolve(subject, remember=False)
    return (actor.actor_type if actor is not None else None) or resolver.role_type_of(subject)


# An attack by a non-state group is an assault (18: GOLD.md, bombings, kidnappings, assassinations
# by non-state groups; subject_senses.csv) unless it uses arms of war ("a missile attack on a
# tanker", "attacked with drones", "attacked with thousands of rockets") or, by a named group,
# strikes soldiers or ships ("Hezbollah attacks Israeli positions", "attack ships in the Red
# Sea"): those are military force (19).
ASSAULT_ROOT = "18"
MILITARY = "MIL"  # the sector of armed forces (schemas/data/roles.csv)
# Bombs are the assault's own means ("attacked a hotel with a car bomb"), not arms of war.
ASSAULT_MEANS = ("bomb", "explosive", "ied", "device", "vest", "grenade")
MILITARY_OBJECTIVES = frozenset({"army", "base", "force", "forces", "outpost", "position", "post", "soldier",
                                 "troop", "ship", "vessel", "tanker", "warship", "destroyer", "frigate"})


def _can_be_struck(token, resolver: ArticleActors) -> bool:
    """A place, a military objective, a state or an armed group: what a strike on it hits (a
    strike against a company, a policy or a pay deal is a labour strike)."""
    if token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in STRUCK_NOUNS:
        return True
    actor = resolver.resolve(token, remember=False)
    return actor is not None and state_or_armed(actor)


# What a strike on it makes an attack: a military objective or a place ("a strike on the camp")
STRUCK_NOUNS = MILITARY_OBJECTIVES | frozenset({"camp", "village", "town", "city", "target", "targets", "hospital",
                                               "school", "building", "convoy", "headquarters", "compound", "depot",
                                               "airport", "port", "bridge"})


def _names_arms(act, objectives: bool = False) -> bool:
    """Whether the verb or event noun names arms of war anywhere in what it governs (not in its
    subject), or, with `objectives`, strikes a military objective (`MILITARY_OBJECTIVES`)."""
    subjects = {t.i for c in act.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    governed = [t for t in act.subtree if t.i not in subjects and t.i != act.i]
    if any(is_weapon(t) and not t.lemma_.lower().endswith(ASSAULT_MEANS) for t in governed):
        return True
    if not objectives:
        return False
    objects = [c for c in act.children if c.dep_ == "dobj"] + aimed_at(act)
    return any(o.lemma_.lower() in MILITARY_OBJECTIVES for o in objects)


def _sector_sense(noun, code: str, actor: Actor, resolver: ArticleActors) -> str:
    """The sense an event noun's actor gives it (subject_senses.csv): "an FBI raid", "a Ghanaian
    police raid" is coercion (170), not an armed attack; "attacks by Palestinian gunmen", "the
    gunmen's attack" an assault (180). The actor is told by its sector, or by the nouns that
    name it beside the event noun (a compound, a possessive, the agent after "by")."""
    agents = [c for c in noun.children if c.dep_ in ("compound", "poss")] + [
        o for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "by" for o in prep.children if o.dep_ == "pobj"]
    sectors = {actor.actor_type} | {resolver.role_type_of(c) for c in agents if c.dep_ == "compound"}
    nouns = {c.lemma_.lower() for c in agents} | {c.lower_ for c in agents}
    for sense in ontology.subject_senses():
        if (noun.lemma_.lower() in sense.lemmas and (sense.subject_sectors & sectors or sense.subject_nouns & nouns)
                and (not sense.roots or code[:2] in sense.roots) and code[:2] != sense.code[:2]
                and not (sense.code.startswith(ASSAULT_ROOT) and _names_arms(noun, objectives=bool(sense.subject_sectors)))):
            return sense.code  # not over a code of its own root: "a hunger strike" stays 142
    return code


def _ordered_act(verb, resolver: ArticleActors) -> tuple[ontology.VerbRule, Actor | None] | None:
    """A state that orders its own state or officials to do an act does the act itself: the
    complement's rule and recipient ("ordered the U.S. to share evidence with the court"); None
    when no act that is an event is ordered (the order stays as coded: "orders the arrest of")."""
    ordered = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
    rule = rule_for(ordered) if ordered is not None else None
    if rule is None or rule.code == NOT_AN_EVENT:
        return None
    children = list(ordered.children)
    dobj = direct_object(children)
    heads = [h for h in (dative_object(children), dobj) if h is not None]
    return rule, find_target(resolver, heads, prepositions(children), dobj, rule.code[:2])


def _code(resolver: ArticleActors, head) -> str | None:
    actor = resolver.resolve(head, remember=False)
    return actor.code if actor is not None else None


def _has_rules(lemma: str) -> bool:
    return lemma.lower() in ontology.verb_rules()


def _attribution_tokens(sent) -> range:
    """The token indices of a headline's closing attribution, from its dash to the end."""
    name = attributed_name(sent)
    if name is None:
        return range(0)
    start = name.start
    while start > sent.start and sent.doc[start - 1].is_punct:
        start -= 1
    return range(start, sent.end)


@functools.cache
def _lemmas_with_a_rule() -> frozenset[str]:
    """Every verb lemma (lower case) that some way of coding a verb can give a rule: the verb
    table (`match_verb`), ending an act (`cessation_rule`), a light or aspectual verb's object
    (`coding.light_verb_rule`), "be" with a predicate (`predicate_rule`) and naming verbs (`_names_as`)."""
    return (frozenset(ontology.verb_rules()) | ontology.cessation_verbs() | ontology.light_verbs()
            | ontology.aspectual_verbs() | frozenset(ontology.light_verb_prepositions())
            | NAMING_VERBS | {"be"})


def _may_be_coded(word) -> bool:
    """A lexical gate, the same test `_verb_candidates` starts with: a word no rule can code
    gives no candidate, so every token of a sentence is asked this before the parse tests that
    decide whether it is a verb at all (`verb_tagged_as_noun` reads a noun's children). "be"
    is in no table of verbs: it is coded only by the predicate it is the verb of ("was ready to
    sign", `coding.predicate_rule`), so a "be" without one (a sixth of the verbs asked) gives
    no candidate either."""
    lemma = word.lemma_.lower()
    if lemma == "be" and not _has_a_predicate_word(word):
        return is_bare_predicate(word)
    return lemma in _lemmas_with_a_rule() or is_bare_predicate(word)


def _has_a_predicate_word(be) -> bool:
    """"was ready to sign", "is confident that": "be" with an adjective of the predicates table,
    what `coding.predicate_rule` codes "be" by."""
    return any(c.dep_ == "acomp" and predicate_word(c) is not None for c in be.children)


def _verb_candidates(verb, resolver: ArticleActors, headline: bool) -> Iterable[Candidate]:
    bare_predicate = is_bare_predicate(verb)  # "Spain ready to sign deal": coded as "is ready to" is
    if verb.lemma_.lower() not in _lemmas_with_a_rule() and not bare_predicate:
        # No rule can code it, so it gives no row: skip the clause tests below, which read the
        # parse only (nothing is learned before the rule is known). About 3 verbs in 10.
        return
    refusal = is_refusal(verb)
    # A headline's passive names no doer ("Ghanaian detained in Lome"), unless a participle
    # coordinated with it does ("Ghanaian detained and interrogated by Togolese forces").
    # (the attribution ends the headline: its dash, its name and any role noun, "- Israeli army")
    attribution = _attribution_tokens(verb.sent) if headline else range(0)
    # "China and US set for talks": a predicate without its "is", not a passive without "was"
    headline_passive = is_headline_passive(verb, headline, attribution) and not bare_predicate
    children = list(verb.children)
    dobj = direct_object(children)
    participating = dobj is not None and (verb.lemma_.lower(), dobj.lower_) in PARTICIPATING
    if participating:
        dobj = None  # "took part in talks with the EU": the "in" phrase names the act (`_prepositional_event`)
    # "U.K. nurse found guilty", "traders shot dead by Togolese police": what is found guilty or
    # shot is the subject, a passive written without "was", its doer only in a "by" phrase
    in_passive = passive_voice(children)
    described = dobj is None and _describes_its_subject(verb, children, in_passive)
    if described and not agents_of(verb):
        return
    if dobj is None:  # "found the Togolese businessman guilty": the small clause's subject
        dobj = _small_clause_subject(children)
    if dobj is None and not is_speech(verb):  # "holds rally seeking the premier's resignation"
        dobj = _participle_clause_subject(verb, children)
    if dobj is None and described:
        dobj = next((c for c in children if c.dep_ == "nsubj"), None)
    if dobj is None:  # in the passive the grammatical subject is the object: "sanctions were imposed"
        dobj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if dobj is None and (headline_passive or in_passive):
        # "Ghanaian detained and interrogated by ...", "Putin praised by China's Communist Party"
        # (a subject and a "by" phrase, the parser's doer): the patient
        dobj = next((c for c in children if c.dep_ == "nsubj"), None)
    if dobj is None and verb.dep_ == "conj" and (verb == coordinated_agent_verb(verb.head)
                                                  or any(c.dep_ == "auxpass" for c in children)):
        # "... detained and interrogated by ...", "a woman jailed for 20 years was pardoned by a
        # court" (parsed as two clauses sharing the woman): the first clause's subject is the patient
        dobj = next((c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    prepositional = None
    if dobj is None:  # "engaged in clashes with ...": the noun after the preposition is the event
        dobj = prepositional = _prepositional_event(verb, children)
    if participating and dobj is None:  # "will not take part in the peace conference": no event noun
        dobj, participating = direct_object(children), False
    fronted_patient = fronted_passive_patient(verb)
    reduced = reduced_passive(verb) or fronted_patient is not None
    if dobj is None and reduced:  # "hostages held by Hamas": the noun it modifies
        dobj = fronted_patient if fronted_patient is not None else verb.head
    preps = prepositions(children)
    particles = particles_of(children)
    heads = with_complement(verb, object_heads(dobj, preps, verb))
    if verb.lemma_.lower() in ontology.aspectual_verbs() and any(c.dep_ == "xcomp" for c in children):
        return
    if _helps_do_with_no_one_helped(verb, children):
        return  # "helps thwart a plot", "helped turn the party around": the act helped is the news
    if bare_predicate and _schedules_its_act(verb):
        return  # "Zelensky expected to visit Japan": the visit is the act, as in "is expected to"
    rule = predicate_rule(verb) if bare_predicate else None
    rule = rule or or_cessation(verb, match_verb(verb.lemma_, particles, heads, duration_particles(children)))
    asked = for_clause(verb)
    if asked is not None and "for" not in particles:  # "calls for Israel to halt strikes": an appeal to Israel
        asking = match_verb(verb.lemma_, particles | {"for"}, heads, duration_particles(children))
        if asking is not None and asking.code[:2] in ASKING_ROOTS:
            rule = asking
    light = light_verb_rule(verb, dobj)
    light_noun = light is not None and (rule is None or not rule.object_heads or participating)
    if light_noun:
        rule = light  # "intensified its offensive": the noun is the event, not the verb's own sense
    rule = rule or predicate_rule(verb)
    if (rule is None or rule.code == NOT_AN_EVENT or _calls_something(verb, rule)) and _names_as(verb):
        # "called Zelensky's visit 'disgraceful'", "calls the strike on the institute
        # incomprehensible": naming what the object is, not calling on anyone nor for a visit
        rule = ontology.VerbRule(verb.lemma_.lower(), None, frozenset(), STATEMENT)
    if rule is None or rule.code == NOT_AN_EVENT or off_topic(verb, dobj):
        return
    # "Ukraine claims 400 Russian soldiers killed in barracks strike": the speaker's own strike
    claimed_by = _enemy_losses_claimed(verb, rule, verb.head if verb.dep_ == "acl" else dobj, resolver)
    if claimed_by and dobj is None:
        dobj, reduced = verb.head, True  # the dead the participle describes, as in "hostages held by Hamas"
    # The clause tests, after the rule: they read the parse only, as everything above does, and
    # cost more than finding the rule, which two verbs in five asked here do not have.
    if (is_negated(verb) and not refusal) or is_hypothetical(verb) or is_purpose(verb) or (
            headline_passive and coordinated_agent_verb(verb) is None and not claimed_by):
        return
    joined = joining_verb(verb)
    if joined is not None and is_negated(joined):
        return  # "did not join Togo in blocking the plan": no blocking either
    if joins_in_an_act(verb):  # "joined Budapest in blocking the plan": the blocking is the row
        return
    if not rule.code.startswith(scheduled_root(verb) or ""):
        return  # "Iran is expected to retaliate": a forecast, not an act on the agenda
    if standing_relation(verb, rule):
        return  # "Iran, which supports armed groups in Syria": who the noun is, not what happened
    if (reduced and ontology.cameo_codes()[rule.code].quad_class < VERBAL_CONFLICT and not dated(verb)
            and not (headline and verb.head.dep_ == "ROOT" and rule.code[:2] not in STANDING_ROOTS)):
        # "forces backed by Moscow", "a deal brokered by Qatar": a standing description, not news;
        # "a grandmother released by Hamas on Monday" is an act, dated as acts are, and so is a
        # headline that is nothing but the participle's noun ("Two hostages freed by Hamas"),
        # unless what it says is support ("Rebels backed by Rwanda", "Militants armed by Iran").
        return
    main_verb = participle_main_verb(verb)  # the act an -ing clause goes with, if it is one
    if main_verb is not None and (rule.code.startswith("01") or verb.lemma_.lower() in PARTICIPLE_NON_ACTS):
        return  # "..., citing security concerns", "..., killing three": the reason or the effect, not a new act
    rule = command_of_own_forces(verb, dobj) or joint_action(rule, dobj)
    if refusal:  # "will not withdraw": a refusal of the act (modality.csv, mode "refusal")
        table = ontology.modality_codes()
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads,
                                 table.get(("refusal", rule.code[:2])) or table[("refusal", "*")])
    if rule.code.startswith("19") and dobj is not None and any(c.lower_ in RHETORICAL_WORDS for c in dobj.children):
        # "launched a scathing attack on the premier's government": criticism, not force
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, "111")
    act_code = rule.code  # the act itself, before "will", "agreed to" make it an intent
    rule = with_modality(verb, rule)
    if rule.code.startswith("01"):  # "told Togo to withdraw its troops", "Stop the bombing, X says": an appeal for the act
        rule = directive_appeal(verb, rule) or bidding_appeal(verb, rule) or rule
    if rule.code.startswith("01") and demanding_clause(verb) is not None:
        rule = modal_rule(rule, "demand", rule_for(demanding_clause(verb)))
    # "announced a military offensive": a verb that announces takes its object's event (not one
    # that talks about it: "described the raid" is no raid of the speaker's).
    light = verb.lemma_.lower() in ontology.light_verbs()
    if light and not rule.object_heads and dobj is not None and not in_passive:
        announced = ontology.nominal_events(standalone_only=False).get(dobj.lemma_.lower())
        if announced is not None:  # "announced a military offensive against ..."
            rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, announced)
            light_noun = True
        elif rule.code.startswith("01") and verb.lemma_.lower() not in REPEATING_VERBS:
            return  # "announced the relocation of its embassy": the news is the noun, not coded
    passive = reduced or headline_passive or in_passive or described
    if passive:
        subjects = agents_of(verb) or claimed_by
        target_heads = [dobj] if dobj is not None else []
        # "sanctions imposed by the EU on Belarus": the parser hangs the recipient on the agent
        preps = preps + [p for agent in subjects for p in agent.children
                         if p.dep_ == "prep" and p.lower_ in RECIPIENT_PREPS_AFTER_AGENT]
    else:
        described = _document_described(verb)
        subjects = described or subjects_of(verb)
        target_heads = [h for h in (dative_object(children), dobj) if h is not None]
        if described:
            target_heads += _addressees_of_writing(verb)
    subjects = [s for s in subjects if not _in_label(s, verb)]
    if rule.code[:2] in FORCE_ROOTS and figurative_force(verb, rule, subjects, dobj, preps, resolver):
        return
    if (verb.lemma_.lower() in BANNING_VERBS and rule.code == ADMINISTRATIVE_SANCTION and dobj is not None
            and _regulates_a_thing(dobj, resolver)):
        return  # "bans disposable vapes", "bans mining in the wilderness": a regulation, no one coerced
    if verb.lemma_.lower() in ontology.military_moves() and not rule.object_heads and not any(
            _sector_of(s, resolver) == MILITARY for s in subjects):
        return  # "rescuers drill towards the workers", "the team sails on": no unit shows force
    if rule.code.startswith(VISIT_ROOT) and any(is_weapon(s) or s.lemma_.lower() in CRAFT_NOUNS for s in subjects):
        return  # "a Ukrainian missile landed in Poland", "Russian plane lands in Pyongyang": no visitor
    if verb.lemma_.lower() in LANDING_VERBS and not (subjects and all(map(_official_visitor, subjects))
                                                     and _lands_in_a_place(verb)):
        return  # "Zelensky lands in Washington"; not migrants, marines, nor "lands in trouble"
    # "went on strike": the noun is the act, which strikes nothing
    rule = _subject_sense(rule, verb, subjects, (dobj is None or dobj is prepositional) and not passive, resolver,
                          dobj if light or dobj is prepositional else None)
    # A former official keeps their country, in the elite sector (ELI), not its government.
    authors = _authors_of_documents(subjects, rule, resolver)
    if authors:  # "Ghana's letter to Togo calls for talks": whom the writing is addressed to
        target_heads = target_heads + [o for s in subjects for p in s.children if p.dep_ == "prep" and p.lower_ == "to"
                                       for o in p.children if o.dep_ == "pobj"]
    actors = _speakers_own(verb, subjects, resolver) or authors or resolve_all(resolver, subjects)
    actors = _speaker_going_on(verb, rule, actors, resolver) or actors
    if actors and all(a.actor_type in PRIVATE_PEOPLE for a in actors) and rule.code[:2] < DEMAND_ROOT:
        return  # "Chinese tourists seek less trodden path", "Ukrainian children go to school"
    if actors and (verb.lemma_.lower() in OPPOSING_VERBS | MUTUAL_VERBS or rule.code.startswith(MUTUAL_ACT_CODES)):
        actors += _crowds_beside(verb, subjects, preps, resolver)  # "police and protesters clashed"
    rule = exercise_together(rule, dobj, actors)
    rule = deployed_to_own_border(verb, dobj, actors, rule) or rule  # "sends soldiers to Belarus border"
    instrument = False
    if not actors and rule.code[:2] in FORCE_ROOTS:  # "a bomb planted by militants killed four officers",
        actors = [a for a in (instrument_agent(s, resolver) for s in subjects) if a is not None]  # "killed by Togolese fire"
        instrument = bool(actors)
    if not actors and _refers_to_speaker(subjects):
        actors = _reporting_subjects(verb, resolver)
    crowd_voice = False  # a crowd's criticism or demand, which needs a recipient to be news
    if not actors and rule.code[:2] in CROWD_ROOTS:
        actors = _crowd_of_the_place(verb, subjects, preps, resolver)
        crowd_voice = rule.code[:2] != PROTEST_ROOT
    if not actors:
        return
    if _in_words(rule.code, actors) != rule.code:  # "Starmer attacks Sunak over housing"
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, CRITICISM)
    if rule.code[:2] == DEMAND_ROOT and _protesting_crowd(verb, subjects):
        # "hundreds of protesters gathered to demand that the president resign": what a crowd
        # of protesters demands it demands by protesting (GOLD.md: 14)
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, DISSENT)
    if rule.code.startswith("13") and foretold_state(verb, lambda t: _code(resolver, t)):
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, PESSIMISTIC_COMMENT)
    if dobj is not None and rule.code[:2] in FORCE_ROOTS and verb.lemma_.lower() in WEAPON_USING_VERBS and is_weapon(dobj):
        target_heads = [h for h in target_heads if h is not dobj]  # "fired Iranian missiles at Kyiv": Iran made them
    if participating and rule.code[:2] in HOSTILE_ROOTS:
        if any(c.dep_ in ("compound", "poss") and resolver.resolve(c, remember=False) is not None
               for c in dobj.children):
            return  # "Iranian advisers took part in Houthi attacks": the attacks are the Houthis' row
        target_heads = aimed_at(dobj)  # what the attacks were on
    target = (country_before_region(find_recipient(resolver, target_heads, preps, None if participating else dobj,
                                                   rule.code[:2]), resolver, target_heads, preps, dobj, rule.code[:2])
              or participle_target(resolver, verb, dobj, rule.code[:2])  # "a raid in Benin capturing X": X
              or governed_place(resolver, target_heads, rule.code[:2])  # "Mexico condemns Texas"
              or find_place(resolver, target_heads, preps, dobj, rule.code[:2]))
    if target is not None and not _own_recipient(target, actors, rule.code[:2]):
        target = None  # not the acting state's own recipient: look further
    # Two or more subjects and a name only inside what their act is about, or where it happened
    # ("Ghana and Togo discuss a Parakou rail link"): no third party (see `reciprocal` below).
    topic_only = target is not None and len(actors) > 1 and not named_as_recipient(resolver, target, target_heads, preps)
    # "demanded that Manila withdraw"; "helped Benin fight Niger": the one helped; "suspects
    # Russia poisoned ...", "alleges the US was behind ...": the one accused
    helping = verb.lemma_.lower() in HELPING_VERBS
    if target is None and asked is not None and rule.code[:2] in ASKING_ROOTS:
        target = find_target(resolver, [c for c in asked.children if c.dep_ in ASKED_DEPS], [], None)
    if target is None and (rule.code[:2] in ASKING_ROOTS or rule.code[:3] in ACCUSING_CODES or helping):
        for child in children:
            if (child.dep_ == "ccomp" and not comma_joined(child)) or (helping and child.dep_ == "xcomp"):
                target = find_target(resolver, [c for c in child.children if c.dep_ in SUBJECT_DEPS], [], None)
                break
    if target is None:  # "agreed to keep supplying Sri Lanka with fuel": the complement names it
        target = complement_target(resolver, verb, rule.code[:2])
    if target is None:  # "northern Gaza, where the army is extending its offensive"
        target = where_clause_target(resolver, verb, rule.code[:2])
    if target is None and main_verb is not None:  # "rejected Togo's plan, warning of countermeasures"
        target = clause_target(resolver, main_verb, rule.code[:2])
    if target is not None and not _own_recipient(target, actors, rule.code[:2]):
        target = None  # "jails woman for trying to set fire to army aid point": its army is no recipient
    if target is None:  # "met with military commanders": the state's own
        target = own_institution_target(resolver, target_heads, preps, actors)
    if target is None:  # "Russia jails activist Pyotr Verzilov": the state's own people
        target = own_people_target(resolver, target_heads, preps, actors, rule.code)
    if target is None and rule.code[:2] == PROTEST_ROOT:  # "South Korean farmers protest a bill"
        target = _protested_state(actors)
    if target is None:  # "China cracks down on comedy": on its own people
        target = coerced_at_home(actors, rule.code, target_heads, resolver, verb)
    if target is None and crowd_voice:
        return  # "women have accused the singer of assault": people, not a state, accuse a person
    if (rule.code.startswith(RELEASE) and target is not None and target.code in {a.code for a in actors}
            and dobj is not None and held_by_captors(dobj, actors[0], resolver)):
        return  # "the army freed a captured soldier": its own, rescued from their captors, no release
    if target is not None and target.code in {a.code for a in actors} and verb.lemma_.lower() in COMMAND_VERBS:
        rule, target = _ordered_act(verb, resolver) or (rule, target)  # "Biden orders U.S. to share evidence"
    if target is not None and instrument and target.code in {a.code for a in actors}:
        target = None  # "an apartment block hit by a Russian missile strike": not Russia's own
    if target is None and instrument:  # "a Russian missile strike on Kharkiv killed four": the weapon's target
        target = next((t for t in (nominal_target(s, resolver, actors[0]) for s in subjects) if t is not None), None)
    rule, target, posed = warning_read(verb, rule, actors, target, resolver)
    if not posed:
        return  # "warned of the threat of cholera": a danger no one poses
    object_text = _object_text(verb, dobj, preps, target)
    wished = _wished_act(verb, rule, actors, resolver)
    if wished is None:
        return  # "the Kremlin hopes the US Congress will block aid": another's act, only hoped for
    rule = wished
    speaker = _speaker(verb, resolver)
    if speaker is not None and {a.code for a in actors} == {speaker} and (
            others_plan_reported(verb, rule) or reported_possibility(verb) is not None):
        # "Wang Yi will visit New York, Beijing's foreign ministry said": its own word; "Togo's
        # missile can destroy Ghanaian tanks, Togo's defence minister said": an act held out
        rule = as_intent(rule)
    # "Taiwan and the US reach a deal that cuts US tariffs": a target that is one of the subjects
    # names no third party, and the act is mutual like "Taiwan and the US reach a deal".
    among_subjects = target is not None and any(a.code == target.code for a in actors)
    if target is not None and _meeting_venue(verb, preps, target, rule, actors):
        target = None  # "Israeli and Palestinian negotiators met in Cairo": each meets the other
    if _spoke_together(verb, rule, actors):
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, CONSULTATION)
    # An intent to do a mutual act is mutual too: "Ghana and Togo say they will resume ties".
    reciprocal = len(actors) > 1 and (target is None or among_subjects or topic_only) and (
        rule.code.startswith(MUTUAL_ACT_CODES) or verb.lemma_.lower() in MUTUAL_VERBS
        or (verb.lemma_.lower() in OPPOSING_VERBS and rule.code.startswith("19") and not _mutual(verb))
        or (rule.code[:2] == "03" and (_mutual_intent(verb) or act_code.startswith(MUTUAL_ACT_CODES)))
        # "Putin and China's defence minister hailed military cooperation", "... praise their ties"
        # (not "... praise their cooperation with Africa": a third party is the one praised)
        or (rule.code[:2] == PRAISE_ROOT and (target is None or among_subjects)
            and (_mutual(verb) or _shared(verb) or _cooperation_object(dobj)))
        # a decided act two sides agree on is each's toward the other ("agreed to extend the truce")
        or (rule.code[:2] in ontology.decided_roots() and verb.lemma_.lower() in RECIPROCAL_INTENT_VERBS))
    for actor in actors:
        this_target = target
        if reciprocal:
            this_target = next((a for a in actors if a.code != actor.code), None) or next(
                (a for a in actors if a.actor_type != actor.actor_type), None)
        # A domestic act has its own state as recipient (_own_recipient); in a mutual act the
        # partner is the other subject, and a subject named as the recipient is the others'.
        if this_target is not None and this_target.code == actor.code and (
                (reciprocal and this_target.actor_type == actor.actor_type)
                or (among_subjects and len(actors) > 1 and not reciprocal)
                or not _own_recipient(this_target, [actor], rule.code[:2])):
            this_target = None  # two sides of one state ("police and protesters") are each other's
        if no_one_on_the_other_side(verb, rule, actor, this_target, resolver):
            continue  # "signs law", "seeks to recoup €2.5bn from banks", "warns the world is ..."
        features = row_features(actor, this_target, rule, passive=passive, reported=speaker is not None,
                                 instrument=instrument, light_verb=light_noun,
                                 background=reduced or clause_kind(verb) == "relcl",
                                 subordinate=clause_kind(verb) == "advcl")
        yield Candidate(actor, this_target, rule, verb, object_text, speaker, 0.0, features)
    if (rule.code in SENT_ACTS and verb.lemma_.lower() in RECEIVING_VERBS and target is not None
            and target.code not in {a.code for a in actors}
            and not no_one_on_the_other_side(verb, rule, actors[0], target, resolver)):
        # "Qatar's emir received Saudi Arabia's foreign minister": the visitor made the visit (its
        # features those of an actor named as the clause's object, as in a passive)
        sent = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, SENT_ACTS[rule.code])
        features = row_features(target, actors[0], sent, passive=True, reported=speaker is not None)
        yield Candidate(target, actors[0], sent, verb, object_text, speaker, 0.0, features)


# What a crowd does as a crowd of its country: protests, and the demands and criticism it voices
# ("protesters demand the president resign", "opposition leaders accuse the government").
CROWD_ROOTS = frozenset({PROTEST_ROOT, "10", "11"})
DEMAND_ROOT = "10"
DISSENT = "140"
# Crowds that protest by being there, and the verbs of gathering a demand can be the purpose of.
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher"})
GATHERING_VERBS = frozenset({"gather", "rally", "march", "assemble", "demonstrate", "protest"})


def _protesting_crowd(verb, subjects) -> bool:
    """Protesters, or people only counted, or a demand that is what a crowd gathered for
    ("thousands gather in Mexico City to demand justice"); not students or farmers who demand
    compensation, which is a demand (10)."""
    nouns = {_counted(s).lemma_.lower() for s in subjects} | {s.lower_ for s in subjects}
    return bool(nouns & (PROTESTER_NOUNS | QUANTITY_NOUNS)) or (
        verb.dep_ == "advcl" and verb.head.lemma_.lower() in GATHERING_VERBS)


def _crowd_of_the_place(verb, subjects, preps, resolver: ArticleActors) -> list[Actor]:
    """"Protesters took to the streets across France", "rail workers stage fresh strikes" in a
    story about Britain: a crowd that protests is of the country where it protests: the place of
    the clause, else the country the story is about, else the outlet's home when the story is
    domestic (GOLD.md: crowds are coded by their country). Only a crowd's sector counts: an
    unnamed "they" or "officials" stays unresolved."""
    # "thousands of students": the counted noun
    subjects = [next((p for prep in s.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"), s)
                if s.lower_ in QUANTITY_NOUNS else s for s in subjects]
    sectors = [_crowd_sector(s, resolver) for s in subjects]
    if not subjects or any(sector not in CROWD_SECTORS for sector in sectors):
        return []
    # "Thousands in New York march": the place may be the subject's own
    placed = [c for s in subjects for c in s.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS]
    if placed and any(s.pos_ == "PROPN" or s.ent_type_ == "NORP" for s in subjects):
        return []  # "Iranians in London protest": a people's crowd abroad, not the city's country
    place = next((p for prep in [*placed, *preps] if prep.lower_ in LOCATIVE_PREPS
                  for pobj in prep.children if pobj.dep_ == "pobj"
                  for p in [country_or_place(resolver, pobj)] if p is not None), None)
    if place is None and placed:
        return []  # placed where no table says: not the story's or the outlet's country
    country = place.code if place is not None else (resolver.context_country or resolver.outlet_country)
    if country is None:
        return []
    return [Actor(country, subjects[0].text, country, sectors[0], "context")]


def _crowd_sector(subject, resolver: ArticleActors) -> str | None:
    """The sector of a crowd: its role noun's, or for people only counted ("thousands rally in
    Jakarta", "hundreds of thousands protest") the civilians'."""
    if subject.lower_ in QUANTITY_NOUNS:
        return CIVILIANS
    return resolver.role_type_of(subject)


def _protested_state(actors) -> Actor | None:
    """A crowd that protests or strikes and names no one protests to its own state (GOLD.md: a
    domestic act is coded state to state): "South Korean farmers protest proposed legislation",
    "political prisoners in Russia stage a hunger strike". Only a crowd's sector; a state that
    boycotts ("Togo boycotts the summit") is no crowd."""
    country = acting_state(actors)
    if country is None or any(a.actor_type not in CROWD_SECTORS for a in actors):
        return None
    return own_state(country)


def _crowds_beside(verb, subjects, preps, resolver: ArticleActors) -> list[Actor]:
    """"Ghanaian police and protesters clashed in Accra": a crowd beside a resolved party of a
    mutual or opposing act is of the country where it acts, as a protesting crowd is
    (_crowd_of_the_place); the two are each other's recipients, both of one state."""
    crowds = [c for s in subjects for c in conjuncts(apposed_name(s))
              if resolver.role_type_of(c) in CROWD_SECTORS and resolver.resolve(c, remember=False) is None]
    return [actor for crowd in crowds for actor in _crowd_of_the_place(verb, [crowd], preps, resolver)]


# What one does to another by speaking: appeals, demands, criticism and accusations.
ADDRESSED_SPEECH_ROOTS = frozenset({"02", "10", "11"})
# Where an -ing clause of speaking names whom it addresses: "urging Russia", "calling on Lome".
ADDRESSEE_PREPS = frozenset({"on", "for", "to"})


# A side's count of its enemy's dead: "Ukraine claims 400 Russian soldiers killed in barracks
# strike", "Taliban says eight ISIL fighters killed in raids". The killing is the speaker's own
# operation (the coders code the speaker's force on the dead's side), when the two are sides of a
# war and the operation names no doer ("killed in a Ukrainian attack" does).
FORCE_ROOT = "19"


def _enemy_losses_claimed(verb, rule, victim, resolver: ArticleActors) -> list:
    """The speaker's subjects, when a passive use of force with no agent is what one side of a
    war (schemas/data/armed_conflicts.csv, on the article's day) plainly says it did to the other
    side's soldiers in an operation it leaves unnamed; else []. A third party's count ("UK says
    1,500 Russian soldiers killed"), a hedge ("may have been killed"), a denial and an operation
    with a doer ("in a jihadist attack", "in clashes with ...") are no claim."""
    if (rule.code[:2] not in FORCE_ROOTS or victim is None or verb.tag_ != "VBN" or agents_of(verb)
            or any(c.dep_ == "nsubj" for c in verb.children) or is_hypothetical(verb)
            or any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in verb.children)):
        return []
    speech = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
    if verb.dep_ not in ("acl", "ccomp") or speech.i == verb.i or not is_speech(speech, bare_statement=True):
        return []
    operation = next((o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                      for o in p.children if o.dep_ == "pobj"), None)
    if operation is None or not (nominal_code(operation, standalone_only=False) or "").startswith(FORCE_ROOT) \
            or _operation_names_a_doer(operation, resolver):
        return []
    victims = [victim, *victim.conjuncts]
    if not all(_sector_of(v, resolver) in FORCE_SECTORS for v in victims):
        return []
    speakers = [a for a in _speaking_actors(speech, resolver) if state_or_armed(a)]
    dead = resolve_all(resolver, victims, as_target=True)
    if not any(ontology.at_war(side, other, resolver.on_date) for a in speakers for b in dead
               for side in {a.code, a.country} for other in {b.code, b.country} if side and other):
        return []
    return subjects_of(speech)


# Words before an operation that say who carried it out ("a rebel attack", "a police raid",
# "an army strike"), not with what or where ("a drone strike", "a barracks strike").
DOER_SECTORS = frozenset({"REB", "RAD", "COP", "OPP", "CRM"})
ARMED_FORCE_WORDS = frozenset({"army", "military", "force", "forces", "troop", "troops", "navy", "militia"})


def _operation_names_a_doer(operation, resolver: ArticleActors) -> bool:
    """"a Ghanaian attack", "a jihadist attack", "a raid by rebels", "clashes with the police":
    the operation's own words name who carried it out."""
    for word in operation.subtree:
        if word.i < operation.i and word.dep_ in ("poss", "amod", "compound", "nmod") and (
                word.ent_type_ in NAMED_ENTITIES or names_people(word) or word.lemma_.lower() in ARMED_FORCE_WORDS
                or ontology.role_types().get(word.lemma_.lower()) in DOER_SECTORS
                or resolver.resolve(word, remember=False) is not None):
            return True
    return any(p.dep_ == "prep" and p.lower_ in ("by", "with", "from") for p in operation.children)


# Writings that speak for whoever wrote or sent them: "a memo from the U.S. calling for renewed
# dialogue", "Ghana's letter calls for talks" (the author acts, not the one who received it).
DOCUMENT_NOUNS = frozenset({"letter", "memo", "memorandum", "note", "message", "statement", "communique",
                            "communiqué", "declaration", "cable"})
AUTHOR_PREPS = frozenset({"from", "by"})
# What a writing does for its author: it says, appeals, demands, criticises, rejects or threatens.
WRITTEN_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})


# Verbs by which a writing reaches its addressee, and by which its author writes or sends it.
WRITING_RECEIVING_VERBS = frozenset({"receive", "get", "obtain"})
WRITING_VERBS = frozenset({"send", "write", "issue", "publish", "deliver", "pen"})


def _document_described(verb) -> list:
    """"received a memo from Ghana calling for talks", "sent a letter to Ghana calling for talks":
    a participle that follows the writing a verb sends or receives (as its modifier, or hung by the
    parser on the main verb) is the writing's act: [the sender] for a verb of writing or sending,
    else [the writing]; [] when the participle follows no writing."""
    if verb.tag_ != "VBG":
        return []
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in DOCUMENT_NOUNS and verb.head.dep_ == "dobj":
        written = verb.head
    elif verb.dep_ == "advcl":
        written = next((c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS
                        and c.right_edge.i == verb.i - 1), None)
    else:
        return []
    if written is None:
        return []
    if written.head.lemma_.lower() in WRITING_VERBS:
        return [c for c in written.head.children if c.dep_ in SUBJECT_DEPS] or [written]
    return [written]


def _addressees_of_writing(verb) -> list:
    """Whom the writing a participle follows is addressed to: the one who received it ("Togo
    received a memo ... calling for"), or the one it was sent to ("sent a letter to Ghana ...")."""
    for main in (verb.head, verb.head.head):
        if main.lemma_.lower() in WRITING_RECEIVING_VERBS:
            return [c for c in main.children if c.dep_ in SUBJECT_DEPS]
        if main.lemma_.lower() in WRITING_VERBS:  # "sent a letter to Ghana", "sent Ghana a letter", "a letter to Ghana"
            writings = [c for c in main.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS]
            return [o for head in (main, *writings) for p in head.children if p.dep_ in ("dative", "prep")
                    and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"] + [
                d for d in main.children if d.dep_ == "dative" and d.pos_ in ("PROPN", "NOUN")]
    return []


def _authors_of_documents(subjects, rule, resolver: ArticleActors) -> list:
    """The authors the subjects name when they are all writings that say something (WRITTEN_ROOTS)
    with an author named by a possessive or a "from"/"by" phrase ("Macron's Taiwan statements":
    a compound names the topic); else []."""
    if not subjects or rule.code[:2] not in WRITTEN_ROOTS:
        return []
    authors = []
    for subject in subjects:
        if subject.lemma_.lower() not in DOCUMENT_NOUNS:
            return []
        named = [c for c in subject.children if c.dep_ == "poss"]
        named += [o for p in subject.children if p.dep_ == "prep" and p.lower_ in AUTHOR_PREPS
                  for o in p.children if o.dep_ == "pobj"]
        found = resolve_all(resolver, named)
        if not found:
            return []
        authors += found
    return authors


def _speakers_own(verb, subjects, resolver: ArticleActors) -> list | None:
    """"Hamas says its fighters killed five soldiers": forces a speaker calls its own, in what it
    says, are the speaker's (not the country the clause names, nor the story's). None when a
    subject has no such owner or the speaker is one that only reports (police, press, doctors)."""
    if not subjects or not all(_own_forces(s, resolver) for s in subjects):
        return None
    said = verb
    while said.dep_ == "conj" and said.head.pos_ in ("VERB", "AUX"):
        said = said.head
    if said.dep_ != "ccomp" or not is_speech(said.head):
        return None
    return _speaking_actors(said.head, resolver) or None


def _speaking_actors(speech_verb, resolver: ArticleActors) -> list:
    """The actors who speak by `speech_verb` in their own voice: not those that only report
    (police, press, doctors) nor private people."""
    return [s for s in resolve_all(resolver, subjects_of(speech_verb))
            if s.actor_type not in REPORTING_SOURCES and s.actor_type not in PRIVATE_PEOPLE]


FORCE_SECTORS = frozenset({"MIL", "COP", "SPY", "REB"})


def _own_forces(subject, resolver: ArticleActors) -> bool:
    """"its fighters", "their forces": forces owned by a pronoun, with no word of their own that
    names whose they are ("their Russian counterparts" are Russia's)."""
    return (owned_by_a_pronoun(subject)
            and ontology.role_types().get(subject.lemma_.lower()) in FORCE_SECTORS
            and not any(c.dep_ in ("amod", "compound", "nmod") and resolver.resolve(c, remember=False) is not None
                        for c in subject.children))


def _speaker_going_on(verb, rule, actors, resolver: ArticleActors) -> list | None:
    """The speaker's actors for an -ing clause of urging, demanding, criticising or accusing that
    the parser hung on what the speaker says, when it names an actor it addresses other than the
    speaker: "Armenia said Azerbaijani troops had shelled its villages, urging Russia to
    intervene" (Armenia urges). Else None, and the clause stays the reported subject's: a speaker
    that only reports ("officials", "witnesses", the police or the press said ...), a clause
    that addresses no one ("demanding the release of prisoners") or the speaker itself
    ("Pakistani officials said Taliban fighters attacked, accusing Pakistan of ...")."""
    said = verb.head
    if (rule.code[:2] not in ADDRESSED_SPEECH_ROOTS or not actors or verb.dep_ != "advcl" or verb.tag_ != "VBG"
            or said.dep_ != "ccomp" or not is_speech(said.head) or verb.i < said.i
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children)):
        return None
    speakers = _speaking_actors(said.head, resolver)
    if not speakers:
        return None
    addressed = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    addressed += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS
                  for o in c.children if o.dep_ == "pobj"]
    named = [resolver.resolve(head, remember=False, as_target=True) for head in addressed]
    speaking = {speaker.code for speaker in speakers}
    if not any(actor is not None and actor.code not in speaking for actor in named):
        return None
    return speakers


def _own_recipient(target: Actor, actors, root: str) -> bool:
    """Whether `target` may receive the act when it is the acting state itself: a domestic act
    ("Pakistan's police arrested Imran Khan", "met with military commanders": tests/data/GOLD.md
    codes it state to state). Not for a body that is no state ("a UN official denounced the
    organisation") other than a party, whose quarrels the coders code party to party ("GOP
    politicians slam Trump"); not for the state's own forces or weapons that the story's
    country frames, which are what it acts with ("built up forces", "struck Kharkiv with missiles"); not for a
    place of its own, which is where it acted ("shot down drones headed for Moscow", "welcomed
    Kissinger to Beijing"), except for a protest, which its capital's government receives
    ("rallied in Tbilisi")."""
    if target.code not in {a.code for a in actors}:
        return True
    if any(a.code != a.country for a in actors):
        return target.code in ontology.party_codes()  # "GOP politicians slam Trump": a party's own quarrel
    if target.via == "place" or _names_a_capital(target.name):
        return root == PROTEST_ROOT
    return target.via != "context" or target.actor_type not in FORCE_ROLES


def _names_a_capital(name: str) -> bool:
    """"Moscow", "Lome airport", "Moscow's invasion", "a forum in Riyadh": a phrase that names a
    capital (a place, or the government it stands for, never the state's own recipient)."""
    words = [w.strip(".,;:!?\"“”‘’'()") for w in re.sub(r"['’]s\b", "", name.lower()).split()]
    capitals = ontology.capital_names()
    return any(" ".join(words[i:i + n]) in capitals for n in (1, 2, 3) for i in range(len(words) - n + 1))


def _object_text(verb, dobj, preps, target: Actor | None) -> str | None:
    """What the action is about: the object phrase, an infinitive, or a topic."""
    if dobj is not None and (target is None or dobj.i not in _token_ids(dobj, target)):
        return subtree_text(dobj)
    for child in verb.children:
        if child.dep_ == "xcomp":
            return subtree_text(child)
    for prep in preps:
        if prep.lower_ in TOPIC_PREPS:
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            if pobjs and (target is None or target.name not in subtree_text(pobjs[0])):
                return subtree_text(pobjs[0])
    return None


def _token_ids(dobj, target: Actor) -> set[int]:
    """Token indexes of the object phrase when it is the target itself."""
    text = " ".join(t.text for t in name_tokens(dobj))
    return {dobj.i} if target.name and target.name in text else set()


# "he"/"she" come here only when they resolved to nobody: "the prime minister says he is open to a
# deal" (no person named before "he"); a reporter nobody knows ("Kwame Atta said he ...") is nobody.
SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "its", "their", "our"})


def _refers_to_speaker(subjects) -> bool:
    """'The army said its forces had recaptured ...': 'its forces', 'they', 'we', an unresolved 'he';
    and an official's 'his government', 'her country', 'his forces' (not 'his wife': only
    institutions and roles)."""
    for subject in subjects:
        if subject.lower_ in SPEAKER_PRONOUNS:
            return True
        if any(c.dep_ == "poss" and c.lower_ in SPEAKER_PRONOUNS for c in subject.children):
            return True
        institution = subject.lemma_.lower() in INSTITUTION_NOUNS or ontology.role_types().get(
            subject.lemma_.lower()) in ("GOV", "MIL", "COP", "SPY", "LEG", "JUD")
        if institution and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in subject.children):
            return True
    return False


INSTITUTION_NOUNS = frozenset({"country", "nation", "government", "administration", "state"})


def _clause_head(verb):
    """The verb that heads the clause: 'ignored ... and refused to engage' → 'ignored'."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
    return node


def _reporting_subjects(verb, resolver: ArticleActors) -> list[Actor]:
    """The actors of the verb that reports this clause ("the army said its forces ...", "Congo
    and Rwanda say they have agreed": both)."""
    node = _clause_head(verb)
    if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX"):
        actors = resolve_all(resolver, subjects_of(node.head))
        if len(actors) > 1 and not _plural_speaker(verb):
            return actors[:1]  # "Peru and Chile said it would ...": "it" is one of them
        return actors
    return []


def _plural_speaker(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.lower_ in ("they", "we") for c in verb.children)


def _speaker(verb, resolver: ArticleActors) -> str | None:
    """Who reported the event: 'Lavrov said that ...', '... according to Lavrov'."""
    reporters = _reporting_subjects(verb, resolver)
    if reporters:
        return reporters[0].code
    node = _clause_head(verb)
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        actor = resolver.resolve(pobj)
                        if actor is not None:
                            return actor.code
    return None
