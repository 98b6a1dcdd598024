"""Every kind of response carries the security headers: pages, redirects, errors, files, feeds."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

from tests.documents.factories import DocumentFileFactory
from tests.faq.factories import QuestionFactory
from tests.news.factories import ReportFactory

pytestmark = pytest.mark.django_db


def assert_security_headers(response, label):
    assert response.get("X-Frame-Options") == "DENY", label
    assert response.get("X-Content-Type-Options") == "nosniff", label
    assert response.get("Referrer-Policy") == "same-origin", label
    assert "frame-ancestors 'none'" in response.get("Content-Security-Policy", ""), label


@pytest.fixture
def content():
    report = ReportFactory()
    question = QuestionFactory()
    document_file = DocumentFileFactory(language="ky")
    return {
        "report": report.get_absolute_url(),
        "question": question.get_absolute_url(),
        "document": document_file.document.get_absolute_url(),
        "download": f"{document_file.document.get_absolute_url()}download/ky/",
    }


def crawl(client, content):
    """(label, response) for each kind of response the site gives."""
    requests = [
        ("home page", "get", "/ky/"),
        ("language redirect", "get", "/"),
        ("switcher redirect", "get", "/i18n/switch/ru/?next=/ky/"),
        ("low-vision redirect", "get", "/low-vision/on/?next=/ru/"),
        ("missing trailing slash", "get", "/ru/news"),
        ("report", "get", content["report"]),
        ("print view", "get", content["report"] + "?print=1"),
        ("answer", "get", content["question"]),
        ("document", "get", content["document"]),
        ("download", "get", content["download"]),
        ("feed", "get", "/ky/news/feed/"),
        ("sitemap", "get", "/sitemap.xml"),
        ("robots.txt", "get", "/robots.txt"),
        ("health check", "get", "/healthz"),
        ("method not allowed", "options", "/healthz"),
        ("not found", "get", "/ky/no-such-page/"),
        ("unknown search section", "get", "/ru/search/?q=x&section=nope"),
        ("NUL byte in the path", "get", "/ky/\x00/"),
        ("foreign host", "get", "/ky/", {"HTTP_HOST": "evil.example"}),
        ("CSRF failure", "post", "/ru/faq/ask/"),
        ("admin login", "get", "/ru/admin/login/"),
        ("admin redirect to login", "get", "/ky/admin/"),
        ("static file", "get", "/static/css/site.css"),
        ("missing static file", "get", "/static/css/nope.css"),
    ]
    for label, method, path, *extra in requests:
        response = getattr(client, method)(path, **(extra[0] if extra else {}))
        yield label, response
        if response.streaming:
            # Read to the end, never close(): closing sends request_finished, which closes the
            # PostgreSQL connection of the test's transaction.
            b"".join(response.streaming_content)


def test_every_kind_of_response_has_the_security_headers(content, collected_static):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    statuses = {}
    for label, response in crawl(client, content):
        statuses[label] = response.status_code
        assert response.status_code < 500, label
        assert_security_headers(response, label)
    # The crawl reached each kind it names.
    assert statuses["language redirect"] == 302
    assert statuses["NUL byte in the path"] == 400
    assert statuses["foreign host"] == 400
    assert statuses["CSRF failure"] == 403
    assert statuses["not found"] == 404
    assert statuses["method not allowed"] == 405
    assert statuses["missing trailing slash"] == 301
    assert statuses["download"] == 200


def test_cached_pages_keep_the_security_headers(content):
    client = Client()
    first = client.get("/ru/faq/")
    second = client.get("/ru/faq/")
    assert not second.templates, "the second answer should come from the page cache"
    for response in (first, second):
        assert_security_headers(response, "cached page")


def test_the_503_page_has_the_security_headers(client):
    with mock.patch("siteconfig.views.HomeView.get", side_effect=OperationalError("down")):
        response = client.get("/ky/")
    assert response.status_code == 503
    assert_security_headers(response, "503")
