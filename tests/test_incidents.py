"""Incidents (issue 11): the grouping rules on hand-made rows, and the same incident_ids from
real runs over the team's invented multi-outlet feeds (tests/data/incidents/) in any order,
incrementally or at once, with one worker or two."""
from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil

import pytest
from conftest import ROOT
from runs_helpers import run_ok

from pipeline.query import run_query
from transforms.incidents import rules

FEEDS = ROOT / "tests" / "data" / "incidents"
MON, TUE = dt.date(2026, 11, 16), dt.date(2026, 11, 17)


def row(event_id, sentence, *, actor="RUS", root="19", target="UKR", event_date=MON, date=MON, hour=9, title="",
        basis=None, code=None, action=None, object=None, target_country=None):
    published = dt.datetime.combine(date, dt.time(hour), tzinfo=dt.timezone.utc)
    return rules.IncidentRow(event_id, actor, root, target, event_date, date, published, title, sentence, basis,
                             code, action, object, target_country)


def groups(rows):
    labels = rules.assign(rows)
    found: dict[str, set] = {}
    for event_id, label in labels.items():
        found.setdefault(label, set()).add(event_id)
    return sorted(sorted(g) for g in found.values())


# ---------------------------------------------------------------- the rules

def test_outlets_reporting_one_strike_are_one_incident_even_coded_18_and_19_and_a_day_later():
    rows = [
        row("a", "Russia fired missiles at Kharkiv on Monday, damaging a power station.", root="19"),
        row("b", "Russian missiles hit Kharkiv on Monday, cutting power.", root="18", hour=11),
        # the next day's article about Monday's strike: event_date Monday, published Tuesday
        row("c", "Russia's strike on Kharkiv on Monday left thousands without power.", date=TUE, hour=7),
    ]
    assert groups(rows) == [["a", "b", "c"]]


def test_troops_seizing_a_building_and_raiding_it_are_one_incident_but_confiscation_is_not():
    rows = [
        row("a", "Russian troops raided the Kharkiv power station on Monday.", root="19", code="190"),
        row("b", "Russian troops seized the Kharkiv power station on Monday.", root="17", code="171", hour=10),
        row("c", "Russian troops destroyed the Kharkiv power station on Monday.", root="17", code="1712", hour=11),
        row("d", "Russia confiscated the Kharkiv power station's assets on Monday.", root="17", code="1711", hour=12),
    ]
    assert groups(rows) == [["a", "b", "c"], ["d"]]
    assert rules.action_of("1711") == rules.action_of("163") != rules.action_of("1712") == rules.action_of("19")


def test_troops_searching_a_place_are_the_raid_but_an_interrogation_stays_an_investigation():
    """An investigation (09) whose action is a ground means (troops searching a place) is the
    raid told another way; questioning people is not."""
    raid = row("raid", "Ghanaian troops raided the Tamale hospital on Monday.", actor="GHA", target="TGO",
               root="19", code="190", action="raid", object="the Tamale hospital")
    search = row("search", "Ghanaian troops searched the Tamale hospital on Monday.", actor="GHA", target="TGO",
                 root="09", code="090", action="search", object="the Tamale hospital", hour=11)
    questioning = row("questioning", "Ghanaian troops questioned doctors at the Tamale hospital on Monday.",
                      actor="GHA", target="TGO", root="09", code="090", action="question", object="doctors", hour=12)
    assert groups([raid, search, questioning]) == [["questioning"], ["raid", "search"]]
    assert rules.row_action(search) == rules.row_action(raid) == "attack" != rules.row_action(questioning)


def test_an_attack_on_a_group_and_on_its_country_are_aimed_at_one_side():
    """A group's country is its side: "a raid on a Togolese militia's camp" and "a raid in Togo"
    are aimed at one side, as a row naming no target may be; two countries stay apart."""
    on_group = row("group", "Ghanaian troops raided a militia camp near Kara on Monday.", actor="GHA",
                   target="TGO_MILITIA", target_country="TGO", root="19", code="190")
    on_country = row("country", "Ghana raided a militia camp near Kara in Togo on Monday.", actor="GHA",
                     target="TGO", target_country="TGO", root="19", code="190", hour=10)
    assert groups([on_group, on_country]) == [["country", "group"]]
    elsewhere = on_country._replace(target="BFA", target_country="BFA")
    assert groups([on_group, elsewhere]) == [["country"], ["group"]]


