"""What a document file is, decided from its content (magic bytes and inner structure), never its name."""

import zipfile

import filetype
from django.db import models
from django.utils.translation import gettext_lazy as _


class FileFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOC = "doc", "DOC"
    DOCX = "docx", "DOCX"
    ODT = "odt", "ODT"
    RTF = "rtf", "RTF"
    XLS = "xls", "XLS"
    XLSX = "xlsx", "XLSX"
    JPG = "jpg", "JPG"
    PNG = "png", "PNG"


EXTENSIONS = {value: value for value in FileFormat.values}
FORMAT_LABELS = dict(FileFormat.choices)
CONTENT_TYPES = {
    FileFormat.PDF: "application/pdf",
    FileFormat.DOC: "application/msword",
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileFormat.ODT: "application/vnd.oasis.opendocument.text",
    FileFormat.RTF: "application/rtf",
    FileFormat.XLS: "application/vnd.ms-excel",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileFormat.JPG: "image/jpeg",
    FileFormat.PNG: "image/png",
}
ALLOWED_FORMATS_TEXT = _("PDF, DOC, DOCX, ODT, RTF, XLS, XLSX, JPG or PNG")

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Names of the streams that make an OLE2 compound file a Word document or an Excel workbook,
# as they appear in its directory (UTF-16LE).
WORD_STREAM = "WordDocument".encode("utf-16-le")
EXCEL_STREAMS = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))
CHUNK = 1024 * 1024


def _read_head(file, length=8192):
    file.seek(0)
    return file.read(length)


def _detect_zip(file):
    """DOCX, XLSX or ODT by the archive's inner structure; None for any other zip."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 100 and archive.read("mimetype").strip() == ODT_MIMETYPE:
                    return FileFormat.ODT
                return None
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return FileFormat.DOCX
                if "xl/workbook.xml" in names:
                    return FileFormat.XLSX
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError):
        return None
    return None


def _detect_ole2(file):
    """DOC or XLS: an OLE2 compound file whose directory names a Word or an Excel stream.

    Installers (.msi) and other compound files are refused.
    """
    file.seek(0)
    tail = b""
    while True:
        chunk = file.read(CHUNK)
        if not chunk:
            return None
        data = tail + chunk
        if WORD_STREAM in data:
            return FileFormat.DOC
        if any(stream in data for stream in EXCEL_STREAMS):
            return FileFormat.XLS
        tail = data[-32:]


def detect_format(file):
    """The FileFormat of an open file (or Django File) from its bytes, or None if not allowed."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        head = _read_head(file)
        if not head:
            return None
        if head.startswith(b"%PDF-"):
            return FileFormat.PDF
        if head.startswith(b"{\\rtf"):
            return FileFormat.RTF
        if head.startswith(ZIP_MAGIC):
            return _detect_zip(file)
        if head.startswith(OLE2_MAGIC):
            return _detect_ole2(file)
        kind = filetype.image_match(head)
        if kind is not None and kind.extension == "jpg":
            return FileFormat.JPG
        if kind is not None and kind.extension == "png":
            return FileFormat.PNG
        return None
    finally:
        if position is not None:
            file.seek(position)
