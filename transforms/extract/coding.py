"""Which CAMEO code a clause gets: the verb table, then modality and context.

"agreed to provide aid" is intent + aid (033), "insisted that Tehran halt" a
demand, "held joint exercises" military cooperation, "Brazil beat Argentina
2-0" nothing at all. The tables behind these are in schemas/data.
"""
from __future__ import annotations

import re

from schemas import ontology
from transforms.extract.clauses import (
    CONDITIONAL_MARKS,
    CONTAINER_NOUNS,
    MAY_DO_MODALS,
    MEANS_VERBS,
    PERSONAL_PRONOUNS,
    dative_object,
    direct_object,
    duration_particles,
    headline_infinitive,
    is_bare_predicate,
    is_negated,
    is_scheduled,
    is_speech,
    object_heads,
    particles_of,
    passive_voice,
    predicate_word,
    prepositions,
)
from transforms.extract.doc_cache import span_text
from transforms.extract.nominal import nominal_code, nominalized_rule
from transforms.extract.tense import PRESENT_TAGS
from transforms.extract.verbs import match_verb

NOT_AN_EVENT = "-"  # verbs.csv: "met the press" is not a meeting


SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
# A fixture between two sides: "England v New Zealand", "Spain vs. Italy".
FIXTURE = re.compile(r"\b[A-Z][\w'’]+(?: [A-Z][\w'’]+)* (?:v|vs)\.? [A-Z]")


def rule_for(verb) -> ontology.VerbRule | None:
    """The verb's rule from the verb table, else its light verb's object ("agreed to restart
    talks": the talks)."""
    children = list(verb.children)
    dobj = direct_object(children)
    preps = prepositions(children)
    particles = particles_of(children)
    rule = or_cessation(verb, match_verb(verb.lemma_, particles, with_complement(verb, object_heads(dobj, preps, verb)),
                                         duration_particles(children)))
    return rule if rule is not None else light_verb_rule(verb, dobj)


def light_verb_rule(verb, dobj) -> ontology.VerbRule | None:
    """'begins a visit to Kyrgyzstan', 'mounted an offensive': a light verb takes its object's event
    (schemas/data/light_verbs.csv, aspectual.csv)."""
    lemma = verb.lemma_.lower()
    if dobj is None or lemma not in ontology.light_verbs() | ontology.aspectual_verbs() | ontology.light_verb_prepositions().keys():
        return None
    code = nominal_code(dobj, standalone_only=False)  # "launched a peace initiative"
    if code is None and lemma in ontology.light_verbs():
        # "made a plea for calm", "opened an investigation into": the noun's verb (not after an
        # aspectual verb: "kept the ban on hold", "continued its probe" report no new act)
        named = nominalized_rule(dobj)
        code = named.code if named is not None else None
    return ontology.VerbRule(verb.lemma_.lower(), None, frozenset(), code) if code else None


# The class of an infinitive complement that is an event itself (schemas/data/verbs.csv):
# "hopes to sign a deal", "expects to ratify the accession" say the subject means to act (an
# intent, 03), not that the act is done; hoping to do what is no event ("hopes to go home")
# gives no row.
EVENT_COMPLEMENT = "@complement"


FORECAST_VERBS = frozenset({"expect", "anticipate", "forecast", "predict"})


def with_complement(verb, heads: set[str]) -> set[str]:
    """The object heads of `verb`, with EVENT_COMPLEMENT when its "to" complement is an event
    of the verb's own subject: "expects to sign a deal", not "expected 46 million people to
    attend", a forecast of what others do."""
    if any(child.dep_ == "dobj" for child in verb.children):
        return heads
    for child in verb.children:
        if (child.dep_ == "xcomp" and child.pos_ == "VERB"
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                and not (verb.lemma_.lower() in FORECAST_VERBS and any(c.dep_ == "auxpass" for c in child.children))):
            # "expected to be freed": what others expect done to it ("hopes to be admitted" is its own wish)
            rule = rule_for(child)
            if rule is not None and rule.code != NOT_AN_EVENT:
                return heads | {EVENT_COMPLEMENT}
    return heads


