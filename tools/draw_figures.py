"""Draws the schematic figures of the shipped case notes into ``media/<case-id>/``.

The figures are labelled line drawings, not patient images, so they can be shipped under the
project's own licence. Drawing is deterministic: fixed sizes and coordinates, Pillow's bundled
font (no system fonts, which differ between machines) and PNGs without timestamp or text chunks,
so re-running the script on the same Pillow version reproduces the committed files byte for byte.

Usage::

    python tools/draw_figures.py            # (re)write every figure under media/
    python tools/draw_figures.py --check    # exit 1 if a committed figure differs from the drawing
"""

from __future__ import annotations

import argparse
import io
import math
import sys
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MEDIA_DIR = Path(__file__).resolve().parent.parent / "media"

# Greyscale keeps the files small and prints well; values are 8-bit grey levels.
WHITE = 255
INK = 20
LINE = 60
SOFT = 200
MID = 150
DARK = 90

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


def _font(size: int) -> Font:
    # Pillow's bundled font, so that output does not depend on the fonts installed on the machine.
    return ImageFont.load_default(size=size)


def _canvas(width: int, height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (width, height), WHITE)
    return image, ImageDraw.Draw(image)


def _arrow_head(draw: ImageDraw.ImageDraw, tip: tuple[float, float], angle: float) -> None:
    """A filled triangular head at ``tip`` pointing along ``angle`` (radians)."""
    size, spread = 9.0, 0.45
    left = (tip[0] - size * math.cos(angle - spread), tip[1] - size * math.sin(angle - spread))
    right = (tip[0] - size * math.cos(angle + spread), tip[1] - size * math.sin(angle + spread))
    draw.polygon([tip, left, right], fill=INK)


def _leader(
    draw: ImageDraw.ImageDraw,
    text_xy: tuple[float, float],
    target: tuple[float, float],
    text: str,
    font: Font,
    anchor: str = "lm",
) -> None:
    """A label with a line ending in an arrow head at ``target``."""
    draw.text(text_xy, text, fill=INK, font=font, anchor=anchor)
    bbox = draw.textbbox(text_xy, text, font=font, anchor=anchor)
    # Start the line at the label edge facing the target so that it never crosses the text.
    left, top, right, bottom = bbox
    if target[0] < left:
        start_x, start_y = left - 4, (top + bottom) / 2
    elif target[0] > right:
        start_x, start_y = right + 4, (top + bottom) / 2
    else:
        start_x, start_y = target[0], (bottom + 3 if target[1] > bottom else top - 3)
    draw.line([(start_x, start_y), target], fill=INK, width=2)
    _arrow_head(draw, target, math.atan2(target[1] - start_y, target[0] - start_x))


def _dimension(
    draw: ImageDraw.ImageDraw, start: tuple[float, float], end: tuple[float, float]
) -> None:
    """A double-headed measurement line."""
    draw.line([start, end], fill=INK, width=2)
    angle = math.atan2(end[1] - start[1], end[0] - start[0])
    _arrow_head(draw, end, angle)
    _arrow_head(draw, start, angle + math.pi)


def _title(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str) -> None:
    draw.text(xy, text, fill=INK, font=_font(18), anchor="mm")


def _caption(draw: ImageDraw.ImageDraw, width: int, y: float, text: str) -> None:
    draw.text((width / 2, y), text, fill=LINE, font=_font(13), anchor="mm")


# --- figures ------------------------------------------------------------------------------------


