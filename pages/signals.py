"""Signal receivers of the pages app, connected in PagesConfig.ready()."""

from pages.models import TREE_POSITION_FIELDS, Page


def fill_tree_position(sender, instance, **kwargs):
    """A page rebuilt from a saved version has no place in the tree: take its current one.

    History leaves the place in the tree out (pages/admin.py), so restoring an old version never
    moves a page or breaks the tree; the page's addresses are then recomputed on save.
    """
    if instance.pk and instance.__dict__.get("path", None) == "":
        current = Page.objects.filter(pk=instance.pk).values(*TREE_POSITION_FIELDS).first()
        if current:
            instance.__dict__.update(current)
