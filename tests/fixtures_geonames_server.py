"""A local stand-in for the GeoNames download server: small dumps in GeoNames' formats (written
for the tests; coordinates and admin codes plausible, populations invented), served on
127.0.0.1 on a free port, with Range support, and modes that truncate or stall a file."""

from __future__ import annotations

import io
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _row(gid, name, alts, lat, lon, cc, a1, pop, fclass="P", fcode="PPL"):
    return "\t".join(
        [str(gid), name, name, ",".join(alts), f"{lat:.5f}", f"{lon:.5f}", fclass, fcode, cc, "",
         a1, "", "", "", str(pop), "", "150", "Europe/Kyiv", "2024-05-01"]
    )  # fmt: skip


# front-line villages the embedded index (cities500) lacks; GeoNames admin-1 codes:
# UA.05 Donetsk, UA.07 Kharkiv, UA.26 Zaporizhzhia, RU.41 Kursk
UA_ROWS = [
    _row(99100001, "Robotyne", ["Роботине", "Rabotino"], 47.4433, 35.8375, "UA", "26", 480),
    _row(99100002, "Klishchiivka", ["Кліщіївка", "Kleshch"], 48.5297, 37.9700, "UA", "05", 390),
    _row(99100003, "Tonenke", ["Тоненьке", "Tonenkoye"], 48.1092, 37.5225, "UA", "05", 210),
    _row(99100004, "Dyliivka", ["Диліївка"], 48.4300, 37.8300, "UA", "05", 260),
    _row(99100005, "Kyslivka", ["Кислівка"], 49.7300, 37.9100, "UA", "07", 300),
    _row(99100006, "Suha Balka", ["Суха Балка"], 48.3000, 37.6000, "UA", "05", 0, "H", "STM"),
    # second-level divisions (admin2Codes.txt lists them); class A, so not imported as places
    _row(99110001, "Pokrovskyi Raion", ["Покровський район"], 48.45, 37.05, "UA", "05", 0, "A",
         "ADM2"),
    _row(99110002, "Bakhmutskyi Raion", ["Бахмутський район"], 48.60, 38.00, "UA", "05", 0,
         "A", "ADM2"),
]  # fmt: skip
RU_ROWS = [
    _row(99200001, "Malaya Loknya", ["Малая Локня"], 51.2044, 35.1633, "RU", "41", 420),
    _row(99200002, "Sverdlikovo", ["Свердликово"], 51.1208, 35.1919, "RU", "41", 380),
    _row(99210001, "Sudzhanskiy Rayon", ["Суджанский район"], 51.19, 35.27, "RU", "41", 0, "A",
         "ADM2"),
]  # fmt: skip
BY_ROWS = [_row(99300001, "Zalessie", ["Залессе"], 53.9, 27.5, "BY", "04", 150)]
ALT_ROWS = [
    "\t".join(["1", "99100001", "uk", "Роботине", "1", "", "", "", "", ""]),
    "\t".join(["2", "99100001", "link", "https://example.org/robotyne", "", "", "", "", "", ""]),
    "\t".join(["3", "99200001", "ru", "Malaja Loknja", "", "", "", "", "", ""]),
]
COUNTRY_INFO = "#ISO\tISO3\tname\nUA\tUKR\tUkraine\nRU\tRUS\tRussia\nBY\tBLR\tBelarus\n"
ADMIN1 = "UA.05\tDonetsk\tDonetsk\t709716\nUA.26\tZaporizhzhia\tZaporizhzhia\t687699\n"
ADMIN2 = (
    "UA.05.1\tPokrovskyi Raion\tPokrovskyi Raion\t99110001\n"
    "UA.05.2\tBakhmutskyi Raion\tBakhmutskyi Raion\t99110002\n"
    "RU.41.3\tSudzhanskiy Rayon\tSudzhanskiy Rayon\t99210001\n"
    "BY.04.9\tSome District\tSome District\t99399999\n"  # not in any file fetched: left out
)


def _zip(member: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, text)
        zf.writestr("readme.txt", "test data in GeoNames format\n")
    return buf.getvalue()


def geonames_files() -> dict[str, bytes]:
    return {
        "UA.zip": _zip("UA.txt", "\n".join(UA_ROWS) + "\n"),
        "RU.zip": _zip("RU.txt", "\n".join(RU_ROWS) + "\n"),
        "BY.zip": _zip("BY.txt", "\n".join(BY_ROWS) + "\n"),
        "alternateNamesV2.zip": _zip("alternateNamesV2.txt", "\n".join(ALT_ROWS) + "\n"),
        "countryInfo.txt": COUNTRY_INFO.encode(),
        "admin1CodesASCII.txt": ADMIN1.encode(),
        "admin2Codes.txt": ADMIN2.encode(),
    }


class GeonamesServer:
    """Serves `files`; `truncate` names files sent cut in half (the announced length stays
    whole), `stall` names files whose body stops after a few bytes for `stall_seconds`."""

    def __init__(self) -> None:
        self.files = geonames_files()
        self.truncate: set[str] = set()
        self.stall: set[str] = set()
        self.stall_seconds = 3.0
        self.requests: list[tuple[str, str | None]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server API
                name = self.path.rsplit("/", 1)[-1]
                rng = self.headers.get("Range")
                server.requests.append((name, rng))
                body = server.files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                start = int(rng.split("=")[1].split("-")[0]) if rng else 0
                self.send_response(206 if rng else 200)
                self.send_header("Content-Length", str(len(body) - start))
                self.end_headers()
                part = body[start:]
                if name in server.stall:
                    self.wfile.write(part[:10])
                    self.wfile.flush()
                    time.sleep(server.stall_seconds)
                    return
                if name in server.truncate:
                    part = part[: len(part) // 2]
                self.wfile.write(part)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/dump/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> GeonamesServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
