// Small assertions for browser tests; each message says what was expected and seen.
export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

// The item labelled `label` in window.bianmin.ui.items(), or a failure listing what exists.
export function findItem(items, label, kind) {
  const found = items.find((i) => i.label === label && (!kind || i.kind === kind));
  if (!found) {
    const seen = items.map((i) => `${i.kind}:${i.label}`).join(', ');
    throw new Error(`no ${kind || 'item'} labelled "${label}"; items: ${seen}`);
  }
  return found;
}
