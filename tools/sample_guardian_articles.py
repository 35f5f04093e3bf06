"""Draw the whole-article part of the real-text development sample (issue 10): Guardian articles, 30% frozen as test.

Usage: python tools/sample_guardian_articles.py OUTDIR  (writes OUTDIR/guardian_sample.jsonl for coding by hand).
Articles over 1,500 words are left out: a coder reads every sentence of an article, and the long tail
(up to ~9,500 words) is features and live blogs rather than news.
"""
import csv
import io
import json
import random
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pipeline.gold_refs import span_sha1

ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "guardian_sdf_sample" / "Guardian_SDF_sample.csv.zip"
MEMBER = "Guardian_SDF_sample.csv"
SAMPLE_SIZE = 40
MAX_WORDS = 1500

csv.field_size_limit(sys.maxsize)
with zipfile.ZipFile(ARCHIVE) as archive:
    rows = list(csv.DictReader(io.TextIOWrapper(archive.open(MEMBER), encoding="utf-8")))
eligible = [index for index, row in enumerate(rows) if len(row["text"].split()) <= MAX_WORDS]
rng = random.Random(20261130)
picked = rng.sample(eligible, SAMPLE_SIZE)
test = set(rng.sample(picked, round(0.3 * SAMPLE_SIZE)))
with open(Path(sys.argv[1]) / "guardian_sample.jsonl", "w") as out:
    for number, index in enumerate(picked, 1):
        text = rows[index]["text"]
        row = {"id": f"g{number:03d}", "row": index, "date": rows[index]["date"][:10],
               "split": "test" if index in test else "dev", "text": text, "sha1": span_sha1(text), "end": len(text)}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
print(len(eligible), "eligible;", SAMPLE_SIZE, "drawn;", len(test), "test")
