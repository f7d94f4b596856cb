"""The guard in front of the web app: security headers, Host names, cross-site requests, body size.

An ASGI middleware (:class:`Guard`) and the host checks it and ``storyline serve`` use. It
keeps a page on another site from changing the store (cross-site form posts, DNS rebinding),
keeps a request from sending more than the upload limit, and makes sure every response,
failures included, carries a Content-Security-Policy that allows no scripts at all.
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Callable, Optional
from urllib.parse import urlsplit

from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """True for a host name or address that only this machine can reach."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def host_names(host: str, extra: Optional[list[str]] = None) -> list[str]:
    """The Host names a server listening on ``host`` answers to (any other name is refused, so a web
    page cannot reach it through DNS rebinding): the loopback names and the address itself, and
    for an address others can reach (``0.0.0.0`` included) this machine's names and addresses."""
    import socket

    names = [*LOOPBACK_NAMES]
    if host not in ("0.0.0.0", "::", ""):
        names.append(host)
    if not is_loopback(host):
        for name in (socket.gethostname(), socket.getfqdn()):
            names.append(name)
            try:
                # typeshed also allows an (int, bytes) address, which only a CPython built with --disable-ipv6 gives
                names += [info[4][0] for info in socket.getaddrinfo(name, None)]  # type: ignore[misc]
            except OSError:
                pass
    names += extra or []
    return list(dict.fromkeys(n.lower().strip("[]") for n in names if n))


def _host_of(value: str) -> str:
    """The host part of a Host header or an origin's netloc, without port or brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _origin_of(scheme: str, netloc: str) -> Optional[tuple[str, str, int]]:
    """(scheme, host, port) of a URL's netloc or a Host header, the port made explicit; None if unreadable."""
    scheme = scheme.lower()
    try:
        parts = urlsplit(f"{scheme}://{netloc.strip()}")
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port if port is not None else _DEFAULT_PORTS.get(scheme, 0)


def same_origin(origin: str, scheme: str, host_header: str) -> bool:
    """True when a request's Origin header names this very server: scheme, host and port."""
    theirs = urlsplit(origin.strip())
    mine = _origin_of(scheme, host_header)
    return mine is not None and _origin_of(theirs.scheme, theirs.netloc) == mine


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware in front of the app.

    - Security headers on every response (a Content-Security-Policy with no scripts at all).
    - Optionally only the given Host names: a loopback server refuses other names, so a web
      page cannot reach it through DNS rebinding.
    - No state-changing request from another site (a cross-site form post).
    - Request bodies of at most ``max_body`` bytes, whether announced or streamed; a larger one
      gets ``too_large(scope)`` (a page or JSON naming the limit) and is not read further.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: Optional[list[str]] = None, max_body: int = 0,
                 too_large: Optional[Callable[[Scope], Response]] = None):
        self.app = app
        self.allowed_hosts = {h.lower().strip("[]") for h in allowed_hosts} if allowed_hosts else None
        self.max_body = max_body
        self.too_large = too_large or (lambda scope: Response("Content Too Large\n", 413, media_type="text/plain"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = _host_of(headers.get("host", ""))
        send = self._with_headers(send)
        problem = None
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            problem = Response(f"This server answers only to {', '.join(sorted(self.allowed_hosts))}.\n",
                               status_code=400, media_type="text/plain")
        elif scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            origin, site = headers.get("origin"), headers.get("sec-fetch-site")
            if (site is not None and site not in ("same-origin", "none")) or (
                    origin is not None and not same_origin(origin, scope.get("scheme", "http"), headers.get("host", ""))):
                problem = Response("Requests that change the store must come from this site's own pages.\n",
                                   status_code=403, media_type="text/plain")
            elif self.max_body:
                length = headers.get("content-length", "")
                if length.isdigit() and int(length) > self.max_body:
                    problem = self.too_large(scope)
        if problem is not None:
            await problem(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS") or not self.max_body:
            await self._safely(scope, receive, send)
            return

        received = 0
        exceeded = started = False

        async def counted_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    exceeded = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                if not started and message["type"] == "http.response.start":
                    started = True
                    await self.too_large(scope)(scope, receive, send)
                return  # the app's own answer to the broken-off body is dropped
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self._safely(scope, counted_receive, guarded_send)
        except _TooLarge:
            if not started:
                await self.too_large(scope)(scope, receive, send)

    async def _safely(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The app; a failure it did not handle is a plain 500 with the security headers, never a traceback."""
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except _TooLarge:
            raise
        except Exception:
            logging.getLogger("storyline.web").exception("request %s %s failed", scope.get("method"), scope.get("path"))
            if not started:
                await Response("The server could not answer this request; the store is unchanged by it.\n",
                               status_code=500, media_type="text/plain")(scope, receive, send)

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                extra = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)
        return wrapped
