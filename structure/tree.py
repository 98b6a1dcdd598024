"""Membership totals and nested rendering for lists of organisations, at a fixed number of queries.

A committee's figures are the sum of its subtree. Asking the database for each node's sum would be
one query per node; instead the pages load the nodes they show (and the subtree below them) in one
query ordered by path and add the figures up here, walking each node's path prefixes. The cost is
O(nodes x depth) in Python, a few milliseconds for thousands of nodes.
"""

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import ngettext

from structure.models import Organisation, OrganisationKind

# The columns a tree page needs; with modeltranslation, `only("name")` loads name_ky and name_ru too.
TREE_FIELDS = (
    "path",
    "depth",
    "numchild",
    "slug",
    "kind",
    "region",
    "name",
    "short_name",
    "members",
    "youth_members",
)


@dataclass
class Totals:
    """Figures of an organisation and everything below it."""

    members: int = 0
    youth_members: int = 0
    primary_organisations: int = 0
    organisations: int = 0
    counted: int = 0  # organisations whose own member count is filled in

    def add(self, kind, members, youth_members):
        self.organisations += 1
        if members is not None:
            self.members += members
            self.counted += 1
        if youth_members is not None:
            self.youth_members += youth_members
        if kind == OrganisationKind.PRIMARY:
            self.primary_organisations += 1

    def merge(self, other):
        """Add the figures of a subtree below this one."""
        self.members += other.members
        self.youth_members += other.youth_members
        self.primary_organisations += other.primary_organisations
        self.organisations += other.organisations
        self.counted += other.counted


def figures_text(totals, kind):
    """ "1 205 members · 12 primary organisations", in the active language; "" when nothing is counted.

    Built in Python rather than with {% blocktranslate %} per node: the structure page lists
    thousands of nodes and this keeps it fast.
    """
    parts = []
    if totals.counted:
        shown = number_format(totals.members, force_grouping=True)
        parts.append(ngettext("%(shown)s member", "%(shown)s members", totals.members) % {"shown": shown})
    if totals.primary_organisations and kind != OrganisationKind.PRIMARY:
        count = totals.primary_organisations
        parts.append(
            ngettext("%(count)s primary organisation", "%(count)s primary organisations", count)
            % {"count": number_format(count, force_grouping=True)}
        )
    return " · ".join(parts)


def totals_by_path(rows, steplen=Organisation.steplen):
    """Map every path in `rows` to the Totals of its subtree among `rows`.

    `rows` yields (path, kind, members, youth_members). A node's totals are complete when its
    whole subtree is among the rows (a subtree query gives exactly that).
    """
    totals = {}
    rows = list(rows)
    for path, _kind, _members, _youth in rows:
        totals[path] = Totals()
    for path, kind, members, youth in rows:
        for end in range(steplen, len(path) + 1, steplen):
            ancestor = totals.get(path[:end])
            if ancestor is not None:
                ancestor.add(kind, members, youth)
    return totals


def attach_totals(nodes):
    """Set `node.totals` on each of `nodes` (Organisation instances), from the nodes themselves."""
    totals = totals_by_path((n.path, n.kind, n.members, n.youth_members) for n in nodes)
    for node in nodes:
        node.totals = totals[node.path]
        node.figures = figures_text(node.totals, node.kind)
    return nodes
