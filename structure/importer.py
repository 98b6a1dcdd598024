"""Import the organisation tree from a spreadsheet saved as CSV (see docs/structure-import.md).

Every row is checked first; if any row is bad, each problem is reported with its line number and
nothing is written. Otherwise all rows are written in one transaction, matched by slug: a second
run with the same file changes nothing. A row's parent may come later in the file or already be
on the site; a node whose parent changed is moved with treebeard, its subtree with it.

Files come from spreadsheets and from people: the checks hold for any bytes (an unclosed quote, a
NUL byte, digits of other scripts, chains thousands of organisations deep, circles of parents) and
cost time in proportion to the file and the tree on the site.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_slug
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from treebeard.exceptions import InvalidMoveToDescendant, PathOverflow

from structure.models import Organisation, OrganisationKind, Region
from unionsite.pagecache import bump_generation

TRANSLATED = ("name", "short_name", "address", "leader_name", "leader_position")
LANGUAGES = ("ky", "ru")
TEXT_COLUMNS = [f"{name}_{code}" for name in TRANSLATED for code in LANGUAGES] + ["phone"]
NUMBER_COLUMNS = ("members", "youth_members")
COLUMNS = (
    "slug",
    "parent_slug",
    "kind",
    "region",
    "name_ky",
    "name_ru",
    "short_name_ky",
    "short_name_ru",
    "address_ky",
    "address_ru",
    "phone",
    "email",
    "website",
    "leader_name_ky",
    "leader_name_ru",
    "leader_position_ky",
    "leader_position_ru",
    "members",
    "youth_members",
    "figures_date",
)
REQUIRED_COLUMNS = ("slug", "parent_slug", "kind", "name_ky", "name_ru")
MAX_NUMBER = 2_147_483_647  # PositiveIntegerField's limit on every database Django supports
NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")
# ASCII digits only: str.isdigit() also takes "²" and "٣", which int() rejects or reads differently.
NUMBER = re.compile(r"[0-9]{1,10}")
SHOWN_IN_CIRCLE = 6  # organisations named in the message about a circle of parents


@dataclass
class Row:
    line: int
    slug: str
    parent_slug: str
    values: dict = field(default_factory=dict)  # model field name -> clean value


@dataclass
class Result:
    errors: list = field(default_factory=list)  # (line, message)
    rows: list = field(default_factory=list)
    bad_slugs: set = field(default_factory=set)  # slugs of rows with errors: not "missing" parents
    ignored_columns: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    moved: int = 0
    unchanged: int = 0

    @property
    def ok(self):
        return not self.errors


class ImportAborted(Exception):
    """A row could not be written although it passed the checks; the transaction is rolled back."""

    def __init__(self, line, message):
        super().__init__(message)
        self.line = line
        self.message = message


def tree_depth_limit():
    """How many levels the tree holds: treebeard's path gains `steplen` characters per level."""
    return Organisation._meta.get_field("path").max_length // Organisation.steplen