def ossification_patterns() -> Image.Image:
    """18177: peripheral (zonal) ossification of myositis ossificans vs central in osteosarcoma."""
    width, height = 720, 380
    image, draw = _canvas(width, height)
    label = _font(14)
    draw.line([(width / 2, 20), (width / 2, height - 50)], fill=SOFT, width=2)

    # Left: myositis ossificans, a mature bony shell around an immature, non-mineralised centre.
    _title(draw, (180, 28), "Myositis ossificans")
    centre = (180, 175)
    draw.ellipse([centre[0] - 120, centre[1] - 85, centre[0] + 120, centre[1] + 85], fill=INK)
    draw.ellipse([centre[0] - 100, centre[1] - 67, centre[0] + 100, centre[1] + 67], fill=SOFT)
    for dx, dy in ((-40, -20), (25, 15), (-10, 30), (45, -25)):
        draw.ellipse(
            [centre[0] + dx - 6, centre[1] + dy - 6, centre[0] + dx + 6, centre[1] + dy + 6],
            fill=MID,
        )
    _leader(draw, (20, 300), (118, 240), "peripheral ossification", label)
    draw.text((20, 318), "(signal voids on SWI)", fill=INK, font=label, anchor="lm")
    _leader(draw, (250, 300), (180, 175), "immature centre", label)

    # Right: osteosarcoma, mineralisation densest in the centre, no mature rim.
    _title(draw, (540, 28), "Osteosarcoma")
    centre = (540, 175)
    draw.ellipse(
        [centre[0] - 120, centre[1] - 85, centre[0] + 120, centre[1] + 85],
        fill=SOFT,
        outline=MID,
        width=2,
    )
    draw.polygon(
        [
            (490, 150),
            (520, 120),
            (565, 128),
            (600, 160),
            (590, 205),
            (548, 228),
            (500, 212),
            (478, 180),
        ],
        fill=INK,
    )
    _leader(draw, (640, 300), (560, 185), "central mineralisation", label, anchor="rm")
    _leader(draw, (700, 80), (655, 150), "no mature rim", label, anchor="rm")

    _caption(
        draw,
        width,
        height - 12,
        "Schematic: black = ossification, seen as signal voids on SWI (Eurorad case 18177)",
    )
    return image


def dawson_fingers() -> Image.Image:
    """ms-001: sagittal FLAIR sketch of ovoid lesions perpendicular to the lateral ventricle."""
    width, height = 640, 400
    image, draw = _canvas(width, height)
    label = _font(14)
    _title(draw, (width / 2, 22), "Sagittal FLAIR: Dawson fingers")

    draw.ellipse([90, 55, 550, 330], fill=MID, outline=LINE, width=3)  # cerebral hemisphere
    # Corpus callosum as a thick arc; the ventricle (dark CSF on FLAIR) lies beneath it.
    draw.arc([200, 140, 440, 290], start=195, end=345, fill=DARK, width=16)
    draw.chord([225, 175, 415, 295], start=195, end=345, fill=INK)

    # Ovoid lesions radiating from the ventricular roof, long axis along the medullary veins.
    centre = (320, 235)
    for degrees in (-150, -128, -106, -84, -62, -40):
        angle = math.radians(degrees)
        distance = 95
        cx = centre[0] + distance * math.cos(angle)
        cy = centre[1] + distance * math.sin(angle)
        lesion = Image.new("L", (44, 16), 0)
        ImageDraw.Draw(lesion).ellipse([0, 0, 43, 15], fill=255)
        lesion = lesion.rotate(-degrees, expand=True, resample=Image.Resampling.BICUBIC)
        image.paste(WHITE, (int(cx - lesion.width / 2), int(cy - lesion.height / 2)), lesion)

    draw.text((630, 50), "ovoid hyperintense lesions", fill=INK, font=label, anchor="rm")
    _leader(draw, (630, 68), (392, 150), "perpendicular to the ventricle", label, anchor="rm")
    _leader(draw, (60, 360), (255, 230), "lateral ventricle (dark CSF)", label)
    _leader(draw, (600, 360), (430, 220), "corpus callosum", label, anchor="rm")
    _caption(draw, width, height - 10, "Schematic, not to scale")
    return image


