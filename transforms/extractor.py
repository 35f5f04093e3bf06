"""Events from a parsed article: subject-verb-object triples coded with CAMEO.

Only clause structure links an actor to an action: the subject (or the passive
agent) of a dictionary verb is the actor, its object or prepositional object the
target, all inside one sentence. This is what keeps eventwire from gluing actors
and actions from unrelated sentences together. Plain Python over spaCy Docs;
it returns `Event` records, never spaCy objects.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from schemas import ontology
from schemas.records import Article, Event
from transforms.actors import Actor, ArticleActors, conjuncts, name_tokens, resolve_all
from transforms.nominal import nominal_events
from transforms.verbs import match_verb

EXTRACTOR_VERSION = "0.2.0"
TITLE_SEPARATOR = "\n\n"
MAX_OBJECT_CHARS = 200
NOT_AN_EVENT = "-"  # verbs.csv: "met the press" is not a meeting
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
    if title_doc is not None:
        resolver.learn_context_country(title_doc)
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
    out = []
    covered = {(c.actor.code, c.rule.code[:2]) for cs in by_verb.values() for c in cs}
    for noun, code, actor, target in nominal_events(sent, resolver):
        if (actor.code, code[:2]) in covered or _is_negated(noun.head):
            continue
        covered.add((actor.code, code[:2]))
        rule = ontology.VerbRule(noun.lemma_.lower(), None, frozenset(), code)
        out.append(Candidate(actor, target, rule, noun, _subtree_text(noun), _speaker(noun.head, resolver), 0.7))
    for verb_i, candidates in by_verb.items():
        verb = sent.doc[verb_i]
        for candidate in candidates:
            # "X said that ...": the reported clause is the news, the saying is evidence,
            # unless the clause is the speaker's own view ("said he was confident").
            if candidate.rule.code.startswith("01") and _has_clause(verb) and not _own_view(verb, by_verb):
                continue
            # "demanded that Manila withdraw": what is demanded has not happened.
            if _unrealized(verb, by_verb):
                continue
            out.append(candidate)
    return out


PERSONAL_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
VIEW_VERBS = frozenset({"expect", "hope", "believe", "fear", "doubt", "think", "feel"})


def _own_view(verb, by_verb: dict[int, list[Candidate]]) -> bool:
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
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


def _has_clause(verb) -> bool:
    """'said that ...', 'claims to have ...': the content, not the saying, is the news."""
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _unrealized(verb, by_verb: dict[int, list[Candidate]]) -> bool:
    if verb.dep_ not in ("ccomp", "xcomp"):
        return False
    governing = by_verb.get(verb.head.i)
    return bool(governing) and governing[0].rule.code[:2] in MODE_BY_ROOT


def _learn_people(sent, resolver: ArticleActors) -> None:
    for ent in sent.ents:
        if ent.label_ == "PERSON":
            resolver.resolve(ent.root, remember=False)


def _governed_by_event_verb(verb) -> bool:
    """'refused to implement': the governing verb codes the event, not the xcomp.

    Aspectual verbs ("began sharing data") govern nothing: the complement is the event.
    """
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() in ontology.aspectual_verbs():
        return False
    return _has_rules(verb.head.lemma_) or _predicate(verb.head) is not None


def _has_rules(lemma: str) -> bool:
    return lemma.lower() in ontology.verb_rules()


def _verb_candidates(verb, resolver: ArticleActors) -> Iterable[Candidate]:
    if _is_negated(verb) or _hypothetical(verb) or _headline_passive(verb):
        return
    children = list(verb.children)
    dobj = next((c for c in children if c.dep_ == "dobj" or (c.dep_ == "dative" and c.pos_ != "ADP")), None)
    if dobj is None:  # in the passive the grammatical subject is the object: "sanctions were imposed"
        dobj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    preps = _preps(children)
    particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep")}
    heads = _object_heads(dobj, preps, verb)
    if verb.lemma_.lower() in ontology.aspectual_verbs() and any(c.dep_ == "xcomp" for c in children):
        return
    rule = match_verb(verb.lemma_, particles, heads) or _predicate(verb)
    if rule is None or rule.code == NOT_AN_EVENT or off_topic(verb, dobj):
        return
    rule = _joint_action(rule, dobj)
    rule = _with_modality(verb, rule)
    if rule.code.startswith("01") and _demanding_clause(verb) is not None:
        clause = _demanding_clause(verb)
        inner = _rule_for(clause)
        table = ontology.modality_codes()
        code = (table.get(("demand", inner.code[:2])) if inner and inner.code != NOT_AN_EVENT else None) or table[("demand", "*")]
        rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, code)
    light = rule.code.startswith("01") or verb.lemma_.lower() in ontology.light_verbs()
    if light and not rule.object_heads and dobj is not None and not passive_voice(children):
        announced = ontology.nominal_events(standalone_only=False).get(dobj.lemma_.lower())
        if announced is not None:  # "announced a military offensive against ..."
            rule = ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, announced)
        elif verb.lemma_.lower() in ontology.light_verbs() and rule.code.startswith("01"):
            return  # "announced the relocation of its embassy": the news is the noun, not coded
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
    if not actors and _refers_to_speaker(subjects):
        speaker_actor = _reporting_subject(verb, resolver)
        actors = [speaker_actor] if speaker_actor is not None else []
    if not actors:
        return
    target = _target(resolver, target_heads, preps, dobj)
    if target is None and rule.code[:2] in ("02", "10"):  # "demanded that Manila withdraw"
        for child in children:
            if child.dep_ == "ccomp":
                target = _target(resolver, [c for c in child.children if c.dep_ in SUBJECT_DEPS], [], None)
                break
    if target is None:  # "agreed to provide aid to Syria": the complement names the target
        for child in children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                grand = list(child.children)
                inner = next((c for c in grand if c.dep_ == "dobj"), None)
                target = _target(resolver, [inner] if inner is not None else [], _preps(grand), inner)
                if target is not None:
                    break
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


MODE_BY_ROOT = {"02": "appeal", "03": "intent", "10": "demand", "12": "refusal", "13": "threat"}
MATERIAL_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")


def _rule_for(verb) -> Optional[ontology.VerbRule]:
    children = list(verb.children)
    dobj = next((c for c in children if c.dep_ == "dobj" or (c.dep_ == "dative" and c.pos_ != "ADP")), None)
    preps = _preps(children)
    particles = {c.lower_ for c in children if c.dep_ in ("prt", "prep")}
    return match_verb(verb.lemma_, particles, _object_heads(dobj, preps, verb))


def _with_modality(verb, rule: ontology.VerbRule) -> ontology.VerbRule:
    """'agreed to provide aid' → intent + aid (033); 'will attack' → a threat (13)."""
    table = ontology.modality_codes()
    mode = MODE_BY_ROOT.get(rule.code[:2])
    if mode is not None and not rule.object_heads:
        for child in verb.children:
            if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
                complement = _rule_for(child)
                if complement is not None and complement.code != NOT_AN_EVENT:
                    code = table.get((mode, complement.code[:2])) or table.get((mode, "*"))
                    return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, code)
        return rule
    headline_future = verb.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if headline_future or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children):
        root = rule.code[:2]
        future_mode = "intent" if root in COOPERATIVE_ROOTS else "threat" if root in MATERIAL_ROOTS else None
        # "UK minister to meet Gulf counterparts": a headline's plan is an intent
        if future_mode is not None:
            code = table.get((future_mode, root)) or table.get((future_mode, "*"))
            return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, code)
    return rule


def off_topic(verb, dobj) -> bool:
    """Sports results, markets and 'fighting inflation' use event verbs without events."""
    cues = ontology.off_topic_cues()
    ambiguous = verb.lemma_.lower() in cues["ambiguous_verb"]
    if ambiguous and dobj is not None and (dobj.lemma_.lower() in cues["abstract_target"] or dobj.lower_ in cues["abstract_target"]):
        return True
    sent = verb.sent
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if SCORE.search(sent.text) or words & cues["sports"] or words & cues["business"]:
        return True
    return False


def _demanding_clause(verb):
    """A 'that' clause in the subjunctive ("that Tehran halt", "that he be released")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.tag_ == "VB" and not any(
            c.dep_ in ("aux", "auxpass") and c.lemma_ != "be" for c in child.children
        ) and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return child
    return None


