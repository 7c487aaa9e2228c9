// The general manager's decisions (web/screens/screen_gm_decisions.cpp): stopping a
// loss-making item with the GM's approval [3-4.3.4] and the quality evaluation per item
// and period [3-4.5.4], a problem escalated to the GM and decided [1-4.9]; price-table
// approval is in office.spec.mjs. Bad input shows the core's message beside the field and
// records nothing.
import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, clickCell, eventCount, startAs, submit, submitExpectingError, typeInto } from '../lib/serving.mjs';
import { clickItem, fieldValue, items, settle } from '../lib/widgets.mjs';
import { as, tallPage, texts } from './office.spec.mjs';

export default function (test) {
  test('stopping an item: the manager asks, the GM must give a reason to refuse, then approves [3-4.3.4]', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'om', 'office_manager', 'office_breakeven');
    await choose(page, '处理的服务项目', '租车位');
    let events = await eventCount(page);
    await typeInto(page, '停止原因', '长期户数不足，连续亏损');
    await submit(page, '申请停止', '已报总经理审批');
    assertEqual(await eventCount(page), events + 1, 'ItemStopRequested recorded');

    await as(page, 'gm', 'general_manager', 'gm_decisions');
    await clickItem(page, '停止项目', 'tab');
    await settle(page);
    assert((await texts(page)).includes('长期户数不足，连续亏损'), 'the reason is shown to the GM');
    events = await eventCount(page);
    await submitExpectingError(page, '不同意', '意见（不同意时必填）', '请填写不同意的理由');
    await submit(page, '同意停止', '已同意停止该项目');
    assertEqual(await eventCount(page), events + 1, 'ItemStopDecided recorded');
    assert((await texts(page)).includes('没有待审批的停止申请。'), 'nothing left to decide');

    await as(page, 'om', 'office_manager', 'office_breakeven');
    await choose(page, '处理的服务项目', '租车位');
    const shown = await texts(page);
    assertEqual(shown[shown.indexOf('项目状态') + 1], '已停止', 'the item is stopped');
  }, { timeoutMs: 150000 });

  test('quality evaluation per item and period [3-4.5.4]: a bad period is refused, a good one is listed', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'gm', 'general_manager', 'gm_decisions');
    await clickItem(page, '质量评价', 'tab');
    await settle(page);
    const year = new Date().getFullYear() - 1;
    assertEqual(await fieldValue(page, '考核期'), `${year}H1`, 'the period of the latest activity');
    await choose(page, '服务项目', '家政');
    await choose(page, '评价', '优');
    await typeInto(page, '考核期', `${year}X`);
    await submitExpectingError(page, '记录评价', '考核期', '考核期不正确(如 2024H1)');
    await typeInto(page, '考核期', `${year}H1`);
    await typeInto(page, '评语', '回访满意度高');
    const events = await eventCount(page);
    await submit(page, '记录评价', '已记录质量评价');
    assertEqual(await eventCount(page), events + 1, 'QualityEvaluated recorded');
    const cells = (await items(page)).filter((i) => i.kind === 'table-cell').map((i) => i.label);
    assert(cells.includes('回访满意度高') && cells.includes(`${year}H1`), 'the evaluation is listed');
  }, { timeoutMs: 120000 });

  test('a problem goes up from the desk to the manager to the GM, who decides it [SPEC Serving 5; 1-4.9]', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'fd1', 'front_desk', 'desk_problems');
    await typeInto(page, '问题说明', '地下车库漏水');
    await submit(page, '报告问题', '问题已记录');
    await clickCell(page, '地下车库漏水');
    await typeInto(page, '上报说明或处理决定', '需要维修部门处理');
    await submit(page, '上报上一级', '问题已上报');

    // The office manager holds it now and sends it on to the general manager.
    await as(page, 'om', 'office_manager', 'desk_problems');
    await clickCell(page, '地下车库漏水');
    await typeInto(page, '上报说明或处理决定', '费用较大，请总经理决定');
    await submit(page, '上报上一级', '问题已上报');

    await as(page, 'gm', 'general_manager', 'gm_decisions');
    await clickItem(page, '重大问题', 'tab');
    await settle(page);
    const shown = await texts(page);
    assert(shown.includes('地下车库漏水'), 'the problem is shown to the GM');
    assert(shown.some((t) => t.includes('费用较大，请总经理决定')), 'with the manager\'s note');
    const events = await eventCount(page);
    await submitExpectingError(page, '作出决定', '处理决定', '请填写处理决定');
    await typeInto(page, '处理决定', '同意维修，费用由维修基金支出');
    await submit(page, '作出决定', '已作出决定');
    assertEqual(await eventCount(page), events + 1, 'ProblemDecided recorded');
    assert((await texts(page)).includes('没有报到总经理的问题。'), 'nothing left to decide');
  }, { timeoutMs: 150000 });

  test('with nothing escalated to the GM the problems tab says so', async ({ page, open }) => {
    await tallPage(page);
    await startAs(page, open, 'gm', 'general_manager', 'gm_decisions');
    await clickItem(page, '重大问题', 'tab');
    await settle(page);
    assert((await texts(page)).includes('没有报到总经理的问题。'), 'no escalated problem in the first three months');
    assert(!(await items(page)).some((i) => i.kind === 'button' && i.label === '作出决定'), 'no decision to make');
  }, { timeoutMs: 90000 });
}