def test_rows_that_share_only_the_names_of_sides_and_places_are_not_linked():
    """Every row of a block names its sides: sharing "Ghana" and "Togo" (or a city) says nothing
    about which incident; a shared word about what happened does."""
    names_only = [row("a", "Ghana strikes Togo.", actor="GHA", target="TGO"),
                  row("b", "Togo says Ghana attacked Lome.", actor="GHA", target="TGO", hour=10)]
    assert groups(names_only) == [["a"], ["b"]]
    sharing_what = [row("c", "Ghana strikes Togo border posts.", actor="GHA", target="TGO"),
                    row("d", "Ghanaian jets hit Togo border posts near Lome.", actor="GHA", target="TGO", hour=10)]
    assert groups(sharing_what) == [["c", "d"]]


def test_a_day_named_by_a_sentence_reaches_into_the_next_utc_morning():
    """A Monday evening in Washington is Tuesday morning in UTC: an undated report published on
    Tuesday afternoon (UTC) still meets the rows that date the dinner to Monday; one published
    that evening does not."""
    dated = row("a", "Russia's envoy hosted a dinner for Ukraine's envoy in Washington on Monday.", actor="RUS",
                root="04", basis="sentence")
    afternoon = row("b", "Russia's envoy hosted Ukraine's envoy at a dinner in Washington.", root="04",
                    event_date=TUE, date=TUE, hour=14, basis="published")
    evening = row("c", "Russia's envoy hosted Ukraine's envoy at a dinner in Washington.", root="04",
                  event_date=TUE, date=TUE, hour=20, basis="published")
    assert groups([dated, afternoon]) == [["a", "b"]]
    assert groups([dated, evening]) == [["a"], ["c"]]


def test_a_row_without_a_target_joins_the_target_its_words_match():
    rows = [row("a", "Russia fired missiles at Kharkiv, damaging the power station."),
            row("b", "Missiles fired by Russia hit Kharkiv and the power station.", target=None)]
    assert groups(rows) == [["a", "b"]]
    # with two targets in the block it joins the one whose rows share its words most ...
    other = row("c", "A drone crashed into a barn in a Polish village near the border.", target="POL")
    assert groups(rows + [other]) == [["a", "b"], ["c"]]
    # ... and stays apart when it shares words with neither
    unrelated = row("d", "Moscow denied any role in the shelling of the grain terminal.", target=None)
    assert ["d"] in groups(rows + [other, unrelated])


def test_the_two_sides_of_a_meeting_are_one_incident_but_not_of_two_attacks():
    """A meeting, an agreement, joint cooperation: A's row toward B and B's toward A report one
    incident (rules.MUTUAL_ACTIONS). Attacks each way are two: a strike and the reply."""
    rows = [
        row("a", "Ghana's president met Togo's president in Lome on Monday.", actor="GHA", target="TGO", root="04"),
        row("b", "Togo's president received Ghana's president in Lome on Monday.", actor="TGO", target="GHA",
            root="04", hour=12),
        row("c", "Ghana shelled Togo's border posts on Monday.", actor="GHA", target="TGO", root="19"),
        row("d", "Togo shelled Ghana's border posts on Monday.", actor="TGO", target="GHA", root="19", hour=12),
    ]
    assert groups(rows) == [["a", "b"], ["c"], ["d"]]
    assert rules.block_key(rows[0]) == rules.block_key(rows[1]) == ("GHA+TGO", "04", MON)


def test_a_trip_and_the_talks_held_during_it_are_two_incidents():
    """The trip (042) is one incident, the meeting during it another; the host's side of the
    meeting ("hosted ... for talks", 043) is the meeting."""
    rows = [
        row("arrive", "Ghana's president arrived in Lome on Monday for talks.", actor="GHA", target="TGO",
            root="04", code="042"),
        row("host", "Togo hosted Ghana's president in Lome on Monday for talks.", actor="TGO", target="GHA",
            root="04", code="043", hour=10),
        row("meet", "Ghana's president met Togo's president in Lome on Monday for talks.", actor="GHA",
            target="TGO", root="04", code="040", hour=11),
    ]
    assert groups(rows) == [["arrive"], ["host", "meet"]]


def test_a_paper_published_just_after_utc_midnight_may_mean_the_day_before_by_today():
    """"met today" published at 00:30 UTC on Tuesday was read as Tuesday; an American writer's
    today was Monday, so the row also covers Monday and meets Monday evening's report."""
    meeting = "Ghana's president met Togo's president in Lome."
    evening = row("mon", meeting, actor="GHA", target="TGO", root="04", hour=20, basis="published")
    after_midnight = row("tue", meeting, actor="GHA", target="TGO", root="04", date=TUE, event_date=TUE, hour=0,
                         basis="sentence")
    assert groups([evening, after_midnight]) == [["mon", "tue"]]
    morning = after_midnight._replace(event_id="tue9", published=after_midnight.published.replace(hour=9))
    assert groups([evening, morning]) == [["mon"], ["tue9"]]


