#!/usr/bin/python3
"""Stamp the service worker with this build's version and file list (run after each build).

Writes sw-version.js into the site folder:
    self.BIANMIN_BUILD = {version: "<12 hex digits>", files: ["./", "index.html", ...]};
The version is a SHA-256 over every file of the site (names and bytes), so any change to
the app, the page or a font gives a new version. The browser compares sw.js and the
scripts it imports byte for byte on each start: a new version installs a new cache and
the next start uses it (web/static/sw.js).
"""
import argparse
import hashlib
import json
import os

OWN_OUTPUT = "sw-version.js"
NOT_CACHED = {OWN_OUTPUT, "sw.js"}  # the browser fetches these itself, always fresh


def site_files(site):
    for dirpath, _, names in os.walk(site):
        for name in names:
            if name.endswith(".tmp"):
                continue
            yield os.path.relpath(os.path.join(dirpath, name), site).replace(os.sep, "/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True)
    args = parser.parse_args()

    files = sorted(f for f in site_files(args.site) if f not in NOT_CACHED)
    digest = hashlib.sha256()
    for name in files + ["sw.js"]:
        path = os.path.join(args.site, name)
        if not os.path.exists(path):
            continue
        digest.update(name.encode() + b"\0")
        with open(path, "rb") as f:
            digest.update(f.read())
        digest.update(b"\0")
    version = digest.hexdigest()[:12]
    build = {"version": version, "files": ["./"] + files}
    text = ("// Made by web/pwa/make_sw_version.py at build time; read by sw.js.\n"
            f"self.BIANMIN_BUILD = {json.dumps(build, ensure_ascii=False)};\n")
    out = os.path.join(args.site, OWN_OUTPUT)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, out)
    print(f"make_sw_version: {version}, {len(files)} files")


if __name__ == "__main__":
    main()
