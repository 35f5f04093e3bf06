"""The actor tables grown from the Phoenix dictionaries (issue 10): people with dated roles,
organizations, state bodies, historical states, and the loader that reads them by date."""
from __future__ import annotations

import csv
import datetime as dt
import re
import time
from pathlib import Path

import pytest
from conftest import tool_module

from schemas import ontology
from schemas.ontology import actor_names, data_path

ROOT = Path(__file__).resolve().parents[1]
CODE_RE = re.compile(r"^[A-Z0-9_]{1,64}$")


def _rows(name):
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _additions(pattern):
    rows = []
    for path in sorted((ROOT / "schemas" / "data" / "additions").glob(pattern)):
        with path.open(encoding="utf-8", newline="") as f:
            rows += list(csv.DictReader(f))
    return rows


@pytest.fixture(scope="module")
def build_tables():
    """tools/build_tables.py as a module (its parsing helpers are unit-tested here)."""
    return tool_module("build_tables")


@pytest.fixture(scope="module")
def english():
    """Lower-case English words of the project's spaCy model: all lemmas of its lemma index
    and their irregular forms (nouns, verbs, adjectives, adverbs), and the non-noun subset."""
    import spacy

    from pipeline.options import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL, exclude=["parser", "ner", "tagger", "tok2vec"])
    lookups = nlp.get_pipe("lemmatizer").lookups
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    words, non_nouns = set(), set(nlp.Defaults.stop_words)
    for pos in ("noun", "verb", "adj", "adv"):
        forms = {w.lower() for w in index.get(pos, [])} | {w.lower() for w in exceptions.get(pos, {})}
        words |= forms
        if pos != "noun":
            non_nouns |= forms
    not_names = {r["word"].lower() for r in _rows("not_names.csv")}
    return words | non_nouns | not_names, non_nouns | not_names


# ----------------------------------------------------------------------------- people

def test_thousands_of_dated_people():
    countries = {r["code"] for r in _rows("countries.csv")}
    people = {r["name"] for r in _rows("people.csv")
              if r["country"] in countries and r["actor_type"] and (r["valid_from"] or r["valid_to"])}
    assert len(people) >= 3000


def test_phoenix_role_by_date():
    """Chirac (Phoenix: president 1995-05-17 to 2007-05-16, prime minister before) is FRA GOV
    while in office, and FRA but no longer GOV after it; before the role he is elite (ELI)."""
    def chirac(day):
        return actor_names(day).get("jacques chirac")

    inside = chirac(dt.date(2000, 6, 1))
    assert (inside.code, inside.country, inside.actor_type, inside.kind) == ("FRA", "FRA", "GOV", "person")
    assert chirac(dt.date(2007, 5, 15)).actor_type == "GOV"
    after = chirac(dt.date(2010, 1, 1))
    assert after.code == "FRA" and after.actor_type != "GOV"
    assert chirac(dt.date(1970, 1, 1)).actor_type == "ELI"


def test_after_every_role_ended_a_person_is_an_ex_official():
    """The team's rows end with the last role (Olaf Scholz: chancellor until 2025-05-06); after
    it the person is still of their country, in the elite sector; before any role, unknown."""
    assert actor_names(dt.date(2024, 1, 1)).get("olaf scholz").actor_type == "GOV"
    after = actor_names(dt.date(2026, 1, 1)).get("olaf scholz")
    assert (after.code, after.country, after.actor_type) == ("DEU", "DEU", "ELI")
    assert actor_names(dt.date(2010, 1, 1)).get("olaf scholz") is None


