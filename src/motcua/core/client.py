"""The address of the client of a request — the one function every limit, lock and log uses.

Behind a reverse proxy ``REMOTE_ADDR`` is the proxy's address, shared by every citizen. The proxy says who its
client was in ``X-Forwarded-For``, but any client can send that header too, so it is read only when the connection
comes from a proxy named in ``MOTCUA_TRUSTED_PROXIES`` (addresses or networks, e.g. ``127.0.0.1,10.0.0.0/8``).
Each proxy appends the address it received the request from, so the header is read from the right: trusted proxies
are skipped, and the first address that is not one of them is the client. What lies further left was written by
the client itself and is never believed. With no trusted proxy set, the header is ignored.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(p, strict=False) for p in proxies)


def parse_address(value: str) -> str | None:
    """``value`` as a normalised IP address (a port or brackets around IPv6 removed), or None if it is not one."""
    value = value.strip()
    if value.startswith("["):  # [2001:db8::1]:443
        value = value[1 : value.find("]")] if "]" in value else ""
    elif value.count(":") == 1:  # 203.0.113.7:5555
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def _trusted(address: str, networks: tuple[Network, ...]) -> bool:
    ip = ipaddress.ip_address(address)
    return any(ip.version == n.version and ip in n for n in networks)


def client_ip(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or, when that is a trusted proxy, the right-most address of
    ``X-Forwarded-For`` that is not a trusted proxy. ``"unknown"`` if there is no address at all."""
    remote = parse_address(request.META.get("REMOTE_ADDR") or "")
    if remote is None:
        return "unknown"
    networks = _networks(tuple(settings.MOTCUA_TRUSTED_PROXIES))
    if not networks or not _trusted(remote, networks):
        return remote
    client = remote
    for hop in reversed((request.META.get("HTTP_X_FORWARDED_FOR") or "").split(",")):
        address = parse_address(hop)
        if address is None:  # not an address: nothing left of it can be believed
            break
        client = address
        if not _trusted(address, networks):
            break
    return client
