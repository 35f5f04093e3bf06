"""Events from a parsed article: subject-verb-object triples coded with CAMEO.

Only clause structure links an actor to an action: the subject (or the passive
agent) of a dictionary verb is the actor, its object or prepositional object the
target, all inside one sentence. This is what keeps eventwire from gluing actors
and actions from unrelated sentences together. Plain Python over spaCy Docs;
it returns `Event` records, never spaCy objects.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Optional

from schemas import ontology
from schemas.records import Article, Event
from transforms.actors import Actor, ArticleActors, conjuncts, name_tokens, resolve_all
from transforms.verbs import match_verb

EXTRACTOR_VERSION = "0.1.0"
TITLE_SEPARATOR = "\n\n"
MAX_OBJECT_CHARS = 200
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
TARGET_PREPS = frozenset({"on", "against", "with", "to", "from", "for", "into"})
TOPIC_PREPS = frozenset({"on", "about", "over", "to", "for"})
# Reciprocal actions give each member of a compound subject the other as target.
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})


@dataclass
class Candidate:
    actor: Actor
    target: Optional[Actor]
    rule: ontology.VerbRule
    verb: object  # spaCy token
    object_text: Optional[str]
    speaker: Optional[str]
    confidence: float


def analysed_text(article: Article) -> str:
    """The text whose offsets char_start/char_end refer to: title, blank line, body."""
    return article.title + TITLE_SEPARATOR + article.text if article.text else article.title


def event_id(article_id: str, actor: str, event_code: str, target: Optional[str]) -> str:
    """Same article + (actor, code, target) gives the same id on any machine."""
    key = "\x1f".join([article_id, actor, event_code, target or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def extract_events(article: Article, title_doc, body_doc, run_id: str) -> list[Event]:
    """All events of one article, one row per (actor, code, target), best evidence kept."""
    resolver = ArticleActors(article.date)
    resolver.learn_acronyms(analysed_text(article))
    found: list[tuple[Candidate, int]] = []
    body_offset = len(article.title) + len(TITLE_SEPARATOR)
    # The body first: a title is a compressed restatement, the body has the evidence.
    for doc, offset in ((body_doc, body_offset), (title_doc, 0)):
        if doc is None:
            continue
        for sent in doc.sents:
            for candidate in sentence_candidates(sent, resolver):
                found.append((candidate, offset))
    return _to_rows(article, _best_per_key(found), run_id)


def sentence_candidates(sent, resolver: ArticleActors) -> list[Candidate]:
    _learn_people(sent, resolver)
    by_verb: dict[int, list[Candidate]] = {}
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or _governed_by_event_verb(verb):
            continue
        by_verb[verb.i] = list(_verb_candidates(verb, resolver))
    # A reporting verb whose clause carried an event is evidence, not news.
    reported = set()
    for verb_i, candidates in by_verb.items():
        if candidates and sent.doc[verb_i].dep_ == "ccomp":
            reported.add(sent.doc[verb_i].head.i)
    out = []
    for verb_i, candidates in by_verb.items():
        for candidate in candidates:
            if verb_i in reported and candidate.rule.code.startswith("01"):
                continue
            out.append(candidate)
    return out


def _learn_people(sent, resolver: ArticleActors) -> None:
    for ent in sent.ents:
        if ent.label_ == "PERSON":
            resolver.resolve(ent.root)


def _governed_by_event_verb(verb) -> bool:
    """'refused to implement': the governing verb codes the event, not the xcomp."""
    return verb.dep_ == "xcomp" and _has_rules(verb.head.lemma_)


def _has_rules(lemma: str) -> bool:
    return lemma.lower() in ontology.verb_rules()


def _verb_candidates(verb, resolver: ArticleActors) -> Iterable[Candidate]:
    if _is_negated(verb):
        return
    children = list(verb.children)
    dobj = next((c for c in children if c.dep_ in ("dobj", "dative")), None)
    if dobj is None:  # in the passive the grammatical subject is the object: "sanctions were imposed"
        dobj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    preps = [c for c in children if c.dep_ == "prep"]
    particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep")}
    heads = _object_heads(dobj, preps, verb)
    rule = match_verb(verb.lemma_, particles, heads)
    if rule is None:
        return
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    confidence = 0.9
    if passive:
        subjects = _agents(verb)
        target_heads = [dobj] if dobj is not None else []
        confidence -= 0.1
    else:
        subjects = _subjects(verb)
        target_heads = [dobj] if dobj is not None else []
    actors = resolve_all(resolver, subjects)
    if not actors:
        return
    target = _target(resolver, target_heads, preps, dobj)
    object_text = _object_text(verb, dobj, preps, target)
    speaker = _speaker(verb, resolver)
    if speaker is not None:
        confidence -= 0.05
    reciprocal = len(actors) > 1 and target is None and rule.code[:2] in RECIPROCAL_ROOTS
    for actor in actors:
        this_target = target
        if reciprocal:
            this_target = next((a for a in actors if a.code != actor.code), None)
        if this_target is not None and this_target.code == actor.code:
            this_target = None
        score = confidence - (0.1 if actor.via == "context" else 0.0)
        yield Candidate(actor, this_target, rule, verb, object_text, speaker, round(score, 3))


def _is_negated(verb) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # "did not refuse to sign": negation on the governing verb covers the xcomp.
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


def _object_heads(dobj, preps, verb) -> set[str]:
    heads = set()
    if dobj is not None:
        heads.update(t.lemma_.lower() for t in conjuncts(dobj))
    for prep in preps:
        heads.update(c.lemma_.lower() for c in prep.children if c.dep_ == "pobj")
    for child in verb.children:
        if child.dep_ == "xcomp":
            heads.add(child.lemma_.lower())
    return heads


def _subjects(verb) -> list:
    """Subject heads of an active verb, inherited through conj/xcomp/relcl."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        if verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head]
        return subjects
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    if verb.dep_ == "relcl":
        return [verb.head]
    return []


