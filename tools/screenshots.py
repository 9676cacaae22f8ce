"""Write a full-page PNG of each kind of page at desktop and phone widths: screenshots/<page>-<width>.png.

    .venv/bin/python -m tools.screenshots            # every page (make screenshots)
    .venv/bin/python -m tools.screenshots salary     # only the pages named

Starts its own server with the real content (tools/site_server.py); needs Debian's chromium
(`apt-get install chromium`). The folder is git-ignored: look at the pictures, don't commit them.
"""

from __future__ import annotations

import sys
import time

from tools.pages import CHROMIUM, CHROMIUM_ARGS, WIDTHS, chosen_pages
from tools.site_server import ROOT, running_site

OUT = ROOT / "screenshots"


def main(names: list[str]) -> int:
    pages = chosen_pages(names)
    if pages is None:
        return 2
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    started = time.monotonic()
    with running_site() as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for width, viewport in WIDTHS.items():
            phone = width == "phone"
            context = browser.new_context(
                viewport=viewport,
                is_mobile=phone,
                has_touch=phone,
                device_scale_factor=2 if phone else 1,
                reduced_motion="reduce",
            )
            tab = context.new_page()
            for name, path in pages.items():
                tab.goto(base + path, wait_until="networkidle")
                target = OUT / f"{name}-{width}.png"
                tab.screenshot(path=target, full_page=True, animations="disabled")
                print(f"{target.relative_to(ROOT)}  {base}{path}")
            context.close()
        browser.close()
    print(f"{len(pages) * len(WIDTHS)} screenshots in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
