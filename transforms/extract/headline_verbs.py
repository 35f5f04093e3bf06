"""Headline verbs the tagger read as nouns: "Turkey summons Swedish ambassador", "Japanese police
arrest suspect".

Headlines drop their auxiliaries and articles, so a verb in the present tense whose spelling is
also a plural noun ("summons", "sanctions", "bans", "bars", "fires", "halts") often comes out of
the small model as NNS, and the headline then has no verb at all: no event. The word itself is
not the problem, its context is: the same sentence with the unambiguous past form ("Turkey
summoned Swedish ambassador") parses as subject, verb and object.

So, in a sentence with no finite verb (or only one, right after the word, that the tagger read as
a verb because it read the word as a noun: "Ghana issues warrant", "warrant" as VBP), a plural
noun right after a noun (and before a word or an opening quote), whose singular is a lemma of
the verb table and which has words after it, is tried as that verb: the sentence is parsed again
with the past form in its place (same tokens, so the analyses line up one to one), and when the
second parse makes the word the root verb with a subject (and that other verb its object:
"Ghanaian air strikes target Togolese posts" stays as it is), its analyses (tags, heads,
dependencies, lemmas, entities) replace the first parse's for that sentence. The word keeps its
own tense: it is tagged VBZ, as written. What a speaker says counts as a sentence of its own
("Sweden says Turkey pledges to ratify ..."): the speech verb before it is no finite verb of
it, and the word may come back as the verb said (ccomp of the speech verb) instead of the root.
The verb of a relative clause ("South Korea sentences dissident who fled China") is no finite
verb of the headline's, nor is a second verb after a comma whose subject the parser made of the
word ("Pakistan bans airing of Khan speeches, suspends TV channel"). Otherwise nothing changes.
Two titles in a hundred or fewer have such a sentence (119 of 6,000 corpus titles changed), so the second parse costs little.

A verb after a plural subject has no "-s" ("Yemeni rebels sentence activists", "US, UK sanction
6 traffickers") and comes out as a singular noun (NN) or an adjective ("Ghana and Togo reopen
embassies") instead; it is tried the same way, and tagged VBP, when the word before it is a
plural noun (or one of PLURAL_NOUNS, or ends a list, with "and" or a headline's comma).
So it is after a plural noun, a preposition and a place ("Thousands in Honduras march in
protest"). After a singular noun the word is left alone: "Junior doctor strike warning" is a
compound, and the second parse would read it as a verb as readily. Of 6,000 corpus titles, 24 more
changed, 22 of them rightly by our reading ("Prison living costs rule scrapped" did not).

A clause a conjunction opens ("Hundreds flee south after Israel orders evacuation", "Uganda
defiant as World Bank halts funding") is read the same way, whatever the headline's own verb:
a name and a plural noun after "as", "after", "while", ..., with its object after it and no
finite verb after them (or only one the tagger misread right after it, which the verb table
knows as its object: "after Xi Jinping strikes deal with Hanoi"), are tried as that clause's
subject and verb (`subordinate_candidate`); the second parse must make the word the verb of the
clause, with one active subject and its conjunction.

A word English has only as a verb, never as a noun or an adjective (the model's WordNet lemma
index: "discuss", "condemn", "summon"), is tried the same way wherever it stands: "Bahrain crown
prince and Qatar emir discuss differences in call" has "discuss" read as a noun.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterable, Iterator

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from schemas import ontology
from transforms.extract.clauses import CLAUSE_CONJUNCTIONS, is_speech
from transforms.extract.prefilter import IRREGULAR, trigger_lemmas
from transforms.extract.tense import FINITE_TAGS
from transforms.extract.verbs import match_verb

HEADLINE_VERBS = "eventwire_headline_verbs"
_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
_PRESENT = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
_PLURAL_PRESENT = "Tense=Pres|VerbForm=Fin"


def past_forms(lemma: str) -> list[str]:
    """Spellings of a verb lemma's simple past to try, likeliest first: the irregular table's,
    else the regular ones ("summon" → "summoned", "rule" → "ruled", "apply" → "applied"); a
    final consonant after one vowel is doubled in one syllable ("ban" → "banned"), and in two
    only when the last is stressed ("admit" → "admitted", "visit" → "visited"), which the
    spelling does not tell: both are tried, the likelier first."""
    if lemma in IRREGULAR:
        return [IRREGULAR[lemma].split()[0]]
    if lemma.endswith("e"):
        return [lemma + "d"]
    vowels = "aeiou"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in vowels:
        return [lemma[:-1] + "ied"]
    if (len(lemma) >= 3 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels
            and lemma[-3] not in vowels):
        doubled, plain = lemma + lemma[-1] + "ed", lemma + "ed"
        one_syllable = len(re.findall(r"[aeiouy]+", lemma)) == 1
        return [doubled, plain] if one_syllable else [plain, doubled]
    return [lemma + "ed"]


def candidate(sent, verb_lemmas, never_nouns: frozenset[str] = frozenset()) -> tuple[int, int | None] | None:
    """(index of the plural noun that may be the headline's verb, index of the one finite verb
    right after it or None), or None. The sentence has no finite verb, or only one right after
    the word, in the present that agrees with reading the word as a noun ("Libyan official
    rejects blame": "blame" as VBP; "Netanyahu rejects calls for ceasefire": "calls" as VBZ)."""
    finite = [token for token in sent if token.tag_ in FINITE_TAGS and not _relative(token) and not _subordinate(token)]
    speech = finite[0] if finite and is_speech(finite[0]) else None
    if speech is not None:  # "Sweden says Turkey pledges to ratify ...": the verb of what is said
        finite = finite[1:]
    finite = [verb for verb in finite if not _second_of_two(verb)]
    misread = next((verb for verb in finite if _subject_read_as_modifier(verb, finite)
                    and verb_lemma(verb, verb_lemmas) is not None), None)
    if misread is not None:
        return misread.i, None
    if len(finite) > 1 or (finite and finite[0].tag_ not in ("VBP", "VBZ")):
        return None
    for token in sent[1:-1]:
        before, after = token.doc[token.i - 1], token.doc[token.i + 1]
        if speech is not None and token.i <= speech.i + 1:
            continue
        if finite and (finite[0].i != token.i + 1 or _has_object(finite[0]) or _names_a_role(token)):
            continue  # "Chinese navy ships visit Myanmar": the verb after has its own object
        if ((_third_person(token) or _plural_present(token) or _never_a_noun(token, never_nouns)) and _names_something(before)
                and (not after.is_punct or after.is_left_punct or after.is_quote)
                and verb_lemma(token, verb_lemmas) is not None):
            return token.i, (finite[0].i if finite else None)
    return None


def subordinate_candidate(sent, verb_lemmas, never_nouns: frozenset[str] = frozenset(),
                          event_nouns: frozenset[str] = frozenset()) -> tuple[int, int | None] | None:
    """(index of a plural noun that may be the verb of a clause a conjunction opens, index of the
    finite verb right after it or None), or None: "Hundreds flee south in Gaza after Israel orders
    evacuation", "Uganda defiant after World Bank halts funding". The clause is a name (its
    subject) and the word, after the conjunction; the headline's own verb does not matter.

    Not before a finite verb that is not right after the word or has an object or a clause of
    its own ("as U.S. forces in the country assess situation", "as US states aim to roll back"):
    there the word is the subject's noun. A finite verb right after it may be the word's object
    the tagger read as a verb ("after Xi Jinping strikes deal with Hanoi": "deal" as VBP) only
    when the verb table has the word with that object ("strike deal"); "as US sanctions bite",
    "as Brazil fires rage" stay nouns. A word that names an event as a noun ("blasts", "talks",
    "strikes", `event_nouns`) is read as a verb only then: "after Yemen strikes by US" is the
    event itself. Otherwise the word must have its object after it, not a preposition: "after
    Kabul blasts in mosque" is a noun phrase as likely as a clause."""
    for token in sent[2:-1]:
        start = token.i - 1
        while start > sent.start and token.doc[start].pos_ == "PROPN":
            start -= 1
        opener, after = token.doc[start], token.doc[token.i + 1]
        if not (start < token.i - 1 and opener.lower_ in CLAUSE_CONJUNCTIONS and opener.tag_ == "IN"):
            continue
        lemma = verb_lemma(token, verb_lemmas)
        if lemma is None or _names_a_role(token) or not (
                _third_person(token) or _plural_present(token) or _never_a_noun(token, never_nouns)):
            continue
        later = [verb for verb in token.doc[token.i + 1 : sent.end] if verb.tag_ in FINITE_TAGS]
        if later:
            if later == [after] and _object_the_table_knows(lemma, after):
                return token.i, after.i
            continue
        names_an_event = token.lower_ in event_nouns or token.lemma_.lower() in event_nouns
        if not names_an_event and after.pos_ != "ADP" and (not after.is_punct or after.is_left_punct or after.is_quote):
            return token.i, None  # with its object after it, not a preposition ("after Kabul blasts in mosque")
    return None


def _object_the_table_knows(lemma: str, word) -> bool:
    """A rule of the verb table names the word as the verb's object: "strike" + "deal"."""
    rule = match_verb(lemma, frozenset(), {word.lower_, word.lemma_.lower()})
    return rule is not None and bool(rule.object_heads)


# How the parser hangs a headline's subject on its verb when it reads the two as one phrase.
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod"})
# any subject, passive and expletive too (clauses.SUBJECT_DEPS are the subjects that act)
ANY_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _subject_read_as_modifier(verb, finite) -> bool:
    """"Russia attacks east Ukraine as milestone nears", "China sanctions Lockheed Martin":
    the word is tagged as a verb in the present, but the name right before it is read as a
    modifier (of the verb, or of a noun the verb is read into), and the verb has no subject;
    no other finite verb has a subject but the word itself ("nears", whose subject "attacks"
    was made). The past form gives the name back as the subject. A noun the tagger read as a
    verb may come back as one ("UK strikes cost economy billions": "UK struck ..."), as the
    headline repairs before it may."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.i == verb.sent.start:
        return False
    if any(child.dep_ in ANY_SUBJECT_DEPS for child in verb.children):
        return False
    before = verb.doc[verb.i - 1]
    if before.pos_ != "PROPN" or before.dep_ not in MODIFIER_DEPS:
        return False
    return not any(child.dep_ in ANY_SUBJECT_DEPS and child.i != verb.i
                   for other in finite if other.i != verb.i for child in other.children)


def _has_object(verb) -> bool:
    """The verb read after the word has a name for its direct object: the first parse already
    has a subject, a verb and an object ("Chinese navy ships visit Myanmar"), unlike "Ghana
    issues warrant for ..." (no object) or "Ghana issues arrest warrant" (a noun the word
    read as a verb makes a compound with)."""
    return any(child.dep_ == "dobj" and child.pos_ == "PROPN" for child in verb.children)


def _names_a_role(token) -> bool:
    """A plural the actor tables know as people of a role ("forces", "troops"): before a verb
    ("Somalia, AU forces vow to ramp up offensive") it is that verb's subject."""
    return token.lower_ in ontology.role_types()


