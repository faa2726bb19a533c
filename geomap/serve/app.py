"""`geomap serve`: the review web app (Starlette), its JSON API and the page that uses only it.

create_app() builds the ASGI app over a store; serve() runs it with uvicorn and refuses to bind
anything but loopback without a token. The API is documented in README.md ("Review in the
browser"); every route is a few lines over geomap.review.
"""

from __future__ import annotations

import getpass
import html
import os
import secrets
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.staticfiles import StaticFiles

from geomap import review
from geomap.errors import GeomapError
from geomap.records import ClaimRecord
from geomap.serve.mapdata import filtered_claims, map_payload
from geomap.serve.security import Guard, SecurityMiddleware, is_loopback
from geomap.store import Store, open_store

STATIC = Path(str(resources.files("geomap.serve").joinpath("static")))
MAP_SCRIPT = Path(str(resources.files("geomap").joinpath("static/claims_map.js")))
TOKEN_ENV = "GEOMAP_TOKEN"


@dataclass
class ServeConfig:
    """How to serve: where, for whom, over which store."""

    db: str | None = None
    host: str = "127.0.0.1"
    port: int = 8765
    token: str | None = None
    reviewer: str = field(default_factory=lambda: _default_reviewer())
    max_body: int = 64 * 1024
    extra_hosts: tuple[str, ...] = ()


def _default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "reviewer"


def check_bind(cfg: ServeConfig) -> None:
    """Refuse to listen beyond this machine without a token (anyone on the network could edit)."""
    if not is_loopback(cfg.host) and not cfg.token:
        raise GeomapError(
            f"refusing to listen on {cfg.host} without a token: anyone who can reach it could "
            f"edit the store; give --token or set ${TOKEN_ENV} (or bind 127.0.0.1)"
        )


class _Api:
    """The routes, bound to one store and config."""

    def __init__(self, store: Store, cfg: ServeConfig, csrf: str) -> None:
        self.store, self.cfg, self.csrf = store, cfg, csrf

    # -- page ------------------------------------------------------------------------------
    def index(self, request: Request) -> Response:
        page = (STATIC / "index.html").read_text(encoding="utf-8")
        page = page.replace("__CSRF__", html.escape(self.csrf, quote=True))
        page = page.replace("__REVIEWER__", html.escape(self.cfg.reviewer, quote=True))
        return HTMLResponse(page)

    def map_css(self, request: Request) -> Response:
        from geomap.render.mapbuild import CSS

        return Response(CSS, media_type="text/css")

    def map_js(self, request: Request) -> Response:
        return FileResponse(MAP_SCRIPT, media_type="application/javascript")

    def leaflet(self, request: Request) -> Response:
        from geomap.render.assets import ASSETS, INSTALL_HINT, asset_path

        leaflet = next(a for a in ASSETS if a.url.endswith("/leaflet.js"))
        root = asset_path(leaflet).parent.resolve()  # .../leaflet-1.9.3/dist
        p = (root / request.path_params["path"]).resolve()
        if root not in p.parents or not p.is_file():
            hint = "" if (root / "leaflet.js").is_file() else f" ({INSTALL_HINT})"
            return JSONResponse({"error": "no such asset" + hint}, status_code=404)
        return FileResponse(p)

    # -- reading ---------------------------------------------------------------------------
    def claims(self, request: Request) -> Response:
        q = request.query_params
        page = review.queue(
            self.store,
            _queue_filter(q),
            sort=q.get("sort") or "id",
            limit=_int(q.get("limit"), "limit", 50),
            cursor=q.get("cursor") or None,
        )
        return JSONResponse({"claims": page.claims, "next": page.next_cursor})

    def claim(self, request: Request) -> Response:
        return JSONResponse(review.claim_detail(self.store, _path_int(request, "claim_id")))

    def places(self, request: Request) -> Response:
        q = request.query_params.get("q", "")
        found = review.search_places(q, _int(request.query_params.get("limit"), "limit", 10))
        return JSONResponse({"places": [review.place_json(r) | {"score": s} for r, s in found]})

    def timeline(self, request: Request) -> Response:
        return JSONResponse(review.place_timeline(self.store, request.path_params["place_id"]))

    def map(self, request: Request) -> Response:
        f = _queue_filter(request.query_params)
        return JSONResponse(map_payload(filtered_claims(self.store, f)))

    def audit(self, request: Request) -> Response:
        q = request.query_params
        cid = q.get("claim_id")
        rows = review.audit_log(
            self.store,
            None if not cid else _int(cid, "claim_id", 0),
            _int(q.get("limit"), "limit", 100),
        )
        return JSONResponse({"audit": [r.__dict__ for r in rows]})

    def stats(self, request: Request) -> Response:
        return JSONResponse({"statuses": review.status_counts(self.store)})

    def session(self, request: Request) -> Response:
        return JSONResponse({"reviewer": self.cfg.reviewer, "store": self.store.url})

    # -- changes ---------------------------------------------------------------------------
    async def action(self, request: Request) -> Response:
        body = await _json(request)
        cid = _path_int(request, "claim_id")
        verb = request.path_params.get("verb")
        status = {"confirm": "confirmed", "reject": "rejected", "reset": "unreviewed"}.get(
            verb or ""
        )
        if request.method == "POST" and status is None:
            raise review.NotFoundError(f"no action {verb!r}: confirm, reject or reset")
        values = {k: body[k] for k in review.EDITABLE if k in body}
        change = review.Change(
            version=_int(body.get("version"), "version", None),
            status=status,
            note=_str(body.get("note")),
            values=values,
        )
        return self._run(review.change_claim, cid, change, self._who(body))

    async def add(self, request: Request) -> Response:
        body = await _json(request)
        place = review.lookup_place(_str(body.get("place_id")) or "")
        day = _str(body.get("claim_date"))
        claim = ClaimRecord(
            place=place,
            side=_str(body.get("side")) or "",
            type=_str(body.get("type")) or "",
            claim_date=_date(day),
            date_precision=_str(body.get("date_precision")) or "day",
            claimant=_str(body.get("claimant")),
            place_as_written=_str(body.get("place_as_written")),
            notes=_str(body.get("note")),
            origin="human",
        )
        return self._run(
            review.add_claim_from_text,
            _int(body.get("source_id"), "source_id", None),
            _int(body.get("start"), "start", None),
            _int(body.get("end"), "end", None),
            claim,
            self._who(body),
            status=201,
        )

    def _run(self, fn: Any, *args: Any, status: int = 200) -> Response:
        return JSONResponse(fn(self.store, *args), status_code=status)

    def _who(self, body: dict[str, Any]) -> str:
        who = (_str(body.get("reviewer")) or self.cfg.reviewer).strip()
        return " ".join(who.split())[:100] or self.cfg.reviewer


