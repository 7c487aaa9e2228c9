// The staff assessment screen (web/screens/screen_assessment*.cpp) [2]: violations with
// their inspection level change the half-year payout by the estate's settings [2-3.2];
// bad input shows the core's message and records nothing; who may do what follows the
// core's permissions; staff sign themselves in and out [2-2.3], ask for leave that the office
// manager decides [2-2.3], and the assessment group records the annual rating [2-3.2].
import { assert, assertEqual } from '../lib/assert.mjs';
import { submit, submitExpectingError, typeInto as typeText } from '../lib/serving.mjs';
import { centre, clickAt, clickItem, fieldValue, items, settle, waitForItems } from '../lib/widgets.mjs';
import { fenOf } from './reports.spec.mjs';

const session = (page) => page.evaluate(() => window.bianmin.session());

async function openAssessment(page, open, person = 'ag1', role = 'assessment_group') {
  await open();
  await page.evaluate(() => window.bianmin.test.loadDemo({ months: 3 }));
  await page.evaluate(([p, r]) => window.bianmin.test.signIn(p, r), [person, role]);
  await page.evaluate(() => window.bianmin.test.openScreen('assessment'));
  await settle(page);
}

// The cells of the payout table's row whose first cell is `first`, left to right.
async function rowCells(page, first) {
  const list = await items(page);
  const head = list.find((i) => i.kind === 'table-cell' && i.label === first);
  assert(head, `no table row for ${first}`);
  return list.filter((i) => i.kind === 'table-cell' && Math.abs(i.y + i.h / 2 - (head.y + head.h / 2)) < 4)
    .sort((a, b) => a.x - b.x).map((i) => i.label);
}

// Column index in the payout table by its header.
async function payoutOf(page, person) {
  const list = await items(page);
  const headers = list.filter((i) => i.kind === 'button' && ['员工', '实发', '结转下期'].includes(i.label));
  assertEqual(headers.length, 3, 'payout table headers shown');
  const cells = await rowCells(page, person);
  const allHeaders = list.filter((i) => i.kind === 'button' && Math.abs(i.y - headers[0].y) < 3).sort((a, b) => a.x - b.x);
  const column = (label) => allHeaders.findIndex((h) => h.label === label);
  return { payout: fenOf(cells[column('实发')]), carry: fenOf(cells[column('结转下期')]), base: fenOf(cells[column('考核金额')]) };
}

async function pick(page, comboLabel, optionLabel) {
  await clickItem(page, comboLabel, 'combo');
  await clickItem(page, optionLabel, 'selectable');
}

async function typeInto(page, label, text) {
  await clickItem(page, label, 'input');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await settle(page);
}

