// The resident screens, more flows (web/screens/screen_resident_*.cpp): answering the
// office's opinion survey on a phone-sized page [3-4.1.2], closing an answered complaint
// with my satisfaction [1-4.11], and signing in the app a form the desk registered from a
// phone call [1-4.4].
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  choose, clickCell, drawSignature, eventCount, newestEvent, newestForm, startAs, submit, submitExpectingError, typeInto,
} from '../lib/serving.mjs';
import {
  centre, clickAt, clickItem, items, settle, waitForItems,
} from '../lib/widgets.mjs';
import { as, rowOf, tallPage } from './office.spec.mjs';

const RESIDENT = 'r-1-101';
const phone = (page) => page.setViewportSize({ width: 390, height: 844 });

// My services (the home screen's own tab: the navigation has one of the same name), the
// row of `form`.
async function myService(page, form) {
  await page.evaluate(() => window.bianmin.test.openScreen('resident_home'));
  await settle(page);
  const own = (await items(page)).filter((i) => i.kind === 'tab' && i.label === '我的服务').sort((a, b) => b.y - a.y)[0];
  await clickAt(page, centre(own));
  await settle(page);
  await typeInto(page, '搜索', form);
  return rowOf(page, form);
}

export default function (test) {
  test('[SPEC 3-4.1.2] the resident answers the office\'s opinion survey on their phone, and the office\'s summary counts the answer', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'om', 'office_manager', 'office_cycle');
    await clickItem(page, '意见调查', 'tab');
    await settle(page);
    await typeInto(page, '调查名称', '便民服务意见征询（送水）');
    await clickItem(page, '[ ] 代售波仕塔桶装水', 'selectable');
    await submit(page, '发起调查', '已发起调查');

    await phone(page);
    await as(page, RESIDENT, 'resident', 'resident_feedback');
    await clickItem(page, '调查与回访', 'tab');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '便民服务意见征询（送水）'), 'the open survey');
    assert((await items(page)).some((i) => i.kind === 'text' && i.label === '代售波仕塔桶装水'), 'the item asked about');
    await clickItem(page, '需要此项服务', 'checkbox');
    await choose(page, '满意度', '4分 满意');
    await choose(page, '每月次数', '6');
    await typeInto(page, '其他意见', '希望周末也能送水');
    const events = await eventCount(page);
    await submit(page, '提交调查', '调查已提交,谢谢');
    assertEqual(await eventCount(page), events + 1, 'SurveyAnswered');

    await tallPage(page);
    await as(page, 'om', 'office_manager', 'office_cycle');
    await clickItem(page, '意见调查', 'tab');
    await settle(page);
    // Columns: item, households answered, want it, times a month, satisfaction.
    const row = await rowOf(page, '代售波仕塔桶装水');
    assertEqual(JSON.stringify(row.slice(0, 4)), JSON.stringify(['代售波仕塔桶装水', '1', '1', '6']), `the summary: ${row.join(' | ')}`);
    assert(row[4].startsWith('4'), `average satisfaction 4: ${row[4]}`);
  }, { timeoutMs: 180000 });

  test('[SPEC 1-4.11] the resident closes an answered complaint with their satisfaction (确认并关闭投诉)', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, RESIDENT, 'resident', 'resident_feedback');
    await clickItem(page, '投诉', 'tab');
    // Typed and rubbed out: the core's message shows as the text goes, before any submit.
    const start = await eventCount(page);
    await typeInto(page, '投诉内容', '灯');
    await typeInto(page, '投诉内容', '');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '请填写投诉内容'), 'the message while typing');
    assertEqual(await eventCount(page), start, 'nothing recorded while typing');
    await typeInto(page, '投诉内容', '三单元楼道灯坏了三天');
    await submit(page, '提交投诉', '投诉已提交');
    assert(!(await items(page)).some((i) => i.kind === 'button' && i.label === '确认并关闭投诉'), 'nothing to close before an answer');

    await as(page, 'om', 'office_manager', 'desk_problems');
    await clickItem(page, '投诉', 'tab');
    await clickCell(page, '三单元楼道灯坏了三天');
    await submit(page, '派给处理人', '投诉已派出');
    await typeInto(page, '答复', '已更换灯泡，请查看');
    await submit(page, '答复住户', '已答复');

    await as(page, RESIDENT, 'resident', 'resident_feedback');
    await clickItem(page, '投诉', 'tab');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label === '已更换灯泡，请查看'), 'the answer shown');
    await choose(page, '已答复的投诉', '三单元楼道灯坏了三天');
    await choose(page, '对处理结果的满意度', '4分 满意');
    await typeInto(page, '意见', '修得及时');
    const events = await eventCount(page);
    await submit(page, '确认并关闭投诉', '投诉已关闭');
    assertEqual(await eventCount(page), events + 1, 'ComplaintClosed');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label.endsWith(' · 已关闭 · 三单元楼道灯坏了三天')),
      'my complaint listed as closed');

    // Recorded by the resident with the satisfaction chosen; the office sees it closed.
    const closed = await newestEvent(page, 'complaint_closed');
    assertEqual(JSON.stringify([closed.actor.role, closed.data.satisfaction, closed.data.comment]),
      JSON.stringify(['resident', 4, '修得及时']), 'the ComplaintClosed recorded');
    await as(page, 'om', 'office_manager', 'desk_problems');
    await clickItem(page, '投诉', 'tab');
    await settle(page);
    const row = await rowOf(page, '三单元楼道灯坏了三天');
    assert(row.includes('已关闭'), `closed in the office's list: ${row.join(' | ')}`);
  }, { timeoutMs: 180000 });

  test('[SPEC 1-4.4] a form the desk registered from a phone call is signed later by the resident in the app (签名确认)', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'fd1', 'front_desk', 'desk_register');
    await clickItem(page, '委托服务单', 'tab');
    await settle(page);
    await choose(page, '住户', '1-101');
    await choose(page, '委托项目', '家政服务');
    await choose(page, '服务类别', '单次服务');
    await choose(page, '委托方式', '电话');
    await submit(page, '登记委托单', '委托服务单已登记');
    const form = await newestForm(page);

    await as(page, RESIDENT, 'resident', 'resident_home');
    assert((await myService(page, form)).includes('待签名'), 'the form waits for my signature');

    await as(page, RESIDENT, 'resident', 'resident_request');
    await clickItem(page, '登记委托', 'tab');
    await settle(page);
    await choose(page, '委托单', `家政服务 · ${form}`);
    const events = await eventCount(page);
    await submitExpectingError(page, '签名确认', '在此签名', '需要住户签名');
    await drawSignature(page, '在此签名');
    await submit(page, '签名确认', '委托单已签名');
    assertEqual(await eventCount(page), events + 1, 'EntrustmentSigned');

    const row = await myService(page, form);
    assert(row.includes('服务中') && !row.includes('待签名'), `the form signed, in service: ${row.join(' | ')}`);
  }, { timeoutMs: 180000 });
}
