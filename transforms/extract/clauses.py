"""Clause structure read off a spaCy parse: subjects, objects, voice, negation, conditions.

Plain functions over spaCy tokens; they decide nothing about CAMEO codes.
"""
from __future__ import annotations

from schemas import ontology
from transforms.extract.actors import QUANTITY_NOUNS, conjuncts, is_weapon, name_tokens
from transforms.extract.doc_cache import entity_at, run_text
from transforms.extract.places import place_countries
from transforms.extract.tense import PERFECT_AUXILIARIES, PRESENT_TAGS

RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


SUBJECT_DEPS = frozenset({"nsubj", "csubj"})


# Words that open a clause and that the parser also reads as prepositions: in "tensions rise as
# China and the Philippines clash" it takes "China" as the object of "as" and leaves "clash"
# without a subject (subject_read_as_object).
CLAUSE_OPENERS = frozenset({"after", "as", "before", "when", "while", "since", "because", "once",
                            "until", "how", "why", "where", "if"})
FINITE_TAGS = frozenset({"VBP", "VBZ", "VBD"})


MAX_OBJECT_CHARS = 200


# Nouns that bundle the things an act is about: "a new round of sanctions", "a raft of measures",
# and the spans of time an act fills ("staged a second day of exercises", "held hours of talks");
# ending such a span is no halt of the act ("ended two days of talks": they were held).
TIME_SPAN_NOUNS = frozenset({"day", "night", "week", "hour"})
CONTAINER_NOUNS = frozenset({"package", "round", "batch", "wave", "raft", "series", "set", "tranche", "volley", "salvo",
                             "swarm", "chorus", "flurry"}) | TIME_SPAN_NOUNS


# Particles the parser takes for a preposition whose own "of"/"from" holds the object.
PARTICLE_PREPS = frozenset({"out", "away", "off", "back", "up", "down"})


# Verbs that take something from their object, named after "of": "stripped him of his citizenship".
DEPRIVING_VERBS = frozenset({"strip", "deprive", "rob"})


def object_heads(dobj, preps, verb) -> set[str]:
    heads = set()
    if dobj is not None:
        heads.add("@object")
        coordinated = conjuncts(dobj)  # walked once: every test below reads the same coordinated objects
        heads.update(lemma_form(t) for t in coordinated)
        heads.update(t.lower_ for t in coordinated)
        heads.update(c for c in map(object_class, coordinated) if c is not None)
        if any(_named_place(t) for t in coordinated):
            heads.add("@place")
        if any(_arms(t) for t in coordinated):
            heads.add(WEAPON_CLASS)
        if any(names_people(t) for t in coordinated):
            heads.add(PEOPLE_CLASS)
        spent = dobj.lemma_.lower() in TIME_SPAN_NOUNS and verb is not None and verb.lemma_.lower() in ontology.cessation_verbs()
        if (dobj.lower_ in QUANTITY_NOUNS or dobj.like_num or dobj.lemma_.lower() in CONTAINER_NOUNS) and not spent:
            # "seized dozens of hostages", "freed 20 of their nationals", "approved a package of
            # sanctions": what is counted or bundled is the object
            counted = [c for prep in dobj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                       for c in prep.children if c.dep_ == "pobj"]
            heads.update(lemma_form(t) for t in counted)
            heads.update(t.lower_ for t in counted)
            if any(names_people(t) for t in counted):
                heads.add(PEOPLE_CLASS)
        left = dobj.doc[dobj.i - 1] if dobj.i > 0 else None
        if left is not None and left.head.i == dobj.i:  # "a general strike", "a hunger strike"
            heads.add(f"{left.lower_} {dobj.lower_}")
        # "finds 14 foreigners guilty": an adjective after the object is what the verb makes of it
        heads.update(c.lemma_.lower() for c in dobj.children if c.dep_ == "amod" and c.i > dobj.i)
        if verb is not None and verb.lemma_.lower() in DEPRIVING_VERBS:  # "strips citizens of passports": what is taken
            heads.update(t.lower_ for prep in dobj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for t in prep.children if t.dep_ == "pobj")
    for prep in preps:
        heads.add(prep.lower_)  # the frame itself: "fight alongside X" is no fight against X (verbs.csv)
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects and prep.lower_ in PARTICLE_PREPS:  # "walked out of the summit", not "according to"
            objects = [o for inner in prep.children if inner.dep_ == "prep" for o in inner.children if o.dep_ == "pobj"]
        heads.update(lemma_form(c) for c in objects)
        heads.update(c.lower_ for c in objects)
        if any(_arms(c) for c in objects):  # "supplied Ukraine with cluster munitions"
            heads.add(WEAPON_CLASS)
        for pobj in objects:  # "put him on the wanted list": the phrase's own two words, as for an object
            left = pobj.doc[pobj.i - 1] if pobj.i > 0 else None
            if left is not None and left.head.i == pobj.i and left.is_alpha:
                heads.add(f"{left.lower_} {pobj.lower_}")
    for child in verb.children:
        if child.dep_ in ("xcomp", "acomp", "oprd") or (child.dep_ == "ccomp" and child.pos_ == "ADJ"):
            heads.add(child.lemma_.lower())  # "pleaded guilty", "found him guilty": the complement decides the sense too
            if any(c.dep_ == "neg" for c in child.children):
                heads.add(f"not {child.lemma_.lower()}")  # "pleaded not guilty": a denial
        elif child.dep_ == "dobj" and dobj is not None and child.i != dobj.i:
            heads.add(child.lemma_.lower())  # "took 240 people hostage": the second object, parsed as one
    return heads


# Arms as the object (schemas/data/weapons.csv), a class a verb rule can name: "supplied cluster
# munitions", "provided Ukraine with artillery shells" (072, military aid).
WEAPON_CLASS = "@weapon"


def _arms(noun) -> bool:
    """A common noun for arms: not a name ("supplies Shell with gas" names a company)."""
    return noun.pos_ == "NOUN" and is_weapon(noun)


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Entities that name a body or a place, never a person ("State House", "the State Department").
BODY_ENTITIES = PLACE_ENTITIES | {"ORG", "NORP"}


KIN_NOUNS = frozenset({"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother",
                       "grandson", "granddaughter", "grandfather", "grandmother"})


# Common nouns for a place that a name before them makes a named place: "the Kyiv region",
# "Ukraine's capital", "the city of Odesa" (not "Russian regions", "rural areas", "100 cities").
PLACE_KIND_NOUNS = frozenset({"region", "city", "town", "village", "province", "district",
                              "oblast", "capital", "area", "port", "county", "state"})


