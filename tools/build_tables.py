#!/usr/bin/env python3
"""Build eventwire's ontology tables (schemas/data/*.csv) from third-party reference files.

Dev-time only.  Reads the reference dictionaries (CAMEO codes, PETRARCH-2 / Phoenix
dictionaries, CountryInfo; see ../shared/reference/PROVENANCE.md), extracts the facts we
use (codes, names, scores, verb->code and noun->role assignments), merges the team's
hand-written additions from schemas/data/additions/*.csv and writes deterministic, sorted,
UTF-8 CSV tables into schemas/data/.

    python tools/build_tables.py [REFERENCE_DIR] [--out DIR]

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
                 "refute", "allay", "worry", "concern", "consider", "notify", "invite"}


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


def read_additions(name: str) -> list[dict]:
    path = ADDITIONS / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


def write_csv(name: str, header: list[str], rows: list[list]) -> int:
    DATA.mkdir(parents=True, exist_ok=True)
    with (DATA / name).open("w", encoding="utf-8", newline="") as f:
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
    return rows


# ----------------------------------------------------------------------------- organizations

# CAMEO actor codes of the Phoenix dictionaries -> our organization codes.
CAMEO_ORG = {
    "IGOUNO": "UN", "IGOWSTNAT": "NATO", "IGOEUREEC": "EU", "IGOUNOIAE": "IAEA",
    "IGOUNOJUDICJ": "ICJ", "IGOJUDICC": "ICC", "IGOBUSIMF": "IMF", "IGOUNOWBK": "WB",
    "IGOBUSWTO": "WTO", "IGOSEAASN": "ASEAN", "IGOMEAARL": "ARL", "IGOCASCIS": "CIS",
    "IGOCWN": "CWN", "IGOEURCOE": "COE", "IGOWAFWAS": "ECOWAS", "IGOCOPITP": "INTERPOL",
    "IGOAFROAU": "AU", "IGOAFRAFU": "AU", "IGOMOSOIC": "OIC", "IGOOAS": "OAS", "IGOOPC": "OPEC",
    "IGOBUSOPC": "OPEC", "IGONON": "NAM", "IGOSAFSAD": "SADC", "IGOPGSGCC": "GCC",
    "IGOGOS": "G7", "IGOCRB": "CARICOM", "IGODEVIAD": "IGAD", "IGOUNOLABILO": "ILO",
    "IGOUNOENV": "IPCC", "IGOUNOKID": "UNICEF", "IGOUNOWFP": "WFP", "IGOUNOAIE": "IEA",
    "IGOCAFECA": "ECCAS", "IGOBUSBIS": "BIS", "IGOBUSGSS": "G77",
    "PSEREBHMS": "HAMAS", "NGAREB": "BOKO_HARAM", "NGOHRIAMN": "AMNESTY",
    "NGOHLHMSF": "MSF", "NGOICG": "ICG", "NGOBUSWEF": "WEF", "NGOHRIMED": "CPJ",
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


def build_organizations(ref: Path, country_codes: set[str]) -> list[list]:
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


# ----------------------------------------------------------------------------- roles

def build_roles(ref: Path) -> list[list]:
    roles = {}
    for raw in (ref / "Phoenix.agents.txt").read_bytes().decode("utf-8", errors="replace").split("\n"):
        line = raw.split("#")[0].strip()
        m = re.match(r"^([A-Z][A-Z'-]*)\s*\[~([A-Z]{3})[A-Z]*\]", line)
        if not m:
            continue
        noun = m.group(1).lower()
        roles.setdefault(noun, m.group(2))
    # singular lemmas only: drop a plural when its singular is present
    for noun in list(roles):
        for sing in (noun[:-1], noun[:-2], noun[:-3] + "y" if noun.endswith("ies") else None):
            if sing and noun.endswith("s") and sing in roles and sing != noun:
                roles.pop(noun, None)
                break
    for row in read_additions("roles.csv"):
        roles[row["noun"].lower()] = row["actor_type"]
    return [[n, t] for n, t in sorted(roles.items()) if re.fullmatch(r"[a-z][a-z'-]*", n)]


# ----------------------------------------------------------------------------- people

def build_people(country_codes: set[str], org_codes: set[str]) -> list[list]:
    rows = []
    for r in read_additions("people.csv"):
        if r["country"] not in country_codes and r["country"] not in org_codes:
            raise SystemExit(f"people: unknown actor code {r['country']!r} for {r['name']}")
        for d in (r["valid_from"], r["valid_to"]):
            if d:
                _dt.date.fromisoformat(d)
        rows.append([r["name"], r["country"], r["actor_type"], r["role"], r["valid_from"],
                     r["valid_to"]])
    return sorted(rows, key=lambda x: (x[0].lower(), x[4], x[3]))


# ----------------------------------------------------------------------------- verbs

def parse_cameo_verbs(ref: Path, valid: set[str]) -> list[tuple[str, str, str, str]]:
    """(lemma, particle, object_head, code) facts from PETRARCH-2's CAMEO.2.0.txt."""
    text = (ref / "CAMEO.2.0.txt").read_bytes().decode("latin-1")
    text = text[text.index("####### VERB PATTERNS"):]
    facts = []
    header_code = None

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
            continue
        if line.startswith("#") or line.startswith("&"):
            continue
        if line.startswith("-"):
            body, _, comment = line[1:].partition("#")
            verb = (comment.split() or [""])[0].lower()
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


def build_verbs(ref: Path, valid: set[str]) -> list[list]:
    # key (lemma, particle, noun or "") -> code; additions win, then the most frequent
    # code in the reference dictionary (ties: lowest code).
    ref_votes = defaultdict(Counter)
    for lemma, particle, noun, code in parse_cameo_verbs(ref, valid):
        if not noun and not particle and lemma in GENERIC_VERBS:
            continue
        ref_votes[(lemma, particle, noun)][code] += 1
    chosen = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
              for k, v in ref_votes.items()}
    seen_add = set()
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
    args = ap.parse_args(argv)
    ref = Path(args.reference)
    if not (ref / "cameo-codes.csv").exists():
        print(f"reference directory not found: {ref}", file=sys.stderr)
        return 2

    cameo = build_cameo(ref)
    n = write_csv("cameo.csv", ["code", "name", "root", "quad_class", "goldstein"],
                  [cameo[c] for c in sorted(cameo)])
    print(f"cameo.csv: {n} rows")

    countries = build_countries(ref)
    print(f"countries.csv: {write_csv('countries.csv', ['code', 'name', 'names', 'demonyms', 'metonyms'], countries)} rows")
    ccodes = {r[0] for r in countries}

    orgs = build_organizations(ref, ccodes)
    print(f"organizations.csv: {write_csv('organizations.csv', ['code', 'kind', 'country', 'names'], orgs)} rows")
    ocodes = {r[0] for r in orgs}

    print(f"roles.csv: {write_csv('roles.csv', ['noun', 'actor_type'], build_roles(ref))} rows")
    print(f"people.csv: {write_csv('people.csv', ['name', 'country', 'actor_type', 'role', 'valid_from', 'valid_to'], build_people(ccodes, ocodes))} rows")
    verbs = build_verbs(ref, set(cameo))
    print(f"verbs.csv: {write_csv('verbs.csv', ['lemma', 'particle', 'object_heads', 'code'], verbs)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
