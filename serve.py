#!/usr/bin/env python3
"""Serve Bianmin (便民服务): set up what is missing, rebuild the web build if sources
changed, and serve it.

    python3 serve.py                    # http://127.0.0.1:8000
    python3 serve.py --host 0.0.0.0     # let tablets on the office LAN in (see README)
    python3 serve.py --https            # HTTPS with a self-signed certificate (tablets)
    python3 serve.py --build-only       # set up and build, do not serve

Python standard library only.
"""
import argparse
import errno
import gzip
import http.server
import os
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import urllib.parse

ROOT = os.path.dirname(os.path.abspath(__file__))
DEPS = os.path.join(ROOT, "build", "deps")
WEB_BUILD = os.path.join(ROOT, "build", "web")
SITE = os.path.join(WEB_BUILD, "site")
CERTS = os.path.join(ROOT, "build", "certs")

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ttf": "font/ttf",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
COMPRESSIBLE = {".html", ".js", ".mjs", ".wasm", ".webmanifest", ".json", ".svg", ".ttf", ".css", ".txt"}


def say(message):
    print(f"[serve] {message}", flush=True)


def fail(message, code=1):
    print(f"[serve] error: {message}", file=sys.stderr, flush=True)
    sys.exit(code)


# ---- Set-up and build --------------------------------------------------------------

def setup_is_missing():
    needed = [shutil.which("em++"), shutil.which("cmake"), shutil.which("ninja") or shutil.which("make"),
              os.path.exists(os.path.join(DEPS, "imgui-1.90.1", ".bianmin-verified")),
              os.path.exists(os.path.join(DEPS, "include", "nlohmann", "json.hpp")),
              os.path.exists("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")]
    return not all(needed)


def run(command, what):
    env = dict(os.environ, NODE_PATH="/usr/share/nodejs")
    result = subprocess.run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        fail(f"{what} failed (exit {result.returncode}); see the messages above")


def build_web():
    if setup_is_missing():
        say("some tools or dependencies are missing: running tests/setup")
        run([os.path.join(ROOT, "tests", "setup")], "set-up")
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    if not os.path.exists(os.path.join(WEB_BUILD, "CMakeCache.txt")):
        say("configuring the web build (emcmake)")
        run(["emcmake", "cmake", "-S", ROOT, "-B", WEB_BUILD, "-DCMAKE_BUILD_TYPE=Release", *generator],
            "configuring the web build")
    say("building the web app (only what changed)")
    run(["cmake", "--build", WEB_BUILD, "--parallel"], "building the web app")


# ---- HTTPS ---------------------------------------------------------------------------

def ensure_certificate(host):
    """A self-signed certificate for LAN use, made once with Debian's openssl."""
    cert, key = os.path.join(CERTS, "bianmin.crt"), os.path.join(CERTS, "bianmin.key")
    if os.path.exists(cert) and os.path.exists(key):
        return cert, key
    if not shutil.which("openssl"):
        fail("--https needs openssl: run tests/setup")
    os.makedirs(CERTS, exist_ok=True)
    names = {"localhost", socket.gethostname()}
    addresses = {"127.0.0.1"} | ({host} if host not in ("0.0.0.0", "") else set()) | set(lan_addresses())
    alt = ",".join([f"DNS:{n}" for n in sorted(names)] + [f"IP:{a}" for a in sorted(addresses)])
    say(f"making a self-signed certificate in {os.path.relpath(CERTS, ROOT)} for {alt}")
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "825",
         "-keyout", key, "-out", cert, "-subj", "/CN=Bianmin office server", "-addext", f"subjectAltName={alt}"],
        "making the certificate")
    return cert, key


def lan_addresses():
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent; this picks the LAN interface
            return [s.getsockname()[0]]
    except OSError:
        return []


# ---- Serving -------------------------------------------------------------------------

class CompressedCache:
    """gzip bodies, kept while the file's size and mtime are unchanged."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries = {}

    def get(self, path, stat):
        stamp = (stat.st_size, stat.st_mtime_ns)
        with self._lock:
            entry = self._entries.get(path)
            if entry and entry[0] == stamp:
                return entry[1]
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), compresslevel=6, mtime=0)
        with self._lock:
            self._entries[path] = (stamp, body)
        return body


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "BianminServe/1"
    cache = CompressedCache()
    quiet = False

    def do_HEAD(self):
        self.respond(head_only=True)

    def do_GET(self):
        self.respond(head_only=False)

    def respond(self, head_only):
        path = urllib.parse.unquote(self.path.split("?", 1)[0].split("#", 1)[0])
        if path.endswith("/"):
            path += "index.html"
        relative = os.path.normpath(path.lstrip("/"))
        if relative.startswith("..") or os.path.isabs(relative):
            return self.send_error(404)
        full = os.path.join(SITE, relative)
        if not os.path.isfile(full):
            return self.send_error(404, "Not found")
        ext = os.path.splitext(full)[1].lower()
        stat = os.stat(full)
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if ext in COMPRESSIBLE and accepts_gzip:
            body, encoding = self.cache.get(full, stat), "gzip"
        else:
            with open(full, "rb") as f:
                body, encoding = f.read(), None
        self.send_response(200)
        self.send_header("Content-Type", MIME_TYPES.get(ext, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        # Always revalidate: the service worker keeps the offline copy, not the HTTP cache.
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def log_message(self, fmt, *args):
        if not self.quiet:
            sys.stderr.write("[serve] %s %s\n" % (self.address_string(), fmt % args))


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False  # a busy port must fail, not be shared


def bind(host, port):
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    Server.address_family = family
    try:
        return Server((host, port), Handler)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            fail(f"port {port} on {host} is already in use (is Bianmin already running?). "
                 f"Stop the other program or choose another port with --port.", code=3)
        fail(f"cannot listen on {host}:{port}: {error.strerror}", code=3)


def main():
    parser = argparse.ArgumentParser(description="Set up, build and serve Bianmin (便民服务).")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0 for the LAN)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--https", action="store_true", help="serve HTTPS with a self-signed certificate")
    parser.add_argument("--no-build", action="store_true", help="serve the existing build as it is")
    parser.add_argument("--build-only", action="store_true", help="set up and build, then exit")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args()

    server = None
    if not args.build_only:
        server = bind(args.host, args.port)  # before building: a busy port fails fast
    if not args.no_build:
        build_web()
    if args.build_only:
        say(f"built: {os.path.relpath(SITE, ROOT)}")
        return
    if not os.path.exists(os.path.join(SITE, "index.html")):
        fail("there is no web build to serve; run without --no-build")

    Handler.quiet = args.quiet
    scheme = "http"
    if args.https:
        cert, key = ensure_certificate(args.host)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    shown = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host
    say(f"Bianmin is at {scheme}://{shown}:{args.port}/  (Ctrl+C to stop)")
    if args.host in ("0.0.0.0", "::"):
        for address in lan_addresses():
            say(f"on the office LAN: {scheme}://{address}:{args.port}/")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        say("stopped")
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