def _named_place(token) -> bool:
    """A place kind named by a place: "Kyiv region", "Ukraine's capital", "the city of Odesa"."""
    if token.lemma_.lower() not in PLACE_KIND_NOUNS:
        return False
    names = [c for c in token.children if c.dep_ in ("compound", "poss")]
    names += [o for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return any(object_class(n) == "@place" for n in names)


def object_class(token) -> str | None:
    """'@place' for a named place, '@person' for a person, '@igo' for an intergovernmental body:
    classes a verb rule can name. The small model's entity labels are unreliable ("Palmyra" as a
    PERSON), so the place table decides places first; a person is a full name tagged PERSON, a name
    after a title, a full name of the people table, or a name described by a role or as someone's
    kin ("Ovidio Guzmán, the son of ..."); a body is a name the tables list as one ("NATO", "the African Union")."""
    if token.pos_ == "PROPN" and _names_an_igo(token):
        return "@igo"
    if token.pos_ == "PROPN" and (token.lower_ in place_countries() or token.lower_ in ontology.capital_names()
                                  or token.ent_type_ in PLACE_ENTITIES):
        return "@place"
    if token.pos_ == "PROPN" and token.ent_type_ == "PERSON" and len(entity_at(token) or ()) > 1:
        return "@person"  # a full name; one capitalised word tagged PERSON is often a place
    names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if token.pos_ == "PROPN" and names and ontology.is_person_name(" ".join(t.text for t in [*names, token])):
        return "@person"  # a full name of the people table, whatever entity the model saw
    if any(c.dep_ == "appos" and c.lemma_.lower() in KIN_NOUNS | ontology.role_types().keys() for c in token.children):
        return "@person"
    if token.pos_ == "PROPN" and token.ent_type_ not in BODY_ENTITIES and any(
            c.dep_ == "compound" and c.i < token.i and c.lower_ in ontology.role_types() for c in token.children):
        return "@person"  # a name after a title: "President Mahama", not "Police Headquarters"
    return None


# Any object that names people, by name or by a word for them: "released Lifshitz", "released
# 150 Palestinians", "released 11 more women and children". A verb whose sense turns on whether
# it acts on people names this class ("release hostages" against "release a video").
PEOPLE_CLASS = "@people"
# Pronouns that only people are: "who" stands for people, "he" and "him" for a person ("them"
# is things as often: "compiled the figures and released them").
PEOPLE_PRONOUNS = frozenset({"him", "her", "he", "she", "who", "whom"})
# Amounts that are no count of people: "released $500 million to Ukraine", "seized $5 million".
AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# Words that count or gather what their "of" names ("a number of prisoners", "a group of
# tourists", "some of the protesters"), and on their own, after a verb that names people, count
# people ("released hundreds", "freed 17").
COUNTING_WORDS = QUANTITY_NOUNS | CONTAINER_NOUNS | frozenset({
    "number", "group", "handful", "some", "many", "several", "most", "all", "few", "those", "one", "first"})


def names_people(token) -> bool:
    """A name of a person (`object_class` "@person", one word the model tags PERSON, or a
    leader's surname it tags nothing), a word only for people ("journalist", "civilians",
    "hostages", "his son": people_nouns.csv and KIN_NOUNS), a demonym as a noun
    ("Palestinians", "a Palestinian"), a pronoun people are ("him", "who"), or a count of
    people ("a number of prisoners", "hundreds", "those who were detained")."""
    kind = object_class(token)
    if kind == "@person":
        return True
    if kind is not None:
        return False
    if token.ent_type_ == "NORP":  # "Palestinians", "a Palestinian", "Israelis" as the object
        return True
    if token.pos_ == "PROPN":  # "to host Zelenskyy": a leader's name the model gives no entity
        return token.ent_type_ == "PERSON" or (not token.ent_type_ and ontology.is_leader_surname(token.text))
    lemma = token.lemma_.lower()
    if lemma in ontology.people_nouns() or lemma in KIN_NOUNS or token.lower_ in PEOPLE_PRONOUNS:
        return True
    if (token.like_num or token.lower_ in COUNTING_WORDS or lemma in COUNTING_WORDS) and token.ent_type_ not in AMOUNT_ENTITIES:
        counted = [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for c in prep.children if c.dep_ == "pobj"]
        if counted:
            return any(names_people(c) for c in counted)
        if token.like_num or token.lower_ in QUANTITY_NOUNS:  # "released hundreds", "freed 17"
            return True
        return token.lower_ == "those" and any(  # "those who were detained", not "those that were confiscated"
            c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in token.children)
    return False


def _names_an_igo(token) -> bool:
    words = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [token]
    return ontology.normalize_name(" ".join(t.text for t in words)) in ontology.intergovernmental_names()


def lemma_form(token) -> str:
    return token.lemma_.lower()


def prepositions(children) -> list:
    """Prepositions of a verb, including the dative 'to' of 'provide aid to Syria'."""
    return [c for c in children if c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")]


# Named entities that a finite verb's "compound" child is when the parser reads a short headline
# as a noun phrase ("Russia attacks Ukraine").
NAMED_SUBJECT_TYPES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


# Conjunctions that open a clause with its own subject inside a headline.
CLAUSE_CONJUNCTIONS = frozenset({"as", "after", "while", "when", "because", "since", "before", "until",
                                 "though", "although", "once"})


def _after_a_conjunction(subjects, verb) -> list:
    """"Uganda defiant as World Bank halts funding": of two subjects the parser gave one verb,
    the one after a conjunction that opens the verb's clause ("as", "after") is its own; the one
    before it is the headline's, whose predicate has no verb."""
    opener = next((t for t in verb.doc[subjects[0].i + 1 : verb.i] if t.lower_ in CLAUSE_CONJUNCTIONS), None)
    return [s for s in subjects if opener is not None and s.i > opener.i]



def subjects_of(verb) -> list:
    """Subject heads of an active verb, inherited through conj/xcomp/relcl."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        subjects = _after_a_conjunction(subjects, verb) or subjects
    if subjects:
        if verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head]
        return subjects
    hung_on_aux = [c for aux in verb.children if aux.dep_ == "aux" and aux.i < verb.i
                   for c in aux.children if c.dep_ == "nsubj"]
    if hung_on_aux:  # "Egypt and Qatar are mediating ...": the parser hung the subject on "are"
        return hung_on_aux
    named_before = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i and c.ent_type_ in NAMED_SUBJECT_TYPES]
    if named_before and verb.tag_ in ("VBZ", "VBD", "VBP") and any(c.dep_ == "dobj" for c in verb.children):
        return named_before  # "Russia attacks Ukraine": the parser took "Russia attacks" for a noun
    if is_scheduled(verb):  # "the president is due / set to meet": the subject of "is"
        head = copula_of(verb.head) or verb.head
        return subjects_of(head) or [c for c in head.children if c.dep_ == "nsubjpass"]
    controlled = object_controller(verb)
    if controlled is not None:
        return controlled
    if fronted_command(verb):
        return []  # "'Release the hostages,' Biden says": asked of others, not done by the speaker
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return subjects_of(verb.head)
    if headline_infinitive(verb):
        return [verb.head]  # "Chad to open embassy in Israel"
    if verb.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return subjects_of(verb.head)  # purpose: "sat down in Dushanbe to negotiate"
    if is_participle_clause(verb):
        return subjects_of(verb.head)  # "has begun evacuating villages, while deploying tanks"
    if verb.dep_ == "relcl":
        return [verb.head]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]  # a headline with no finite verb: "German minister heading to Taiwan"
    joined = joining_verb(verb)
    if joined is not None:  # "Slovakia joined Budapest in blocking the plan": both block it
        return subjects_of(joined) + [c for c in joined.children if c.dep_ == "dobj"]
    if reports_own_act(verb) or comma_joined_verb(verb):
        return subjects_of(verb.head)  # "Russia says sent aid to Gaza": the speaker sent it
    leading = leading_comma_clause(verb)
    if leading is not None:
        return subjects_of(leading)  # "Ghana condemns the raid, urges restraint" parsed the other way round
    return subject_read_as_object(verb)


def fronted_command(verb) -> bool:
    """A bare base form that opens the sentence before the verb it hangs on, with no "to" of its
    own: a quoted command ("'Release the hostages,' Biden says"), which the parser may take for
    the speech verb's complement."""
    return (verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.i < verb.head.i
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and all(t.is_punct for t in verb.doc[verb.sent.start: verb.i]))


def object_controller(verb):
    """Who does what an infinitive says after a verb of making or letting someone act
    (schemas/data/object_control.csv): the object ("forced Kyiv to retreat", "helped Ukraine to
    repel the raid"), never the subject of the verb above; not after verbs of means ("used drones
    to attack the tanker": Iran attacks). After a verb that only wants the act ("required
    foreigners to sign", "prodded Germany to ban Huawei") nobody has done it: the empty list.
    None when the verb is no such complement."""
    if verb.dep_ != "xcomp" or verb.head.pos_ != "VERB" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    happens = ontology.object_control_verbs().get(verb.head.lemma_.lower())
    controller = next((c for c in verb.head.children
                       if c.dep_ == "dobj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if happens is None or controller is None:
        return None
    return [controller] if happens else []


def comma_joined_verb(verb) -> bool:
    """A finite verb joined to the verb before it by a comma alone, with no subject of its own:
    headlines list a subject's acts that way ("EU condemns Hamas, urges Israeli restraint"), and
    the parser hangs the second act under the first as its clause (or as an adverbial clause
    with no conjunction: "condemns Togo over border raid, calls for calm")."""
    head = verb.head
    if (verb.dep_ not in ("ccomp", "advcl") or head.pos_ not in ("VERB", "AUX") or verb.i < head.i + 2
            or head.dep_ not in ("ROOT", "conj")):
        return False  # "says Togo troops crossed the border, vows ...": a reported clause lists no acts of its own
    if verb.doc[verb.i - 1].text != "," or not _bare_finite_verb(verb):
        return False  # "growth, excluding bonuses, was 7.8%": a subject the parser lost, not a list
    if any(t.dep_ == "appos" for t in verb.doc[head.i + 1: verb.i]):
        return False  # "cried foul after McCarthy, the new speaker, released ...": the comma closes an apposition
    if is_speech(head) and any(c.dep_ == "ccomp" and c.i < verb.i for c in head.children):
        return False  # "says Togo troops crossed the border, killed 3": more of what is said, not the speaker's act
    return any(c.dep_ in SUBJECT_DEPS for c in head.children)


def leading_comma_clause(verb):
    """The same list of acts parsed the other way round: the first act, with the subject, hangs
    as a clause under the second ("[Ghana condemns the raid], urges restraint"); that clause, or
    None. A saying verb keeps its quote ("Togo broke the deal, says Ghana"), and so does a verb
    whose object is a name ("Togo attacked first, accuses Ghana")."""
    if verb.i < 2 or verb.doc[verb.i - 1].text != "," or not _bare_finite_verb(verb):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i in (verb.i - 2, verb.i - 1)
                   and c.tag_ in ("VBD", "VBZ", "VBP")), None)
    if clause is None or is_speech(verb) or not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    if any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children) and not any(
            c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return None  # "Togo attacked first, accuses Ghana (in parliament)": the named object says the quote
    return clause  # "meets U.S. envoy, urges Washington to reflect": an object told to act is a second act


def _bare_finite_verb(verb) -> bool:
    """A finite full verb with no subject, auxiliary or conjunction of its own: the second act of
    a headline's comma-joined list ("..., urges restraint"), not "was" after a parenthesis."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and verb.pos_ == "VERB" and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "expl", "mark", "aux", "auxpass") for c in verb.children)


def comma_joined(clause) -> bool:
    """A clause the parser made of the next or the previous act in a comma-joined list: a
    coordinated act, not what the verb above it says, wants or disputes."""
    return comma_joined_verb(clause) or leading_comma_clause(clause.head) == clause


def reported_clauses(verb) -> list:
    """The clauses a verb governs as its content ("said that ...", "denied that ..."), without
    an act merely listed after it with a comma."""
    return [c for c in verb.children if c.dep_ == "ccomp" and not comma_joined(c)]


def reports_own_act(verb) -> bool:
    """A finite verb with no subject of its own in what a speaker says: headlines drop the "it"
    that repeats the speaker ("Russia says shot down 35 drones", "China says will retaliate")."""
    speech = verb.head
    if verb.dep_ != "ccomp" or speech.pos_ not in ("VERB", "AUX") or verb.i < speech.i or any(
            c.dep_ in ("dobj", "dative") for c in speech.children):
        return False  # a quote before "..., she said", or what someone "told X": not the headline form
    if any(t.dep_ not in ("aux", "neg", "advmod") for t in verb.doc[speech.i + 1: verb.i]):
        return False  # "says Israeli forces ... killed": a subject the parser lost, not a dropped "it"
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ in ("MD", "VBZ", "VBP", "VBD") for c in verb.children) or (
        verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children))  # "says downed 35 drones": active, it has an object
    if not finite or any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("nsubjpass", "expl", "mark") for c in verb.children):
        return False
    return is_speech(speech)


def is_speech(verb, bare_statement: bool = False) -> bool:
    """A verb whose plain sense (no object or particle named) is a statement of root 01: "say",
    "claim", "deny"; with `bare_statement`, the bare statement itself (010: "say", "claim", not
    "deny" 016 nor "fear" 012)."""
    rules = ontology.verb_rules().get(verb.lemma_.lower(), ())
    return any((rule.code == "010" if bare_statement else rule.code.startswith("01"))
               and not rule.object_heads and not rule.particle for rule in rules)


# Verbs whose "in" + gerund names the act their subject takes part in: "joined Budapest in
# blocking the plan", "joined other leaders in laying wreaths".
JOINING_VERBS = frozenset({"join"})


def joining_verb(verb):
    """The verb "join" when `verb` is the gerund of its "in" phrase, else None."""
    head = verb.head
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ == "in" and head.head.lemma_.lower() in JOINING_VERBS:
        return head.head
    return None


def joins_in_an_act(verb) -> bool:
    """'joined Budapest in blocking the plan': the joining is told by the gerund's act."""
    return any(joining_verb(gerund) == verb for prep in verb.children if prep.dep_ == "prep"
               for gerund in prep.children)


CLAUSE_HEAD_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "parataxis"})


