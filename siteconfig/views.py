"""The home page's view: siteconfig owns the home page (siteconfig/home.py)."""

from django.views.generic import TemplateView

from siteconfig.home import home_context


class HomeView(TemplateView):
    """The home page: staff's announcements, introduction and featured items, then the app blocks
    in the order they chose (siteconfig/home.py); with nothing chosen, the blocks in their own order."""

    template_name = "home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**home_context(self.request), **kwargs)
