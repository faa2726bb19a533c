"""Safe by default: one pure-ASGI middleware in front of every route.

- Host header must name this server (DNS rebinding: a foreign name resolving to 127.0.0.1).
- Origin (when sent) must be this server; Sec-Fetch-Site cross-site is refused.
- With a token, every request carries it (Authorization: Bearer, or the HttpOnly cookie that
  `/?token=...` sets once).
- State changes (POST/PATCH/PUT/DELETE) need the CSRF token the page got in its <meta> tag, as
  the X-CSRF-Token header, and a JSON body (a cross-site form cannot send either).
- Request bodies are capped; every response carries a strict CSP (no inline script or style
  element), nosniff, no framing, no referrer.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs

LOOPBACK = ("127.0.0.1", "localhost", "::1")
TOKEN_COOKIE = "geomap_token"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK


@dataclass(frozen=True)
class Guard:
    """What the middleware enforces: the host names this server answers to, the token, the
    CSRF token of this run and the body cap."""

    hosts: frozenset[str]  # "host:port" values the Host header may take
    csrf: str
    token: str | None = None
    max_body: int = 64 * 1024
    origins: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "origins", frozenset(f"http://{h}" for h in self.hosts))

    @classmethod
    def for_bind(
        cls, host: str, port: int, csrf: str, token: str | None = None, **kw: Any
    ) -> Guard:
        wildcard = host in ("0.0.0.0", "::")
        names = set() if wildcard else {f"[{host}]" if ":" in host else host}
        if wildcard or is_loopback(host):
            names |= {"127.0.0.1", "localhost", "[::1]"}
        names |= set(kw.pop("extra_hosts", ()) or ())
        return cls(frozenset(f"{n}:{port}" for n in names), csrf, token, **kw)


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


async def _reply(send: Send, status: int, message: str, extra: list | None = None) -> None:
    body = json.dumps({"error": message}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        *SECURITY_HEADERS,
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityMiddleware:
    """Wraps the app; see the module doc for what it refuses."""

    def __init__(self, app: Callable, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # the app has none; refuse before any check is skipped
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":  # lifespan
            await self.app(scope, receive, send)
            return
        refusal = self._refusal(scope)
        if refusal is not None:
            await _reply(send, *refusal)
            return
        if self._token_in_query(scope):
            # Trade the token in the URL for an HttpOnly cookie, and drop it from the address bar.
            cookie = (
                f"{TOKEN_COOKIE}={self.guard.token}; HttpOnly; SameSite=Strict; Path=/"
            ).encode()
            await send({"type": "http.response.start", "status": 303,
                        "headers": [(b"location", b"/"), (b"set-cookie", cookie),
                                    (b"content-length", b"0"), *SECURITY_HEADERS]})  # fmt: skip
            await send({"type": "http.response.body", "body": b""})
            return
        await self._forward(scope, receive, send)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        h = _headers(scope)
        g = self.guard
        if h.get("host", "") not in g.hosts:
            return 421, (
                f"unknown Host {h.get('host', '')[:80]!r}: this server answers as "
                f"{', '.join(sorted(g.hosts))} (geomap serve --allow-host NAME adds a name)"
            )
        origin = h.get("origin")
        if origin is not None and origin not in g.origins:
            return 403, f"cross-origin request from {origin[:80]!r} refused"
        if h.get("sec-fetch-site") == "cross-site":
            return 403, "cross-site request refused"
        if g.token and not (self._has_token(h) or self._token_in_query(scope)):
            return (
                401,
                "this server needs its token (Authorization: Bearer TOKEN, or open /?token=TOKEN)",
            )
        if scope["method"] in UNSAFE_METHODS:
            if not hmac.compare_digest(h.get(CSRF_HEADER, "").encode(), g.csrf.encode()):
                return 403, "missing or wrong CSRF token (X-CSRF-Token): reload the page"
            if not h.get("content-type", "").startswith("application/json"):
                return 415, "state changes take a JSON body (Content-Type: application/json)"
            if int(h.get("content-length") or 0) > g.max_body:
                return 413, f"request body over {g.max_body} bytes"
        return None

    def _has_token(self, h: dict[str, str]) -> bool:
        token = self.guard.token or ""
        auth = h.get("authorization", "")
        if auth.lower().startswith("bearer ") and hmac.compare_digest(
            auth[7:].strip().encode(), token.encode()
        ):
            return True
        jar = SimpleCookie()
        try:
            jar.load(h.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header is just no cookie
            return False
        got = jar.get(TOKEN_COOKIE)
        return got is not None and hmac.compare_digest(got.value.encode(), token.encode())

    def _token_in_query(self, scope: Scope) -> bool:
        if not self.guard.token or scope["method"] != "GET" or scope["path"] != "/":
            return False
        q = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        got = (q.get("token") or [""])[0]
        return bool(got) and hmac.compare_digest(got.encode(), self.guard.token.encode())

    async def _forward(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] in UNSAFE_METHODS:
            body = await self._read_capped(receive)
            if body is None:
                await _reply(send, 413, f"request body over {self.guard.max_body} bytes")
                return
            receive = _replay(body, receive)

        async def secure_send(msg: dict[str, Any]) -> None:
            if msg["type"] == "http.response.start":
                names = {k.lower() for k, _ in SECURITY_HEADERS}
                kept = [(k, v) for k, v in msg.get("headers", []) if k.lower() not in names]
                msg = {**msg, "headers": kept + SECURITY_HEADERS}
            await send(msg)

        await self.app(scope, receive, secure_send)

    async def _read_capped(self, receive: Receive) -> bytes | None:
        """The whole body (a chunked one is counted as it arrives); None past the cap."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":
                return b"".join(chunks)  # client went away: the app sees an empty body
            part = msg.get("body", b"")
            seen += len(part)
            if seen > self.guard.max_body:
                return None
            chunks.append(part)
            if not msg.get("more_body", False):
                return b"".join(chunks)


def _replay(body: bytes, then: Receive) -> Receive:
    """A receive that hands the app the body read already, then the server's own messages."""
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await then()

    return receive
