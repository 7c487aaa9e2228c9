// A sample of the malformed-bundle corpus in the browser (issue 7 "Security"): suite
// 65-malformed checks every case natively; here about 55 of them go through the page's own
// import (file input → FileReader → core → WebCrypto digest → plan against IndexedDB's
// store). Each must be refused with one of the codes its manifest line names (the first
// error's code, as check_malformed judges it), every error must carry a Chinese and an
// English message, and the store must be unchanged (IndexedDB digest and event count).
// The corpus's valid bundle, imported last, must be accepted: the refusals are not the
// page refusing everything.
//
// The sample and what it leaves out: lib/malformed_corpus.mjs. The "clock" family is
// judged the same as natively: the page's "now" is the device clock (SystemClock), as the
// tool's is; a stamp in the year 9999 is ahead of any real now, and the other case (a
// device's clock running backwards) does not use now.
import path from 'node:path';
import { readFileSync } from 'node:fs';

import { assert, assertEqual } from '../lib/assert.mjs';
import { chooseSample, corpusNeedsBuild, prepareCorpus, readManifest } from '../lib/malformed_corpus.mjs';
import { session } from '../lib/serving.mjs';
import { digest } from '../lib/storage_helpers.mjs';
import { clickItem, settle, waitForItems } from '../lib/widgets.mjs';

const importOutcome = (page) => page.evaluate(() => window.bianmin.test.importOutcome());

// Drops the file on the page's file input (by path: the page reads it as a File) and
// waits until the import of that file has finished, either way.
async function importFile(page, file) {
  const name = path.basename(file);
  await page.setInputFiles('#bianmin-file-input', file);
  try {
    const finished = await page.waitForFunction((n) => {
      const o = window.bianmin.test.importOutcome();
      return o.fileName === n && (o.stage === 'failed' || o.stage === 'done') ? o : null;
    }, name, { timeout: 20000 });
    return await finished.jsonValue();
  } catch (e) {
    throw new Error(`importing ${name}: ${e.message}`);
  }
}

// Han characters in the Chinese message, Latin words in the English one (as check_malformed).
const readableZh = (text) => /[\u4e00-\u9fff]/.test(text);
const readableEn = (text) => (text.match(/[A-Za-z]/g) ?? []).length >= 4;

// What is wrong with a refusal of case c, or null.
function refusalProblem(c, outcome) {
  if (outcome.stage !== 'failed') return `accepted (${JSON.stringify(outcome.summary)}), expected ${c.expect.join(' or ')}`;
  if (!outcome.errors.length) return 'refused without an error';
  const first = outcome.errors[0].code;
  if (!c.expect.includes(first)) {
    return `refused with ${outcome.errors.map((e) => e.code).join(', ')}, expected ${c.expect.join(' or ')}`;
  }
  const unreadable = outcome.errors.find((e) => !e.zh || !e.en);
  if (unreadable) return `${unreadable.code} lacks a message: ${JSON.stringify(unreadable)}`;
  if (!readableZh(outcome.errors[0].zh) || !readableEn(outcome.errors[0].en)) {
    return `message not bilingual: ${outcome.errors[0].zh} / ${outcome.errors[0].en}`;
  }
  return null;
}

// A fresh profile that joined the corpus's estate from store.bundle, the office manager
// signed in at the exchange screen.
async function joinedStore(page, open, dir) {
  const estate = JSON.parse(readFileSync(path.join(dir, 'store.bundle'), 'utf8')).estate_id;
  const storeEvents = JSON.parse(readFileSync(path.join(dir, 'store.json'), 'utf8')).events.length;
  await open();
  await settle(page);
  await clickItem(page, '加入小区（平板或手机）', 'tab');
  const joined = await importFile(page, path.join(dir, 'store.bundle'));
  assertEqual(joined.stage, 'done', `joining from store.bundle (${JSON.stringify(joined.errors)})`);
  assertEqual(joined.summary.newEvents, storeEvents, 'events joined from store.bundle = events of store.json');
  await page.waitForFunction((e) => window.bianmin.session().estate === e, estate, { timeout: 30000 });
  await page.evaluate(() => window.bianmin.test.signIn('om', 'office_manager'));
  await page.evaluate(() => window.bianmin.test.openScreen('exchange'));
  await settle(page);
  return storeEvents;
}

