"""What the tree admins (pages, organisations) share: where a node would go, and how deep.

treebeard's move form names a reference node and a position relative to it; these turn that into
the new parent, so a form can refuse a place before treebeard writes anything.
"""

from django.db.models import Max

CHILD_POSITIONS = {"first-child", "last-child", "sorted-child"}


def parent_for(reference, position):
    """The parent a node gets when placed at `position` of `reference` (None: the top level)."""
    if reference is None:
        return None
    return reference if position in CHILD_POSITIONS else type(reference).objects.get_parent(reference)


def levels_below(node):
    """How many levels the subtree under a saved `node` adds (0 for a new node or a leaf)."""
    if not (node.pk and node.path):
        return 0
    subtree = type(node).objects.filter(path__startswith=node.path)
    return (subtree.aggregate(deepest=Max("depth"))["deepest"] or node.depth) - node.depth


def deepest_level(node, parent):
    """The level of the deepest node of `node`'s subtree once `node` is placed under `parent`."""
    return (parent.depth + 1 if parent else 1) + levels_below(node)