def subject_read_as_object(verb) -> list:
    """The subject of a finite verb that the parser took as a compound of the verb ("Keir
    Starmer attacks ...") or as the object of a clause opener just before it ("as China and the
    Philippines clash": "China" is the object of "as"; "as a ceasefire between Sudan's army and
    the RSF began": "ceasefire"). A finite verb needs a subject, and the noun phrase just before
    it is that subject."""
    if verb.tag_ not in FINITE_TAGS or verb.i == 0:
        return []
    last = verb.doc[verb.i - 1]
    if last.dep_ == "compound" and last.head == verb and last.pos_ == "PROPN" and verb.dep_ in CLAUSE_HEAD_DEPS:
        return [last]  # not when the "verb" is itself a misread noun: "U.S. releases photo", "US states"
    for phrase in (last, *last.ancestors):
        opener = phrase.head
        if (phrase.dep_ == "pobj" and phrase.right_edge.i == verb.i - 1 and phrase.pos_ in ("PROPN", "NOUN")
                and opener.lower_ in CLAUSE_OPENERS and opener.i == phrase.left_edge.i - 1):
            return [phrase]
    return []


def verb_of_misread_subject(noun):
    """The finite verb whose subject the parser took as the object of a clause opener, when
    `noun` is that object ("ceasefire" in "as a ceasefire between X and Y began": "began"), else
    None."""
    if noun.dep_ != "pobj" or noun.right_edge.i + 1 >= len(noun.doc):
        return None
    verb = noun.doc[noun.right_edge.i + 1]
    return verb if subject_read_as_object(verb) == [noun] else None