def or_cessation(verb, rule: ontology.VerbRule | None) -> ontology.VerbRule | None:
    """The verb's rule, unless it is a bare sense that ending an act overrides ("suspended
    sending aid", "urged Israel to stop bombing Gaza": what is ended decides, `cessation_rule`)."""
    if rule is None or not rule.object_heads:
        return cessation_rule(verb) or rule
    return rule


# Meetings, visits and talks that news reports as scheduled ("will meet", "will attend the
# summit", a headline's "UK minister to meet Gulf counterparts") are coded as the meeting (04),
# dated by the day it is to happen, as the coders of the news gold set code them; an actor's
# own word that it will meet ("said it will hold talks") stays an intent (036).
SCHEDULED_ROOTS = frozenset({"04"})
# Verbs that tell a visit as on someone's agenda ("Putin plans to visit Saudi Arabia", "Yellen
# plans another China trip"): the visit is scheduled, not an intent someone voices. Only visits
# (042): "plans to meet" may be "plans to meet aggression with force".
PLANNING_VERBS = frozenset({"plan"})
VISIT = "042"
# Present-tense forms: "planned to visit" and "had planned a trip" tell of plans often dropped.


# Verbs of deciding: what is agreed or decided of the acts news codes as decided (releasing,
# reopening, closing a border, sharing intelligence: cameo.csv's decided roots) is the act, as
# "will close its border" is; other acts agreed stay intents ("agreed to meet soon": 036), and so
# does an agreement that only would be or hangs on a condition ("would agree to release").
DECIDING_VERBS = frozenset({"agree", "decide"})


def with_modality(verb, rule: ontology.VerbRule) -> ontology.VerbRule:
    """'agreed to provide aid' → intent + aid (033); 'will attack' → a threat (13)."""
    planned = _planned_visit(verb)
    if planned is not None:
        return planned
    mode = ontology.root_modes().get(rule.code[:2])
    if mode is not None and (not rule.object_heads or EVENT_COMPLEMENT in rule.object_heads):
        for child in _through_aspectual(verb.children):
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
                complement = rule_for(child)
                if complement is not None and complement.code != NOT_AN_EVENT:
                    if off_topic(child, direct_object(list(child.children))):
                        return rule  # "vowed to fight climate change": no force is meant
                    if (verb.lemma_.lower() in DECIDING_VERBS and complement.code[:2] in ontology.decided_roots()
                            and not _conditional(child) and not _conditional(verb) and not is_negated(child)
                            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)):
                        return complement  # "agreed to extend the truce": the decision is the act (GOLD.md rule 4)
                    return modal_rule(rule, mode, complement)
        if not rule.object_heads:  # "plans more airstrikes": the event its object noun names
            noun_event = _object_event(verb)
            if noun_event is not None:
                return modal_rule(rule, mode, noun_event)
        return rule
    if _possible_own_act(verb):  # "said it may close its border": a threat, no decision
        return as_intent(rule)
    headline_future = headline_infinitive(verb) or (
        verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))
    if headline_future or _future(verb):
        root = rule.code[:2]
        if root in SCHEDULED_ROOTS and not _reported(verb):
            return rule  # "Zelensky will meet Biden on Thursday", "Biden to visit Mexico": the meeting, on its day
        if root in ontology.decided_roots() and not _conditional(verb) and not _in_retaliation(verb):
            return rule  # "Finland will close its border with Russia": the decision
        return as_intent(rule)  # "Ghana to open embassy in Togo": a headline's plan is an intent
    return rule


def _planned_visit(verb) -> ontology.VerbRule | None:
    """The visit a planning verb puts on the actor's agenda ("plans to visit Saudi Arabia", "plans
    another China trip"), or None: "plans" or "is planning" now, not negated ("no longer plans"),
    not on a condition, not the actor's own word of it ("said he plans to visit": an intent, as
    "said it will hold talks" is)."""
    if verb.lemma_.lower() not in PLANNING_VERBS:
        return None
    present = verb.tag_ in PRESENT_TAGS or (verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in PRESENT_TAGS for c in verb.children))
    if (not present or is_negated(verb) or _conditional(verb) or _reported(verb)
            or any(c.lower_ == "longer" for c in verb.children)):
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB" and not _conditional(child):
            visit = rule_for(child)
            return visit if visit is not None and visit.code.startswith(VISIT) else None
    visit = _object_event(verb)
    return visit if visit is not None and visit.code.startswith(VISIT) else None


