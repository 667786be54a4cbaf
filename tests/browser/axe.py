"""axe-core in the real browser: WCAG 2.2 A and AA rules, and axe's best practices
(landmarks, heading order, one main, ...), which catch what trips screen-reader users
even where no success criterion is failed."""

from axe_playwright_python.sync_playwright import Axe

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_axe = Axe()


def axe_violations(page):
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": RULE_TAGS}})
    return results.response["violations"]


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    )
