// The benchmarks' web server: the app's site at /, the benchmark pages at /bench/, the
// generated data at /data/<name>, a blank page at /blank. Bodies are gzipped at level 6,
// as serve.py does, and every response is logged (path, compressed bytes, time it
// finished) so a cold start's transferred bytes can be counted up to its first frame.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.css': 'text/css',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.webmanifest', '.json', '.svg', '.ttf', '.css']);

// roots: {site, bench, data}: folders. Returns {origin, log, stop()}.
export function startBenchServer(roots) {
  const gzipCache = new Map();  // file -> {mtimeMs, size, body}
  const log = [];
  const resolveFile = (urlPath) => {
    const mounts = [['/bench/', roots.bench], ['/data/', roots.data], ['/', roots.site]];
    for (const [prefix, folder] of mounts) {
      if (!urlPath.startsWith(prefix)) continue;
      let rel = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
      const full = path.resolve(folder, rel);
      if (!full.startsWith(path.resolve(folder))) return null;
      return existsSync(full) && statSync(full).isFile() ? full : null;
    }
    return null;
  };
  const gzipped = (file) => {
    const stat = statSync(file);
    const hit = gzipCache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
    const body = zlib.gzipSync(readFileSync(file), { level: 6 });
    gzipCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, body });
    return body;
  };
  const server = http.createServer((request, response) => {
    const urlPath = new URL(request.url, 'http://x').pathname;
    if (urlPath === '/blank') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!doctype html><title>blank</title>');
      return;
    }
    const file = resolveFile(urlPath);
    if (!file) {
      response.writeHead(404);
      response.end();
      return;
    }
    const ext = path.extname(file);
    const headers = { 'Content-Type': MIME[ext] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
    const entry = { path: urlPath, bytes: 0, endedAt: 0 };
    log.push(entry);
    response.on('finish', () => { entry.endedAt = Date.now(); });
    // The data files are big and never part of a page's start: sent as they are.
    if (COMPRESSIBLE.has(ext) && !urlPath.startsWith('/data/') && /gzip/.test(request.headers['accept-encoding'] || '')) {
      const body = gzipped(file);
      entry.bytes = body.length;
      response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
      response.end(body);
    } else {
      entry.bytes = statSync(file).size;
      response.writeHead(200, { ...headers, 'Content-Length': entry.bytes });
      createReadStream(file).pipe(response);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, log, stop: () => server.close() });
    });
  });
}
