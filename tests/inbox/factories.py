"""Factories for the inbox's submissions."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from inbox.models import CONSENT_TEXT_VERSION, Submission
from structure.models import Region


class SubmissionFactory(DjangoModelFactory):
    class Meta:
        model = Submission

    kind = Submission.Kind.JOIN
    name = factory.Sequence(lambda n: f"Айгүл Асанова {n}")
    workplace_type = Submission.WorkplaceType.SCHOOL
    workplace_name = "№5 орто мектеби"
    region = Region.OSH
    phone = "+996 555 123 456"
    email = ""
    message = ""
    consent_at = factory.LazyFunction(timezone.now)
    consent_text_version = CONSENT_TEXT_VERSION
    language = "ky"
