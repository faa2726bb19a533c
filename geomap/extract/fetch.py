"""Fetch an article or feed over http(s), safely: only http(s) (redirects too), no private
network addresses unless allowed, a timeout for a server that stalls, a size cap, and a
User-Agent that names the tool.

Used by `geomap ingest URL`; every refusal is a FetchError (a GeomapError) naming the URL and
what to do, so a batch reports it and carries on with the other inputs.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from geomap import __version__
from geomap.errors import GeomapError

USER_AGENT = f"geomap/{__version__} (+front-line claims mapper; article reader)"
TIMEOUT_S = 20.0
MAX_FETCH_BYTES = 5 * 1024 * 1024


class FetchError(GeomapError):
    """A URL that cannot or must not be fetched."""


@dataclass
class Fetched:
    """What a server sent: the body, where it came from after redirects, its content type."""

    url: str
    data: bytes
    content_type: str


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Refuse what geomap must not fetch: other schemes, and hosts on a private network
    (loopback, RFC 1918, link-local, ...) unless `allow_private`."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url[:200]}: only http(s) URLs are fetched, not {parts.scheme or '?'}:")
    host = parts.hostname
    if not host:
        raise FetchError(f"{url[:200]}: no host in the URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{url[:200]}: cannot resolve host {host!r} ({exc})") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not ip.is_global:
            raise FetchError(
                f"{url[:200]}: {host} is a private-network address ({ip}); "
                "pass --allow-private to fetch it"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Every redirect target is checked like the URL the user gave, before it is followed."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def http_error_302(self, req, fp, code, msg, headers):  # noqa: ANN001
        target = headers.get("location") or headers.get("uri")
        if target:
            try:
                check_url(urljoin(req.full_url, target), allow_private=self.allow_private)
            except FetchError as exc:
                raise FetchError(f"{req.full_url[:200]}: redirected to {exc}") from None
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT_S,
    max_bytes: int = MAX_FETCH_BYTES,
    allow_private: bool = False,
) -> Fetched:
    """GET `url` within `timeout` seconds in all and at most `max_bytes`."""
    check_url(url, allow_private=allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(req, timeout=timeout) as resp:
            size = resp.headers.get("Content-Length")
            if size and size.isdigit() and int(size) > max_bytes:
                raise FetchError(_too_big(url, int(size), max_bytes))
            chunks, got = [], 0
            while chunk := resp.read(64 * 1024):
                got += len(chunk)
                if got > max_bytes:
                    raise FetchError(_too_big(url, got, max_bytes))
                if time.monotonic() > deadline:
                    raise FetchError(f"{url[:200]}: took longer than {timeout:g} s; try later")
                chunks.append(chunk)
            return Fetched(resp.geturl(), b"".join(chunks), resp.headers.get("Content-Type", ""))
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url[:200]}: HTTP {exc.code} {exc.reason}") from None
    except TimeoutError:
        raise FetchError(
            f"{url[:200]}: the server stalled (nothing for {timeout:g} s); try later"
        ) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            raise FetchError(
                f"{url[:200]}: the server stalled (nothing for {timeout:g} s); try later"
            ) from None
        raise FetchError(f"{url[:200]}: cannot fetch ({exc.reason})") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url[:200]}: cannot fetch ({exc.__class__.__name__}: {exc})") from None


def _too_big(url: str, size: int, cap: int) -> str:
    return (
        f"{url[:200]}: more than {cap / 1e6:.0f} MB ({size / 1e6:.1f} MB so far); "
        "not an article page"
    )