def _second_of_two(verb) -> bool:
    """"Pakistan bans airing of Khan speeches, suspends TV channel": a headline's second verb
    after a comma, whose subject the parser made of the first verb read as a plural noun; it
    shares the first one's subject, and the first is what is tried."""
    return verb.i >= 2 and verb.doc[verb.i - 1].text == "," and any(
        child.dep_ == "nsubj" and child.tag_ == "NNS" and child.i < verb.i - 1 for child in verb.children)


def _names_something(token) -> bool:
    """A noun, or a capitalised word the tagger took for a verb that is a name or opens the
    headline ("Blinken heads to Beijing": "Blinken" as VBN), or a leader's surname it took for
    an adjective ("Brazil's Lula heads to China": "Lula" as JJ)."""
    if token.pos_ in ("PROPN", "NOUN") or token.lower_ in PLURAL_NOUNS:
        return True
    if token.is_title and (ontology.is_leader_surname(token.text) or ontology.is_person_name(token.text)):
        return True
    # not a people's adjective: "Ukrainian forces gain ground" has its verb
    return token.is_title and (token.ent_type_ in NAME_ENTITIES or (token.i == token.sent.start and not token.ent_type_))


NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE"})


def _relative(verb) -> bool:
    """"South Korea sentences dissident who fled China": the verb of a relative clause is no
    verb of the headline's own."""
    return verb.dep_ == "relcl" or any(
        child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("WP", "WDT") for child in verb.children)