def pyloric_measurements() -> Image.Image:
    """hps-001: longitudinal ultrasound sketch of the pylorus with the diagnostic measurements."""
    width, height = 680, 360
    image, draw = _canvas(width, height)
    label = _font(14)
    _title(draw, (width / 2, 22), "Pyloric stenosis, longitudinal ultrasound")

    # Fluid-filled antrum (left) and duodenal cap (right), anechoic and drawn dark.
    draw.ellipse([20, 90, 200, 270], fill=DARK)
    draw.ellipse([520, 140, 640, 220], fill=DARK)
    # Thick hypoechoic muscle walls with the echogenic mucosa in the channel between them.
    top = [170, 110, 540, 160]
    bottom = [170, 200, 540, 250]
    draw.rounded_rectangle(top, radius=18, fill=LINE)
    draw.rounded_rectangle(bottom, radius=18, fill=LINE)
    draw.rectangle([170, 160, 540, 200], fill=SOFT)
    draw.line([(175, 180), (535, 180)], fill=WHITE, width=4)

    _dimension(draw, (560, 110), (560, 160))
    draw.text((575, 120), "muscle", fill=INK, font=label, anchor="lm")
    draw.text((575, 138), "3 mm or more", fill=INK, font=label, anchor="lm")
    _dimension(draw, (175, 275), (535, 275))
    draw.text((355, 292), "channel length 15 mm or more", fill=INK, font=label, anchor="mm")
    _leader(draw, (30, 60), (120, 110), "distended antrum", label)
    _leader(draw, (250, 62), (330, 178), "echogenic mucosa in the channel", label)
    _leader(draw, (670, 260), (590, 210), "duodenum", label, anchor="rm")
    _caption(draw, width, height - 10, "Schematic: cervix sign with the diagnostic thresholds")
    return image


def aortic_aneurysm() -> Image.Image:
    """aaa-001: coronal sketch of an infrarenal aneurysm with its neck and maximum diameter."""
    width, height = 640, 460
    image, draw = _canvas(width, height)
    label = _font(14)
    _title(draw, (width / 2, 22), "Infrarenal abdominal aortic aneurysm")

    x = 300
    # Suprarenal aorta and neck, then the sac: thrombus (light) lining it around an eccentric lumen.
    draw.rectangle([x - 22, 45, x + 22, 175], fill=MID, outline=LINE, width=2)
    draw.rectangle([x - 90, 112, x - 22, 126], fill=MID)  # renal arteries
    draw.rectangle([x + 22, 104, x + 90, 118], fill=MID)
    draw.ellipse([x - 75, 160, x + 75, 360], fill=SOFT, outline=LINE, width=2)
    draw.ellipse([x - 30, 175, x + 68, 345], fill=MID)
    draw.polygon([(x - 30, 345), (x - 95, 440), (x - 70, 445), (x - 5, 355)], fill=MID)  # iliacs
    draw.polygon([(x + 30, 345), (x + 95, 440), (x + 70, 445), (x + 5, 355)], fill=MID)

    _dimension(draw, (x + 40, 126), (x + 40, 172))
    draw.text((x + 52, 149), "neck 22 mm", fill=INK, font=label, anchor="lm")
    _dimension(draw, (x - 75, 260), (x + 75, 260))
    draw.text((x + 95, 262), "5.9 cm, outer wall to outer wall", fill=INK, font=label, anchor="lm")
    _leader(draw, (40, 80), (x - 80, 119), "renal arteries", label)
    _leader(draw, (30, 320), (x - 55, 310), "mural thrombus", label)
    _leader(draw, (40, 420), (x - 78, 425), "common iliac arteries", label)
    _caption(draw, width, height - 10, "Schematic, not to scale")
    return image


FIGURES: dict[str, Callable[[], Image.Image]] = {
    "18177/fig-1.png": ossification_patterns,
    "ms-001/fig-1.png": dawson_fingers,
    "hps-001/fig-1.png": pyloric_measurements,
    "aaa-001/fig-1.png": aortic_aneurysm,
}


def render(draw_figure: Callable[[], Image.Image]) -> bytes:
    """PNG bytes of a figure; no ``pnginfo`` is passed, so no time or text chunks are written."""
    buffer = io.BytesIO()
    draw_figure().save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--media-dir", type=Path, default=MEDIA_DIR)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)

    stale = []
    for relative_path, draw_figure in sorted(FIGURES.items()):
        data = render(draw_figure)
        dest_path = args.media_dir / relative_path
        if args.check:
            if not dest_path.exists() or dest_path.read_bytes() != data:
                stale.append(relative_path)
            continue
        dest_path.parent.mkdir(parents=True, exist_ok=True)
        dest_path.write_bytes(data)
        print(f"wrote {dest_path} ({len(data)} bytes)")
    for relative_path in stale:
        print(
            f"{relative_path}: differs from the drawing; run tools/draw_figures.py", file=sys.stderr
        )
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
