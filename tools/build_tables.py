#!/usr/bin/env python3
"""Build eventwire's ontology tables (schemas/data/*.csv) from third-party reference files.

Dev-time only.  Reads the reference dictionaries (CAMEO codes, PETRARCH-2 / Phoenix
dictionaries, CountryInfo; see ../shared/reference/PROVENANCE.md), extracts the facts we
use (codes, names, scores, verb->code and noun->role assignments), merges the team's
hand-written additions from schemas/data/additions/*.csv and writes deterministic, sorted,
UTF-8 CSV tables into schemas/data/.

    python tools/build_tables.py [REFERENCE_DIR] [--out DIR]

--out writes the tables elsewhere (tests/test_actor_tables.py rebuilds them into a temporary
directory and compares: a generated table edited by hand, not through additions/, fails there).

REFERENCE_DIR defaults to ../shared/reference relative to the repository root.
"""
from __future__ import annotations

import argparse
import csv
import datetime as _dt
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "schemas" / "data"
ADDITIONS = DATA / "additions"
CODE_RE = re.compile(r"^[A-Z0-9_]{1,64}$")

# UN member states (193); checked against the countries table.
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE""".split())
REQUIRED_EXTRA = {"PSE", "XKX", "TWN", "VAT"}

# CountryInfo codes that are not (current) ISO 3166-1 alpha-3 codes, or entries we skip.
COUNTRYINFO_CODE_FIX = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}

# Capitals that are common English words, people's names or other well-known places:
# never used as a metonym for the government.
AMBIGUOUS_CAPITALS = {
    "victoria", "kingston", "kingstown", "georgetown", "george town", "male", "praia", "sofia",
    "moroni", "san jose", "st. john's", "saint john's", "castries", "roseau", "basseterre",
    "nassau", "thule", "funafuti", "vaiaku", "yaren district", "melekeok", "palikir",
    "port louis", "belmopan", "majuro", "tarawa", "tarawa atoll", "apia", "honiara", "port vila",
    "suva", "nuku'alofa", "st. george's", "bridgetown", "monaco-ville", "andorra la vella",
    "vaduz", "valletta", "san marino", "luxembourg", "singapore", "djibouti", "kuwait city",
    "panama city", "guatemala city", "mexico city", "lima", "santiago", "la paz", "colombo",
    "brussels", "bruxelles", "jerusalem", "porto novo", "bern", "berne", "city of light",
    "eternal city", "new flower", "washington d.c.", "canberra", "wellington", "ottawa",
}
# Keep these even though ambiguous: the team's additions list them explicitly.

DEMONYM_SUFFIX = re.compile(
    r"(AN|IAN|EAN|ESE|ISH|I|IC|CH|OT|ER|INE|ENE|ABE|OIS|EK|AK|IK|SS|AY|ASY|AJ|EGASQUE|X|OTHO|WANA|ZI|AZ|IOT)$")
NOT_DEMONYM = re.compile(r"(STAN|LAND|IA|REPUBLIC|KINGDOM|ISLANDS|COAST)$")

PARTICLES = {"up", "down", "off", "out", "for", "on", "in", "back", "away", "over", "with", "to",
             "against", "into", "from", "at", "about", "upon", "through", "forward", "ahead"}
# Verb lemmas too generic to carry a default code of their own (object rows are kept).
GENERIC_VERBS = {"be", "have", "do", "make", "take", "get", "go", "come", "see", "look", "put",
                 "set", "keep", "let", "seem", "become", "appear", "place", "post", "base",
                 "hear", "die", "engage", "target", "link", "continue", "prepare", "stage",
                 "position", "station", "situate", "format", "pose", "arrange", "introduce",
                 "influence", "disclose", "boost", "enact", "grant", "allocate", "enlist",
                 "overfly", "pound", "gunfire", "extract", "impel", "confine", "exclude",
                 "rip", "whip", "slap", "disturb", "provoke", "endanger", "regret", "lament",
                 "despair", "dismay", "curse", "jeer", "offend", "observe", "estimate",
                 "quote", "repeat", "circulate", "cable", "assemble", "revive", "signal",
                 "strive", "hope", "rejoice", "bless", "favor", "favour", "respect",
                 "reassert", "facilitate", "merge", "import", "trade", "finance", "stabilise",
                 "loosen", "compromise", "abandon", "absolve", "abstain", "allow", "submit",
                 "unblock", "declassify", "legalise", "delay", "overrule", "parade", "patrol",
                 "betray", "blacklist", "disassociate", "disrupt", "spy", "undermine",
                 "steal", "fine", "prohibit", "sue", "abuse", "hurt", "rampage", "scuffle",
                 "terrorize", "destroy", "encircle", "flatten", "repulse", "recapture",
                 "vandalise", "legitimise", "distrust", "savage", "denigrate", "intrude",
                 "refute", "allay", "worry", "concern", "consider", "notify", "invite",
                 # verbs of holding, running, needing and facing: "controls the desert", "faces
                 # calls", "the court ruled", "leave the country" are no interaction by themselves
                 "leave", "control", "face", "rule", "manage", "oversee", "need", "mean", "render",
                 "watch", "fill", "coalesce", "increase", "conduct", "handle", "lead",
                 # wanting is a wish, not an intent to cooperate; growing is no interaction
                 "want", "expand"}


# ----------------------------------------------------------------------------- helpers

def clean_text(s: str) -> str:
    """Repair/strip mojibake and return plain ASCII text."""
    s = s.replace("\ufffd", "'")
    s = (s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"')
         .replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-"))
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"'{2,}", "'", s)
    return re.sub(r"\s+", " ", s).strip()


def sentence_case(name: str) -> str:
    name = clean_text(name)
    if name.isupper():
        name = name.lower()
    return name[:1].upper() + name[1:]


def title_name(token: str) -> str:
    """'BOSNIA_AND_HERZEGOVINA' -> 'Bosnia and Herzegovina'."""
    words = token.strip("_").replace("_", " ").split()
    small = {"and", "of", "the", "da", "de", "du", "la", "le", "el", "al", "d'", "au", "es", "for", "on", "in", "to"}
    out = []
    for i, w in enumerate(words):
        lw = w.lower()
        if i and lw in small:
            out.append(lw)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in lw.split("-")))
    return " ".join(out)


def split_pipes(s: str | None) -> list[str]:
    return [p.strip() for p in (s or "").split("|") if p.strip()]


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        k = x.lower()
        if k not in seen:
            seen.add(k)
            out.append(x)
    return out


def _table_rows(name: str) -> list[dict]:
    """A hand-written table of schemas/data (read, never written here)."""
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def read_additions(name: str) -> list[dict]:
    path = ADDITIONS / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


OUT = DATA  # where write_csv writes (main's --out)


def write_csv(name: str, header: list[str], rows: list[list]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / name).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return len(rows)


# ----------------------------------------------------------------------------- CAMEO codes

def quad_class(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


def build_cameo(ref: Path) -> dict[str, list]:
    raw = (ref / "cameo-codes.csv").read_bytes().decode("utf-8", errors="replace")
    rows = {}
    for r in csv.DictReader(raw.splitlines()):
        code = r["code"].strip()
        if not re.fullmatch(r"\d{2,4}", code):
            continue
        root = code[:2]
        g = float(r["goldstein"])
        rows[code] = [code, sentence_case(r["name"]), root, quad_class(root), g]
    # The team's reading of each root (additions/cameo_roots.csv): the mode a governing verb of
    # that root gives its complement ("urged X to withdraw": appeal), how a future tense reads
    # ("will meet": intent; "will strike": threat), and whether an announced future is the
    # decision itself ("will close the border": act).
    roots = {r["root"]: (r["mode"], r["future"], r["announced"]) for r in read_additions("cameo_roots.csv")}
    for row in rows.values():
        row.extend(roots.get(row[2], ("", "", "")))
    return rows


# ----------------------------------------------------------------------------- countries

def _tag(block: str, tag: str) -> list[str]:
    m = re.search(r"<%s>(.*?)</%s>" % (re.escape(tag), re.escape(tag)), block, re.S)
    if not m:
        return []
    return [ln.split("#")[0].strip() for ln in m.group(1).split("\n") if ln.split("#")[0].strip()]


def parse_countryinfo(ref: Path) -> dict[str, dict]:
    text = (ref / "CountryInfo.120116.txt").read_bytes().decode("utf-8", errors="replace")
    text = text[text.index("<Doc>Version"):]
    # drop commented lines
    text = "\n".join(ln for ln in text.split("\n") if not ln.lstrip().startswith("#"))
    out = {}
    for block in re.findall(r"<Country>(.*?)</Country>", text, re.S):
        code = (_tag(block, "CountryCode") or [""])[0]
        code = COUNTRYINFO_CODE_FIX.get(code, code)
        if not re.fullmatch(r"[A-Z]{3}", code):
            continue
        name = (_tag(block, "CountryName") or [""])[0]
        nat = _tag(block, "Nationality")
        caps = _tag(block, "Capital")
        cname = title_name(clean_text(name))
        demonyms = []
        for n in nat[:4]:
            n = clean_text(n).strip("_")
            if not n or "(" in n or "," in n:
                continue
            key = n.replace("_", " ")
            if key.lower() == cname.lower() or NOT_DEMONYM.search(n) or n.startswith("THE_"):
                continue
            if n.endswith("S") and not n.endswith("SS"):
                continue  # plural nouns ("ANTIGUANS")
            if DEMONYM_SUFFIX.search(n) and cname.split()[0].lower()[:3] == key.lower()[:3]:
                demonyms.append(title_name(n))
                break  # the first adjectival form; later ones are mostly misspellings
        metonyms = []
        for c in caps[:1]:
            c = title_name(clean_text(c))
            if c and c.lower() not in AMBIGUOUS_CAPITALS and c.lower() != cname.lower():
                metonyms.append(c)
        if code in out:
            continue  # dependencies filed under their sovereign's code: keep the country itself
        out[code] = {"name": cname, "names": [cname], "demonyms": demonyms, "metonyms": metonyms}
    return out


def build_countries(ref: Path) -> list[list]:
    ci = parse_countryinfo(ref)
    for row in read_additions("countries.csv"):
        code = row["code"]
        entry = ci.setdefault(code, {"name": row["name"] or code, "names": [], "demonyms": [],
                                     "metonyms": []})
        if row["name"]:  # the team's canonical name replaces the derived one
            entry["name"] = row["name"]
            entry["names"] = []
        entry["names"] = uniq([entry["name"]] + split_pipes(row["names"]) + entry["names"])
        for field in ("demonyms", "metonyms"):
            v = row[field]
            if v == "-":
                entry[field] = []
            elif v:  # the team's list replaces the derived one
                entry[field] = uniq(split_pipes(v))
    # A name, demonym or metonym shared by two countries is ambiguous: drop it (except for the
    # country whose canonical name it is).
    owners = defaultdict(set)
    for code, e in ci.items():
        for n in e["names"] + e["demonyms"] + e["metonyms"]:
            owners[n.lower()].add(code)
    rows = []
    for code in sorted(ci):
        e = ci[code]

        def keep(n, e=e):
            return len(owners[n.lower()]) == 1 or n.lower() == e["name"].lower()
        names = [n for n in uniq([e["name"]] + e["names"]) if keep(n)]
        demonyms = [n for n in e["demonyms"] if keep(n)]
        metonyms = [n for n in e["metonyms"] if keep(n) and n.lower() not in
                    {x.lower() for x in names}]
        rows.append([code, e["name"], "|".join(names), "|".join(demonyms), "|".join(metonyms)])
    codes = {r[0] for r in rows}
    missing = (UN_MEMBERS | REQUIRED_EXTRA) - codes
    if missing:
        raise SystemExit(f"countries: missing {sorted(missing)}")
    rows = [r + ["", ""] for r in rows] + historical_countries(codes)
    return rows


def dissolved_states(rows: list[list]) -> dict[str, tuple]:
    """Codes that have only dated rows (SUN, DDR, YUG, ...): code -> (first day or None, first
    day after or None)."""
    spans = defaultdict(list)
    for r in rows:
        spans[r[0]].append((r[5], r[6]))
    out = {}
    for code, ss in spans.items():
        if all(a or b for a, b in ss):
            starts = [a for a, _ in ss]
            ends = [b for _, b in ss]
            out[code] = (None if "" in starts else _dt.date.fromisoformat(min(starts)),
                         None if "" in ends else _dt.date.fromisoformat(max(ends)))
    return out


def historical_countries(current: set[str]) -> list[list]:
    """Dated rows from additions/countries_*.csv (columns as countries.csv plus valid_from,
    valid_to): dissolved states under their own (ISO 3166-3) code, and former names of current
    states under the current code.  On a date inside [valid_from, valid_to) the loader lets
    these names win over the undated ones ("Moscow" is SUN in 1980, RUS today); outside it they
    resolve to nothing."""
    rows = []
    for path in sorted(ADDITIONS.glob("countries_*.csv")):
        for row in read_additions(path.name):
            code = row["code"]
            if not re.fullmatch(r"[A-Z]{3}", code):
                raise SystemExit(f"{path.name}: bad code {code!r}")
            start, end = row.get("valid_from", ""), row.get("valid_to", "")
            if not (start or end):
                raise SystemExit(f"{path.name}: {code} {row['name']} has no dates (use countries.csv)")
            if start and end and _dt.date.fromisoformat(start) >= _dt.date.fromisoformat(end):
                raise SystemExit(f"{path.name}: {code} {row['name']}: empty date range")
            for d in (start, end):
                if d:
                    _dt.date.fromisoformat(d)
            names = uniq([row["name"]] + split_pipes(row["names"]))
            cells = [("" if row[f] == "-" else "|".join(uniq(split_pipes(row[f]))))
                     for f in ("demonyms", "metonyms")]
            rows.append([code, row["name"], "|".join(names)] + cells + [start, end])
    return sorted(rows, key=lambda r: (r[0], r[5], r[1]))


# ----------------------------------------------------------------------------- organizations

# CAMEO actor codes of the Phoenix dictionaries -> our organization codes.
CAMEO_ORG = {
    "IGOUNO": "UN", "IGOWSTNAT": "NATO", "IGOEUREEC": "EU", "IGOUNOIAE": "IAEA",
    "IGOUNOJUDICJ": "ICJ", "IGOJUDICC": "ICC", "IGOBUSIMF": "IMF", "IGOUNOWBK": "WB",
    "IGOBUSWTO": "WTO", "IGOSEAASN": "ASEAN", "IGOMEAARL": "ARL", "IGOCASCIS": "CIS",
    "IGOCWN": "CWN", "IGOEURCOE": "COE", "IGOWAFWAS": "ECOWAS", "IGOCOPITP": "INTERPOL",
    "IGOAFROAU": "AU", "IGOAFRAFU": "AU", "IGOMOSOIC": "OIC", "IGOOAS": "OAS", "IGOOPC": "OPEC",
    "IGOBUSOPC": "OPEC", "IGONON": "NON_ALIGNED", "IGOSAFSAD": "SADC", "IGOPGSGCC": "GCC",
    "IGOGOS": "G7", "IGOCRB": "CARICOM", "IGODEVIAD": "IGAD", "IGOUNOLABILO": "ILO",
    "IGOUNOENV": "IPCC", "IGOUNOKID": "UNICEF", "IGOUNOWFP": "WFP", "IGOUNOAIE": "IEA",
    "IGOCAFECA": "ECCAS", "IGOBUSBIS": "BIS", "IGOBUSGSS": "G77",
    "PSEREBHMS": "HAMAS", "NGAREB": "BOKO_HARAM", "IMGMUSALQ": "AL_QAEDA", "NGOHRIAMN": "AMNESTY",
    "NGOHLHMSF": "MSF", "NGOICG": "ICG", "NGOBUSWEF": "WEF", "NGOHRIMED": "CPJ",
    "IGOUNODEVWBK": "WB", "IGOUNOHLHWHO": "WHO", "IGOUNOREFHCR": "UNHCR",
    "IGOUNOHRIHCH": "OHCHR", "IGOSASSAA": "SAARC", "IGOEURDEVEBR": "EBRD",
    "IGOASADEVADB": "ADB", "IGOAFRDEVAFB": "AFDB", "IGOUNOAGRFAO": "FAO",
}
ORG_WORDS = re.compile(
    r"\b(ORGANI[SZ]ATION|UNION|COUNCIL|MOVEMENT|FRONT|ARMY|PARTY|ALLIANCE|COMMUNITY|ASSOCIATION|"
    r"LEAGUE|AGENCY|FUND|BANK|COURT|NATIONS|GROUP|BRIGADES?|TREATY|COMMISSION|FORCES|"
    r"RESISTANCE|COMMITTEE|CONFERENCE|FEDERATION|INTERNATIONAL|AUTHORITY)\b")


def parse_phoenix_actors(path: Path) -> list[tuple[list[str], list[str]]]:
    """Entries of a Phoenix actor dictionary: ([names], [codes without dates])."""
    entries, names, codes = [], [], []

    def flush():
        if names:
            entries.append((list(names), list(codes)))
        names.clear()
        codes.clear()

    for raw in path.read_bytes().decode("utf-8", errors="replace").split("\n"):
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        dated = re.findall(r"\[([A-Z]{3,})(\s+[^\]]*)?\]", line)
        head = line.split("[")[0].strip()
        if line[0] not in "+ \t" and head:
            flush()
            names.append(head)
        elif line.startswith("+") and head:
            names.append(head[1:])
        for code, rest in dated:
            codes.append(code if not (rest or "").strip() else code + "@dated")
    flush()
    return entries


def phoenix_name(n: str) -> str:
    return clean_text(n.replace("_", " ")).strip(" -")


def team_organizations(ref: Path, country_codes: set[str]) -> list[list]:
    """The team's organizations (additions/organizations.csv) with spelling variants of their
    names found in the Phoenix dictionaries."""
    orgs = {}
    for row in read_additions("organizations.csv"):
        orgs[row["code"]] = {"kind": row["kind"], "country": row["country"],
                             "names": uniq(split_pipes(row["names"]))}
    by_name = {}
    for code, o in orgs.items():
        for n in o["names"]:
            by_name.setdefault(n.lower(), code)
    derived = defaultdict(list)
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        for names, codes in parse_phoenix_actors(ref / fname):
            pnames = [phoenix_name(n) for n in names if phoenix_name(n)]
            targets = {CAMEO_ORG[c] for c in codes if c in CAMEO_ORG}
            if not targets:
                targets = {by_name[n.lower()] for n in pnames if n.lower() in by_name}
            if len(targets) != 1:
                continue
            target = targets.pop()
            curated = [c.lower() for c in orgs[target]["names"]]
            for n in pnames:
                low = n.lower()
                if low.startswith("the ") or low in curated:
                    continue
                # keep only spelling variants of the team's names (the Phoenix entries also
                # list leaders, sub-bodies and affiliates under the same code)
                similar = max(difflib.SequenceMatcher(None, low, c).ratio() for c in curated)
                if similar >= 0.85 and (ORG_WORDS.search(n.upper()) or " " not in n):
                    derived[target].append(title_case_org(n))
    # drop derived names claimed by two organizations or by a country
    claims = defaultdict(set)
    for code, ns in derived.items():
        for n in ns:
            claims[n.lower()].add(code)
    rows = []
    for code in sorted(orgs):
        o = orgs[code]
        if not CODE_RE.match(code):
            raise SystemExit(f"organizations: bad code {code!r}")
        if o["country"] and o["country"] not in country_codes:
            raise SystemExit(f"organizations: {code} has unknown country {o['country']}")
        extra = [n for n in derived.get(code, [])
                 if len(claims[n.lower()]) == 1 and by_name.get(n.lower(), code) == code]
        names = uniq(o["names"] + sorted(set(extra), key=str.lower))
        rows.append([code, o["kind"], o["country"], "|".join(names)])
    return rows


def title_case_org(n: str) -> str:
    """Phoenix names are upper case: keep acronyms, title-case long names."""
    if " " not in n and len(n) <= 6:
        return n  # acronym
    return title_name(n.replace(" ", "_"))


# Kinds of the organizations we take from the Phoenix dictionaries (CAMEO sector codes).
ORG_KINDS = {"IGO", "NGO", "REB", "INS", "CRM", "PTY", "OPP", "SEP", "RAD"}
# A state body (organizations_national.csv) is filed under its country's code with one of these
# sectors as its kind, so that the extractor emits the country; BUS for a state-owned company
# ("Russia's Rosatom signed a deal with Hungary" is Russia's act).
STATE_KINDS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "MED", "BUS"}
# Words that mark a Phoenix International entry as an organization (not a person).
ORG_NAME_WORDS = ORG_WORDS.pattern[:-3] + r"|INSTITUTE|FOUNDATION|CENT(?:ER|RE)|SOCIETY|FORUM|"\
    r"NETWORK|PROGRAM(?:ME)?|PARLIAMENT|TRIBUNAL|ASSEMBLY|SECRETARIAT|OFFICE|BOARD|COALITION|"\
    r"MISSION|CORPS|INITIATIVE|SERVICES?|TRUST|WATCH|COUNCIL|BUREAU|UNIT|PANEL|CAMPAIGN|FRONT)\b"
ORG_NAME_RE = re.compile(ORG_NAME_WORDS)


def national_organizations(country_codes: set[str], team_names: set[str],
                           country_names: set[str], non_nouns: frozenset[str]) -> list[list]:
    """additions/organizations_national.csv: intelligence services, police and border forces,
    legislatures, courts, central banks, state media and state-owned companies.  Their code is the country's (a state
    body acts for its country); the kind is the sector.  A name the team's organizations
    already have stays theirs (FBI, FSB, Mossad keep their own codes)."""
    rows = []
    seen = set()
    for row in read_additions("organizations_national.csv"):
        code, kind, country = row["code"], row["kind"], row["country"]
        if code != country or country not in country_codes:
            raise SystemExit(f"organizations_national: {row['names']}: code must be the country's ISO3")
        if kind not in STATE_KINDS:
            raise SystemExit(f"organizations_national: {row['names']}: kind {kind} not in {sorted(STATE_KINDS)}")
        names = [n for n in uniq(split_pipes(row["names"])) if n.lower() not in team_names]
        for n in names:
            if n.lower() in country_names:
                raise SystemExit(f"organizations_national: {n!r} is a country name or metonym")
            if " " not in n and (n.lower() in non_nouns or len(n) < 3):
                raise SystemExit(f"organizations_national: {n!r} is an ordinary word")
            if n.lower() in seen:
                raise SystemExit(f"organizations_national: {n!r} listed twice")
            seen.add(n.lower())
        if names:
            rows.append([code, kind, country, "|".join(names)])
    return rows


def _org_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-/]+", name.lower().replace("'s", "")) if t.strip(".,'()")]


# Words of organization names that say nothing about which organization it is.
GENERIC_ORG_TOKENS = set("""
organization organisation organizations union council movement front army party alliance
community association league agency fund bank court nations group groups brigade brigades
treaty commission forces force resistance committee conference federation international
authority institute foundation center centre society forum network program programme
world global national government governmental intergovernmental united people peoples popular
revolutionary democratic liberation free freedom new general regional joint development
cooperation co-operation economic social affairs
liga frente partido movimiento ejercito fuerzas comite consejo parti mouvement armee harakat jabhat
""".split())  # the last line: the same words in the languages of the reference's names ("La Liga")


def _singular(word: str) -> list[str]:
    forms = [word]
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return forms


def org_name_ok(name: str, words: frozenset[str], specific: set[str]) -> bool:
    """A name specific enough to stand for one organization: an acronym or word that is not
    an English word, or a phrase with a word that is not English ("Boko Haram") or names a
    country ("... of Palestine"), or with at least three content words.  "Black Star",
    "Direct Action", "Revolutionary Left" are not."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 .,'&/\-]*", name) or len(name) < 3:
        return False
    toks = [t.strip(".,'") for t in _org_tokens(name)]
    toks = [t for t in toks if t]
    if len(toks) == 1:
        if re.fullmatch(r"[A-Z0-9]{1,3}", name):
            return False  # a three-letter acronym stands for too many things
        return (len(toks[0]) >= 4 and not toks[0].isdigit()
                and not any(f in words for f in _singular(toks[0])))
    content = [t for t in toks if t not in STOP_WORDS]
    distinctive = [t for t in content if t not in GENERIC_ORG_TOKENS]
    return ((len(content) >= 3 and distinctive)
            or any(not any(f in words for f in _singular(t)) for t in distinctive)
            or any(t in specific for t in content))