def _object_event(verb) -> ontology.VerbRule | None:
    """The event the verb's direct object names, if it is an event noun (nominal.nominal_code:
    "airstrikes", "a ground offensive", "a visit"), as a rule of that code; else None."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    code = nominal_code(dobj, standalone_only=False) if dobj is not None else None
    return ontology.VerbRule(dobj.lemma_.lower(), None, frozenset(), code) if code else None


def as_intent(rule: ontology.VerbRule) -> ontology.VerbRule:
    """The act told as to come: its root's future mode (schemas/data/cameo.csv, column future:
    a meeting → an intent to meet, 036; an attack → a threat)."""
    root = rule.code[:2]
    future_mode = ontology.root_futures().get(root)
    if future_mode is None:
        return rule
    table = ontology.modality_codes()
    code = table.get((future_mode, root)) or table.get((future_mode, "*"))
    return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, code)


def others_plan_reported(verb, rule: ontology.VerbRule) -> bool:
    """A meeting to come that a speaker reports with another subject than its own ("Foreign
    ministers of ... will meet on Sunday, Seoul confirms"): `with_modality` kept it the meeting.
    The caller makes it an intent after all when the speaker is the actor's own voice ("Wang Yi
    will visit New York, Beijing's foreign ministry said")."""
    return (rule.code[:2] in SCHEDULED_ROOTS and verb.dep_ == "ccomp" and is_speech(verb.head)
            and _future(verb) and not _reported(verb))


# Subjects by which a speaker tells its own plan ("said it will hold talks").
OWN_PLAN_SUBJECTS = frozenset({"it", "he", "she", "they", "we", "i"})


def _reported(verb) -> bool:
    """The clause is what a speech verb reports of the speaker's own plan: "said it will hold
    talks", "says will meet". A meeting of others that someone reports ("Foreign ministers of
    China, Japan and South Korea will meet on Sunday, Seoul confirms") is the meeting."""
    if verb.dep_ != "ccomp" or not is_speech(verb.head):
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ in OWN_PLAN_SUBJECTS:
        return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() == subject.lemma_.lower() for c in verb.head.children)


def _future(verb) -> bool:
    """'will attack'; and 'said it would send police': in reported speech 'would' is the future
    of the time of saying, not a condition; "will use drones to attack": the means' future."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in MEANS_VERBS:
        return _future(verb.head)
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if auxes & {"will", "'ll"} or is_scheduled(verb):
        return True
    return "would" in auxes and verb.dep_ == "ccomp" and is_speech(verb.head)


OBLIGED_VERBS = frozenset({"have", "need"})  # "may have to close", "might need to expel"


def _possible_own_act(verb) -> bool:
    """What a speaker says it may, might, could or can do ("Ghana said it may close its border",
    "warned it may have to suspend cooperation", "said it can strike Kyiv within hours"): an act
    held out, told as a threat or an intent (GOLD.md: "Iran said it could quit the NPT" → 13),
    not done or decided."""
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() in ("have", "be") for c in verb.children):
        return False  # "said it may have killed three hostages": an uncertain past act, not a threat
    node = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBLIGED_VERBS else verb
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None) if node.dep_ == "ccomp" else None
    own = node.dep_ == "ccomp" and subject is not None and (
        subject.lower_ in OWN_PLAN_SUBJECTS or _unnamed_speaker(speaker))
    return own and any(c.dep_ == "aux" and c.lower_ in MAY_DO_MODALS for c in node.children)  # "would" is the reported future


def _unnamed_speaker(speaker) -> bool:
    """"Finland may shut its border, foreign minister says": a speaker named by a role alone (no
    name, no country) speaks for the side the clause names."""
    return (speaker is not None and speaker.pos_ == "NOUN"
            and not any(t.pos_ == "PROPN" or t.dep_ == "poss" or t.ent_type_ for t in speaker.subtree))


# "will suspend gas supplies until the transit resumes": leverage, a condition to be met
DECISION_CONDITIONS = CONDITIONAL_MARKS | {"until"}


def _conditional(verb) -> bool:
    """"would expel its diplomats if Togo does not apologise": the act hangs on a condition."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in DECISION_CONDITIONS for m in c.children)
               for c in verb.children)


