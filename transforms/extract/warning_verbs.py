"""Warnings that the coders code as criticism, not as threats (CAMEO 13).

A warning is a threat when it tells of what will or would follow ("warned Iran that attacks
would be met with retribution") or of the speaker's own act; the gold sets code two other kinds
as criticism (111):
- a bare warning of another actor over what they do: "warns Spain over the amnesty deal",
  "warns the US against a new arms race" (`criticises_conduct`);
- a warning of a threat, danger or menace that a named actor poses: "warns of China threats",
  "the threat posed by Togo" (schemas/data/additions/verbs.csv codes "warn of" these nouns as
  111; `threat_owner` finds who poses it, and a threat no one poses, "the threat of cholera", is
  no event).

A third kind is a comment: a warning to no one named of what another actor may do, will not do
or does or risks now ("warned that unless Ukraine wins, Russia could begin building up",
"America won't always ride in to the rescue, warns UK defence secretary", "warned that Israel
risks losing support") foretells, and the coders code it as a statement
(01: CAMEO 012, a pessimistic comment), not a threat (`foretells_another`). So is a warning "of"
or "about" a danger no one poses, aimed at no one ("warns of a huge risk of attacks": verbs.csv),
unless it is of another actor's hostile act, which it criticises ("warns of Russian attack on
power grid", `threat_owner`), aimed at someone, which makes it a threat ("warned Japan of a
crushing defeat", `_addressed_warning_of`), or of a matter no one does, a market, a disease, the
weather, which is no news at all (`_warns_of_a_matter`).
"""
from __future__ import annotations

import functools

from schemas import ontology
from transforms.extract.actors import Actor, ArticleActors
from transforms.extract.clauses import is_negated
from transforms.extract.coding import WARNING_VERBS
from transforms.extract.judgements import CRITICISM
from transforms.extract.no_news import FUTURE_AUXILIARIES

GENERIC_THREAT = "130"
# What a warning over someone's conduct is about: "warns Spain over the amnesty deal", "warns
# the US against a new arms race" (the coders' criticism); not "on": "warned Togo on Monday".
CONDUCT_PREPS = frozenset({"over", "against", "about"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def criticises_conduct(verb, rule, actors, target) -> bool:
    """A bare warning (130, no object the rule names) of another actor, named as the one warned,
    over something they do ("warns Spain over the amnesty deal"): the coders' criticism (11),
    not a threat. A warning that says anything ("warned Iran that attacks would be met with
    retribution", "warned Togo that its army stands ready") or asks anything ("warned Togo to
    withdraw") is left as it is, as is one over a time ("over the weekend")."""
    if verb.lemma_.lower() not in WARNING_VERBS or rule.code != GENERIC_THREAT or rule.object_heads:
        return False
    if target is None or target.code in {a.code for a in actors}:
        return False
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in children):
        return False  # "sharpens warning to Lebanon": the noun, a warning given, read as a verb
    return any(c.dep_ == "prep" and c.lower_ in CONDUCT_PREPS
               and not any(p.ent_type_ in TIME_ENTITIES for p in c.children if p.dep_ == "pobj") for c in children)


# What a warning may be of that someone poses: "warned of China threats", "of the threat posed
# by Iran" (verbs.csv codes "warn of" these as criticism, 111).
THREAT_NOUNS = frozenset({"threat", "danger", "menace"})
THREAT_PREPS = frozenset({"of", "about"})
POSING_PREPS = frozenset({"from", "by"})


def warns_of_a_threat(verb, rule) -> bool:
    return verb.lemma_.lower() in WARNING_VERBS and rule.code == CRITICISM and any(
        h in THREAT_NOUNS or h.rstrip("s") in THREAT_NOUNS for h in rule.object_heads)


def threat_owner(verb, resolver: ArticleActors, actors, hostile_acts: bool = False) -> Actor | None:
    """Who poses the threat a warning is of: a name that modifies it ("China threats", "Iran's
    threat") or is its "from" / "posed by" phrase; not the one who warns, nor a place's name.
    With `hostile_acts`, a hostile act another actor would do counts as a threat it poses
    ("warns of Russian attack on power grid")."""
    own = {a.code for a in actors}
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in THREAT_PREPS):
        for threat in (c for c in prep.children if c.dep_ == "pobj" and (
                c.lemma_.lower() in THREAT_NOUNS or (hostile_acts and _hostile_act(c)))):
            owners = [c for c in threat.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
            phrases = list(threat.children) + [c for acl in threat.children if acl.dep_ == "acl" for c in acl.children]
            owners += [p for c in phrases if c.dep_ in ("prep", "agent") and c.lower_ in POSING_PREPS
                       for p in c.children if p.dep_ == "pobj"]
            for owner in owners:
                # the word itself names the one who poses it ("China threats", "posed by Iran"),
                # not a thing of a place's ("Sudan famine threat", "posed by Sudan's floods")
                entry = resolver.lookup(owner.text)
                thing_between = owner.i < threat.i and any(t.pos_ == "NOUN" for t in owner.doc[owner.i + 1 : threat.i])
                if entry is not None and entry.code not in own and not _place_compound(owner) and not thing_between:
                    return Actor(entry.code, owner.text, entry.country, entry.actor_type, "gazetteer")
    return None


# The roots of hostile acts, from threats to mass violence (CAMEO 13-20)
HOSTILE_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})


def _hostile_act(noun) -> bool:
    table = ontology.nominal_events(standalone_only=False)
    code = table.get(noun.lower_) or table.get(noun.lemma_.lower())
    return code is not None and code[:2] in HOSTILE_ROOTS


