// The cashier's screen, more flows (web/screens/screen_cashier*.cpp): who sees the forms
// (every cashier command is the cashier's in core/src/authorize.cpp, so the office manager
// only looks), a prepayment and a one-off fee taken and found in the day's ledger and the
// monthly income report [3-4.3, 3-7], and a stopped service's deposit settled as a new
// money entry, the deposit entry itself untouched [1-4.12].
import { assert, assertEqual } from '../lib/assert.mjs';
import { fenOf } from './reports.spec.mjs';
import {
  choose, clickCell, drawSignature, eventCount, newestForm, registerForm, startAs, submit, submitExpectingError, typeInto,
} from '../lib/serving.mjs';
import {
  centre, clickAt, clickItem, fieldValue, items, settle, waitForItems,
} from '../lib/widgets.mjs';
import { as, rowOf, tallPage, texts } from './office.spec.mjs';

const UMBRELLA = '出租桌、伞';  // per use, 20.00 a set a day, a 100.00 deposit
const WATER = '代售波仕塔桶装水';  // a 100.00 prepayment

// Today in the estate's time (UTC+8), as the ledger writes it.
const estateToday = () => new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const estateMonth = () => estateToday().slice(0, 7);

const tabs = async (page) => (await items(page)).filter((i) => i.kind === 'tab').map((i) => i.label);
const buttons = async (page) => (await items(page)).filter((i) => i.kind === 'button').map((i) => i.label);

// The value drawn right of a label_value() label.
function valueBeside(list, label) {
  const key = list.find((i) => i.kind === 'text' && i.label === label);
  assert(key, `no label ${label}`);
  const beside = list.filter((i) => i.kind === 'text' && Math.abs(i.y - key.y) < 3 && i.x > key.x).sort((a, b) => a.x - b.x)[0];
  assert(beside, `nothing beside ${label}`);
  return beside.label;
}

// The front desk registers an entrustment form for the household chosen on the form tab,
// signed on the pad (a one-off service).
// On the cashier's 收款 tab: the form whose label contains `needle`, the kind, and the
// amount the screen prefilled; takes it.
async function takePayment(page, needle, kind) {
  await clickItem(page, '收款', 'tab');
  await settle(page);
  await typeInto(page, '查找委托单（栋号-房号、姓名、项目）', needle);
  await choose(page, '款项类别', kind);
  const amount = fenOf(await fieldValue(page, '金额'));
  await submit(page, '收款', '已收款');
  return amount;
}

