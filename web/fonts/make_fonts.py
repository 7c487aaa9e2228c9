#!/usr/bin/python3
"""Make the app's font subsets from Debian's fonts, at build time.

Run with Debian's /usr/bin/python3 (it has python3-fonttools). Writes:
  latin.ttf  DejaVu Sans: ASCII, Latin-1, general punctuation, ¥ and the symbols the UI uses
  cjk.ttf    Droid Sans Fallback: CJK punctuation, full-width forms and every non-ASCII
             character found in the app's own sources and assets (--scan folders): all
             the first screens need, small enough for the 1.0 MB cold start
  cjk-common.ttf  the rest of GB2312 level 1 (3,755 common characters), for names and
             other data. Fetched once the app is ready (or earlier when text needs it) and merged whole into the atlas.
  cjk-extra.ttf  every other CJK character Droid Sans Fallback has (~24,000: the rest
             of GB2312 and GBK, CJK Extension A, compatibility ideographs). Fetched after
             cjk-common.ttf; the app takes glyphs from it only for rare characters that
             appear (residents' names).
The three CJK files are disjoint: nothing is downloaded twice. The app merges them into
latin.ttf (Droid Sans Fallback has no Latin glyphs).
"""
import argparse
import os
import sys

from fontTools import subset

LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
SCANNED_SUFFIXES = (".cpp", ".h", ".hpp", ".json", ".js", ".html")

LATIN_RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x203A),
                (0x20AC, 0x20AC), (0x2190, 0x2193), (0x2212, 0x2212), (0x2713, 0x2717),
                (0x25B2, 0x25BC)]
CJK_RANGES = [(0x3000, 0x303F), (0xFF00, 0xFFEF)]


def gb2312_level1():
    """The 3,755 level-1 characters of GB2312 (rows 16-55), from Python's codec."""
    chars = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass  # the last row has five unassigned positions
    return chars


def chars_in_sources(folders):
    found = set()
    for folder in folders:
        for dirpath, _, files in os.walk(folder):
            for name in files:
                if name.endswith(SCANNED_SUFFIXES):
                    with open(os.path.join(dirpath, name), encoding="utf-8", errors="ignore") as f:
                        found.update(ch for ch in f.read() if ord(ch) > 0x7E)
    return found


def font_characters(font_path):
    from fontTools.ttLib import TTFont
    with TTFont(font_path, lazy=True) as font:
        return {chr(cp) for cp in font.getBestCmap()}


def expand(ranges):
    return {chr(cp) for lo, hi in ranges for cp in range(lo, hi + 1)}


def write_subset(font_path, chars, out_path):
    options = subset.Options()
    options.layout_features = []      # ImGui does no shaping
    options.hinting = False           # stb_truetype ignores hints; they only add bytes
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    options.notdef_outline = True
    font = subset.load_font(font_path, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(c) for c in chars))
    subsetter.subset(font)
    tmp = out_path + ".tmp"
    subset.save_font(font, tmp, options)
    os.replace(tmp, out_path)         # never leave a half-written font behind


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="output folder")
    parser.add_argument("--scan", action="append", default=[], help="folder to scan for characters")
    args = parser.parse_args()
    for path in (LATIN_FONT, CJK_FONT):
        if not os.path.exists(path):
            sys.exit(f"make_fonts: {path} is missing; run tests/setup")
    os.makedirs(args.out, exist_ok=True)

    app_chars = chars_in_sources(args.scan)
    latin = expand(LATIN_RANGES) | {c for c in app_chars if ord(c) < 0x2E80}
    cjk = expand(CJK_RANGES) | {c for c in app_chars if ord(c) >= 0x2E80}
    common = set(gb2312_level1()) - cjk
    extra = {c for c in font_characters(CJK_FONT) if ord(c) >= 0x2E80} - cjk - common
    write_subset(LATIN_FONT, latin, os.path.join(args.out, "latin.ttf"))
    write_subset(CJK_FONT, cjk, os.path.join(args.out, "cjk.ttf"))
    write_subset(CJK_FONT, common, os.path.join(args.out, "cjk-common.ttf"))
    write_subset(CJK_FONT, extra, os.path.join(args.out, "cjk-extra.ttf"))
    for name in ("latin.ttf", "cjk.ttf", "cjk-common.ttf", "cjk-extra.ttf"):
        size = os.path.getsize(os.path.join(args.out, name))
        print(f"make_fonts: {name} {size // 1024} KB")


if __name__ == "__main__":
    main()