def decode(data):
    """UTF-8 text with or without a byte-order mark; (text, None) or (None, (line, message))."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, (
            line,
            _(
                "The file is not UTF-8 text (the first wrong byte is on this line). "
                "Save the spreadsheet as “CSV UTF-8” and try again."
            ),
        )


def read_rows(text, result):
    """Parse the CSV text into Rows with clean values, collecting errors into `result`."""
    if not text.strip():
        result.errors.append((1, _("The file is empty.")))
        return
    if "\x00" in text:
        # PostgreSQL refuses NUL in text and SQLite would store it: refuse it here, on every line.
        for number, physical_line in enumerate(io.StringIO(text, newline=""), start=1):
            if "\x00" in physical_line:
                result.errors.append(
                    (
                        number,
                        _(
                            "The line holds a zero byte (NUL), which is not text. "
                            "Save the spreadsheet as “CSV UTF-8” and try again."
                        ),
                    )
                )
        return
    first_line = text.lstrip().splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # strict: a closing quote followed by anything but the separator, or a quote still open at the
    # end of the file, is an error instead of a silently merged cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [cell.strip().lower().lstrip("\ufeff") for cell in next(reader)]
    except csv.Error as error:
        result.errors.append((1, csv_problem(error)))
        return
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        result.errors.append(
            (
                reader.line_num,
                _("The header lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)},
            )
        )
        return
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    if duplicated:
        result.errors.append(
            (
                reader.line_num,
                _("The header repeats the columns: %(columns)s.") % {"columns": ", ".join(duplicated)},
            )
        )
        return
    result.ignored_columns = [name for name in header if name not in COLUMNS]
    known = [name if name in COLUMNS else None for name in header]

    seen = {}
    line = reader.line_num + 1
    try:
        for cells in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if line - start > 1 or any("\n" in cell or "\r" in cell for cell in cells):
                # A quoted cell may hold a line break, but no column of an organisation does: this is
                # a quote closed far too late, which would swallow the rows in between.
                result.errors.append(
                    (
                        start,
                        _("A cell on this line runs on to line %(end)d: a quote is probably not closed.")
                        % {"end": line - 1},
                    )
                )
                slug_column = known.index("slug")
                result.bad_slugs.add(cells[slug_column].strip() if slug_column < len(cells) else "")
                continue
            if len(cells) > len(header):
                result.errors.append(
                    (
                        start,
                        _("The row has %(cells)d cells but the header has %(columns)d columns.")
                        % {"cells": len(cells), "columns": len(header)},
                    )
                )
                continue
            raw = {name: cell.strip() for name, cell in zip(known, cells, strict=False) if name}
            row = clean_row(start, raw, result.errors)
            if row is None:
                result.bad_slugs.add(raw.get("slug", ""))
                continue
            if row.slug in seen:
                result.errors.append(
                    (
                        start,
                        _("The slug “%(slug)s” is already used on line %(line)d.")
                        % {"slug": row.slug, "line": seen[row.slug]},
                    )
                )
                continue
            seen[row.slug] = start
            result.rows.append(row)
    except csv.Error as error:
        result.errors.append((line, csv_problem(error)))
        return
    if not result.rows and not result.errors:
        result.errors.append((2, _("The file has a header but no rows.")))


def csv_problem(error):
    """A translated sentence for the csv module's error (its own text is English)."""
    text = str(error)
    if "unexpected end of data" in text:
        return _("A quote opened on this line is never closed.")
    if "expected after" in text:
        return _(
            "A closing quote must be followed by the separator or the end of the line; "
            "inside a quoted cell, write a quote as two quotes."
        )
    if "field larger than field limit" in text:
        return _("A cell is longer than %(limit)d characters.") % {"limit": csv.field_size_limit()}
    return _("The line cannot be read as CSV: %(error)s.") % {"error": error}


