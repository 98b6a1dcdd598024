from django import forms
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _

from faq.models import IncomingQuestion, Question
from structure.models import Organisation, OrganisationKind
from unionsite.text import visible_text

QUESTION_MAX_LENGTH = 2000


class OrganisationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        # Indent by depth so the tree reads in a plain <select> (no JavaScript needed).
        indent = "\u00a0\u00a0" * (obj.depth - 1)
        return f"{indent}{obj.name}"


class AskQuestionForm(forms.ModelForm):
    """The public form. Markup typed into it is kept as plain text and always shown escaped."""

    # The honeypot: hidden from people by CSS and from screen readers; bots fill every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = IncomingQuestion
        fields = ["text", "name", "contact", "organisation"]
        labels = {
            "text": _("Your question"),
            "name": _("Your name (optional)"),
            "contact": _("Phone or email for a reply (optional)"),
            "organisation": _("Your union organisation (optional)"),
        }
        help_texts = {
            "text": _(
                "Describe your situation in up to 2,000 characters. Do not include other people's "
                "personal data."
            ),
            "contact": _(
                "Only the union's staff see it. Leave it empty if you do not need a personal reply."
            ),
            "organisation": _("Your district or city committee, or your university's committee."),
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 8, "maxlength": QUESTION_MAX_LENGTH})}
        field_classes = {"organisation": OrganisationChoiceField}
        error_messages = {
            "text": {"required": _("Please write your question.")},
            "organisation": {"invalid_choice": _("Choose an organisation from the list.")},
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # NUL bytes come from scripts, not keyboards: drop them rather than refuse the text.
            data = self.data.copy()
            for key in ("text", "name", "contact"):
                if key in data:
                    data[key] = data[key].replace("\x00", "")
            self.data = data
        self.fields["text"].required = True
        self.fields["text"].strip = False  # visible_text strips, after removing invisible characters
        # Primary organisations (schools, kindergartens) run into thousands; the committees
        # above them are few and every member belongs to one.
        self.fields["organisation"].queryset = Organisation.objects.exclude(kind=OrganisationKind.PRIMARY)
        self.fields["organisation"].empty_label = _("— not chosen —")

    def clean_text(self):
        text = visible_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Please write your question."), code="required")
        if len(text) > QUESTION_MAX_LENGTH:
            raise forms.ValidationError(
                _(
                    "Your question has %(length)s characters; the limit is %(limit)s. Please shorten "
                    "it; your text is kept below."
                ),
                params={"length": len(text), "limit": QUESTION_MAX_LENGTH},
                code="max_length",
            )
        return text

    def clean_name(self):
        return visible_text(self.cleaned_data["name"])

    def clean_contact(self):
        return visible_text(self.cleaned_data["contact"])

    @property
    def honeypot_filled(self):
        return bool(self.data.get("website", "").strip())


REPLY_MAX_LENGTH = 10000


class PublishedQuestionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.topic.name} — {obj.question}"


class ReplyForm(forms.Form):
    """The admin's reply by email to a member's question (faq/admin.py, faq/services.py)."""

    text = forms.CharField(
        label=_("Reply"),
        strip=False,
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text=_(
            "Write in the member's language. The mail adds a greeting, the question, the links to "
            "the FAQ answers chosen below and the union's signature."
        ),
        error_messages={"required": _("Write the reply before sending it.")},
    )
    faq_questions = PublishedQuestionsField(
        Question.objects.none(),
        required=False,
        label=_("FAQ answers to link"),
        help_text=_("Published answers only; the mail links to them in the member's language."),
        widget=FilteredSelectMultiple(_("FAQ answers"), is_stacked=False),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faq_questions"].queryset = Question.objects.published().select_related("topic")

    def clean_text(self):
        text = visible_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Write the reply before sending it."), code="required")
        return text


class CallBackForm(forms.Form):
    """The admin's record that staff called the member back (faq/admin.py, faq/services.py)."""

    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        strip=False,
        max_length=REPLY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text=_("What you told the member, for your colleagues."),
    )

    def clean_note(self):
        return visible_text(self.cleaned_data["note"])
