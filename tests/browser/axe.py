"""Run axe-core (tests/browser/node_modules/axe-core, pinned in package.json) in a page."""

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, axe_script):
    """The WCAG 2.1 A and AA violations axe-core finds on the page as it is now.

    axe-core is evaluated through the DevTools protocol rather than added as a <script> tag:
    the site's Content-Security-Policy refuses inline scripts, and the tests keep it in force.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_script)
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        WCAG_21_AA,
    )
    return result["violations"]


def describe(violations, limit=3):
    """Readable lines: rule, impact, what is wrong and where (the first few elements)."""
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:limit]:
            target = " ".join(str(part) for part in node["target"])
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    at {target}: {node['html'][:160]} -- {summary[:300]}")
        if len(violation["nodes"]) > limit:
            lines.append(f"    ... and {len(violation['nodes']) - limit} more")
    return "\n".join(lines)
