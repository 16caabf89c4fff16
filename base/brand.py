"""The site's emblem and its raster versions: icons and the share image, drawn with Pillow.

The emblem (templates/components/emblem.html, static/img/favicon.svg) is four blades, one per
member in the order of their ISO codes (Chile, Colombia, Mexico, Peru), turning about one centre
on a white disc. `manage.py build_brand_images` redraws the PNG and ICO files from the same
geometry; they are committed, so the site needs no drawing at run time.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

MEMBER_COLOURS = ["#b3261e", "#e0a100", "#0f7c74", "#0b4f8a"]  # CL, CO, MX, PE
NAVY = "#0a2d52"
# Each blade: a half disc of radius 13 (on a 64 unit square) whose diameter runs from the centre
# outwards, as the SVG's arcs draw it: its centre, and the angles (degrees, clockwise from east).
BLADES = [((32, 19), 270, 450), ((45, 32), 0, 180), ((32, 45), 90, 270), ((19, 32), 180, 360)]
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SHARE_SIZE = (1200, 630)
NAMES = {
    "en": ("Pacific Alliance", "Chile · Colombia · Mexico · Peru"),
    "es": ("Alianza del Pacífico", "Chile · Colombia · México · Perú"),
}


def draw_emblem(draw, left, top, size):
    scale = size / 64
    draw.ellipse([left + scale, top + scale, left + 63 * scale, top + 63 * scale], fill="#fff")
    for colour, ((x, y), start, end) in zip(MEMBER_COLOURS, BLADES, strict=True):
        box = [
            left + (x - 13) * scale,
            top + (y - 13) * scale,
            left + (x + 13) * scale,
            top + (y + 13) * scale,
        ]
        draw.pieslice(box, start, end, fill=colour)


def emblem_image(size, background=None, padding=0):
    """The emblem on a square of `size` pixels, drawn four times larger and scaled down (smooth edges)."""
    big = size * 4
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    draw_emblem(ImageDraw.Draw(image), padding * 4, padding * 4, big - 8 * padding)
    return image.resize((size, size), Image.LANCZOS)


def share_image(language):
    """1200 x 630: the emblem, the name and the members on navy, with the members' colours below."""
    name, members = NAMES[language]
    image = Image.new("RGB", SHARE_SIZE, NAVY)
    image.paste(emblem_image(260), (110, 140), emblem_image(260))
    draw = ImageDraw.Draw(image)
    title = ImageFont.truetype(str(FONT), 76 if len(name) < 18 else 64)
    draw.text((420, 215), name, font=title, fill="#fff")
    draw.text((424, 330), members, font=ImageFont.truetype(str(FONT), 34), fill="#d6e2f0")
    band = SHARE_SIZE[0] // 4
    for number, colour in enumerate(MEMBER_COLOURS):
        draw.rectangle([number * band, SHARE_SIZE[1] - 24, (number + 1) * band, SHARE_SIZE[1]], fill=colour)
    return image


def build(folder):
    """Writes every raster file into `folder` (static/img); returns their names."""
    folder = Path(folder)
    written = {
        "apple-touch-icon.png": emblem_image(180, background=NAVY, padding=14),
        "icon-192.png": emblem_image(192, padding=4),
        "icon-512.png": emblem_image(512, padding=10),
        "icon-maskable-512.png": emblem_image(512, background=NAVY, padding=70),
    }
    for language in NAMES:
        written[f"share-{language}.png"] = share_image(language)
    for name, image in written.items():
        image.save(folder / name, optimize=True)
    emblem_image(32).save(folder / "favicon.ico", sizes=[(16, 16), (32, 32)])
    return [*written, "favicon.ico"]