def clean_row(line, raw, errors):
    """Check one row's cells; return a Row, or None after adding its problems to `errors`."""
    problems = []
    values = {}

    slug = raw.get("slug", "")
    if not slug:
        problems.append(_("the slug is empty"))
    else:
        try:
            validate_slug(slug)
        except ValidationError:
            problems.append(
                _("the slug “%(slug)s” may hold only Latin letters, digits and hyphens") % {"slug": slug}
            )
        if len(slug) > Organisation._meta.get_field("slug").max_length:
            problems.append(_("the slug is longer than 120 characters"))
    parent_slug = raw.get("parent_slug", "")
    if parent_slug and parent_slug == slug:
        problems.append(_("the organisation cannot be its own parent"))

    kind = raw.get("kind", "").lower()
    if kind not in OrganisationKind.values:
        problems.append(
            _("the kind “%(kind)s” is unknown; use one of: %(choices)s")
            % {"kind": raw.get("kind", ""), "choices": ", ".join(OrganisationKind.values)}
        )
    else:
        values["kind"] = kind
    if "region" in raw:
        region = raw["region"].lower()
        if region and region not in Region.values:
            problems.append(
                _("the region “%(region)s” is unknown; use one of: %(choices)s")
                % {"region": raw["region"], "choices": ", ".join(Region.values)}
            )
        elif not region and kind and kind != OrganisationKind.CENTRAL:
            problems.append(_("the region is empty; only the central committee may leave it empty"))
        else:
            values["region"] = region
    elif kind and kind != OrganisationKind.CENTRAL:
        problems.append(_("the region is empty; only the central committee may leave it empty"))

    if not raw.get("name_ky") and not raw.get("name_ru"):
        problems.append(_("the name is empty in both languages"))
    for name in TEXT_COLUMNS:
        if name in raw:
            limit = Organisation._meta.get_field(name).max_length
            if len(raw[name]) > limit:
                problems.append(
                    _("%(column)s is longer than %(limit)d characters") % {"column": name, "limit": limit}
                )
            values[name] = raw[name]

    if raw.get("email"):
        try:
            validate_email(raw["email"])
            values["email"] = raw["email"]
        except ValidationError:
            problems.append(_("“%(email)s” is not an email address") % {"email": raw["email"]})
    elif "email" in raw:
        values["email"] = ""
    if raw.get("website"):
        website = raw["website"] if "://" in raw["website"] else f"https://{raw['website']}"
        try:
            URLValidator(schemes=["http", "https"])(website)
            values["website"] = website
        except ValidationError:
            problems.append(_("“%(website)s” is not a web address") % {"website": raw["website"]})
    elif "website" in raw:
        values["website"] = ""
    for name in ("email", "website"):
        limit = Organisation._meta.get_field(name).max_length
        if len(values.get(name) or "") > limit:
            problems.append(
                _("%(column)s is longer than %(limit)d characters") % {"column": name, "limit": limit}
            )

    for name in NUMBER_COLUMNS:
        if name not in raw:
            continue
        cell = NUMBER_SPACES.sub("", raw[name])
        if not cell:
            values[name] = None
        elif NUMBER.fullmatch(cell) and int(cell) <= MAX_NUMBER:
            values[name] = int(cell)
        else:
            problems.append(
                _("%(column)s must be a whole number of people, not “%(value)s”")
                % {"column": name, "value": raw[name]}
            )
    members, youth = values.get("members"), values.get("youth_members")
    if members is not None and youth is not None and youth > members:
        problems.append(
            _("youth_members (%(youth)d) is more than members (%(members)d)")
            % {"youth": youth, "members": members}
        )

    if "figures_date" in raw:
        cell = raw["figures_date"]
        if not cell:
            values["figures_date"] = None
        else:
            parsed = parse_date(cell)
            if parsed is None:
                problems.append(
                    _("figures_date “%(value)s” is not a date like 2024-01-01 or 01.01.2024")
                    % {"value": cell}
                )
            else:
                values["figures_date"] = parsed

    if problems:
        errors.append((line, "; ".join(problems) + "."))
        return None
    return Row(line=line, slug=slug, parent_slug=parent_slug, values=values)


def parse_date(text):
    if not text.isascii():
        return None  # strptime reads digits of any script
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def check_tree(rows, errors, bad_slugs=frozenset()):
    """Every parent exists, no row ends up below itself and the tree stays within its depth.

    Returns the level each organisation will have after the import (slug -> depth, 1 for a root),
    so that parents are written before their children. Each organisation is walked over once: a
    walk up from a row stops at the first organisation whose level is already known.
    """
    in_file = {row.slug: row for row in rows}
    path_to_slug = dict(Organisation.objects.values_list("path", "slug"))
    steplen = Organisation.steplen
    site_parent = {slug: path_to_slug.get(path[:-steplen], "") for path, slug in path_to_slug.items()}

    def parent_of(slug):
        if slug in in_file:
            return in_file[slug].parent_slug
        return site_parent.get(slug, "")

    unknown = set(bad_slugs)  # where these go is unknown: they or their parent have errors
    for row in rows:
        if row.parent_slug in bad_slugs:
            continue
        if row.parent_slug and row.parent_slug not in in_file and row.parent_slug not in site_parent:
            errors.append(
                (
                    row.line,
                    _("The parent “%(parent)s” is neither in the file nor on the site.")
                    % {"parent": row.parent_slug},
                )
            )
            unknown.add(row.slug)

    depth = {}  # slug -> level after the import; None below an unknown row or in a circle
    for start in [*in_file, *site_parent]:
        walk, on_walk = [], {}
        current = start
        while current and current not in depth and current not in unknown and current not in on_walk:
            on_walk[current] = len(walk)
            walk.append(current)
            current = parent_of(current)
        if not current:
            level = 0
        elif current in on_walk:
            circle = walk[on_walk[current] :]
            report_circle(circle, in_file, errors)
            for slug in circle:
                depth[slug] = None
            del walk[on_walk[current] :]
            level = None
        else:
            level = depth.get(current)  # None for an unknown one
        for slug in reversed(walk):
            level = None if level is None else level + 1
            depth[slug] = level

    check_depth(depth, in_file, parent_of, errors)
    return depth


