"""Draw the branded share images (og:image) under static/img/share/: `manage.py make_share_images`.

One 1200×630 PNG per section and language (`<section>-<language>.png`) with the union's emblem
(static/img/logo.svg redrawn: Pillow reads no SVG), its name and the section's name, plus the
generic `site-<language>.png`; static/img/og-default.png, the default of pages in either language,
holds the name in both. The PNGs are committed:
the site needs no fonts at runtime. Run it again after changing the names or the emblem.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from PIL import Image, ImageDraw, ImageFont

from unionsite import registry
from unionsite.share import GENERIC_SECTION

WIDTH, HEIGHT = 1200, 630
# The site's colours (static/css/site.css) and the emblem's (static/img/logo.svg).
BLUE, BLUE_DARK, GOLD, EMBLEM_BLUE, EMBLEM_GOLD = "#0b4f8a", "#083a66", "#f2c94c", "#0b5394", "#ffd54f"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

UNION_NAMES = {
    "ky": "Кыргыз Республикасынын билим берүү жана илим кызматкерлеринин кесиптик бирлиги",
    "ru": "Профсоюз работников образования и науки Кыргызской Республики",
}
# The generic image's name; the sections' names come from the registry (each content app's menu
# label or share_label), in each language.
GENERIC_NAMES = {"ky": "Расмий сайт", "ru": "Официальный сайт"}


def section_names():
    """Section key → {language: its name}: the generic image first, then every content app's."""
    names = {GENERIC_SECTION: GENERIC_NAMES}
    for section, label in registry.share_sections().items():
        names[section] = {}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names[section][language] = str(label)
    return names


def font(name, size):
    return ImageFont.truetype(str(FONT_DIR / name), size)


def emblem(size):
    """static/img/logo.svg (a 48-unit circle, a gold triangle, a white bar) drawn at `size` pixels."""
    scale = 4  # drawn large and shrunk: smooth edges without anti-aliased drawing
    unit = size * scale / 48
    image = Image.new("RGBA", (size * scale, size * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([0, 0, 48 * unit - 1, 48 * unit - 1], fill="#ffffff")
    draw.ellipse([1.5 * unit, 1.5 * unit, 46.5 * unit, 46.5 * unit], fill=EMBLEM_BLUE)
    draw.polygon([(12 * unit, 30 * unit), (24 * unit, 14 * unit), (36 * unit, 30 * unit)], fill=EMBLEM_GOLD)
    draw.rounded_rectangle([14 * unit, 31 * unit, 34 * unit, 35 * unit], radius=unit, fill="#ffffff")
    return image.resize((size, size), Image.LANCZOS)


def wrap(draw, text, typeface, width):
    """`text` broken into lines no wider than `width` pixels, and at its own line breaks."""
    lines = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and draw.textlength(candidate, font=typeface) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def share_image(union_name, section_name, name_size=46, max_lines=4):
    image = Image.new("RGB", (WIDTH, HEIGHT), BLUE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT - 90, WIDTH, HEIGHT], fill=BLUE_DARK)
    draw.rectangle([0, HEIGHT - 96, WIDTH, HEIGHT - 90], fill=GOLD)
    image.paste(emblem(220), (80, 150), emblem(220))

    left, right = 350, WIDTH - 70
    name_font = font("DejaVuSans-Bold.ttf", name_size)
    lines = wrap(draw, union_name, name_font, right - left)
    while len(lines) > max_lines:  # a longer name in a smaller size
        name_font = font("DejaVuSans-Bold.ttf", name_font.size - 4)
        lines = wrap(draw, union_name, name_font, right - left)
    line_height = int(name_font.size * 1.25)
    top = 260 - len(lines) * line_height // 2
    for number, line in enumerate(lines):
        draw.text((left, top + number * line_height), line, font=name_font, fill="#ffffff")

    section_font = font("DejaVuSans-Bold.ttf", 52)
    while draw.textlength(section_name, font=section_font) > WIDTH - 160:
        section_font = font("DejaVuSans-Bold.ttf", section_font.size - 4)
    draw.text((80, HEIGHT - 45), section_name, font=section_font, fill=GOLD, anchor="lm")
    return image


class Command(BaseCommand):
    help = "Draw the branded share images (1200×630 PNG per section and language) into static/img/share/."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.BASE_DIR) / "static" / "img"))

    def handle(self, *args, **options):
        if not FONT_DIR.is_dir():
            raise CommandError(f"The DejaVu fonts are needed in {FONT_DIR} (package fonts-dejavu-core).")
        output = Path(options["output"])
        (output / "share").mkdir(parents=True, exist_ok=True)
        for section, names in section_names().items():
            for language, section_name in names.items():
                path = output / "share" / f"{section}-{language}.png"
                share_image(UNION_NAMES[language], section_name).save(path, optimize=True)
                self.stdout.write(f"{path}")
        # The default of base.html, whatever the page's language: both names, both section names.
        both = f"{UNION_NAMES['ky']}\n{UNION_NAMES['ru']}"
        sections = " · ".join(GENERIC_NAMES.values())
        share_image(both, sections, name_size=34, max_lines=7).save(output / "og-default.png", optimize=True)
        self.stdout.write(f"{output / 'og-default.png'}")
