"""Decoding compressed bodies without letting them grow past a cap (gzip bombs).

``max_length`` bounds each zlib call, so a cap trips after at most one 64 KiB step past
it, whatever the compression ratio; every stacked Content-Encoding layer is capped on its
own, and more than ``MAX_STACKED_ENCODINGS`` layers are refused. Brotli is not decoded:
its Python API cannot bound the output of one call.
"""
from __future__ import annotations

import zlib
from collections.abc import Callable

MAX_STACKED_ENCODINGS = 2
_DECODE_STEP = 64 * 1024  # max bytes one zlib call may produce: the overshoot bound


class DecodeError(Exception):
    """A body that cannot be decoded within the cap; ``reason`` is the fetch outcome
    (``too_large`` or ``http_error``)."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


def _inflate_layer(make: Callable[[], object], cap: int, what: str):
    """Return a push-decoder ``feed(data, final) -> [chunks]`` that refuses output past ``cap``.

    ``max_length`` bounds each zlib call, so the cap trips after at most one step of
    inflation beyond it, however high the compression ratio. Concatenated gzip
    members are decoded in turn, as gzip(1) does.
    """
    state = {"obj": make(), "out": 0}

    def feed(data: bytes, final: bool = False) -> list[bytes]:
        obj, out = state["obj"], []
        while data:
            out.append(obj.decompress(data, _DECODE_STEP))
            data = obj.unconsumed_tail
            if obj.eof and obj.unused_data:
                data, obj = obj.unused_data + data, make()
                state["obj"] = obj
            state["out"] += len(out[-1])
            if state["out"] > cap:
                raise DecodeError("too_large", f"{what} decodes to more than {cap} bytes")
        if final:
            out.append(obj.flush())
            state["out"] += len(out[-1])
            if state["out"] > cap:
                raise DecodeError("too_large", f"{what} decodes to more than {cap} bytes")
        return [piece for piece in out if piece]

    return feed


def _deflate_maker() -> Callable[[], object]:
    """'deflate' is zlib-wrapped per RFC, raw in practice from some servers: sniff it."""
    class Sniffing:
        def __init__(self) -> None:
            self.head, self.inner = b"", None
            self.unconsumed_tail = self.unused_data = b""
            self.eof = False

        def decompress(self, data: bytes, max_length: int) -> bytes:
            if self.inner is None:
                self.head += data
                if len(self.head) < 2:
                    return b""
                data, self.head = self.head, b""
                cmf, flg = data[0], data[1]
                zlib_wrapped = cmf & 0x0F == 8 and (cmf * 256 + flg) % 31 == 0
                self.inner = zlib.decompressobj(15 if zlib_wrapped else -15)
            out = self.inner.decompress(data, max_length)
            self.unconsumed_tail, self.eof = self.inner.unconsumed_tail, self.inner.eof
            return out

        def flush(self) -> bytes:
            return self.inner.flush() if self.inner is not None else b""

    return Sniffing


def decoder(content_encoding: str | None, max_decoded_bytes: int):
    """Build a push-decoder for the response's Content-Encoding chain (last applied first)."""
    codings = [c.strip().lower() for c in (content_encoding or "").split(",")]
    codings = [c for c in codings if c and c != "identity"]
    if len(codings) > MAX_STACKED_ENCODINGS:
        raise DecodeError("too_large", f"{len(codings)} stacked content encodings "
                       f"({content_encoding}); at most {MAX_STACKED_ENCODINGS} are decoded")
    layers = []
    for coding in reversed(codings):
        if coding in ("gzip", "x-gzip"):
            make = lambda: zlib.decompressobj(31)  # noqa: E731
        elif coding == "deflate":
            make = _deflate_maker()
        else:
            raise DecodeError("http_error", f"unsupported content encoding {coding!r}")
        layers.append(_inflate_layer(make, max_decoded_bytes, f"{coding} layer"))

    def feed(data: bytes, final: bool = False) -> list[bytes]:
        chunks = [data] if data else []
        try:
            for layer in layers:  # outermost encoding first; each layer capped on its own
                out: list[bytes] = []
                for chunk in chunks:
                    out.extend(layer(chunk))
                if final:
                    out.extend(layer(b"", True))
                chunks = out
        except zlib.error as exc:
            raise DecodeError("http_error", f"corrupt {content_encoding} body: {exc}") from None
        return chunks

    return feed


class GzipError(ValueError):
    """A gzip file that cannot be decoded within the cap; ``reason`` is the dead-letter reason
    (``too_large`` or ``unreadable``), so callers never read it from the message."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def gunzip_capped(data: bytes, cap: int) -> bytes:
    """Decompress a gzip file (e.g. a local ``feed.xml.gz``) refusing output past ``cap``.

    Raises ``GzipError`` when the output would exceed ``cap`` or the data is corrupt.
    """
    try:
        decode = decoder("gzip", cap)
        return b"".join(decode(data) + decode(b"", final=True))
    except DecodeError as failure:
        reason = "too_large" if failure.reason == "too_large" else "unreadable"
        raise GzipError(reason, failure.message) from None
