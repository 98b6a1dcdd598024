import logging
import re
import unicodedata
from urllib.parse import quote

from django.conf import settings
from django.db.models import F, Prefetch, Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from documents.forms import LibraryFilterForm
from documents.models import Document, DocumentFile, DocumentType
from editorial.preview import PreviewMixin
from unionsite.paging import NearestPageMixin

# Characters Windows, macOS or a browser would refuse or misread in a saved file name.
UNSAFE_FILE_NAME_CHARACTERS = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
MAX_DOWNLOAD_NAME_LENGTH = 120

logger = logging.getLogger(__name__)


def _files_prefetch():
    return Prefetch("files", queryset=DocumentFile.objects.order_by("language"))


class DocumentListView(NearestPageMixin, ListView):
    """The library: filter by type, year and file language, search by title and number."""

    template_name = "documents/index.html"
    context_object_name = "documents"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        self.types = list(DocumentType.objects.all())
        years = [day.year for day in Document.objects.published().dates("date_signed", "year", order="DESC")]
        self.form = LibraryFilterForm(request.GET or None, types=self.types, years=years)
        self.active_filters = self.form.filters() if request.GET else {}
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        documents = (
            Document.objects.published().select_related("document_type").prefetch_related(_files_prefetch())
        )
        filters = self.active_filters
        if "type" in filters:
            documents = documents.filter(document_type__slug=filters["type"])
        if "year" in filters:
            documents = documents.filter(date_signed__year=filters["year"])
        if "language" in filters:
            documents = documents.with_file_in(filters["language"])
        if "q" in filters:
            query = filters["q"].strip()
            documents = documents.filter(
                Q(title_ky__icontains=query) | Q(title_ru__icontains=query) | Q(number__icontains=query)
            )
        return documents

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["is_filtered"] = bool(self.active_filters)
        return context


class DocumentDetailView(PreviewMixin, DetailView):
    template_name = "documents/detail.html"
    context_object_name = "document"

    def get_queryset(self):
        documents = self.visible(Document.objects.all())
        return documents.select_related("document_type", "organisation").prefetch_related(_files_prefetch())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        files = list(self.object.files.all())
        current = get_language()
        # The visitor's language first, then the other one.
        files.sort(key=lambda document_file: document_file.language != current)
        context["files"] = files
        context["only_in_other_language"] = bool(files) and all(f.language != current for f in files)
        return context


def download_file_name(document, document_file):
    """A readable file name from the title in the file's language; Cyrillic letters are kept."""
    title = getattr(document, f"title_{document_file.language}", "") or document.title or document.slug
    title = unicodedata.normalize("NFC", title)
    title = UNSAFE_FILE_NAME_CHARACTERS.sub(" ", title)
    title = " ".join(title.split()).strip(" .")[:MAX_DOWNLOAD_NAME_LENGTH].strip(" .") or document.slug
    return f"{title}.{document_file.format or 'bin'}"


def _on_local_disk(storage):
    """False for object storage (S3 and the like), which has no path on this machine."""
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def _file_missing(request, document, document_file):
    logger.error("Document file missing on disk: %s (document %s)", document_file.file.name, document.slug)
    return render(
        request,
        "documents/file_missing.html",
        {"document": document, "document_file": document_file},
        status=404,
    )


@require_safe
def download(request, slug, language):
    """Stream one file (or hand it to nginx) and count the download."""
    if language not in dict(settings.LANGUAGES):
        raise Http404("Unknown language")
    document = get_object_or_404(Document.objects.published(), slug=slug)
    document_file = get_object_or_404(DocumentFile, document=document, language=language)
    storage = document_file.file.storage
    name = document_file.file.name
    if not name or not storage.exists(name):
        return _file_missing(request, document, document_file)
    file_name = download_file_name(document, document_file)
    prefix = settings.DOCUMENTS_X_ACCEL_PREFIX
    if not _on_local_disk(storage):
        # Object storage: the browser fetches the bytes from the bucket with a short-lived signed
        # address that names the file, so no worker is held for the length of a download.
        disposition = content_disposition_header(True, file_name)
        parameters = {
            "ResponseContentDisposition": disposition,
            "ResponseContentType": document_file.content_type,
        }
        response = HttpResponseRedirect(storage.url(name, parameters=parameters))
        response["Cache-Control"] = "private, no-store"
    elif prefix:
        # nginx serves the bytes from its internal location; Django only checks and counts.
        response = HttpResponse(content_type=document_file.content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
        response["Content-Disposition"] = content_disposition_header(True, file_name)
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError:
            return _file_missing(request, document, document_file)
        response = FileResponse(
            handle, as_attachment=True, filename=file_name, content_type=document_file.content_type
        )
    response["X-Content-Type-Options"] = "nosniff"
    if request.method == "GET":
        # One UPDATE ... SET download_count = download_count + 1: no count is lost to a race.
        DocumentFile.objects.filter(pk=document_file.pk).update(download_count=F("download_count") + 1)
    return response