def _subordinate(verb) -> bool:
    """"Netanyahu rejects calls for ceasefire as troops push into Gaza": the verb of a clause
    that a conjunction subordinates is no verb of the headline's own."""
    return verb.dep_ == "advcl" and any(child.dep_ == "mark" for child in verb.children)


def _third_person(token) -> bool:
    """"Turkey summons ...": a plural noun spelt like the verb's third person; in a headline in
    title case ("Pope Visits Mongolia", "Navalny Condemns Lawyers' Arrest") a proper one."""
    if token.tag_ == "NNS" and token.lower_.endswith("s"):
        return True
    return token.tag_ in ("NNPS", "NNP") and token.text[:1].isupper() and token.lower_.endswith("s") and _title_case(token.sent)


def _title_case(sent) -> bool:
    """Every word of four letters or more capitalised: "Russia Issues Arrest Warrant for ..."."""
    words = [token for token in sent if token.is_alpha and len(token) >= 4]
    return len(words) >= 3 and all(token.text[:1].isupper() for token in words)


def verb_lemma(token, verb_lemmas) -> str | None:
    """The verb-table lemma the word would have as a verb: its own lemma, or for a capitalised
    word the tagger took for a name ("Visits", "Issues", "Denies") or left unlemmatized (an "issues"
    tagged as an auxiliary keeps its lemma "issues"), its singular spellings."""
    lemma = token.lemma_.lower()
    if lemma in verb_lemmas:
        return lemma
    if token.tag_ == "NNS" and lemma.endswith("ie") and lemma[:-2] + "y" in verb_lemmas:
        return lemma[:-2] + "y"  # "Israel intensifies bombing": the lemmatizer's plural "intensifie"
    if token.tag_ not in ("NNPS", "NNP") and lemma != token.lower_:
        return None
    word = token.lower_
    for form in (word[:-1], word[:-2], word[:-3] + "y"):
        if form in verb_lemmas:
            return form
    return None


