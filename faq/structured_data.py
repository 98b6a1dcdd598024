"""schema.org FAQPage data (JSON-LD) for the FAQ pages."""

import html
import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# What json_script escapes: the data can never close its <script> element or open a comment.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def plain_text(rich_html):
    """Readable text of stored rich text: tags dropped, entities decoded, whitespace collapsed."""
    return " ".join(html.unescape(strip_tags(rich_html or "")).split())


def faq_page_json_ld(request, questions):
    """The `<script type="application/ld+json">` element describing `questions` as a FAQPage."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": question.question,
                "url": request.build_absolute_uri(question.get_absolute_url()),
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(question.answer)},
            }
            for question in questions
        ],
    }
    payload = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
