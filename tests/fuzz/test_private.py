"""Admin forms of what no public page shows: users, groups, and the inbox's submissions.

Their forms are fuzzed all the same (no 5xx). A user's name and address do reach the outside,
in the workflow's e-mails: the fuzzed user submits a report and is told when it is published.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from hypothesis import given
from hypothesis import strategies as st

from editorial import groups, services
from editorial.models import EditorProfile
from inbox.models import Submission
from tests.fuzz import base_data
from tests.fuzz.harness import AdminFormFuzz
from tests.inbox.factories import SubmissionFactory
from tests.news.factories import CategoryFactory, ReportFactory


class UserAdminFuzz(AdminFormFuzz):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.tree = base_data.organisation_tree()
        cls.editor, cls.reviewer = base_data.regional_roles(cls.tree)
        cls.category = CategoryFactory(slug="base-events")

    def setUp(self):
        super().setUp()
        self.url = f"/ky/admin/auth/user/{self.editor.pk}/change/"

    def model(self):
        return get_user_model()

    def outputs(self, user, site):
        """The fuzzed user submits a report (the reviewer is mailed their name) and hears back."""
        user.groups.add(Group.objects.get(name=groups.REGIONAL_EDITOR))
        profile, _created = EditorProfile.objects.get_or_create(user=user)
        profile.organisations.add(self.tree["ozgon"])
        user = get_user_model().objects.get(pk=user.pk)
        report = ReportFactory(organisation=self.tree["ozgon"], category=self.category, status="draft")
        with self.captureOnCommitCallbacks(execute=True):
            try:
                services.submit(report, user)
            except services.TransitionNotAllowed:
                return  # an inactive or non-staff user may not
            services.publish(report, self.reviewer)
        site.page(report.get_absolute_url())

    @given(data=st.data())
    def test_change_user(self, data):
        self.fuzz(data)


class UserAddFuzz(AdminFormFuzz):
    url = "/ky/admin/auth/user/add/"

    def model(self):
        return get_user_model()

    def outputs(self, user, site):
        site.page("/ky/")

    @given(data=st.data())
    def test_add_user(self, data):
        self.fuzz(data)


class GroupAdminFuzz(AdminFormFuzz):
    url = "/ky/admin/auth/group/add/"

    def model(self):
        return Group

    def outputs(self, group, site):
        site.page("/ky/")

    @given(data=st.data())
    def test_add_group(self, data):
        self.fuzz(data)


class SubmissionAdminFuzz(AdminFormFuzz):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.submission = SubmissionFactory()

    def setUp(self):
        super().setUp()
        self.url = f"/ky/admin/inbox/submission/{self.submission.pk}/change/"

    def model(self):
        return Submission

    def outputs(self, submission, site):
        site.page("/ky/join/")

    @given(data=st.data())
    def test_change_submission(self, data):
        self.fuzz(data)
