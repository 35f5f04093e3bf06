"""Skip what cannot hold an event before spaCy sees it.

An event needs, in one sentence, a trigger (a dictionary verb of
schemas/data/verbs.csv, an event noun, a predicate adjective: `trigger_lemmas`; in a
headline, an attribution "... – Name"; a verb whose every rule names its object or particle
counts only beside one of those words: `conditional_verbs`)
and an actor the resolver can name: a gazetteer name, an acronym the article
defines, a capitalized place beside an office noun ("Queensland police", "the
mayor of Lagos"), a person an earlier sentence introduced with a title, a phrase that
refers back ("he", "the bloc": only after a parsed sentence, `Prefilter._keep`) or, when the headline names a country, a role
noun of a type the resolver frames by it ("police", "ministers"; such a headline
is then parsed whole), or, in a story of an outlet with a home country, a role noun
the outlet frames ("the government"; a sentence naming another country is then kept
too, since it may lift that frame); in either story, a crowd ("workers", "protesters") beside a
word that can make its act a protest (`protest_lemmas`), and a protest noun alone ("Kenya protests",
whose crowd is of the place: transforms/extract/place_protests.py). A sentence with neither cannot give a row, so it
is not parsed: it is blanked (every character but line breaks becomes a space),
which keeps every offset of the analysed text (title + "\\n\\n" + body) valid for
the extractor while spaCy spends one whitespace token on it instead of a parse.
A title or body with nothing left is not parsed at all.

What must stay for context is kept:
- acronym definitions ("... Organization (CSTO)") are learned from the raw text
  (`ArticleActors.learn_acronyms`), so they need no parse; every parenthesized
  acronym of the article counts as an actor name here;
- a sentence that names an actor next to other capitalized words may introduce a
  person ("Russian Foreign Minister Sergey Lavrov"); it is kept when a later
  sentence that is kept uses one of those words ("Lavrov said ..."), in the order
  the extractor reads (body, then title).

The checks are cheap: a rule splits sentences; words are runs of letters and
digits, looked up in sets. Surface forms of the verbs come from the model's own
lemmatizer tables (`transforms.extract.model.surface_forms`), so any token the model
lemmatizes to a dictionary verb is recognized; `english_inflections` is the
fallback for models without those tables. Names are matched case-insensitively,
as the resolver does, except short ones ("US", "UN", "EU", "U.S."): those need a
capital, so the pronoun "us" does not keep every sentence (the resolver ignores
pronouns anyway). Equality of the events with and without the filter is checked
by tests/test_prefilter.py and by `bench/run.py --no-prefilter-too`.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from schemas import ontology
from transforms.extract.actors import PAIR, PROTEST_ROOT
from transforms.extract.headlines import attribution
from transforms.extract.nominal import PHRASE_PREPS
from transforms.extract.places import place_countries

# A sentence ends at . ! ? (closing quotes/brackets allowed) before whitespace and
# a capital, digit or opening quote, or at a line break.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n+")
_LAST_WORD = re.compile(r"(\S+)$")
# Words after which a period rarely ends a sentence: not splitting is the safe side.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen lt col sgt maj capt cmdr adm gov sen rep prof jr sr rev fr hon pres "
    "inc co corp ltd no nos vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct "
    "nov dec mt ft ave blvd pp vol op cf al".split()
)
_RUN = re.compile(r"[^\W_]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&.-]{1,11})\)")
# Capitalized words that are not names: never taken as a possible person alias.
_NOT_NAMES = frozenset(row["word"] for row in ontology.table_rows("not_names.csv"))
# Short names (one run of at most this many characters, or single letters: "U.S.")
# match only where the text has a capital.
SHORT_NAME = 3

# Regular English verb inflection with the commonest irregular forms, for models
# whose lemmatizer has no rule tables.
IRREGULAR = {row["lemma"]: row["forms"] for row in ontology.table_rows("irregular_verbs.csv")}


def english_inflections(lemma: str) -> set[str]:
    """-s/-es/-ed/-ing forms (with a doubled final consonant and y → i) and irregulars."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    forms.update(IRREGULAR.get(lemma, "").split())
    return forms