def test_undated_code_fills_outside_the_dated_roles():
    """[AFGELI 620101-780427] [AFGGOV 780427-780430] [AFGELI]: ELI before and after the GOV days,
    with open ends only at the two ends."""
    rows = sorted((r for r in _rows("people.csv") if r["name"] == "Abdul Qadir"),
                  key=lambda r: r["valid_from"])
    assert [(r["actor_type"], r["valid_from"], r["valid_to"]) for r in rows] == [
        ("ELI", "", "1978-04-27"), ("GOV", "1978-04-27", "1978-04-30"), ("ELI", "1978-04-30", "")]
    assert actor_names(dt.date(1978, 4, 28))["abdul qadir"].actor_type == "GOV"
    assert actor_names(dt.date(1950, 1, 1))["abdul qadir"].actor_type == "ELI"
    assert actor_names(dt.date(1990, 1, 1))["abdul qadir"].actor_type == "ELI"


def test_people_rows_are_well_formed():
    countries = {r["code"] for r in _rows("countries.csv")}
    orgs = {r["code"] for r in _rows("organizations.csv")}
    for r in _rows("people.csv"):
        assert r["country"] in countries or r["country"] in orgs, r
        start = dt.date.fromisoformat(r["valid_from"]) if r["valid_from"] else None
        end = dt.date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        assert start is None or end is None or start < end, r
        assert r["name"].strip() and all(n.strip() == n and n for n in r["name"].split("|")), r


def test_team_lists_win_over_phoenix():
    """A name in additions/people*.csv has only the team's rows: Phoenix's rows for that person
    (Phoenix has Putin, Lavrov, Erdogan, ...) are dropped."""
    team = _additions("people*.csv")
    team_rows = {(r["name"], r["country"], r["actor_type"], r["valid_from"], r["valid_to"]) for r in team}
    team_names = {n.lower() for r in team for n in r["name"].split("|")}
    assert {"vladimir putin", "sergey lavrov"} <= team_names
    for r in _rows("people.csv"):
        if any(n.lower() in team_names for n in r["name"].split("|")):
            assert (r["name"], r["country"], r["actor_type"], r["valid_from"], r["valid_to"]) in team_rows, r


# Companies whose name English made a verb ("to google"): a name is looked up only for the head
# of a noun phrase (a subject, an object), where the verb never stands.
BRANDS_MADE_VERBS = frozenset({"google", "twitter"})


def test_no_name_is_a_single_common_word(english):
    """No person alias is one English word ("Bush", "May", "Rice"); no organization name is one
    verb, adjective, adverb or function word (organization names may be nouns: "Hamas")."""
    words, non_nouns = english
    for r in _rows("people.csv"):
        for n in r["name"].split("|"):
            assert " " in n.strip() or n.lower() not in words, (n, r)
    for r in _rows("organizations.csv"):
        for n in r["names"].split("|"):
            assert " " in n.strip() or n.lower() not in non_nouns or n.lower() in BRANDS_MADE_VERBS, (n, r)
    for word in ("bush", "may", "rice", "carter", "ford", "white", "young", "king"):
        assert actor_names().get(word) is None or actor_names()[word].kind != "person", word


def test_a_person_of_a_dissolved_state_ends_with_it():
    honecker = actor_names(dt.date(1980, 1, 1))["erich honecker"]
    assert (honecker.code, honecker.actor_type) == ("DDR", "GOV")
    assert "erich honecker" not in actor_names(dt.date(1995, 1, 1))


def test_a_state_role_wins_over_a_party_role():
    """Rows of one person are ordered so that the loader's first valid row is the state role."""
    rows = [r for r in _rows("people.csv") if "Cyril Ramaphosa" in r["name"].split("|")]
    if any(r["country"] == "ANC" for r in rows):  # a colleague's list has his party role
        assert actor_names(dt.date(2025, 1, 1))["cyril ramaphosa"].code == "ZAF"


# ----------------------------------------------------------------------------- Phoenix parsing

def test_phoenix_dates(build_tables):
    date, span = build_tables.phoenix_date, build_tables.phoenix_span
    assert date("950517") == dt.date(1995, 5, 17)
    assert date("070516") == dt.date(2007, 5, 16)
    assert date("19020101") == dt.date(1902, 1, 1)
    assert date("1920030320") == dt.date(2003, 3, 20)  # a doubled century
    assert date("9008223") is None and date("991340") is None
    assert span("") == "undated"
    assert span(">090120") == (dt.date(2009, 1, 20), None)
    assert span("> 140608") == (dt.date(2014, 6, 8), None)
    assert span("<911018") == (None, dt.date(1991, 10, 18))
    assert span("20011001-20050420") == (dt.date(2001, 10, 1), dt.date(2005, 4, 20))
    assert span("050101-030101") is None  # reversed


