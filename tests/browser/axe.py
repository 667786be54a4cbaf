"""axe-core in the real browser: WCAG 2.2 A and AA rules."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def axe_violations(page):
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.response["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )
