"""Wordless pictures for the demo content: soft scenes drawn with Pillow from a seed.

A demo photo must not carry words: a caption in English drawn on a picture shows on the Kyrgyz
and Russian pages alike. So each picture is a quiet, abstract scene (mountains over a valley or a
lake, a classroom seen from the back row, a hall with a presidium's table, people against a
blurred background) in colours picked from the seed. The same seed gives the same bytes, so
`load_demo` is reproducible; different seeds (a report's slug and its photo's number) give
different pictures. Nothing here draws text, and no font is loaded.
"""

import colorsys
import functools
import io
import itertools
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 1067)
SCENES = ("mountains", "classroom", "hall", "people")


def _colour(hue, saturation, value):
    red, green, blue = colorsys.hsv_to_rgb(
        hue % 1.0, max(0.0, min(saturation, 1.0)), max(0.0, min(value, 1.0))
    )
    return (round(red * 255), round(green * 255), round(blue * 255))


def _mix(first, second, share):
    return tuple(round(a + (b - a) * share) for a, b in zip(first, second, strict=True))


def _gradient(size, top, bottom):
    """A vertical gradient from `top` to `bottom`, made from Pillow's built-in ramp (fast)."""
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _ridge(rng, width, base, roughness, points=40):
    """A mountain ridge as (x, y) points across the width, by midpoint displacement."""
    heights = [base + rng.uniform(-roughness, roughness) for _ in range(2)]
    spread = roughness
    while len(heights) < points:
        spread *= 0.6
        refined = []
        for left, right in itertools.pairwise(heights):
            refined += [left, (left + right) / 2 + rng.uniform(-spread, spread)]
        heights = [*refined, heights[-1]]
    step = width / (len(heights) - 1)
    return [(index * step, height) for index, height in enumerate(heights)]


