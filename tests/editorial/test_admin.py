"""The admin's workflow actions go through editorial/services.py."""

import pytest

from news.models import Report
from tests.roles.conftest import login

pytestmark = pytest.mark.django_db


def test_publish_action_publishes_what_the_reviewer_sees_and_counts_it(client, osh_reviewer, reports):
    login(client, osh_reviewer)
    ids = [reports[name].pk for name in ("school", "ozgon", "osh", "naryn")]  # Naryn is not theirs
    response = client.post(
        "/ru/admin/news/report/", {"action": "publish", "_selected_action": ids}, follow=True
    )
    assert "Опубликовано 3 отчёта." in response.content.decode()
    statuses = dict(Report.objects.values_list("organisation__slug", "status"))
    assert statuses == {"school": "published", "ozgon": "published", "osh": "published", "naryn": "published"}
    assert Report.objects.get(pk=reports["naryn"].pk).updated_at == reports["naryn"].updated_at
