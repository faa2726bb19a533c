"""Shared by the `geomap serve` tests: a small store with article texts, and a live server."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from datetime import date

from geomap.records import ClaimRecord, PlaceRef, SourceRecord

# Written for these tests (not from any real article). Real GeoNames ids, so place edits and
# the gazetteer's alternatives work against the bundled gazetteer.
TORETSK = PlaceRef("709354", "Toretsk", "settlement", 48.39477, 37.8478, "UA", "UA.05", 30914)
POKROVSK = PlaceRef("704422", "Pokrovsk", "settlement", 48.28014, 37.17706, "UA", "UA.05", 60127)
ARTICLE = (
    "Frontline notes, 7 February 2025.\n\n"
    "The Russian defence ministry said its units had taken Toretsk after weeks of fighting.\n\n"
    "Ukraine's General Staff said its forces still held positions in Toretsk.\n\n"
    "Near Pokrovsk, a drone strike hit a fuel depot overnight, local officials said.\n"
)
QUOTES = (
    "The Russian defence ministry said its units had taken Toretsk after weeks of fighting.",
    "Ukraine's General Staff said its forces still held positions in Toretsk.",
)
MISSED = "Near Pokrovsk, a drone strike hit a fuel depot overnight"


def review_claims() -> tuple[SourceRecord, list[ClaimRecord]]:
    src = SourceRecord(
        url="https://news.example/frontline-notes",
        title="Frontline notes",
        outlet="Example Wire",
        published=date(2025, 2, 7),
        content_hash="a" * 64,
    )
    out = []
    for quote, side, type_, conf in zip(
        QUOTES, ("russia", "ukraine"), ("captured", "holding"), (0.85, 0.6), strict=True
    ):
        start = ARTICLE.index(quote)
        out.append(
            ClaimRecord(
                place=TORETSK,
                side=side,
                type=type_,
                claim_date=date(2025, 2, 7),
                claimant=f"{side} officials",
                place_as_written="Toretsk",
                quote=quote,
                start=start,
                end=start + len(quote),
                confidence=conf,
                extractor="rules",
                extractor_version="1.0",
            )  # fmt: skip
        )
    return src, out


def fill_store(store, text: str = ARTICLE) -> list[int]:
    """Ingest the test article; returns the claim ids (stored order)."""
    src, claims = review_claims()
    store.ingest(src, claims, text=text)
    return [c.id for c in store.claims()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    """A uvicorn server on 127.0.0.1 in a thread; stop() ends it."""

    url: str
    server: object
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True  # type: ignore[attr-defined]
        self.thread.join(timeout=10)


def start_server(app, port: int) -> LiveServer:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)