export default function (test) {
  test('a county-level violation [2-3.2] lowers the half-year payout by three months of the reward', async ({ page, open }) => {
    await openAssessment(page, open);
    const year = new Date().getFullYear() - 1;
    assertEqual(await fieldValue(page, '考核期'), `${year}H1`, 'the period of the latest activity');
    const before = await payoutOf(page, '方丽 (fd1)');
    assert(before.base > 0, `fd1 has a base amount (${before.base})`);
    const eventsBefore = (await session(page)).events;

    await clickItem(page, '违规记录', 'tab');
    await settle(page);
    await pick(page, '员工', '方丽 (fd1)');
    await pick(page, '发现来源', '县巡查通报 · 扣 3 个月');
    await typeInto(page, '发现日期', `${year}-02-10`);
    const preview = (await items(page)).find((i) => i.kind === 'text' && /^3 个月，共 /.test(i.label));
    assert(preview, 'the preview says three months');
    await clickItem(page, '保存违规记录', 'button');
    await settle(page);
    assertEqual((await session(page)).events, eventsBefore + 1, 'one event recorded');
    assert((await items(page)).some((i) => i.kind === 'table-cell' && i.label === `${year}-02-10`),
      'the violation is listed in the period');

    await clickItem(page, '考核奖发放', 'tab');
    await settle(page);
    const after = await payoutOf(page, '方丽 (fd1)');
    const deduction = 3 * 30000;  // the estate's settings: 3 months of 300 yuan
    const due = before.base - before.payout + before.carry + deduction;  // everything to deduct now
    assertEqual(after.payout, Math.max(0, before.base - due), 'payout after the violation');
    assertEqual(after.carry, Math.max(0, due - before.base), 'carried over after the violation');
    assert(after.payout !== before.payout || before.payout === 0, 'the payout shown changed');
  }, { timeoutMs: 180000 });

  test('a violation found in the future shows the core\'s message and records nothing', async ({ page, open }) => {
    await openAssessment(page, open);
    await clickItem(page, '违规记录', 'tab');
    await settle(page);
    const eventsBefore = (await session(page)).events;
    await typeInto(page, '发现日期', '2099-01-01');
    await clickItem(page, '保存违规记录', 'button');
    await waitForItems(page, (l) => l.some((i) => i.label === '发现日期不正确或在未来'), 'the core\'s message beside the date');
    assertEqual((await session(page)).events, eventsBefore, 'no event after bad input');
    // Extra months out of the core's range: its message, still nothing recorded.
    await typeInto(page, '发现日期', '2025-01-05');
    await typeInto(page, '情节严重加扣月数', '500');
    await clickItem(page, '保存违规记录', 'button');
    await waitForItems(page, (l) => l.some((i) => i.label === '加扣月数应为0–120'), 'the core\'s message for extra months');
    assertEqual((await session(page)).events, eventsBefore, 'still no event');
  }, { timeoutMs: 180000 });

  test('the general manager views violations but only the assessment group records them', async ({ page, open }) => {
    await openAssessment(page, open, 'gm', 'general_manager');
    await clickItem(page, '违规记录', 'tab');
    await settle(page);
    const list = await items(page);
    assert(!list.some((i) => i.label === '保存违规记录'), 'no violation form for the general manager');
    assert(list.some((i) => i.label.startsWith('违规和年度考核由考核领导小组记录')), 'says who records them');
  }, { timeoutMs: 120000 });

  test('a staff member signs in and out on the attendance tab [2-2.3]', async ({ page, open }) => {
    await openAssessment(page, open);
    await clickItem(page, '签到签退', 'tab');
    await settle(page);
    const eventsBefore = (await session(page)).events;
    await clickItem(page, '上班签到', 'button');
    await settle(page);
    assertEqual((await session(page)).events, eventsBefore + 1, 'sign-in recorded');
    assert((await items(page)).some((i) => i.label === '签到时间'), 'today shows the sign-in time');
    await clickItem(page, '下班签退', 'button');
    await settle(page);
    assertEqual((await session(page)).events, eventsBefore + 2, 'sign-out recorded');
    assert((await items(page)).some((i) => i.label === '签退时间'), 'today shows the sign-out time');
  }, { timeoutMs: 120000 });
  test('a staff member asks for leave in advance; the office manager refuses only with a reason, then approves [2-2.3]', async ({ page, open }) => {
    await openAssessment(page, open, 'fd1', 'front_desk');
    const tabs = (await items(page)).filter((i) => i.kind === 'tab').map((i) => i.label);
    assert(tabs.includes('签到签退') && !tabs.includes('违规记录') && !tabs.includes('年度考核'),
      `a window staff member's assessment tabs: ${tabs.join(', ')}`);
    await clickItem(page, '请假与外出', 'tab');
    await settle(page);
    // Tomorrow in the estate's time (UTC+8): leave is asked for before it starts.
    const tomorrow = new Date(Date.now() + (8 + 24) * 3600 * 1000).toISOString().slice(0, 10);
    await typeText(page, '开始日期', tomorrow);
    await typeText(page, '开始时间', '09:00');
    await typeText(page, '结束日期', tomorrow);
    await typeText(page, '结束时间', '17:00');
    await typeText(page, '事由', '家中有事，需请假一天');
    const asked = (await session(page)).events;
    await submit(page, '提交申请', '申请已提交，等待批准');
    assertEqual((await session(page)).events, asked + 1, 'LeaveRequested');

    await page.evaluate(() => window.bianmin.test.signIn('om', 'office_manager'));
    await page.evaluate(() => window.bianmin.test.openScreen('assessment'));
    await settle(page);
    await clickItem(page, '请假与外出', 'tab');
    const line = await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.endsWith('家中有事，需请假一天')),
      'the request among the leave to decide');
    const below = async (label) => (await items(page)).filter((i) => i.kind === 'button' && i.label === label && i.y > line.y)
      .sort((a, b) => a.y - b.y)[0];
    const before = (await session(page)).events;
    await clickAt(page, centre(await below('不批准')));
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.includes('不批准的理由')), 'the core asks for a reason');
    assertEqual((await session(page)).events, before, 'nothing recorded for a refusal without a reason');
    await clickAt(page, centre(await below('批准')));
    await waitForItems(page, (l) => !l.some((i) => i.kind === 'text' && i.label.endsWith('家中有事，需请假一天')) && l,
      'the request no longer waiting');
    assertEqual((await session(page)).events, before + 1, 'LeaveDecided');
  }, { timeoutMs: 120000 });

  test('the assessment group records an annual rating, listed with its comment [2-3.2]', async ({ page, open }) => {
    await openAssessment(page, open);
    await clickItem(page, '年度考核', 'tab');
    await settle(page);
    await typeText(page, '年度', '2025');
    await typeText(page, '评语', '工作认真，服务热情');
    const before = (await session(page)).events;
    await submit(page, '保存考核等次', '年度考核等次已保存');
    assertEqual((await session(page)).events, before + 1, 'AnnualRatingRecorded');
    const comment = await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '工作认真，服务热情'),
      'the rating listed');
    const row = (await items(page)).filter((i) => i.kind === 'table-cell' && Math.abs(i.y + i.h / 2 - (comment.y + comment.h / 2)) < 4)
      .map((i) => i.label);
    assert(row.includes('2025') && row.includes('称职'), `the rating's row: ${row.join(' | ')}`);
  }, { timeoutMs: 120000 });
}
