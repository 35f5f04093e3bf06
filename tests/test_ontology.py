"""Unit tests of the ontology tables (schemas/data) and their loader (schemas/ontology.py)."""
import csv
import datetime
import re

import pytest

from schemas import ontology
from schemas.ontology import actor_names, cameo_codes, data_path, role_types, verb_rules

CODE_RE = re.compile(r"^[A-Z0-9_]{1,64}$")


def _rows(name):
    with data_path(name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_cameo_table_complete():
    codes = cameo_codes()
    assert len(codes) == 312
    assert {c.root for c in codes.values()} == {f"{i:02d}" for i in range(1, 21)}
    for c in codes.values():
        assert c.code.startswith(c.root)
        assert c.name and c.name.isascii() and c.name[0].isupper()


def test_cameo_057_and_root_names():
    c = cameo_codes()["057"]
    assert c.name == "Sign formal agreement"
    assert c.goldstein == pytest.approx(8.0)
    assert c.root == "05" and c.quad_class == 1
    assert cameo_codes()["01"].name == "Make public statement"
    assert cameo_codes()["0211"].goldstein == pytest.approx(3.4)


@pytest.mark.parametrize("root,quad", [("01", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3),
                                       ("14", 3), ("15", 4), ("20", 4)])
def test_quad_class_mapping(root, quad):
    for c in cameo_codes().values():
        if c.root == root:
            assert c.quad_class == quad


def test_verb_codes_exist():
    codes = cameo_codes()
    rows = _rows("verbs.csv")
    assert len(rows) >= 400
    for r in rows:
        assert r["code"] in codes or r["code"] == "-", r  # "-": this verb+object is not an event
        assert r["lemma"] == r["lemma"].lower() and " " not in r["lemma"]


def test_every_root_has_a_verb():
    roots = {r["code"][:2] for r in _rows("verbs.csv")}
    assert {f"{i:02d}" for i in range(1, 21)} <= roots


def _default(lemma, particle=None):
    for rule in verb_rules()[lemma]:
        if rule.particle == particle and not rule.object_heads:
            return rule.code
    raise AssertionError(f"no default rule for {lemma} {particle}")


def test_essential_verbs():
    for v in ("say", "state", "note", "assert", "tell", "add", "declare", "announce", "comment",
              "emphasize", "stress", "underline", "insist"):
        assert _default(v) == "010", v
    assert _default("agree")[:2] == "03"
    assert _default("agree", "on")[:2] == "03"
    assert _default("adopt") == "057"
    assert _default("sign") == "057"
    assert _default("visit") == "042"
    assert _default("host") == "043"
    assert _default("reject")[:2] == "12"
    assert _default("condemn")[:2] == "11"
    assert _default("accuse")[:2] == "11"
    assert _default("urge")[:2] == "02"
    assert _default("call", "for")[:2] == "02"
    assert _default("threaten")[:2] == "13"
    assert _default("protest")[:2] == "14"
    assert _default("arrest") == "173"
    assert _default("attack")[:2] in {"18", "19"}
    assert _default("crack", "down")[:2] == "17"


def test_verb_rules_most_specific_first():
    rules = verb_rules()["impose"]
    assert rules[-1].object_heads == frozenset() and rules[-1].particle is None
    sanction = [r for r in rules if "sanction" in r.object_heads]
    assert sanction and sanction[0].code == "163"
    adopt = verb_rules()["adopt"]
    assert any("principle" in r.object_heads and r.code == "057" for r in adopt)


def test_actor_names_countries_and_orgs():
    names = actor_names()
    assert names["russian"] == ontology.ActorEntry("RUS", "RUS", None, "demonym")
    kremlin = names["the kremlin"]
    assert (kremlin.code, kremlin.actor_type, kremlin.kind) == ("RUS", "GOV", "metonym")
    assert names["kremlin"].code == "RUS"
    for n in ("collective security treaty organization", "csto"):
        e = names[n]
        assert (e.code, e.actor_type, e.country, e.kind) == ("CSTO", "IGO", None, "organization")
    assert names["nato"].code == "NATO"
    assert names["north atlantic treaty organization"].code == "NATO"
    assert names["south korean"].code == "KOR"
    assert names["u.s."].code == "USA"
    assert names["united states"].code == "USA"
    assert names["hamas"].code == "HAMAS"
    assert "who" not in names


def test_people_by_date():
    on_2024 = actor_names(datetime.date(2024, 1, 1))
    lavrov = on_2024["sergey lavrov"]
    assert (lavrov.code, lavrov.country, lavrov.actor_type, lavrov.kind) == ("RUS", "RUS", "GOV", "person")
    assert actor_names(datetime.date(2022, 1, 1))["antony blinken"].code == "USA"
    blinken_2026 = actor_names(datetime.date(2026, 1, 1))["antony blinken"]  # out of office: ex-official
    assert (blinken_2026.code, blinken_2026.actor_type) == ("USA", "ELI")
    assert actor_names(datetime.date(2026, 1, 1))["marco rubio"].code == "USA"
    assert "antony blinken" in actor_names()
    assert actor_names(datetime.date(2024, 1, 1))["antonio guterres"].code == "UN"


def test_all_codes_valid():
    for r in _rows("countries.csv"):
        assert re.fullmatch(r"[A-Z]{3}", r["code"])
    for r in _rows("organizations.csv"):
        assert CODE_RE.match(r["code"]), r
    for e in actor_names().values():
        assert CODE_RE.match(e.code), e
        assert e.country is None or re.fullmatch(r"[A-Z]{3}", e.country)


def test_country_coverage():
    codes = {r["code"] for r in _rows("countries.csv")}
    assert len(codes) >= 197
    assert {"PSE", "XKX", "TWN", "VAT", "USA", "RUS", "CHN", "GBR", "SSD"} <= codes


def test_roles():
    roles = role_types()
    assert roles["minister"] == "GOV"
    assert roles["police"] == "COP"
    assert roles["rebel"] == "REB"
    assert roles["soldier"] == "MIL"
    assert all(re.fullmatch(r"[a-z][a-z'-]*( [a-z][a-z'-]*)?", n) for n in roles)  # a word or a pair
    assert roles["business leader"] == "BUS" and roles["leader"] == "GOV"


def test_subject_senses_name_known_codes_roots_and_sectors():
    senses = ontology.subject_senses()
    assert {(lemma, s.code) for s in senses for lemma in s.lemmas} >= {("strike", "143"), ("*", "145"), ("attack", "180")}
    sectors = set(role_types().values())
    for sense in senses:
        assert sense.code in cameo_codes()
        assert sense.roots <= {c.root for c in cameo_codes().values()}
        assert sense.subject_sectors <= sectors
        assert sense.subject_nouns or sense.subject_sectors  # a sense with no subject would apply to every clause


def test_intergovernmental_names_are_bodies_of_states_only():
    names = ontology.intergovernmental_names()
    assert {"nato", "african union"} <= names
    assert "ghana" not in names and "amnesty international" not in names


def test_sides_at_war_are_read_either_way_round_on_the_day():
    """armed_conflicts.csv: a pair is at war from its first day to its last, whichever side is named first."""
    import datetime as dt

    assert ontology.at_war("UKR", "RUS", dt.date(2023, 1, 2)) and ontology.at_war("RUS", "UKR", None)
    assert not ontology.at_war("GBR", "RUS", dt.date(2023, 1, 2))
    assert not ontology.at_war("ETH", "TPLF", dt.date(2023, 5, 1))  # ended 2022-11-02
    assert ontology.at_war("ETH", "TPLF", dt.date(2021, 5, 1))