def rule_inflections(lemma: str, rules: Iterable[tuple[str, str]], exceptions: dict[str, list[str]]) -> set[str]:
    """Every string a rule lemmatizer maps to `lemma`: the inverse of its suffix rules
    (form = lemma minus `new` plus `old`) and of its exception table."""
    forms = {lemma}
    for old, new in rules:
        if lemma.endswith(new):
            stem = lemma[: len(lemma) - len(new)] if new else lemma
            if stem:
                forms.add(stem + old)
    forms.update(form for form, lemmas in exceptions.items() if lemma in lemmas)
    return forms


def trigger_lemmas() -> dict[str, set[str]]:
    """Lemmas by part of speech whose presence lets the extractor code an event:
    dictionary verbs (and aspectual ones), event nouns ("strike", "clashes") and
    predicate adjectives ("ready to", "confident that"). Every table the extractor
    uses to trigger an event must be listed here."""
    table = lambda name, *args: getattr(ontology, name, lambda *a: ())(*args)  # noqa: E731
    verbs = set(table("verb_rules")) | set(table("aspectual_verbs"))
    nouns = {head_noun(noun) for noun in table("nominal_events", False) if runs(noun)}
    nouns |= set(dict(table("nominalizations"))) | set(table("partnered_nominal_events"))
    nouns |= set(table("protest_nouns"))  # "Kenya protests": transforms/extract/place_protests.py
    # words that schedule an act ("is set to meet") code nothing themselves: the act's verb is the trigger
    adjectives = {word for word, (mode, _) in dict(table("predicates")).items() if mode != "scheduled"}
    return {"verb": verbs, "noun": nouns, "adj": adjectives}


def protest_lemmas() -> dict[str, set[str]]:
    """Verbs and event nouns that can code a crowd's act as a protest (root 14): by their own rules
    ("march", "rally"), or by the sense a crowd gives them (subject_senses.csv: "nurses strike",
    "protesters stormed parliament": any verb of the roots the sense names)."""
    rules = ontology.verb_rules()
    verbs = {lemma for lemma, found in rules.items() if any(r.code.startswith(PROTEST_ROOT) for r in found)}
    for sense in (s for s in ontology.subject_senses() if s.code.startswith(PROTEST_ROOT)):
        verbs |= {lemma for lemma, found in rules.items() if sense.lemmas & {"*", lemma}
                  and (not sense.roots or any(r.code[:2] in sense.roots for r in found))}
    nouns = {head_noun(noun) for noun, code in ontology.nominal_events(False).items()
             if code.startswith(PROTEST_ROOT) and runs(noun)}
    nouns |= set(ontology.protest_nouns())
    return {"verb": verbs, "noun": nouns}


def conditional_verbs() -> dict[str, set[str]]:
    """Verb lemmas that are events only with certain words: every rule of the lemma in
    schemas/data/verbs.csv names a particle or object heads ("make a visit", "set fire to"), none
    a class of objects ("@person"). lemma → the words of those particles and heads. A sentence
    whose only trigger is such a verb, without any of its words, cannot match a rule
    (transforms/extract/verbs.match_verb), so it needs no parse. A rule on an event complement
    ("hope,,@complement,030") needs no word of its own: the complement's verb is a trigger."""
    from transforms.extract.verbs import OBJECT_CLASSES

    found = {}
    for lemma, rules in ontology.verb_rules().items():
        if any(not (rule.particle or rule.object_heads) or rule.object_heads & OBJECT_CLASSES for rule in rules):
            continue
        found[lemma] = {word for rule in rules for head in (rule.particle or "", *rule.object_heads)
                        if not head.startswith("@") for word in runs(head)}
    return found


