import re

from django import template
from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext

from structure.models import Organisation, OrganisationKind
from structure.tree import TREE_FIELDS, Totals, figures_text
from unionsite.templatetags.site_tags import shown_language

register = template.Library()

REGIONAL_KINDS = (OrganisationKind.OBLAST, OrganisationKind.CITY)


@register.inclusion_tag("structure/home_block.html")
def structure_home_block():
    """The home page block: oblast and city committees with their totals.

    Two queries (one more per further depth at which committees sit): the committees, then their
    subtrees' figures added up by the database, grouped by path prefix. Loading all 2,000 nodes
    to add them up in Python cost 10 ms a page.
    """
    committees = list(Organisation.objects.filter(kind__in=REGIONAL_KINDS).only(*TREE_FIELDS))
    totals = {}
    for length in sorted({len(committee.path) for committee in committees}):
        paths = [committee.path for committee in committees if len(committee.path) == length]
        rows = (
            Organisation.objects.annotate(prefix=Substr("path", 1, length))
            .filter(prefix__in=paths)
            .order_by()
            .values("prefix")
            .annotate(
                organisations=Count("pk"),
                counted=Count("members"),
                members=Sum("members", default=0),
                youth_members=Sum("youth_members", default=0),
                primary_organisations=Count("pk", filter=Q(kind=OrganisationKind.PRIMARY)),
            )
        )
        for row in rows:
            prefix = row.pop("prefix")
            totals[prefix] = Totals(**row)
    for committee in committees:
        committee.totals = totals.get(committee.path, Totals())
        committee.figures = figures_text(committee.totals, committee.kind)
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


@register.simple_tag
def organisation_tree(nodes):
    """The nested list of a path-ordered node list (see structure.tree.nest), as <details> branches.

    Rendered here rather than with a template loop: the structure page lists thousands of nodes,
    and a template spends a quarter of a second resolving their variables. Same markup, same
    escaping (format_html), same lang attributes as {% lang_attr %}.
    """
    if not nodes:
        return ""
    language = get_language()
    url_pattern = reverse("structure:organisation", args=["__slug__"])
    parts = ['<ul class="org-tree">']
    for node in nodes:
        name_lang = shown_language(node, "name")
        line = format_html(
            '<a href="{}"{}>{}</a>',
            url_pattern.replace("__slug__", node.slug),
            format_html(' lang="{}"', name_lang) if name_lang != language else "",
            node.name,
        )
        if node.short_name:
            short_lang = shown_language(node, "short_name")
            line += format_html(
                ' <abbr class="meta"{}>{}</abbr>',
                format_html(' lang="{}"', short_lang) if short_lang != language else "",
                node.short_name,
            )
        if node.figures:
            line += format_html(' <span class="org-figures">{}</span>', node.figures)
        if node.has_children:
            # The link stays outside <summary>: a link inside it would be a control nested in a control.
            opened = " open" if node.level == 0 else ""
            below = ngettext(
                "%(count)s organisation below", "%(count)s organisations below", node.numchild
            ) % {"count": number_format(node.numchild, force_grouping=True)}
            parts.append(format_html("<li>{}<details{}><summary>{}</summary><ul>", line, opened, below))
        else:
            parts.append(f"<li>{line}</li>")
        parts.append("</ul></details></li>" * len(node.closes))
    parts.append("</ul>")
    return mark_safe("\n".join(parts))  # noqa: S308 -- every piece is built with format_html
