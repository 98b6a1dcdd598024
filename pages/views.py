from django.conf import settings
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from editorial.preview import PreviewMixin, can_preview
from pages.models import LANGUAGE_CODES, Page
from siteconfig.loading import get_site_settings
from unionsite.links import absolute_url, json_ld_script


def documents_prefetch():
    """The page's documents that are published, each with its type and files (three queries)."""
    document_model = Page._meta.get_field("documents").related_model
    file_model = document_model._meta.get_field("files").related_model
    files = Prefetch("files", queryset=file_model.objects.order_by("language"))
    documents = document_model.objects.published().select_related("document_type").prefetch_related(files)
    return Prefetch("documents", queryset=documents, to_attr="published_documents")


class PageDetailView(PreviewMixin, DetailView):
    """A page at the path of its ancestors' slugs in the current language.

    An address in the other language's slugs (the language switcher keeps the path as it was)
    is sent to the same page's address in this language. A page under an unpublished page is
    not public either.
    """

    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_queryset(self):
        return self.visible(Page.objects.all()).prefetch_related(documents_prefetch())

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        url_path = self.kwargs["url_path"].lower()
        language = get_language()
        page = queryset.filter(**{f"url_path_{language}": url_path}).first()
        if page is None:
            in_other_language = Q()
            for code in LANGUAGE_CODES:
                if code != language:
                    in_other_language |= Q(**{f"url_path_{code}": url_path})
            moved = self.visible(Page.objects.all()).filter(in_other_language).first()
            if moved is not None:
                page, self.moved_to = moved, moved.url_in(language)
        if page is None or (self.preview and not can_preview(self.request.user, page)):
            raise Http404(_("There is no such page."))
        return page

    def get(self, request, *args, **kwargs):
        self.moved_to = None
        self.object = self.get_object()
        canonical = self.object.get_absolute_url()
        if self.moved_to or request.path != canonical:
            target = self.moved_to or canonical
            query = request.GET.urlencode()
            return redirect(f"{target}?{query}" if query else target, permanent=not self.preview)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        ancestors = list(Page.objects.ancestors_of(page)) if page.depth > 1 else []
        if not self.preview and any(not ancestor.is_public for ancestor in ancestors):
            raise Http404(_("There is no such page."))
        context["ancestors"] = ancestors
        context["children"] = list(self.visible(Page.objects.children_of(page))) if page.numchild else []
        context["documents"] = page.published_documents
        context["alternate_urls"] = [(code, page.url_in(code)) for code in LANGUAGE_CODES]
        context["default_alternate_url"] = page.url_in(settings.LANGUAGE_CODE)
        context["print_view"] = self.request.GET.get("print") == "1"
        cover = page.cover_sizes.get("detail")
        context["og_image"] = absolute_url(self.request, cover.url) if cover else ""
        context["json_ld"] = self.json_ld(page, ancestors)
        return context

    def json_ld(self, page, ancestors):
        url = absolute_url(self.request, page.get_absolute_url())
        data = {
            "@context": "https://schema.org",
            "@type": page.schema_type,
            "name": page.title,
            "url": url,
            "inLanguage": self.request.LANGUAGE_CODE,
            "dateModified": page.updated_at,
            "isPartOf": {"@type": "WebSite", "url": absolute_url(self.request, "/")},
            "publisher": {
                "@type": "Organization",
                "name": str(get_site_settings(self.request).name),
            },
            "breadcrumb": {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": number,
                        "name": item.title,
                        "item": absolute_url(self.request, item.get_absolute_url()),
                    }
                    for number, item in enumerate([*ancestors, page], start=1)
                ],
            },
        }
        if page.lead:
            data["description"] = page.lead
        cover = page.cover_sizes.get("detail")
        if cover:
            data["primaryImageOfPage"] = absolute_url(self.request, cover.url)
        return json_ld_script(data)
