import re

from django import template

from structure.models import Organisation, OrganisationKind
from structure.tree import TREE_FIELDS, totals_by_path

register = template.Library()

REGIONAL_KINDS = (OrganisationKind.OBLAST, OrganisationKind.CITY)


@register.inclusion_tag("structure/home_block.html")
def structure_home_block():
    """The home page block: oblast and city committees with their totals (two queries)."""
    totals = totals_by_path(Organisation.objects.values_list("path", "kind", "members", "youth_members"))
    committees = list(Organisation.objects.filter(kind__in=REGIONAL_KINDS).only(*TREE_FIELDS))
    for committee in committees:
        committee.totals = totals[committee.path]
    return {"committees": committees}


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
