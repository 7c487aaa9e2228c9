// The office's records and settings, walked by the roles that own them: the estate
// settings (office manager) and the assessment settings (assessment group) [2-3.1, 2-3.2],
// corrections of residents and items, staff with several roles and the rule that a
// drafter does not approve, paper survey answers [3-4.1.2], drafting the year's table from
// the survey [1-4.1, 3-4.1.4], the office's own items [3-4.2.3], staff who leave, devices
// revoked, and the break-even price change linked to a new table version [3-4.3.3].
// Every bad value shows the core's message and records nothing.
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  choose, clickCell, eventCount, newestEvent, session, startAs, submit, submitExpectingError, typeInto,
} from '../lib/serving.mjs';
import { centre, clickAt, clickItem, fieldValue, items, nextFrame, settle, waitForItems } from '../lib/widgets.mjs';
import { as, rowOf, tallPage, texts } from './office.spec.mjs';
import { fenOf } from './reports.spec.mjs';

const shown = (page, text) => waitForItems(page, (l) => l.find((i) => i.kind === 'text' && i.label === text), `"${text}"`);
// The value drawn right after a label (ui::label_value).
const valueAfter = async (page, label) => {
  const list = await texts(page);
  assert(list.includes(label), `no label ${label}`);
  return list[list.indexOf(label) + 1];
};

async function openTab(page, person, role, screen, tab) {
  await as(page, person, role, screen);
  await clickItem(page, tab, 'tab');
  await settle(page);
}

// Scrolls the table whose column header is `near` until a cell reads `text`.
async function scrollToCell(page, text, near) {
  for (let i = 0; i < 30; i++) {
    const cell = (await items(page)).find((c) => c.kind === 'table-cell' && c.label === text);
    if (cell) return cell;
    await page.mouse.move(near.x + 40, near.y + near.h * 3);
    await page.mouse.wheel(0, 3 * near.h);
    await nextFrame(page);
    await nextFrame(page);
  }
  throw new Error(`no table cell ${text}`);
}

// The draft form's 起草 button (the versions table has a column of that name above it).
async function draft(page, expected = '已起草新版本价格表') {
  const button = (await items(page)).filter((i) => i.kind === 'button' && i.label === '起草').pop();
  await page.evaluate(() => { document.getElementById('status').textContent = ''; });
  await clickAt(page, centre(button));
  if (expected) await page.waitForFunction((t) => document.getElementById('status').textContent.startsWith(t), expected, { timeout: 5000 });
}

async function signOut(page) {
  await clickItem(page, '退出登录', 'button');
  await page.waitForFunction(() => !window.bianmin.session().actor);
  await settle(page);
}