def test_a_domestic_act_names_no_side_and_joins_its_one_side_like_a_row_without_a_target():
    rows = [row("a", "Ghana arrested Togolese traders in Accra on Monday.", actor="GHA", root="17", target="TGO"),
            row("b", "Ghanaian police arrested traders in Accra on Monday.", actor="GHA", root="17", target="GHA",
                hour=11)]
    assert groups(rows) == [["a", "b"]]  # the same arrests, "b" coded as a domestic act


def test_look_alikes_stay_apart():
    two_cities = [row("kharkiv", "Russia struck Kharkiv with missiles on Monday."),
                  row("odesa", "Russia struck Odesa with missiles on Monday.")]
    assert groups(two_cities) == [["kharkiv"], ["odesa"]]
    a_week_apart = [row("t1", "The United States imposed tariffs on China.", actor="USA", root="17", target="CHN"),
                    row("t2", "The United States imposed tariffs on China.", actor="USA", root="17", target="CHN",
                        event_date=MON + dt.timedelta(days=7), date=MON + dt.timedelta(days=7))]
    assert groups(a_week_apart) == [["t1"], ["t2"]]
    meeting_and_agreement = [
        row("meet", "Xi met Lula in Beijing to discuss trade.", actor="CHN", root="04", target="BRA"),
        row("sign", "Xi and Lula signed a trade agreement in Beijing.", actor="CHN", root="05", target="BRA")]
    assert groups(meeting_and_agreement) == [["meet"], ["sign"]]
    unrelated_same_day = [row("x", "Russia shelled the Zaporizhzhia nuclear plant."),
                          row("y", "Russian forces captured a village after weeks of fighting.")]
    assert groups(unrelated_same_day) == [["x"], ["y"]]


def test_a_raid_and_a_shelling_of_one_place_stay_apart_even_through_a_row_that_names_neither():
    """Rule 3: rows naming contradicting means (troops entering, fire from a distance) are never
    one incident, even when a row that names no means ("an attack on the hospital") links to both."""
    raid = row("raid", "Ghanaian troops raided the Tamale hospital on Monday.", actor="GHA", target="TGO",
               action="raid", object="the Tamale hospital")
    shelling = row("shells", "Ghanaian shells hit the Tamale hospital on Monday.", actor="GHA", target="TGO",
                   action="hit", object="the Tamale hospital", hour=10)
    attack = row("attack", "Ghana's attack on the Tamale hospital on Monday drew protests.", actor="GHA",
                 target="TGO", action="attack", object="Ghana's attack on the Tamale hospital", hour=11)
    found = groups([raid, shelling, attack])
    assert len(found) == 2 and (["raid"] in found or ["shells"] in found)
    assert not any({"raid", "shells"} <= set(g) for g in found)
    for order in itertools.permutations([raid, shelling, attack]):
        assert groups(order) == found
    # without means the three are one incident: the words alone link them
    assert groups([r._replace(action=None, object=None) for r in (raid, shelling, attack)]) == [
        ["attack", "raid", "shells"]]
    # outlets name one bombardment many ways: those are one means ("air raids" is not a raid by troops)
    assert rules.means_of(row("x", "", action="launch", object="air raids on the port")) == {"fire"}
    assert rules.means_of(row("y", "", action="fire", object="missiles and drones")) == {"fire"}
    assert rules.means_of(row("z", "", action="carry", object="a raid on the port")) == {"ground"}
    assert rules.means_of(row("w", "", action="attack", object="the port")) == frozenset()


def test_an_undated_report_meets_what_happened_in_the_hours_before_it_was_published():
    summit = "Biden and Xi agreed to resume military talks at their summit in California."
    # Monday evening in California is Tuesday 01:00 UTC: the late report joins Monday's rows ...
    evening = [row("mon", summit, actor="USA", root="03", target="CHN", hour=20, basis="published"),
               row("tue", summit, actor="USA", root="03", target="CHN", date=TUE, event_date=TUE, hour=1,
                   basis="published")]
    assert groups(evening) == [["mon", "tue"]]
    # ... while undated look-alikes published a day apart, or one dated by its sentence to the
    # day before, are different incidents
    day_apart = [evening[0], row("next", summit, actor="USA", root="03", target="CHN", date=TUE, event_date=TUE,
                                 hour=21, basis="published")]
    assert groups(day_apart) == [["mon"], ["next"]]
    late = row("late", summit, actor="USA", root="03", target="CHN", date=TUE, event_date=TUE, hour=18,
               basis="published")  # its 12 hours start at 06:00 UTC, after Monday's day (and DAY_LATE_HOURS)
    dated_earlier = row("dated", summit, actor="USA", root="03", target="CHN", date=TUE, event_date=MON, hour=16,
                        basis="sentence")
    assert groups([late, dated_earlier]) == [["dated"], ["late"]]
    # the incident is named after its earliest day
    assert rules.assign(evening)["tue"].startswith(MON.isoformat())