def _str(v: Any) -> str | None:
    if v is None or v == "":
        return None
    if not isinstance(v, str):
        raise GeomapError(f"expected text, got {v!r}")
    return v


def _int(v: Any, what: str, default: int | None) -> int:
    if v is None or v == "":
        if default is None:
            raise GeomapError(f"{what} is required")
        return default
    try:
        return int(v)
    except (TypeError, ValueError) as exc:
        raise GeomapError(f"{what} must be a whole number, got {v!r}") from exc


def _float(v: str | None, what: str) -> float | None:
    if not v:
        return None
    try:
        return float(v)
    except ValueError as exc:
        raise GeomapError(f"{what} must be a number, got {v!r}") from exc


def _date(v: str | None) -> date | None:
    if not v:
        return None
    try:
        return date.fromisoformat(v)
    except ValueError as exc:
        raise GeomapError(f"bad date {v!r}: want YYYY-MM-DD") from exc


def _path_int(request: Request, name: str) -> int:
    return _int(request.path_params[name], name, None)


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError as exc:
        raise GeomapError("the request body is not JSON") from exc
    if not isinstance(body, dict):
        raise GeomapError("the request body must be a JSON object")
    return body


def _queue_filter(q: Any) -> review.QueueFilter:
    return review.QueueFilter(
        place=q.get("place") or None,
        region=q.get("region") or None,
        side=q.get("side") or None,
        type=q.get("type") or None,
        since=_date(q.get("since")),
        until=_date(q.get("until")),
        source=q.get("source") or None,
        min_confidence=_float(q.get("min_confidence"), "min_confidence"),
        max_confidence=_float(q.get("max_confidence"), "max_confidence"),
        status=q.get("status") or None,
    )


async def _error(request: Request, exc: Exception) -> Response:
    """GeomapError -> a JSON {"error": one line}: 409 stale version, 404 unknown, else 400."""
    code = 400
    if isinstance(exc, review.StaleVersionError):
        code = 409
    elif isinstance(exc, review.NotFoundError):
        code = 404
    return JSONResponse({"error": str(exc)}, status_code=code)


def create_app(store: Store, cfg: ServeConfig | None = None, *, csrf: str | None = None) -> Any:
    """The ASGI app over `store`, wrapped in the security middleware (see security.py)."""
    cfg = cfg or ServeConfig()
    check_bind(cfg)
    csrf = csrf or secrets.token_urlsafe(32)
    api = _Api(store, cfg, csrf)
    routes = [
        Route("/", api.index),
        Route("/assets/claims_map.js", api.map_js),
        Route("/assets/claims_map.css", api.map_css),
        Route("/vendor/leaflet/{path:path}", api.leaflet),
        Route("/api/session", api.session),
        Route("/api/stats", api.stats),
        Route("/api/claims", api.claims),
        Route("/api/claims", api.add, methods=["POST"]),
        Route("/api/claims/{claim_id}", api.claim),
        Route("/api/claims/{claim_id}", api.action, methods=["PATCH"]),
        Route("/api/claims/{claim_id}/{verb}", api.action, methods=["POST"]),
        Route("/api/places", api.places),
        Route("/api/places/{place_id}/timeline", api.timeline),
        Route("/api/map", api.map),
        Route("/api/audit", api.audit),
    ]
    app = Starlette(routes=routes, exception_handlers={GeomapError: _error})
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    guard = Guard.for_bind(
        cfg.host, cfg.port, csrf, cfg.token, max_body=cfg.max_body, extra_hosts=cfg.extra_hosts
    )
    return SecurityMiddleware(app, guard)


def serve(cfg: ServeConfig) -> None:
    """Run the app with uvicorn until interrupted (the store is opened and migrated first)."""
    import uvicorn

    cfg.token = cfg.token or os.environ.get(TOKEN_ENV) or None
    check_bind(cfg)
    store = open_store(cfg.db)
    try:
        app = create_app(store, cfg)
        uvicorn.run(app, host=cfg.host, port=cfg.port, log_level="warning", server_header=False)
    finally:
        store.close()


def build_demo_db(path: Path) -> str:
    """Ingest the bundled example articles into a fresh SQLite file at `path`; its URL."""
    from geomap.demo import ingest_examples

    if path.exists():
        path.unlink()
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        ingest_examples(store)
    return url
