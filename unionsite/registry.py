"""The content apps and what each contributes to the site, declared on its own AppConfig.

A content app's AppConfig subclasses `registry.ContentAppConfig` and fills in the attributes below
(import the module, not the class: with two AppConfig classes in apps.py Django would pick neither).
The core (URLs, navigation, home page, sitemaps, search, share images, demo content, page cache,
role groups, the admin desk) asks `content_apps()` and never names an app. Adding an app means
writing it and listing it in INSTALLED_APPS; docs/architecture.md walks through it.
"""

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig, apps
from django.db.models import Model
from django.urls import URLResolver, include, path
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.module_loading import import_string

if TYPE_CHECKING:
    from django.contrib.sitemaps import Sitemap


class ContentAppConfig(AppConfig):
    # The app's URLconf (dotted module path) and where it is mounted under the language prefix:
    # url_prefix "news/" serves it at /ky/news/ and /ru/news/.
    urls = ""
    url_prefix = ""
    # The section's index page: its URL name, its label in the main menu, and its place there and
    # on the home page (lower comes first).
    index_url_name = ""
    nav_label: str | Promise = ""
    position = 100
    # The section's name on its share image (og:image, unionsite/share.py) when it has no menu
    # label; the image is drawn by devtools' make_share_images, the generic one serves until then.
    share_label: str | Promise = ""
    # A template showing the app's block on the home page (it loads what it shows itself), and
    # the block's place there when it differs from the menu's.
    home_block_template = ""
    home_position: int | None = None
    # Dotted path to the app's `search.engine.SearchSection`.
    search_section = ""
    # Sitemap key → dotted path of a Sitemap class.
    sitemaps: dict[str, str] = {}
    # Dotted path to `load(stdout)`, which loads the app's demo content idempotently. Demo content
    # is loaded in INSTALLED_APPS order, so an app comes after the apps its content points at.
    demo_loader = ""
    # Model names whose first published item the demo home page pins (siteconfig/demo.py), in
    # the order of the apps' positions.
    demo_featured: tuple[str, ...] = ()
    # Models that no public page shows: changing them leaves cached pages as they are.
    private_models: tuple[str, ...] = ()
    # Models whose cards are cached keyed by their own `updated_at` (a {% cache %} tag in the card's
    # template): saving one changes its own cards' keys and leaves the other cards alone.
    card_models: tuple[str, ...] = ()
    # Dotted path to a function returning the next moment (aware datetime or None) the app's public
    # pages change by themselves, beyond items dated in the future, which every app with
    # publication times gets without declaring anything (see `schedules`).
    schedule = ""
    # Dotted path to `sections(user)`, the app's own sections of the admin desk
    # (editorial/dashboard.py; any AppConfig may declare it).
    desk_sections = ""
    # What each editorial role may do with the app's models: role key (editorial/groups.py
    # ROLE_NAMES) → permission codenames of this app. The app's migration grants them with
    # editorial.groups.grant_role_permissions; a test checks the groups hold them.
    role_permissions: dict[str, list[str]] = {}

    def public_models(self) -> list[type[Model]]:
        """The models whose changes make cached pages stale."""
        return [model for model in self.get_models() if model.__name__ not in self.private_models]


CRUD = ("add", "change", "delete", "view")


def model_permissions(model_name: str, actions: Iterable[str] = CRUD) -> list[str]:
    """Codenames of `actions` on a model: model_permissions("report") → add_report, change_report..."""
    return [f"{action}_{model_name}" for action in actions]


def content_apps() -> list[ContentAppConfig]:
    """Every installed content app, in INSTALLED_APPS order."""
    return [config for config in apps.get_app_configs() if isinstance(config, ContentAppConfig)]


def in_menu_order() -> list[ContentAppConfig]:
    """Every installed content app, by `position` (the menu's, the search's, the demo's order)."""
    return sorted(content_apps(), key=lambda config: config.position)


def sections() -> list[ContentAppConfig]:
    """The content apps with an index page, in menu order."""
    return [config for config in in_menu_order() if config.index_url_name]


def search_sections() -> list[Any]:
    """Every content app's search section (pages have no index page but are searched), in menu order.

    Each is a `search.engine.SearchSection`, which this package may not import (`Any` here).
    """
    return [import_string(config.search_section) for config in in_menu_order() if config.search_section]


def url_patterns() -> list[URLResolver]:
    """The content apps' URLconfs, each under its prefix (unionsite/urls.py puts them under the language)."""
    return [path(config.url_prefix, include(config.urls)) for config in content_apps() if config.urls]


def share_sections() -> dict[str, str | Promise]:
    """Section key (the app label) → its name on the share image, for every app that has one."""
    return {
        config.label: config.share_label or config.nav_label
        for config in in_menu_order()
        if config.share_label or config.nav_label
    }


def demo_featured_models() -> list[type[Model]]:
    """The models the demo home page pins an item of, in the apps' order."""
    return [config.get_model(name) for config in in_menu_order() for name in config.demo_featured]


def sitemaps() -> dict[str, "type[Sitemap[Any]]"]:
    return {key: import_string(path) for config in content_apps() for key, path in config.sitemaps.items()}


def home_block_templates() -> list[str]:
    blocks = [config for config in content_apps() if config.home_block_template]
    blocks.sort(key=lambda config: config.position if config.home_position is None else config.home_position)
    return [config.home_block_template for config in blocks]


def demo_loaders() -> list[Callable[..., None]]:
    return [import_string(config.demo_loader) for config in content_apps() if config.demo_loader]


def card_model_labels() -> set[str]:
    """`app_label.modelname` of every content app's card models (the page cache reads them)."""
    return {f"{config.label}.{name.lower()}" for config in content_apps() for name in config.card_models}


def next_publication_time(model: type[Model]) -> datetime | None:
    """When the next item of `model` dated in the future comes due (drafts too: a spare bump is harmless)."""
    upcoming = model._default_manager.filter(published_at__gt=timezone.now()).order_by("published_at")
    return upcoming.values_list("published_at", flat=True).first()


def schedules() -> list[Callable[[], datetime | None]]:
    """The functions telling when content apps' public pages change by themselves (the page cache asks).

    Each public model with a publication time (editorial.Publishable's `has_publication_time`)
    appears by itself at that time; an app declares `schedule` for anything else.
    """
    functions: list[Callable[[], datetime | None]] = []
    for config in content_apps():
        for model in config.public_models():
            has_publication_time = getattr(model, "has_publication_time", None)
            if callable(has_publication_time) and has_publication_time():
                functions.append(partial(next_publication_time, model))
        if config.schedule:
            functions.append(import_string(config.schedule))
    return functions