def report_circle(circle, in_file, errors):
    """An error on each row of the circle, naming the circle from that row (the first few of it)."""
    size = len(circle)
    for position, slug in enumerate(circle):
        if slug not in in_file:
            continue  # an organisation on the site; the rows that moved it report the circle
        chain = [circle[(position + step) % size] for step in range(min(size, SHOWN_IN_CIRCLE))]
        if size > SHOWN_IN_CIRCLE:
            chain.append("…")
        chain.append(slug)
        errors.append(
            (
                in_file[slug].line,
                _("The parents go round in a circle: %(chain)s.") % {"chain": " → ".join(chain)},
            )
        )


def check_depth(depth, in_file, parent_of, errors):
    """Refuse a tree deeper than treebeard's paths hold, on the row that makes it so."""
    limit = tree_depth_limit()
    reported = set()
    for slug, level in depth.items():
        if level != limit + 1:
            continue  # only the first level too deep is reported; the rest follow from it
        if slug in in_file:
            line = in_file[slug].line
            message = _(
                "The organisation would be on level %(level)d of the tree, which holds at most "
                "%(limit)d levels. Attach it higher up."
            ) % {"level": level, "limit": limit}
        else:
            # An organisation on the site pushed down by a row that moves one of its ancestors.
            ancestor = parent_of(slug)
            while ancestor and ancestor not in in_file:
                ancestor = parent_of(ancestor)
            if not ancestor:
                continue  # already this deep on the site: not this file's doing
            line = in_file[ancestor].line
            message = _(
                "Moved here, the organisations below it on the site would reach level %(level)d of "
                "the tree, which holds at most %(limit)d levels."
            ) % {"level": level, "limit": limit}
        if line not in reported:
            reported.add(line)
            errors.append((line, message))


def write_rows(rows, result, depth):
    """Create, update and move the organisations, level by level: each parent is in place before
    its children are written, and a branch never moves below itself."""
    steplen = Organisation.steplen

    def write_one(row):
        parent = Organisation.objects.get(slug=row.parent_slug) if row.parent_slug else None
        node = Organisation.objects.filter(slug=row.slug).first()
        if node is None:
            create_kwargs = {"slug": row.slug, **row.values}
            if parent is None:
                Organisation.objects.add_root(create_kwargs=create_kwargs)
            else:
                Organisation.objects.add_child(parent, create_kwargs=create_kwargs)
            result.created += 1
            return
        changed = [name for name, value in row.values.items() if not same(getattr(node, name), value)]
        parent_path = parent.path if parent else ""
        moved = node.path[:-steplen] != parent_path
        if moved:
            if parent is None:
                Organisation.objects.move(node, Organisation.objects.get_last_root_node(), "last-sibling")
            else:
                Organisation.objects.move(node, parent, "last-child")
            node = Organisation.objects.get(pk=node.pk)
            result.moved += 1
        if changed:
            for name in changed:
                setattr(node, name, row.values[name])
            # name_ky is required in the admin; a file may name an organisation in Russian only.
            node.full_clean(exclude=["path", "depth", "numchild", "slug", "leader_photo", "name_ky"])
            node.save()
            result.updated += 1
        elif not moved:
            result.unchanged += 1

    for row in sorted(rows, key=lambda row: depth[row.slug]):
        try:
            write_one(row)
        except (DatabaseError, ValidationError, PathOverflow, InvalidMoveToDescendant) as error:
            raise ImportAborted(
                row.line, _("The row could not be saved: %(error)s") % {"error": error}
            ) from error


def same(stored, value):
    if isinstance(value, str) or (value is None and isinstance(stored, str)):
        return (stored or "") == (value or "")
    return stored == value


def import_organisations(data, dry_run=False):
    """Check `data` (the CSV file's bytes) and, when every row is good, write it. Returns a Result."""
    result = Result()
    text, error = decode(data)
    if error:
        result.errors.append(error)
        return result
    read_rows(text, result)
    depth = {}
    if result.rows:
        depth = check_tree(result.rows, result.errors, result.bad_slugs)
    result.errors.sort(key=lambda item: item[0])
    if result.errors or dry_run:
        return result
    try:
        with transaction.atomic():
            write_rows(result.rows, result, depth)
        # Tree moves update paths without model signals: make the cached pages stale explicitly.
        bump_generation()
    except ImportAborted as aborted:
        result.errors.append((aborted.line, aborted.message))
        result.created = result.updated = result.moved = result.unchanged = 0
    return result
