"""Title-case headlines, parsed as sentences: "Israel's Supreme Court Blocks Appointment".

The small English model reads every capitalised word of a title-case headline as a proper
noun, so "Blocks" is a name and the headline has no verb. Before parsing (`headline_text`),
such a headline is put in sentence case: a capitalised word keeps its capital only when it can
be part of a name (a word of a known actor's, person's or place's name, an acronym, or a word
the article's body writes capitalised in mid-sentence); every other word is lower-cased. Two
actor names with a comma between them, opening the headline or a clause in it, are joined by
"&" instead. The text keeps its length, so offsets into it are offsets into the original title,
and rows quote the original.
"""
from __future__ import annotations

import re

from schemas import ontology
from transforms.extract.clauses import CLAUSE_OPENERS
from transforms.extract.doc_cache import span_text
from transforms.extract.places import place_countries

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
TITLE_CASE_SHARE = 0.6  # of the words that could be lower case, this many start upper case
MIN_WORDS = 4


MAX_NAME_WORDS = 6


def _protected(title: str, words: list) -> set[int]:
    """Start offsets of the words that belong to a name found in the title: the longest run
    of words that the actor tables or the places table know ("Supreme Court", "Xi Jinping")."""
    names, places = ontology.actor_names(None), place_countries()
    keep: set[int] = set()
    for i in range(len(words)):
        for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            window = words[i : i + size]
            text = title[window[0].start() : window[-1].end()]
            key = ontology.normalize_name(_POSSESSIVE.sub("", text))
            if key in names or key in places:
                keep.update(m.start() for m in window)
                break
    return keep


_POSSESSIVE = re.compile(r"['’]s$")


def _is_initial(title: str, word) -> bool:
    """One capital letter followed by a period: an initial of an abbreviation ("U.S.", "U.K.")
    or a name ("George W. Bush"), never a word to lower-case."""
    return len(word.group()) == 1 and title[word.end():word.end() + 1] == "."


def sentence_case(title: str, body: str = "") -> str:
    """`title` in sentence case when it is in title case; otherwise unchanged (same length)."""
    words = list(_WORD.finditer(title))
    if len(words) < MIN_WORDS:
        return title
    capitalised = [m for m in words[1:] if m.group()[0].isupper()]
    if len(capitalised) < TITLE_CASE_SHARE * (len(words) - 1):
        return title
    in_body = {m.group() for m in _WORD.finditer(body) if m.start() > 1 and body[m.start() - 2 : m.start()] not in (". ", "\n")}
    keep = _protected(title, words)
    out = list(title)
    for m in words[1:]:
        word = _POSSESSIVE.sub("", m.group())
        if (not word[0].isupper() or (word.isupper() and len(word) > 1) or _is_initial(title, m)
                or m.start() in keep or word in in_body):
            continue  # lower case already, an acronym or initial ("U.S."), part of a known name, or a name in the body
        if ontology.is_leader_surname(word):
            continue
        out[m.start()] = word[0].lower()
    return "".join(out)


# "Japan, UK sign defence deal", "Xi, Biden agree to ...": a headline names two sides joined by
# a comma where a sentence would say "and"; the parser reads the first as a stray modifier or as
# the object of a preposition ("What to expect after Iran, Saudi Arabia agree ..."). The pair
# opens the headline, follows a colon or semicolon, or opens a clause after one of CLAUSE_OPENERS;
# at most three words each, then a lower-case word (after sentence_case).
_NAME = r"[A-Z][\w'’.\-]*(?: [A-Z][\w'’.\-]*){0,2}"
_NAMED_PAIR = re.compile(rf"(?:^|[:;] |\b(?i:{'|'.join(sorted(CLAUSE_OPENERS))}) )"
                         rf"(?P<first>{_NAME}), (?P<second>{_NAME}) [a-z]")


def _is_actor_name(text: str) -> bool:
    key = ontology.normalize_name(text)
    return key in ontology.actor_names(None) or (len(text.split()) == 1 and ontology.is_leader_surname(text))


def coordinated_names(title: str) -> str:
    """The headline with the comma between two actor names that are one subject read as "&"
    (same length: ", " becomes "& "), so that the parser takes them as one coordinated subject."""
    out = title
    for match in _NAMED_PAIR.finditer(title):
        if _is_actor_name(match["first"]) and _is_actor_name(match["second"]):
            comma = match.end("first")
            out = out[:comma] + "& " + out[comma + 2:]
    return out


