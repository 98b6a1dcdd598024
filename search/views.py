from django.views.generic import TemplateView

from search import engine


class SearchView(TemplateView):
    """Search across everything the content apps offer to search (or one section of it)."""

    template_name = "search/results.html"
    paginate_by = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = engine.clean_query(self.request.GET.get("q", ""))
        available = engine.sections()
        section_key = self.request.GET.get("section") or None
        unknown_section = section_key is not None and section_key not in {s.key for s in available}
        results = engine.Results(query)
        if query and not unknown_section:
            results = engine.search(query, only_section=section_key)
        context.update(
            query=query,
            has_words=bool(engine.words_of(query)),
            sections=available,
            section_key=section_key,
            unknown_section=unknown_section,
            results=results,
            page_obj=results.page(self.request.GET.get("page"), self.paginate_by),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        if context["unknown_section"]:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)
