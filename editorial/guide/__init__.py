"""The staff guide inside the admin: one short illustrated page per task, in Kyrgyz and Russian.

Each task is a Markdown file per language, `editorial/guide/<language>/<task>.md`, whose first
line is its heading (`# ...`). Its screenshots live in `editorial/static/editorial/guide/` and the
file points at them by a relative path (`../../static/editorial/guide/ky-01-new-report.png`), so
the file reads right in the repository too; a link to another task is its file name
(`review.md`). `tests/browser/test_editors_guide.py` retakes the screenshots
(`make guide-screenshots`) and checks that the pages quote the labels the screens show.

Every change list and change form of the admin links to the task that explains it
(templates/admin/change_list.html, change_form.html and `{% guide_link %}`). The task of a model
admin is its `guide_task` attribute, else its app's (`guide_task` on the AppConfig), else the one
below for the apps the project does not own: editorial names no content app.
"""

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from django.apps import apps
from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# The tasks in the order the guide's index lists them; each has a file per language.
TASKS = (
    "reports",
    "review",
    "questions",
    "pages",
    "settings",
    "home",
    "events",
    "inbox",
    "documents",
    "structure",
    "users",
    "backups",
)

# Apps whose AppConfig is not the project's, and the task that explains their screens.
OTHER_APPS_TASKS = {"auth": "users", "axes": "users"}

CONTENT_DIR = Path(__file__).resolve().parent
STATIC_DIR = CONTENT_DIR.parent / "static"


@dataclass(frozen=True)
class GuidePage:
    task: str
    title: str
    html: SafeString

    def get_absolute_url(self):
        return reverse("guide:task", args=[self.task])


def language_of(language=None):
    """One of the site's languages: the given or active one, else the default."""
    language = language or get_language() or settings.LANGUAGE_CODE
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def source(task, language):
    return CONTENT_DIR / language / f"{task}.md"


def page(task, language=None):
    """The task's page in `language` (the active one by default): its heading and its HTML.

    Read on each call: the files are small, staff-only, and an edited file shows without a restart.
    """
    if task not in TASKS:
        raise LookupError(task)
    path = source(task, language_of(language))
    heading, _newline, body = path.read_text(encoding="utf-8").partition("\n")
    if not heading.startswith("# "):
        raise ValueError(f"{path} does not start with its heading (# ...)")
    converter = markdown.Markdown(extensions=["tables", GuideLinks(path)], output_format="html")
    return GuidePage(task=task, title=heading[2:].strip(), html=mark_safe(converter.convert(body)))  # noqa: S308


def pages(language=None):
    return [page(task, language) for task in TASKS]


def task_for(model_admin):
    """The task that explains a model admin's screens, or None."""
    declared = getattr(model_admin, "guide_task", None)
    if declared:
        return declared
    label = model_admin.model._meta.app_label
    return getattr(apps.get_app_config(label), "guide_task", None) or OTHER_APPS_TASKS.get(label)


class _SiteLinks(Treeprocessor):
    """Relative links of a guide file made the site's: pictures to static files, tasks to pages."""

    def __init__(self, md, path):
        super().__init__(md)
        self.path = path

    def run(self, root: Element) -> None:
        for image in root.iter("img"):
            image.set("src", self.static_url(image.get("src", "")))
            image.set("loading", "lazy")
        for link in root.iter("a"):
            href = link.get("href", "")
            parts = urlsplit(href)
            if not (parts.scheme or parts.netloc) and parts.path.endswith(".md"):
                task = Path(parts.path).stem
                if task not in TASKS:
                    raise ValueError(f"{self.path}: the link {href} names no task")
                url = reverse("guide:task", args=[task])
                link.set("href", url + (f"#{parts.fragment}" if parts.fragment else ""))

    def static_url(self, src):
        if urlsplit(src).scheme or src.startswith("/"):
            return src
        target = (self.path.parent / src).resolve()
        if not target.is_relative_to(STATIC_DIR):
            raise ValueError(f"{self.path}: the picture {src} is not under {STATIC_DIR}")
        return static(target.relative_to(STATIC_DIR).as_posix())


class GuideLinks(Extension):
    def __init__(self, path, **kwargs):
        self.path = path
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        md.treeprocessors.register(_SiteLinks(md, self.path), "guide_links", 1)
