"""Lighthouse on each kind of page, phone settings by default: prints the four scores per page and what held
any of them below 100. Full reports go to screenshots/lighthouse/<page>.report.html and .json (git-ignored).

    .venv/bin/python -m tools.lighthouse                 # every page (make audit)
    .venv/bin/python -m tools.lighthouse salary home     # only the pages named
    LIGHTHOUSE_FORM_FACTOR=desktop .venv/bin/python -m tools.lighthouse

Needs `npm install` (lighthouse 12.2.3 in node_modules) and Debian's chromium (`apt-get install chromium`).
Starts its own production-like server with the real content (tools/site_server.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tools.pages import CHROMIUM, chosen_pages
from tools.site_server import ROOT, running_site

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
    " --disable-sync --no-first-run"
)
OUT = ROOT / "screenshots" / "lighthouse"


def audit(url: str, name: str, form_factor: str) -> dict:
    base = OUT / name
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={base}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if name == "not-found":
        command.append("--ignore-status-code")  # the 404 page is audited as the 404 it is
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return json.loads(Path(f"{base}.report.json").read_text())


def held_back(report: dict, category: str) -> list[str]:
    """The audits that cost points in this category, with what Lighthouse measured."""
    found = []
    for ref in report["categories"][category]["auditRefs"]:
        result = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and result.get("score") is not None and result["score"] < 1:
            shown = f" ({result['displayValue']})" if result.get("displayValue") else ""
            found.append(f"{result['title']}{shown}")
    return found


def main(names: list[str]) -> int:
    pages = chosen_pages(names)
    if pages is None:
        return 2
    if not LIGHTHOUSE.exists():
        print(
            f"No Lighthouse at {LIGHTHOUSE.relative_to(ROOT)}: run `npm install` at the repository root",
            file=sys.stderr,
        )
        return 1
    form_factor = os.environ.get("LIGHTHOUSE_FORM_FACTOR", "mobile")
    OUT.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    notes: list[str] = []
    failed: list[str] = []
    print(f"Lighthouse 12.2.3, {form_factor} settings, {len(pages)} page(s)")
    print(f"{'page':<12} " + " ".join(f"{c:>14}" for c in CATEGORIES))
    with running_site() as base:
        for name, path in pages.items():
            try:
                report = audit(base + path, name, form_factor)
            except subprocess.CalledProcessError as error:
                failed.append(name)
                print(f"{name:<12} Lighthouse failed: {error.stderr.strip()[-300:]}", flush=True)
                continue
            scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
            print(f"{name:<12} " + " ".join(f"{scores[c]:>14}" for c in CATEGORIES), flush=True)
            for category in CATEGORIES:
                if scores[category] < 100:
                    notes += [f"  {name} / {category}: {item}" for item in held_back(report, category)]
    if notes:
        print("\nWhat held a score below 100:")
        print("\n".join(notes))
    print(f"\nReports in {OUT.relative_to(ROOT)}/ ({time.monotonic() - started:.0f} s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
