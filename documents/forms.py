from django import forms
from django.utils.translation import gettext_lazy as _

from documents.models import DocumentFile


class LibraryFilterForm(forms.Form):
    """The library's GET filters. Invalid values are reported and ignored, never an error page."""

    q = forms.CharField(
        label=_("Title or number"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(
        label=_("Language of the file"),
        required=False,
        choices=[("", _("Any language")), *DocumentFile.Language.choices],
    )

    def __init__(self, data=None, *, types=(), years=()):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *((t.slug, t.name) for t in types)]
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]

    def filters(self):
        """The valid filters only: a bad value in one field does not cancel the others."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned.get(name) for name in self.fields if cleaned.get(name) not in (None, "")}
