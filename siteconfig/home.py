"""What the home page shows from its settings: announcements, introduction, featured items, blocks.

The rows come from the shared cache (siteconfig/loading.py); the featured items' content is read
on each render, one query per kind of content, through that kind's `published()`: an item whose
report was unpublished disappears without anyone touching the home page.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language

from siteconfig.loading import get_home_config, get_site_settings
from siteconfig.models import featurable_models
from unionsite import registry
from unionsite.links import absolute_url, json_ld_script
from unionsite.templatetags.site_tags import shown_language

# Which field gives a featured item its title and its summary, first found first.
TITLE_FIELDS = ("title", "question", "name")
SUMMARY_FIELDS = ("lead", "summary", "description", "answer", "body")
SUMMARY_WORDS = 30


@dataclass
class FeaturedCard:
    kind: str
    title: str
    url: str
    summary: str = ""
    title_lang: str = ""
    summary_lang: str = ""
    # A kind's own line under the title (an event's dates and place): the template named by the
    # model's `featured_detail_template`, given the item as `object`.
    detail_template: str = ""
    object: object = None


def block_templates(rows):
    """The app blocks' templates in the order staff chose; an app without a row keeps its place."""
    chosen = {label: (position, visible) for label, position, visible in rows}
    entries = []
    for config in registry.content_apps():
        if not config.home_block_template:
            continue
        default = config.position if config.home_position is None else config.home_position
        position, visible = chosen.get(config.label, (default, True))
        if visible:
            entries.append((position, default, config.home_block_template))
    entries.sort(key=lambda entry: entry[:2])
    return [template for _position, _default, template in entries]


def _field(model, names):
    fields = {field.name for field in model._meta.concrete_fields}
    return next((name for name in names if name in fields), None)


def _lang(obj, field):
    code = shown_language(obj, field)
    return "" if code == get_language() else code


def _card(obj):
    model = type(obj)
    title_field = _field(model, TITLE_FIELDS)
    title = getattr(obj, title_field) if title_field else str(obj)
    summary_field = next(
        (name for name in SUMMARY_FIELDS if _field(model, [name]) and getattr(obj, name)), None
    )
    summary = ""
    if summary_field:
        summary = Truncator(strip_tags(getattr(obj, summary_field)).replace("&nbsp;", " ")).words(
            SUMMARY_WORDS
        )
    return FeaturedCard(
        kind=capfirst(model._meta.verbose_name),
        title=title or str(obj),
        url=obj.get_absolute_url(),
        summary=summary,
        title_lang=_lang(obj, title_field) if title_field else "",
        summary_lang=_lang(obj, summary_field) if summary_field else "",
        detail_template=getattr(model, "featured_detail_template", ""),
        object=obj,
    )


def featured_cards(pairs):
    """Cards for [(content type id, object id)], in that order, for the published targets only."""
    allowed = set(featurable_models())
    wanted = {}
    for content_type_id, object_id in pairs:
        wanted.setdefault(content_type_id, []).append(object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model not in allowed:
            continue
        # The non-null foreign keys: what an item's address or title usually needs (a question's topic).
        related = [
            field.name for field in model._meta.concrete_fields if field.many_to_one and not field.null
        ]
        for obj in model._default_manager.published().filter(pk__in=ids).select_related(*related):
            found[(content_type_id, obj.pk)] = obj
    return [_card(found[pair]) for pair in pairs if pair in found]


def organisation_json_ld(request, settings):
    """schema.org `Organization` for the federation, from the site settings."""
    name = str(settings.name)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": name,
        "url": absolute_url(request, reverse("home")),
        "logo": absolute_url(request, static("img/logo.svg")),
    }
    if settings.short_name:
        data["alternateName"] = settings.short_name
    if settings.address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(
                line.strip().rstrip(",") for line in settings.address.splitlines() if line.strip()
            ),
            "addressCountry": "KG",
        }
    phones = [phone.tel for phone in settings.phone_numbers]
    if phones:
        data["telephone"] = phones[0] if len(phones) == 1 else phones
    emails = settings.email_addresses
    if emails:
        data["email"] = emails[0] if len(emails) == 1 else emails
    socials = [url for _name, url in settings.social_links]
    if socials:
        data["sameAs"] = socials
    return json_ld_script(data)


def home_context(request):
    config = get_home_config()
    now = timezone.now()
    return {
        "home_page": config["home"],
        "announcements": [item for item in config["announcements"] if item.is_current(now)],
        "featured_items": featured_cards(config["featured"]),
        "home_blocks": block_templates(config["blocks"]),
        "organisation_json_ld": organisation_json_ld(request, get_site_settings(request)),
    }
