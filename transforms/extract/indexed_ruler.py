"""The model's attribute ruler, matched through dictionaries instead of spaCy's Matcher.

The small English models map every fine-grained tag to its POS and morphology, and fix
some words ("'s", "gonna", "ain't", "there is"), with an attribute ruler of 179 token
patterns. spaCy's Matcher tries every pattern at every token, which made the ruler cost
about as much as the parser (`bench/components.py`), for patterns that test a few token
attributes (TAG, LOWER, DEP, IS_SPACE) for a value, a set of values, values to exclude or
a regular expression.

`IndexedAttributeRuler` is spaCy's `AttributeRuler` with `match` done by table lookup: a
token's values key the patterns that can start there (remembered per distinct values, as
news repeats its words), later tokens and exclusions are checked, and the matches are
those the Matcher returns (pattern number, start, end), sorted the same way, so the
tags, POS, morphology and lemmas set are the same. A model whose ruler has a pattern the
tables cannot express (an operator such as "OP", another predicate, an attribute outside
`TESTED_ATTRIBUTES`) keeps the Matcher for everything: nothing is guessed.
`tests/test_indexed_ruler.py` compares the matches with the Matcher's; `bench/components.py`
compares every token's annotations on corpus text.
"""
from __future__ import annotations

import itertools
import re

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import set_token_attrs  # what AttributeRuler itself uses

FACTORY = "eventwire_indexed_attribute_ruler"

# Token attributes a pattern may test: strings the vocabulary hashes, as `Doc.to_array`
# returns them, and flags (IS_SPACE, IS_PUNCT, ...) that compare as 0/1. A value may be
# exact, or {"IN": [...]}, {"NOT_IN": [...]}, {"REGEX": "..."} (strings only).
STRING_ATTRIBUTES = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "TAG": "TAG", "DEP": "DEP"}
TESTED_ATTRIBUTES = frozenset(STRING_ATTRIBUTES) | {name for name in IDS if name.startswith("IS_")}
# Distinct token values (tag, word, dependency, ...) whose matching patterns are remembered
# (about 40,000 in 5,000 news items, 15 MB); past it the memo starts again, so a long run's
# memory stays bounded.
MEMO_SIZE = 50_000


class IndexedAttributeRuler(AttributeRuler):
    """An `AttributeRuler` whose patterns are matched by table lookup (see the module)."""

    _tables = None  # built on the first call after the patterns change

    def add(self, patterns, attrs, index=0):
        super().add(patterns, attrs, index)
        self._tables = None

    def clear(self):
        super().clear()
        self._tables = None

    def match(self, doc):
        if self._tables is None:
            self._tables = _Tables.of(self)
        if self._tables is False:  # a pattern the tables cannot hold: spaCy's Matcher
            return super().match(doc)
        matches = self._tables.matches(doc)
        matches.sort()
        return matches

    def set_annotations(self, doc, matches):
        """As `AttributeRuler.set_annotations`, without building a `Span` per match."""
        if self._tables is False:
            return super().set_annotations(doc, matches)
        for pattern_number, _, start, end in matches:
            index = self.indices[pattern_number]
            position = start + index if index >= 0 else end + index
            if not start <= position < end:  # spaCy's own error for an index outside the match
                return super().set_annotations(doc, matches)
            set_token_attrs(doc[position], self.attrs[pattern_number])


class _TokenTest:
    """One token of a pattern: exact values and sets of values (which can key a table),
    and excluded sets and regular expressions (checked after the lookup)."""

    def __init__(self, exact: dict[int, frozenset], excluded: dict[int, frozenset], regexes: dict[int, re.Pattern]):
        self.exact, self.excluded, self.regexes = exact, excluded, regexes
        self._regex_results: dict[tuple[int, int], bool] = {}

    def keys(self) -> list[tuple]:
        """The first-token table keys: every combination of the allowed values."""
        columns = sorted(self.exact)
        return [tuple(values) for values in itertools.product(*(sorted(self.exact[c]) for c in columns))]

    def passes_rest(self, row, strings) -> bool:
        """The checks the table lookup did not make."""
        for column, excluded in self.excluded.items():
            if row[column] in excluded:
                return False
        for column, pattern in self.regexes.items():
            key = (column, row[column])
            if key not in self._regex_results:
                if len(self._regex_results) >= MEMO_SIZE:
                    self._regex_results.clear()
                self._regex_results[key] = pattern.search(strings[row[column]]) is not None
            if not self._regex_results[key]:
                return False
        return True

    def passes(self, row, strings) -> bool:
        return all(row[c] in values for c, values in self.exact.items()) and self.passes_rest(row, strings)


