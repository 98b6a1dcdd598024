from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EditorProfile(models.Model):
    """The organisations whose content a staff member edits (see unionsite/roles.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="editor_profile",
        verbose_name=_("user"),
    )
    organisations = models.ManyToManyField(
        "structure.Organisation",
        blank=True,
        related_name="editor_profiles",
        verbose_name=_("organisations"),
        help_text=_(
            "The staff member edits the reports, documents and contacts of these organisations and of "
            "every organisation below them. Federation editors see everything and need none."
        ),
    )

    class Meta:
        ordering = ["user"]
        verbose_name = _("editor's organisations")
        verbose_name_plural = _("editor's organisations")
        permissions = [("edit_all_organisations", "Can edit the content of every organisation")]

    def __str__(self):
        return str(self.user)