# Words of a response: "will seize US ships in retaliation", "will deploy missiles in response to
# US deployment", "or else": what is decided as a response is held out as a threat, as a condition is.
# Not a response named as a thing ("will deploy a rapid response force").
RESPONSE_WORDS = frozenset({"retaliation", "response", "reprisal", "revenge"})
RESPONSE_PREPS = frozenset({"in", "as"})


def _in_retaliation(verb) -> bool:
    """The act is told as a response ("in retaliation", "in response to", "as revenge", "or else")."""
    for token in verb.subtree:
        if (token.lower_ in RESPONSE_WORDS and token.dep_ == "pobj" and token.head.lower_ in RESPONSE_PREPS
                and token.head.head == verb):
            return True
        if token.lower_ == "else" and token.i > 0 and token.doc[token.i - 1].lower_ == "or" and token.head == verb:
            return True
    return False


def _through_aspectual(children):
    """'pledged to keep supplying': the complement of "keep" is the pledged action."""
    for child in children:
        if child.dep_ == "xcomp" and child.lemma_.lower() in ontology.aspectual_verbs():
            yield from (c for c in child.children if c.dep_ == "xcomp")
        else:
            yield child


def off_topic(verb, dobj) -> bool:
    """Sports results, markets, space launches and 'fighting inflation' use event verbs without events."""
    cues = ontology.off_topic_cues()
    ambiguous = verb.lemma_.lower() in cues["ambiguous_verb"]
    if ambiguous and dobj is not None:
        left = dobj.doc[dobj.i - 1] if dobj.i > 0 else None
        forms = {dobj.lemma_.lower(), dobj.lower_}
        if left is not None and left.head.i == dobj.i:  # "climate change", "interest rates"
            forms |= {f"{left.lower_} {dobj.lower_}", f"{left.lower_} {dobj.lemma_.lower()}"}
        if forms & cues["abstract_target"]:
            return True
    return _off_topic_sentence(verb.sent, cues)


def _off_topic_sentence(sent, cues) -> bool:
    """A score, a fixture or a sports, business or science word in the sentence; kept in the
    document's `user_data` because every event verb of the sentence asks."""
    key = ("eventwire.off_topic", sent.start)
    found = sent.doc.user_data.get(key)
    if found is None:
        text = span_text(sent)
        topic_cues = cues["sports"] | cues["business"] | cues["science"]
        found = bool(SCORE.search(text) or FIXTURE.search(text) or _topic_words(sent, topic_cues))
        sent.doc.user_data[key] = found
    return found


def _topic_words(sent, topic_cues: frozenset[str]) -> set[str]:
    """The cue words of the sentence, leaving out those inside the name of a body the gazetteer
    knows: the "League" of "the Arab League condemned ..." is not a sports league."""
    def words(tokens) -> set[str]:
        return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}

    found = (words(sent) & topic_cues) | _phrases_in(span_text(sent), topic_cues)
    if found:
        names = ontology.actor_names()
        in_names = set()
        for entity in (e for e in sent.ents if e.label_ == "ORG"):
            tokens = [t for t in entity if t.lower_ != "the"]
            entry = names.get(ontology.normalize_name(" ".join(t.text for t in tokens)))
            if entry is not None and entry.kind == "organization":
                in_names.update(t.i for t in tokens)
        kept = [t for t in sent if t.i not in in_names]
        found = (words(kept) & topic_cues) | _phrases_in("".join(t.text_with_ws for t in kept), topic_cues)
    return found


def _phrases_in(text: str, cues: frozenset[str]) -> set[str]:
    """The cues of more than one word ("grand prix", "world cup", "semi-final"), which no single
    token matches: the tokenizer splits them, hyphens included."""
    lowered = text.lower()
    return {cue for cue in cues if (" " in cue or "-" in cue) and cue in lowered
            and re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", lowered)}


COMMAND_VERBS = frozenset({"order", "instruct", "command", "direct"})
OWN_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})


