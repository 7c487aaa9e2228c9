// Figures, their statistics and the one table the benchmark prints and writes.
//
// A figure: {id, what, unit, values[], peer?: {what, values[]}, goal: {text, test(figure)},
// note?}. Units: 'ms', 'bytes', 'MB/s'. The ratio is median / peer median.
import { writeFileSync } from 'node:fs';

export function stats(values) {
  if (!values || !values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], p99: at(0.99), n: values.length };
}

export function format(value, unit) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (unit === 'bytes') return value >= 1048576 ? `${(value / 1048576).toFixed(1)} MiB` : `${(value / 1024).toFixed(0)} KiB`;
  if (unit === 'MB/s') return `${value.toFixed(1)} MB/s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

// One row of the table from a figure.
export function summarise(figure) {
  const s = stats(figure.values);
  const peer = figure.peer ? stats(figure.peer.values) : null;
  const row = {
    id: figure.id, what: figure.what, unit: figure.unit, produced: !!s, error: figure.error || null,
    ...(s || {}), samples: figure.values || [], note: figure.note || null,
    peer: figure.peer ? { what: figure.peer.what, ...(peer || {}), samples: figure.peer.values } : null,
    goal: figure.goal ? figure.goal.text : '—',
  };
  if (s && peer) row.ratio = s.median / peer.median;
  row.met = s && figure.goal && figure.goal.test ? figure.goal.test(row) : null;
  return row;
}

const COLUMNS = ['figure', 'median', 'min–max', 'peer (median)', 'ratio', 'goal', 'met?'];

function cells(row) {
  const range = row.produced ? `${format(row.min, row.unit)} – ${format(row.max, row.unit)}` : '—';
  let median = row.produced ? format(row.median, row.unit) : `MISSING${row.error ? ': ' + row.error : ''}`;
  if (row.produced && row.showP99) median += ` (p99 ${format(row.p99, row.unit)})`;
  const peer = row.peer ? `${row.peer.what}: ${format(row.peer.median, row.unit)}` + (row.showP99 && row.peer.p99 !== undefined ? ` (p99 ${format(row.peer.p99, row.unit)})` : '') : '—';
  const ratio = row.ratio !== undefined ? `${row.ratio.toFixed(2)}×` : '—';
  const met = row.met === null ? '—' : row.met ? 'yes' : 'NO';
  return [`${row.id} ${row.what}`, median, range, peer, ratio, row.goal, met];
}

export function textTable(rows) {
  const all = [COLUMNS, ...rows.map(cells)];
  const widths = COLUMNS.map((_, c) => Math.max(...all.map((r) => [...r[c]].length)));
  const line = (r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ');
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...all.slice(1).map(line)].join('\n');
}

export function markdownTable(rows) {
  const escape = (text) => text.replace(/\|/g, '\\|');
  return [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).map(escape).join(' | ')} |`)].join('\n');
}

// Writes <base>.json and <base>.md.
export function writeResults(base, header, rows, notes) {
  writeFileSync(`${base}.json`, JSON.stringify({ ...header, figures: rows, notes }, null, 2));
  const md = [`# Benchmark results ${header.date}`, '',
    `Machine: ${header.machine}. Size: ${header.size} (${header.events} events, ${(header.bytes / 1e6).toFixed(1)} MB), runs: ${header.runs}, seed ${header.seed}.`,
    `Load average during the run: ${header.load.start} at start, ${header.load.end} at the end (${header.cores} cores)${header.underLoad ? ' — measured UNDER LOAD (other builds/tests were running)' : ''}.`,
    '', markdownTable(rows), '', ...notes.map((n) => `- ${n}`), ''].join('\n');
  writeFileSync(`${base}.md`, md);
}
