"""Criticism told as a judgement in speech: the statement is the criticism.

"The foreign minister said the strikes were unacceptable", "described the situation as
abhorrent", "said “flagrant war crimes” were being committed": the speaker says nothing
happened beyond the judgement, and CAMEO codes such a statement as criticism (111) or, for
war crimes and crimes against humanity, as an accusation of them (1124), not as a plain
statement (010). The words are in schemas/data/judgements.csv:
- "predicate" phrases count as what the reported clause says its subject is ("were
  unacceptable", "was a provocation", "described ... as abhorrent");
- "anywhere" phrases count wherever they stand in the reported content, except as a
  modifier of another noun ("a war crimes tribunal").

What is judged may be a situation as well as an act ("described the situation as abhorrent" is
criticism to the team's coders too), so a judgement of a harvest would count as well; in
political news such words are seldom about anything else.

A reported clause that says what another actor must or should do is a demand of that actor
(100): "Israel must face an international court – Erdogan", "Brussels must trim its budget, EU
capitals say". The speaker's own duty ("said it must act") is no demand.

The recipient is who the judged thing belongs to: the subject when it names an actor, its
possessor ("said Israel's actions were ..."), or its "by" agent ("the sanctions imposed by
ECOWAS").
"""
from __future__ import annotations

from schemas import ontology
from transforms.extract.actors import Actor, ArticleActors, resolve_all
from transforms.extract.clauses import agents_of, is_negated, is_obligation

COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "constitute", "amount"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
# Who a reported clause judges ("said the strikes were ...", "were committed by X"); not
# clauses.SUBJECT_DEPS, which are the subjects that act.
JUDGED_DEPS = frozenset({"nsubj", "nsubjpass"})
DEMAND = "100"


def judgement(verb, speaker: Actor, resolver: ArticleActors) -> tuple[str, Actor | None] | None:
    """(CAMEO code, recipient) when what the speech verb reports is a judgement, else None."""
    for content, predicates, judged in _contents(verb):
        if content.dep_ == "ccomp" and is_obligation(content):
            owner = _judged_owner(judged, speaker, resolver)
            if owner is not None:
                return DEMAND, owner
        if is_negated(content):
            continue
        code = _judging_code(content, predicates)
        if code is not None:
            return code, _judged_owner(judged, speaker, resolver)
    return None


def _contents(verb):
    """(content head, its predicate tokens, what is judged) for each thing the verb reports: a
    reported clause ("said the strikes were unacceptable": its subject or "by" agent), an "as"
    phrase ("described the raid as barbaric", on the verb or on its object) or an object
    predicate ("called the raid barbaric"): the verb's object."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in verb.children:
        if child.dep_ == "ccomp":
            predicates = [c for c in child.children if c.dep_ in PREDICATE_DEPS and child.lemma_.lower() in COPULAS]
            yield child, predicates, [c for c in child.children if c.dep_ in JUDGED_DEPS] + agents_of(child)
        elif child.dep_ == "oprd":
            yield child, [child], objects
    for head in [verb, *objects]:
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"):
            yield prep, [c for c in prep.children if c.dep_ in ("pobj", "amod", "acomp")], objects


def _judging_code(content, predicates) -> str | None:
    table = ontology.judgements()
    for predicate in predicates:
        for tokens in _phrases_at(predicate):
            found = table.get(tokens)
            if found is not None:
                return found[1]
    for token in content.subtree:
        if token.dep_ == "compound":
            continue
        for tokens in _phrases_at(token):
            found = table.get(tokens)
            if found is not None and found[0] == "anywhere":
                return found[1]
    return None


def _phrases_at(token):
    """The lemma sequences a phrase headed by this token can have: the word alone, with its
    compounds before it ("war crime"), with the prepositional phrase after it ("crime
    against humanity", "act of aggression")."""
    word = token.lemma_.lower()
    yield (word,)
    before = [c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.i < token.i]
    if before:
        yield (*before, word)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.i == token.i + 1):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.i == prep.i + 1):
            yield (word, prep.lower_, pobj.lemma_.lower())


def _judged_owner(judged, speaker: Actor, resolver: ArticleActors) -> Actor | None:
    """Whose act or thing is judged: the judged phrase itself when it names an actor, else its
    possessor or "by" agent ("Togo's decision", "strikes by X", "sanctions imposed by X")."""
    for head in judged:
        for actor in resolve_all(resolver, [head], as_target=True):
            if actor.code != speaker.code:
                return actor
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [p for prep in head.children if prep.dep_ in ("prep", "agent") and prep.lower_ == "by"
                   for p in prep.children if p.dep_ == "pobj"]
        owners += [a for acl in head.children if acl.dep_ == "acl" for a in agents_of(acl)]  # "sanctions imposed by X"
        for actor in resolve_all(resolver, owners, as_target=True):
            if actor.code != speaker.code:
                return actor
    return None
