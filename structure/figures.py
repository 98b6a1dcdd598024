"""What the structure index and the home block show: the top of the tree with its totals, and
organisations found by name, each in a fixed number of queries however large the tree.

The totals of a committee are the sums over its subtree, added up by the database grouped by path
prefix (one query per depth at which the listed committees sit) rather than by loading the 2,000
nodes below them. The rendered list item of a committee is cached with a key made of the node's
identity, its last change, its totals and the language (`cache_version`): a changed figure anywhere
below it, an import or a move, changes the totals and with them the key, so no item is stale.
"""

import copy

from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import get_language

from search.normalize import fold
from structure.models import Organisation, OrganisationKind
from structure.tree import TREE_FIELDS, Totals, figures_text
from unionsite.text import visible_text

REGIONAL_KINDS = (OrganisationKind.OBLAST, OrganisationKind.CITY)
LIST_FIELDS = (*TREE_FIELDS, "updated_at")
# Found organisations shown at most; the visitor is asked to be more precise beyond that.
FOUND_LIMIT = 50
QUERY_MAX_LENGTH = 100


def cache_version(node):
    """What a node's list item shows, as a cache-key part: its own last change and its totals."""
    totals = node.totals
    stamp = node.updated_at.isoformat() if node.updated_at else ""
    return (
        f"{node.pk}:{stamp}:{totals.members}:{totals.youth_members}:"
        f"{totals.primary_organisations}:{totals.organisations}:{totals.counted}"
    )


def _finish(node, totals):
    node.totals = totals
    node.figures = figures_text(totals, node.kind)
    node.cache_version = cache_version(node)


def add_subtree_totals(nodes):
    """Set `totals`, `figures` and `cache_version` on each of `nodes`: one query per path length."""
    totals = {}
    for length in sorted({len(node.path) for node in nodes}):
        paths = [node.path for node in nodes if len(node.path) == length]
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
    for node in nodes:
        _finish(node, totals.get(node.path, Totals()))
    return nodes


def topmost(nodes):
    """The nodes not below another of `nodes` (a city committee inside its oblast's committee is
    counted in the oblast's totals already). `nodes` in path order."""
    kept = []
    for node in nodes:
        if not any(node.path.startswith(other.path) for other in kept):
            kept.append(node)
    return kept


def top_levels():
    """The roots of the tree and the organisations right below them, with their totals.

    Two queries as a rule: the nodes (roots, their children and any regional committee deeper
    down), then the subtree sums of every node below the roots, grouped by path prefix; a root's
    totals are its own figures plus its children's totals.
    """
    nodes = list(Organisation.objects.filter(Q(depth__lte=2) | Q(kind__in=REGIONAL_KINDS)).only(*LIST_FIELDS))
    roots = [node for node in nodes if node.depth == 1]
    add_subtree_totals([node for node in nodes if node.depth > 1])
    for root in roots:
        totals = Totals()
        totals.add(root.kind, root.members, root.youth_members)
        for child in nodes:
            if child.depth == 2 and child.path.startswith(root.path):
                totals.merge(child.totals)
        _finish(root, totals)
    return nodes


def charted_organisations(nodes):
    """What the region charts and map count, each organisation once, in its region, whatever its
    kind: the organisations right below the single root of `nodes` (top_levels()), plus the root's
    own figures when it has members of its own, so that the bars add up to the root's totals, the
    headline. Without a single root, the roots themselves."""
    roots = [node for node in nodes if node.depth == 1]
    if len(roots) != 1:
        return roots
    (root,) = roots
    charted = [node for node in nodes if node.depth == 2]
    if root.members or root.youth_members:
        own = copy.copy(root)
        totals = Totals()
        totals.add(root.kind, root.members, root.youth_members)
        _finish(own, totals)
        charted.append(own)
    return charted


def charted_committees():
    """charted_organisations() of the whole tree: two queries as a rule."""
    return charted_organisations(top_levels())


def clean_query(raw):
    """The visitor's search words, trimmed to a sane length, invisible characters dropped."""
    return " ".join(visible_text(raw).split())[:QUERY_MAX_LENGTH]


class Found:
    """An organisation found by name, with the names of the organisations above it."""

    def __init__(self, row, ancestors, language):
        self.slug = row["slug"]
        self.name, self.name_lang = _shown(row, "name", language)
        self.short_name, self.short_name_lang = _shown(row, "short_name", language)
        self.ancestors = [_shown(ancestor, "name", language) for ancestor in ancestors]

    def get_absolute_url(self):
        return reverse("structure:organisation", args=[self.slug])


def _shown(row, field, language):
    """(text, lang) of `field` in `language`, else the other language's text and its code."""
    other = "ru" if language == "ky" else "ky"
    if row.get(f"{field}_{language}"):
        return row[f"{field}_{language}"], ""
    if row.get(f"{field}_{other}"):
        return row[f"{field}_{other}"], other
    return "", ""


NAME_COLUMNS = ("name_ky", "name_ru", "short_name_ky", "short_name_ru")


def find_organisations(query, limit=FOUND_LIMIT):
    """Organisations whose name (either language, full or short) holds every word of `query`.

    One query: the names and paths of all organisations (a few hundred kilobytes at 2,000), folded
    and matched here, so «Бакай-Ата», «бакай ата» and «Бакай-Ата» without ң/ө/ү all find the same
    committee in either language, and the path above each one comes from the same rows.
    Returns (found list, how many matched).
    """
    words = fold(query).replace("-", " ").split()
    if not words:
        return [], 0
    rows = list(Organisation.objects.order_by("path").values("path", "slug", *NAME_COLUMNS))
    by_path = {row["path"]: row for row in rows}
    matched = []
    for row in rows:
        haystack = fold(" ".join(row[column] or "" for column in NAME_COLUMNS)).replace("-", " ")
        if all(word in haystack for word in words):
            matched.append(row)
    steplen = Organisation.steplen
    language = get_language()
    found = []
    for row in matched[:limit]:
        path = row["path"]
        prefixes = (path[:end] for end in range(steplen, len(path), steplen))
        ancestors = [by_path[prefix] for prefix in prefixes if prefix in by_path]
        found.append(Found(row, ancestors, language))
    return found, len(matched)