def _org_key(name: str) -> str:
    """A spelling-insensitive key: 'U.N. High Commission for Refugees' ~ 'UN high commission
    for refugees', "Cocoa Producer's Alliance" ~ "Cocoa Producers' Alliance"."""
    n = clean_text(name).lower().replace("organisation", "organization").replace("'", "")
    n = n.replace("co-operation", "cooperation").replace(".", "")
    n = re.sub(r"[^a-z0-9]+", " ", n)
    n = re.sub(r"^(the )", "", n).strip()
    return re.sub(r"^un ", "united nations ", n)


# Code segments that name a category (region, religion, people, the UN system, the EU, ...)
# rather than one organization: a Phoenix code ending in one is no organization's own code.
CATEGORY_SEGMENTS = set("""
EUR AFR LAM WST ASA SAS SEA EEU SAF SCN CAS WAF SAM MEA EAF NAF CRB NMR ARB PGS BLK CAU INT
CHR CTH PRO MOS MUS JEW HIN SHI SUN SIK TAO BUD REL UIG TAM PAL KUR TIB UNO EEC NAT IRC
""".split())
STOP_WORDS = {"the", "of", "and", "for", "in", "on", "to", "a", "an", "de", "la", "el", "al",
              "du", "des", "der", "die", "und", "y", "et"}