def is_scheduled(verb) -> bool:
    """The complement of a word that schedules it ("is due to meet", "is set to visit", "is
    scheduled to sign": schemas/data/predicates.csv, mode "scheduled"): an act to come, told like
    "will meet" (coding.with_modality), whose subject is that of "is". "Was due to" is not:
    the act may never have happened, and gives no row."""
    head, word = verb.head, predicate_word(verb.head)
    if verb.dep_ != "xcomp" or word is None or ontology.predicates()[word][0] != "scheduled":
        return False
    if any(c.dep_ == "advmod" and (c.lower_ in DOUBTING_ADVERBS or (c.lower_ == "longer" and any(
            n.lower_ == "no" for n in c.children))) for c in head.children):
        return False  # "is no longer expected to visit", "hardly expected to": not on the agenda
    if is_bare_predicate(head):  # "US set to impose sanctions": a headline's "is set to"
        return True
    # "was due to visit" may not have happened: only the present schedules
    be = copula_of(head) or next((c for c in head.children if c.dep_ == "auxpass"), None)
    return be is not None and be.tag_ in PRESENT_TAGS


def copula_of(word):
    """The "is" a scheduling word is the predicate of, when the parser hung the word under it:
    as its complement ("is due to meet") or, with an adverbial between them ("is on Saturday
    scheduled to attend"), as a clause of its own; else None (a passive's "is" is its auxpass)."""
    if word.dep_ == "acomp":
        return word.head
    if (word.dep_ == "advcl" and word.tag_ == "VBN" and word.head.lemma_ == "be" and word.head.i < word.i
            and any(c.dep_ == "nsubj" for c in word.head.children)):
        return word.head
    return None


DOUBTING_ADVERBS = frozenset({"hardly", "barely", "scarcely", "never"})


def scheduled_root(verb) -> str | None:
    """The CAMEO root a scheduling word schedules only (predicates.csv's code: "expected" to
    meet (04) is on an agenda; "expected to retaliate" is someone's forecast, no act of the
    actor's), or None for any act ("set to", "due to")."""
    word = predicate_word(verb.head)
    return (ontology.predicates()[word][1] or None) if word is not None and is_scheduled(verb) else None


def predicate_word(token) -> str | None:
    """The word of schemas/data/predicates.csv the token is: as written ("prepared", whose lemma
    is "prepare"), else its lemma; None when it is neither."""
    table = ontology.predicates()
    if token.lower_ in table:
        return token.lower_
    return token.lemma_.lower() if token.lemma_.lower() in table else None


# The tags the parser gives a headline's predicate standing alone: "ready" (JJ), "set",
# "prepared" (VBD or VBN)
BARE_PREDICATE_TAGS = frozenset({"JJ", "VBN", "VBD"})
# What a predicate standing alone never has: an auxiliary (then it is no headline's), an object
# or particle ("Ghana set the stage for talks", "committed funds", "set off for a summit": a
# verb of its own), a negation ("not ready to": nothing intended or scheduled).
NOT_BARE_DEPS = frozenset({"aux", "auxpass", "cop", "dobj", "dative", "prt", "neg"})
# What it is ready or set for: "ready to sign", "set for talks" ("set on fire" is another verb)
BARE_COMPLEMENT_PREPS = frozenset({"for", "to"})


def is_bare_predicate(token) -> bool:
    """A word of the predicates table that a headline writes without its "is": "Spain ready to
    sign deal with Britain", "US set to impose sanctions" say "is ready", "is set". Running text
    writes the "is", so a sentence root with a subject is one, or the clause an attribution
    reports ("Ghana ready to sign deal, minister says"), when it says what for. A verb joined to
    it that shares its subject is the sentence's own verb ("Togo's army, set to deploy next
    week, held drills")."""
    if token.tag_ not in BARE_PREDICATE_TAGS or token.lower_ not in ontology.predicates():
        return False
    if token.dep_ != "ROOT" and not (token.dep_ == "ccomp" and _plain_attribution(token.head)):
        return False
    children = list(token.children)
    return (any(c.dep_ == "nsubj" for c in children) and not any(c.dep_ in NOT_BARE_DEPS for c in children)
            and not any(c.lower_ == "longer" for c in children)
            and any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in BARE_COMPLEMENT_PREPS) for c in children)
            and not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not any(
                s.dep_ in SUBJECT_DEPS for s in c.children) for c in children))