def test_person_timeline(build_tables):
    countries = {"AFG", "USA", "DDR", "DEU"}
    timeline = build_tables.person_timeline
    rows = timeline([("AFGELI", "620101-780427"), ("AFGGOV", "780427-780430"), ("AFGELI", "")], countries)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        (None, dt.date(1978, 4, 27), "ELI"), (dt.date(1978, 4, 27), dt.date(1978, 4, 30), "GOV"),
        (dt.date(1978, 4, 30), None, "ELI")]
    # overlapping periods: the office (GOV) wins over ELI; ">date" stays open; sub-sectors are
    # roles of the first sector (USAGOVLEG: a senator is GOV)
    rows = timeline([("USAELI", "19460101-010120"), ("USAGOVLEG", "870103-090120"),
                     ("USAGOV", ">090120")], countries)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (dt.date(1946, 1, 1), dt.date(1987, 1, 3), "USA", "ELI", "elite"),
        (dt.date(1987, 1, 3), dt.date(2009, 1, 20), "USA", "GOV", "government (legislature)"),
        (dt.date(2009, 1, 20), None, "USA", "GOV", "government")]
    # a dissolved state's roles end with it
    rows = timeline([("DDRGOV", "760101-891024"), ("DDRELI", "")], countries,
                    {"DDR": (dt.date(1949, 10, 7), dt.date(1990, 10, 3))})
    assert rows[0][0] == dt.date(1949, 10, 7) and rows[-1][1] == dt.date(1990, 10, 3)
    # a territory or a bare country code is not a person's role
    assert timeline([("USRAZE", "<911018")], countries | {"SUN", "AZE"}) == []


def test_person_names(build_tables):
    case, ok = build_tables.person_case, build_tables.person_alias_ok
    assert case("GEORGE_W._BUSH_") == "George W. Bush"
    assert case("BASHAR_AL-ASSAD") == "Bashar al-Assad"
    assert case("JOHN_MCCAIN") == "John McCain"
    assert case("ALBERT_II") == "Albert II"
    roles = {"president", "king", "general"}
    assert ok("Barack Obama", roles)
    for title in ("President Obama", "Former President Gerald R. Ford", "Gen. Buhari",
                  "The Obama Administration", "Ministry of Defence"):
        assert not ok(title, roles), title


# ----------------------------------------------------------------------------- organizations

def test_organization_rows(build_tables):
    countries = {r["code"] for r in _rows("countries.csv")}
    team = {r["code"] for r in _additions("organizations.csv")}
    seen = {}
    for r in _rows("organizations.csv"):
        assert CODE_RE.match(r["code"]), r
        assert not r["country"] or r["country"] in countries, r
        if r["code"] == r["country"]:  # a state body: its kind is the sector
            assert r["kind"] in build_tables.STATE_KINDS, r
        else:
            # a derived organization's code is no country's (the team's NAM predates this)
            assert r["code"] in team or r["code"] not in countries, r
            assert r["code"] not in seen, (r, seen.get(r["code"]))
            seen[r["code"]] = r
    kinds = [r["kind"] for r in _rows("organizations.csv") if r["code"] != r["country"]]
    assert len(kinds) >= 1000
    assert {"IGO", "NGO", "REB"} <= set(kinds)


