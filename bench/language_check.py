"""Does `plainly_english` ever take another language for English, and how often does it spare
the detector? (transforms/articles/language.py)

    .venv/bin/python bench/language_check.py [--every K]

On every K-th item (title + description) of the rumca 2023 news corpus next to the repository:
the share of items the check answers, and of those the ones py3langid would not call English
with confidence, with the detector's CPU time on all items against the check's plus the
detector's on the rest. On the non-English text of the corpus (fundus test articles and news
pages, cut into 35-word pieces, the size of a title and description): how many pieces the
detector confidently calls another language, and how many of those the check calls English
(must be none).
"""
from __future__ import annotations

import argparse
import collections
import glob
import gzip
import html
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.run import CORPUS  # noqa: E402
from transforms.articles import language  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"


def detector(text: str) -> str | None:
    code, probability = language._identifier().classify(text)
    return code if probability >= language.CONFIDENT else None


def news(every: int) -> list[str]:
    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n % every == 0:
                item = json.loads(line)
                text = " ".join(f"{item.get('title') or ''}. {item.get('description') or ''}".split())
                if len(text) >= language.MIN_CHARS:
                    texts.append(text)
    return texts


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def pieces(words_per_piece: int = 35) -> list[str]:
    """Paragraphs of the fundus test articles and of the stored news pages, cut into pieces."""
    paragraphs = [s for f in glob.glob(str(SHARED / "fundus_testdata" / "*" / "*.json"))
                  for s in _strings(json.loads(Path(f).read_text(encoding="utf-8"))) if len(s) > 60]
    for f in glob.glob(str(SHARED / "**" / "*.htm*"), recursive=True):
        opener = gzip.open if f.endswith(".gz") else open
        with opener(f, "rt", encoding="utf-8", errors="replace") as page:
            raw = re.sub(r"(?is)<(script|style)[^>]*>.*?</\1>", " ", page.read())
        paragraphs += [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", p)).split())
                       for p in re.findall(r"(?is)<p[^>]*>(.*?)</p>", raw)]
    out = []
    for paragraph in paragraphs:
        words = paragraph.split()
        out += [" ".join(words[i: i + words_per_piece]) for i in range(0, len(words), words_per_piece)]
    return [p for p in out if len(p) >= language.MIN_CHARS]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=3, help="take every K-th corpus item")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"no corpus at {CORPUS}")
        return 1
    language._identifier()  # loaded once, outside the timings
    texts = news(args.every)
    started = time.process_time()
    found = [detector(t) for t in texts]
    detector_cpu = time.process_time() - started
    started = time.process_time()
    plain = [language.plainly_english(t) for t in texts]
    for text, is_plain in zip(texts, plain):
        if not is_plain:
            detector(text)
    both_cpu = time.process_time() - started
    answered = [f for f, p in zip(found, plain) if p]
    print(f"news items: {len(texts):,}; plainly English: {len(answered):,} ({len(answered) / len(texts):.1%})")
    print(f"  of those, the detector says: {dict(collections.Counter(answered))}")
    print(f"  CPU: detector on every item {detector_cpu:.2f} s; check, then detector on the rest {both_cpu:.2f} s")
    foreign = [(code, p) for p in pieces() if (code := detector(p)) not in (None, "en")]
    wrong = [(code, p) for code, p in foreign if language.plainly_english(p)]
    print(f"pieces the detector calls another language: {len(foreign):,} "
          f"{dict(collections.Counter(c for c, _ in foreign).most_common(8))}")
    print(f"  of those, plainly English: {len(wrong)}")
    for code, piece in wrong[:10]:
        print(f"    {code}: {piece[:120]}")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main())
