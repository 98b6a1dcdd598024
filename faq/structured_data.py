"""schema.org FAQPage data (JSON-LD) for the FAQ pages."""

import html

from django.utils.html import strip_tags

from unionsite.links import absolute_url, json_ld_script


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
                "url": absolute_url(request, question.get_absolute_url()),
                "acceptedAnswer": {"@type": "Answer", "text": plain_text(question.answer)},
            }
            for question in questions
        ],
    }
    return json_ld_script(data)
