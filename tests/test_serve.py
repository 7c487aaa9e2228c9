#!/usr/bin/env python3
"""serve.py serves the built site correctly and refuses a busy port. [foundation]

Runs against the existing web build (tests/suites/55-serve builds it first).
"""
import gzip
import os
import socket
import subprocess
import sys
import time
import unittest
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.port = free_port()
        cls.base = f"http://127.0.0.1:{cls.port}"
        cls.server = subprocess.Popen(
            [sys.executable, "serve.py", "--port", str(cls.port), "--no-build", "--quiet"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                get(cls.base + "/")
                return
            except OSError:
                time.sleep(0.1)
        cls.server.kill()
        raise RuntimeError("serve.py did not start: " + cls.server.stdout.read().decode())

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=10)
        cls.server.stdout.close()

    def test_the_page_is_served_with_200_as_html(self):
        status, headers, body = get(self.base + "/")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/html"))
        self.assertIn(b'lang="zh-CN"', body)

    def test_the_wasm_is_served_as_application_wasm(self):
        status, headers, body = get(self.base + "/bianmin.wasm")
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "application/wasm")
        self.assertEqual(body[:4], b"\0asm")

    def test_the_manifest_has_the_webmanifest_type(self):
        _, headers, _ = get(self.base + "/app.webmanifest")
        self.assertTrue(headers["Content-Type"].startswith("application/manifest+json"))

    def test_responses_are_gzip_compressed_only_when_the_client_accepts_it(self):
        _, plain_headers, plain = get(self.base + "/bianmin.wasm")
        _, gz_headers, compressed = get(self.base + "/bianmin.wasm", {"Accept-Encoding": "gzip, br"})
        self.assertNotIn("Content-Encoding", plain_headers)
        self.assertEqual(gz_headers.get("Content-Encoding"), "gzip")
        self.assertLess(len(compressed), len(plain))
        self.assertEqual(gzip.decompress(compressed), plain)

    def test_missing_files_and_paths_outside_the_site_are_404(self):
        for path in ("/no-such-file.js", "/../serve.py", "/%2e%2e/serve.py"):
            with self.subTest(path=path):
                with self.assertRaises(urllib.error.HTTPError) as caught:
                    get(self.base + path)
                self.assertEqual(caught.exception.code, 404)

    def test_a_second_server_on_the_same_port_exits_non_zero_with_a_message(self):
        second = subprocess.run(
            [sys.executable, "serve.py", "--port", str(self.port), "--no-build"],
            cwd=ROOT, capture_output=True, text=True, timeout=30)
        self.assertNotEqual(second.returncode, 0)
        self.assertIn("already in use", second.stderr)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors)
    print(f"SUITE passed={result.testsRun - failed} failed={failed}")
    sys.exit(1 if failed else 0)
