"""The bundled outlines of the regions (structure/region_outlines.py) fit the regions they name."""

import re
from pathlib import Path

from structure import region_outlines
from structure.models import Region


def rings(path):
    """The closed rings of an `M x y l dx dy ... z` path, as lists of absolute points."""
    result = []
    for x, y, moves in re.findall(r"M(-?[\d.]+) (-?[\d.]+)l([^z]*)z", path):
        point = (float(x), float(y))
        ring = [point]
        numbers = [float(number) for number in re.findall(r"-?\d*\.?\d+", moves)]
        for dx, dy in zip(numbers[::2], numbers[1::2], strict=True):
            point = (point[0] + dx, point[1] + dy)
            ring.append(point)
        result.append(ring)
    return result


def inside(point, path):
    """Even-odd rule over all of the path's rings (a hole's point is outside)."""
    x, y = point
    crossings = 0
    for ring in rings(path):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def test_every_region_has_a_point_and_every_outline_is_a_region():
    regions = {value for value, _label in Region.choices}
    assert set(region_outlines.REGION_POINTS) == regions
    assert set(region_outlines.REGION_PATHS) == regions - {"osh-city"}


def test_outlines_are_closed_rings_inside_the_view_box():
    width, height = region_outlines.WIDTH, region_outlines.HEIGHT
    assert f"0 0 {width} {height}" == region_outlines.VIEWBOX
    for key, path in [*region_outlines.REGION_PATHS.items(), ("lakes", region_outlines.LAKES)]:
        found = rings(path)
        assert found, key
        assert path.count("M") == len(found) == path.count("z"), key
        for ring in found:
            assert len(ring) >= 3, key
            assert all(-0.5 <= x <= width + 0.5 and -0.5 <= y <= height + 0.5 for x, y in ring), key


def test_each_regions_point_lies_in_its_own_outline_only():
    paths = region_outlines.REGION_PATHS
    for key, point in region_outlines.REGION_POINTS.items():
        holders = {other for other, path in paths.items() if inside(point, path)}
        # Osh city has no outline of its own: its marker sits in Osh oblast.
        assert holders == ({"osh"} if key == "osh-city" else {key}), key


def test_the_map_is_shaped_like_kyrgyzstan():
    areas = {
        key: sum(area(ring) for ring in rings(path)) for key, path in region_outlines.REGION_PATHS.items()
    }
    # Rings wind one way and holes the other, so the signed sums are the regions' areas.
    assert all(value > 0 for value in areas.values()) or all(value < 0 for value in areas.values())
    areas = {key: abs(value) for key, value in areas.items()}
    # Naryn and Issyk-Kul are the largest oblasts, Talas the smallest, Bishkek a speck.
    assert sorted(areas, key=areas.get)[-2:] in (["issyk-kul", "naryn"], ["naryn", "issyk-kul"])
    assert sorted(areas, key=areas.get)[:2] == ["bishkek", "talas"]
    # The Chui outline has a hole where Bishkek is.
    assert not inside(region_outlines.REGION_POINTS["bishkek"], region_outlines.REGION_PATHS["chui"])
    # Issyk-Kul lake lies in Issyk-Kul oblast.
    lake = max(rings(region_outlines.LAKES), key=lambda ring: abs(area(ring)))
    middle = (sum(x for x, _ in lake) / len(lake), sum(y for _, y in lake) / len(lake))
    assert inside(middle, region_outlines.REGION_PATHS["issyk-kul"])


def test_the_module_stays_small():
    assert Path(region_outlines.__file__).stat().st_size < 30_000
