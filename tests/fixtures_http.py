"""A local HTTP server on 127.0.0.1 (free port) serving the input fixtures, for URL and feed
ingest tests; it stops at the end of the test session."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data" / "primary"

# path -> (status, content type, body file or bytes, extra headers)
ROUTES: dict[str, tuple[int, str, bytes, dict[str, str]]] = {
    "/article-uk.html": (200, "text/html; charset=utf-8", (DATA / "page-uk.html").read_bytes(), {}),
    "/feed.rss": (200, "application/rss+xml", (DATA / "feed.rss").read_bytes(), {}),
    "/feed.atom": (200, "application/atom+xml", (DATA / "feed.atom").read_bytes(), {}),
    "/html-as-feed.rss": (
        200,
        "application/rss+xml",
        (DATA / "not-a-feed.html").read_bytes(),
        {},
    ),
    "/to-ftp": (302, "text/plain", b"", {"Location": "ftp://files.example/a.txt"}),
    "/to-file": (302, "text/plain", b"", {"Location": "file:///etc/passwd"}),
    "/to-article": (302, "text/plain", b"", {"Location": "/article-uk.html"}),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        self.server.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/stall":  # headers, then nothing
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"<html>")
            self.wfile.flush()
            time.sleep(3)
            return
        if self.path == "/huge":  # says and sends more than the cap
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65536 + b"</p>"
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404)
            return
        status, ctype, body, extra = route
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def http_fixtures():
    """Base URL (http://127.0.0.1:PORT) of the fixture server; shut down after the session."""
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    srv.daemon_threads = True
    srv.seen_agents = []
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield srv, f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        srv.shutdown()
        srv.server_close()
