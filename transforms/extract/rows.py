"""From chosen candidates to output rows: one row per event, its id, its evidence.

`event_id` is a hash of the article and the (actor, code, target): the same on every run,
runner and machine. The evidence is quoted from the original text by offsets (a headline may
have been parsed in sentence case).
"""
from __future__ import annotations

import datetime as dt
import hashlib

from schemas import ontology
from schemas.records import Article, Event
from transforms.extract.doc_cache import span_text
from transforms.extract.event_dates import publisher_local_time, resolve_event_date
from transforms.extract.tense import (
    PAST,
    PRESENT,
    days_from_main,
    future_clause_spans,
    other_event_spans,
    plan_clause_spans,
    verb_tense,
)

EXTRACTOR_VERSION = "0.3.0"
TITLE_SEPARATOR = "\n\n"


def analysed_text(article: Article) -> str:
    """The text whose offsets char_start/char_end refer to: title, blank line, body."""
    return article.title + TITLE_SEPARATOR + article.text if article.text else article.title


def event_id(article_id: str, actor: str, event_code: str, target: str | None) -> str:
    """Same article + (actor, code, target) gives the same id on any machine."""
    key = "\x1f".join([article_id, actor, event_code, target or ""])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def action_of(candidate) -> str:
    """The row's action: the word that coded it (a verb's lemma, or the noun of an event)."""
    return candidate.action or candidate.verb.lemma_.lower()


def best_per_event(found: list[tuple]) -> list[tuple]:
    """Within an article, one row per event: the same actor doing the same kind of thing (root)
    to the same target is one event told twice ("Russia attacked Ukraine ... the shelling of
    Kharkiv"), and a mention without a target is the same event as one with it. Different
    targets stay different events. The best evidence wins: the body's sentence over the
    headline's, then the higher confidence, then the more specific code."""
    def better(a: tuple, b: tuple) -> bool:
        return (a[1] > 0, a[0].confidence, len(a[0].rule.code)) > (b[1] > 0, b[0].confidence, len(b[0].rule.code))

    best: dict[tuple, tuple] = {}
    for item in found:
        candidate = item[0]
        key = (candidate.actor.code, candidate.rule.code[:2], candidate.target.code if candidate.target else None)
        if key not in best or better(item, best[key]):
            best[key] = item
    targeted = {(actor, root) for actor, root, target in best if target is not None}
    return [item for (actor, root, target), item in best.items() if target is not None or (actor, root) not in targeted]


def _evidence(sent) -> tuple[str, int, int]:
    """The sentence without surrounding whitespace, and its exact offsets."""
    raw = span_text(sent)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = sent.start_char + lead
    return text, start, start + len(text)


def event_date_of(verb, sentence: str, start: int, local_published, fallback: dt.date) -> tuple[dt.date | None, str]:
    """(event_date, basis) of the event `verb` tells, in its evidence `sentence` (which starts at
    character `start` of the verb's doc).

    A clause dated by the main one ("talks opened a day after Ghana and Togo announced a deal":
    `tense.days_from_main`) takes the main clause's day, moved by the measure, unless its own
    words date it ("three days after police stopped him on January 7"). The main clause is read
    without the clause's time words; when nothing dates it, its day is the publisher's local
    date. Only when the main clause is in the past ("will open two days after the vote" dates
    nothing that has happened), or in the present about a past clause before it ("the findings
    come a day after the president called for ...": a news present). Otherwise the sentence's time
    words date the verb's event, except those of clauses telling other events
    (`tense.other_event_spans`), and those of clauses of condition or time in the present ("if he
    is granted parole on Friday": `tense.future_clause_spans`) name days to come, and a period to
    come in a clause of what is planned ("give up on clinching a pact next week":
    `tense.plan_clause_spans`) is the plan's."""
    anchored = days_from_main(verb)
    main_tense = verb_tense(anchored[0]) if anchored is not None else None
    if main_tense == PAST or (main_tense == PRESENT and anchored[1] <= 0 and verb_tense(verb) == PAST):
        main, days = anchored
        clause = (verb.left_edge.idx - start, verb.right_edge.idx + len(verb.right_edge.text) - start)
        own_day, own_basis = resolve_event_date(sentence[clause[0]:clause[1]], local_published, fallback,
                                                verb_tense(verb))
        if own_basis == "sentence":
            return own_day, own_basis
        day, basis = resolve_event_date(sentence, local_published, fallback, PAST,
                                        other_event_spans(main, start) + (clause,))
        if day is None or days == 0:
            return day, basis
        if basis == "published" and local_published is not None:
            day = local_published.date()
        return day + dt.timedelta(days=days), "sentence"
    return resolve_event_date(sentence, local_published, fallback, verb_tense(verb), other_event_spans(verb, start),
                              future_clause_spans(verb, start), plan_clause_spans(verb, start))


def to_rows(article: Article, chosen, run_id: str) -> list[tuple[Event, dict]]:
    codes = ontology.cameo_codes()
    analysed = analysed_text(article)  # the original text: a headline may have been parsed in sentence case
    local_published = publisher_local_time(article.published, article.published_offset_minutes)
    rows = []
    for candidate, offset in chosen:
        cameo = codes[candidate.rule.code]
        _, start, end = _evidence(candidate.verb.sent)
        sentence = analysed[offset + start : offset + end]
        actor, target = candidate.actor, candidate.target
        event_date, event_date_basis = event_date_of(candidate.verb, sentence, start, local_published, article.date)
        rows.append((
            Event(
                event_id=event_id(article.article_id, actor.code, cameo.code, target.code if target else None),
                date=article.date,
                actor=actor.code,
                actor_name=actor.name,
                actor_country=actor.country,
                actor_type=actor.actor_type,
                action=action_of(candidate),
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
                actor_via=actor.via,
                language=article.language,
                event_date=event_date,
                event_date_basis=event_date_basis,
            ),
            candidate.features,
        ))
    rows.sort(key=lambda pair: (pair[0].char_start, pair[0].actor, pair[0].event_code))
    return rows
