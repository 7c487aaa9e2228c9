// The malformed-bundle corpus for the browser sample (specs/malformed_sample.spec.mjs):
// finding or making it, reading its manifest, and choosing the sample.
//
// The corpus is made by `check_malformed base DIR` (store.json, store.bundle, valid.bundle)
// and tests/fuzz/make_malformed.py DIR (cases/*.bundle, manifest.jsonl); suite
// 65-malformed checks all of it natively. Suite 50 (browser) runs before suite 65, so on
// a clean clone nothing exists yet: the corpus is then made in a temporary directory with
// the uninstrumented checker of the native build (build/native/check_malformed, built by
// suite 10; the instrumented one of build/fuzz took 583 s to build from clean).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { ROOT } from './harness.mjs';

const run = promisify(execFile);

export const SUITE_CORPUS_DIR = path.join(ROOT, 'tests', 'fuzz', 'corpus-work', 'malformed');
const NATIVE_BUILD = path.join(ROOT, 'build', 'native');
const CHECKER = path.join(NATIVE_BUILD, 'check_malformed');
const CORPUS_FILES = ['manifest.jsonl', 'store.bundle', 'store.json', 'valid.bundle'];

// The browser import's size limit: bundle_import.cpp passes the core's default
// ImportOptions, whose max_bytes is kDefaultMaxBundleBytes (core/include/bianmin/exchange.hpp).
export const BROWSER_LIMIT_MIB = 256;

const complete = (dir) => CORPUS_FILES.every((f) => existsSync(path.join(dir, f)));

// True when the sample must build the checker first (minutes, not seconds).
export function corpusNeedsBuild() {
  return !complete(SUITE_CORPUS_DIR) && !existsSync(CHECKER);
}

async function buildChecker(log) {
  const started = Date.now();
  if (!existsSync(path.join(NATIVE_BUILD, 'CMakeCache.txt'))) {
    // As tests/lib/ctest-suite configures it for suite 10.
    const ninja = await run('sh', ['-c', 'command -v ninja'], { cwd: ROOT }).then(() => true, () => false);
    await run('cmake', ['-S', ROOT, '-B', NATIVE_BUILD, ...(ninja ? ['-G', 'Ninja'] : []), '-DCMAKE_BUILD_TYPE=Release'],
      { cwd: ROOT, maxBuffer: 1 << 24 });
  }
  await run('cmake', ['--build', NATIVE_BUILD, '--parallel', '2', '--target', 'check_malformed'],
    { cwd: ROOT, maxBuffer: 1 << 26 });
  log(`built build/native/check_malformed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

// The corpus directory: the suite's when it is complete, else a new temporary one
// (remove() deletes only that).
export async function prepareCorpus(log) {
  if (complete(SUITE_CORPUS_DIR)) return { dir: SUITE_CORPUS_DIR, remove() {} };
  if (!existsSync(CHECKER)) await buildChecker(log);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bianmin-malformed-'));
  await run(CHECKER, ['base', dir], { cwd: ROOT });
  await run('python3', [path.join(ROOT, 'tests', 'fuzz', 'make_malformed.py'), dir], { cwd: ROOT, maxBuffer: 1 << 24 });
  if (!complete(dir)) throw new Error(`making the corpus in ${dir} left out one of ${CORPUS_FILES.join(', ')}`);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// The manifest's cases, each with its family (the file name after the number:
// "cases/0042-event-type.bundle" → "event-type"), path and size.
export function readManifest(dir) {
  return readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((line) => {
    const c = JSON.parse(line);
    const m = /^cases\/(\d+)-(.+)\.bundle$/.exec(c.file);
    if (!m) throw new Error(`unexpected case file name in the manifest: ${c.file}`);
    const file = path.join(dir, c.file);
    return { ...c, family: m[2], path: file, name: path.basename(file), size: statSync(file).size };
  });
}

// Why a case cannot be judged in the browser the way the checker judges it, or null.
// Below both limits the size plays no part. Over the checker's limit (limit_mib, mostly
// 1 MiB) but not the browser's, the browser would rightly read on. Where the limits agree
// (the 1 GiB file against 256 MiB) the page refuses the file by its size, unread
// (files.h ImportHandlers::max_bytes), so that case is in.
export function exclusionReason(c) {
  const limitBytes = Math.min(c.limit_mib, BROWSER_LIMIT_MIB) * 1024 * 1024;
  if (c.size <= limitBytes) return null;
  if (c.limit_mib !== BROWSER_LIMIT_MIB) {
    return `over the checker's ${c.limit_mib} MiB limit; the browser's is ${BROWSER_LIMIT_MIB} MiB`;
  }
  return null;
}

// A deterministic sample: per family its first, middle and last case, then for every code
// the eligible cases expect and the sample does not yet cover, the first case expecting
// only that code (else any case expecting it). Cases keep their corpus order.
export function chooseSample(cases) {
  const eligible = cases.filter((c) => exclusionReason(c) === null);
  const chosen = new Set();
  const byFamily = new Map();
  for (const c of eligible) byFamily.set(c.family, [...(byFamily.get(c.family) ?? []), c]);
  for (const members of byFamily.values()) {
    for (const at of [0, Math.floor((members.length - 1) / 2), members.length - 1]) chosen.add(members[at]);
  }
  const codes = [...new Set(eligible.flatMap((c) => c.expect))].sort();
  for (const code of codes) {
    if ([...chosen].some((c) => c.expect.length === 1 && c.expect[0] === code)) continue;
    const only = eligible.find((c) => c.expect.length === 1 && c.expect[0] === code);
    const any = eligible.find((c) => c.expect.includes(code));
    if (only ?? any) chosen.add(only ?? any);
  }
  return {
    sample: eligible.filter((c) => chosen.has(c)),
    eligibleCount: eligible.length,
    codes,
    excluded: cases.filter((c) => exclusionReason(c) !== null).map((c) => ({ name: c.name, why: exclusionReason(c) })),
  };
}
