"""Signal receivers of the structure app, connected in StructureConfig.ready()."""

from django.db.models.signals import post_init
from django.dispatch import receiver

from structure.models import TREE_POSITION_FIELDS, Organisation


@receiver(post_init, sender=Organisation, dispatch_uid="structure_fill_tree_position")
def fill_tree_position(sender, instance, **kwargs):
    """An organisation rebuilt from a saved version has no path: take its current one.

    History leaves the place in the tree out (structure/admin.py), so restoring an old version
    never moves a node or breaks the tree.
    """
    if instance.pk and instance.__dict__.get("path", None) == "":
        current = Organisation.objects.filter(pk=instance.pk).values(*TREE_POSITION_FIELDS).first()
        if current:
            instance.__dict__.update(current)
