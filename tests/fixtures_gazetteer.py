"""Small gazetteer inputs written for the tests (a handful of places; invented villages)."""

from __future__ import annotations

import json
from pathlib import Path


def _p(gid, name, lat, lon, cc, a1, pop, alts=()):
    return {
        "geonameid": gid,
        "name": name,
        "latitude": lat,
        "longitude": lon,
        "countrycode": cc,
        "population": pop,
        "timezone": "",
        "admin1code": a1,
        "alternatenames": list(alts),
    }


SMALL_PLACES = [
    _p(
        709354,
        "Toretsk",
        48.3948,
        37.8478,
        "UA",
        "05",
        30914,
        ["Dzerzhinsk", "Dzerzhyns'k", "Торецьк", "Торецк", "Torezk"],
    ),
    _p(563708, "Dzerzhinsk", 56.2442, 43.4554, "RU", "51", 233126, ["Дзержинск"]),
    _p(709717, "Donetsk", 48.0230, 37.8022, "UA", "05", 901645, ["Донецьк"]),
    _p(713174, "Bakhmut", 48.5947, 37.9996, "UA", "05", 80500, ["Artemivsk", "Artemovsk"]),
    _p(710915, "Chasiv Yar", 48.5877, 37.8341, "UA", "05", 12250, ["Часів Яр", "Chasov Yar"]),
    _p(704422, "Pokrovsk", 48.2801, 37.1771, "UA", "05", 60127, ["Krasnoarmeysk"]),
    _p(2017824, "Pokrovsk", 61.4792, 129.1386, "RU", "63", 9763, []),
    _p(692194, "Sumy", 50.9174, 34.7991, "UA", "21", 256474, ["Суми"]),
    _p(705000, "Konotop", 51.2400, 33.2000, "UA", "21", 85000, []),
    _p(705001, "Okhtyrka", 50.3100, 34.9000, "UA", "21", 48000, []),
    _p(538560, "Kursk", 51.7269, 36.1846, "RU", "41", 448733, ["Курск"]),
    _p(538561, "Sudzha", 51.1900, 35.2700, "RU", "41", 5500, []),
    _p(702658, "Luhansk", 48.5670, 39.3171, "UA", "14", 397677, ["Lugansk"]),
]

# GeoNames country-file format (19 tab-separated columns); villages invented for the tests.
GEONAMES_ROWS = [
    [
        "99000001",
        "Vyshneve Pole",
        "Vyshneve Pole",
        "Вишневе Поле,Vishnevoye Pole",
        "48.4100",
        "37.9100",
        "P",
        "PPL",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "140",
        "",
        "210",
        "Europe/Kyiv",
        "2024-01-01",
    ],
    [
        "99000002",
        "Kalynova Balka",
        "Kalynova Balka",
        "Калинова Балка",
        "48.3500",
        "37.7000",
        "P",
        "PPL",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "85",
        "",
        "190",
        "Europe/Kyiv",
        "2024-01-01",
    ],
    [
        "99000003",
        "Suha Richka",
        "Suha Richka",
        "",
        "48.3600",
        "37.7200",
        "H",
        "STM",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "0",
        "",
        "180",
        "Europe/Kyiv",
        "2024-01-01",
    ],
    [
        "709354",
        "Toretsk",
        "Toretsk",
        "Toretske misto",
        "48.3948",
        "37.8478",
        "P",
        "PPLA2",
        "UA",
        "",
        "05",
        "",
        "",
        "",
        "30914",
        "",
        "200",
        "Europe/Kyiv",
        "2024-01-01",
    ],
]
ALTERNATE_ROWS = [
    ["1", "99000001", "ru", "Vishnyovoye Polye", "", "", "", "", "", ""],
    ["2", "99000001", "link", "https://example.org/x", "", "", "", "", "", ""],
    ["3", "709354", "en", "Torets Town", "", "", "", "", "", ""],
]


def write_small_source(directory: Path) -> Path:
    path = directory / "small_cities.json"
    path.write_text(
        json.dumps({str(p["geonameid"]): p for p in SMALL_PLACES}, ensure_ascii=False),
        encoding="utf-8",
    )
    return path


def write_tsv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return path
