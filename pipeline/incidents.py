"""The `incidents` view: one row per real-world incident, over the `events` view.

Event rows stay one per event per article: they are the mentions, each with its evidence.
Rows that report the same incident share an `incident_id` (set by the writer,
transforms/incidents/); this view folds them into one row that can be counted, with
how widely the incident was reported (mentions, articles, distinct sources) and a
confidence corroborated by independent sources. Rows written before the column existed
read it as null and are each an incident of their own (their event_id stands in).

The view is built on `events`, so it covers exactly the files `events` covers: `--since`,
`--until` and `--actor` (which narrow the file listing) narrow both, and an incident whose
rows straddle the window is folded from the rows inside it.

Every choice breaks its ties the same way, so the view gives the same answer on every
machine and in any file order: the "most confident row" is the highest confidence, then the
earliest published, then the smallest event_id.
"""
from __future__ import annotations

# Confidence inputs are capped below 1: a single row claiming certainty would otherwise
# make every other source irrelevant (1 - 0 = 0 whatever the others say).
CONFIDENCE_CAP = 0.99

INCIDENTS_VIEW = f"""
CREATE VIEW incidents AS
WITH
-- Each event row is one mention of its incident; a row without incident_id is its own incident.
-- Materialized: every vote below reads it, and the files are read once.
mention AS MATERIALIZED (
    SELECT
        coalesce(incident_id, event_id) AS incident,
        coalesce(event_date, date) AS day,
        -- rank 1: the incident's most confident row
        row_number() OVER (
            PARTITION BY coalesce(incident_id, event_id)
            ORDER BY confidence DESC NULLS LAST, published NULLS LAST, event_id
        ) AS rank,
        least(coalesce(confidence, 0)::DOUBLE, {CONFIDENCE_CAP}) AS capped_confidence,
        date, actor, actor_name, target, event_code, event_root, event_name, quad_class, goldstein,
        article_id, source, published, sentence, url
    FROM events
),
-- The incident's day: the day most of its rows give (ties: the earliest).
day_vote AS (
    SELECT incident, first(day ORDER BY n DESC, day) AS event_date
    FROM (SELECT incident, day, count(*) AS n FROM mention GROUP BY incident, day)
    GROUP BY incident
),
-- The agreed code: the one most rows give (ties: the code of the most confident row).
code_vote AS (
    SELECT incident, first(event_code ORDER BY n DESC, best_rank) AS event_code
    FROM (SELECT incident, event_code, count(*) AS n, min(rank) AS best_rank
          FROM mention GROUP BY incident, event_code)
    GROUP BY incident
),
-- Root, name, quad class and Goldstein score of the agreed code, from its most confident row.
coded AS (
    SELECT DISTINCT ON (incident) incident, event_root, event_name, quad_class, goldstein
    FROM mention JOIN code_vote USING (incident, event_code)
    ORDER BY incident, rank
),
-- The evidence shown for the incident: its most confident row.
best AS (
    SELECT incident, actor, actor_name, sentence AS evidence, url FROM mention WHERE rank = 1
),
-- The target most rows name (ties: the most confident row's); null when no row names one. In an
-- incident of two sides (a meeting: transforms/incidents/rules.py) a row of the other side toward
-- the shown actor votes for its own actor: the target is always the other side.
target_vote AS (
    SELECT incident, first(side ORDER BY n DESC, best_rank) AS target
    FROM (SELECT incident, side, count(*) AS n, min(rank) AS best_rank
          FROM (SELECT m.incident, m.rank,
                       CASE WHEN m.target = b.actor THEN m.actor ELSE m.target END AS side, b.actor AS shown
                FROM mention m JOIN best b USING (incident) WHERE m.target IS NOT NULL)
          WHERE side <> shown GROUP BY incident, side)
    GROUP BY incident
),
-- Corroborated confidence: each source counts once, by its most confident row, and the
-- incident is wrong only if every source is: 1 - prod(1 - best of each source).
corroborated AS (
    SELECT incident, 1 - product(1 - best) AS confidence
    FROM (SELECT incident, source, max(capped_confidence) AS best FROM mention GROUP BY incident, source)
    GROUP BY incident
),
-- How widely it was reported, and when.
tally AS (
    SELECT incident, count(*) AS mentions, count(DISTINCT article_id) AS articles,
           count(DISTINCT source) AS sources, min(published) AS first_seen, max(published) AS last_seen,
           min(date) AS date
    FROM mention GROUP BY incident
)
SELECT
    incident AS incident_id, event_date, actor, actor_name, target,
    event_code, event_root, event_name, quad_class, goldstein,
    mentions, articles, sources, first_seen, last_seen,
    evidence, url, confidence, date
FROM tally
JOIN best USING (incident)
JOIN day_vote USING (incident)
JOIN code_vote USING (incident)
JOIN coded USING (incident)
JOIN corroborated USING (incident)
LEFT JOIN target_vote USING (incident)
"""


def top_incidents_sql(where: str, limit: int) -> str:
    """The `--top-incidents` report: the most widely reported incidents first."""
    return (
        "SELECT event_date, actor, target, event_code, event_name, mentions, articles, sources, "
        "round(confidence, 3) AS confidence, evidence, url "
        f"FROM incidents WHERE {where} "
        f"ORDER BY sources DESC, mentions DESC, event_date DESC, incident_id LIMIT {int(limit)}"
    )