def test_the_grouping_and_the_ids_do_not_depend_on_row_order():
    rows = [
        row("a", "Russia fired missiles at Kharkiv on Monday, damaging a power station."),
        row("b", "Russian missiles hit Kharkiv on Monday, cutting power.", root="18", hour=11),
        row("c", "Russia's strike on Kharkiv on Monday left thousands without power.", date=TUE, hour=7),
        row("d", "Russia struck Odesa with drones on Monday, hitting the port.", hour=8),
        row("e", "Drones launched by Russia hit the port of Odesa on Monday.", target=None, hour=12),
    ]
    first = rules.assign(rows)
    for order in itertools.permutations(rows):
        assert rules.assign(order) == first
    # the incident is named after its earliest row: adding a later report changes no id
    later = row("f", "Russian missiles hit Kharkiv on Monday; power is back.", date=TUE, hour=20)
    assert {k: v for k, v in rules.assign(rows + [later]).items() if k != "f"} == first


# ---------------------------------------------------------------- real runs

def mapping(output) -> dict[str, str]:
    return dict(run_query(str(output), "SELECT event_id, incident_id FROM events")[1])


@pytest.fixture(scope="module")
def at_once(tmp_path_factory):
    output = tmp_path_factory.mktemp("incidents") / "at-once"
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "all")
    return output


def test_the_invented_stories_group_as_a_reader_would(at_once):
    rows = run_query(str(at_once), "SELECT incident_id, url FROM events")[1]
    by_incident: dict[str, set] = {}
    for incident, url in rows:
        by_incident.setdefault(incident, set()).add(url.rsplit("/", 1)[1])
    incidents = sorted(sorted(v) for v in by_incident.values())
    kharkiv = {"kharkiv-strike", "kharkiv-missiles", "kharkiv-day-after", "kharkiv-overnight"}
    assert any(kharkiv <= set(group) for group in incidents), incidents  # three outlets, two days
    assert not any({"kharkiv-strike", "odesa-drones"} <= set(group) for group in incidents)
    assert ["eu-iran-sanctions", "eu-iran-sanctions-c"] in incidents
    assert not any({"us-china-tariffs", "us-china-tariffs-again"} <= set(group) for group in incidents)
    assert not any({"xi-lula-talks", "china-brazil-deal"} <= set(group) for group in incidents)
    # one meeting, each outlet naming a different side first (Ghana → Togo, Togo → Ghana)
    assert ["ghana-togo-talks", "togo-hosts-ghana"] in incidents


def test_the_incidents_view_shows_the_other_side_of_a_meeting_as_its_target(at_once):
    rows = run_query(str(at_once), "SELECT actor, target, mentions, sources, event_code FROM incidents "
                                   "WHERE actor IN ('GHA', 'TGO') AND event_root = '04'")[1]
    meetings = [({actor, target}, mentions, sources) for actor, target, mentions, sources, code in rows
                if not code.startswith("042")]
    assert meetings == [({"GHA", "TGO"}, 2, 2)]
    # "Togo's president received his Ghanaian counterpart": the visitor's trip is an incident of
    # its own (schemas/data/incident_actions.csv), apart from the talks held during it
    trips = [(actor, target, mentions) for actor, target, mentions, _, code in rows if code.startswith("042")]
    assert trips == [("GHA", "TGO", 1)]


@pytest.mark.parametrize("order", [["wire-a", "wire-b", "wire-c"], ["wire-c", "wire-b", "wire-a"],
                                   ["wire-b", "wire-c", "wire-a"]])
def test_incremental_runs_in_any_order_give_the_same_incidents(tmp_path, at_once, order):
    output = tmp_path / "out"
    relabelled = 0
    for index, name in enumerate(order):
        run_ok("--feeds", FEEDS / f"{name}.rss", "--output", output, "--run_id", f"r{index}")
        report = json.loads((output / "_reports" / f"r{index}.json").read_text())
        relabelled += report["counters"].get("incident_rows_relabelled", 0)
    assert mapping(output) == mapping(at_once)
    if order[0] == "wire-c":  # the earliest reports come last: committed rows took the earlier ids
        assert relabelled > 0


def test_two_workers_and_a_rerun_give_the_same_incidents(tmp_path, at_once):
    output = tmp_path / "out"
    run_ok("--feeds", FEEDS, "--output", output, "--run_id", "two",
           "--direct_num_workers", "2", "--direct_running_mode", "multi_processing")
    assert mapping(output) == mapping(at_once)
    copy = tmp_path / "again"
    shutil.copytree(at_once, copy)
    run_ok("--feeds", FEEDS, "--output", copy, "--run_id", "again", "--reprocess")
    assert mapping(copy) == mapping(at_once)  # re-running never splits or duplicates an incident