def test_state_bodies_act_for_their_country():
    names = actor_names()
    for phrase, code, kind in [("bundestag", "DEU", "LEG"), ("supreme court of india", "IND", "JUD"),
                               ("reserve bank of india", "IND", "GOV"), ("knesset", "ISR", "LEG"),
                               ("shin bet", "ISR", "SPY"), ("xinhua", "CHN", "MED"),
                               ("drug enforcement administration", "USA", "COP")]:
        e = names[phrase]
        assert (e.code, e.country, e.actor_type) == (code, code, kind), phrase
    # the team's own codes stay (FBI, FSB, Mossad keep theirs)
    assert names["federal security service"].code == "FSB"
    assert names["mossad"].code == "MOSSAD"
    # a state body's code (its country's ISO3) is not a name: "can", "are", "arm" stay words
    for word in ("can", "are", "arm", "deu", "ind"):
        assert word not in names, word


def test_phoenix_organizations():
    names = actor_names()
    for phrase, kind in [("lashkar-e-taiba", "REB"), ("universal postal union", "IGO"),
                         ("islamic development bank", "IGO"), ("khmer rouge", "REB")]:
        e = names[phrase]
        assert (e.actor_type, e.kind) == (kind, "organization"), phrase
        assert e.code != e.country
    # generic phrases of the militant list are not names
    for phrase in ("black star", "direct action", "revolutionary left", "red line", "al-aqsa"):
        assert phrase not in names, phrase


# ----------------------------------------------------------------------------- historical states

def test_historical_states_by_date():
    old, now = actor_names(dt.date(1980, 6, 1)), actor_names(dt.date(2020, 6, 1))
    for phrase, code in [("soviet union", "SUN"), ("ussr", "SUN"), ("east germany", "DDR"),
                         ("yugoslavia", "YUG"), ("czechoslovakia", "CSK"), ("zaire", "COD"),
                         ("west germany", "DEU")]:
        assert old[phrase].code == code, phrase
        assert phrase not in now, phrase
    # a capital or a seat of power is the state of its day
    assert old["moscow"].code == "SUN" and now["moscow"].code == "RUS"
    assert old["the kremlin"].code == "SUN" and now["the kremlin"].code == "RUS"
    assert actor_names(dt.date(2004, 1, 1))["belgrade"].code == "SCG"
    assert actor_names(dt.date(2010, 1, 1))["belgrade"].code == "SRB"
    # renamed countries keep today's code; every dated row's code is a country code
    for r in _rows("countries.csv"):
        assert re.fullmatch(r"[A-Z]{3}", r["code"])
        if r["valid_from"] and r["valid_to"]:
            assert r["valid_from"] < r["valid_to"], r
    assert actor_names(dt.date(1980, 1, 1))["soviet"].kind == "demonym"


def test_all_dates_include_historical_names():
    """actor_names(None) (what the pre-filter reads) holds every name of every date."""
    names = actor_names(None)
    assert names["soviet union"].code == "SUN"
    assert names["moscow"].code == "RUS"  # today's name first when no date is given
    assert names["jacques chirac"].code == "FRA"


# ----------------------------------------------------------------------------- loader

def test_loader_is_fast_and_small_per_date():
    actor_names(dt.date(2024, 1, 1))  # the tables are read once per process
    actor_names.cache_clear()
    start = time.perf_counter()
    views = [actor_names(dt.date(1990, 1, 1) + dt.timedelta(days=53 * i)) for i in range(200)]
    assert time.perf_counter() - start < 0.5  # no copy of ~30,000 names per date
    assert all(isinstance(v, ontology.ActorNames) for v in views)
    assert actor_names(dt.date(1990, 1, 1)) is views[0]
    # the view agrees with its own materialized form
    view = actor_names(dt.date(2024, 1, 1))
    assert dict(view) == {k: view[k] for k in view}
    assert len(view) == len(list(view))


def test_economic_office_holders_resolve_by_date():
    """additions/people_economic.csv: finance ministers, central bank governors and trade
    ministers, dated like the leaders."""
    import datetime as dt

    from transforms.extract.actors import ArticleActors

    assert ArticleActors(dt.date(2023, 5, 1)).lookup("Janet Yellen").country == "USA"
    assert ArticleActors(dt.date(2023, 5, 1)).lookup("Jerome Powell").country == "USA"


