"""Checks a screenshot with Pillow: check_png.py SHOT.png
Prints "ok WIDTHxHEIGHT COLOURS" when the file is a PNG that shows something (many colours, and
a fair share of pixels that are neither the most common colour nor white), else what is wrong."""
import sys
from PIL import Image

image = Image.open(sys.argv[1])
if image.format != "PNG":
    sys.exit(print(f"not a PNG but {image.format}"))
rgb = image.convert("RGB")
colours = rgb.getcolors(maxcolors=1 << 24)
colours.sort(reverse=True)
total = rgb.width * rgb.height
ink = sum(count for count, colour in colours[1:] if colour != (255, 255, 255))
if len(colours) < 16 or ink < total // 50:
    print(f"blank: {len(colours)} colours, {ink} of {total} pixels drawn")
else:
    print(f"ok {rgb.width}x{rgb.height} {len(colours)}")
