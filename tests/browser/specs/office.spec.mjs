// The office manager's screens (web/screens/screen_office_*.cpp, screen_conflicts.cpp):
// the price-table cycle through the general manager's approval [1-4.1, 1-4.2, 3-4.1.4–4.1.5],
// the subscriber list and the 11 registers with CSV export [1-4.6, 3-5], break-even flags
// and measures [1-4.13, 3-4.3.3–4.3.4], conflicts from sync. Bad input shows the core's
// message and records nothing.
import { readFileSync } from 'node:fs';

import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, eventCount, startAs, submit, submitExpectingError, typeInto } from '../lib/serving.mjs';
import { clickItem, fieldValue, items, settle, waitForItems } from '../lib/widgets.mjs';

// Tall enough that a screen's forms fit without scrolling the page.
export async function tallPage(page) {
  await page.setViewportSize({ width: 1280, height: 1700 });
}

export async function as(page, person, role, screen) {
  await page.evaluate(([p, r]) => window.bianmin.test.signIn(p, r), [person, role]);
  await page.evaluate((s) => window.bianmin.test.openScreen(s), screen);
  await settle(page);
}

export const texts = async (page) => (await items(page)).filter((i) => i.kind === 'text').map((i) => i.label);

// Cells of the table row whose first cell is `first` (the row handle), left to right.
export async function rowOf(page, first, nth = 0) {
  const list = await items(page);
  const heads = list.filter((i) => i.kind === 'table-cell' && i.label === first);
  const head = heads[nth];
  assert(head, `no table row starting with ${first}`);
  return list.filter((i) => i.kind === 'table-cell' && Math.abs(i.y + i.h / 2 - (head.y + head.h / 2)) < 4)
    .sort((a, b) => a.x - b.x).map((i) => i.label);
}

// Bumps the money field's amount by one yuan; returns the new text.
async function raisePrice(page, label) {
  const before = Number(await fieldValue(page, label));
  assert(before > 0, `${label} holds an amount (${before})`);
  const next = (before + 1).toFixed(2);
  await typeInto(page, label, next);
  return next;
}