def headline_text(title: str, body: str = "") -> str:
    """What the parser is given for a headline: sentence case, opening names coordinated, and
    its semicolons read as full stops. The same length as the title, so offsets into it are
    offsets into the title."""
    return headlines_apart(coordinated_names(sentence_case(title, body)))


def headlines_apart(title: str) -> str:
    """A semicolon in a title joins two headlines ("Israel pounds Gaza from air and land; Biden
    presses for more aid"): the parser made the first a clause governed by the second's verb, so
    the pounding was what Biden pressed for and no event. Each is a sentence of its own; not a
    semicolon inside a quote ("Putin says 'talks are possible; Kyiv must accept reality'")."""
    chars = list(title)
    depth = 0  # quotes opened and not yet closed
    for index, char in enumerate(title):
        before = title[index - 1] if index else " "
        after = title[index + 1] if index + 1 < len(title) else " "
        if char in QUOTE_MARKS and not (before.isalnum() and after.isalnum()):  # not the apostrophe of "Israel's"
            opens = not before.isalnum() and (after.isalnum() or after in QUOTE_MARKS)
            depth = depth + 1 if opens else max(depth - 1, 0)
        elif char == ";" and after.isspace() and depth == 0:
            chars[index] = "."
    return "".join(chars)


QUOTE_MARKS = frozenset("\"'“”‘’")


# A headline that ends in "– Name" (or "- Name") quotes that person: "Relations have reached a
# new level – Lavrov" is Lavrov's statement (transforms/extract/engine.py; the pre-filter keeps
# such a headline, transforms/extract/prefilter.py). The name may end in a role noun of the roles
# table ("– US lawmakers", "– WHO official", "– top US general"), the dash may follow a word
# without a space ("pre-pandemic- WHO official") when a space follows it, and a colon may stand
# for the dash ("Gaza health system has reached 'point of no return': ICRC").
ATTRIBUTION = re.compile(r"(?:\s[–—-]|[–—-]\s|(?P<colon>:)\s)\s*(?P<name>[\w'’.-]+(?:\s+[\w'’.-]+){0,4})\s*$")
# Before a colon a headline, not a label ("Restaurant review: ...", "Your Monday Briefing: ...")
COLON_HEADLINE_WORDS = 5


def attribution(text: str):
    """The match of the name a headline ends with, or None. The name is up to four capitalised
    words, which a role noun may follow ("Israeli PM Netanyahu", "WHO senior officials") and a
    word or two may qualify ("top US general"); lower-case words count only as a role ("– UK
    politics live", "– for now" name nobody), and a role alone names no one."""
    match = ATTRIBUTION.search(text)
    if match is None:
        return None
    if match.group("colon") and len(text[:match.start()].split()) < COLON_HEADLINE_WORDS:
        return None
    words = match.group("name").split()
    capitalised = [index for index, word in enumerate(words) if word[:1].isupper()]
    if capitalised:
        first, last = capitalised[0], capitalised[-1]
        if last - first + 1 != len(capitalised) or len(capitalised) > 4 or first > 2:
            return None  # one run of capitalised words, after at most two qualifiers
        role = [word.lower() for word in words[last + 1:]]
        if len(role) > 2 or (role and not _role_kind(role)):
            return None
        if first and not (role or _role_kind([words[last].lower()])):
            return None  # "top US general", "ex-Latvian PM": the qualified words are an office
        return match
    return None  # a role alone ("– prime minister", "– lawyer") names no one: whose, the headline may not say


def _role_kind(words: list[str]) -> str | None:
    """The actor type of a role phrase: the whole phrase or its last word, singular or plural."""
    roles = ontology.role_types()
    for phrase in (" ".join(words), words[-1]):
        for form in (phrase, phrase.removesuffix("s")):
            if form in roles:
                return roles[form]
    return None


def attributed_name(sent):
    """The span of the name a headline sentence is attributed to, or None."""
    match = attribution(span_text(sent))
    if match is None:
        return None
    return sent.doc.char_span(sent.start_char + match.start("name"), sent.start_char + match.end("name"))
