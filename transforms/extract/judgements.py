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

The recipient is who the judged thing belongs to: the subject when it names an actor, its
possessor ("said Israel's actions were ..."), or its "by" agent ("the sanctions imposed by
ECOWAS").
"""
from __future__ import annotations

from schemas import ontology
from transforms.extract.actors import Actor, ArticleActors, resolve_all
from transforms.extract.clauses import agents_of, is_negated

COPULAS = frozenset({"be", "remain", "seem", "appear", "become", "constitute", "amount"})
PREDICATE_DEPS = frozenset({"acomp", "attr", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def judgement(verb, speaker: Actor, resolver: ArticleActors) -> tuple[str, Actor | None] | None:
    """(CAMEO code, recipient) when what the speech verb reports is a judgement, else None."""
    for content, predicates in _contents(verb):
        if is_negated(content):
            continue
        code = _judging_code(content, predicates)
        if code is not None:
            return code, _judged_owner(content, speaker, resolver)
    return None


def _contents(verb):
    """(content head, its predicate tokens) for each thing the verb reports: a reported clause
    ("said the strikes were unacceptable"), an "as" phrase ("described X as abhorrent"), an
    object predicate ("called it unacceptable")."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            yield child, [c for c in child.children if c.dep_ in PREDICATE_DEPS and child.lemma_.lower() in COPULAS]
        elif child.dep_ == "prep" and child.lower_ == "as":
            yield child, [c for c in child.children if c.dep_ in ("pobj", "amod", "acomp")]
        elif child.dep_ == "oprd":
            yield child, [child]


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


def _judged_owner(content, speaker: Actor, resolver: ArticleActors) -> Actor | None:
    """Whose act or thing is judged: the clause's subject or "by" agent when it names an actor,
    else the possessor or "by" agent of the subject ("Togo's decision", "strikes by X")."""
    judged = [c for c in content.children if c.dep_ in SUBJECT_DEPS] + agents_of(content)
    if content.dep_ in ("prep", "oprd"):  # "described the strikes as ...": the verb's object is judged
        judged += [c for c in content.head.children if c.dep_ == "dobj"]
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