export default function (test) {
  test('a new price-table version goes through rejection, revision and approval before it is published [1-4.1, 1-4.2, 3-4.1.5]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_cycle');
      const year = new Date().getFullYear() - 1;
      assertEqual((await rowOf(page, String(year))).slice(0, 3).join('|'), `${year}|1|已公告`, 'the published first version');
      assert((await texts(page)).includes('此价格表只读：修改请起草新版本。'), 'a published table is read-only');

      // A change is a new version, drafted from the published one.
      let events = await eventCount(page);
      await submit(page, '起草新版本', '已起草新版本价格表');
      assertEqual(await eventCount(page), events + 1, 'PriceTableDrafted recorded');
      assertEqual((await rowOf(page, String(year), 0)).slice(1, 3).join('|'), '2|草稿', 'version 2 is a draft');
      assert((await texts(page)).includes(`${year} 年度第 1 版`), 'version 2 says it replaces version 1');

      // Bad input: an amount that is not money records nothing.
      events = await eventCount(page);
      await typeInto(page, '价格', 'abc');
      await clickItem(page, '报总经理审批', 'button');
      await settle(page);
      assertEqual(await eventCount(page), events, 'nothing recorded for a bad amount');
      assert((await texts(page)).includes('有金额不正确，请改正'), 'the field says what is wrong');

      await typeInto(page, '价格', '100.00');
      const firstPrice = await raisePrice(page, '价格');
      await submit(page, '报总经理审批', '已报总经理审批');
      assertEqual(await eventCount(page), events + 2, 'revised and submitted');
      assertEqual((await rowOf(page, String(year), 0))[2], '已报批', 'version 2 submitted');

      // The general manager rejects it; a rejection needs a comment (the core's message).
      await as(page, 'gm', 'general_manager', 'gm_decisions');
      events = await eventCount(page);
      await submitExpectingError(page, '退回', '审批意见', '请填写退回意见');
      await typeInto(page, '审批意见', '家政价格偏高，请重新核算');
      await submit(page, '退回', '已退回价格表');
      assertEqual(await eventCount(page), events + 1, 'PriceTableRejected recorded');
      assert((await texts(page)).includes('没有待审批的价格表。'), 'nothing left to approve');

      // The manager sees the comment, revises and resubmits.
      await as(page, 'om', 'office_manager', 'office_cycle');
      assertEqual((await rowOf(page, String(year), 0))[2], '已退回', 'version 2 rejected');
      assert((await texts(page)).includes('家政价格偏高，请重新核算'), 'the GM\'s comment is shown');
      assert((await rowOf(page, String(year), 0)).includes('退回：家政价格偏高，请重新核算'), 'the history lists the comment');
      assertEqual(await fieldValue(page, '价格'), firstPrice, 'the revised price is kept');
      await typeInto(page, '价格', (Number(firstPrice) - 0.5).toFixed(2));
      events = await eventCount(page);
      await submit(page, '报总经理审批', '已报总经理审批');
      assertEqual(await eventCount(page), events + 2, 'revised and resubmitted');

      // The general manager approves.
      await as(page, 'gm', 'general_manager', 'gm_decisions');
      await typeInto(page, '审批意见', '同意');
      events = await eventCount(page);
      await submit(page, '批准', '已批准价格表');
      assertEqual(await eventCount(page), events + 1, 'PriceTableApproved recorded');

      // The manager publishes; at least one channel is needed (the core's message).
      await as(page, 'om', 'office_manager', 'office_cycle');
      assertEqual((await rowOf(page, String(year), 0))[2], '已批准', 'version 2 approved');
      events = await eventCount(page);
      await clickItem(page, '公告价格表', 'button');
      await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '请选择至少一种公告方式'), 'the channel message');
      assertEqual(await eventCount(page), events, 'no publication without a channel');
      await clickItem(page, '[ ] 小区电子屏幕滚动播放', 'selectable');
      await clickItem(page, '[ ] 花园宣传栏张贴', 'selectable');
      await submit(page, '公告价格表', '价格表已公告');
      assertEqual(await eventCount(page), events + 1, 'PriceTablePublished recorded');
      const published = await rowOf(page, String(year), 0);
      assertEqual(published[2], '已公告', 'version 2 published');
      assert(published.some((c) => c.includes('批准：同意')), 'the approval comment in the history');
      assert(published.some((c) => c.includes('小区电子屏幕滚动播放') && c.includes('花园宣传栏张贴')), 'both channels listed');
      assertEqual((await rowOf(page, String(year), 1))[2], '已被新版本取代', 'version 1 superseded');
      assert((await texts(page)).includes('此价格表只读：修改请起草新版本。'), 'the published version is read-only');
    }, { timeoutMs: 180000 });

  test('a person without the general manager\'s role cannot approve: the core refuses and nothing is recorded [1-4.1]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_cycle');
      await submit(page, '起草新版本', '已起草新版本价格表');
      await submit(page, '报总经理审批', '已报总经理审批');
      // The drafter signed in as general manager (a role they do not hold).
      await as(page, 'om', 'general_manager', 'gm_decisions');
      const events = await eventCount(page);
      await clickItem(page, '批准', 'button');
      await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label.startsWith('om 不担任')), 'the core\'s refusal');
      assertEqual(await eventCount(page), events, 'no approval recorded');
    }, { timeoutMs: 120000 });

  test('the survey summary per item and closing a survey [1-4.1, 3-4.1.3]; a survey without items is refused', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'om', 'office_manager', 'office_cycle');
    await clickItem(page, '意见调查', 'tab');
    await settle(page);
    assert((await items(page)).some((i) => i.kind === 'table-cell' && i.label.includes('桶装')), 'the demo survey summary lists water');
    const events = await eventCount(page);
    await typeInto(page, '调查名称', '年度意见征询');
    await clickItem(page, '发起调查', 'button');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '调查至少要包含一个服务项目'), 'the core\'s message');
    assertEqual(await eventCount(page), events, 'nothing recorded without items');
    const first = (await items(page)).find((i) => i.kind === 'selectable' && i.label.startsWith('[ ] '));
    await clickItem(page, first.label, 'selectable');
    await submit(page, '发起调查', '已发起调查');
    assertEqual(await eventCount(page), events + 1, 'SurveyOpened recorded');
    await submit(page, '结束调查', '调查已结束');
    assertEqual(await eventCount(page), events + 2, 'SurveyClosed recorded');
  }, { timeoutMs: 120000 });

  test('the subscriber list and the 11 registers export CSV with a byte-order mark [1-4.6, 3-5]', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'om', 'office_manager', 'office_lists');
    await choose(page, '服务项目', '代售波仕塔桶装水');
    const count = Number((await texts(page))[(await texts(page)).indexOf('长期户数') + 1]);
    assert(count > 0, `water has subscribers (${count})`);
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickItem(page, '导出 CSV', 'button')]);
    const bytes = readFileSync(await file.path());
    assertEqual(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 byte-order mark');
    const lines = bytes.toString('utf8').trim().split(/\r?\n/);
    assertEqual(lines.length, count + 1, 'a header and one line per subscriber');

    await clickItem(page, '登记表', 'tab');
    await settle(page);
    // The list shows about eight at a time: scroll it to the end, gathering every option.
    const options = new Set();
    await clickItem(page, '登记表', 'combo');
    for (let scrolls = 0; scrolls < 10; scrolls++) {
      const shown = (await items(page)).filter((i) => i.kind === 'selectable');
      const before = options.size;
      for (const i of shown) options.add(i.label);
      if (scrolls > 0 && options.size === before) break;
      const last = shown[shown.length - 1];
      await page.mouse.move(last.x + last.w / 2, last.y - last.h);
      await page.mouse.wheel(0, 4 * last.h);
      await page.evaluate(() => window.bianmin.nextFrame());
    }
    await page.keyboard.press('Escape');
    assertEqual(options.size, 11, `eleven registers (${[...options].join(', ')})`);
    await choose(page, '登记表', '桶装水售出登记表');
    const all = (await items(page)).filter((i) => i.kind === 'table-cell').length;
    assert(all > 0, 'water sales are listed');
    // Bad input: a month that is not one is refused beside the field.
    await typeInto(page, '月份（可空，空为全部）', '2024-13');
    assert((await texts(page)).includes('请按 2024-03 的格式输入月份'), 'the month message');
  }, { timeoutMs: 120000 });

  test('break-even per item and month: a report that is not below break-even is refused, a measure is recorded [1-4.13, 3-4.3.3]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_breakeven');
      const year = new Date().getFullYear() - 1;
      assertEqual(await fieldValue(page, '月份'), `${year}-03`, 'the month of the latest activity');
      assert((await items(page)).some((i) => i.kind === 'table-cell' && i.label.includes('桶装')), 'water in the break-even table');
      const events = await eventCount(page);
      await choose(page, '处理的服务项目', '租车位');
      await choose(page, '措施', '其他适宜措施');
      await clickItem(page, '记录措施', 'button');
      await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '请填写措施说明'), 'the core\'s message');
      assertEqual(await eventCount(page), events, 'nothing recorded without a description');
      await typeInto(page, '措施说明', '在宣传栏张贴车位出租广告');
      await submit(page, '记录措施', '已记录措施');
      assertEqual(await eventCount(page), events + 1, 'BreakEvenMeasureRecorded');
      // The table shows about seven of the items at a time: search for the one handled.
      await typeInto(page, '搜索', '租车位');
      assert((await items(page)).some((i) => i.kind === 'table-cell' && i.label.includes('在宣传栏张贴车位出租广告')),
        'the measure shows in the month\'s table');
    }, { timeoutMs: 120000 });

  test('conflicts: with the devices in agreement the screen says so and lists no choice', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'om', 'office_manager', 'conflicts');
    assert((await texts(page)).includes('没有冲突：各设备的修改一致。'), 'no conflicts in the demo');
    assert(!(await items(page)).some((i) => i.kind === 'button' && i.label === '保留此值'), 'nothing to choose');
  }, { timeoutMs: 90000 });
}