def _plain_attribution(verb) -> bool:
    """"..., minister says": a verb of saying at the root, said as a fact (not "did not say",
    "would say", "never said"; not a noun, "reports Ghana set to ...")."""
    return (verb.dep_ == "ROOT" and verb.pos_ == "VERB" and is_speech(verb)
            and not any(c.dep_ in ("aux", "neg") or c.lower_ == "never" for c in verb.children))


def is_participle_clause(verb) -> bool:
    """An -ing clause on a verb, without a subject of its own ("rejected the plan, warning of
    countermeasures", "while deploying tanks"): its subject is the main clause's."""
    return (verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children))


def participle_main_verb(verb):
    """When the verb is such a clause, or a conjunct of one ("..., causing an outage and injuring
    three"), the verb of the clause it hangs on; else None."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    return verb.head if is_participle_clause(verb) else None


def agents_of(verb) -> list:
    """The 'by' phrase of a passive verb: 'were imposed ... by the EU'; one that names no agent of
    its own takes that of a participle coordinated with it ("was detained and interrogated by
    Togolese forces": both acts are the forces')."""
    own = [pobj for agent in verb.children if _agent_phrase(agent) for pobj in agent.children if pobj.dep_ == "pobj"]
    if not own and verb.tag_ == "VBN":  # "held hostage by Hamas": the parser hangs "by" on the complement
        own = [pobj for complement in verb.children if complement.dep_ == "oprd"
               for agent in complement.children if agent.dep_ == "prep" and agent.lower_ == "by"
               for pobj in agent.children if pobj.dep_ == "pobj"]
    shared = coordinated_agent_verb(verb) if not own else None
    return agents_of(shared) if shared is not None else own


def coordinated_agent_verb(verb):
    """A participle coordinated with the verb, with a "by" phrase and no subject or object of its
    own, whose agent is the agent of both ("detained and interrogated by Togolese forces"), or None."""
    if not any(c.dep_ == "cc" for c in verb.children):
        return None  # joined without "and" or "or" the parser has often glued two clauses
    return next((c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"
                 and any(_agent_phrase(a) for a in c.children)
                 and not any(a.dep_ in ("nsubj", "nsubjpass", "dobj") for a in c.children)), None)


def _agent_phrase(child) -> bool:
    """A passive's "by" phrase, also where the parser made it a preposition of the participle
    ("Accra hit by Togolese drones")."""
    return child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and child.head.tag_ == "VBN")


def subtree_text(token) -> str:
    text = run_text(token.left_edge, token.right_edge)
    text = " ".join(text.split()).strip(" ,;:\"'“”")
    return text[:MAX_OBJECT_CHARS]


def passive_voice(children) -> bool:
    """A passive clause; also a participle with a subject, a "by" phrase and neither auxiliary nor
    object, the headline's passive whose subject the parser took for the doer ("Kyiv hit by 'most
    massive' drone attack"), or the one a headline reports without its subject ("Ukraine says
    hit by Russian drones")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
        return True
    verb = children[0].head if children else None
    if verb is not None and verb.dep_ == "conj" and verb.tag_ == "VBN" and verb == coordinated_agent_verb(verb.head):
        return True  # "... detained and interrogated by Togolese forces": the second participle
    return (bool(children) and _participle_with_agent(verb, children)
            and (reported_without_subject(verb) or any(c.dep_ == "nsubj" for c in children))
            and not any(c.dep_ == "dobj" or (c.dep_ == "aux" and c.lower_ not in SAYING_FORMS) for c in children))


def _participle_with_agent(verb, children) -> bool:
    """A participle with a "by" phrase; also a past form with the parser's own "agent" phrase
    that names a doer, the participle it tagged as a past tense ("Putin praised by China's
    Communist Party"); not a means ("met by video link", "agreed by consensus") nor a verb
    whose "by" is its own ("abided by the sanctions")."""
    if verb.tag_ == "VBN":
        return any(_agent_phrase(c) for c in children)
    if verb.tag_ != "VBD" or verb.lemma_.lower() in BY_VERBS:
        return False
    return any(c.dep_ == "agent" and any(_names_a_doer(o) for o in c.children if o.dep_ == "pobj") for c in children)


# Verbs whose "by" belongs to them: "abided by the ruling", "stood by its ally", "swore by it"
BY_VERBS = frozenset({"abide", "stand", "swear", "live"})
DOER_ENTITIES = frozenset({"GPE", "ORG", "NORP", "PERSON"})


def _names_a_doer(token) -> bool:
    """A name, a body or people: who can do an act ("by China", "by the army", "by protesters")."""
    return (token.pos_ == "PROPN" or token.ent_type_ in DOER_ENTITIES or names_people(token)
            or token.lemma_.lower() in ontology.role_types())


# "Ukraine says hit by Russian drones": the parser may take the saying for the participle's auxiliary
SAYING_FORMS = frozenset({"say", "says", "said"})


def reported_without_subject(verb) -> bool:
    """A clause a headline's "says" reports without its subject, "it" left out: "Ukraine says hit
    Russian military sites", "... says hit by Russian drones", "Hamas says seeking to free hostages"."""
    return (verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() == "say"
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children))


def reduced_passive(verb) -> bool:
    """A participle that modifies a noun and names its agent: "hostages held by Hamas",
    "sanctions imposed by the EU on Iran". The noun is what was done to; the "by" phrase, who did it."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def fronted_passive_patient(verb):
    """The subject of the main clause when the verb is a participle clause before it that names
    its agent ("Besieged by the Israeli army, Gaza residents have lost water": the army besieges
    the residents); else None."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return None
    if verb.i > verb.head.i:
        return None  # "..., backed by ...": after the main verb it may describe its object
    return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


CONDITIONAL_MARKS = frozenset({"if", "unless", "should"})
# Verbs that let an act happen, which their complement names: the act is allowed, not done.
PERMITTING_VERBS = frozenset({"allow", "permit", "enable", "authorize", "authorise", "let"})


INVERTED_CONDITIONALS = frozenset({"should", "were", "had"})
# What someone must or should do has not happened: "Togo must withdraw its troops" (said as a
# demand, it is the speaker's demand: transforms/extract/judgements.py).
OBLIGATION_MODALS = frozenset({"must", "should"})
# A clause that is the subject of a modal judgement is a possibility: "Israel occupying Gaza again
# would be a big mistake", "attacking Iran could be a disaster".
POSSIBILITY_MODALS = frozenset({"would", "could", "might", "may"})
MAY_BE_MODALS = POSSIBILITY_MODALS | {"can"}  # in a main clause: what may be


# Verbs that say a duty as the modals do: "Togo needs to withdraw", "Togo has to withdraw".
OBLIGATION_VERBS = frozenset({"need", "have"})
REPORTED_DUTY_TAGS = frozenset({"VBD", "VB"})  # "said Russia needed to", "said Russia will have to"
REPORTED_DUTY_AUXILIARIES = frozenset({"will"})


