// The reports screen (web/screens/screen_reports.cpp): the monthly income report [3-7]
// against the month before and break-even, its bar chart, and CSV exports with a BOM.
// Figures are checked against the CLI (`bianmin report income --csv`) run on the very
// events the page holds (exported through a test-only hook), not against the UI's code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { assert, assertEqual } from '../lib/assert.mjs';
import { ROOT } from '../lib/harness.mjs';
import {
  assertNoUntranslated, clickItem, coloursInside, fieldValue, items, settle, waitForFieldValue, waitForItems,
} from '../lib/widgets.mjs';

const CLI = path.join(ROOT, 'build', 'native', 'core', 'bianmin');

// "1,234.50元", "¥1,234.50", "-12.00" -> fen
export function fenOf(text) {
  const m = /(-?)[^0-9-]*([0-9,]+)\.(\d{2})/.exec(text);
  if (!m) throw new Error(`not money: ${JSON.stringify(text)}`);
  const fen = Number(m[2].replaceAll(',', '')) * 100 + Number(m[3]);
  return m[1] === '-' ? -fen : fen;
}

// RFC 4180 rows (quoted cells may hold commas, quotes and line breaks).
export function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// The page's events as a file, for the CLI.
export async function eventsFile(page) {
  const text = await page.evaluate(() => Module.ccall('bm_test_events_file', 'string', [], []));
  assert(text.startsWith('{'), 'the test hook gave the events file');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bianmin-reports-'));
  const file = path.join(dir, 'events.json');
  writeFileSync(file, text);
  return file;
}

function cliIncomeCsv(file, month) {
  const out = execFileSync(CLI, ['report', 'income', '--month', month, '--events', file, '--csv'], { encoding: 'utf8' });
  assert(out.startsWith('\uFEFF'), 'the CLI writes a BOM');
  return parseCsv(out.slice(1)).filter((r) => r.length > 1);
}

// The value shown right of a label_value() label (same line, further right).
function valueBeside(list, label) {
  const key = list.find((i) => i.kind === 'text' && i.label === label);
  assert(key, `no label ${label}`);
  const beside = list.filter((i) => i.kind === 'text' && Math.abs(i.y - key.y) < 3 && i.x > key.x)
    .sort((a, b) => a.x - b.x)[0];
  assert(beside, `nothing beside ${label}`);
  return beside.label;
}

// The colour of the pixel in the middle of a rectangle of the page, [r, g, b].
async function centrePixel(page, r) {
  const { decodePng } = await import('../lib/png.mjs');
  const png = decodePng(await page.screenshot({ clip: { x: r.x, y: r.y, width: Math.max(1, r.w), height: Math.max(1, r.h) } }));
  const at = (Math.floor(png.height / 2) * png.width + Math.floor(png.width / 2)) * png.channels;
  return [png.pixels[at], png.pixels[at + 1], png.pixels[at + 2]];
}

async function openReports(page, open) {
  await open();
  await page.evaluate(() => window.bianmin.test.loadDemo({ months: 3 }));
  await page.evaluate(() => window.bianmin.test.signIn('om', 'office_manager'));
  await page.evaluate(() => window.bianmin.test.openScreen('reports'));
  await settle(page);
}

async function download(page, label) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickItem(page, label, 'button')]);
  const { readFileSync } = await import('node:fs');
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

