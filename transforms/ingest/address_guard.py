"""Where a fetch may connect: the address check and a name lookup with a timeout.

Why: a feed's article links are untrusted input; without this check a feed could make
the fetcher call services on the machine's own network (see fetch.py, "Destination").
"""
from __future__ import annotations

import ipaddress
import socket
import threading


class ResolveError(Exception):
    """A name that did not resolve in time or at all; ``reason`` is the dead-letter reason."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason, self.message = reason, message


def address_allowed(host: str, resolved_ips: list[str], allow_private: bool,
                    allowed_networks: tuple[str, ...] = ()) -> bool:
    """Decide whether a connection to ``host`` (resolved to ``resolved_ips``) may be made.

    Pure function, no I/O. Refused unless every address is public: one private
    address among public ones is enough to refuse (the connection may use any).
    ``allow_private`` admits private, loopback, link-local and shared addresses but
    never multicast or unspecified ones, which are not HTTP servers. An empty list
    (nothing resolved) or an unparsable address is refused. ``allowed_networks``
    admits non-public addresses inside those networks only (an invalid network
    string admits nothing).
    """
    networks = []
    for net in allowed_networks:
        try:
            networks.append(ipaddress.ip_network(net, strict=False))
        except ValueError:
            pass
    candidates = list(resolved_ips)
    try:  # an IP-literal host is checked even if the caller forgot to resolve it
        ipaddress.ip_address(host.strip("[]"))
        candidates.append(host.strip("[]"))
    except ValueError:
        pass
    if not candidates:
        return False
    for raw in candidates:
        try:
            ip = ipaddress.ip_address(raw)
        except ValueError:
            return False
        mapped = getattr(ip, "ipv4_mapped", None) or getattr(ip, "sixtofour", None)
        for addr in (ip, mapped) if mapped else (ip,):
            if addr.is_multicast or addr.is_unspecified:
                return False
            if not allow_private and not addr.is_global and not any(
                    addr.version == net.version and addr in net for net in networks):
                return False
    return True


def resolve(host: str, port: int, timeout: float) -> list[str]:
    """getaddrinfo with a timeout (it has none of its own): run it in a daemon thread."""
    box: dict = {}

    def work() -> None:
        try:
            box["ips"] = [info[4][0] for info in
                          socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    thread = threading.Thread(target=work, daemon=True, name=f"resolve {host}")
    thread.start()
    thread.join(max(timeout, 0.0))
    if thread.is_alive():
        raise ResolveError("timeout", f"resolving {host} took longer than {timeout:.1f}s")
    if "error" in box:
        raise ResolveError("connection_error", f"cannot resolve {host}: {box['error']}")
    return box["ips"]
