// Getting in: creating the estate on an empty device, staff PINs (never in clear),
// sign-in with a wrong and a right PIN, the lockout after 5 wrong PINs, and resident mode
// on a household's own phone. SPEC "People and what each may do"; issue 7 "Security".
import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, session, submit, typeInto } from '../lib/serving.mjs';
import { ccall, clickItem, downloadFrom, fieldValue, items, settle, waitForItems } from '../lib/widgets.mjs';

const FOUNDER_PIN = '2468';

// The set-up screen's "create the estate" form, through the keyboard and mouse.
export async function createEstate(page, open, { seed = true } = {}) {
  await open();
  await settle(page);
  await typeInto(page, '小区编号', 'test-garden');
  await typeInto(page, '小区名称（中文）', '测试花园');
  await typeInto(page, '姓名', '欧经理');
  await typeInto(page, '员工编号', 'om');
  await typeInto(page, '登录密码（4–12 位数字）', FOUNDER_PIN);
  await typeInto(page, '再输入一次密码', FOUNDER_PIN);
  if (!seed) await clickItem(page, '同时加入默认的服务项目目录', 'checkbox');
  await clickItem(page, '建立小区', 'button');
  await page.waitForFunction(() => window.bianmin.session().actor?.person === 'om', null, { timeout: 20000 });
  await settle(page);
}

const events = async (page) => JSON.parse(await ccall(page, 'bm_test_events_file')).events;
const textShown = (page, text, what = text) =>
  waitForItems(page, (l) => l.find((i) => i.label === text), what, 20000);

// After a wrong PIN the screen asks to wait (1 s, 2 s, 4 s, 8 s), then says how many tries
// are left — only then may the next PIN be tried, so waiting for that message is the wait.
async function waitOutWrongPin(page, triesLeft) {
  await waitForItems(page, (l) => l.find((i) => /^密码错误次数较多，请等 \d+ 秒后再试$/.test(i.label)),
    'the wait after a wrong PIN', 20000);
  await textShown(page, `密码不正确（还可以再试 ${triesLeft} 次）`);
}

async function signOut(page) {
  await clickItem(page, '退出登录', 'button');
  await page.waitForFunction(() => !window.bianmin.session().actor);
  await settle(page);
}

// Picks the person on the sign-in screen and submits a PIN.
async function tryPin(page, nameStart, pin) {
  const row = await waitForItems(page, (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith(nameStart)),
    `sign-in row of ${nameStart}`);
  const pinField = (await page.evaluate(() => window.bianmin.ui.items())).some((i) => i.label === '密码' && i.kind === 'input');
  if (!pinField) await clickItem(page, row.label, 'selectable');
  await typeInto(page, '密码', pin);
  await clickItem(page, '登录', 'button');
}

// Registers a front-desk member and sets their PIN on the People screen (office manager).
async function hireWithPin(page, id, name, pin) {
  await page.evaluate(() => window.bianmin.test.openScreen('office_people'));
  await settle(page);
  await typeInto(page, '员工编号', id);
  await typeInto(page, '姓名', name);
  await clickItem(page, '[ ] 客服人员', 'selectable');
  await submit(page, '登记', '员工已登记');
  await typeInto(page, '新密码（4–12 位数字）', pin);
  await submit(page, '设置/重设密码', '密码已保存');
}

// The office manager registers a phone for a household (People → 设备) and exports that
// household's file for it from the exchange screen: { name, bytes }.
export async function residentFileForPhone(page, phoneId, household) {
  await page.evaluate(() => window.bianmin.test.openScreen('office_people'));
  await settle(page);
  await clickItem(page, '设备', 'tab');
  await typeInto(page, '设备编号', phoneId);
  await typeInto(page, '设备名称', `${household} 住户手机`);
  await choose(page, '设备类型', '住户设备');
  await choose(page, '所属住户', household);
  await submit(page, '登记设备', '设备已登记');
  await page.evaluate(() => window.bianmin.test.openScreen('exchange'));
  await settle(page);
  await choose(page, '文件类型', '某户住户的数据文件');
  await choose(page, '哪一户', household);
  return downloadFrom(page, '导出并下载');
}

// An empty phone joins the estate with the office's file (set-up → 加入小区).
export async function joinWithFile(phone, phoneId, { name, bytes }) {
  await settle(phone);
  await clickItem(phone, '加入小区（平板或手机）', 'tab');
  await textShown(phone, phoneId, 'the device id shown large');
  const estate = JSON.parse(bytes.toString('utf8')).estate_id;
  await phone.setInputFiles('#bianmin-file-input', { name, mimeType: 'application/json', buffer: bytes });
  // Once the estate is there the device leaves set-up; the summary stays on the status line.
  await phone.waitForFunction((id) => window.bianmin.session().estate === id, estate, { timeout: 30000 });
}