def _predicate(verb) -> Optional[ontology.VerbRule]:
    """'they were ready to open talks' (intent), 'he was confident that ...' (013)."""
    if verb.lemma_ != "be":
        return None
    table = ontology.predicates()
    for child in verb.children:
        if child.dep_ == "acomp" and child.lemma_.lower() in table:
            mode, code = table[child.lemma_.lower()]
            if mode == "statement":
                return ontology.VerbRule(child.lemma_.lower(), None, frozenset(), code)
            complement = next((c for c in child.children if c.dep_ == "xcomp"), None)
            modality = ontology.modality_codes()
            root = None
            if complement is not None:
                inner = _rule_for(complement)
                root = inner.code[:2] if inner is not None and inner.code != NOT_AN_EVENT else None
            code = modality.get((mode, root)) if root else None
            return ontology.VerbRule(child.lemma_.lower(), None, frozenset(), code or modality[(mode, "*")])
    return None


JOINT_ROOTS = frozenset({"15", "19"})
JOINT_MILITARY_COOPERATION = "062"


def _joint_action(rule: ontology.VerbRule, dobj) -> ontology.VerbRule:
    """'held joint exercises', 'a joint patrol': military cooperation, not a show of force."""
    if dobj is None or rule.code[:2] not in JOINT_ROOTS:
        return rule
    if any(c.lower_ in ("joint", "jointly") for c in dobj.children):
        return ontology.VerbRule(rule.lemma, rule.particle, rule.object_heads, JOINT_MILITARY_COOPERATION)
    return rule