# Nouns that take a plural verb without a plural ending ("Japanese police arrest suspect"), and
# groups named in the plural that the tagger reads as a singular name or an adjective ("Houthis
# launch missile at tanker"; not "Hamas", a singular name that ends in -s).
PLURAL_NOUNS = frozenset({"police", "taliban", "people", "houthis"})


def _plural_present(token) -> bool:
    """"Taliban order salons to shut", "Yemeni rebels sentence activists", "US, UK sanction 6
    traffickers": a noun spelt like the verb's base form, after a plural subject (a plural noun,
    or the last of a list). After a singular noun it is a compound ("Junior doctor strike
    warning"), which the second parse would happily read as a verb."""
    if not (token.tag_ in ("NN", "NNS", "JJ") and token.lower_ == token.lemma_.lower() and not token.lower_.endswith("s")):
        return False  # "reopen" in "Ghana and Togo reopen embassies" comes out as an adjective
    before = token.doc[token.i - 1]
    return (before.tag_ in ("NNS", "NNPS") or before.lower_ in PLURAL_NOUNS or before.dep_ == "conj"
            or any(child.dep_ == "conj" for child in before.children) or _ends_comma_list(before)
            or _placed_plural_subject(token, before))


def _never_a_noun(token, never_nouns: frozenset[str]) -> bool:
    """"Bahrain crown prince and Qatar emir discuss differences in call": a word tagged as a
    noun or an adjective that English has only as a verb (`verbs_never_nouns`) is the verb,
    whatever comes before it."""
    return token.tag_ in ("NN", "JJ") and token.lower_ == token.lemma_.lower() and token.lower_ in never_nouns