def trigger_conditions(spell: Callable[[Iterable[str], str], set[str]]) -> dict[str, frozenset[str]]:
    """Trigger spelling → the spellings of the words it needs beside it (`conditional_verbs`):
    "make" counts only beside "visit", "peace" or "trip" in any spelling. `spell(lemmas, pos)`
    gives a model's spellings (transforms/extract/model.surface_forms). A spelling that an
    unconditional trigger shares ("found": find, found) needs nothing. One set per lemma,
    shared by its spellings."""
    conditional = conditional_verbs()
    lemmas = trigger_lemmas()
    unconditional = spell(lemmas["verb"] - conditional.keys(), "verb") | spell(lemmas["noun"], "noun") | spell(
        lemmas["adj"], "adj")
    conditions: dict[str, frozenset[str]] = {}
    for lemma, words in conditional.items():
        spellings = frozenset().union(*(spell(words, pos) for pos in ("noun", "verb", "adj")))
        for form in spell({lemma}, "verb") - unconditional:
            conditions[form] = conditions[form] | spellings if form in conditions else spellings
    return conditions


def runs(text: str) -> list[str]:
    return _RUN.findall(ontology.fold(text).lower())


def head_noun(entry: str) -> str:
    """The word of an event noun entry the extractor finds first: the last of a compound ("air
    strike": "strike"), the one before the phrase of a noun with its phrase ("launch of missile":
    "launch", not "missile", which alone names no event; nominal.PHRASE_PREPS are the phrases'
    prepositions)."""
    words = runs(entry)
    return next((words[i - 1] for i, word in enumerate(words) if word in PHRASE_PREPS and i > 0), words[-1])


@dataclass(frozen=True)
class Vocabulary:
    """What can trigger an event (verb forms) and what can name an actor."""

    triggers: frozenset[str]  # words that can trigger an event
    names: dict[str, tuple[tuple[str, ...], ...]]  # first word → word tuples, longest first
    needs_capital: frozenset[tuple[str, ...]]
    anaphors: dict[str, tuple[tuple[str, ...], ...]]
    # Capitalized words that are no person's name: one-word actor names, role nouns.
    common_words: frozenset[str] = frozenset()
    # Role nouns ("police", "ministers"): in a story whose headline names one country
    # the resolver takes them as that country's actors.
    role_words: frozenset[str] = frozenset()
    # Role nouns the outlet's home country frames ("the government", "MPs") in a story of an
    # outlet with a country (transforms/extract/outlets.py).
    outlet_role_words: frozenset[str] = frozenset()
    countries: dict = dataclasses.field(default_factory=dict)  # like `names`, countries only
    # Trigger words that count only beside one of their words (`conditional_verbs`): form → words.
    conditions: dict = dataclasses.field(default_factory=dict)
    # Places (schemas/data/places.csv), like `names`, and the office nouns a place frames as its
    # country's ("Texas governor", "the mayor of Lagos": actors.PLACE_OFFICES).
    places: dict = dataclasses.field(default_factory=dict)
    office_words: frozenset[str] = frozenset()
    # Anaphors that name an actor only as one named before them in reading order ("he", "the
    # bloc"; not "the two leaders": the headline's pair is learned before the body is read).
    antecedent_anaphors: frozenset[tuple[str, ...]] = frozenset()
    # Crowds ("protesters", "workers", "activists"): a protest's actor, framed like role
    # nouns, only beside one of `protest_triggers` (what can make an act a protest: `protest_lemmas`).
    crowd_words: frozenset[str] = frozenset()
    protest_triggers: frozenset[str] = frozenset()