export default function (test) {
  test('the office manager changes the hand-over limit in the estate settings: a value out of range is named as it is typed and refused, the new one is an event and is kept across a reload [1-4.8; SPEC: the estate\'s settings]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      await clickItem(page, '小区设置', 'tab');
      await settle(page);
      assertEqual(await fieldValue(page, '交款期限（天）'), '1', 'the current limit (the SPEC default)');
      const before = await eventCount(page);
      // As it is typed, before any button: the core's range message beside the field.
      await typeInto(page, '交款期限（天）', '40');
      await shown(page, 'estate.handover_limit_days 超出范围 0–31');
      await submitExpectingError(page, '保存设置', '交款期限（天）', 'estate.handover_limit_days 超出范围 0–31');
      await typeInto(page, '交款期限（天）', 'three');
      await shown(page, '请输入整数');
      assertEqual(await eventCount(page), before, 'nothing recorded for bad values');

      await typeInto(page, '交款期限（天）', '3');
      await submit(page, '保存设置', '设置已保存');
      assertEqual(await eventCount(page), before + 1, 'one field_edited');
      const edit = await newestEvent(page, 'field_edited');
      assertEqual(`${edit.data.kind}/${edit.data.field}/${edit.data.value}`, 'estate/handover_limit_days/3', 'the edit recorded');
      assert(!(await texts(page)).some((t) => t.startsWith('estate.handover_limit_days')), 'the old message is gone');

      await page.reload();
      await page.waitForFunction(() => window.bianmin !== undefined);
      await page.evaluate(() => window.bianmin.ready);
      await openTab(page, 'om', 'office_manager', 'office_people', '小区设置');
      assertEqual(await fieldValue(page, '交款期限（天）'), '3', 'the new limit after a reload');
      assertEqual(await fieldValue(page, '回访周期（天）'), '30', 'the other settings untouched');
    }, { timeoutMs: 150000 });

  test('the assessment group changes the monthly reward and the half-year payout follows it; a period that does not divide 12 is refused with the core\'s message [2-3.1, 2-3.2]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'ag1', 'assessment_group', 'assessment');
      assertEqual(await fieldValue(page, '考核奖标准（每人每月）'), '300.00', 'the reward per person per month [2-3.1]');
      const total = fenOf(await valueAfter(page, '实发合计'));
      assert(total > 0 && total % 30000 === 0, `the payout is whole months of 300 yuan (${total})`);
      const before = await eventCount(page);

      await typeInto(page, '考核周期（月，能整除 12）', '5');
      await submitExpectingError(page, '保存考核设置', '考核周期（月，能整除 12）', '考核周期必须能整除12个月');
      await typeInto(page, '考核周期（月，能整除 12）', '6');

      await typeInto(page, '考核奖标准（每人每月）', '400');
      await submit(page, '保存考核设置', '考核设置已保存');
      assertEqual(await eventCount(page), before + 1, 'one field_edited');
      const after = fenOf(await valueAfter(page, '实发合计'));
      assertEqual(after, (total / 30000) * 40000, 'the payout at 400 yuan a month');
      assert((await texts(page)).includes('400.00元'), 'the reward shown beside the payout');
    }, { timeoutMs: 120000 });

  test('the office manager corrects a resident\'s phone: a wrong number is refused, the new one shows in the editor and on the desk\'s entrustment form [1-4.4, 3-4.2.6]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      await clickItem(page, '楼栋与住户', 'tab');
      await settle(page);
      await choose(page, '要更正的住户', '1-101');
      const name = await fieldValue(page, '成员姓名');
      const before = await eventCount(page);
      await typeInto(page, '成员电话', 'abc');
      await submitExpectingError(page, '保存成员信息', '成员电话', '电话号码格式不正确');
      await typeInto(page, '成员电话', '13800001111');
      await submit(page, '保存成员信息', '成员信息已更正');
      assertEqual(await eventCount(page), before + 1, 'one field_edited');
      assertEqual(await fieldValue(page, '成员电话'), '13800001111', 'the editor shows the new phone');
      assertEqual(await fieldValue(page, '成员姓名'), name, 'the name unchanged');

      await openTab(page, 'fd1', 'front_desk', 'desk_register', '委托服务单');
      await choose(page, '住户', '1-101');
      assertEqual(await fieldValue(page, '业主姓名'), name, 'the form is filled for the same resident');
      assertEqual(await fieldValue(page, '联系电话'), '13800001111', 'the desk\'s form takes the corrected phone');
    }, { timeoutMs: 120000 });

  test('the office manager lowers an item\'s monthly cost: the next table version carries it and, once approved and published, the break-even screen uses it [1-4.13, 3-4.3.3]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      await clickItem(page, '服务项目', 'tab');
      await settle(page);
      await choose(page, '要修改的项目', '租车位');
      const cost = fenOf(await fieldValue(page, '每月运营成本'));
      assert(cost > 100, `parking has a monthly cost (${cost})`);
      const lower = ((cost - 77) / 100).toFixed(2);
      await typeInto(page, '每月运营成本', 'abc');
      await submitExpectingError(page, '保存项目修改', '每月运营成本', '请输入不小于 0 的金额');
      await typeInto(page, '每月运营成本', lower);
      await submit(page, '保存项目修改', '服务项目已修改');

      await as(page, 'om', 'office_manager', 'office_cycle');
      await submit(page, '起草新版本', '已起草新版本价格表');
      const drafted = await newestEvent(page, 'price_table_drafted');
      assert(drafted.data.rows.some((r) => r.monthly_cost === cost - 77),
        `the new version carries the lowered cost ${cost - 77}: ${drafted.data.rows.map((r) => r.monthly_cost).join(',')}`);
      await submit(page, '报总经理审批', '已报总经理审批');
      await as(page, 'gm', 'general_manager', 'gm_decisions');
      await typeInto(page, '审批意见', '同意');
      await submit(page, '批准', '已批准价格表');
      await as(page, 'om', 'office_manager', 'office_cycle');
      await clickItem(page, '[ ] 管理处醒目位置张贴', 'selectable');
      await submit(page, '公告价格表', '价格表已公告');

      await as(page, 'om', 'office_manager', 'office_breakeven');
      const now = new Date();
      await typeInto(page, '月份', `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`);
      await typeInto(page, '搜索', '租车位');
      const cells = await rowOf(page, (await items(page)).find((i) => i.kind === 'table-cell' && i.label.includes('租车位')).label);
      assert(cells.includes(lower), `this month's break-even row uses the new cost ${lower}: ${cells.join('|')}`);
    }, { timeoutMs: 180000 });

  test('a person registered with both the office manager\'s and the general manager\'s roles signs in as either; having drafted a table they are refused approving it [SPEC separation of duties, 1-4.1]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      await typeInto(page, '员工编号', 'mgr2');
      await typeInto(page, '姓名', '简经理');
      // No role: the core's message.
      await submitExpectingError(page, '登记', '[ ] 考核领导小组', '请选择员工的岗位角色', 'selectable');
      await clickItem(page, '[ ] 管理处经理/市场拓展部主管', 'selectable');
      await clickItem(page, '[ ] 公司经理/总经理', 'selectable');
      await submit(page, '登记', '员工已登记');
      const registered = await newestEvent(page, 'staff_registered');
      assertEqual(registered.data.roles.join(','), 'general_manager,office_manager', 'both roles recorded');
      assert((await rowOf(page, 'mgr2')).includes('公司经理/总经理、管理处经理/市场拓展部主管'), 'the table lists both roles');
      await typeInto(page, '新密码（4–12 位数字）', '2580');
      await submit(page, '设置/重设密码', '密码已保存');

      // Signs in as office manager through the sign-in screen, drafts and submits.
      await signOut(page);
      await typeInto(page, '查找姓名', '简经理');
      await clickItem(page, (await waitForItems(page, (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith('简经理')), 'the row')).label, 'selectable');
      await choose(page, '岗位', '管理处经理');
      await typeInto(page, '密码', '2580');
      await clickItem(page, '登录', 'button');
      await page.waitForFunction(() => window.bianmin.session().actor?.person === 'mgr2', null, { timeout: 20000 });
      assertEqual((await session(page)).actor.role, 'office_manager', 'signed in as office manager');
      await page.evaluate(() => window.bianmin.test.openScreen('office_cycle'));
      await settle(page);
      await submit(page, '起草新版本', '已起草新版本价格表');
      await submit(page, '报总经理审批', '已报总经理审批');

      // The same person as general manager: the core refuses the drafter's approval.
      await signOut(page);
      await typeInto(page, '查找姓名', '简经理');
      await clickItem(page, (await waitForItems(page, (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith('简经理')), 'the row')).label, 'selectable');
      await choose(page, '岗位', '公司经理/总经理');
      await typeInto(page, '密码', '2580');
      await clickItem(page, '登录', 'button');
      await page.waitForFunction(() => window.bianmin.session().actor?.role === 'general_manager', null, { timeout: 20000 });
      await page.evaluate(() => window.bianmin.test.openScreen('gm_decisions'));
      await settle(page);
      const before = await eventCount(page);
      await typeInto(page, '审批意见', '同意');
      await clickItem(page, '批准', 'button');
      await shown(page, '起草人不能审批自己起草的价格表');
      assertEqual(await eventCount(page), before, 'no approval recorded');
    }, { timeoutMs: 180000 });

  test('paper survey answers typed in by the office count in the survey summary; a second form of the same household replaces the first [3-4.1.2, 3-4.1.3]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_cycle');
      await clickItem(page, '意见调查', 'tab');
      await settle(page);
      await typeInto(page, '调查名称', '纸质调查');
      const first = (await items(page)).find((i) => i.kind === 'selectable' && i.label.startsWith('[ ] '));
      const item = first.label.slice(4);
      await clickItem(page, first.label, 'selectable');
      await submit(page, '发起调查', '已发起调查');
      assertEqual(await valueAfter(page, '答卷户数'), '0', 'a new survey has no answer');

      const before = await eventCount(page);
      await choose(page, '填表住户', '1-101');
      await clickItem(page, '需要此项服务', 'checkbox');
      await choose(page, '满意度', '4分');
      await choose(page, '每月次数', '2');
      await submit(page, '保存纸质答卷', '纸质答卷已录入');
      assertEqual(await eventCount(page), before + 1, 'one survey_answered');
      const answered = await newestEvent(page, 'survey_answered');
      assert(answered.data.household_id.endsWith('1-101') || answered.data.household_id === '1-101', `for 1-101 (${answered.data.household_id})`);
      assertEqual(await valueAfter(page, '答卷户数'), '1', 'the summary counts the paper form');
      assertEqual((await rowOf(page, item)).slice(1, 5).join('|'), '1|1|2|4.0', 'responses, wanted, times, satisfaction');

      // The same household again: replaced, still one household.
      assert((await texts(page)).includes('该户已答过此调查：保存将替换原来的答卷。'), 'the form says it replaces');
      await choose(page, '每月次数', '5');
      await submit(page, '保存纸质答卷', '纸质答卷已录入');
      assertEqual(await valueAfter(page, '答卷户数'), '1', 'still one household');
      assertEqual((await rowOf(page, item)).slice(1, 4).join('|'), '1|1|5', 'the later answer counts');
    }, { timeoutMs: 120000 });

  test('the office drafts the year\'s table from the survey (起草): version 1 of the year, with the items the survey asked about [1-4.1, 3-4.1.4]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_cycle');
      const survey = await newestEvent(page, 'survey_opened');
      const year = new Date().getFullYear();
      assert(!(await items(page)).some((i) => i.kind === 'table-cell' && i.label === String(year)), 'no table for this year yet');
      await typeInto(page, '价格表年度', String(year));
      await choose(page, '依据的意见调查', `${survey.data.year} · ${survey.data.title}`);
      const before = await eventCount(page);
      await draft(page);
      assertEqual(await eventCount(page), before + 1, 'one price_table_drafted');
      const drafted = await newestEvent(page, 'price_table_drafted');
      assertEqual(`${drafted.data.year}/${drafted.data.version}/${drafted.data.replaces}`, `${year}/1/`, 'version 1 of the year, replacing nothing');
      assertEqual(drafted.data.survey_id, survey.data.survey_id, 'based on the survey');
      assertEqual(drafted.data.rows.map((r) => r.item_id).join(','), survey.data.item_ids.join(','), 'the survey\'s items');
      assertEqual((await rowOf(page, String(year))).slice(0, 3).join('|'), `${year}|1|草稿`, 'listed as a draft');
      // A year that is not one is refused.
      const events = await eventCount(page);
      await typeInto(page, '价格表年度', '20x5');
      await draft(page, null);
      await shown(page, '请输入四位数年份，例如 2024');
      assertEqual(await eventCount(page), events, 'nothing recorded');
    }, { timeoutMs: 120000 });

  test('an item the office adds itself (新增项目) is in the next draft, after the table in effect\'s items [3-4.2.3]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      await clickItem(page, '服务项目', 'tab');
      await settle(page);
      await typeInto(page, '项目编号', 'bike-repair');
      await typeInto(page, '项目名称（中文）', '自行车修理');
      await typeInto(page, '项目名称（英文）', 'Bicycle repair');
      await choose(page, '收费方式', '按次');
      await typeInto(page, '单位（中文）', '次');
      await typeInto(page, '保本户数', '5x');
      await submitExpectingError(page, '新增项目', '保本户数', '保本户数应为整数');
      await typeInto(page, '保本户数', '5');
      await typeInto(page, '价格', '15');
      await submit(page, '新增项目', '服务项目已新增');

      await as(page, 'om', 'office_manager', 'office_cycle');
      const year = new Date().getFullYear();
      await typeInto(page, '价格表年度', String(year));
      await draft(page);
      const drafted = await newestEvent(page, 'price_table_drafted');
      const ids = drafted.data.rows.map((r) => r.item_id);
      assertEqual(ids[ids.length - 1], 'bike-repair', `the new item last in the draft (${ids.join(',')})`);
      assertEqual(drafted.data.rows[ids.length - 1].price, 1500, 'at its default price');
      // The draft is the chosen table: its rows, scrolled to the last.
      const header = (await items(page)).find((i) => i.kind === 'button' && i.label === '服务项目');
      await scrollToCell(page, '自行车修理', header);
    }, { timeoutMs: 120000 });

  test('a staff member deactivated (停用该员工) is no longer offered at sign-in and the core refuses what they try [SPEC People]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      const name = (await rowOf(page, 'fd2'))[1];
      await signOut(page);
      await typeInto(page, '查找姓名', name);
      await waitForItems(page, (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith(name)), `${name} offered before leaving`);

      await startAs(page, open, 'om', 'office_manager', 'office_people', { load: false });
      await clickCell(page, 'fd2');
      const before = await eventCount(page);
      await submitExpectingError(page, '停用该员工', '停用原因', '请填写停用原因');
      await typeInto(page, '停用原因', '调往其他小区');
      await submit(page, '停用该员工', '员工已停用');
      assertEqual(await eventCount(page), before + 1, 'one staff_deactivated');
      assertEqual((await rowOf(page, 'fd2'))[5], '已离职', 'listed as left');

      await signOut(page);
      await typeInto(page, '查找姓名', name);
      await shown(page, '没有找到员工。');
      // Even past the sign-in screen, the core refuses them.
      await as(page, 'fd2', 'front_desk', 'desk_register');
      await typeInto(page, '房号', '909');
      await clickItem(page, '登记住户', 'button');
      await waitForItems(page, (l) => l.some((i) => i.kind === 'text' && i.label.startsWith('员工已离职')), 'the core\'s refusal');
      assertEqual(await eventCount(page), before + 1, 'nothing recorded for them');
    }, { timeoutMs: 150000 });

  test('a device revoked (停用设备) is listed as revoked and no longer offered; a revocation needs a reason [SPEC offline exchange]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_people');
      await clickItem(page, '设备', 'tab');
      await settle(page);
      await typeInto(page, '设备编号', 'tablet-x9');
      await typeInto(page, '设备名称', '旧平板');
      await choose(page, '设备类型', '办公/员工设备');
      await submit(page, '登记设备', '设备已登记');
      assertEqual((await rowOf(page, 'tablet-x9'))[4], '使用中', 'in use');
      await choose(page, '要停用的设备', '旧平板 · tablet-x9');
      const before = await eventCount(page);
      await submitExpectingError(page, '停用设备', '停用原因', '请填写停用原因');
      await typeInto(page, '停用原因', '平板丢失');
      await submit(page, '停用设备', '设备已停用');
      assertEqual(await eventCount(page), before + 1, 'one device_revoked');
      assertEqual((await rowOf(page, 'tablet-x9'))[4], '已停用', 'listed as revoked');
      await clickItem(page, '要停用的设备', 'combo');
      const offered = (await items(page)).filter((i) => i.kind === 'selectable').map((i) => i.label);
      await page.keyboard.press('Escape');
      assert(!offered.some((l) => l.includes('tablet-x9')), `no longer offered: ${offered.join(', ')}`);
    }, { timeoutMs: 120000 });

  test('break-even: a price change is recorded against the new table version drafted for it [1-4.13, 3-4.3.3]',
    async ({ page, open }) => {
      await tallPage(page);
      await startAs(page, open, 'om', 'office_manager', 'office_cycle');
      await submit(page, '起草新版本', '已起草新版本价格表');
      const drafted = await newestEvent(page, 'price_table_drafted');
      const year = new Date().getFullYear() - 1;

      await as(page, 'om', 'office_manager', 'office_breakeven');
      await choose(page, '处理的服务项目', '租车位');
      await choose(page, '措施', '提高收费标准');
      await choose(page, '新版本价格表', `${year} 年度 第 2 版`);
      await typeInto(page, '措施说明', '车位月租由 150 元调整为 180 元');
      const before = await eventCount(page);
      await submit(page, '记录措施', '已记录措施');
      assertEqual(await eventCount(page), before + 1, 'one break_even_measure_recorded');
      const measure = await newestEvent(page, 'break_even_measure_recorded');
      assertEqual(`${measure.data.kind}/${measure.data.price_table_id}`, `price_change/${drafted.data.table_id}`, 'linked to the new version');
      await typeInto(page, '搜索', '租车位');
      assert((await items(page)).some((i) => i.kind === 'table-cell' && i.label.includes('提高收费标准(重新报批): 车位月租由 150 元调整为 180 元')),
        'the measure in the month\'s table');
    }, { timeoutMs: 120000 });
}
