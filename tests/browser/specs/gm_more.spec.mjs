// The general manager, more flows: deciding leave and going out on the assessment screen
// (web/screens/screen_assessment.cpp) [2-2.4] — one approved, one refused with a reason —
// and the quality evaluation per item and period (screen_gm_decisions.cpp) as the staff
// assessment shows it [3-4.5.4]: the core (report_assessment.cpp) puts the worst rating
// of the items a person delivered in the period in their row; it does not change the
// amount paid.
import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, eventCount, startAs, submit, typeInto } from '../lib/serving.mjs';
import { centre, clickAt, clickItem, items, settle, waitForItems } from '../lib/widgets.mjs';
import { as, rowOf } from './office.spec.mjs';
import { payoutRow } from './assessment_more.spec.mjs';

const widePage = (page) => page.setViewportSize({ width: 1600, height: 1700 });

// A day from now in the estate's time (UTC+8), "2025-03-05".
const estateDay = (days) => new Date(Date.now() + (8 + 24 * days) * 3600 * 1000).toISOString().slice(0, 10);

const LEAVE = '孩子生病，请假半天';
const GOING_OUT = '去银行办理社保卡';

// Staff ask on the leave tab: kind, from and to, reason.
async function ask(page, kind, day, from, to, reason) {
  await choose(page, '类别', kind);
  await typeInto(page, '开始日期', day);
  await typeInto(page, '开始时间', from);
  await typeInto(page, '结束日期', day);
  await typeInto(page, '结束时间', to);
  await typeInto(page, '事由', reason);
  await submit(page, '提交申请', '申请已提交，等待批准');
}

// The button labelled `label` on the line of the pending request whose text ends with `reason`.
async function decide(page, reason, label) {
  const line = await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.endsWith(reason)), `the request "${reason}"`);
  const button = (await items(page)).filter((i) => i.kind === 'button' && i.label === label && i.y > line.y)
    .sort((a, b) => a.y - b.y)[0];
  assert(button, `a ${label} button for "${reason}"`);
  await clickAt(page, centre(button));
}

export default function (test) {
  test('the general manager decides leave and going out: approves one, refuses the other only with a reason [2-2.4]', async ({ page, open }) => {
    await widePage(page);
    await startAs(page, open, 'fd1', 'front_desk', 'assessment');
    await clickItem(page, '请假与外出', 'tab');
    await settle(page);
    // Asked after the fact: named beside the start date while it is typed.
    await typeInto(page, '开始日期', estateDay(-2));
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '请假和外出须事先申请批准'),
      'the core\'s message while typing');
    const asked = await eventCount(page);
    // Both tomorrow (one period whatever the date): leave in the morning, going out after lunch.
    await ask(page, '请假', estateDay(1), '09:00', '12:00', LEAVE);
    await ask(page, '上班时间外出', estateDay(1), '14:00', '15:30', GOING_OUT);
    assertEqual(await eventCount(page), asked + 2, 'two LeaveRequested');

    await as(page, 'gm', 'general_manager', 'assessment');
    await clickItem(page, '请假与外出', 'tab');
    await settle(page);
    const before = await eventCount(page);
    await decide(page, LEAVE, '批准');
    await waitForItems(page, (l) => !l.some((i) => i.kind === 'text' && i.label.endsWith(LEAVE)) && l, 'the leave decided');
    assertEqual(await eventCount(page), before + 1, 'LeaveDecided (approved)');

    await decide(page, GOING_OUT, '不批准');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '请填写不批准的理由'), 'the core asks for a reason');
    assertEqual(await eventCount(page), before + 1, 'nothing recorded for a refusal without a reason');
    await typeInto(page, '审批意见（不批准时必填）', '当天窗口人手不足，请改天办理');
    await decide(page, GOING_OUT, '不批准');
    await waitForItems(page, (l) => !l.some((i) => i.kind === 'text' && i.label.endsWith(GOING_OUT)) && l, 'the going out decided');
    assertEqual(await eventCount(page), before + 2, 'LeaveDecided (refused)');

    // The period's list: who decided, how, and why.
    const day = estateDay(1);
    await typeInto(page, '考核期', `${day.slice(0, 4)}H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`);
    await settle(page);
    const leave = await rowOf(page, LEAVE);
    const out = await rowOf(page, GOING_OUT);
    // Columns: staff, kind, from, to, reason, status, decided by, comment.
    assertEqual(JSON.stringify([leave[0], leave[1], leave[5], leave[6]]), JSON.stringify(['方丽 (fd1)', '请假', '已批准', '高总 (gm)']),
      `the leave's row: ${leave.join(' | ')}`);
    assertEqual(JSON.stringify([out[1], out[5], out[6], out[7]]),
      JSON.stringify(['上班时间外出', '未批准', '高总 (gm)', '当天窗口人手不足，请改天办理']), `the going out's row: ${out.join(' | ')}`);
  }, { timeoutMs: 180000 });

  test('the GM\'s quality evaluation of an item shows in the assessment of the staff who delivered it that period, without changing their payout [3-4.5.4]', async ({ page, open }) => {
    await widePage(page);
    await startAs(page, open, 'gm', 'general_manager', 'assessment');
    const year = new Date().getFullYear() - 1;
    const period = `${year}H1`;
    const worker = await payoutRow(page, '孙强 (sw1)');
    const cashier = await payoutRow(page, '蔡敏 (cs1)');
    assertEqual(worker['质量评价'], '', 'no evaluation of sw1\'s items yet');

    await as(page, 'gm', 'general_manager', 'gm_decisions');
    await clickItem(page, '质量评价', 'tab');
    await settle(page);
    await choose(page, '服务项目', '代售波仕塔桶装水');
    await choose(page, '评价', '差');
    await typeInto(page, '考核期', period);
    await typeInto(page, '评语', '送水超时投诉多');
    const events = await eventCount(page);
    await submit(page, '记录评价', '已记录质量评价');
    assertEqual(await eventCount(page), events + 1, 'QualityEvaluated');

    await as(page, 'gm', 'general_manager', 'assessment');
    await typeInto(page, '考核期', period);
    const rated = await payoutRow(page, '孙强 (sw1)');
    assertEqual(rated['质量评价'], '差', 'the evaluation of the water sw1 delivered');
    assertEqual(rated['实发'], worker['实发'], 'sw1\'s payout unchanged');
    const other = await payoutRow(page, '蔡敏 (cs1)');
    assertEqual(other['质量评价'], '', 'the cashier delivered no water: no evaluation in her row');
    assertEqual(other['实发'], cashier['实发'], 'the cashier\'s payout unchanged');
  }, { timeoutMs: 180000 });
}