def build_vocabulary(triggers: Iterable[str], role_words: Iterable[str] = (),
                     outlet_role_words: Iterable[str] = (), conditions: dict | None = None,
                     office_words: Iterable[str] = (), crowd_words: Iterable[str] = (),
                     protest_triggers: Iterable[str] = ()) -> Vocabulary:
    """The lookup tables, from the ontology (all dates: a superset of any day's)."""
    names: dict[str, set[tuple[str, ...]]] = {}
    countries: dict[str, set[tuple[str, ...]]] = {}
    needs_capital = set()
    for key, entry in ontology.actor_names(None).items():
        words = tuple(runs(key))
        if not words:
            continue
        names.setdefault(words[0], set()).add(words)
        # The resolver also reads "Georgians" (a demonym's plural) and "Houthi" (an
        # organization's singular): keep their sentences too.
        if len(words) == 1 and entry.kind == "demonym":
            names.setdefault(words[0] + "s", set()).add((words[0] + "s",))
        if len(words) == 1 and entry.kind == "organization" and words[0].endswith("s"):
            names.setdefault(words[0][:-1], set()).add((words[0][:-1],))
        if len(words) == 1 and entry.kind == "organization" and 3 <= len(words[0]) <= 6 and words[0].isalpha():
            # "I.M.F.": the resolver reads an acronym written with periods as the acronym
            names.setdefault(words[0][0], set()).add(tuple(words[0]))
        if entry.code == entry.country:
            countries.setdefault(words[0], set()).add(words)
        if (len(words) == 1 and len(words[0]) <= SHORT_NAME) or all(len(w) == 1 for w in words):
            needs_capital.add(words)
    for surname in ontology.leader_surnames():  # "Macron said": a leader by surname alone
        names.setdefault(surname, set()).add((surname,))
        needs_capital.add((surname,))
    anaphors: dict[str, set[tuple[str, ...]]] = {}
    antecedent_anaphors = set()
    for phrase, kind in getattr(ontology, "anaphora", dict)().items():
        words = tuple(runs(phrase))
        # "the bloc": the resolver reads the whole phrase, "bloc" is what must be there.
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        if words:
            anaphors.setdefault(words[0], set()).add(words)
            if kind != PAIR:
                antecedent_anaphors.add(words)
    places: dict[str, set[tuple[str, ...]]] = {}
    if office_words:
        for name, country in place_countries().items():
            words = tuple(runs(name))
            if words and country:
                places.setdefault(words[0], set()).add(words)
    longest = lambda table: {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}  # noqa: E731
    return Vocabulary(
        triggers=frozenset(f.lower() for f in triggers),
        names=longest(names),
        needs_capital=frozenset(needs_capital),
        anaphors=longest(anaphors),
        common_words=frozenset(
            {k for k in names for words in names[k] if len(words) == 1} | set(ontology.role_types())),
        role_words=frozenset(w.lower() for w in role_words),
        outlet_role_words=frozenset(w.lower() for w in outlet_role_words),
        conditions={form.lower(): words if isinstance(words, frozenset) else frozenset(words)
                    for form, words in (conditions or {}).items()},
        countries=longest(countries),
        places=longest(places),
        office_words=frozenset(w.lower() for w in office_words),
        crowd_words=frozenset(w.lower() for w in crowd_words),
        protest_triggers=frozenset(w.lower() for w in protest_triggers),
        # a phrase that is also a pair's ("the leaders" in "the two leaders") is no antecedent's only
        antecedent_anaphors=frozenset(antecedent_anaphors) - {
            words for table in anaphors.values() for words in table if words not in antecedent_anaphors},
    )


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence by a cheap rule; never splits after an
    abbreviation or an initial, so it errs towards longer sentences."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[0] != "\n":
            word = _LAST_WORD.search(text, 0, match.start() + 1)
            last = word.group(1).strip("\"'“‘([").rstrip(".") if word else ""
            if last.lower() in ABBREVIATIONS or (len(last) == 1 and last.isupper()) or "." in last:
                continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass
class _Sentence:
    part: str  # "title" or "body"
    start: int
    end: int
    has_verb: bool
    has_actor: bool  # a gazetteer name, a defined acronym, an anaphor or a role noun
    names: bool  # a gazetteer name
    capitalized: frozenset[str]  # possible person aliases it could introduce
    alias_uses: frozenset[str]  # capitalized words it shares with earlier possible introducers
    roles: bool = False  # a role noun the headline's or the outlet's country frames
    countries: bool = False  # a country's name (looked for only where role nouns count)
    # Its only actor is an anaphor that needs an antecedent ("he", "the bloc"): Vocabulary.antecedent_anaphors.
    refers_back: bool = False
    kept: bool = False
    taught: bool = False  # kept because a later kept sentence uses a name it introduces


