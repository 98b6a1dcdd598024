"""What the tree admins (pages, organisations) share: where a node would go, how deep, and what
a deletion would take with it.

treebeard's move form names a reference node and a position relative to it; these turn that into
the new parent, so a form can refuse a place before treebeard writes anything.
"""

from django.db.models import Max, Q
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from treebeard.forms import MoveNodeForm

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


def children_left_behind(nodes):
    """Direct children of `nodes` that are not among them, in tree order.

    treebeard deletes a node with its whole subtree; the site never wants that, so any such child
    blocks the deletion. Deleting a leaf together with its parent is fine.
    """
    parents = [node for node in nodes if node.numchild]
    if not parents:
        return []
    selected = {node.pk for node in nodes}
    condition = Q()
    for node in parents:
        condition |= Q(path__startswith=node.path, depth=node.depth + 1)
    model = type(parents[0])
    return [child for child in model.objects.filter(condition).order_by("path") if child.pk not in selected]


class KeepChildrenOnDeleteMixin:
    """For a tree's ModelAdmin: a node with nodes below it is not deleted with them; the confirmation
    page lists them, each linked to its change page, as what blocks the deletion."""

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        children = children_left_behind(list(objs))
        if children:
            protected = list(protected)
            opts = self.model._meta
            for child in children:
                url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[child.pk])
                protected.append(
                    format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, child)
                )
        return deleted, model_count, perms_needed, protected


class AddBesideUnderParentMixin:
    """For a form based on treebeard's MoveNodeForm: a new node placed beside another is added
    under its real parent, then moved.

    treebeard adds a new node as the reference's child first: beside a node on the deepest level
    that passes through a level the tree does not hold (PathOverflow, a 500).
    """

    def save(self, commit=True):
        reference = self.cleaned_data.get("treebeard_ref_node")
        position = self.cleaned_data.get("treebeard_position")
        if not (self.instance._state.adding and reference and position not in CHILD_POSITIONS):
            return super().save(commit=commit)
        del self.cleaned_data["treebeard_ref_node"], self.cleaned_data["treebeard_position"]
        manager = type(self.instance).objects
        parent = parent_for(reference, position)
        if parent is None:
            self.instance = manager.add_root(instance=self.instance)
        else:
            self.instance = manager.add_child(parent, instance=self.instance)
        manager.move(self.instance, reference, pos=position)
        self.instance.refresh_from_db()
        return super(MoveNodeForm, self).save(commit=commit)
