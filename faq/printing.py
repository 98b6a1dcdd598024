"""What the printed FAQ pages and the noticeboard sheet show of an answer."""

import re

from faq.models import SHORT_ANSWER_MAX_LENGTH
from faq.structured_data import plain_text
from unionsite.templatetags.site_tags import shown_language

_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.IGNORECASE | re.DOTALL)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def leading_sentences(answer_html, limit):
    """The first paragraph's whole sentences (plain text) that fit in `limit` characters; at least
    the first sentence, however long: the sheet never cuts a thought in the middle."""
    match = _FIRST_PARAGRAPH.search(answer_html or "")
    text = plain_text(match.group(1) if match else answer_html)
    if not text:
        # A first paragraph with no words (an image, an empty line): the whole answer.
        text = plain_text(answer_html)
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        candidate = f"{kept} {sentence}".strip()
        if kept and len(candidate) > limit:
            break
        kept = candidate
    return kept


def sheet_answer(question, language):
    """What the noticeboard sheet prints of `question` in `language`, in full, and the language it
    is written in: staff's short answer in that language, else the answer's leading sentences."""
    written = getattr(question, f"short_answer_{language}", "")
    if written:
        return written, language
    answer_language = shown_language(question, "answer") or language
    return leading_sentences(question.answer, SHORT_ANSWER_MAX_LENGTH), answer_language
