"""Every model registered in the admin is fuzzed here, or listed as having no form to fuzz."""

from importlib import import_module

from django.contrib import admin

# model label → the test class that fuzzes its admin form (tests/fuzz/test_*.py).
FUZZED = {
    "news.Category": "test_news.CategoryAdminFuzz",
    "news.Report": "test_news.ReportAdminFuzz",
    "events.Event": "test_events.EventAdminFuzz",
    "documents.DocumentType": "test_documents.DocumentTypeAdminFuzz",
    "documents.Document": "test_documents.DocumentAdminFuzz",
    "faq.Topic": "test_faq.TopicAdminFuzz",
    "faq.Question": "test_faq.QuestionAdminFuzz",
    "faq.IncomingQuestion": "test_faq.IncomingQuestionAdminFuzz",
    "pages.Page": "test_pages.PageAdminFuzz",
    "pages.MenuItem": "test_pages.MenuItemAdminFuzz",
    "structure.Organisation": "test_structure.OrganisationAdminFuzz",
    "structure.GoverningBody": "test_structure.GoverningBodyAdminFuzz",
    "siteconfig.SiteSettings": "test_siteconfig.SiteSettingsAdminFuzz",
    "siteconfig.HomePage": "test_siteconfig.HomePageAdminFuzz",
    "auth.User": "test_private.UserAdminFuzz",
    "auth.Group": "test_private.GroupAdminFuzz",
    "inbox.Submission": "test_private.SubmissionAdminFuzz",
}

# model label → why no form of it is fuzzed.
AXES = "written by the login guard (django-axes); its admin has no add or edit form, no page shows it"
NOT_FUZZED = {
    "axes.AccessAttempt": AXES,
    "axes.AccessLog": AXES,
    "axes.AccessFailureLog": AXES,
    "editorial.UndeliveredMail": "written by editorial/mail.py when a mail fails; its admin has no add or "
    "edit form, only the desk shows it",
}


def test_every_registered_model_is_fuzzed_or_listed_with_a_reason():
    registered = {model._meta.label for model in admin.site._registry}
    assert registered - FUZZED.keys() - NOT_FUZZED.keys() == set(), "fuzz these admin forms in tests/fuzz/"
    assert (FUZZED.keys() | NOT_FUZZED.keys()) - registered == set(), "no longer in the admin"
    assert all(reason for reason in NOT_FUZZED.values())


def test_every_listed_fuzz_case_exists_and_fuzzes_its_model():
    for label, path in FUZZED.items():
        module, name = path.split(".")
        case = getattr(import_module(f"tests.fuzz.{module}"), name)
        assert any(attribute.startswith("test_") for attribute in dir(case)), label
