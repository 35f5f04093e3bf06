"""ExtractEvents: Articles → event rows, with one spaCy model per worker process.

The model is loaded on the first batch through Beam's `Shared` handle, so every
DoFn instance in a process uses the same copy (and a run with nothing new to
parse never loads it), and articles reach it in
batches (`BatchElements`, fixed size: Beam's adaptive sizing starts at one
article, and `nlp.pipe` on tiny batches is slow) so that `nlp.pipe` can batch
the parsing. If a batch fails, its articles are retried one by one so a single
poison article is dead-lettered and the rest of the batch still yields its
events.

Before parsing, `transforms.extract.prefilter` blanks the sentences that cannot hold an
event (offsets unchanged) and drops a title or body with nothing left, so spaCy
parses only what the extractor can use (`--no_prefilter` parses everything).
"""
from __future__ import annotations

import threading

import apache_beam as beam
from apache_beam.utils import shared

from schemas.records import Article, DeadLetter
from transforms.articles.language import primary
from transforms.counters import counter, dead_letter_counter
from transforms.extract.doc_cache import keep_text
from transforms.extract.engine import extract_events
from transforms.extract.texts import texts_to_parse

STAGE = "ExtractEvents"
DEAD_LETTERS = "dead_letters"
SKIPPED = "skipped"
_LOCK = threading.Lock()


class _Model:
    """A weak-referenceable wrapper, as `Shared` requires: the model and its pre-filter."""

    def __init__(self, nlp, prefilter=None):
        self.nlp = nlp
        self.prefilter = prefilter


def load_model(name: str):
    from transforms.extract.model import load_model as _load  # spaCy is imported by workers only

    return _load(name)


def load_prefilter(nlp):
    """The pre-filter for this model: trigger spellings from its own lemmatizer tables."""
    from schemas import ontology
    from transforms.extract.actors import CONTEXT_ROLES, CROWD_SECTORS, OUTLET_ROLES, PLACE_OFFICES
    from transforms.extract.model import SurfaceForms
    from transforms.extract.prefilter import (
        Prefilter,
        build_vocabulary,
        protest_lemmas,
        runs,
        trigger_conditions,
        trigger_lemmas,
    )

    spell = SurfaceForms(nlp)
    triggers = set().union(*(spell(lemmas, pos) for pos, lemmas in trigger_lemmas().items()))
    # Role nouns the headline's country ("police arrested ...") or the outlet's ("the
    # government announced ...") can frame keep a sentence; so do crowds beside a word that may
    # make their act a protest ("protesters marched": engine._crowd_of_the_place), and a protest
    # noun there, which names its own crowd ("protests erupted": place_protests.py).
    def role_nouns(kinds):  # one-word roles: a pair ("business leader") decides a sector, not whether a sentence counts
        abbreviations = {word for title, kind in ontology.abbreviated_roles().items() if kind in kinds
                         for word in runs(title)}  # "Gov.", "Sen.": the pre-filter's words have no period
        return spell({noun for noun, kind in ontology.role_types().items() if " " not in noun and kind in kinds},
                     "noun") | abbreviations
    protests = protest_lemmas()
    return Prefilter(build_vocabulary(triggers, role_nouns(CONTEXT_ROLES), role_nouns(OUTLET_ROLES),
                                      trigger_conditions(spell), role_nouns(PLACE_OFFICES),
                                      crowd_words=role_nouns(CROWD_SECTORS) | spell(set(ontology.protest_nouns()), "noun"),
                                      protest_triggers=spell(protests["verb"], "verb") | spell(protests["noun"], "noun")))


def _load(name: str) -> _Model:
    """Called by `Shared` once per worker process; the `model_loads` counter shows it (tests check)."""
    counter("model_loads").inc()
    nlp = load_model(name)
    return _Model(nlp, load_prefilter(nlp))


def extract_batch(nlp, prefilter, batch: list[Article], run_id: str, on_unparsed=lambda: None):
    """(article, its rows) for a batch, as a worker makes them: each article's texts prepared by
    `texts.texts_to_parse` (the pre-filter masks the texts with no trigger; None: parse
    everything), one `nlp.pipe` over the batch. `on_unparsed()` is called for each title or body
    not parsed."""
    pairs = []
    for index, article in enumerate(batch):
        for text, part in zip(texts_to_parse(article, prefilter), ("title", "body")):
            if text is None:
                on_unparsed()
            else:
                pairs.append((text, (index, part)))
    texts = {key: text for text, key in pairs}
    docs = {key: doc for doc, key in nlp.pipe(pairs, as_tuples=True, batch_size=64)}
    for key, doc in docs.items():
        keep_text(doc, texts[key])
    for index, article in enumerate(batch):
        title_doc, body_doc = docs.get((index, "title")), docs.get((index, "body"))
        if title_doc is None and body_doc is None:
            yield article, []
            continue
        yield article, extract_events(article, title_doc, body_doc, run_id)