export default function (test) {
  test('an empty device creates the estate; the founder is signed in and the PIN is stored only as a PBKDF2 hash', async ({ page, open }) => {
    await createEstate(page, open);
    const s = await session(page);
    assertEqual(s.estate, 'test-garden', 'estate id');
    assertEqual(s.actor.role, 'office_manager', 'founder role');
    const log = await events(page);
    const pins = log.filter((e) => e.type === 'pin_set');
    assertEqual(pins.length, 1, 'pin_set events');
    const p = pins[0].data;
    assertEqual(p.person_id, 'om', 'PIN owner');
    assertEqual(p.algorithm, 'PBKDF2-SHA256', 'algorithm');
    assert(p.iterations >= 210000, `iterations ${p.iterations}`);
    assertEqual(Buffer.from(p.salt, 'base64').length, 16, 'salt bytes');
    assertEqual(Buffer.from(p.hash, 'base64').length, 32, 'hash bytes');
    assert(!JSON.stringify(log).includes(`"${FOUNDER_PIN}"`), 'the PIN appears in clear in the log');
    assert(log.filter((e) => e.type === 'item_defined').length >= 10, 'the default catalogue was seeded');
  }, { timeoutMs: 120000 });

  test('a PIN set in People: a wrong PIN is refused with a message, the right one signs in', async ({ page, open }) => {
    await createEstate(page, open, { seed: false });
    await hireWithPin(page, 'fd1', '方丽', '1357');
    await signOut(page);
    await tryPin(page, '方丽', '9999');
    await waitOutWrongPin(page, 4);
    assertEqual((await session(page)).actor, undefined, 'signed in with a wrong PIN');
    await tryPin(page, '方丽', '1357');
    await page.waitForFunction(() => window.bianmin.session().actor?.person === 'fd1', null, { timeout: 20000 });
    assertEqual((await session(page)).actor.role, 'front_desk', 'role after sign-in');
  }, { timeoutMs: 150000 });

  test('5 wrong PINs in a row lock the person on this device, even across a reload', async ({ page, open }) => {
    await createEstate(page, open, { seed: false });
    await hireWithPin(page, 'fd1', '方丽', '1357');
    await signOut(page);
    for (let attempt = 1; attempt <= 5; attempt++) {
      await tryPin(page, '方丽', '0000');
      if (attempt < 5) await waitOutWrongPin(page, 5 - attempt);
    }
    await textShown(page, '密码连续错误 5 次，此人在本设备上已锁定 5 分钟', 'the lockout message');
    // The right PIN does not get through while locked: the button is disabled.
    await typeInto(page, '密码', '1357');
    await clickItem(page, '登录', 'button');
    // A try would show "checking" from the next frame on, while the PIN is hashed.
    await page.evaluate(() => window.bianmin.nextFrame());
    assert(!(await items(page)).some((i) => i.label === '正在核对…'), 'the PIN was checked while locked');
    assertEqual((await session(page)).actor, undefined, 'signed in while locked');
    assertEqual((await fieldValue(page, '密码')), '1357', 'the PIN was taken while locked');
    await page.reload();
    await page.waitForFunction(() => window.bianmin !== undefined);
    await page.evaluate(() => window.bianmin.ready);
    await settle(page);
    await clickItem(page, (await waitForItems(page, (l) => l.find((i) => i.kind === 'selectable' && i.label.startsWith('方丽')), 'row')).label, 'selectable');
    await textShown(page, '密码连续错误 5 次，此人在本设备上已锁定 5 分钟', 'the lockout after a reload');
  }, { timeoutMs: 180000 });

  test('a household\'s own phone joins with the office\'s resident file and opens resident mode', async ({ page, open, newPage }) => {
    await createEstate(page, open, { seed: false });
    const phone = await newPage();
    await open('', phone);
    const phoneId = (await session(phone)).device;

    // The office: a building, a household with a resident, the phone registered for it.
    await page.evaluate(() => window.bianmin.test.openScreen('office_people'));
    await settle(page);
    await clickItem(page, '楼栋与住户', 'tab');
    await typeInto(page, '楼栋编号', '1');
    await typeInto(page, '楼栋名称', '1栋');
    await submit(page, '添加楼栋', '楼栋已添加');
    await page.evaluate(() => window.bianmin.test.openScreen('desk_register'));
    await settle(page);
    await typeInto(page, '房号', '101');
    await submit(page, '登记住户', '住户已登记');
    await typeInto(page, '姓名', '李业主');
    await submit(page, '登记成员', '住户成员已登记');
    const { name, bytes } = await residentFileForPhone(page, phoneId, '1-101');
    assert(/^bianmin-test-garden-.+-resident-1-101-\d{8}-\d{4}\.json$/.test(name), `file name ${name}`);
    const text = bytes.toString('utf8');
    assert(!text.includes('pin_set') && !text.includes('欧经理'), 'the resident file carries staff data');

    // The phone: join, import, resident mode.
    await joinWithFile(phone, phoneId, { name, bytes });
    const status = await phone.evaluate(() => document.getElementById('status').textContent);
    assert(status.startsWith('导入完成：新记录'), `status line after joining: ${status}`);
    await settle(phone);
    await textShown(phone, '住户模式', 'resident mode');
    await clickItem(phone, '李业主', 'selectable');
    await phone.waitForFunction(() => window.bianmin.session().actor?.role === 'resident', null, { timeout: 10000 });
    assertEqual((await session(phone)).actor.person.length > 0, true, 'resident signed in');
  }, { timeoutMs: 240000 });
}