export default function (test) {
  test('a sample of the malformed-bundle corpus is refused in the browser with each case\'s code, in both languages, and the store is unchanged [issue 7]', async ({ page, open, log }) => {
    const corpus = await prepareCorpus(log);
    try {
      const { sample, eligibleCount, codes, excluded } = chooseSample(readManifest(corpus.dir));
      const storeEvents = await joinedStore(page, open, corpus.dir);
      assertEqual((await session(page)).events, storeEvents, 'events after joining');
      const before = JSON.stringify(await digest(page));

      const problems = [];
      const seen = new Map();  // code -> cases refused with it
      // A parser's message quotes the file's bytes; the core's make_error turns invalid UTF-8
      // among them into U+FFFD, so every message can be drawn and written out.
      const quotesReplaced = [];
      let last = null;
      for (const c of sample) {
        const outcome = await importFile(page, c.path);
        const problem = refusalProblem(c, outcome);
        if (problem) problems.push(`${c.name} (${c.what}): ${problem}`);
        if (outcome.stage === 'failed' && outcome.errors.length) {
          seen.set(outcome.errors[0].code, (seen.get(outcome.errors[0].code) ?? 0) + 1);
          last = outcome;
          if (outcome.errors.some((e) => !e.validUtf8)) problems.push(`${c.name}: a message is not valid UTF-8`);
          if (outcome.errors.some((e) => /\uFFFD/.test(e.en))) quotesReplaced.push(c.name);
        }
        const events = (await session(page)).events;
        if (events !== storeEvents) problems.push(`${c.name}: ${events} events after it, ${storeEvents} before`);
        if (JSON.stringify(await digest(page)) !== before) problems.push(`${c.name}: the store's digest changed`);
      }
      assert(!problems.length, `${problems.length} of ${sample.length} cases:\n${problems.join('\n')}`);
      const missing = codes.filter((code) => !seen.has(code));
      assert(!missing.length, `codes the sample never saw: ${missing.join(', ')}`);

      // What the accessor reports is what the screen shows: the last refusal's reason.
      assert(last, 'no refusal to look at');
      await waitForItems(page, (l) => l.some((i) => i.label === '文件被拒绝') && l.some((i) => i.label === last.errors[0].zh),
        `the last refusal on screen: ${last.errors[0].zh}`);

      const valid = await importFile(page, path.join(corpus.dir, 'valid.bundle'));
      assertEqual(valid.stage, 'done', `the valid bundle (${JSON.stringify(valid.errors)})`);
      assertEqual(valid.summary.newEvents, 3, 'new events from the valid bundle');
      assertEqual((await session(page)).events, storeEvents + 3, 'events after the valid bundle');
      assert(JSON.stringify(await digest(page)) !== before, 'the valid bundle changed the store\'s digest');

      const families = {};
      for (const c of sample) families[c.family] = (families[c.family] ?? 0) + 1;
      log(`${sample.length} of ${eligibleCount} eligible cases (corpus ${eligibleCount + excluded.length}, ${corpus.dir}) ` +
        `refused, store unchanged; per family ${Object.entries(families).map(([f, n]) => `${f} ${n}`).join(', ')}; ` +
        `codes seen ${[...seen].map(([code, n]) => `${code} ×${n}`).join(', ')}; ` +
        `left out ${excluded.map((e) => `${e.name} (${e.why})`).join('; ')}; ` +
        `messages with bytes of the file replaced by U+FFFD: ${quotesReplaced.join(', ') || 'none'}`);
    } finally {
      corpus.remove();
    }
  // 33–39 s here (about 0.5 s a case); twice that for a busy machine, and time to build the
  // checker (35 s after suite 10, minutes with a clean build/native) when it is missing.
  }, { timeoutMs: corpusNeedsBuild() ? 900000 : 90000 });
}
