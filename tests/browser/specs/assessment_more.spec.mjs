// The staff assessment screen, more flows (web/screens/screen_assessment*.cpp) [2-3.2]: a
// violation found wrong is withdrawn with a reason (never deleted) and the payout comes
// back; a province-level violation bars a 'competent' rating that year — the core refuses
// it with its message and a lower rating is recorded.
import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, clickCell, eventCount, startAs, submit, submitExpectingError, typeInto } from '../lib/serving.mjs';
import { clickItem, fieldValue, items, settle, waitForItems } from '../lib/widgets.mjs';
import { fenOf } from './reports.spec.mjs';
import { rowOf } from './office.spec.mjs';

// A viewport wide and tall enough for the payout table's thirteen columns.
const widePage = (page) => page.setViewportSize({ width: 1600, height: 1700 });

// The payout table's cells of `person`'s row, by column title.
export async function payoutRow(page, person) {
  await clickItem(page, '考核奖发放', 'tab');
  await settle(page);
  const list = await items(page);
  const title = list.find((i) => i.kind === 'button' && i.label === '实发');
  assert(title, 'the payout table\'s headers');
  const headers = list.filter((i) => i.kind === 'button' && Math.abs(i.y - title.y) < 3).sort((a, b) => a.x - b.x)
    .map((i) => i.label);
  const cells = await rowOf(page, person);
  assertEqual(cells.length, headers.length, `a cell per column in ${person}'s row`);
  return Object.fromEntries(headers.map((h, n) => [h, cells[n]]));
}

// The assessment group records a violation of `person`, found on `day`.
async function recordViolation(page, person, source, day, note) {
  await clickItem(page, '违规记录', 'tab');
  await settle(page);
  await choose(page, '员工', person);
  await choose(page, '发现来源', source);
  await typeInto(page, '发现日期', day);
  await typeInto(page, '情况说明', note);
  await submit(page, '保存违规记录', '违规记录已保存');
}

export default function (test) {
  test('a violation found wrong is withdrawn with a reason, kept in the list, and the payout comes back [2-3.2]', async ({ page, open }) => {
    await widePage(page);
    await startAs(page, open, 'ag1', 'assessment_group', 'assessment');
    const year = new Date().getFullYear() - 1;
    assertEqual(await fieldValue(page, '考核期'), `${year}H1`, 'the period of the demo');
    const before = await payoutRow(page, '方丽 (fd1)');
    const events = await eventCount(page);
    await recordViolation(page, '方丽 (fd1)', '县巡查通报', `${year}-03-17`, '工牌未佩戴（误记）');
    const cut = await payoutRow(page, '方丽 (fd1)');
    assertEqual(fenOf(cut['本期扣发']) - fenOf(before['本期扣发']), 90000, 'three months deducted');
    assert(fenOf(cut['实发']) < fenOf(before['实发']) || fenOf(before['实发']) === 0, 'the payout went down');

    // Withdrawn: tap the row, give a reason.
    await clickItem(page, '违规记录', 'tab');
    await settle(page);
    await clickCell(page, `${year}-03-17`);
    await waitForItems(page, (l) => l.some((i) => i.kind === 'input' && i.label === '撤销原因'), 'the withdraw form');
    await submitExpectingError(page, '撤销', '撤销原因', '请填写撤销原因');
    await typeInto(page, '撤销原因', '核实为误记，当日已佩戴工牌');
    await submit(page, '撤销', '违规记录已撤销');
    assertEqual(await eventCount(page), events + 2, 'ViolationRecorded, ViolationWithdrawn');
    const row = await rowOf(page, `${year}-03-17`);
    assert(row.includes('已撤销: 核实为误记，当日已佩戴工牌'), `the violation stays listed as withdrawn: ${row.join(' | ')}`);
    assert(!(await items(page)).some((i) => i.kind === 'input' && i.label === '撤销原因'), 'no withdraw form for a withdrawn one');

    const after = await payoutRow(page, '方丽 (fd1)');
    for (const column of ['本期扣发', '实发', '结转下期'])
      assertEqual(after[column], before[column], `${column} back to what it was`);
  }, { timeoutMs: 180000 });

  test('a province-level violation bars a \'competent\' annual rating that year: the core\'s message, then a lower rating is recorded [2-3.2]', async ({ page, open }) => {
    await widePage(page);
    await startAs(page, open, 'ag1', 'assessment_group', 'assessment');
    const year = new Date().getFullYear() - 1;
    await recordViolation(page, '孙强 (sw1)', '省巡查通报', `${year}-02-20`, '收受业主红包');

    await clickItem(page, '年度考核', 'tab');
    await settle(page);
    await choose(page, '员工', '孙强 (sw1)');
    await typeInto(page, '年度', String(year));
    await choose(page, '等次', '称职');
    await typeInto(page, '评语', '全年表现尚可');
    // The core's words (the screen's own warning above the button reads differently).
    const bar = '该员工本年度在省级巡查中被通报,年度考核不能确定为称职及以上等次';
    await submitExpectingError(page, '保存考核等次', '等次', bar, 'combo');
    await choose(page, '等次', '优秀');
    await submitExpectingError(page, '保存考核等次', '等次', bar, 'combo');
    // A lower rating is accepted.
    await choose(page, '等次', '基本称职');
    const events = await eventCount(page);
    await submit(page, '保存考核等次', '年度考核等次已保存');
    assertEqual(await eventCount(page), events + 1, 'AnnualRatingRecorded');
    const rated = await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '全年表现尚可'), 'the rating listed');
    const row = (await items(page)).filter((i) => i.kind === 'table-cell' && Math.abs(i.y + i.h / 2 - (rated.y + rated.h / 2)) < 4)
      .map((i) => i.label);
    assert(row.includes('基本称职') && row.includes(String(year)) && row.includes('孙强 (sw1)'), `the rating's row: ${row.join(' | ')}`);

    // The payout table says why.
    const payout = await payoutRow(page, '孙强 (sw1)');
    assertEqual(payout['年度等次'], '基本称职(不得评为称职及以上)', 'the rating with the bar');
  }, { timeoutMs: 180000 });
}
