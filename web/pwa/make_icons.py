#!/usr/bin/python3
"""Draw the app's PNG icons at build time (installable PWA): no binary is committed.

The picture is web/static/icon.svg's — a white house on the app's green — drawn here
with a tiny polygon rasteriser (4 sub-rows per pixel, exact horizontal coverage), since
Debian's Python has no imaging library by default. Writes into --out:
  icon-192.png, icon-512.png   rounded square, transparent corners ("any")
  icon-maskable-512.png        full-bleed square, house inside the 80% safe zone
  apple-touch-icon.png         180 px, full-bleed (iOS rounds it itself)
"""
import argparse
import math
import os
import struct
import zlib

GREEN = (0x2F, 0x6F, 0x4F)
WHITE = (0xF2, 0xF4, 0xF7)
SUBROWS = 4


def rounded_square(size, radius, steps=12):
    points = []
    corners = [(size - radius, radius, -90), (size - radius, size - radius, 0),
               (radius, size - radius, 90), (radius, radius, 180)]
    for cx, cy, start in corners:
        for i in range(steps + 1):
            a = math.radians(start + 90 * i / steps)
            points.append((cx + radius * math.cos(a), cy + radius * math.sin(a)))
    return points


def rect(x, y, w, h):
    return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]


def house(scale, offset):
    """icon.svg's shapes (on a 512 grid), scaled about the centre."""
    def t(points):
        return [(offset + x * scale, offset + y * scale) for x, y in points]
    return [(t([(128, 300), (256, 150), (384, 300)]), WHITE),
            (t(rect(176, 298, 160, 92)), WHITE),  # overlaps the roof: no seam
            (t(rect(232, 330, 48, 60)), GREEN)]


def coverage_row(polygon, y, width):
    """Fraction of each pixel of row y inside the polygon (even-odd rule)."""
    cover = [0.0] * (width + 1)
    for sub in range(SUBROWS):
        sy = y + (sub + 0.5) / SUBROWS
        xs = []
        for (x0, y0), (x1, y1) in zip(polygon, polygon[1:] + polygon[:1]):
            if (y0 <= sy < y1) or (y1 <= sy < y0):
                xs.append(x0 + (sy - y0) * (x1 - x0) / (y1 - y0))
        xs.sort()
        for a, b in zip(xs[0::2], xs[1::2]):
            a, b = max(0.0, a), min(float(width), b)
            if b <= a:
                continue
            ia, ib = int(a), int(b)
            if ia == ib:
                cover[ia] += (b - a) / SUBROWS
                continue
            cover[ia] += (ia + 1 - a) / SUBROWS
            for x in range(ia + 1, ib):
                cover[x] += 1.0 / SUBROWS
            cover[ib] += (b - ib) / SUBROWS
    return cover


def render(size, shapes):
    rows = []
    for y in range(size):
        pixels = [[0.0, 0.0, 0.0, 0.0] for _ in range(size)]  # premultiplied RGBA
        for polygon, colour in shapes:
            ys = [p[1] for p in polygon]
            if y + 1 <= min(ys) or y >= max(ys):
                continue
            cover = coverage_row(polygon, y, size)
            for x in range(size):
                c = min(1.0, cover[x])
                if c <= 0:
                    continue
                px = pixels[x]
                for i in range(3):
                    px[i] = colour[i] / 255 * c + px[i] * (1 - c)
                px[3] = c + px[3] * (1 - c)
        row = bytearray([0])  # PNG filter: none
        for r, g, b, a in pixels:
            if a > 0:
                row += bytes([round(r / a * 255), round(g / a * 255), round(b / a * 255), round(a * 255)])
            else:
                row += b"\0\0\0\0"
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(png)
    os.replace(tmp, path)


def icon(size, full_bleed):
    scale = size / 512
    background = rect(0, 0, size, size) if full_bleed else rounded_square(size, 96 * scale)
    # Maskable icons are cropped to a circle of 80% diameter: keep the house well inside.
    house_scale = scale * (0.8 if full_bleed else 1.0)
    offset = (size - 512 * house_scale) / 2
    return render(size, [(background, GREEN)] + house(house_scale, offset))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, size, full_bleed in (("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                   ("icon-maskable-512.png", 512, True), ("apple-touch-icon.png", 180, True)):
        write_png(os.path.join(args.out, name), size, icon(size, full_bleed))
    print("make_icons: 4 PNG icons")


if __name__ == "__main__":
    main()