def _soft_circles(size, rng, count, colours, radius_range, blur):
    """A layer of blurred discs (light through leaves, lamps out of focus), drawn small and enlarged."""
    small = (size[0] // 4, size[1] // 4)
    layer = Image.new("RGBA", small, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(count):
        x, y = rng.uniform(0, small[0]), rng.uniform(0, small[1])
        radius = rng.uniform(*radius_range) / 4
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=(*rng.choice(colours), rng.randint(50, 130)),
        )
    return layer.filter(ImageFilter.GaussianBlur(blur / 4)).resize(size, Image.BILINEAR)


def _person(draw, x, floor, height, colour):
    """A figure seen from the back: a head over rounded shoulders, its body reaching below `floor`."""
    head = height * 0.24
    half = height * 0.27
    top = floor - height
    shoulder = top + head * 1.05
    draw.ellipse((x - half, shoulder, x + half, shoulder + height * 0.5), fill=colour)
    draw.rectangle((x - half, shoulder + height * 0.25, x + half, floor + height * 0.5), fill=colour)
    draw.rectangle((x - head * 0.22, shoulder - head * 0.2, x + head * 0.22, shoulder + 4), fill=colour)
    draw.ellipse((x - head / 2, top, x + head / 2, top + head * 1.1), fill=colour)


def _mountains(rng, size, hue):
    width, height = size
    sky = 0.55 + 0.07 * hue  # blue, from cyan to violet
    sky_top = _colour(sky, 0.5, 0.78)
    sky_bottom = _colour(0.08 + 0.06 * hue, 0.22 + 0.2 * rng.random(), 1.0)  # warm near the horizon
    image = _gradient(size, sky_top, sky_bottom)
    sun_x, sun_y = rng.uniform(0.15, 0.85) * width, rng.uniform(0.12, 0.3) * height
    sun = rng.uniform(50, 90)
    image = Image.alpha_composite(image.convert("RGBA"), _sun_glow(size, sun_x, sun_y, sun)).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((sun_x - sun, sun_y - sun, sun_x + sun, sun_y + sun), fill=(255, 248, 225))

    layers = rng.randint(3, 5)
    near = _colour(0.25 + 0.15 * hue, 0.45, 0.3)  # green to teal valleys
    haze = _mix(sky_bottom, sky_top, 0.4)
    lake = rng.random() < 0.4
    for layer in range(layers):
        depth = layer / (layers - 1)  # 0 far, 1 near
        base = height * (0.4 + 0.22 * depth)
        roughness = height * (0.24 - 0.14 * depth)
        ridge = _ridge(rng, width, base, roughness)
        colour = _mix(haze, near, 0.25 + 0.75 * depth)
        if layer == 0:  # snow on the far range: the white ridge shows above the coloured one
            draw.polygon([*ridge, (width, height), (0, height)], fill=(246, 248, 252))
            ridge = [(x, y + rng.uniform(18, 40)) for x, y in ridge]
        draw.polygon([*ridge, (width, height), (0, height)], fill=colour)
        if lake and layer == layers - 2:
            shore = height * rng.uniform(0.7, 0.78)
            water = _gradient(
                (width, height - round(shore)), _mix(sky_bottom, sky_top, 0.6), _mix(sky_top, near, 0.4)
            )
            image.paste(water, (0, round(shore)))
            break
    return image


def _sun_glow(size, x, y, radius):
    small = Image.new("RGBA", (size[0] // 4, size[1] // 4), (0, 0, 0, 0))
    spread = radius * 2.6 / 4
    ImageDraw.Draw(small).ellipse(
        (x / 4 - spread, y / 4 - spread, x / 4 + spread, y / 4 + spread), fill=(255, 246, 220, 120)
    )
    return small.filter(ImageFilter.GaussianBlur(14)).resize(size, Image.BILINEAR)


def _classroom(rng, size, hue):
    width, height = size
    wall = _colour(0.05 + 0.5 * hue, 0.14, 0.94)
    image = _gradient(size, _mix(wall, (255, 255, 255), 0.3), _mix(wall, (0, 0, 0), 0.12))
    draw = ImageDraw.Draw(image)
    floor_y = height * 0.62
    draw.rectangle((0, floor_y, width, height), fill=_colour(0.08, 0.4, 0.55))
    # Windows on the left, full of sky; a blank board on the front wall.
    for index in range(rng.randint(1, 3)):
        left = width * (0.03 + 0.14 * index)
        draw.rounded_rectangle(
            (left, height * 0.12, left + width * 0.1, height * 0.5), radius=8, fill=(250, 250, 246)
        )
        draw.rectangle(
            (left + 10, height * 0.12 + 10, left + width * 0.1 - 10, height * 0.5 - 10),
            fill=_colour(0.56, 0.3, 0.97),
        )
    board_left = width * rng.uniform(0.45, 0.52)
    draw.rounded_rectangle(
        (board_left - 14, height * 0.16 - 14, board_left + width * 0.36 + 14, height * 0.46 + 14),
        radius=10,
        fill=(150, 110, 70),
    )
    draw.rounded_rectangle(
        (board_left, height * 0.16, board_left + width * 0.36, height * 0.46),
        radius=6,
        fill=_colour(0.38 + rng.uniform(-0.03, 0.03), 0.45, 0.38),
    )
    # Rows of desks with pupils seen from behind, larger towards the viewer.
    desk = _colour(0.09, 0.45, 0.62)
    clothes = [_colour(hue + shift, 0.45, 0.45) for shift in (0.0, 0.3, 0.5, 0.7)]
    hair = (52, 40, 36)
    for row in range(4):
        scale = 0.55 + row * 0.22
        floor = floor_y + row * height * 0.11
        seats = rng.randint(4, 6)
        for seat in range(seats):
            x = width * (seat + 0.5 + rng.uniform(-0.15, 0.15)) / seats
            if rng.random() < 0.85:
                _person(draw, x, floor, height * 0.24 * scale, rng.choice(clothes))
                head = height * 0.24 * scale * 0.24
                top = floor - height * 0.24 * scale
                draw.ellipse((x - head / 2, top, x + head / 2, top + head * 1.1), fill=hair)
        draw.rounded_rectangle((0, floor + 4, width, floor + height * 0.05 * scale), radius=6, fill=desk)
    return image


def _hall(rng, size, hue):
    width, height = size
    curtain = _colour(hue, 0.6, 0.5)
    image = _gradient(size, _mix(curtain, (0, 0, 0), 0.35), curtain)
    draw = ImageDraw.Draw(image)
    folds = 18
    for index in range(folds):
        x = width * index / folds
        draw.rectangle((x, 0, x + width / folds / 3, height * 0.62), fill=_mix(curtain, (0, 0, 0), 0.22))
    draw.rectangle((0, 0, width, height * 0.07), fill=_mix(curtain, (0, 0, 0), 0.4))
    stage = height * 0.55
    draw.rectangle((0, stage, width, height), fill=_colour(hue + 0.08, 0.3, 0.35))
    # The presidium: people behind a long table with a cloth.
    table_left, table_right = width * 0.18, width * 0.82
    seats = rng.randint(4, 7)
    for seat in range(seats):
        x = table_left + (table_right - table_left) * (seat + 0.5) / seats
        _person(draw, x, stage + height * 0.02, height * 0.2, _colour(hue + 0.6 + seat * 0.05, 0.2, 0.22))
    cloth = _colour(hue + 0.5, 0.45, 0.55)
    draw.rectangle((table_left, stage - height * 0.02, table_right, stage + height * 0.1), fill=cloth)
    for _ in range(rng.randint(2, 4)):  # flowers on the table
        x = rng.uniform(table_left + 40, table_right - 40)
        draw.ellipse((x - 18, stage - height * 0.05, x + 18, stage - height * 0.02), fill=(236, 196, 92))
    # The audience's heads and shoulders in the foreground, dark against the lit stage.
    audience = _mix(curtain, (0, 0, 0), 0.75)
    for row in range(2):
        count = 7 + row * 2
        for seat in range(count):
            x = width * (seat + 0.5 + rng.uniform(-0.2, 0.2) + row * 0.5) / count
            _person(draw, x, height * (0.9 + row * 0.1), height * (0.26 + row * 0.08), audience)
    lamps = Image.new("RGBA", (width // 4, height // 4), (0, 0, 0, 0))
    lamp_draw = ImageDraw.Draw(lamps)
    for index in range(5):
        x = width / 4 * (index + 0.5) / 5
        lamp_draw.ellipse((x - 14, 6, x + 14, 34), fill=(255, 236, 190, 150))
    lamps = lamps.filter(ImageFilter.GaussianBlur(6)).resize(size, Image.BILINEAR)
    return Image.alpha_composite(image.convert("RGBA"), lamps).convert("RGB")


def _people(rng, size, hue):
    width, height = size
    top = _colour(hue + 0.45, 0.35, 0.85)
    bottom = _colour(hue + 0.15, 0.3, 0.97)
    image = _gradient(size, top, bottom).convert("RGBA")
    leaves = [_colour(hue + 0.25 + rng.uniform(-0.05, 0.05), 0.45, 0.75) for _ in range(3)]
    image = Image.alpha_composite(image, _soft_circles(size, rng, 40, leaves, (40, 160), 24))
    image = Image.alpha_composite(image, _soft_circles(size, rng, 18, [(255, 252, 235)], (15, 45), 8))
    image = image.convert("RGB")
    draw = ImageDraw.Draw(image)
    ground = _colour(hue + 0.25, 0.4, 0.55)
    draw.rectangle((0, height * 0.86, width, height), fill=ground)
    palette = [_colour(hue + shift, 0.5, rng.uniform(0.35, 0.6)) for shift in (0.0, 0.1, 0.5, 0.62, 0.8)]
    for row, (floor, tall) in enumerate(((0.9, 0.36), (1.02, 0.46))):
        count = rng.randint(5, 7) - row
        for index in range(count):
            x = width * (index + 0.5 + rng.uniform(-0.25, 0.25) + row * 0.4) / count
            _person(draw, x, height * floor, height * tall * rng.uniform(0.9, 1.08), rng.choice(palette))
    return image


DRAWERS = {"mountains": _mountains, "classroom": _classroom, "hall": _hall, "people": _people}


@functools.lru_cache(maxsize=256)  # the test suite loads the demo content many times
def draw_picture(seed, number=0, size=SIZE, scene=None):
    """A JPEG of a wordless scene; the same (seed, number, size, scene) always gives the same bytes."""
    rng = random.Random(f"{seed}/{number}")
    scene = scene or rng.choice(SCENES)
    hue = rng.random()
    image = DRAWERS[scene](rng, size, hue)
    image = image.filter(ImageFilter.GaussianBlur(1.2))  # soft edges, like a photo slightly out of focus
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=84, optimize=True)
    return buffer.getvalue()