class Prefilter:
    """Per article: which sentences of the title and body can hold an event.
    Holds no per-article state, so DoFn threads of one process can share it."""

    def __init__(self, vocabulary: Vocabulary):
        self._v = vocabulary
        # first word → ((length, the names of that length), ...): with ~60,000 names a first
        # word such as "john" starts hundreds of them; one set lookup per length replaces a scan.
        self._by_length = {id(t): _by_length(t) for t in (vocabulary.names, vocabulary.countries, vocabulary.places)}

    def mask(self, title: str, text: str, outlet_framed: bool = False) -> tuple[str | None, str | None]:
        """The title and body with every sentence that cannot hold an event blanked,
        offsets unchanged; None for a part with nothing left to parse. `outlet_framed`: the
        article's outlet has a home country, which frames national institutions."""
        acronyms = {m.group(1).lower().replace("’", "'") for m in _PAREN_ACRONYM.finditer(title + "\n" + text)}
        sentences = []
        aliases: set[str] = set()
        originals = _RUN.findall(ontology.fold(title))
        role_words = self._v.role_words if self._names(
            originals, [w.lower() for w in originals], self._v.countries) else frozenset()
        crowd_words = self._v.crowd_words if role_words or outlet_framed else frozenset()
        if outlet_framed:
            role_words = role_words | self._v.outlet_role_words
        # The extractor reads the body first, then the title: people learned in that order.
        for part, source in (("body", text), ("title", title)):
            for start, end in split_sentences(source):
                sentences.append(self._scan(part, source[start:end], start, end, acronyms, aliases, role_words,
                                            crowd_words))
        self._keep(sentences)
        if outlet_framed and any(s.kept and s.roles for s in sentences):
            # Another country named where an actor stands lifts the outlet's frame
            # (ArticleActors.frame_with_outlet), which decides who a kept sentence's role
            # noun is: the resolver must see those sentences.
            for s in sentences:
                s.kept = s.kept or s.countries
        body = self._masked(text, "body", sentences) if text else None
        # The headline's country frames bare role nouns ("Police arrested ..."): when
        # anything is parsed, a headline that names an actor is parsed whole.
        if any(s.kept for s in sentences) and any(s.names for s in sentences if s.part == "title"):
            return title, body
        return self._masked(title, "title", sentences), body

    def _scan(self, part, sentence, start, end, acronyms, aliases, role_words, crowd_words=frozenset()) -> _Sentence:
        originals = _RUN.findall(ontology.fold(sentence))
        words = [w.lower() for w in originals]
        letters = _LETTERS.findall(sentence.lower())
        present = set(words).union(letters)
        has_verb = any(self._triggers(w, present) for w in present) or (
            part == "title" and attribution(sentence) is not None)  # "... – Lavrov": a statement
        names = self._names(originals, words)
        roles = not role_words.isdisjoint(words) or (
            not crowd_words.isdisjoint(words) and not self._v.protest_triggers.isdisjoint(present))
        placed = not self._v.office_words.isdisjoint(words) and self._placed_office(originals, words)
        anaphors = self._anaphors(words)
        named = names or bool(acronyms.intersection(words)) or roles or placed
        has_actor = named or bool(anaphors)
        capitalized = frozenset(
            w for o, w in zip(originals, words)
            if o[0].isupper() and w not in _NOT_NAMES and w not in self._v.common_words and w not in acronyms)
        uses = frozenset(capitalized & aliases)
        if has_actor or uses:
            aliases.update(capitalized)
        countries = bool(role_words) and self._names(originals, words, self._v.countries)
        refers_back = bool(anaphors) and not named and anaphors <= self._v.antecedent_anaphors
        return _Sentence(part, start, end, has_verb, has_actor, names, capitalized, uses, roles, countries, refers_back)

    def _triggers(self, word: str, present: set[str]) -> bool:
        if word not in self._v.triggers:
            return False
        needed = self._v.conditions.get(word)
        return needed is None or not needed.isdisjoint(present)

    def _names(self, originals: list[str], words: list[str], table=None, capital: bool = False) -> bool:
        """Whether the words hold a name of `table` (the gazetteer's by default); short names, and
        all of them when `capital`, only when capitalized."""
        index = self._by_length[id(self._v.names if table is None else table)]
        for i, word in enumerate(words):
            for length, names in index.get(word, ()):
                name = tuple(words[i : i + length])
                if name in names and (not capital and name not in self._v.needs_capital
                                      or any(c.isupper() for c in originals[i])):
                    return True
        return False

    def _placed_office(self, originals: list[str], words: list[str]) -> bool:
        """A capitalized place right before an office noun, one word apart at most ("Texas
        governor", "Lagos State police", "Bavaria's premier"), or after "<office> of (the)" ("the
        mayor of Lagos"): what the resolver reads as the place's office (actors._placed_role,
        ArticleActors._located_actor). Anywhere else in the sentence, a place frames nothing."""
        offices = self._v.office_words
        for i, word in enumerate(words):
            for length, names in self._by_length[id(self._v.places)].get(word, ()):
                if tuple(words[i: i + length]) not in names or not originals[i][:1].isupper():
                    continue
                if not offices.isdisjoint(words[i + length: i + length + 2]):
                    return True
                before = words[max(0, i - 3): i]
                if before[-2:-1] and before[-1] == "of" and before[-2] in offices or (
                        len(before) == 3 and before[1:] == ["of", "the"] and before[0] in offices):
                    return True
        return False

    def _anaphors(self, words: list[str]) -> set[tuple[str, ...]]:
        found = set()
        for i, word in enumerate(words):
            for phrase in self._v.anaphors.get(word, ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    found.add(phrase)
        return found

    @staticmethod
    def _keep(sentences: list[_Sentence]) -> None:
        """Keep event sentences, then (backwards) the sentences that introduce their aliases;
        then (forwards) drop the event sentences whose only actor refers back to nothing parsed."""
        needed: set[str] = set()
        for sentence in reversed(sentences):
            event = sentence.has_verb and (sentence.has_actor or bool(sentence.alias_uses))
            teaches = (sentence.has_actor or sentence.alias_uses) and bool(sentence.capitalized & needed)
            if event or teaches:
                sentence.kept = True
                sentence.taught = bool(teaches)
                needed |= sentence.alias_uses
        Prefilter._drop_unanchored(sentences)

    @staticmethod
    def _drop_unanchored(sentences: list[_Sentence]) -> None:
        """"He said ..." or "the bloc agreed ..." before any parsed sentence (in reading order:
        body, then title) names nobody: the resolver reads "he" as the person named in its sentence
        or the one before, else the last person it resolved, and "the bloc" as the last
        organization (ArticleActors._refer_back); with nothing parsed before, there is none. Such a
        sentence is kept only after a kept one. (The headline's pair, which "the two leaders"
        reads, is learned before the body: those phrases keep their sentences anywhere.)"""
        parsed_before = False
        for sentence in sentences:
            if (sentence.kept and not parsed_before and sentence.refers_back and not sentence.alias_uses
                    and not sentence.taught):
                sentence.kept = False
            parsed_before = parsed_before or sentence.kept

    @staticmethod
    def _masked(source: str, part: str, sentences: list[_Sentence]) -> str | None:
        kept = [(s.start, s.end) for s in sentences if s.part == part and s.kept]
        if not kept:
            return None
        chunks = []
        position = 0
        for start, end in kept:
            chunks.append(_blank(source[position:start]))
            chunks.append(source[start:end])
            position = end
        chunks.append(_blank(source[position:]))
        return "".join(chunks)


def _by_length(table: dict[str, tuple[tuple[str, ...], ...]]) -> dict[str, tuple[tuple[int, frozenset], ...]]:
    out = {}
    for word, names in table.items():
        lengths: dict[int, set] = {}
        for name in names:
            lengths.setdefault(len(name), set()).add(name)
        out[word] = tuple((n, frozenset(v)) for n, v in sorted(lengths.items(), reverse=True))
    return out


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)
