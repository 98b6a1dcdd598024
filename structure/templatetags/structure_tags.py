import re

from django import template
from django.utils.translation import get_language

from structure import charts
from structure.figures import charted_committees

register = template.Library()


@register.inclusion_tag("structure/home_block.html")
def structure_home_block():
    """The home page block: the membership chart of the regions (every organisation counted once,
    structure/figures.py), its figures as a table, and the way to the structure page. Two queries."""
    rows = charts.region_figures(charted_committees())
    measures = ("members",)
    return {
        "region_rows": rows,
        "charts": charts.region_charts(rows, measures=measures),
        "charts_key": charts.charts_key(rows, measures),
        "LANGUAGE_CODE": get_language(),
    }


@register.filter
def phone_numbers(value):
    """Split a phone field ("0312 62-30-14, +996 555 12 34 56") into (shown, tel: href) pairs."""
    numbers = []
    for part in re.split(r"[,;]", value or ""):
        shown = part.strip()
        digits = re.sub(r"[^\d+]", "", shown)
        digits = digits[:1] + digits[1:].replace("+", "")
        if digits.startswith("0") and len(digits) == 10:
            digits = "+996" + digits[1:]  # a national number: 0312 62-30-14 is +996 312 62-30-14
        if len(digits.lstrip("+")) >= 5:
            numbers.append((shown, f"tel:{digits}"))
        elif shown:
            numbers.append((shown, ""))
    return numbers