def passive_voice(children) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in children)


CONDITIONAL_MARKS = frozenset({"if", "unless", "should"})


def _hypothetical(verb) -> bool:
    """'... if the United States demands it': a condition is not an event."""
    node = verb
    while node.dep_ in ("conj",) and node.head is not node:
        node = node.head
    return node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children)


def _headline_passive(verb) -> bool:
    """'Russian woman arrested on Red Square': a headline's bare participle is passive."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children):
        return False
    return verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)


def _is_negated(verb) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    # "did not refuse to sign": negation on the governing verb covers the xcomp.
    return verb.dep_ == "xcomp" and any(c.dep_ == "neg" for c in verb.head.children)


def _object_heads(dobj, preps, verb) -> set[str]:
    heads = set()
    if dobj is not None:
        heads.update(_forms(t) for t in conjuncts(dobj))
        heads.update(t.lower_ for t in conjuncts(dobj))
        left = dobj.doc[dobj.i - 1] if dobj.i > 0 else None
        if left is not None and left.head.i == dobj.i:  # "a general strike", "a hunger strike"
            heads.add(f"{left.lower_} {dobj.lower_}")
    for prep in preps:
        heads.update(_forms(c) for c in prep.children if c.dep_ == "pobj")
        heads.update(c.lower_ for c in prep.children if c.dep_ == "pobj")
    for child in verb.children:
        if child.dep_ == "xcomp":
            heads.add(child.lemma_.lower())
    return heads


def _forms(token) -> str:
    return token.lemma_.lower()


def _preps(children) -> list:
    """Prepositions of a verb, including the dative 'to' of 'provide aid to Syria'."""
    return [c for c in children if c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")]


def _subjects(verb) -> list:
    """Subject heads of an active verb, inherited through conj/xcomp/relcl."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        if verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head]
        return subjects
    if verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        return _subjects(verb.head)
    if verb.dep_ == "advcl" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return _subjects(verb.head)  # purpose: "sat down in Dushanbe to negotiate"
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
    for actor in resolve_all(resolver, [h for h in target_heads if h is not None], as_target=True):
        return actor
    candidate_preps = list(preps)
    if dobj is not None:
        candidate_preps += [c for c in dobj.children if c.dep_ == "prep"]
    for prep in candidate_preps:
        if prep.lower_ not in TARGET_PREPS:
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        for actor in resolve_all(resolver, pobjs, as_target=True):
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


SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "its", "their", "our"})


def _refers_to_speaker(subjects) -> bool:
    """'The army said its forces had recaptured ...': 'its forces', 'they', 'we'."""
    for subject in subjects:
        if subject.lower_ in SPEAKER_PRONOUNS:
            return True
        if any(c.dep_ == "poss" and c.lower_ in SPEAKER_PRONOUNS for c in subject.children):
            return True
    return False


def _reporting_subject(verb, resolver: ArticleActors) -> Optional[Actor]:
    node = verb
    while node.dep_ in ("conj", "xcomp") and node.head is not node:
        node = node.head
    if node.dep_ == "ccomp" and node.head.pos_ in ("VERB", "AUX"):
        for actor in resolve_all(resolver, _subjects(node.head)):
            return actor
    return None


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
        # The body's sentence is better evidence than the headline's; then confidence decides.
        if current is None or (offset > 0, candidate.confidence) > (current[1] > 0, current[0].confidence):
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