def test_a_verb_pattern_without_its_comment_is_its_blocks_verbs(build_tables, tmp_path):
    """The PETRARCH dictionary names, in a comment, the verb a pattern came from; a pattern
    line without one ("- * WAR [190]" under "--- WAGE") belongs to its block's verb."""
    (tmp_path / "CAMEO.2.0.txt").write_text(
        "####### VERB PATTERNS\n"
        "---  TOIL   [---]  ---\n"
        "TOIL\n"
        "- * HARVEST                                         [061]         # TOIL\n"
        "- * FIELDS [190]\n", encoding="latin-1")
    facts = build_tables.parse_cameo_verbs(tmp_path, {"061", "190"})
    assert ("toil", "", "harvest", "061") in facts and ("toil", "", "fields", "190") in facts


def test_a_nouns_singular_and_plural_are_one_verb_rule(build_tables):
    """The extractor matches an object by its lemma and its form, so "withdrew troops" meets a
    "troop" rule and a "troops" rule alike: the build gives both forms one code, by the votes of
    both ("troop" 087 once, "troops" 0874 twice), and a team addition for one form rules the other."""
    votes = {("withdraw", "", "troop"): {"087": 1}, ("withdraw", "", "troops"): {"0874": 2},
             ("withdraw", "", "aid"): {"166": 1}}
    folded = build_tables._fold_number(votes)
    assert folded[("withdraw", "", "troop")] == folded[("withdraw", "", "troops")] == {"087": 1, "0874": 2}
    assert folded[("withdraw", "", "aid")] == {"166": 1}
    assert build_tables._number_variants("atrocities") >= {"atrocity"}
    assert "restrictions" in build_tables._number_variants("restriction")


@pytest.mark.skipif(not (ROOT.parent / "shared" / "reference" / "CAMEO.2.0.txt").exists(), reason="../shared/reference absent")
def test_the_built_verb_table_codes_both_numbers_alike(build_tables):
    """tools/build_tables.build_verbs: one code for "troop" and "troops"; additions/verbs.csv
    gives "tighten controls" the code it gives "tighten control"."""
    codes = {}
    for lemma, particle, heads, code in build_tables.build_verbs(REFERENCE, set(ontology.cameo_codes())):
        for head in heads.split("|"):
            codes[(lemma, particle, head)] = code
    assert codes[("withdraw", "", "troop")] == codes[("withdraw", "", "troops")]
    assert codes[("tighten", "", "control")] == codes[("tighten", "", "controls")] == "172"  # additions/verbs.csv


REFERENCE = ROOT.parent / "shared" / "reference"


@pytest.mark.skipif(not (REFERENCE / "cameo-codes.csv").exists(), reason="../shared/reference absent")
def test_generated_tables_are_what_the_build_makes(build_tables, tmp_path):
    """The tables tools/build_tables.py writes are rebuilt from the references and
    schemas/data/additions/: a row written into a generated table by hand (and lost at the next
    build) fails here; it belongs in additions/."""
    assert build_tables.main([str(REFERENCE), "--out", str(tmp_path)]) == 0
    built = sorted(p.name for p in tmp_path.glob("*.csv"))
    assert {"cameo.csv", "countries.csv", "organizations.csv", "people.csv", "roles.csv", "verbs.csv"} <= set(built)
    differing = [name for name in built if (tmp_path / name).read_bytes() != data_path(name).read_bytes()]
    assert not differing, differing


def test_a_phrase_resolved_before_its_name_is_learned_resolves_to_it_after(nlp):
    """ArticleActors remembers each phrase's match (`_best_match`) only until it learns a name."""
    from transforms.extract.actors import ArticleActors

    resolver = ArticleActors(dt.date(2023, 5, 1))
    doc = nlp("The XQZW said it would send troops.")
    head = next(t for t in doc if t.text == "XQZW")
    assert resolver.resolve(head, remember=False) is None
    resolver.learn_acronyms("The North Atlantic Treaty Organization (XQZW) met on Monday.")
    assert resolver.resolve(head, remember=False).code == "NATO"