def _agents(verb) -> list:
    """The 'by' phrase of a passive verb: 'were imposed ... by the EU'."""
    return [
        pobj
        for agent in verb.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
    ]


def _target(resolver: ArticleActors, target_heads, preps, dobj) -> Optional[Actor]:
    for actor in resolve_all(resolver, [h for h in target_heads if h is not None]):
        return actor
    candidate_preps = list(preps)
    if dobj is not None:
        candidate_preps += [c for c in dobj.children if c.dep_ == "prep"]
    for prep in candidate_preps:
        if prep.lower_ not in TARGET_PREPS:
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        for actor in resolve_all(resolver, pobjs):
            return actor
    return None


def _object_text(verb, dobj, preps, target: Optional[Actor]) -> Optional[str]:
    """What the action is about: the object phrase, an infinitive, or a topic."""
    if dobj is not None and (target is None or dobj.i not in _token_ids(dobj, target)):
        return _subtree_text(dobj)
    for child in verb.children:
        if child.dep_ == "xcomp":
            return _subtree_text(child)
    for prep in preps:
        if prep.lower_ in TOPIC_PREPS:
            pobjs = [c for c in prep.children if c.dep_ == "pobj"]
            if pobjs and (target is None or target.name not in _subtree_text(pobjs[0])):
                return _subtree_text(pobjs[0])
    return None


def _token_ids(dobj, target: Actor) -> set[int]:
    """Token indexes of the object phrase when it is the target itself."""
    text = " ".join(t.text for t in name_tokens(dobj))
    return {dobj.i} if target.name and target.name in text else set()


def _subtree_text(token) -> str:
    tokens = list(token.subtree)
    doc = token.doc
    text = doc.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]
    text = " ".join(text.split()).strip(" ,;:\"'“”")
    return text[:MAX_OBJECT_CHARS]


def _speaker(verb, resolver: ArticleActors) -> Optional[str]:
    """Who reported the event: 'Lavrov said that ...', '... according to Lavrov'."""
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
    if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX"):
        for actor in resolve_all(resolver, _subjects(node.head)):
            return actor.code
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        actor = resolver.resolve(pobj)
                        if actor is not None:
                            return actor.code
    return None


def _best_per_key(found: list[tuple[Candidate, int]]) -> list[tuple[Candidate, int]]:
    """Within an article, one row per (actor, code, target): the best evidence wins."""
    best: dict[tuple, tuple[Candidate, int]] = {}
    for candidate, offset in found:
        key = (candidate.actor.code, candidate.rule.code, candidate.target.code if candidate.target else None)
        current = best.get(key)
        if current is None or candidate.confidence > current[0].confidence:
            best[key] = (candidate, offset)
    return list(best.values())


def _evidence(sent) -> tuple[str, int, int]:
    """The sentence without surrounding whitespace, and its exact offsets."""
    raw = sent.text
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return text, start, start + len(text)


def _to_rows(article: Article, chosen, run_id: str) -> list[Event]:
    codes = ontology.cameo_codes()
    rows = []
    for candidate, offset in chosen:
        cameo = codes[candidate.rule.code]
        sentence, start, end = _evidence(candidate.verb.sent)
        actor, target = candidate.actor, candidate.target
        rows.append(
            Event(
                event_id=event_id(article.article_id, actor.code, cameo.code, target.code if target else None),
                date=article.date,
                actor=actor.code,
                actor_name=actor.name,
                actor_country=actor.country,
                actor_type=actor.actor_type,
                action=candidate.verb.lemma_.lower(),
                event_code=cameo.code,
                event_root=cameo.root,
                event_name=cameo.name,
                quad_class=cameo.quad_class,
                goldstein=cameo.goldstein,
                target=target.code if target else None,
                target_name=target.name if target else None,
                target_country=target.country if target else None,
                target_type=target.actor_type if target else None,
                object=candidate.object_text,
                speaker=candidate.speaker,
                sentence=sentence,
                char_start=offset + start,
                char_end=offset + end,
                confidence=candidate.confidence,
                article_id=article.article_id,
                url=article.url,
                title=article.title,
                feed_url=article.feed_url,
                source=article.source,
                published=article.published,
                date_basis=article.date_basis,
                extractor_version=EXTRACTOR_VERSION,
                run_id=run_id,
            )
        )
    rows.sort(key=lambda e: (e.char_start, e.actor, e.event_code))
    return rows
