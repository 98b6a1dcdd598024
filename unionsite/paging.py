"""One way to page a list: whatever `?page=` holds, the nearest valid page, never an error."""

from django.core.paginator import Paginator


def nearest_page(paginator, value):
    """Junk, 0 and negative numbers give the first page, numbers past the end the last."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 1
    return paginator.page(min(max(number, 1), paginator.num_pages))


def page_of(items, per_page, value):
    return nearest_page(Paginator(items, per_page), value)


class NearestPageMixin:
    """For a ListView: a bad page number shows the nearest valid page instead of a 404."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = nearest_page(paginator, self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
