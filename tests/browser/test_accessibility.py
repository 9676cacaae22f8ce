"""axe-core, injected into each kind of page at desktop and phone widths, finds no WCAG 2.2 A/AA violation."""

from __future__ import annotations

import pytest

from tools.pages import SCREENS, WIDTHS

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(result => ({
    passed: result.passes.length,
    violations: result.violations.map(v => ({
      rule: v.id, impact: v.impact, help: v.help,
      where: v.nodes.slice(0, 3)
        .map(n => n.target.join(' ') + ' :: ' + n.failureSummary.split('\\n').slice(1, 2).join('')),
    })),
  }))"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_no_wcag_violations(site_url, browser, axe_script, width, subtests):
    # The Content-Security-Policy forbids injected scripts, and axe is one: let it in for this check only.
    context = browser.new_context(viewport=WIDTHS[width], is_mobile=width == "phone", bypass_csp=True)
    page = context.new_page()
    for name, path in SCREENS.items():
        with subtests.test(page=name):
            page.goto(site_url + path)
            page.add_script_tag(path=axe_script)
            result = page.evaluate(RUN_AXE, TAGS)
            assert result["violations"] == []
            assert result["passed"] >= 10, "axe ran its rules on the page"
    context.close()
