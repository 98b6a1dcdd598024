"""The public forms: "Join the union" and "Write to us", over one model (inbox.models.Submission).

What visitors type is kept as plain text and always shown escaped. Every limit is checked here
with a message in the visitor's language, so no input reaches the database unchecked.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from inbox.models import (
    EMAIL_MAX_LENGTH,
    MESSAGE_MAX_LENGTH,
    NAME_MAX_LENGTH,
    PHONE_MAX_LENGTH,
    WORKPLACE_NAME_MAX_LENGTH,
    Submission,
)
from unionsite.text import visible_text

TEXT_FIELDS = ("name", "workplace_name", "phone", "email", "message", "website")
# Spaces, dashes, dots and brackets people write phone numbers with: +996 (555) 12-34-56.
_PHONE_PUNCTUATION = re.compile(r"[\s\-.()]")
# A Kyrgyz number has 9 digits after the country code 996 (or after the trunk 0).
_KYRGYZ_NUMBER = re.compile(r"(?:\+?996|0)?(\d{9})")
_INTERNATIONAL_NUMBER = re.compile(r"\+(\d{8,15})")


def normalise_phone(value):
    """A phone number as `+996 555 123 456`, or `+<digits>` for another country; None if not one."""
    compact = _PHONE_PUNCTUATION.sub("", value)
    kyrgyz = _KYRGYZ_NUMBER.fullmatch(compact)
    if kyrgyz:
        digits = kyrgyz.group(1)
        return f"+996 {digits[:3]} {digits[3:6]} {digits[6:]}"
    international = _INTERNATIONAL_NUMBER.fullmatch(compact)
    if international and not international.group(1).startswith("996"):
        return f"+{international.group(1)}"
    return None


REQUIRED_MESSAGES = {
    "name": _("Please write your name."),
    "workplace_type": _("Choose where you work from the list."),
    "workplace_name": _("Please name your workplace."),
    "region": _("Choose a region from the list."),
    "message": _("Please write your message."),
}


class SubmissionForm(forms.ModelForm):
    """What both forms share; the subclasses say which fields a visitor must fill in."""

    kind = None
    required_fields = ()

    # The honeypot: hidden from people by CSS and from screen readers; bots fill every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data for this purpose"),
        error_messages={
            "required": _("Please agree to the processing of your personal data, or we cannot answer you.")
        },
    )

    class Meta:
        model = Submission
        fields = ["name", "workplace_type", "workplace_name", "region", "phone", "email", "message"]
        labels = {
            "name": _("Your name"),
            "workplace_type": _("Where you work"),
            "workplace_name": _("Name of your school, kindergarten or institution"),
            "region": _("Region"),
            "phone": _("Phone"),
            "email": _("Email"),
            "message": _("Message"),
        }
        help_texts = {
            "phone": _("For example +996 555 123 456 or 0555 123 456. Leave a phone, an email or both."),
            "email": _("For example aigul@example.kg."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name", "maxlength": NAME_MAX_LENGTH}),
            "workplace_name": forms.TextInput(
                attrs={"autocomplete": "organization", "maxlength": WORKPLACE_NAME_MAX_LENGTH}
            ),
            "phone": forms.TextInput(
                attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel", "maxlength": 40}
            ),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "maxlength": EMAIL_MAX_LENGTH}),
            "message": forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH}),
        }
        error_messages = {
            "workplace_type": {"invalid_choice": _("Choose where you work from the list.")},
            "region": {"invalid_choice": _("Choose a region from the list.")},
            "email": {"invalid": _("Enter an email address such as aigul@example.kg.")},
        }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if self.is_bound:
            # Scripts send NUL bytes, lists and odd types; keep one string per field, without NULs.
            data = self.data.copy()
            for key in TEXT_FIELDS:
                if key in data:
                    data[key] = str(data.get(key, "")).replace("\x00", "")
            self.data = data
        for name in ("name", "workplace_name", "phone", "message"):
            self.fields[name].strip = False  # visible_text strips, after removing invisible characters
        # The model's length limits are checked in clean_* with a clearer message than Django's.
        for name in ("name", "workplace_name", "phone", "email"):
            self.fields[name].max_length = None
            self.fields[name].validators = []
        self.fields["email"].validators = [forms.EmailField.default_validators[0]]
        for name in self.required_fields:
            self.fields[name].required = True
            self.fields[name].error_messages["required"] = REQUIRED_MESSAGES[name]
        self.fields["workplace_type"].choices = [("", _("— choose —")), *Submission.WorkplaceType.choices]
        self.fields["region"].choices = [("", _("— choose —")), *Submission._meta.get_field("region").choices]

    def _limited(self, field, limit, one_line=True):
        value = visible_text(self.cleaned_data.get(field, ""))
        if one_line:
            # Names go into email subjects and list columns: one line, single spaces.
            value = " ".join(value.split())
        if not value and field in self.required_fields:
            # Only invisible characters: as good as empty.
            raise forms.ValidationError(REQUIRED_MESSAGES[field], code="required")
        if len(value) > limit:
            raise forms.ValidationError(
                _("This has %(length)s characters; the limit is %(limit)s. Please shorten it."),
                params={"length": len(value), "limit": limit},
                code="max_length",
            )
        return value

    def clean_name(self):
        return self._limited("name", NAME_MAX_LENGTH)

    def clean_workplace_name(self):
        return self._limited("workplace_name", WORKPLACE_NAME_MAX_LENGTH)

    def clean_message(self):
        return self._limited("message", MESSAGE_MAX_LENGTH, one_line=False)

    def clean_phone(self):
        phone = visible_text(self.cleaned_data.get("phone", ""))
        if not phone:
            return ""
        normalised = normalise_phone(phone[:100])
        if normalised is None or len(normalised) > PHONE_MAX_LENGTH:
            raise forms.ValidationError(
                _("Enter a phone number such as +996 555 123 456 or 0555 123 456."), code="invalid"
            )
        return normalised

    def clean_email(self):
        email = "".join(visible_text(self.cleaned_data.get("email", "")).split())
        if len(email) > EMAIL_MAX_LENGTH:
            raise forms.ValidationError(
                _("Enter an email address such as aigul@example.kg."), code="max_length"
            )
        return email

    def clean(self):
        cleaned = super().clean()
        phone_ok = "phone" not in self.errors
        email_ok = "email" not in self.errors
        if phone_ok and email_ok and not cleaned.get("phone") and not cleaned.get("email"):
            message = _("Leave a phone number or an email address so that we can answer you.")
            self.add_error("phone", forms.ValidationError(message, code="required"))
        return cleaned

    @property
    def honeypot_filled(self):
        return bool(str(self.data.get("website", "")).strip())


class JoinForm(SubmissionForm):
    kind = Submission.Kind.JOIN
    required_fields = ("name", "workplace_type", "workplace_name", "region")

    class Meta(SubmissionForm.Meta):
        labels = {**SubmissionForm.Meta.labels, "message": _("Anything you want to add (optional)")}
        help_texts = {
            **SubmissionForm.Meta.help_texts,
            "region": _("The union's committee of this region will contact you."),
        }


class WriteForm(SubmissionForm):
    kind = Submission.Kind.WRITE
    required_fields = ("name", "message")

    class Meta(SubmissionForm.Meta):
        labels = {
            **SubmissionForm.Meta.labels,
            "workplace_type": _("Where you work (optional)"),
            "workplace_name": _("Your workplace (optional)"),
            "region": _("Region (optional)"),
            "message": _("Your message"),
        }
        help_texts = {
            **SubmissionForm.Meta.help_texts,
            "region": _(
                "The union's committee of this region will answer you; without one, the federation will."
            ),
            "message": _("Up to 2,000 characters. Do not include other people's personal data."),
        }
