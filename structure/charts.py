"""Bar charts of the regional committees' figures, drawn as SVG by a template (no script, no library).

Pure functions from committees that carry their subtree `totals` (structure/figures.py) to the
numbers a chart template needs. Every length is in `em`, so the bars and their labels grow with
the reader's text size (the low-vision version) and the chart never scales its text down on a
phone; the widths are percentages of the chart's width.
"""

import hashlib
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from structure.models import Region
from unionsite.templatetags.site_tags import shown_language

# The totals attribute each chart shows, and its title.
MEASURES = {
    "members": _("Members by region"),
    "youth_members": _("Young members (under 35) by region"),
    "primary_organisations": _("Primary organisations by region"),
}
ROW_EM = 2.6  # one bar: its label line and the bar below it
LABEL_BASELINE_EM = 1.15
BAR_TOP_EM = 1.45
BAR_HEIGHT_EM = 0.85
# The longest bar takes this share of the width; its figure is written right after it, so a figure
# never overlaps its bar and still fits at 320 px in the largest text size.
BAR_SPAN_PERCENT = 70


@dataclass
class RegionFigures:
    """One regional committee's totals, labelled in the page's language."""

    label: str
    url: str
    members: int
    youth_members: int
    primary_organisations: int
    label_lang: str = ""
    region: str = ""


@dataclass
class Bar:
    label: str
    value: int
    shown: str
    percent: str  # of the largest value
    width: str  # of the chart's width
    value_y: str
    label_y: str
    bar_y: str
    label_lang: str = ""


@dataclass
class Chart:
    key: str
    title: str
    description: str
    bars: list = field(default_factory=list)
    height: str = "0"
    bar_height: str = f"{BAR_HEIGHT_EM}"

    @property
    def dom_id(self):
        return f"chart-{self.key.replace('_', '-')}"


def _em(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def shown(value):
    return number_format(value, force_grouping=True)


def region_figures(committees):
    """RegionFigures of each committee, the largest membership first.

    The label is the committee's region (translated choice) or, without a region or when the
    region has more than one committee, its name.
    """
    rows = []
    per_region = {}
    for committee in committees:
        per_region[committee.region] = per_region.get(committee.region, 0) + 1
    for committee in committees:
        totals = committee.totals
        # A region with two committees names each by its own name.
        if committee.region and per_region[committee.region] == 1:
            label, lang = committee.get_region_display(), ""
        else:
            label, lang = committee.name, shown_language(committee, "name")
            lang = "" if lang == get_language() else lang
        rows.append(
            RegionFigures(
                label=str(label),
                url=committee.get_absolute_url(),
                members=totals.members,
                youth_members=totals.youth_members,
                primary_organisations=totals.primary_organisations,
                label_lang=lang,
                region=committee.region,
            )
        )
    rows.sort(key=lambda row: (-row.members, row.label))
    return rows


def bar_chart(rows, measure):
    """The chart of `measure` (a RegionFigures attribute) over `rows`, in the rows' order."""
    largest = max((getattr(row, measure) for row in rows), default=0)
    bars = []
    for index, row in enumerate(rows):
        value = getattr(row, measure)
        top = index * ROW_EM
        bars.append(
            Bar(
                label=row.label,
                label_lang=row.label_lang,
                value=value,
                shown=shown(value),
                percent=_em(100 * value / largest) if largest else "0",
                width=_em(BAR_SPAN_PERCENT * value / largest) if largest else "0",
                value_y=_em(top + BAR_TOP_EM + BAR_HEIGHT_EM - 0.1),
                label_y=_em(top + LABEL_BASELINE_EM),
                bar_y=_em(top + BAR_TOP_EM),
            )
        )
    description = "; ".join(f"{bar.label}: {bar.shown}" for bar in bars)
    return Chart(
        key=measure,
        title=str(MEASURES[measure]),
        description=description or gettext("No figures have been published yet."),
        bars=bars,
        height=_em(len(rows) * ROW_EM + 0.3),
    )


def region_charts(rows, measures=tuple(MEASURES)):
    """One chart per measure; none when no region has a figure."""
    if not any(row.members or row.youth_members or row.primary_organisations for row in rows):
        return []
    return [bar_chart(rows, measure) for measure in measures]


def charts_key(rows, measures=tuple(MEASURES), with_map=False):
    """A cache-key part that changes whenever the charts drawn, a label, a link or a figure does."""
    parts = [",".join(measures), str(with_map)]
    parts += [
        f"{row.region}:{row.label}:{row.url}:{row.members}:{row.youth_members}:{row.primary_organisations}"
        for row in rows
    ]
    text = "|".join(parts)
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


@dataclass
class MapRegion:
    key: str
    path: str
    title: str = ""
    url: str = ""
    shade: str = "0"
    label: str = ""
    label_x: str = "0"
    label_y: str = "0"
    marker: bool = False


@dataclass
class RegionMap:
    viewbox: str
    regions: list
    lakes: str
    description: str


def _outlines():
    try:
        from structure import region_outlines
    except ImportError:  # the map is drawn only where the outlines are bundled
        return None
    return region_outlines


def region_title(row):
    """ "Talas oblast: 165 members, 46 young, 2 primary organisations" in the page's language."""
    return gettext("%(region)s: %(members)s members, %(youth)s young, %(primary)s primary organisations") % {
        "region": row.label,
        "members": shown(row.members),
        "youth": shown(row.youth_members),
        "primary": shown(row.primary_organisations),
    }


def region_map(rows):
    """The map of the regions: each region's outline linked to its committee, shaded by its
    membership, its figures in its title; None without bundled outlines or without figures."""
    outlines = _outlines()
    if outlines is None or not rows:
        return None
    by_region = {}
    names = dict(Region.choices)
    for row in rows:
        if row.region not in by_region:  # the region's largest committee, rows being sorted
            by_region[row.region] = RegionFigures(str(names.get(row.region, row.label)), row.url, 0, 0, 0)
        total = by_region[row.region]
        total.members += row.members
        total.youth_members += row.youth_members
        total.primary_organisations += row.primary_organisations
    largest = max((row.members for row in by_region.values()), default=0)
    regions = []
    keys = [
        *outlines.REGION_PATHS,
        *(key for key in outlines.REGION_POINTS if key not in outlines.REGION_PATHS),
    ]
    for key in keys:
        row = by_region.get(key)
        x, y = outlines.REGION_POINTS.get(key, (0, 0))
        region = MapRegion(
            key=key,
            path=outlines.REGION_PATHS.get(key, ""),
            marker=key not in outlines.REGION_PATHS,
            label_x=_em(x),
            label_y=_em(y),
        )
        if row is None:
            if region.marker:
                continue  # a city without a committee needs no dot
            region.title = str(names.get(key, key))
            region.label = region.title
        else:
            region.title = region_title(row)
            region.url = row.url
            region.label = row.label
            # From a light to the full shade, so that even the smallest region stays visible.
            region.shade = _em(0.3 + 0.7 * row.members / largest) if largest else "0.3"
        regions.append(region)
    return RegionMap(
        viewbox=outlines.VIEWBOX,
        regions=regions,
        lakes=getattr(outlines, "LAKES", ""),
        description=gettext(
            "The stronger the colour of a region, the more members it has. "
            "Each region links to its committee."
        ),
    )
