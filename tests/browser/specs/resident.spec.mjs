// The resident screens (web/screens/screen_resident_*.cpp), in resident mode on the demo
// estate: the published price table, asking for a service, signing up on an entrustment
// form with a drawn signature, stopping with a reason, complaining, confirming a delivery;
// bad input shows the message beside the field and records nothing
// [SPEC "Serving a resident" 1, 3, 6, 7; 1-4.2, 1-4.4, 1-4.11, 1-4.12, 3-4.2.5, 3-4.3.1].
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  cells, choose, drawSignature, eventCount, startAs, submit, submitExpectingError, typeInto,
} from '../lib/serving.mjs';
import { clickItem, items, snap, waitForItems } from '../lib/widgets.mjs';

const RESIDENT = 'r-1-101';

export default function (test) {
  test('[SPEC 1-4.2, 1-4.5] the resident sees the published price table and their services, and the export button opens the exchange', async ({ page, open }) => {
    await startAs(page, open, RESIDENT, 'resident', 'resident_home');
    const prices = await cells(page);
    const row = prices.indexOf('家政服务');
    assert(row >= 0, `housekeeping on the price table: ${prices.join(' | ')}`);
    assertEqual(prices[row + 2], '40.00', 'the housekeeping price from the published table');
    assert(prices.includes('代售波仕塔桶装水'), 'barrelled water on the price table');
    await snap(page, 'resident home: price table');
    await clickItem(page, '我的缴费', 'tab');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.startsWith('押金余额')), 'the deposits line');
    await clickItem(page, '导出我的申请文件(交管理处)', 'button');
    await waitForItems(page, (l) => !l.some((i) => i.kind === 'button' && i.label === '导出我的申请文件(交管理处)') &&
      !l.some((i) => i.kind === 'text' && i.label === '我的服务') && l, 'the exchange screen instead of the resident home');
  }, { timeoutMs: 180000 });

  test('[SPEC Serving 1, 7; 3-4.2.5, 1-4.4, 1-4.12] a resident asks for a service, signs up with a drawn signature and stops with a reason', async ({ page, open }) => {
    await startAs(page, open, RESIDENT, 'resident', 'resident_request');
    const start = await eventCount(page);
    await choose(page, '服务项目', '家政服务');
    await submitExpectingError(page, '提交申请', '需要什么服务', '请填写服务内容');
    await typeInto(page, '需要什么服务', '明天上午打扫厨房');
    await submit(page, '提交申请', '申请已提交');
    assertEqual(await eventCount(page), start + 1, 'events after the request');

    await clickItem(page, '登记委托', 'tab');
    await choose(page, '委托项目', '家政服务');
    await choose(page, '服务类别', '单次服务');
    await submitExpectingError(page, '签名并提交', '业主签名', '请先在签名框内签名');
    await drawSignature(page, '业主签名');
    await submit(page, '签名并提交', '委托服务单已登记');
    assertEqual(await eventCount(page), start + 2, 'events after signing up');
    await snap(page, 'resident request: signed up');

    await clickItem(page, '停止服务', 'tab');
    await choose(page, '要停止的服务', '家政服务');
    await submitExpectingError(page, '停止服务', '请说明原因', '请填写停止原因');
    await typeInto(page, '请说明原因', '不再需要');
    await submit(page, '停止服务', '服务已停止');
    assertEqual(await eventCount(page), start + 3, 'events after stopping');
    await page.evaluate(() => window.bianmin.test.openScreen('resident_home'));
    await page.evaluate(() => window.bianmin.nextFrame());
    // Two tabs read 我的服务: the navigation's and, below the title, the home screen's own.
    const tabs = (await items(page)).filter((i) => i.kind === 'tab' && i.label === '我的服务').sort((a, b) => b.y - a.y);
    assert(tabs.length === 2, `two 我的服务 tabs: ${tabs.length}`);
    await page.mouse.move(tabs[0].x + tabs[0].w / 2, tabs[0].y + tabs[0].h / 2);
    await page.evaluate(() => window.bianmin.nextFrame());
    await page.mouse.down();
    await page.mouse.up();
    await page.evaluate(() => window.bianmin.nextFrame());
    await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '已停止'), 'the stopped service in my services');
  }, { timeoutMs: 180000 });

  test('[SPEC Serving 3, 6; 3-4.3.1, 1-4.11] a resident complains, and confirms in the app a delivery a worker logged', async ({ page, open }) => {
    await startAs(page, open, RESIDENT, 'resident', 'resident_feedback');
    const start = await eventCount(page);
    await clickItem(page, '投诉', 'tab');
    await submitExpectingError(page, '提交投诉', '投诉内容', '请填写投诉内容');
    await typeInto(page, '投诉内容', '送水师傅来得太晚');
    await submit(page, '提交投诉', '投诉已提交');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.includes('送水师傅来得太晚')), 'my complaint listed');
    assertEqual(await eventCount(page), start + 1, 'events after the complaint');

    // A one-off housekeeping form, then a worker's delivery on it.
    await page.evaluate(() => window.bianmin.test.openScreen('resident_request'));
    await clickItem(page, '登记委托', 'tab');
    await choose(page, '委托项目', '家政服务');
    await choose(page, '服务类别', '单次服务');
    await drawSignature(page, '业主签名');
    await submit(page, '签名并提交', '委托服务单已登记');
    await startAs(page, null, 'sw2', 'service_worker', 'desk_deliveries', { load: false });
    await choose(page, '住户', '1-101');
    await choose(page, '委托单或请求', '家政服务');
    await submit(page, '登记服务', '服务已登记');

    await startAs(page, null, RESIDENT, 'resident', 'resident_feedback', { load: false });
    await clickItem(page, '确认服务', 'tab');
    const list = await items(page);
    const toConfirm = (l) => l.filter((i) => i.kind === 'table-cell' && i.label === '待确认').length;
    const waiting = toConfirm(list);
    // The row of my housekeeping delivery: its status cell on the same line as its item cell.
    const housekeeping = list.filter((i) => i.kind === 'table-cell' && i.label === '家政服务');
    const status = list.find((i) => i.kind === 'table-cell' && i.label === '待确认' &&
      housekeeping.some((h) => Math.abs(h.y - i.y) < 2));
    assert(status, 'the housekeeping delivery waits for my confirmation');
    await page.mouse.move(status.x + status.w / 2, status.y + status.h / 2);
    await page.evaluate(() => window.bianmin.nextFrame());  // rows take a click only once hovered
    await page.mouse.down();
    await page.mouse.up();
    await page.evaluate(() => window.bianmin.nextFrame());
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.includes('家政服务')), 'the chosen delivery');
    await submit(page, '确认已收到服务', '已确认服务');
    assertEqual(await eventCount(page), start + 4, 'events: complaint, form, delivery, confirmation');
    await waitForItems(page, (l) => toConfirm(l) === waiting - 1, 'one delivery fewer to confirm');
    await snap(page, 'resident feedback: delivery confirmed');
  }, { timeoutMs: 180000 });
}