class _ExtractFn(beam.DoFn):
    def __init__(self, model_name: str, run_id: str, shared_handle: shared.Shared, prefilter: bool = True):
        self._model_name = model_name
        self._run_id = run_id
        self._shared = shared_handle
        self._use_prefilter = prefilter
        self._nlp = None
        self._prefilter = None
        self._skipped = counter("texts_not_parsed")
        self._events = counter("events_extracted")
        self._articles = counter("articles_parsed")
        self._words = counter("words_parsed")

    def _ensure_model(self) -> None:
        """Load on the first batch, not in setup(): a run with nothing new never loads spaCy."""
        if self._nlp is not None:
            return
        with _LOCK:
            holder = self._shared.acquire(lambda: _load(self._model_name), tag=self._model_name)
        self._nlp = holder.nlp
        self._prefilter = holder.prefilter if self._use_prefilter else None

    def process(self, batch: list[Article]):
        self._ensure_model()
        try:
            results = list(self._extract(batch))
        except Exception:
            results = [self._extract_one(article) for article in batch]
        for article, outcome in results:
            if isinstance(outcome, DeadLetter):
                dead_letter_counter(STAGE, outcome.reason).inc()
                yield beam.pvalue.TaggedOutput(DEAD_LETTERS, outcome)
                continue
            self._articles.inc()
            self._words.inc(len(article.title.split()) + len(article.text.split()))
            for event in outcome:
                self._events.inc()
                yield event

    def _extract(self, batch: list[Article]):
        return extract_batch(self._nlp, self._prefilter, batch, self._run_id, on_unparsed=self._skipped.inc)

    def _extract_one(self, article: Article):
        try:
            return next(iter(self._extract([article])))
        except Exception as error:
            return article, DeadLetter(STAGE, "extract_error", article.article_id, f"{type(error).__name__}: {error}"[:500])


class _LanguageFn(beam.DoFn):
    """Articles in a language the model does not read are skipped before parsing: a dead letter
    (reason language_unsupported) that is not a failure, so the article is not tried again."""

    def __init__(self, languages: tuple[str, ...]):
        self._languages = frozenset(code.lower() for code in languages)

    def process(self, article: Article):
        if article.language and primary(article.language) not in self._languages:
            dead_letter_counter(STAGE, "language_unsupported").inc()
            yield beam.pvalue.TaggedOutput(SKIPPED, DeadLetter(
                STAGE, "language_unsupported", article.article_id,
                f"the article is in {article.language!r}; --languages accepts {', '.join(sorted(self._languages))}"))
            return
        yield article


class ExtractEvents(beam.PTransform):
    """Article → Event rows; failed articles → 'dead_letters'; articles in a language the model
    does not read → 'skipped' (dead letters that are not failures)."""

    def __init__(self, model_name: str, run_id: str, max_batch_size: int = 32, prefilter: bool = True,
                 languages: tuple[str, ...] = ("en",)):
        super().__init__()
        self._model_name = model_name
        self._run_id = run_id
        self._max_batch_size = max_batch_size
        self._prefilter = prefilter
        self._languages = tuple(languages)

    def expand(self, articles):
        readable = articles | "KeepReadableLanguages" >> beam.ParDo(_LanguageFn(self._languages)).with_outputs(
            SKIPPED, main="articles")
        extracted = (
            readable.articles
            | "BatchArticles"
            >> beam.BatchElements(min_batch_size=self._max_batch_size, max_batch_size=self._max_batch_size)
            | "ParseAndExtract"
            >> beam.ParDo(
                _ExtractFn(self._model_name, self._run_id, shared.Shared(), self._prefilter)
            ).with_outputs(
                DEAD_LETTERS, main="events"
            )
        )
        return {"events": extracted.events, DEAD_LETTERS: extracted[DEAD_LETTERS], SKIPPED: readable[SKIPPED]}
