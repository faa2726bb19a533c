"""Claim sets made in code: a small hand-written set (with hostile text) and synthetic bulk data.

Used by the tests, the benchmark and notebooks; none of it is real reporting.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from geomap.records import CLAIM_TYPES, SIDES, ClaimRecord, PlaceRef, SourceRecord

# Payloads that must show as text and never run.
XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SCRIPT = "</script><script>window.__pwned=2</script>"
XSS_TEMPLATE = "`${window.__pwned=3}` ${alert(1)}"
XSS_URL = "javascript:window.__pwned=4"

TORETSK = PlaceRef(
    id="709354",
    name="Toretsk",
    precision="settlement",
    lat=48.3985,
    lon=37.8473,
    country="UA",
    admin1="UA.05",
)
CHASIV_YAR = PlaceRef(
    id="710915",
    name="Chasiv Yar",
    precision="settlement",
    lat=48.5866,
    lon=37.8343,
    country="UA",
    admin1="UA.05",
)
AVDIIVKA = PlaceRef(
    id="713122",
    name="Avdiivka",
    precision="settlement",
    lat=48.1394,
    lon=37.7497,
    country="UA",
    admin1="UA.05",
)
KOSTIANTYNIVKA = PlaceRef(
    id="704147",
    name="Kostiantynivka",
    precision="settlement",
    lat=48.5277,
    lon=37.7069,
    country="UA",
    admin1="UA.05",
)
POKROVSK = PlaceRef(
    id="708581",
    name="Pokrovsk",
    precision="settlement",
    lat=48.2820,
    lon=37.1758,
    country="UA",
    admin1="UA.05",
)
# A deliberately coarse polygon: enough to be drawn as a region, not a survey.
SUMY_REGION = PlaceRef(
    id="UA.21",
    name="Sumy Oblast",
    precision="region",
    lat=50.9,
    lon=34.8,
    country="UA",
    admin1="UA.21",
    polygon_wkt="POLYGON ((33.2 50.3, 34.2 50.1, 35.4 50.2, 35.6 50.9, 35.2 51.7, 34.4 52.3, "
    "33.5 52.0, 33.2 51.2, 33.2 50.3))",
)


def sample_claims() -> list[ClaimRecord]:
    """Eight claims about six places, dated over a year, with hostile text in several fields."""
    wire = SourceRecord(
        url="https://news.example.org/front/2025-02-07?a=1&b=2",
        title="Russia says it took a mining town",
        outlet="Example Wire",
        published=date(2025, 2, 7),
    )
    hostile = SourceRecord(
        url=XSS_URL,
        title=f"Hostile {XSS_SCRIPT} title",
        outlet="Bad Outlet",
        published=date(2025, 2, 8),
    )
    blog = SourceRecord(
        url='http://blog.example.net/post?x=<b>&y="q"',
        title=f"Blog {XSS_IMG}",
        outlet="Blog",
        published=date(2024, 11, 2),
    )
    C = ClaimRecord
    return [
        C(
            place=AVDIIVKA,
            side="russia",
            type="captured",
            claim_date=date(2024, 2, 1),
            date_precision="month",
            claimant="Moscow",
            quote="the capture of Avdiivka in February",
            source=wire,
        ),
        C(
            place=SUMY_REGION,
            side="ukraine",
            type="strike",
            claim_date=date(2024, 11, 1),
            claimant="Ukrainian air force",
            quote=f"drones over the region {XSS_TEMPLATE}",
            source=blog,
        ),
        C(
            place=POKROVSK,
            side="third-party",
            type="assessment",
            claim_date=date(2025, 1, 15),
            claimant="A think tank",
            quote="Pokrovsk remains under pressure",
            source=blog,
        ),
        C(
            place=TORETSK,
            side="russia",
            type="captured",
            claim_date=date(2025, 2, 7),
            claimant="Russian Defence Ministry",
            quote=f"forces seized the town {XSS_IMG}",
            place_as_written="Dzerzhinsk",
            source=wire,
        ),
        C(
            place=TORETSK,
            side="ukraine",
            type="denied",
            claim_date=date(2025, 2, 7),
            claimant=f"Kyiv {XSS_IMG}",
            quote=f"denied full control {XSS_SCRIPT}",
            source=hostile,
        ),
        C(
            place=TORETSK,
            side="ukraine",
            type="holding",
            claim_date=date(2025, 2, 7),
            claimant="brigade press officer",
            quote="holding positions on the outskirts",
            source=wire,
        ),
        C(
            place=CHASIV_YAR,
            side="russia",
            type="fighting",
            claim_date=date(2025, 2, 7),
            claimant="military bloggers",
            quote="the embattled town of Chasiv Yar",
            source=wire,
        ),
        C(
            place=KOSTIANTYNIVKA,
            side="ukraine",
            type="holding",
            claim_date=date(2025, 2, 8),
            claimant="General Staff",
            quote=f"the city is held {XSS_TEMPLATE}",
            source=hostile,
        ),
    ]


def synthetic_claims(
    n_claims: int = 10_000, n_places: int = 2_000, seed: int = 0, quote_len: int = 120
) -> list[ClaimRecord]:
    """Random but plausible claims over places scattered in eastern Ukraine (for benchmarks)."""
    rnd = random.Random(seed)
    places = [
        PlaceRef(
            id=str(100000 + i),
            name=f"Place {i}",
            precision="settlement",
            lat=round(rnd.uniform(46.5, 50.5), 5),
            lon=round(rnd.uniform(34.0, 39.5), 5),
            country="UA",
        )
        for i in range(n_places)
    ]
    sources = [
        SourceRecord(
            url=f"https://news.example.org/a/{i}",
            title=f"Report {i}",
            outlet="Example Wire",
            published=date(2024, 1, 1) + timedelta(days=i),
        )
        for i in range(400)
    ]
    words = "forces town village positions attack claimed said held near road river".split()
    out = []
    for i in range(n_claims):
        p = places[i % n_places] if i < n_places else rnd.choice(places)
        src = rnd.choice(sources)
        quote = " ".join(rnd.choice(words) for _ in range(quote_len // 7))[:quote_len]
        out.append(
            ClaimRecord(
                place=p,
                side=rnd.choice(SIDES),
                type=rnd.choice(CLAIM_TYPES),
                claim_date=src.published,
                claimant=f"Claimant {rnd.randrange(50)}",
                quote=quote,
                source=src,
            )
        )
    return out