def verbs_never_nouns(nlp: Language, verb_lemmas) -> frozenset[str]:
    """The verb table's lemmas that the model's lemmatizer index (WordNet's) has as verbs and
    never as nouns or adjectives: "discuss", "condemn", "summon", "reopen"; not "strike",
    "sanction", "visit", nor "appropriate" or "humble" ("Kremlin appropriate response to ...").
    Empty for a model without that index."""
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        verbs, other = set(index["verb"]), set(index["noun"]) | set(index["adj"])
    except (KeyError, AttributeError):
        return frozenset()
    return frozenset(lemma for lemma in verb_lemmas if lemma in verbs and lemma not in other)


def _placed_plural_subject(token, before) -> bool:
    """"Thousands in Honduras march in anti-government protest": a plural noun, a preposition and
    a name (the place) come before the word; the word is what the plural subject does. Before a
    common noun it is as likely a compound ("Police in Paris attack inquiry")."""
    i = before.i
    while i > token.sent.start and token.doc[i].pos_ == "PROPN":
        i -= 1
    after = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    return (i < before.i and i > token.sent.start and token.doc[i].tag_ == "IN"
            and token.doc[i - 1].tag_ in ("NNS", "NNPS") and after is not None and after.tag_ not in ("NN", "NNS"))


def _ends_comma_list(token) -> bool:
    """"UAE, Qatar reopen ...": a name after a comma after a name, the headline's way of writing
    "and", which the parser seldom reads as a conjunction; the name may have its owner's before
    it, and the list its "and" ("South Korea's Yoon, Japan's Kishida vow to deepen ties", "South
    Korea's Yoon and Japan's Kishida vow ...": the parser reads neither as a list)."""
    doc = token.doc
    if token.pos_ != "PROPN":
        return False
    if token.i >= 2 and doc[token.i - 1].text == "," and doc[token.i - 2].pos_ == "PROPN":
        return True
    i = token.i - 1
    while i > token.sent.start and (doc[i].pos_ == "PROPN" or doc[i].tag_ == "POS"):
        i -= 1  # the name's own words and its owner's: "Japan 's Kishida"
    # a bare "A and B" the parser did not read as a list: "US and UN pause aid to Somalia"
    joined_by_and = doc[i].lower_ == "and"
    # with a finite verb after the word, the word is a noun the list owns ("Germany's Scholz,
    # France's Macron visit marks thaw")
    later_verb = any(t.tag_ in FINITE_TAGS for t in doc[token.i + 2 : token.sent.end])
    return (not later_verb and i > token.sent.start and (doc[i].text == "," or joined_by_and)
            and doc[i - 1].pos_ == "PROPN")


def _spaces(sent) -> list[bool]:
    """The spaces after the sentence's words, as a second parse is given them: a space before
    the "&" that `headlines.coordinated_names` put in place of a comma too ("US& UN pause aid"
    keeps the title's length). The model reads spaces, and "US& UN paused aid" is still a
    noun phrase where "US & UN paused aid" has its subject and verb."""
    return [bool(token.whitespace_) or (token.i + 1 < sent.end and token.nbor().text == "&")
            for token in sent]


# The article a headline drops before the verb's object, given back in a last second parse.
ARTICLE = "the"


def _article_may_follow(word) -> bool:
    """The word after the verb opens a bare common noun phrase ("blocks appointment of",
    "evacuates embassy in"), where an article was dropped."""
    after = word.doc[word.i + 1] if word.i + 1 < word.sent.end else None
    return after is not None and after.tag_ in ("NN", "NNS", "JJ") and after.is_lower


def _with_article(words: list[str], spaces: list[bool], position: int) -> tuple[list[str], list[bool]]:
    """The words with the article after the word at `position`."""
    return ([*words[: position + 1], ARTICLE, *words[position + 1 :]],
            [*spaces[: position + 1], True, *spaces[position + 1 :]])