class _Tables:
    """The ruler's patterns as lookup tables: for each set of columns a first token's
    exact values can key, {values: [(pattern number, match id, first token, later tokens)]},
    plus the patterns whose first token can key nothing, tried at every token."""

    def __init__(self, columns: list[str], keyed: list, scanned: list):
        self.columns, self.keyed, self.scanned = columns, keyed, scanned
        self._starting_here: dict[tuple, tuple] = {}
        self._answers: dict[tuple, tuple] = {}

    @classmethod
    def of(cls, ruler: AttributeRuler):
        """The tables for a ruler's patterns, or False when one of them has an operator,
        a predicate or an attribute the tables do not know."""
        strings = ruler.vocab.strings
        columns: list[str] = []
        keyed: dict[tuple[int, ...], dict] = {}
        scanned = []
        for pattern_number, entry in enumerate(ruler.patterns):
            match_id = strings.add(str(pattern_number))
            for tokens in entry["patterns"]:
                tests = [_token_test(spec, columns, strings) for spec in tokens]
                if not tests or any(test is None for test in tests):
                    return False
                first, rest = tests[0], tuple(tests[1:])
                candidate = (pattern_number, match_id, first, rest)
                if first.exact:
                    table = keyed.setdefault(tuple(sorted(first.exact)), {})
                    for key in first.keys():
                        table.setdefault(key, []).append(candidate)
                else:
                    scanned.append(candidate)
        return cls(columns, sorted(keyed.items()), scanned)

    def matches(self, doc) -> list[tuple]:
        """(pattern number, match id, start, end) for every match, as the Matcher finds them."""
        if not len(doc):
            return []
        values = doc.to_array(self.columns).reshape(len(doc), len(self.columns))  # one column comes back flat
        rows = [tuple(row) for row in values.tolist()]  # a token's column values
        strings = doc.vocab.strings
        matches = []
        for start, row in enumerate(rows):
            candidates = self._starting_here.get(row)
            if candidates is None:
                if len(self._starting_here) >= MEMO_SIZE:
                    self._starting_here.clear()
                candidates = self._starting_here[row] = self._patterns_starting_with(row, strings)
            for pattern_number, match_id, rest in candidates:
                end = start + 1 + len(rest)
                if end <= len(rows) and all(test.passes(rows[start + 1 + i], strings) for i, test in enumerate(rest)):
                    matches.append((pattern_number, match_id, start, end))
        return matches

    def _patterns_starting_with(self, row: tuple, strings) -> tuple:
        """The patterns whose first token accepts a token with these column values (the
        answer depends on the values only, so `matches` remembers it: news repeats words)."""
        found = [c for positions, table in self.keyed
                 for c in table.get(tuple(row[p] for p in positions), ()) if c[2].passes_rest(row, strings)]
        found += [c for c in self.scanned if c[2].passes(row, strings)]
        answer = tuple((number, match_id, rest) for number, match_id, _, rest in found)
        return self._answers.setdefault(answer, answer)  # one copy of each answer


def _token_test(spec, columns: list[str], strings) -> _TokenTest | None:
    """A pattern token as a `_TokenTest` over `columns` (extended as needed), or None."""
    if not isinstance(spec, dict) or not spec:
        return None
    exact, excluded, regexes = {}, {}, {}
    for name, value in spec.items():
        if name not in TESTED_ATTRIBUTES:
            return None
        column_name = STRING_ATTRIBUTES.get(name, name)
        if column_name not in columns:
            columns.append(column_name)
        column = columns.index(column_name)
        is_string = name in STRING_ATTRIBUTES
        try:
            if not isinstance(value, dict):
                exact[column] = frozenset([_encoded(value, is_string, strings)])
            elif set(value) == {"IN"}:
                exact[column] = frozenset(_encoded(v, is_string, strings) for v in value["IN"])
            elif set(value) == {"NOT_IN"}:
                excluded[column] = frozenset(_encoded(v, is_string, strings) for v in value["NOT_IN"])
            elif set(value) == {"REGEX"} and is_string:
                regexes[column] = re.compile(value["REGEX"])
            else:
                return None
        except (TypeError, re.error):
            return None
    return _TokenTest(exact, excluded, regexes)


def _encoded(value, is_string: bool, strings) -> int:
    """A pattern value as `Doc.to_array` gives the token's: a string's hash, a flag's 0/1."""
    if is_string and isinstance(value, str):
        return strings.add(value)
    if not is_string and isinstance(value, bool):
        return int(value)
    raise TypeError(value)


@Language.factory(FACTORY, default_config={"validate": False})
def make_indexed_attribute_ruler(nlp: Language, name: str, validate: bool):
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the model's `attribute_ruler` for an `IndexedAttributeRuler` with its patterns
    (same name and place in the pipeline); a model without one is left as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    old = nlp.get_pipe("attribute_ruler")
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    new = nlp.replace_pipe("attribute_ruler", FACTORY)
    new.add_patterns(patterns)