def is_obligation(verb) -> bool:
    """What the verb's subject must or should do ("Togo must withdraw its troops", "Togo needs
    to withdraw", "has to withdraw"); an inverted "Should Egypt mediate, ..." opening the text
    is a condition, not a duty. A duty in the verb's own words is one now: not what one "had
    to" or "has had to" do (done), "may need to" or "will need to" do (a possibility, a
    forecast), does not or no longer needs to do, "has yet to" do (not done yet), nor what
    something "has to do with". Reported ("said Russia needed to withdraw", "said Russia will
    have to pay"), the past and "will" are the speaker's present duty in the reporter's tense."""
    if any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS and c.i > 0 for c in verb.children):
        return True
    if verb.lemma_.lower() not in OBLIGATION_VERBS:
        return False
    reported = verb.dep_ == "ccomp" and is_speech(verb.head)
    if verb.tag_ not in PRESENT_TAGS and not (reported and verb.tag_ in REPORTED_DUTY_TAGS):
        return False
    allowed = REPORTED_DUTY_AUXILIARIES if reported else frozenset()
    if is_negated(verb) or any((c.dep_ in ("aux", "auxpass") and c.lower_ not in allowed)
                               or c.lower_ in ("longer", "never", "yet") for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and not (c.lemma_ == "do" and any(p.dep_ == "prep" and p.lower_ == "with" for p in c.children))
               for c in verb.children)


# Nouns whose "that" clause is a claim to be proved: "no evidence that Ghana shelled the village".
EVIDENCE_NOUNS = frozenset({"evidence", "proof", "sign", "indication"})


def unevidenced(verb) -> bool:
    """A clause on "evidence" that is denied: "there is no evidence that Ghana shelled the
    village", "the US has not seen evidence that China provided arms": nothing happened."""
    noun = verb.head
    if verb.dep_ not in ("acl", "ccomp") or noun.lemma_.lower() not in EVIDENCE_NOUNS:
        return False
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) or (
        noun.dep_ in ("dobj", "attr") and any(c.dep_ == "neg" for c in noun.head.children))


def is_possibility(verb) -> bool:
    """A main clause that says what may be ("The court could strike down the law", "Ghana can send
    more aid"): no act. Said of oneself by a speaker it is another matter ("Iran said it could
    quit the NPT": a threat), and not a main clause; negated, it is a refusal ("Turkey would not
    recognise the new government"). A verb joined to it with no auxiliary or subject of its own
    shares the modal ("can find and kill the B-21")."""
    if _shares_the_modal(verb):
        return is_possibility(verb.head)
    return clause_kind(verb) == "ROOT" and not is_negated(verb) and any(
        c.dep_ == "aux" and c.lower_ in MAY_BE_MODALS for c in verb.children)


def _shares_the_modal(verb) -> bool:
    """A verb joined to the verb before it with no auxiliary or subject of its own: it shares that
    verb's modal ("can find and destroy", "could close the border and expel the diplomats")."""
    return verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)


# "would" in speech is the reported future; "can" what someone is able to do ("can find and
# destroy tanks, study says")
MAY_DO_MODALS = frozenset({"may", "might", "could", "can"})


def reported_possibility(verb):
    """The subject of the speech verb that reports this clause as what may, might, could or can
    be ("Russia says Ukraine may attack Crimea": "Russia"), or None: the clause is no reported
    possibility. Not an uncertain past ("may have fired"). A verb joined to the clause with no
    auxiliary or subject of its own shares its modal ("can find and destroy")."""
    if _shares_the_modal(verb):
        return reported_possibility(verb.head)
    if verb.dep_ != "ccomp" or not is_speech(verb.head) or is_negated(verb):
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(a.lower_ in MAY_DO_MODALS for a in auxiliaries) or any(
            a.lemma_.lower() in ("have", "be") for a in auxiliaries):
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


# Modals whose perfect tells what did not happen ("could have met", "would have attacked",
# "should have condemned"); "may have fired as many as 40 missiles" doubts a detail, not the act.
COUNTERFACTUAL_MODALS = frozenset({"could", "would", "should", "'d"})


def might_have_been(verb) -> bool:
    """A counterfactual modal perfect: what might have been, not an act the news reports."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return any(a in COUNTERFACTUAL_MODALS for a in auxiliaries) and any(a in PERFECT_AUXILIARIES for a in auxiliaries)


def is_open_question(verb) -> bool:
    """"It was unclear whether the government would appeal", "did not say whether Russia would
    attack again", "asked if Kyiv would join": a clause that asks whether something happens
    tells that nobody knows."""
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return "whether" in marks or (verb.dep_ == "ccomp" and "if" in marks)


def _xcomp_heads(verb):
    """The verbs whose infinitive complement `verb` is, nearest first."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        yield verb


# Verbs whose clause tells what someone wants or dreads another to do, not what was done.
WISHING_VERBS = frozenset({"hope", "wish", "want", "fear", "pray"})


