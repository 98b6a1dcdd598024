"""Large text that reads well on a small phone (issue 27): at 320 and 360 px, in every text size
and low-vision setting the display panel offers, no ordinary word breaks inside, nothing scrolls
sideways and the page's heading shows within the first 640 px."""

from urllib.parse import urlparse

import pytest

from tests.browser.site_pages import LANGUAGES, public_pages

pytestmark = pytest.mark.browser

WIDTHS = (320, 360)
HEIGHT = 740
# The panel's choices (unionsite/display.py), each option of each setting at least once, the
# largest text with each low-vision setting; colours matter only for their 2 px borders.
MODES = (
    "",
    "size2",
    "size3",
    "size2.contrast-bw",  # what "Version for the visually impaired" turns on
    "size3.contrast-wb.noimg",
    "size3.contrast-blue.spaced",
    "contrast-bw.noimg.spaced",
)
# One page of each type, as site_pages names them.
PAGE_TYPES = (
    "home",
    "news-list",
    "news-detail",
    "events-detail",
    "faq-topic",
    "faq-question",
    "documents-list",
    "documents-detail",
    "structure-index",
    "structure-organisation",
    "pages-page",
    "search",
    "inbox-join",
)
# A word this long or shorter must never break inside; a longer one (a URL, a compound) may.
SHORT_WORD = 12
HEADING_WITHIN = 640

MEASURE = """(shortWord) => {
  // Folded content (questions, the figures table) is content too: open it all.
  for (const details of document.querySelectorAll('main details')) details.open = true;
  const root = document.documentElement;
  const split = [];
  const wordPattern = /[\\p{L}\\p{N}\\p{M}\\u00AD]+/gu;
  for (const container of document.querySelectorAll('main, .site-header')) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      // Text that is out of sight (for screen readers only) is not laid out for reading.
      // So is a folded menu (checkVisibility: no display:none or content-visibility:hidden above).
      if (parent.closest('.visually-hidden, .skip-link') || !parent.checkVisibility()) continue;
      const box = parent.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) continue;
      for (const match of node.data.matchAll(wordPattern)) {
        const letters = match[0].replace(/\\u00AD/g, '');
        if (letters.length < 2 || letters.length > shortWord) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0);
        if (rects.length < 2) continue;
        const tops = rects.map(r => r.top);
        const lowest = Math.min(...rects.map(r => r.height));
        if (Math.max(...tops) - Math.min(...tops) > lowest / 2) {
          const pieces = [];
          let start = 0;
          // Which letters went to which line, for the message: «Докум/ентте/р».
          for (let i = 1; i <= letters.length; i += 1) {
            const piece = document.createRange();
            piece.setStart(node, match.index + i - 1);
            piece.setEnd(node, match.index + i);
            const next = i < match[0].length ? (() => {
              const r = document.createRange();
              r.setStart(node, match.index + i);
              r.setEnd(node, match.index + i + 1);
              return r.getBoundingClientRect().top;
            })() : null;
            if (next !== null && Math.abs(next - piece.getBoundingClientRect().top) > lowest / 2) {
              pieces.push(match[0].slice(start, i));
              start = i;
            }
          }
          pieces.push(match[0].slice(start));
          const where = parent.closest('[class]');
          const cls = where && typeof where.className === 'string' ? where.className.split(/\\s+/)[0] : '';
          const tag = parent.tagName.toLowerCase();
          split.push(`«${pieces.join('/')}» in ${tag}${cls ? ' (.' + cls + ')' : ''}`);
        }
      }
    }
  }
  const h1 = document.querySelector('h1');
  return {
    split: [...new Set(split)],
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    h1Top: h1 ? Math.round(h1.getBoundingClientRect().top + window.scrollY) : null,
  };
}"""


def _open_in_mode(new_page, live_server, mode):
    page = new_page(viewport={"width": WIDTHS[0], "height": HEIGHT}, is_mobile=True, has_touch=True)
    if mode:
        host = urlparse(live_server.url).hostname
        page.context.add_cookies([{"name": "display", "value": mode, "domain": host, "path": "/"}])
    return page


def test_large_text_keeps_words_whole_fits_the_screen_and_shows_the_heading_first(
    demo, new_page, live_server
):
    urls = []
    for language in LANGUAGES:
        by_name = dict(public_pages(language))
        urls.extend((language, name, by_name[name]) for name in PAGE_TYPES)
    failures = []
    for mode in MODES:
        page = _open_in_mode(new_page, live_server, mode)
        label = mode or "standard"
        for language, name, url in urls:
            page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
            response = page.goto(url)
            if response.status != 200:
                failures.append(f"{label} {language} {name} {url}: HTTP {response.status}")
                continue
            # Each width is applied by resizing, which re-runs the media and container queries.
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": HEIGHT})
                result = page.evaluate(MEASURE, SHORT_WORD)
                where = f"{label} {language} {name} at {width}px"
                if result["split"]:
                    shown = ", ".join(result["split"][:6])
                    more = f" and {len(result['split']) - 6} more" if len(result["split"]) > 6 else ""
                    failures.append(f"{where}: words split across lines: {shown}{more}")
                if result["scrollWidth"] > result["clientWidth"]:
                    failures.append(f"{where}: scrolls sideways ({result['scrollWidth']}px wide)")
                if result["h1Top"] is None:
                    failures.append(f"{where}: no h1")
                elif result["h1Top"] >= HEADING_WITHIN:
                    failures.append(
                        f"{where}: the h1 starts at {result['h1Top']}px (not before {HEADING_WITHIN})"
                    )
        page.context.close()
    assert not failures, f"{len(failures)} problems with large text:\n" + "\n".join(failures)