def _without_article(parsed: Doc, article: int, words: list[str], spaces: list[bool]) -> Doc | None:
    """The parse of the words with the article put in, as a Doc of the words without it (the
    same tokens as the sentence's, so its analyses line up one to one); None when the article
    is not the determiner of the word after it, the object it was put in for."""
    if parsed[article].dep_ != "det" or parsed[article].head.i != article + 1:
        return None
    if parsed[article].ent_iob_ != "O":
        return None  # an entity the article begins ("the end" as a date) would start inside a word
    kept = [i for i in range(len(parsed)) if i != article]
    shift = lambda i: i - (i > article)  # noqa: E731
    table = parsed.to_array(_ATTRS)[kept]
    # heads are stored relative to each token: measured again without the article
    relative = [shift(parsed[i].head.i) - shift(i) for i in kept]
    table[:, _ATTRS.index(HEAD)] = numpy.array(relative, dtype="int64").view("uint64")
    doc = Doc(parsed.vocab, words=words, spaces=spaces)
    doc.from_array(_ATTRS, numpy.ascontiguousarray(table))
    return doc


@Language.factory(HEADLINE_VERBS)
def make_headline_verbs(nlp: Language, name: str):
    return HeadlineVerbs(nlp, name)


class HeadlineVerbs:
    """The component: runs last, and parses a candidate sentence again with the model's
    components before it.

    In `nlp.pipe` (the workers' path) the candidate sentences of a batch are parsed again
    together, one pass of each component over all of them: a pass over one short sentence costs
    the networks about 8 ms, most of it fixed overhead, so one pass per sentence cost about 5% of
    the parse. Each document's sentences are still read in order, each after the repair of the one
    before it (`_repairs`), so a document comes out as `__call__` leaves it."""

    def __init__(self, nlp: Language, name: str):
        self.nlp = nlp
        self.name = name
        self.verb_lemmas = frozenset(ontology.verb_rules())
        self.never_nouns = verbs_never_nouns(nlp, self.verb_lemmas)
        self.event_nouns = frozenset(trigger_lemmas()["noun"])  # "talks", "strikes", "attack"

    def __call__(self, doc: Doc) -> Doc:
        self._repair_all([doc], lambda requests: [self._reparse(*request) for request in requests])
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self._repair_all(batch, self._reparse_batch)
            yield from batch

    def _repair_all(self, docs: list[Doc], parse: Callable[[list], list[Doc]]) -> None:
        """Drives each document's `_repairs`: every round parses the sentences they ask for with
        `parse([(words, spaces), ...])` and sends each its own parse back."""
        waiting = []
        for doc in docs:
            repairs = self._repairs(doc)
            request = next(repairs, None)
            if request is not None:
                waiting.append((repairs, request))
        while waiting:
            parsed = parse([request for _, request in waiting])
            still = []
            for (repairs, _), again in zip(waiting, parsed):
                try:
                    still.append((repairs, repairs.send(again)))
                except StopIteration:
                    pass
            waiting = still

    def _repairs(self, doc: Doc) -> Generator[tuple[list[str], list[bool]], Doc, None]:
        """The repairs of one document, in reading order: yields the words and spaces of each
        sentence to parse again (the word in one of its past forms) and is sent that parse. The
        first parse that makes the word the root verb of one sentence, with a subject, and the
        finite verb after it (if any) its object ("Libyan official rejected blame", not "Russian
        air strikes targeted Kyiv") replaces the sentence's analyses. When no past form does and
        a bare noun follows the word, the past forms are tried again with the article the
        headline dropped put back before it ("U.S. evacuated the embassy in Sudan"), and the
        parse is read without it."""
        for sent in list(doc.sents):
            found = candidate(sent, self.verb_lemmas, self.never_nouns)
            subordinate = subordinate_candidate(sent, self.verb_lemmas, self.never_nouns, self.event_nouns)
            if found is None and subordinate is None:
                continue
            index = (found or subordinate)[0]
            lemma = verb_lemma(doc[index], self.verb_lemmas)
            words = [token.text for token in sent]
            spaces = _spaces(sent)
            position = index - sent.start
            attempts = [(form, False) for form in past_forms(lemma)]
            if _article_may_follow(doc[index]):
                attempts += [(form, True) for form in past_forms(lemma)]
            for form, article in attempts:
                words[position] = form
                if article:  # "U.S. evacuated the embassy in Sudan": the object's article back
                    parsed = yield _with_article(words, spaces, position)
                    again = _without_article(parsed, position + 1, words, spaces)
                else:
                    again = yield list(words), spaces
                if again is not None and self._reads(again, sent, index, found, subordinate):
                    self._repair(doc, sent, index, lemma, again)
                    break

    def _reparse(self, words: list[str], spaces: list[bool]) -> Doc:
        doc = Doc(self.nlp.vocab, words=words, spaces=spaces)
        for name, component in self.nlp.pipeline:
            if name != self.name:
                doc = component(doc)
        return doc

    def _reparse_batch(self, requests: list[tuple[list[str], list[bool]]]) -> list[Doc]:
        """`_reparse` of many sentences, each component over all of them, as `nlp.pipe` runs it."""
        docs = [Doc(self.nlp.vocab, words=words, spaces=spaces) for words, spaces in requests]
        for name, component in self.nlp.pipeline:
            if name == self.name:
                continue
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=len(docs)))
            else:
                docs = [component(doc) for doc in docs]
        return docs

    def _reads(self, again: Doc, sent, index: int, found, subordinate) -> bool:
        """The second parse reads the word as the verb `candidate` or `subordinate_candidate`
        tried it as."""
        return (found is not None and self._reads_as_verb(again, sent, index, found[1])) or (
            subordinate is not None and index == subordinate[0]
            and self._reads_as_subordinate_verb(again, sent, index, subordinate[1]))

    @staticmethod
    def _reads_as_subordinate_verb(again: Doc, sent, index: int, finite: int | None) -> bool:
        """The word comes back as the verb of the clause its conjunction opens, with a subject,
        and the finite verb after it (if any) as its object."""
        verb = again[index - sent.start]
        subjects = [child for child in verb.children if child.dep_ in ANY_SUBJECT_DEPS]
        # one active subject, and no "by" agent: "after Yemen strikes by US" read as a passive
        # would make Yemen the striker
        if not (verb.pos_ == "VERB" and verb.dep_ == "advcl" and len(list(again.sents)) == 1
                and any(child.dep_ == "mark" and child.lower_ in CLAUSE_CONJUNCTIONS for child in verb.children)
                and [child.dep_ for child in subjects] == ["nsubj"]
                and not any(child.dep_ == "agent" for child in verb.children)):
            return False
        return finite is None or HeadlineVerbs._object_of(again[finite - sent.start], verb)

    @staticmethod
    def _reads_as_verb(again: Doc, sent, index: int, finite: int | None) -> bool:
        verb = again[index - sent.start]
        said = verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and is_speech(verb.head)
        if not (verb.pos_ == "VERB" and (verb.dep_ == "ROOT" or said) and len(list(again.sents)) == 1
                and any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)):
            return False
        if finite is None:
            return True
        return HeadlineVerbs._object_of(again[finite - sent.start], verb)

    @staticmethod
    def _object_of(noun, verb) -> bool:
        """The noun is the verb's object, or a word of it: "issued arrest warrant"."""
        phrase = noun.head if noun.dep_ == "compound" else noun
        return noun.pos_ in ("NOUN", "PROPN") and phrase.head.i == verb.i

    def _repair(self, doc: Doc, sent, index: int, lemma: str, again: Doc) -> None:
        table = doc.to_array(_ATTRS)
        table[sent.start:sent.end] = again.to_array(_ATTRS)
        try:
            doc.from_array(_ATTRS, numpy.ascontiguousarray(table))
        except ValueError:  # an entity that crosses the sentence's edge: keep the first parse
            return
        token = doc[index]
        third_person = token.lower_.endswith("s")
        token.tag_, token.pos_, token.lemma_ = ("VBZ" if third_person else "VBP"), "VERB", lemma
        token.set_morph(_PRESENT if third_person else _PLURAL_PRESENT)
