"""Personal data past its retention period goes with the admin's history of it.

The change messages of Django's admin history (LogEntry) may quote what was deleted (a staff
note, a question's text); they are deleted with the rows, in batches of ids.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

BATCH = 500


def delete_with_admin_history(queryset):
    """Delete the rows of `queryset` and their admin history; return how many rows went.

    Call it inside a transaction: the rows and their history go together or not at all.
    """
    pks = [str(pk) for pk in queryset.values_list("pk", flat=True)]
    if not pks:
        return 0
    content_type = ContentType.objects.get_for_model(queryset.model)
    for start in range(0, len(pks), BATCH):
        LogEntry.objects.filter(content_type=content_type, object_id__in=pks[start : start + BATCH]).delete()
    queryset.model._default_manager.filter(pk__in=pks).delete()
    return len(pks)