export default function (test) {
  test('the monthly income report [3-7] shows the totals the CLI computes from the same events', async ({ page, open }) => {
    await openReports(page, open);
    const file = await eventsFile(page);
    const year = new Date().getFullYear() - 1;  // loadDemo's default year
    const shown = await fieldValue(page, '月份');
    assertEqual(shown, `${year}-03`, 'the report opens on the latest month with income');
    for (const month of [`${year}-03`, `${year}-02`]) {
      if (month !== shown) {
        await clickItem(page, '‹ 上个月', 'button');
        await waitForFieldValue(page, '月份', month);
        await settle(page);
      }
      const rows = cliIncomeCsv(file, month);
      const total = rows.find((r) => r[0] === '合计');
      assert(total, `the CLI's total row for ${month}`);
      const list = await items(page);
      const income = fenOf(valueBeside(list, '本月收入合计'));
      assertEqual(income, fenOf(total[1] + ''), `${month}: income total shown vs CLI`);
      assertEqual(fenOf(valueBeside(list, '上月收入')), fenOf(total[2]), `${month}: last month's total shown vs CLI`);
      assertEqual(fenOf(valueBeside(list, '保本收入（每月成本）')), fenOf(total[7]), `${month}: break-even income vs CLI`);
      // An independent sum: the CLI's item rows add up to what the screen says.
      const items_ = rows.slice(1).filter((r) => r[0] !== '合计');
      const sum = items_.reduce((s, r) => s + fenOf(r[1]), 0);
      assertEqual(income, sum, `${month}: the items' income adds up to the total shown`);
      assert(income > 0, `${month}: the demo has income (${income} fen)`);
    }
  }, { timeoutMs: 180000 });

  test('the income chart draws bars for this month and last month with each item\'s break-even mark', async ({ page, open }) => {
    await openReports(page, open);
    const list = await items(page);
    const bars = list.filter((i) => i.kind === 'text' && / · 本月: /.test(i.label));
    const before = list.filter((i) => i.kind === 'text' && / · 上月: /.test(i.label));
    const marks = list.filter((i) => i.kind === 'text' && / · 保本线: /.test(i.label));
    assert(bars.length > 0 && bars.length === before.length, `bars this month ${bars.length}, last month ${before.length}`);
    assertEqual(marks.length, bars.length, 'a break-even mark per item');
    // The tallest bar of this month, in pixels: its colour differs from the background.
    const tallest = bars.reduce((a, b) => (b.h > a.h ? b : a));
    assert(tallest.h > 10, `the tallest bar is ${tallest.h} px high`);
    // Its middle is the bar's colour; the same width just above the bar is the plot's
    // background (or a lighter grid line): they differ.
    const barColour = await centrePixel(page, { x: tallest.x, y: tallest.y + tallest.h / 2, w: tallest.w, h: 4 });
    const above = await centrePixel(page, { x: tallest.x, y: Math.max(0, tallest.y - 6), w: tallest.w, h: 2 });
    assert(barColour.join() !== above.join(), `bar ${barColour} vs background ${above}`);
    const area = {
      x: Math.min(...bars.map((b) => b.x)), y: Math.min(...bars.map((b) => b.y)),
      w: Math.max(...before.map((b) => b.x + b.w)) - Math.min(...bars.map((b) => b.x)),
      h: Math.max(...bars.map((b) => b.y + b.h)) - Math.min(...bars.map((b) => b.y)),
    };
    const inChart = await coloursInside(page, area);
    assert(inChart >= 3, `the chart's area shows bars on the background: ${inChart} colours`);
    // Each bar reads back as money that matches its height order: taller means more.
    const sorted = [...bars].sort((a, b) => a.h - b.h);
    assert(fenOf(sorted[0].label.split(': ')[1]) <= fenOf(sorted[sorted.length - 1].label.split(': ')[1]),
      'a taller bar shows more money');
  }, { timeoutMs: 120000 });

  test('the income table exports to CSV with a BOM and one row per paid item plus the total', async ({ page, open }) => {
    await openReports(page, open);
    const month = await fieldValue(page, '月份');
    const { name, text } = await download(page, '导出 CSV');
    assertEqual(name, `income-${month}.csv`, 'file name');
    assert(text.startsWith('\uFEFF'), 'the CSV starts with a byte-order mark for Excel');
    const rows = parseCsv(text.slice(1)).filter((r) => r.length > 1);
    const cli = cliIncomeCsv(await eventsFile(page), month);
    assertEqual(rows.length, cli.length, 'rows in the CSV (header, items, total) vs the CLI');
    assertEqual(JSON.stringify(rows[0]), JSON.stringify(cli[0]), 'the same columns as the CLI');
    // The same rows as the CLI, in the table's (sorted) order. The page guards cells that a
    // spreadsheet would read as a formula ("-22.2%") with a leading apostrophe.
    const unguard = (r) => JSON.stringify(r.map((c) => c.replace(/^'(?=[-+=@])/, '')));
    const ours = rows.slice(1).map(unguard).sort();
    const theirs = cli.slice(1).map(unguard).sort();
    for (let i = 0; i < theirs.length; i++) assertEqual(ours[i], theirs[i], `row ${i + 1} vs the CLI`);
    // The table is sorted by its first column, but the total stays below the items.
    assertEqual(rows[rows.length - 1][0], '合计', 'the last row of the sorted table');
    // Break-even tab: its own CSV, one row per item on the price table.
    await clickItem(page, '各项目保本情况', 'tab');
    await settle(page);
    const breakEven = await download(page, '导出 CSV');
    assertEqual(breakEven.name, `breakeven-${month}.csv`, 'break-even file name');
    assert(breakEven.text.startsWith('\uFEFF'), 'the break-even CSV has a BOM');
    const beRows = parseCsv(breakEven.text.slice(1)).filter((r) => r.length > 1);
    const cliBe = parseCsv(execFileSync(CLI, ['breakeven', '--month', month, '--events', await eventsFile(page), '--csv'],
      { encoding: 'utf8' }).slice(1)).filter((r) => r.length > 1);
    assertEqual(beRows.length, cliBe.length, 'break-even rows vs the CLI');
  }, { timeoutMs: 180000 });

  test('the reports screen reads in English with no untranslated key, and a bad month is refused', async ({ page, open }) => {
    await openReports(page, open);
    await page.evaluate(() => window.bianmin.setLang('en'));
    await settle(page);
    const english = await items(page);
    assertNoUntranslated(english, 'reports in English');
    assert(english.some((i) => i.label === 'Income this month'), 'the English summary');
    assert(english.some((i) => / · This month: ¥/.test(i.label)), 'chart bars in English money');
    await clickItem(page, 'Break-even by item', 'tab');
    await settle(page);
    assertNoUntranslated(await items(page), 'break-even in English');
    // A month that is not a month: the field says so; the report stays on the last good one.
    await clickItem(page, 'Month', 'input');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2024-13');
    await waitForItems(page, (l) => l.some((i) => i.label === 'Enter a year and month, e.g. 2024-03'), 'the month message');
    await page.evaluate(() => window.bianmin.setLang('zh'));
  }, { timeoutMs: 120000 });
}
