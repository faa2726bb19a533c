"""Escaping for untrusted article text on its way into HTML and inline <script> blocks."""

from __future__ import annotations

import html
import json
from typing import Any

_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def json_for_script(obj: Any) -> str:
    """JSON safe to embed as a JS literal inside <script>: no `</script>`, `<!--`, or raw U+2028/9.

    json.dumps already escapes quotes and backslashes; backticks and `${` are harmless outside
    template literals, and the JS never builds template literals from data.
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in _SCRIPT_ESCAPES.items():
        text = text.replace(ch, esc)
    return text


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s), else None: `javascript:`, `data:` etc. never become links."""
    if not url:
        return None
    u = url.strip()
    # Browsers ignore tabs/newlines inside a scheme ("java\tscript:"); a strict prefix check wins.
    if any(c in u for c in "\t\r\n\x00 <>\"'`"):
        return None
    low = u.lower()
    if low.startswith("http://") or low.startswith("https://"):
        return u
    return None


def esc(text: Any) -> str:
    """HTML-escape any value for text and attribute contexts (None -> empty)."""
    if text is None:
        return ""
    return html.escape(str(text), quote=True)