export default function (test) {
  test('the office manager sees the cashier\'s ledger and reconciliation read-only, with no 收款 form [3-3.5, 1-4.8]', async ({ page, open }) => {
    await tallPage(page);
    // The cashier has the forms (so their absence below says something).
    await startAs(page, open, 'cs1', 'cashier', 'cashier');
    assert((await buttons(page)).includes('收款'), 'the cashier has the 收款 button');
    assert((await tabs(page)).includes('接收交款'), 'the cashier has the hand-over tab');

    await as(page, 'om', 'office_manager', 'cashier');
    const shown = await tabs(page);
    assert(!shown.includes('收款') && !shown.includes('接收交款'), `no forms' tabs for the office manager: ${shown.join(', ')}`);
    assert(shown.includes('收支流水与冲正') && shown.includes('对账') && shown.includes('停止服务结算'),
      `the lists are there: ${shown.join(', ')}`);
    assert((await texts(page)).includes('收款、冲正、接收交款和结算由收银员办理；这里只供查看。'), 'says who does what');
    assert(!(await buttons(page)).includes('收款'), 'no 收款 submit button');

    // The ledger lists the money; a tapped entry offers no reversal.
    const ledger = await waitForItems(page, (l) => l.filter((i) => i.kind === 'table-cell' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(i.label)),
      'the ledger\'s entries');
    assert(ledger.length > 3, `ledger entries shown (${ledger.length})`);
    assert((await texts(page)).includes('款项不能修改或删除，只能由收银员冲正。'), 'the read-only hint');
    await clickCell(page, ledger[0].label);
    const after = await items(page);
    assert(!after.some((i) => i.kind === 'input' && i.label === '冲正原因'), 'no reason field to reverse with');
    assert(!after.some((i) => i.kind === 'button' && i.label === '冲正'), 'no 冲正 button');

    // The reconciliation, as the cashier sees it.
    await clickItem(page, '对账', 'tab');
    await settle(page);
    const desk = await rowOf(page, '蔡敏 (cs1)');
    assert(fenOf(desk[1]) > 0, `the cash desk's receipts by 蔡敏 (${desk[1]})`);
    assert((await texts(page)).includes('员工代收款对账'), 'the staff cash table');

    await clickItem(page, '停止服务结算', 'tab');
    await settle(page);
    assert(!(await buttons(page)).includes('结算'), 'no 结算 button for the office manager');
    assert(!(await items(page)).some((i) => i.kind === 'input' && i.label === '退还押金'), 'no refund field');
  }, { timeoutMs: 150000 });

  test('the cashier takes a prepayment and a one-off fee (款项类别); both are in the day\'s ledger and this month\'s income report [3-4.3, 3-7]', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'fd1', 'front_desk', 'desk_register');
    // A new household, so that its money is only what this test takes.
    await typeInto(page, '房号', '902');
    await typeInto(page, '住户电话', '0755-26902902');
    await submit(page, '登记住户', '住户已登记');
    await typeInto(page, '姓名', '上官秋');
    await typeInto(page, '手机', '13912340902');
    await submit(page, '登记成员', '住户成员已登记');
    await registerForm(page, '1-902', WATER, { kind: '单次服务' });
    await registerForm(page, '1-902', UMBRELLA, { kind: '单次服务' });

    await as(page, 'cs1', 'cashier', 'cashier');
    const start = await eventCount(page);
    const prepaid = await takePayment(page, `上官秋 · ${WATER}`, '预交服务费');
    assertEqual(prepaid, 10000, 'the prepayment the price table asks, prefilled');
    assertEqual(fenOf(valueBeside(await items(page), '预交余额')), 10000, 'the form\'s prepaid balance');
    const deposit = await takePayment(page, `上官秋 · ${UMBRELLA}`, '押金');
    assertEqual(deposit, 10000, 'the umbrella deposit, prefilled');
    assertEqual(await eventCount(page), start + 2, 'two PaymentReceived');

    // Two sets for a day, delivered: 40.00 owed.
    await as(page, 'sw1', 'service_worker', 'desk_deliveries');
    await choose(page, '住户', '1-902');
    await choose(page, '委托单或请求', UMBRELLA);
    await typeInto(page, '数量', '2');
    await submit(page, '登记服务', '服务已登记');

    // The fee: more than is owed is named beside the amount as it is typed.
    await as(page, 'cs1', 'cashier', 'cashier');
    await clickItem(page, '收款', 'tab');
    await settle(page);
    await typeInto(page, '查找委托单（栋号-房号、姓名、项目）', `上官秋 · ${UMBRELLA}`);
    await choose(page, '款项类别', '服务费');
    assertEqual(fenOf(valueBeside(await items(page), '应收未收')), 4000, 'still owed: two sets');
    assertEqual(fenOf(await fieldValue(page, '金额')), 4000, 'the fee owed, prefilled');
    let events = await eventCount(page);
    await typeInto(page, '金额', '45');
    await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label.startsWith('金额超过应收 40.00')),
      'the core\'s message while typing, before any submit');
    assertEqual(await eventCount(page), events, 'nothing recorded while typing');
    await typeInto(page, '金额', '40');
    await waitForItems(page, (l) => !l.some((i) => i.kind === 'text' && i.label.startsWith('金额超过应收')) && l,
      'the message gone once the amount is right');
    await submit(page, '收款', '已收款');
    assertEqual(await eventCount(page), events + 1, 'the fee recorded');

    // The day's ledger of the household: three entries today, each of its kind.
    await clickItem(page, '收支流水与冲正', 'tab');
    await settle(page);
    await typeInto(page, '搜索', '1-902');
    const day = estateToday();
    const cells = (await items(page)).filter((i) => i.kind === 'table-cell');
    const whenCells = cells.filter((i) => /^\d{4}-\d{2}-\d{2} /.test(i.label));
    assertEqual(whenCells.length, 3, 'three entries for 1-902');
    assert(whenCells.every((c) => c.label.startsWith(day)), `all taken today (${day}): ${whenCells.map((c) => c.label)}`);
    // Columns: when, kind, household, item, by, cash, income, deposit, link, form, id.
    const money = async (kind) => {
      const row = await rowOf(page, kind);
      return JSON.stringify([row[1], row[3], fenOf(row[5]), fenOf(row[6]), fenOf(row[7])]);
    };
    assertEqual(await money('收银处收费'), JSON.stringify(['收银处收费', UMBRELLA, 4000, 4000, 0]), 'the fee: cash and income');
    assertEqual(await money('预交服务费'), JSON.stringify(['预交服务费', WATER, 10000, 10000, 0]), 'the prepayment: cash and income');
    assertEqual(await money('押金'), JSON.stringify(['押金', UMBRELLA, 10000, 0, 10000]), 'the deposit: cash, not income');

    // This month's income report: the demo year is past, so this month holds only these.
    await as(page, 'cs1', 'cashier', 'reports');
    assertEqual(await fieldValue(page, '月份'), estateMonth(), 'the report opens on this month');
    const list = await items(page);
    assertEqual(fenOf(valueBeside(list, '本月收入合计')), 14000, 'income: the fee and the prepayment, not the deposit');
    assertEqual(fenOf((await rowOf(page, UMBRELLA))[1]), 4000, 'the umbrella fee under its item');
    assertEqual(fenOf((await rowOf(page, WATER))[1]), 10000, 'the prepayment under water');
    const note = (await texts(page)).find((t) => t.startsWith('押金(不计收入)'));
    assert(note, 'the deposits note');
    assertEqual(fenOf(/本月收取 ([^,，]+)/.exec(note)[1]), 10000, `deposits received this month: ${note}`);
  }, { timeoutMs: 240000 });

  test('a stopped service\'s deposit is settled at the cashier as a new entry; the deposit held goes to zero and the deposit entry is untouched [1-4.12]', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'fd1', 'front_desk', 'desk_register');
    await registerForm(page, '1-101', UMBRELLA, { kind: '单次服务' });
    await as(page, 'cs1', 'cashier', 'cashier');
    await clickItem(page, '收款', 'tab');
    await settle(page);
    const form = await newestForm(page);
    await typeInto(page, '查找委托单（栋号-房号、姓名、项目）', form);
    assertEqual(fenOf(valueBeside(await items(page), '押金余额')), 0, 'no deposit held yet');
    await choose(page, '款项类别', '押金');
    await submit(page, '收款', '已收款');
    assertEqual(fenOf(valueBeside(await items(page), '押金余额')), 10000, 'the deposit held');

    // The resident stops it in the app, with a reason.
    await as(page, 'r-1-101', 'resident', 'resident_request');
    await clickItem(page, '停止服务', 'tab');
    await settle(page);
    await choose(page, '要停止的服务', `${UMBRELLA} · ${form}`);
    await typeInto(page, '请说明原因', '活动取消');
    await submit(page, '停止服务', '服务已停止');

    // The cashier settles, keeping 20.00 for a broken umbrella: what does not add up is
    // named while it is typed; keeping any needs a reason.
    await as(page, 'cs1', 'cashier', 'cashier');
    await clickItem(page, '停止服务结算', 'tab');
    await settle(page);
    await typeInto(page, '查找已停止的委托单（栋号-房号、姓名、项目）', form);
    assert(valueBeside(await items(page), '停止').endsWith(' · 活动取消'), 'the form the resident stopped, with the reason');
    assertEqual(fenOf(valueBeside(await items(page), '押金余额')), 10000, 'the deposit held before settling');
    assertEqual(fenOf(await fieldValue(page, '退还押金')), 10000, 'the whole deposit offered back');
    const events = await eventCount(page);
    const mismatch = (l) => l.some((i) => i.kind === 'text' && i.label.startsWith('退还与扣留的押金合计须等于所收押金 100.00'));
    await typeInto(page, '退还押金', '80');
    await waitForItems(page, mismatch, 'the core\'s message while typing, before any submit');
    await typeInto(page, '扣留押金', '20');
    await waitForItems(page, (l) => !mismatch(l) && l, 'no message once refund and kept add up');
    await submitExpectingError(page, '结算', '说明', '请填写扣留押金的原因');
    await typeInto(page, '说明', '损坏伞一把');
    await submit(page, '结算', '已结算');
    assertEqual(await eventCount(page), events + 1, 'one SettlementPaid');

    // The ledger: the deposit entry as it was, and the settlement a new one paying it out.
    await clickItem(page, '收支流水与冲正', 'tab');
    await settle(page);
    await typeInto(page, '搜索', form);
    // Columns: when, kind, household, item, by, cash, income, deposit, link, form, id.
    const deposit = await rowOf(page, '押金');
    assertEqual(JSON.stringify([fenOf(deposit[5]), fenOf(deposit[7]), deposit[8]]), JSON.stringify([10000, 10000, '']),
      'the deposit entry unchanged, not reversed');
    const settlement = await rowOf(page, '停止服务结算');
    assertEqual(JSON.stringify([fenOf(settlement[5]), fenOf(settlement[6]), fenOf(settlement[7])]), JSON.stringify([-8000, 2000, -10000]),
      'the settlement: 80.00 paid back, 20.00 kept as income, the whole deposit released');

    // The resident's services: stopped, no deposit held.
    await as(page, 'r-1-101', 'resident', 'resident_home');
    // Two tabs read 我的服务: the navigation's and, below the title, the home screen's own.
    const own = (await items(page)).filter((i) => i.kind === 'tab' && i.label === '我的服务').sort((a, b) => b.y - a.y)[0];
    await clickAt(page, centre(own));
    await settle(page);
    await typeInto(page, '搜索', form);
    // Columns: item, kind, status, registered, deposit held, prepaid, due, form.
    const mine = await rowOf(page, form);
    assertEqual(JSON.stringify([mine[2], fenOf(mine[4])]), JSON.stringify(['已停止', 0]), `stopped with no deposit held: ${mine.join(' | ')}`);
  }, { timeoutMs: 240000 });
}