def command_of_own_forces(verb, dobj) -> ontology.VerbRule | None:
    """'ordered the army to close the border', 'ordered troops to the border': a government that
    commands its own forces does the act itself; the order is how, not what. (An order to
    another actor, "ordered Kyiv to withdraw", stays a demand.)"""
    if verb.lemma_.lower() not in COMMAND_VERBS or dobj is None:
        return None
    if ontology.role_types().get(dobj.lemma_.lower()) not in OWN_FORCE_SECTORS:
        return None
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            rule = rule_for(child)
            return rule if rule is not None and rule.code != NOT_AN_EVENT else None
    if any(c.dep_ == "prep" and c.lower_ in ("to", "into", "toward", "towards") for c in verb.children):
        return match_verb("deploy", [], object_heads(dobj, [], verb))  # "ordered troops to the border"
    return None


# Forces a state sends to its own border are deployed there, not sent to anyone's aid (074).
SENDING_VERBS = frozenset({"send", "dispatch"})
BORDER_NOUNS = frozenset({"border", "borders", "frontier", "frontiers", "boundary"})


def deployed_to_own_border(verb, dobj, actors, rule: ontology.VerbRule) -> ontology.VerbRule | None:
    """'Poland sends more soldiers to Belarus border': a state's own forces sent to a border that
    no one else owns ("Poland's border", "the Lebanon-Israel border" are another's) show force
    (the "deploy" rule), where "sends troops to Togo" is help (074)."""
    if (verb.lemma_.lower() not in SENDING_VERBS or dobj is None or not rule.code.startswith("07")
            or ontology.role_types().get(dobj.lemma_.lower()) not in OWN_FORCE_SECTORS
            or not actors or any(a.country is None or a.code != a.country for a in actors)):
        return None
    borders = [p for word in (verb, dobj) for prep in word.children
               if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "toward", "towards")
               for p in prep.children if p.dep_ == "pobj" and p.lemma_.lower() in BORDER_NOUNS]
    if not borders or any(_anothers_border(border) for border in borders):
        return None
    return match_verb("deploy", [], object_heads(dobj, [], verb))


def _anothers_border(border) -> bool:
    """"Poland's border", "the Somalia-Kenya border": a border the phrase gives to another."""
    return any((c.dep_ == "poss" and c.pos_ == "PROPN") or c.tag_ == "HYPH" for c in border.subtree if c.i < border.i)


# Speech verbs that, with an object and "to" + a verb, tell the object to act: an appeal (02).
DIRECTIVE_SPEECH = frozenset({"tell", "instruct", "advise"})


def modal_rule(rule: ontology.VerbRule, mode: str, inner: ontology.VerbRule | None) -> ontology.VerbRule:
    """`rule` recoded as `mode` (modality.csv: "demand", "appeal") of the act `inner`, or of any act."""
    table = ontology.modality_codes()
    code = (table.get((mode, inner.code[:2])) if inner and inner.code != NOT_AN_EVENT else None) or table[(mode, "*")]
    return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, code)


def bidding_appeal(verb, rule: ontology.VerbRule) -> ontology.VerbRule | None:
    """A headline that opens with a command and closes with its speaker ("Stop the bombing,
    Erdogan tells Israel", "Release the hostages now, Biden says") is an appeal for the commanded
    act (to whoever is told, if named); else None."""
    bidding = bidding_clause(verb)
    if bidding is None or not is_speech(verb):
        return None
    return modal_rule(rule, "appeal", None if is_negated(bidding) else rule_for(bidding))


def bidding_clause(verb):
    """The command that opens the sentence and that `verb` reports after it: a bare base form with
    no subject, auxiliary (but "don't") or "to" of its own, parsed as the speech verb's clause."""
    for child in verb.children:
        if child.i >= verb.i or child.dep_ not in ("advcl", "ccomp", "dep", "xcomp") or child.tag_ != "VB":
            continue
        opening = child.doc[child.sent.start: child.i]
        if any(t.dep_ != "aux" and t.dep_ != "neg" and not t.is_punct for t in opening):
            continue  # not the sentence's first word ("Ghana must stop the bombing, ...")
        if any(c.dep_ in ("nsubj", "nsubjpass", "mark") or (c.dep_ == "aux" and c.lower_ not in ("do", "n't"))
               for c in child.children):
            continue
        return child
    return None


