// The cashier's screen (web/screens/screen_cashier*.cpp): deposits received and refunded
// only by reversal [3-4.3.2; money is never edited or deleted], hand-overs from staff and
// the cash reconciliation per staff member [1-4.8]. Bad input shows the core's message
// beside the field and records nothing.
import { assert, assertEqual } from '../lib/assert.mjs';
import { fenOf } from './reports.spec.mjs';
import { choose, eventCount, startAs, submit, submitExpectingError, typeInto } from '../lib/serving.mjs';
import { clickItem, fieldValue, items, settle } from '../lib/widgets.mjs';
import { rowOf, tallPage, texts } from './office.spec.mjs';

// The cash desk's row for the cashier: received, reversed, paid out, net (fen).
async function deskRow(page) {
  await clickItem(page, '对账', 'tab');
  await settle(page);
  const cells = await rowOf(page, '蔡敏 (cs1)');
  return { received: fenOf(cells[1]), reversed: fenOf(cells[2]), net: fenOf(cells[4]), entries: Number(cells[5]) };
}

// Reverses the newest ledger entry matching `query`; returns that entry's cells.
async function reverseNewest(page, query, reason) {
  await clickItem(page, '收支流水与冲正', 'tab');
  await settle(page);
  await typeInto(page, '搜索', query);
  const first = (await items(page)).filter((i) => i.kind === 'table-cell').sort((a, b) => a.y - b.y)[0];
  const cells = await rowOf(page, first.label);
  await clickItem(page, first.label, 'table-cell');
  await typeInto(page, '冲正原因', reason);
  await submit(page, '冲正', '已冲正');
  return cells;
}

export default function (test) {
  test('a deposit is received and refunded by reversal; the reconciliation shows both [3-4.3.2, 1-4.8]', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'cs1', 'cashier', 'cashier');
    const before = await deskRow(page);
    let events = await eventCount(page);

    // Free a water form's deposit first (refund by reversal), then take it again.
    const old = await reverseNewest(page, '押金', '押金误收，退还');
    assertEqual(await eventCount(page), events + 1, 'MoneyReversed recorded');
    const form = old[9];
    const deposit = fenOf(old[7]);
    assert(deposit > 0, `the reversed deposit (${deposit})`);

    await clickItem(page, '收款', 'tab');
    await settle(page);
    await typeInto(page, '查找委托单（栋号-房号、姓名、项目）', form);
    await choose(page, '款项类别', '押金');
    assertEqual(fenOf((await texts(page))[(await texts(page)).indexOf('押金余额') + 1]), 0, 'no deposit held after the refund');
    assertEqual(fenOf(await fieldValue(page, '金额')), deposit, 'the amount the price table asks, prefilled');
    events = await eventCount(page);
    await submit(page, '收款', '已收款');
    assertEqual(await eventCount(page), events + 1, 'PaymentReceived recorded');

    // Taking the deposit twice is refused by the core, beside the amount.
    await typeInto(page, '金额', (deposit / 100).toFixed(2));
    await submitExpectingError(page, '收款', '金额', `押金超过价格表规定的 ${(deposit / 100).toFixed(2)}元`);

    // Bad input: a reversal needs a reason.
    await clickItem(page, '收支流水与冲正', 'tab');
    await settle(page);
    await typeInto(page, '搜索', '押金');
    const newest = (await items(page)).filter((i) => i.kind === 'table-cell').sort((a, b) => a.y - b.y)[0];
    await clickItem(page, newest.label, 'table-cell');
    await typeInto(page, '冲正原因', '');
    await submitExpectingError(page, '冲正', '冲正原因', '请填写冲正原因');

    events = await eventCount(page);
    await reverseNewest(page, '押金', '业主取消服务');
    assertEqual(await eventCount(page), events + 1, 'the new deposit reversed');
    // The form's entries: deposits and their reversals (a reversal's own kind is 冲正).
    await typeInto(page, '搜索', form);
    const entries = (await items(page)).filter((i) => i.kind === 'table-cell').map((i) => i.label);
    assert(entries.some((l) => l.startsWith('冲正 ')) && entries.some((l) => l.startsWith('已被 ')),
      'the ledger shows the reversal and the reversed entry, both kept');

    const after = await deskRow(page);
    assertEqual(after.received - before.received, deposit, 'received: the new deposit');
    assertEqual(after.reversed - before.reversed, -2 * deposit, 'reversed: both deposits');
    assertEqual(after.net - before.net, -deposit, 'net cash: one deposit less');
    assertEqual(after.entries - before.entries, 3, 'three entries: reversal, deposit, reversal');
  }, { timeoutMs: 180000 });
}