def _org_code_slug(name: str) -> str:
    slug = re.sub(r"[^A-Z0-9]+", "_", clean_text(name).upper()).strip("_")
    while len(slug) > 64:
        slug = slug.rsplit("_", 1)[0]
    return slug


def phoenix_given_names(ref: Path) -> set[str]:
    """Lower-case first names of the people in Phoenix.Countries.actors.txt (name particles
    such as al, abu, el left out)."""
    given = set()
    for e in read_phoenix(ref / "Phoenix.Countries.actors.txt"):
        if e["countryinfo"]:
            toks = _name_tokens(person_case(e["names"][0]))
            if len(toks) > 1:
                given.add(toks[0])
    return given - NAME_PARTICLES - {"abu", "abd", "abdul", "ibn", "bin", "sheikh", "sheik", "mohammed"}


def phoenix_organizations(ref: Path, country_codes: set[str], taken_names: set[str],
                          taken_codes: set[str], words: frozenset[str],
                          specific: set[str], team_names: set[str]) -> list[list]:
    """New organizations from Phoenix.International.actors.txt (IGOs, NGOs) and
    Phoenix.MilNonState.actors.txt (armed, criminal and political groups).

    Kind and country come from the entry's first code: IGO... -> IGO (no country); NGO + a
    country code -> NGO of that country; a country code + REB/INS/CRM/PTY/OPP/SEP/RAD -> that
    kind and country; an international militant group (IMG...) or a region -> REB without a
    country.  Companies (MNC), people and entries of the team's organizations are left out.
    The code is the entry's own Phoenix code when no other entry shares it, else its acronym,
    else its name in UPPER_SNAKE; a clash with a code in use takes the next choice."""
    found: dict[str, dict] = {}
    team_keys = {_org_key(n) for n in team_names}
    team_words = [k for k in team_keys if " " not in k and len(k) >= 5]
    given = phoenix_given_names(ref)
    # one-word names must be no English word, no first name ("Eyal", "Shahin") and no word
    # that never starts a name (not_names.csv)
    words = words | given | {r["word"].lower() for r in _table_rows("not_names.csv")}
    for fname in ("Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        militant = "MilNonState" in fname
        for e in read_phoenix(ref / fname):
            if not e["codes"] or any(spec.strip() for _, spec in e["codes"]):
                continue  # no code, or dated: a person's career
            code = e["codes"][0][0]
            if code in CAMEO_ORG or any(c in CAMEO_ORG for c, _ in e["codes"]):
                continue  # the team's organization
            kind, country = None, ""
            head = PHOENIX_COUNTRY_FIX.get(code[:3], code[:3])
            if code.startswith("IGO"):
                kind = "IGO"
            elif code.startswith("NGO"):
                kind = "NGO"
                nxt = PHOENIX_COUNTRY_FIX.get(code[3:6], code[3:6])
                country = nxt if nxt in country_codes else ""
            elif code.startswith("MNC"):
                continue
            elif militant:
                sector = next((code[i:i + 3] for i in range(3, len(code), 3)
                               if code[i:i + 3] in ORG_KINDS), "REB")
                kind = sector
                country = head if head in country_codes else ""
            elif head in country_codes and code[3:6] in ORG_KINDS - {"IGO", "NGO"}:
                kind, country = code[3:6], head
            if kind is None:
                continue
            raw = [phoenix_name(n) for n in e["names"]]
            if any(_org_key(n) in team_keys for n in raw) or any(
                    difflib.get_close_matches(_org_key(n), team_words, n=1, cutoff=0.8)
                    for n in raw if " " not in _org_key(n) and len(n) >= 5):
                continue  # a spelling of the team's organization (see team_organizations)
            acronyms = []
            names = []
            for n in raw:
                for m in re.findall(r"\(([A-Z][A-Z0-9/&.-]{1,9})\)", n):
                    acronyms.append(m.replace(".", ""))
                n = re.sub(r"\([^)]*\)", " ", n)
                n = re.sub(r"\s+", " ", n).strip(" -,")
                if n:
                    names.append(n)
            if not names:
                continue
            primary = names[0]
            if not militant and " " in primary and not ORG_NAME_RE.search(primary.upper()):
                continue  # International entries without an organization word are people
            if militant and code.startswith("IMG") and len(names) == 1:
                continue  # the list of militants and spellings at the end of the file
            first = _org_tokens(primary)[0]
            if militant and first in given and not ORG_NAME_RE.search(primary.upper()):
                continue  # a person ("Osama bin Laden", "Ayman al Zawahiri")
            acronyms += [n for n in names if re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", n)]
            key = _org_key(primary)
            if key not in found:  # "West Africa(n) Development Bank": one organization
                near = difflib.get_close_matches(key, [k for k, o in found.items()
                                                       if o["kind"] == kind], n=1, cutoff=0.95)
                key = near[0] if near else key
            o = found.setdefault(key, {"kind": kind, "country": country, "names": [],
                                       "acronyms": [], "pcodes": set()})
            o["names"] = uniq(o["names"] + [title_case_org(n) for n in names])
            o["acronyms"] = uniq(o["acronyms"] + acronyms)
            o["pcodes"].add(code)
    # the team's names win; a name two new organizations share is nobody's
    claims = defaultdict(set)
    primary_of = {}
    for key, o in found.items():
        primary_of.setdefault(o["names"][0].lower(), set()).add(key)
        o["names"] = [n for n in uniq(o["names"] + o["acronyms"])
                      if n.lower() not in taken_names and org_name_ok(n, words, specific)]
        for n in o["names"]:
            claims[n.lower()].add(key)
    # a name listed by several entries belongs to the one whose main name it is, if any
    for n, keys in claims.items():
        owners = primary_of.get(n, set()) & keys
        if len(keys) > 1 and len(owners) == 1:
            claims[n] = owners
    pcode_users = Counter(c for o in found.values() for c in o["pcodes"])
    used = set(taken_codes)
    rows = []
    for key in sorted(found):
        o = found[key]
        names = [n for n in o["names"] if claims[n.lower()] == {key}]
        # a name cut short ("Al-Aqsa" of "Al-Aqsa Martyrs Brigades") names what the group is
        # named after (a mosque, a person), not the group
        names = [n for n in names if not any(m.lower().startswith(n.lower() + " ")
                                             for m in names if m != n)]
        if not names or not any(" " in n or n.upper() != n for n in names):
            continue  # nothing left but acronyms: too thin to add
        choices = [c for c in sorted(o["pcodes"]) if pcode_users[c] == 1 and len(c) >= 6
                   and c[:3] in ("IGO", "NGO") and c[-3:] not in SECTORS
                   and c[-3:] not in CATEGORY_SEGMENTS and c[-3:] not in country_codes]
        choices += [a.replace("/", "_").replace("&", "_").replace("-", "_") for a in o["acronyms"]
                    if a in names]
        choices.append(_org_code_slug(names[0]))
        code = next((c for c in choices if CODE_RE.match(c) and c not in used), None)
        if code is None:
            base = choices[-1][:60]
            code = next(f"{base}_{i}" for i in range(2, 100) if f"{base}_{i}" not in used)
        used.add(code)
        rows.append([code, o["kind"], o["country"], "|".join(names)])
    return rows


def build_organizations(ref: Path, country_codes: set[str], country_names: set[str],
                        words: frozenset[str], non_nouns: frozenset[str]) -> list[list]:
    team = team_organizations(ref, country_codes)
    team_names = {n.lower() for r in team for n in split_pipes(r[3])}
    national = national_organizations(country_codes, team_names, country_names, non_nouns)
    taken_names = (team_names | country_names | {r[0].lower() for r in team}
                   | {n.lower() for r in national for n in split_pipes(r[3])})
    taken_codes = {r[0] for r in team} | country_codes
    # words that name a place ("... of Palestine", "Kurdistan ...", "Irish ...")
    specific = {t for n in country_names for t in _org_tokens(n)} - GENERIC_ORG_TOKENS - STOP_WORDS - set("""
        islamic republic kingdom state states federal socialist arab federation commonwealth
        territories territory island islands north south east west central great saint st
        plurinational bolivarian oriental principality grand duchy sultanate emirates
        """.split())
    new = phoenix_organizations(ref, country_codes, taken_names, taken_codes, words, specific,
                                team_names)
    return sorted(team + national + new, key=lambda r: (r[0], r[1], r[3].lower()))


# ----------------------------------------------------------------------------- roles

def build_roles(ref: Path) -> list[list]:
    """Role noun → sector: Phoenix's agents of one word ("minister") and of two ("business leader",
    "coast guard": the pair decides, "leader" alone would be GOV), then the team's additions."""
    roles = {}
    for raw in (ref / "Phoenix.agents.txt").read_bytes().decode("utf-8", errors="replace").split("\n"):
        line = raw.split("#")[0].strip()
        m = re.match(r"^([A-Z][A-Z'-]*)\s*\[~([A-Z]{3})[A-Z]*\]", line) or re.match(
            r"^([A-Z][A-Z'-]*_[A-Z][A-Z'-]*)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]", line)
        if not m:
            continue
        noun = m.group(1).lower().replace("_", " ")
        roles.setdefault(noun, m.group(2))
    # singular lemmas only: drop a plural when its singular is present
    for noun in [n for n in roles if " " not in n]:  # a pair's plural may differ ("armed forces")
        for sing in (noun[:-1], noun[:-2], noun[:-3] + "y" if noun.endswith("ies") else None):
            if sing and noun.endswith("s") and sing in roles and sing != noun:
                roles.pop(noun, None)
                break
    for row in read_additions("roles.csv"):
        roles[row["noun"].lower()] = row["actor_type"]
    return [[n, t] for n, t in sorted(roles.items()) if re.fullmatch(r"[a-z][a-z'-]*( [a-z][a-z'-]*)?", n)]


# ----------------------------------------------------------------------------- Phoenix entries

PHOENIX_CODE = re.compile(r"\[([A-Z]{3,})\s*([^\]]*)\]")
# Phoenix/CAMEO country prefixes that are not our codes.  USR is the Soviet Union (SUN in the
# Phoenix state entry and ISO 3166-3), FRY the rump Yugoslavia 1992-2003 (ISO kept YUG); the
# unrecognised Serb republics count for the state they were in; FRN (French overseas) is FRA.
PHOENIX_COUNTRY_FIX = {**COUNTRYINFO_CODE_FIX, "USR": "SUN", "FRY": "YUG", "SRP": "BIH",
                       "KRJ": "HRV", "FRN": "FRA"}
# CAMEO sector (role) codes that may follow a country code.
SECTOR_NAMES = {
    "GOV": "government", "ELI": "elite", "MIL": "military", "REB": "rebels",
    "INS": "insurgents", "OPP": "opposition", "PTY": "political party", "COP": "police",
    "JUD": "judiciary", "SPY": "intelligence", "LEG": "legislature", "MED": "media",
    "EDU": "education", "BUS": "business", "CRM": "criminal", "CVL": "civilians",
    "LAB": "labour", "HLH": "health", "REF": "refugees", "AGR": "agriculture",
    "ENV": "environment", "HRI": "human rights", "DEV": "development", "REL": "religious",
    "SEP": "separatists", "MOD": "moderate", "RAD": "radical", "UAF": "armed forces (unaligned)",
    "IGO": "international organization", "NGO": "non-governmental organization",
    "NGM": "non-governmental movement",
}
SECTORS = {k for k in SECTOR_NAMES if len(k) == 3}
# Six-digit Phoenix dates are YYMMDD: the dictionaries were last revised before 2020 and hold
# no date after 2015, so YY <= 19 is 20YY and the rest 19YY.
PHOENIX_YY_PIVOT = 19
# A role Phoenix gives as still held (">date") stays open (valid_to empty): the dictionaries
# (revised until 2016-2019) say it was held when they were written.  Many such people have left
# office since; the team's lists (additions/people*.csv) win for the people in today's news,
# and the extractor reads "former President X" as a former official whatever the table says.


def read_phoenix(path: Path) -> list[dict]:
    """Entries of a Phoenix actor dictionary: {"names": [raw names], "codes": [(code, date
    spec)], "countryinfo": bool}.  A name line starts an entry; "+" lines are aliases; code
    lines ("[AFGGOV 20011001-20050420]") and codes after a name belong to the entry.  A name
    line without "+" directly after a code-less entry that shares its surname ("GERALD_FORD"
    after "GERALD_R._FORD_") is an alias whose "+" was forgotten."""
    entries: list[dict] = []
    cur = None
    blank = True
    for raw in path.read_bytes().decode("utf-8", errors="replace").split("\n"):
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            blank = True
            continue
        codes = PHOENIX_CODE.findall(line)
        head = line.split("[")[0].strip()
        if line[0] in " \t[":
            if cur is not None:
                cur["codes"] += codes
        elif line[0] == "+":
            if cur is not None:
                if head[1:].strip():
                    cur["names"].append(head[1:].strip())
                cur["codes"] += codes
        elif head:
            surname = cur["names"][0].strip("_").split("_")[-1] if cur else ""
            if (cur is not None and not cur["codes"] and not blank and len(surname) > 2
                    and surname in head.strip("_").split("_")):
                cur["names"].append(head)
                cur["codes"] += codes
            else:
                cur = {"names": [head], "codes": list(codes),
                       "countryinfo": "CountryInfo" in comment}
                entries.append(cur)
        blank = False
    return entries


def phoenix_date(digits: str) -> _dt.date | None:
    if len(digits) == 10 and digits[:2] in ("19", "20"):
        digits = digits[2:]  # "1920030320": a doubled century
    try:
        if len(digits) == 8:
            return _dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            yy = int(digits[:2])
            year = (2000 if yy <= PHOENIX_YY_PIVOT else 1900) + yy
            return _dt.date(year, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


def phoenix_span(spec: str):
    """'' -> 'undated'; '>D' or 'D' -> (D, None); '<D' -> (None, D); 'A-B' -> (A, B); None if
    unreadable.  The end date is the first day out of the role."""
    spec = spec.replace(" ", "")
    if not spec:
        return "undated"
    m = re.fullmatch(r"([<>]?)(\d+)(?:-(\d+))?", spec)
    if not m:
        return None
    first = phoenix_date(m.group(2))
    if first is None:
        return None
    if m.group(3):
        last = phoenix_date(m.group(3))
        if m.group(1) or last is None or last <= first:
            return None
        return first, last
    return (None, first) if m.group(1) == "<" else (first, None)


# ----------------------------------------------------------------------------- people

# Tokens that make a Phoenix name a title, an office, a body or a group rather than a
# person's name (besides the role nouns of roles.csv, which count when they lead the name).
NOT_PERSON_WORDS = set("""
administration government regime cabinet ministry department office council party front army
movement union republic kingdom state states committee agency court bank company group forces
force brigade brigades organization organisation association federation institute university
foundation league alliance coalition commission assembly parliament senate congress news radio
television times post press airlines corporation corp inc ltd former elect mr mrs ms dr gen gov
sen rep lt col maj capt adm sgt prof rev hon sir dame president minister ministers secretary
spokesman spokeswoman spokesperson ambassador chairman chairwoman governor vice prime premier
deputy official officials leader leaders chief commander security police military navy air
national people people's peoples popular revolutionary democratic islamic liberation
resistance martyrs battalion battalions regiment division corps militia militias rebels
jaysh jaish jabhat harakat hizb kataib katibat liwa saraya sarayat ansar tanzim ahrar faylaq
alwiya jund junud ittihad majlis ikhwan mujahideen mujahidin taliban tribe tribes clan family
ocean sea river island islands province district city region capital north south east west
central soviet aka a.k.a representative congressman congresswoman lord lady baron baroness earl duke
""".split())
# Name particles written in lower case inside a name.
NAME_PARTICLES = {"al", "el", "bin", "ibn", "bint", "van", "von", "der", "den", "de", "da", "das",
                  "do", "dos", "du", "di", "del", "della", "la", "le", "y", "zu", "ter", "ten",
                  "of"}


def person_case(name: str) -> str:
    """'GEORGE_W._BUSH' -> 'George W. Bush', 'BASHAR_AL-ASSAD' -> 'Bashar al-Assad',
    'JOHN_MCCAIN' -> 'John McCain', "CONOR_O'BRIEN" -> "Conor O'Brien"."""
    words = phoenix_name(name).lower().split()
    out = []
    for i, w in enumerate(words):
        if i and w in NAME_PARTICLES:
            out.append(w)
            continue
        if "." in w:  # initials: "a.f.m." -> "A.F.M."
            out.append(".".join(p[:1].upper() + p[1:] for p in w.split(".")))
            continue
        parts = []
        for j, p in enumerate(w.split("-")):
            if j == 0 and i and p in ("al", "el") and "-" in w:
                parts.append(p)
                continue
            p = p[:1].upper() + p[1:]
            if p.startswith("Mc") and len(p) > 3:
                p = "Mc" + p[2].upper() + p[3:]
            if len(p) > 2 and p[1] == "'":
                p = p[:2] + p[2].upper() + p[3:]
            if i and re.fullmatch(r"[ivx]+", p.lower()):
                p = p.upper()  # regnal numbers: "Albert II"
            parts.append(p)
        out.append("-".join(parts))
    return " ".join(out)


def english_words() -> tuple[frozenset[str], frozenset[str]]:
    """(words, non_nouns): lower-case English words from the lemma index (WordNet nouns, verbs,
    adjectives, adverbs) of the project's pinned spaCy model, and those that are verbs,
    adjectives or adverbs (plus stop words).  The noun index also holds surnames ("Carter"):
    a single-word alias must not be in `words`; a longer name must not be made only of
    `non_nouns` ("Black Star")."""
    import spacy

    # the model the extractor loads by default (pipeline/options.py; read, not imported:
    # importing it pulls in Beam)
    options = (REPO / "pipeline" / "options.py").read_text(encoding="utf-8")
    model = re.search(r'^DEFAULT_MODEL = "([^"]+)"', options, re.M).group(1)
    nlp = spacy.load(model, exclude=["parser", "ner", "tagger", "tok2vec"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words, non_nouns = set(), set(nlp.Defaults.stop_words)
    for pos in ("noun", "verb", "adj", "adv"):
        forms = {w.lower() for w in index.get(pos, [])}
        words |= forms
        if pos != "noun":
            non_nouns |= forms
    return frozenset(words | non_nouns), frozenset(non_nouns)


def _name_tokens(name: str) -> list[str]:
    return [t.strip(".").lower() for t in name.split()]


def person_alias_ok(name: str, role_nouns: set[str]) -> bool:
    """A plausible personal name: letters (with . ' -), 1 to 6 words, no title or body word."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z.'\- ]*[A-Za-z.]", name) or len(name) < 4:
        return False
    toks = _name_tokens(name)
    if not 1 <= len(toks) <= 6:
        return False
    if any(t in NOT_PERSON_WORDS for t in toks):
        return False
    # a role noun is a title when it leads the name ("General Buhari", "Sheikh ...")
    return toks[0] not in role_nouns


def read_people_additions() -> list[dict]:
    """additions/people.csv and every additions/people_*.csv (colleagues' lists)."""
    rows = []
    for path in [ADDITIONS / "people.csv"] + sorted(ADDITIONS.glob("people_*.csv")):
        rows += [dict(r, _file=path.name) for r in read_additions(path.name)]
    return rows


def _person_code(code: str, country_codes: set[str]):
    """'AFGGOVAGR' -> ('AFG', 'GOV', 'AGR'): country, first sector, first sub-sector.
    Dependencies (USAPRIGOV: Puerto Rico's governor) count for their sovereign; IGO codes
    map to our organization codes where we have them (IGOUNO -> UN)."""
    if code.startswith("IGO"):
        keys = [k for k in CAMEO_ORG if k.startswith("IGO") and code.startswith(k)]
        if not keys:
            return None
        return CAMEO_ORG[max(keys, key=len)], "IGO", ""
    country = PHOENIX_COUNTRY_FIX.get(code[:3], code[:3])
    if country not in country_codes:
        return None
    rest = [code[i:i + 3] for i in range(3, len(code), 3)]
    for i, t in enumerate(rest):
        if t in SECTORS:
            sub = next((x for x in rest[i + 1:] if x in SECTORS), "")
            return country, t, sub
    return None  # a bare country or a territory (USRAZE, LVAOCC): not a person's role


def _role_text(sector: str, sub: str) -> str:
    text = SECTOR_NAMES.get(sector, sector.lower())
    return f"{text} ({SECTOR_NAMES[sub]})" if sub and sub != sector and SECTOR_NAMES.get(sub) else text


def person_timeline(codes: list[tuple[str, str]], country_codes: set[str],
                    lifetimes: dict[str, tuple] | None = None) -> list[tuple]:
    """Non-overlapping (start, end, actor, sector, role) periods of one person; None = open.

    Dated codes are the periods.  Where dated periods overlap, a role other than ELI wins over
    ELI, a national role over an IGO one, then the later appointment.  An undated code holds
    wherever no dated code does (before the first, between and after the dated periods; the
    first undated code when there are several).  A role still held (">date") stays open (the
    note at PHOENIX_YY_PIVOT says why).  A role in a dissolved state (`lifetimes`: code ->
    (first day, first day after)) ends with the state: Honecker is no DDR actor after 1990."""
    lo, hi = _dt.date.min, _dt.date.max
    periods, undated = [], None
    for seq, (code, spec) in enumerate(codes):
        pc = _person_code(code, country_codes)
        if pc is None:
            continue
        actor, sector, sub = pc
        span = phoenix_span(spec)
        if span is None:
            continue
        if span == "undated":
            if undated is None:
                undated = (actor, sector, _role_text(sector, sub))
            continue
        start, end = span
        periods.append((start or lo, end or hi, actor, sector, _role_text(sector, sub), seq))
    if not periods and undated is None:
        return []
    fill = undated
    bounds = sorted({lo, hi} | {p[0] for p in periods} | {p[1] for p in periods})
    segments = []
    for a, b in zip(bounds, bounds[1:]):
        cover = [p for p in periods if p[0] <= a and b <= p[1]]
        if cover:
            best = max(cover, key=lambda p: (p[3] != "ELI", p[3] != "IGO", p[0], -p[5]))
            pick = best[2:5]
        elif fill is not None:
            pick = fill
        else:
            continue
        if segments and segments[-1][1] == a and segments[-1][2:] == pick:
            segments[-1] = (segments[-1][0], b) + pick
        else:
            segments.append((a, b) + pick)
    clipped = []
    for seg in segments:
        a, b = seg[0], seg[1]
        if lifetimes and seg[2] in lifetimes:
            first, after = lifetimes[seg[2]]
            a, b = max(a, first or lo), min(b, after or hi)
            if a >= b:
                continue
        clipped.append((a, b) + seg[2:])
    return [(None if s[0] == lo else s[0], None if s[1] == hi else s[1]) + s[2:] for s in clipped]


def phoenix_people(ref: Path, country_codes: set[str], static_names: set[str],
                   role_nouns: set[str], common: frozenset[str], non_nouns: frozenset[str],
                   taken: set[str], lifetimes: dict[str, tuple] | None = None) -> list[list]:
    """People rows from Phoenix.Countries.actors.txt.

    An entry is a person when its codes are country + sector codes (not a bare country or a
    territory), it is dated or comes from CountryInfo, and its first name is a plausible
    personal name.  Aliases are the entry's names that are plausible personal names too.
    Dropped: names taken by the team's lists (`taken`: the whole person goes, the team wins),
    names of countries and organizations (`static_names`), names shared by people of two
    countries, single words that are English words, given names or shorter than 4 letters."""
    people = {}
    for e in read_phoenix(ref / "Phoenix.Countries.actors.txt"):
        codes = [(c, spec) for c, spec in e["codes"]]
        if not codes or any(_person_code(c, country_codes) is None and not c.startswith("IGO")
                            for c, _ in codes):
            continue
        dated = any(spec.strip() for _, spec in codes)
        if not (dated or e["countryinfo"]):
            continue
        primary = person_case(e["names"][0])
        if not person_alias_ok(primary, role_nouns):
            continue
        if " " not in primary and not (any(c[3:] == "GOV" for c, _ in codes)
                                       and all(len(c) <= 6 for c, _ in codes)):
            continue  # one word: only rulers go by one name ("Suharto"); the rest are typos
        aliases = uniq([primary] + [person_case(n) for n in e["names"][1:]
                                    if person_alias_ok(person_case(n), role_nouns)])
        key = primary.lower()
        if key in people:  # the same name filed twice: one entry (two countries: dropped below)
            people[key]["codes"] += codes
            people[key]["aliases"] = uniq(people[key]["aliases"] + aliases)
        else:
            people[key] = {"aliases": aliases, "codes": codes}
    # the team's people win: drop a Phoenix person who shares any name with them
    people = {k: p for k, p in people.items() if not any(a.lower() in taken for a in p["aliases"])}
    timelines = {k: person_timeline(p["codes"], country_codes, lifetimes)
                 for k, p in people.items()}
    timelines = {k: t for k, t in timelines.items() if t}
    given = Counter()
    owners = defaultdict(set)
    for k, t in timelines.items():
        for a in people[k]["aliases"]:
            toks = _name_tokens(a)
            given.update(toks[:-1])
            owners[a.lower()].add(frozenset(p[2] for p in t))

    surnames_all = {_name_tokens(p["aliases"][0])[-1] for p in people.values()
                    if " " in p["aliases"][0]}

    def glued(word: str) -> bool:
        """'Mauwilliamson', 'Pattrovoada': a first name glued to a known surname."""
        return any(word[i:] in surnames_all for i in range(2, len(word) - 3))

    def keep(alias: str, person: dict) -> bool:
        low = alias.lower()
        toks = _name_tokens(alias)
        if low in static_names or len(owners[low]) > 1:
            return False  # a name of people with different countries (or of one filed twice)
        if all(t in non_nouns for t in toks):
            return False  # "Grace Love"-like phrases of ordinary words
        if len(toks) == 1:
            surnames = {_name_tokens(a)[-1] for a in person["aliases"] if " " in a}
            mononym = " " not in person["aliases"][0] and not glued(toks[0])
            return (len(toks[0]) >= 4 and toks[0] not in common and toks[0] not in given
                    and toks[0] not in role_nouns and (toks[0] in surnames or mononym))
        return True

    rows = []
    for k, t in timelines.items():
        aliases = [a for a in people[k]["aliases"] if keep(a, people[k])]
        if not aliases:
            continue
        name = "|".join(aliases)
        for start, end, actor, sector, role in t:
            rows.append([name, actor, sector, role, start.isoformat() if start else "",
                         end.isoformat() if end else ""])
    return rows


def build_people(ref: Path, country_codes: set[str], org_codes: set[str],
                 static_names: set[str], role_nouns: set[str], words: frozenset[str],
                 non_nouns: frozenset[str], lifetimes: dict[str, tuple] | None = None) -> list[list]:
    rows = []
    taken = set()
    for r in read_people_additions():
        if r["country"] not in country_codes and r["country"] not in org_codes:
            raise SystemExit(f"people ({r['_file']}): unknown actor code {r['country']!r} for {r['name']}")
        for d in (r["valid_from"], r["valid_to"]):
            if d:
                _dt.date.fromisoformat(d)
        taken.update(n.lower() for n in split_pipes(r["name"]))
        rows.append([r["name"], r["country"], r["actor_type"], r["role"], r["valid_from"],
                     r["valid_to"]])
    rows += phoenix_people(ref, country_codes, static_names, role_nouns, words, non_nouns, taken,
                           lifetimes)
    return order_people(rows, country_codes)


def order_people(rows: list[list], country_codes: set[str]) -> list[list]:
    """Rows of one person (rows linked by a shared name) together, ordered so that the loader,
    which takes the first row valid on a date, prefers a state role to an organization's
    (Ramaphosa is ZAF, not ANC, while leading both) and then the latest appointment."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in rows:
        names = [n.lower() for n in split_pipes(r[0])]
        for n in names[1:]:
            parent[find(n)] = find(names[0])
    groups = defaultdict(list)
    for r in {tuple(r): None for r in rows}:  # exact duplicates once
        groups[find(split_pipes(r[0])[0].lower())].append(list(r))
    out = []
    for g in sorted(groups.values(), key=lambda g: min(r[0].lower() for r in g)):
        g = sorted(g, key=lambda r: (r[0].lower(), r[3], r[1], r[5]))
        g.sort(key=lambda r: r[4], reverse=True)  # latest appointment first
        g.sort(key=lambda r: r[1] not in country_codes)  # state roles first
        out += g
    return out


# ----------------------------------------------------------------------------- verbs

def parse_cameo_verbs(ref: Path, valid: set[str]) -> list[tuple[str, str, str, str]]:
    """(lemma, particle, object_head, code) facts from PETRARCH-2's CAMEO.2.0.txt."""
    text = (ref / "CAMEO.2.0.txt").read_bytes().decode("latin-1")
    text = text[text.index("####### VERB PATTERNS"):]
    facts = []
    header_code = None
    block_verb = ""

    def code_of(s):
        m = re.search(r"\[(\d{2,4})(?::[\d]*)?\]", s)
        return m.group(1) if m and m.group(1) in valid else None

    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]", line)
            c = m.group(2).split(":")[0] if m else ""
            header_code = c if c in valid else None
            # a pattern line without its "# VERB" comment ("- * WAR [190]" under "--- WAGE") is
            # the block's own verb's
            block_verb = m.group(1).lower() if m else ""
            continue
        if line.startswith("#") or line.startswith("&"):
            continue
        if line.startswith("-"):
            body, _, comment = line[1:].partition("#")
            verb = (comment.split() or [block_verb])[0].lower()
            code = code_of(body)
            if not code or not re.fullmatch(r"[a-z]+", verb):
                continue
            pat = body.split("[")[0].split()
            if not pat or pat[0] != "*":
                continue
            rest = pat[1:]
            if len(rest) == 1 and re.fullmatch(r"[A-Z]+", rest[0]):
                w = rest[0].lower()
                if w in PARTICLES:
                    facts.append((verb, w, "", code))
                else:
                    facts.append((verb, "", w, code))
            elif len(rest) == 1 and re.fullmatch(r"\([A-Z]+\)", rest[0]):
                w = rest[0][1:-1].lower()
                if w in PARTICLES:
                    facts.append((verb, w, "", code))
            elif (len(rest) == 2 and rest[0].lower() in PARTICLES
                  and re.fullmatch(r"[A-Z]+", rest[1])):
                facts.append((verb, rest[0].lower(), rest[1].lower(), code))
            continue
        # verb line: "VERB {forms} [code]  # comment" or "+VERB_PARTICLE {...} [code]"
        body = line.split("#")[0]
        word = body.split("{")[0].split("[")[0].strip()
        code = code_of(body) or header_code
        if not word or not code:
            continue
        if word.startswith("+"):
            parts = word[1:].strip("_").lower().split("_")
            if len(parts) == 2 and parts[1] in PARTICLES and re.fullmatch(r"[a-z]+", parts[0]):
                facts.append((parts[0], parts[1], "", code))
            continue
        if re.fullmatch(r"[A-Z]+", word):
            facts.append((word.lower(), "", "", code))
    return facts


# A rule with this code says "this verb with this object is not an event" ("met the press").
NOT_AN_EVENT = "-"


def _number_variants(noun: str) -> set[str]:
    """The noun's other number, as a rule's object might spell it: "troop"/"troops",
    "restriction"/"restrictions", "atrocity"/"atrocities"."""
    if not noun or " " in noun:
        return set()
    if noun.endswith("ies"):
        return {noun[:-3] + "y", noun[:-1]}
    if noun.endswith("s") and not noun.endswith("ss"):
        return {noun[:-1], noun[:-2]} if noun.endswith("es") else {noun[:-1]}
    return {noun + "s", noun + "es", noun[:-1] + "ies"} if noun.endswith("y") else {noun + "s", noun + "es"}


def _fold_number(votes: dict) -> dict:
    """One vote count for a noun's singular and plural. The extractor matches an object by its
    lemma and its own form (transforms/extract/clauses.object_heads), so "withdrew troops" meets
    both a "troop" and a "troops" rule; two codes for them would be decided by code order, not by
    the dictionary. Each form keeps its own key, with the votes of both."""
    folded = {}
    for (lemma, particle, noun), counts in votes.items():
        merged = Counter(counts)
        for other in _number_variants(noun):
            merged.update(votes.get((lemma, particle, other), {}))
        folded[(lemma, particle, noun)] = merged
    return folded


def build_verbs(ref: Path, valid: set[str]) -> list[list]:
    # key (lemma, particle, noun or "") -> code; additions win, then the most frequent
    # code in the reference dictionary (ties: lowest code).
    ref_votes = defaultdict(Counter)
    for lemma, particle, noun, code in parse_cameo_verbs(ref, valid):
        if not noun and not particle and lemma in GENERIC_VERBS:
            continue
        ref_votes[(lemma, particle, noun)][code] += 1
    ref_votes = _fold_number(ref_votes)
    chosen = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
              for k, v in ref_votes.items()}
    seen_add = set()
    added = {}
    for row in read_additions("verbs.csv"):
        code = row["code"]
        if code not in valid and code != NOT_AN_EVENT:
            raise SystemExit(f"verbs additions: unknown CAMEO code {code} ({row})")
        heads = split_pipes(row["object_heads"]) or [""]
        for h in heads:
            key = (row["lemma"].lower(), row["particle"].lower(), h.lower())
            if key in seen_add:
                raise SystemExit(f"verbs additions: duplicate rule {key}")
            seen_add.add(key)
            chosen[key] = code
            for other in _number_variants(key[2]):  # "withdraw troops" rules "withdraw troop" too
                variant = (key[0], key[1], other)
                if variant in added and added[variant] != code:
                    raise SystemExit(f"verbs additions: {key} and {variant} differ in code only by number")
                if variant in chosen and variant not in seen_add:
                    chosen[variant] = code
            added[key] = code
    # group object heads per (lemma, particle, code)
    grouped = defaultdict(set)
    for (lemma, particle, noun), code in chosen.items():
        grouped[(lemma, particle, code, bool(noun))].add(noun)
    rows = []
    for (lemma, particle, code, has_obj), nouns in grouped.items():
        heads = "|".join(sorted(n for n in nouns if n)) if has_obj else ""
        rows.append([lemma, particle, heads, code])
    rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
    return rows


# ----------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reference", nargs="?", default=str(REPO.parent / "shared" / "reference"))
    ap.add_argument("--out", default=str(DATA), help="directory to write the tables to (default: schemas/data)")
    args = ap.parse_args(argv)
    global OUT
    OUT = Path(args.out)
    ref = Path(args.reference)
    if not (ref / "cameo-codes.csv").exists():
        print(f"reference directory not found: {ref}", file=sys.stderr)
        return 2

    cameo = build_cameo(ref)
    n = write_csv("cameo.csv", ["code", "name", "root", "quad_class", "goldstein", "mode", "future", "announced"],
                  [cameo[c] for c in sorted(cameo)])
    print(f"cameo.csv: {n} rows")

    countries = build_countries(ref)
    print(f"countries.csv: {write_csv('countries.csv', ['code', 'name', 'names', 'demonyms', 'metonyms', 'valid_from', 'valid_to'], countries)} rows")
    ccodes = {r[0] for r in countries}

    words, non_nouns = english_words()
    country_names = {n.lower() for r in countries for cell in r[1:5] for n in split_pipes(cell)}
    orgs = build_organizations(ref, ccodes, country_names, words, non_nouns)
    print(f"organizations.csv: {write_csv('organizations.csv', ['code', 'kind', 'country', 'names'], orgs)} rows")
    ocodes = {r[0] for r in orgs}

    roles = build_roles(ref)
    print(f"roles.csv: {write_csv('roles.csv', ['noun', 'actor_type'], roles)} rows")
    static_names = country_names | {n.lower() for r in orgs for n in split_pipes(r[3]) + [r[0]]}
    people = build_people(ref, ccodes, ocodes, static_names, {r[0] for r in roles}, words,
                          non_nouns, dissolved_states(countries))
    print(f"people.csv: {write_csv('people.csv', ['name', 'country', 'actor_type', 'role', 'valid_from', 'valid_to'], people)} rows")
    verbs = build_verbs(ref, set(cameo))
    print(f"verbs.csv: {write_csv('verbs.csv', ['lemma', 'particle', 'object_heads', 'code'], verbs)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
