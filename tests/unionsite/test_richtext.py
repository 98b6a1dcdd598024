import pytest

from unionsite.richtext import sanitize_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
        ('<img src="x.png" onerror="alert(1)" alt="a">', '<img src="x.png" alt="a">'),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', '<a rel="noopener noreferrer">x</a>'),
        ('<p style="color:red;text-align:center">x</p>', '<p style="text-align:center">x</p>'),
        ("<iframe src='https://evil.example'></iframe><p>ok</p>", "<p>ok</p>"),
        ("<svg><script>alert(1)</script></svg>", ""),
        ("<style>body{display:none}</style>text", "text"),
        ("a\x00b", "ab"),
    ],
)
def test_sanitiser_removes_hostile_html(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_sanitiser_keeps_editor_formatting():
    html = (
        "<h2>Title</h2><p><strong>bold</strong> <em>it</em></p><ul><li>one</li></ul>"
        '<a href="https://minjust.gov.kg/" title="t">law</a><table><tbody><tr><td colspan="2">x</td></tr>'
        "</tbody></table>"
    )
    cleaned = sanitize_html(html)
    assert "<h2>Title</h2>" in cleaned
    assert '<a href="https://minjust.gov.kg/" title="t" rel="noopener noreferrer">law</a>' in cleaned
    assert '<td colspan="2">x</td>' in cleaned


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["ky", "ru"])
def test_saving_in_either_language_keeps_an_empty_translation_empty(active):
    from django.utils import translation

    from faq.models import Question
    from tests.faq.factories import QuestionFactory

    question = QuestionFactory(answer_ky="<p>Кыргызча гана.</p>", answer_ru="")
    with translation.override(active):
        question = Question.objects.get(pk=question.pk)
        question.save()
    question.refresh_from_db()
    assert question.answer_ky == "<p>Кыргызча гана.</p>"
    assert question.answer_ru == ""


@pytest.mark.django_db
def test_rich_text_is_sanitised_on_save_in_every_language():
    from tests.news.factories import ReportFactory

    report = ReportFactory(
        body_ky="<p onclick='x()'>a</p><script>1</script>", body_ru="<img src=x onerror=alert(1)>"
    )
    report.refresh_from_db()
    assert report.body_ky == "<p>a</p>"
    assert report.body_ru == '<img src="x">'
