"""Which addresses a server may fetch for its users: no loopback, private, link-local,
multicast or reserved address (a server-side request forgery guard).

A web server that fetches a URL on a user's behalf must not become the user's way into the
network behind it (a router's admin page, a cloud metadata service at 169.254.169.254, the
server's own admin ports). The address is judged twice for every connection, the first
request and every redirect alike: the host's DNS answers before connecting (any refused
answer refuses the host, so a name cannot mix a public and a private address), and the
address the socket actually connected to, before a byte is sent (so a name that resolves
again differently, DNS rebinding, still cannot reach a refused address).

`guarded_session(session)` mounts the check on a requests.Session; fetch.fetch_page does so
when FetchOptions.allow_private_addresses is False (the server's default; the CLI keeps its
old behaviour and fetches what its user asks for).
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Optional, Union

from ..errors import InputError

IPAddress = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
REFUSED = "refused to fetch"  # how every refusal's message begins (the web server answers it 403)

# Checked in this order; the first that applies names the refusal.
_KINDS = (
    ("unspecified", lambda ip: ip.is_unspecified),
    ("loopback", lambda ip: ip.is_loopback),
    ("link-local", lambda ip: ip.is_link_local),
    ("multicast", lambda ip: ip.is_multicast),
    ("reserved", lambda ip: ip.is_reserved),  # before "private": Python counts 240.0.0.0/4 as both
    ("private", lambda ip: ip.is_private),
    ("not publicly routable", lambda ip: not ip.is_global),  # 100.64.0.0/10 (carrier NAT), 192.0.0.0/24 ...
)


class AddressRefused(ValueError):
    """A host whose address the guard refuses. A ValueError, not an OSError: urllib3 must not
    retry it or wrap it as a connection failure."""

    def __init__(self, host: str, address: str, kind: str):
        self.host, self.address, self.kind = host, address, kind
        where = host if host == address else f"{host} ({address})"
        article = "an" if kind[0] in "aeiou" else "a"
        super().__init__(f"{REFUSED} {where}: {article} {kind} address")


def refusal(address: str) -> Optional[str]:
    """Why the guard refuses an IP address ("loopback", "private", ...), or None if it may be fetched."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    except ValueError:
        return "unparseable"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:  # ::ffff:127.0.0.1 is 127.0.0.1
            inner = refusal(str(embedded))
            if inner:
                return inner
    for kind, applies in _KINDS:
        if applies(ip):
            return kind
    return None


def check_host(host: str, port: int) -> None:
    """Resolve `host` and raise AddressRefused if any of its addresses is refused."""
    host = host.strip("[]").rstrip(".")
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)  # socket.gaierror: urllib3 reports it
    for info in infos:
        address = info[4][0]
        kind = refusal(address)
        if kind:
            raise AddressRefused(host, address, kind)


def check_socket(sock: socket.socket, host: str) -> None:
    """Raise AddressRefused (closing the socket) if it is connected to a refused address."""
    address = sock.getpeername()[0]
    kind = refusal(address)
    if kind:
        sock.close()
        raise AddressRefused(host, address, kind)


def _guarded_connection(base):
    class Guarded(base):
        def _new_conn(self):
            check_host(self._dns_host, self.port)
            sock = super()._new_conn()
            check_socket(sock, self._dns_host)
            return sock

    Guarded.__name__ = f"Guarded{base.__name__}"
    return Guarded


def _guarded_pools() -> dict:
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = _guarded_connection(HTTPConnection)

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = _guarded_connection(HTTPSConnection)

    return {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}


def guarded_session(session):
    """The requests.Session with every connection checked. Proxies from the environment are
    ignored: through a proxy, the address connected to would be the proxy's, not the page's."""
    from requests.adapters import HTTPAdapter

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = _guarded_pools()

    session.trust_env = False
    session.proxies.clear()
    for prefix in ("http://", "https://"):
        session.mount(prefix, GuardedAdapter())
    return session


def refused_error(url: str, exc: AddressRefused) -> InputError:
    return InputError(url, f"{exc} (this server does not fetch addresses inside its own network; "
                           "whoever runs it can allow them with --allow-private-urls)", stage="fetch")