def directive_appeal(verb, rule: ontology.VerbRule) -> ontology.VerbRule | None:
    """'told Togo to withdraw its troops': an appeal for the act the addressee is told to do, when
    that act is an event ("told its citizens to stop using the app" is none); else None."""
    children = list(verb.children)
    if verb.lemma_.lower() not in DIRECTIVE_SPEECH or passive_voice(children):
        return None
    if direct_object(children) is None and dative_object(children) is None:
        return None
    directed = next((c for c in children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    inner = rule_for(directed) if directed is not None else None
    if inner is None or inner.code == NOT_AN_EVENT:
        return None
    return modal_rule(rule, "appeal", inner)


def demanding_clause(verb):
    """A 'that' clause in the subjunctive ("that Tehran halt", "that he be released")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.tag_ == "VB" and not any(
            c.dep_ in ("aux", "auxpass") and c.lemma_ != "be" for c in child.children
        ) and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return child
    return None


def cessation_rule(verb) -> ontology.VerbRule | None:
    """'will stop supplying weapons to Ukraine' (162), 'ceased shelling the city' (087): ending
    an act is coded by what is ended (modality.csv, mode "cessation"); an ended act that has no
    such row ("stopped using the app", "ended a visit") is nothing."""
    if verb.lemma_.lower() not in ontology.cessation_verbs():
        return None
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return None  # "ended up joining forces": where something led, not an end
    complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
    inner = rule_for(complement) if complement is not None else None
    if inner is None or inner.code == NOT_AN_EVENT:
        return None
    code = ontology.modality_codes().get(("cessation", inner.code[:2]))
    return ontology.VerbRule(verb.lemma_.lower(), None, frozenset(), code) if code else None


def predicate_rule(verb) -> ontology.VerbRule | None:
    """'they were ready to open talks' (intent), 'he was confident that ...' (013). An intent
    with no act to do is none: "was ready for a victory lap", "prepared for Trump's arraignment",
    "is determined that Russia emerges as the power broker". With a verb ("is ready to
    embrace ...") the readiness stays an intent, even to do what the tables code as nothing.
    A headline writes the predicate without its "is" ("Spain ready to sign deal with Britain")."""
    table = ontology.predicates()
    if verb.lemma_ == "be":
        adjectives = [c for c in verb.children if c.dep_ == "acomp" and predicate_word(c) is not None]
    else:
        adjectives = [verb] if is_bare_predicate(verb) else []
    for adjective in adjectives:
        mode, code = table[predicate_word(adjective)]
        complement = next((c for c in adjective.children if c.dep_ == "xcomp"), None)
        if mode == "scheduled":  # "is due to meet": the meeting is the event (clauses.is_scheduled)
            past = verb.lemma_ == "be" and verb.tag_ not in PRESENT_TAGS  # "was set for talks": may never have met
            return None if complement is not None or past else _scheduled_meeting(adjective)
        if mode == "statement":
            return ontology.VerbRule(adjective.lemma_.lower(), None, frozenset(), code)
        modality = ontology.modality_codes()
        root = None
        if complement is not None:
            inner = rule_for(complement)
            root = inner.code[:2] if inner is not None and inner.code != NOT_AN_EVENT else None
        else:  # "open to talks", "ready for dialogue": the event noun is what is intended
            intended = _intended_nouns(adjective)
            noun_code = _event_noun_code(intended)
            if noun_code is None and not COOPERATION_NOUNS.intersection(intended):
                return None  # "ready for a victory lap"
            root = noun_code[:2] if noun_code else None
        code = modality.get((mode, root)) if root else None
        return ontology.VerbRule(adjective.lemma_.lower(), None, frozenset(), code or modality[(mode, "*")])
    return None


def _scheduled_meeting(adjective) -> ontology.VerbRule | None:
    """"China and US set for nuclear talks", "leaders are due for a summit": the meeting on the
    agenda, coded as the meeting is when told with "will" (SCHEDULED_ROOTS); nothing else is
    scheduled this way ("set for a clash", "due for a rise")."""
    code = _event_noun_code(_intended_nouns(adjective))
    if code is None or code[:2] not in SCHEDULED_ROOTS:
        return None
    return ontology.VerbRule(adjective.lemma_.lower(), None, frozenset(), code)


INTENDED_PREPS = frozenset({"to", "for"})
# What one is ready or open for that is no event of the tables but is cooperation all the same
# ("ready for closer cooperation", "open to a compromise", "ready for a prisoner swap"): an
# intent to cooperate (030).
COOPERATION_NOUNS = frozenset({"cooperation", "compromise", "swap", "peace", "reconciliation", "normalisation",
                               "normalization", "partnership", "collaboration", "engagement", "effort", "efforts",
                               "de-escalation", "diplomacy", "solution", "settlement"})


def _intended_nouns(adjective) -> list[str]:
    """The nouns after the adjective's "to" or "for", and what a container of them holds ("a new
    round of talks"): each as written and as its lemma, in the text's order."""
    nouns = []
    for prep in adjective.children:
        if prep.dep_ == "prep" and prep.lower_ in INTENDED_PREPS:
            for noun in prep.children:
                if noun.dep_ == "pobj":
                    nouns.append(noun)
                    if noun.lemma_.lower() in CONTAINER_NOUNS:
                        nouns.extend(c for of in noun.children if of.dep_ == "prep" and of.lower_ == "of"
                                     for c in of.children if c.dep_ == "pobj")
    return [word for noun in nouns for word in (noun.lower_, noun.lemma_.lower())]


def _event_noun_code(words: list[str]) -> str | None:
    """The code of the first event noun among `words` (nominal_events.csv)."""
    nouns = ontology.nominal_events(standalone_only=False)
    return next((nouns[word] for word in words if word in nouns), None)


JOINT_ROOTS = frozenset({"15", "19"})


JOINT_MILITARY_COOPERATION = "062"


def joint_action(rule: ontology.VerbRule, dobj) -> ontology.VerbRule:
    """'held joint exercises', 'a joint patrol': military cooperation, not a show of force."""
    if dobj is None or rule.code[:2] not in JOINT_ROOTS:
        return rule
    if any(c.lower_ in ("joint", "jointly") for c in dobj.children):
        return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, JOINT_MILITARY_COOPERATION)
    return rule


EXERCISE_NOUNS = frozenset({"drill", "drills", "exercise", "exercises", "maneuvers", "manoeuvres", "wargames"})


def exercise_together(rule: ontology.VerbRule, dobj, actors) -> ontology.VerbRule:
    """'the U.S. and South Korean militaries kicked off drills': two states exercising in one
    clause exercise together (062, each the other's partner), as 'joint drills' say outright.
    Strikes by two subjects stay strikes: each side strikes."""
    if (dobj is None or rule.code[:2] != "15" or dobj.lower_ not in EXERCISE_NOUNS
            or len({actor.code for actor in actors}) < 2):
        return rule
    return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, JOINT_MILITARY_COOPERATION)


# A warning of what will happen to the world is a pessimistic comment (012); a warning that the
# speaker will act (or will treat something so: "ships would be seen as targets") is a threat (13).
PESSIMISTIC_COMMENT = "012"
WARNING_VERBS = frozenset({"warn"})


def foretold_state(verb, resolve) -> bool:
    """'warned that electricity will run out within hours', 'warning the health system had
    reached breaking point': a warning with no one warned, of a clause in the active voice
    whose subject is neither a pronoun nor an actor (`resolve`: a token → its actor code or None)."""
    if verb.lemma_.lower() not in WARNING_VERBS:
        return False
    children = list(verb.children)
    if direct_object(children) is not None or dative_object(children) is not None:
        return False
    foretold = next((c for c in children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in foretold.children if c.dep_ in ("nsubj", "nsubjpass")), None) if foretold is not None else None
    if subject is None or subject.dep_ == "nsubjpass" or subject.lower_ in PERSONAL_PRONOUNS:
        return False
    return resolve(subject) is None  # "warned that Togo would pay a heavy price" is a threat