def _warns_of_a_matter(verb, rule: ontology.VerbRule) -> bool:
    """"warns of persistent inflation", "warn of heavy snowfall", "warns of flu surge": a warning
    (012, verbs.csv's "warn of") of a market, a disease, the weather or a disaster is no political
    news (GOLD.md rule 10): its topic or a word before it is one of the matters that no one does
    (schemas/data/off_topic.csv, kind "matter"; disasters.csv). A crisis or a shortage may be
    anyone's doing ("warns of humanitarian crisis in Gaza") and is no such matter."""
    if rule.code != PESSIMISTIC_COMMENT or rule.particle not in THREAT_PREPS:
        return False
    matters = _matters()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in THREAT_PREPS):
        for topic in (c for c in prep.children if c.dep_ == "pobj"):
            words = [topic, *(c for c in topic.children if c.dep_ in ("compound", "amod") and c.i < topic.i)]
            phrase = " ".join(w.lower_ for w in sorted(words, key=lambda w: w.i))
            if phrase in matters or any(w.lower_ in matters or w.lemma_.lower() in matters for w in words):
                return True
    return False


@functools.cache
def _matters() -> frozenset[str]:
    return ontology.off_topic_cues()["matter"] | ontology.disaster_nouns()


def _place_compound(token) -> bool:
    """'Taiwan Strait dangers': the name is part of a place's name."""
    return any(c.dep_ == "compound" for c in token.children) or (token.dep_ == "compound" and token.head.pos_ == "PROPN")


PESSIMISTIC_COMMENT = "012"
# A warning with one of these is aimed at someone: "warned Iran that ...", "warned Togo to
# withdraw", "a warning to Lebanon", "warned against ...".
ADDRESSEE_DEPS = frozenset({"dobj", "dative", "xcomp"})
ADDRESSEE_PREPS = frozenset({"to", "against"})
# What another actor may do: "Russia could begin", "may attack" (not "would": "Togo would pay a
# heavy price" is a threat).
MAY_MODALS = frozenset({"could", "may", "might"})
# What another is warned it will suffer, in any tense: "faces consequences", "pays the price"
SUFFERING_VERBS = frozenset({"face", "pay", "suffer"})


def foretells_another(verb, rule, actors, resolver: ArticleActors) -> bool:
    """A bare warning (130) aimed at no one, whose reported clause's subject is another actor
    than the one warning and says what it may do or will not ("Russia could begin building up",
    "America won't always ride in to the rescue"), or what it does or risks now, with no "will"
    or "would" ("Israel risks losing support"). A threat tells of the speaker's own act
    ("warned it would view the vessels as targets", "Jordan's king warned Jordan would do
    whatever it takes"), of what another will suffer ("warned that Togo would pay a heavy
    price"), or is aimed at someone warned."""
    if verb.lemma_.lower() not in WARNING_VERBS or rule.code != GENERIC_THREAT or rule.object_heads:
        return False
    if _aimed_at_someone(verb):
        return False
    children = list(verb.children)
    own = {a.code for a in actors} | {a.country for a in actors}
    for clause in (c for c in children if c.dep_ == "ccomp"):
        subject = next((s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return False
        if clause.lemma_.lower() in SUFFERING_VERBS and not is_negated(clause):
            return False  # "warned that Hezbollah faces devastating consequences": what it will suffer
        modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if not is_negated(clause) and modals & FUTURE_AUXILIARIES and not modals & MAY_MODALS:
            return False  # "warned that Togo would pay a heavy price": what it will suffer
        other = resolver.resolve(subject, remember=False)
        return other is not None and other.code not in own and other.country not in own
    return False


def _addressed_warning_of(verb, rule: ontology.VerbRule) -> bool:
    """"warned Japan of a crushing defeat": a warning of something aimed at someone is a threat
    (130), though one of a danger aimed at no one ("warns of rising hunger") is a comment (012,
    verbs.csv's "warn of")."""
    return (verb.lemma_.lower() in WARNING_VERBS and rule.code == PESSIMISTIC_COMMENT
            and rule.particle in THREAT_PREPS and _aimed_at_someone(verb))


def _aimed_at_someone(verb) -> bool:
    """"warned Iran that ...", "warned Togo to withdraw", "a warning to Lebanon", "warned against ..."."""
    return any(c.dep_ in ADDRESSEE_DEPS or (c.dep_ == "prep" and c.lower_ in ADDRESSEE_PREPS) for c in verb.children)


def warning_read(verb, rule: ontology.VerbRule, actors, target: Actor | None,
                 resolver: ArticleActors) -> tuple[ontology.VerbRule, Actor | None, bool]:
    """(rule, target, posed): the warning recoded as criticism where the coders read it so, with
    the threat's owner as its target; `posed` is False for a threat no one poses (no event)."""
    if _addressed_warning_of(verb, rule):
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, GENERIC_THREAT)
    if _warns_of_a_matter(verb, rule):
        return rule, target, False
    if (verb.lemma_.lower() in WARNING_VERBS and rule.particle in THREAT_PREPS
            and rule.code in (GENERIC_THREAT, PESSIMISTIC_COMMENT)):
        owner = threat_owner(verb, resolver, actors, hostile_acts=True)
        if owner is not None:  # "warns of Russian attack on power grid": the attack Russia poses
            return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, CRITICISM), owner, True
    if criticises_conduct(verb, rule, actors, target):
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, CRITICISM)
    elif foretells_another(verb, rule, actors, resolver):
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, PESSIMISTIC_COMMENT)
    if warns_of_a_threat(verb, rule):
        target = threat_owner(verb, resolver, actors)
        return rule, target, target is not None
    return rule, target, True
