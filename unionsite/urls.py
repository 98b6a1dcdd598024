from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path, register_converter

from unionsite import converters, editor_uploads, registry, views
from unionsite.sitemaps import SectionSitemap

register_converter(converters.TwoDigitConverter, "dd")

SITEMAPS = {"sections": SectionSitemap, **registry.sitemaps()}

handler400 = "unionsite.views.bad_request"
handler403 = "unionsite.views.permission_denied"
handler404 = "unionsite.views.page_not_found"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/switch/<str:language>/", views.switch_language, name="switch_language"),
    path("display/", views.set_display, name="set_display"),
    path("low-vision/<str:mode>/", views.switch_low_vision, name="switch_low_vision"),
    # Every address under upload/ (django-ckeditor's own pattern is a prefix) goes to our view.
    re_path(r"^ckeditor/upload/", editor_uploads.upload_image, name="editor_image_upload"),
    path("ckeditor/", include("ckeditor_uploader.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("siteconfig.urls")),
    *registry.url_patterns(),
    path("", include("inbox.urls")),
    path("search/", include("search.urls")),
    # The staff guide (editorial/guide/), in the admin's look, before the admin's catch-all.
    path("admin/guide/", include("editorial.guide.urls")),
    path("admin/", admin.site.urls),
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
