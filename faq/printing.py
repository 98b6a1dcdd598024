"""What the printed FAQ pages and the noticeboard sheet show of an answer."""

import re

from faq.structured_data import plain_text

# The noticeboard sheet gives each answer this many characters at most, cut between words.
SHORT_ANSWER_LENGTH = 280

_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)


def short_answer(answer_html, limit=SHORT_ANSWER_LENGTH):
    """The answer's first paragraph as plain text, shortened between words to `limit` characters."""
    match = _FIRST_PARAGRAPH.search(answer_html or "")
    text = plain_text(match.group(1) if match else answer_html)
    if not text:
        # A first paragraph with no words (an image, an empty line): fall back to the whole answer.
        text = plain_text(answer_html)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.—-") + "…"