def wisher_of(verb):
    """The subject of the verb of wishing or dreading whose clause `verb` heads ("the Kremlin" in
    "the Kremlin hopes the US Congress will block aid"), or None: no such clause. What another is
    hoped or feared to do is no event of theirs; what the wisher's own side is hoped to do is its
    intent (engine._wished_act)."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in WISHING_VERBS:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), verb.head)


def is_hypothetical(verb) -> bool:
    """A condition is not an event: '... if the United States demands it', and the inverted
    forms 'Should Egypt mediate, ...', 'Were Iran to attack Israel, ...' (at any depth of
    adverbial clauses), and a clause that is the subject of a modal judgement ("Israel occupying
    Gaza again would be a big mistake": POSSIBILITY_MODALS), an obligation ("Togo must
    withdraw its troops": OBLIGATION_MODALS), a possibility (`is_possibility`) and an open
    question (`is_open_question`)."""
    if is_obligation(verb) or is_possibility(verb) or unevidenced(verb) or might_have_been(verb):
        return True
    if any(is_obligation(head) or head.lemma_.lower() == "need" for head in _xcomp_heads(verb)):
        return True  # "Togo needs to withdraw", "must begin to", "no longer needs to fear": not done
    if verb.dep_ in ("xcomp", "ccomp") and _allowed_by_a_thing(verb.head):
        return True  # "a waiver that allows the US to provide military assistance": allowed, not done
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and might_have_been(verb.head):
        return True  # "could have met the generals while resuming dialogues": neither happened
    node = verb
    while True:
        # "if the authorities continue to prosecute him": the complement is as conditional
        while node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "csubj" and any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_MODALS for c in node.head.children):
            return True
        if is_open_question(node):
            return True
        if node.dep_ != "advcl":
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return True
        if _inverted_condition(node):
            return True
        node = node.head


def _allowed_by_a_thing(permitting) -> bool:
    """A verb that lets an act happen, said of a rule or a thing ("a waiver that allows the US to
    provide", "the errors will allow the Pentagon to send", "an order allowing him to criticise"):
    the act is only allowed. A state, a body or a person that allows its airlines to resume flights
    does the allowing, and the act allowed is told as done; so is one a thing allowed in the past."""
    if permitting.lemma_.lower() not in PERMITTING_VERBS or permitting.tag_ == "VBD":
        return False  # "the pause allowed Hamas to release hostages": allowed, and done
    if permitting.dep_ in ("relcl", "acl") or permitting.tag_ == "VBG":
        return True
    return any(names_a_thing(c) for c in permitting.children if c.dep_ in SUBJECT_DEPS)  # not "the junta"


def names_a_thing(noun) -> bool:
    """A common noun (or an activity's gerund) with no entity, naming no people and no role: a
    thing, a rule or an activity ("a waiver", "disposable vapes", "mining"; not "the authorities")."""
    return ((noun.pos_ == "NOUN" or noun.tag_ == "VBG") and not noun.ent_type_ and not names_people(noun)
            and noun.lemma_.lower() not in ontology.role_types())


def _inverted_condition(clause) -> bool:
    """"Should Egypt mediate, ...", "Were Iran to attack": the adverbial clause's first word is an
    inverted conditional, the clause's verb or a word of its own. Only they can be, so the
    clause's first word (a walk of its whole subtree) is looked for only when one of them is
    such a word."""
    if not any(t.lower_ in INVERTED_CONDITIONALS for t in (clause, *clause.children)):
        return False
    first = min(clause.subtree, key=lambda t: t.i)
    return first.lower_ in INVERTED_CONDITIONALS and clause.i in (first.i, first.head.i)


# Going somewhere to do something reports the doing: "sat down in Dushanbe to negotiate",
# "flew to Nairobi to sign a trade deal".
ERRAND_VERBS = frozenset({"sit", "gather", "meet", "travel", "fly", "arrive", "come", "go", "head",
                          "convene", "return", "assemble", "visit"})


# What a weapon is used for is done with it: "used drones to attack the tanker"
# reports an attack (the verb of means governs nothing, its "to" complement in MEANS_ROOTS is the
# act). What anything else is used for is an aim: "using the summit to promote himself".
MEANS_VERBS = frozenset({"use", "employ", "utilise", "utilize"})
MEANS_ROOTS = frozenset({"18", "19", "20"})


# What help is for is told by the help: "helped Togo fight the rebels" reports the helper's act;
# "the strategy of helping Benin fight Niger" reports no fight.
HELPING_VERBS = frozenset({"help", "assist", "enable"})


def headline_infinitive(verb) -> bool:
    """A headline's "X to <verb>" ("Chad to open embassy in Israel", "Ghana's president to visit
    Lome") that the parser read as a noun phrase: the name is the root and the verb hangs from it
    as a clause, right after it. The name is the subject, as in "Ghana to open embassy", which
    the parser reads as subject, "to" and verb; "EU's top diplomat Josep Borrell to visit Israel"
    has the name in apposition to the root."""
    if verb.dep_ not in ("advcl", "acl", "relcl") or verb.head.dep_ != "ROOT" or verb.head.pos_ not in ("PROPN", "NOUN"):
        return False
    doc = verb.doc
    before = doc[verb.i - 2] if verb.i >= 2 else None  # the root, or its name in apposition
    return (before is not None and doc[verb.i - 1].lower_ == "to" and doc[verb.i - 1].dep_ == "aux"
            and (before.i == verb.head.i or (before.dep_ == "appos" and before.head.i == verb.head.i))
            # "Chad to open embassy ...: Israeli PM Netanyahu": the speaker hangs from the root too
            and all(token.i < verb.i for token in name_tokens(verb.head)))


def is_purpose(verb) -> bool:
    """'raised interest rates to curb inflation', 'deployed police to end the protests': what an
    act is for has not happened (unless the act is an errand: "flew to Nairobi to sign"); nor is
    what help is for (HELPING_VERBS) an act of the one helped."""
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in HELPING_VERBS:
        return True
    if headline_infinitive(verb):
        return False
    return (verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and verb.head.lemma_.lower() not in ERRAND_VERBS)


def for_clause(verb):
    """The "for X to do" complement of a verb ("calls for Israel to halt strikes", "pushes for
    Togo to reopen the border", "calls for Israel to be held accountable"): the parser makes it
    an adverbial clause that "for" marks, with the one asked as its subject. Not when the verb
    has a "for" phrase of its own ("asked for time for Somalia to prepare": a purpose)."""
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return None
    for child in verb.children:
        if (child.dep_ == "advcl" and child.i > verb.i
                and any(c.dep_ == "mark" and c.lower_ == "for" for c in child.children)
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                and any(c.dep_ in ASKED_DEPS for c in child.children)):
            return child
    return None


# The one asked in a "for X to do" clause: its subject, active or passive
ASKED_DEPS = frozenset({"nsubj", "nsubjpass"})


def verb_tagged_as_noun(token) -> bool:
    """A verb the model tagged a noun, as it does with a headline's bare present form: a "noun"
    with a subject and an object ("In first, Russia strips naturalized citizens of passports"),
    which no noun has, or with two subjects joined and no word that only a noun takes ("Biden &
    Xi meet as tensions grind on")."""
    if token.pos_ != "NOUN":
        return False
    children = list(token.children)
    subject = next((c for c in children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if any(c.dep_ == "dobj" for c in children):
        return True
    return (token.dep_ in ("ROOT", "advcl", "ccomp", "conj") and any(c.dep_ == "conj" for c in subject.children)
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in children))


def clause_kind(verb) -> str:
    """The dependency that attaches the verb's clause (through coordination): "relcl" for the
    background of a relative clause ("the territory that Moscow annexed"), "advcl" for an
    adverbial one ("after Russian jets launched an attack"), "ROOT" for a main clause."""
    node = verb
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node.dep_


# What a verb of schemas/data/object_verbs.csv can have instead of an object ("urged Togo to ...",
# "blamed it on ...", "accused of ...", "warned that ..."): with one, the past form is active.
_OBJECT_STAND_INS = frozenset({"dobj", "dative", "ccomp", "xcomp", "prt", "attr", "oprd"})
# Verbs whose "to" complement needs the one addressed before it ("urged Hamas to release"): with
# none, a headline's "Israel urged to release prisoner" is passive, Israel the one urged.
ADDRESSEE_VERBS = frozenset({"urge", "ask", "press", "encourage", "advise", "order", "tell", "force",
                             "pressure", "persuade", "invite", "request", "instruct", "implore"})


def is_headline_passive(verb, headline: bool = True, not_objects: range = range(0)) -> bool:
    """'Russian woman arrested on Red Square': a headline's bare participle is passive; so is the
    bare past form of a verb that needs an object when it has none ("Ghana, Togo blamed as climate
    talks break down", which the model tags as a past tense). In a body's sentence ("Thousands of
    students protested in Lome", "protested" tagged VBN) only the second holds. A headline's second
    clause with a subject of its own is read the same way ("Students trapped and diplomats
    assaulted as ..."), and so is what a speaker says, in a headline or a body ("Blinken says far
    too many Palestinians killed": the Palestinians were killed)."""
    if _second_participle(verb) and is_headline_passive(verb.head, headline, not_objects):
        return True  # "Two Israelis shot and killed in the West Bank": both acts were done to them
    second_clause = headline and verb.dep_ == "conj" and _headline_main_clause(verb.head)
    if (not _headline_main_clause(verb) and not second_clause) or any(
            c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.tag_ == "VBN" and headline:
        return True
    if verb.tag_ not in ("VBD", "VBN"):  # in a body's full sentence a bare VBN is a mistagged past tense
        return False
    if verb.lemma_.lower() in ADDRESSEE_VERBS and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return any(c.dep_ == "xcomp" for c in verb.children)  # "Israel urged to release prisoner"
    # (`not_objects`: the token indices of a headline's attribution, "... arrested for inciting
    # terrorism - Israeli army", which the parser may hang on the verb as its object; an object
    # that starts before it is a real one: "condemned Togo - Benin president" hangs "Togo" on
    # "president")
    return (verb.lemma_.lower() in ontology.object_verbs()
            and not any(c.dep_ in _OBJECT_STAND_INS and c.left_edge.i not in not_objects for c in verb.children))


def _second_participle(verb) -> bool:
    """A bare participle coordinated with the verb before it, with no subject, auxiliary or
    object of its own: the second of a headline's pair of passives ("shot and killed")."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") or c.dep_ in _OBJECT_STAND_INS for c in verb.children)


def _headline_main_clause(verb) -> bool:
    """The root, or the clause a speaker says: a speech verb frames the news it attributes, whose
    words are told as a headline's or a sentence's own."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and is_speech(verb.head))


FUTURE_AUX = frozenset({"will", "would", "wo", "'ll", "shall"})


def is_refusal(verb) -> bool:
    """'will not withdraw', 'won't attend', 'would not recognise': an actor saying it will not act
    refuses (CAMEO 12), which a plain negation ("did not sign") does not; so does one that says it
    is not ready, willing or prepared to act ("is not ready to talk to Russia": predicates.csv,
    mode "intent", negated)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    if any(c.lower_ == "only" for c in verb.children) or any(
            c.lower_ == "only" for n in verb.children if n.dep_ == "neg" for c in n.children):
        return False  # "is not only ready to talk but willing to sign"
    return verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and ontology.predicates().get(predicate_word(c) or "", ("",))[0] == "intent"
        and any(x.dep_ == "xcomp" and _cooperative(x) for x in c.children) for c in verb.children)


def _cooperative(verb) -> bool:
    """A verb whose plain sense is cooperation (roots 03-09: talk, sign, negotiate): one who is
    not ready to do it refuses it; "not ready to fight" says what an army can do, and "not ready
    to comment" (a statement) or "to say" declines no cooperation."""
    plain = [rule for rule in ontology.verb_rules().get(verb.lemma_.lower(), ())
             if not rule.object_heads and not rule.particle and rule.code[:1].isdigit()]
    return bool(plain) and all("03" <= rule.code[:2] <= "09" for rule in plain)


def is_negated(verb) -> bool:
    if any(c.dep_ == "neg" and not _across_a_colon(c, verb) for c in verb.children):
        return True
    # "did not refuse to sign": negation on the governing verb covers the xcomp.
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


def _across_a_colon(word, verb) -> bool:
    """A word before a colon that comes before the verb: a headline's label or quote ("'Maybe,
    maybe not': Lula invites Putin"), which the parser may hang on the verb after it."""
    return word.i < verb.i and any(t.text == ":" for t in verb.doc[word.i + 1 : verb.i])


PARTICLE_ADVERBS = frozenset({"back", "out", "down", "up", "off", "away", "forward", "ahead"})


def direct_object(children):
    """The direct object; a dative noun only when there is none ("gave Serbia an ultimatum"); the
    object the small model hangs on a particle ("breaks off relations": "relations" under "off")."""
    children = list(children)
    found = next((c for c in children if c.dep_ == "dobj"), None)
    if found is None:
        found = next((c for c in children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
    if found is None:
        found = next((o for c in children if c.dep_ == "prt" for o in c.children if o.dep_ == "pobj"), None)
    if found is None:  # "Togo launches counter-offensive against Ghana": a noun is no adjectival complement
        found = next((c for c in children if c.dep_ == "acomp" and c.pos_ == "NOUN"), None)
    return found


def dative_object(children):
    """'gave Serbia an ultimatum': Serbia."""
    return next((c for c in children if c.dep_ == "dative" and c.pos_ != "ADP"), None)


# A preposition whose object is one of these says how long or when ("fought for days"), never
# which sense the verb has ("fight for rights").
DURATION_NOUNS = frozenset({"second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
                            "decade", "while", "time", "moment"})


def particles_of(children) -> set[str]:
    """Particles and prepositions of a verb; "pulled back" is parsed with "back" as an adverb. A
    preposition that only dates the act ("called the move unacceptable on Monday") is no
    particle of its verb ("call on" someone)."""
    return {
        c.lower_ for c in children
        if (c.dep_ == "prt" or (c.dep_ == "prep" and not _only_dates(c))
            or (c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS))
    }


DATING_ENTITIES = frozenset({"DATE", "TIME"})


def _only_dates(prep) -> bool:
    """'on Monday', 'on 12 May', 'at noon': a preposition whose objects are all dates or times
    (not "for two days", a duration that `duration_particles` tells the rules of)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return (prep.lower_ not in DURATION_PREPS and bool(objects)
            and all(o.ent_type_ in DATING_ENTITIES for o in objects))


def duration_particles(children) -> set[str]:
    """The prepositions of a verb that only say how long ("fought for days"): no sense of the verb
    on their own ("fight for" a cause), though a rule may name their object ("strike for two days")."""
    return {c.lower_ for c in children if c.dep_ == "prep" and _tells_duration(c)}


DURATION_PREPS = frozenset({"for", "over", "during", "within"})


def _tells_duration(prep) -> bool:
    """'for days', 'for a second week', 'over months' ("warned of difficult days" is no duration)."""
    return prep.lower_ in DURATION_PREPS and any(
        c.dep_ == "pobj" and c.lemma_.lower() in DURATION_NOUNS for c in prep.children)

