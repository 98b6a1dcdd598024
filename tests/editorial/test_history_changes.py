"""The history names only what the editor changed: a browser posts textareas with CRLF line
breaks and CKEditor re-serialises the rich text it was given, and neither is a change."""

import json

import pytest
from django.contrib.admin.models import LogEntry

from tests.news.factories import ReportFactory
from tests.security.html_forms import form_values

pytestmark = pytest.mark.django_db


def as_a_browser_posts(values):
    """Textareas' line breaks as CRLF, and the rich text as CKEditor writes it back (a line break
    and indentation between blocks, &nbsp; for a non-breaking space)."""
    posted = {}
    for name, value in values:
        value = value.replace("\r\n", "\n").replace("\n", "\r\n")
        if name.startswith("body_") and value:
            value = value.replace("</p><p>", "</p>\r\n\r\n<p>").replace("\u00a0", "&nbsp;") + "\r\n"
        posted.setdefault(name, []).append(value)
    return posted


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_changing_the_russian_title_records_only_the_russian_title(admin_client, language):
    report = ReportFactory(
        title_ky="Семинар",
        title_ru="Семинар",
        lead_ky="Биринчи сап.\nЭкинчи сап.",
        body_ky="<p>Бир.</p><p>Эки\u00a0сөз.</p>",
        body_ru="<p>Один.</p><p>Два.</p>",
    )
    url = f"/{language}/admin/news/report/{report.pk}/change/"
    posted = as_a_browser_posts(form_values(admin_client.get(url).content.decode()))
    posted["title_ru"] = ["Областной семинар"]
    response = admin_client.post(url, posted)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = LogEntry.objects.get(object_id=str(report.pk))
    fields = [
        change["changed"]["fields"] for change in json.loads(entry.change_message) if "changed" in change
    ]
    assert fields == [["Title [ru]"]]
