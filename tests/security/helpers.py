"""What the security tests share: the search of a page for anything inline that a strict CSP would block, and a
count of the hostile requests tried (printed at the end of the session by the hook in conftest.py)."""

from __future__ import annotations

import re

# Regular expressions over the markup as sent, on purpose: they find an inline script or handler in markup
# malformed enough that a parser might read it another way, where a browser could still run it.
INLINE = {
    # A data block (JSON-LD) is not run, so the policy does not apply to it; any other script must have a src.
    "inline script": re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/ld\+json\")[^>]*>", re.I),
    "style element": re.compile(r"<style\b", re.I),
    "style attribute": re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I),
    "event handler attribute": re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I),
    "javascript: URL": re.compile(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", re.I),
}


def inline_problems(html: str) -> list[str]:
    """Everything inline in the page that the site's CSP would refuse to run, each as "kind: the markup"."""
    return [f"{kind}: {m.group(0)[:120]}" for kind, rx in INLINE.items() for m in rx.finditer(html)]


HOSTILE_REQUESTS = [0]


def count_hostile() -> None:
    HOSTILE_REQUESTS[0] += 1
