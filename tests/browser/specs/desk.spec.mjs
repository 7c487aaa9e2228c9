// The front-desk and service-worker screens (web/screens/screen_desk_*.cpp) on one tablet:
// register → entrustment form signed on the pad → delivery → the resident confirms →
// fee → hand-over to finance, and the core's messages beside the fields when input is
// bad [SPEC "Serving a resident" 1-6, 9; 1-4.4, 3-4.3.1, 1-4.8, 1-4.9–4.11, 3-4.5.1].
import { readFileSync } from 'node:fs';

import { assert, assertEqual } from '../lib/assert.mjs';
import {
  cells, choose, clickCell, drawSignature, eventCount, session, startAs, submit, submitExpectingError, typeInto,
} from '../lib/serving.mjs';
import { clickItem, items, snap, waitForItems } from '../lib/widgets.mjs';
import { as } from './office.spec.mjs';

const signInAndOpen = (page, person, role, screen) => startAs(page, null, person, role, screen, { load: false });

export default function (test) {
  test('[SPEC Serving 1-4] a household is registered, signs an entrustment form, gets a delivery it confirms, pays, and the cash reaches finance', async ({ page, open }) => {
    await startAs(page, open, 'fd1', 'front_desk', 'desk_register');
    const start = await eventCount(page);

    // Front desk: a new household — a bad phone first: the core's message beside the field.
    await typeInto(page, '房号', '901');
    await typeInto(page, '住户电话', 'abc');
    await submitExpectingError(page, '登记住户', '住户电话', '电话号码不正确');
    await typeInto(page, '住户电话', '0755-26901901');
    await submit(page, '登记住户', '住户已登记');
    await typeInto(page, '姓名', '欧阳晓梅');
    await typeInto(page, '手机', '13912345678');
    await submit(page, '登记成员', '住户成员已登记');
    assertEqual(await eventCount(page), start + 2, 'events after household and resident');

    // The entrustment form, signed on the pad by the resident [1-4.4].
    await clickItem(page, '委托服务单', 'tab');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'input' && i.label === '业主姓名' && i.value === '欧阳晓梅'),
      'the form prefilled with the new resident of 1-901');
    await choose(page, '委托项目', '家政服务');
    await drawSignature(page, '业主签名确认');
    await submit(page, '登记委托单', '委托服务单已登记');
    assertEqual(await eventCount(page), start + 3, 'events after the entrustment form');
    await clickItem(page, '住户服务档案', 'tab');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '服务中'), 'the signed form in the service file');
    // The resident's signature is on the form: drawn again, and saved as SVG with its stroke.
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && /^签名 [1-9]/.test(i.label)),
      'the signature drawn again under the service file');
    const [svgFile] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
      clickItem(page, '导出签名 (SVG)', 'button')]);
    assert(/^signature-.+\.svg$/.test(svgFile.suggestedFilename()), `SVG file name: ${svgFile.suggestedFilename()}`);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    assert(svg.startsWith('<svg') && (svg.match(/<polyline /g) || []).length >= 1, `the SVG holds the strokes: ${svg.slice(0, 200)}`);
    await snap(page, 'desk register: service file of 1-901');

    // The service worker at the door logs two hours of housekeeping.
    await signInAndOpen(page, 'sw1', 'service_worker', 'desk_deliveries');
    await choose(page, '住户', '1-901');
    await typeInto(page, '数量', '2');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.includes('80.00')), 'the charge preview 80.00');
    await submit(page, '登记服务', '服务已登记');
    assertEqual(await eventCount(page), start + 4, 'events after the delivery');

    // The resident confirms on the same tablet: without a signature the core refuses.
    await clickItem(page, '业主确认', 'tab');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.includes('1-901')), 'the chosen delivery');
    await submitExpectingError(page, '业主确认', '业主签名', '需要住户签名');
    await drawSignature(page, '业主签名');
    await submit(page, '业主确认', '业主已确认');
    assertEqual(await eventCount(page), start + 5, 'events after the confirmation');

    // The fee: more than is due is refused by the core; the prefilled charge is taken.
    await clickItem(page, '收费', 'tab');
    await typeInto(page, '实收金额', '100');
    await submitExpectingError(page, '确认收费', '实收金额', '金额超过应收');
    await typeInto(page, '实收金额', '80');
    await submit(page, '确认收费', '已收费');
    assertEqual(await eventCount(page), start + 6, 'events after the fee');

    // The worker sees the cash they hold.
    await signInAndOpen(page, 'sw1', 'service_worker', 'desk_handover');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label.includes('80.00')), 'my cash 80.00 on hand');
    await snap(page, 'desk handover: my cash');

    // The cashier counts it and records the hand-over on the cashier screen [1-4.8].
    await signInAndOpen(page, 'cs1', 'cashier', 'cashier');
    await clickItem(page, '接收交款', 'tab');
    await choose(page, '交款员工', '孙强');
    await typeInto(page, '实点金额', '80');
    await submit(page, '确认收到', '已接收交款');
    assertEqual(await eventCount(page), start + 7, 'events after the hand-over');
    // The worker's screen: nothing left on hand, and the staff table reconciles.
    await signInAndOpen(page, 'sw1', 'service_worker', 'desk_handover');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label === '没有未交的代收款。'), 'nothing left to hand over');
    await clickItem(page, '各人代收款', 'tab');
    const shown = await cells(page);
    const row = shown.indexOf('孙强');
    assert(row >= 0, `孙强 in the staff cash table: ${shown.join(' | ')}`);
    assertEqual(shown[row + 1], '80.00', 'collected by 孙强');
    assertEqual(shown[row + 5], '0.00', 'on hand with 孙强 after the hand-over');
    assertEqual((await session(page)).anomalies, 0, 'anomalies');
  }, { timeoutMs: 240000 });

  test('[SPEC Serving 3; 2-2.5] desk today lists open requests, a phone request needs its details, and the owner hands it on', async ({ page, open }) => {
    await startAs(page, open, 'fd2', 'front_desk', 'desk_today');
    await clickItem(page, '登记请求', 'tab');
    await choose(page, '服务项目', '家政服务');
    await submitExpectingError(page, '登记请求', '服务内容', '请填写服务内容');
    const before = await eventCount(page);
    await typeInto(page, '服务内容', '周六上午擦窗');
    await submit(page, '登记请求', '请求已登记');
    await clickItem(page, '未办结请求', 'tab');
    await clickCell(page, '周六上午擦窗');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '冯静'), 'fd2 owns the request (first contact)');
    await choose(page, '转交给', '沈军');
    await submitExpectingError(page, '转交', '转交原因', '请填写转交原因');
    await typeInto(page, '转交原因', '安排家政组上门');
    await submit(page, '转交', '请求已转交');
    assertEqual(await eventCount(page), before + 2, 'events: the request and the hand-on');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '沈军'), 'the new owner shown');
    await snap(page, 'desk today: request handed on');
  }, { timeoutMs: 180000 });

  test('[SPEC Serving 5-6, 9; 1-4.9-4.11] problems go up a level with a note, complaints are recorded, return visits are due', async ({ page, open }) => {
    await startAs(page, open, 'fd1', 'front_desk', 'desk_problems');
    await submitExpectingError(page, '报告问题', '问题说明', '请填写问题说明');
    const before = await eventCount(page);
    await typeInto(page, '问题说明', '电梯口堆放杂物');
    await submit(page, '报告问题', '问题已记录');
    await clickCell(page, '电梯口堆放杂物');
    await submitExpectingError(page, '上报上一级', '上报说明或处理决定', '请填写上报说明');
    await typeInto(page, '上报说明或处理决定', '需要物业统一清理');
    await submit(page, '上报上一级', '问题已上报');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label === '该问题在其他层级处理。'), 'the front desk no longer holds it');
    assertEqual(await eventCount(page), before + 2, 'events: the problem and its escalation');

    await clickItem(page, '投诉', 'tab');
    await submitExpectingError(page, '登记投诉', '投诉内容', '请填写投诉内容');
    await typeInto(page, '投诉内容', '保洁没有按时上门');
    await submit(page, '登记投诉', '投诉已登记');
    assertEqual(await eventCount(page), before + 3, 'events after the complaint');
    await clickItem(page, '回访', 'tab');
    const due = (await items(page)).filter((i) => i.kind === 'table-cell');
    assert(due.length > 0, 'the demo has services due a return visit');
    await snap(page, 'desk problems: return visits due');
  }, { timeoutMs: 180000 });

  test('[SPEC Serving 6; 1-4.10] a complaint is assigned by the manager, answered, and closed with the resident\'s satisfaction', async ({ page, open }) => {
    await startAs(page, open, 'fd1', 'front_desk', 'desk_problems');
    await clickItem(page, '投诉', 'tab');
    await typeInto(page, '投诉内容', '快递柜门坏了没人修');
    await submit(page, '登记投诉', '投诉已登记');
    const before = await eventCount(page);

    // Only the office manager assigns; until then the desk is told so.
    await clickCell(page, '快递柜门坏了没人修');
    await waitForItems(page, (l) => l.find((i) => i.label === '投诉须先由管理处经理派给处理人。'), 'the desk waits for the manager');
    await as(page, 'om', 'office_manager', 'desk_problems');
    await clickItem(page, '投诉', 'tab');
    await clickCell(page, '快递柜门坏了没人修');
    await submit(page, '派给处理人', '投诉已派出');
    await submitExpectingError(page, '答复住户', '答复', '请填写答复内容');
    await typeInto(page, '答复', '已联系厂家，本周五前修好');
    await submit(page, '答复住户', '已答复');
    await submit(page, '关闭投诉', '投诉已关闭');
    assertEqual(await eventCount(page), before + 3, 'assigned, answered, closed');
    const row = await waitForItems(page, (l) => {
      const text = l.find((i) => i.kind === 'table-cell' && i.label === '快递柜门坏了没人修');
      return text && l.filter((i) => i.kind === 'table-cell' && Math.abs(i.y - text.y) < 2).map((i) => i.label);
    }, 'the complaint\'s row');
    assert(row.includes('已关闭'), `the complaint is closed in the list: ${row.join(' | ')}`);
  }, { timeoutMs: 150000 });
}
