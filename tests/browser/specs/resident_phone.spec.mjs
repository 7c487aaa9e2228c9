// A household's own phone and the office, two browsers exchanging files (issue 5 "Tests",
// first scenario): the resident asks for bottled water with a Chinese note typed through a
// pinyin IME composition (DevTools Input.imeSetComposition, then Input.insertText), signs
// an entrustment form on the screen, exports the phone's file; the office imports it and
// the front desk finds the request, in the resident's words, among the day's work
// [SPEC "Serving a resident" 1; 1-4.4, 1-4.5; "Working offline"].
import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, drawSignature, session, startAs, submit, typeInto } from '../lib/serving.mjs';
import { ccall, clickItem, downloadFrom, focusField, settle, snap, waitForItems } from '../lib/widgets.mjs';
import { joinWithFile, residentFileForPhone } from './access.spec.mjs';

const WATER = '代售波仕塔桶装水';
const NOTE = '送两桶水到厨房';

// Types `text` into the focused field the way a pinyin keyboard does: pre-edit first, then
// the chosen characters committed.
async function typeWithIme(page, label, pinyin, text) {
  await focusField(page, label);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send('Input.insertText', { text });
  await waitForItems(page, (l) => l.find((i) => i.kind === 'input' && i.label === label && i.value === text),
    `${label} = ${text} after the IME commit`);
}

export default function (test) {
  test('a resident asks for bottled water in Chinese typed with an IME on their phone, signs, and the desk sees the request after the office imports the phone\'s file [SPEC Serving 1; 1-4.4]', async ({ page, open, newPage }) => {
    await startAs(page, open, 'om', 'office_manager', 'exchange');
    const phone = await newPage();
    await open('', phone);
    const phoneId = (await session(phone)).device;
    await joinWithFile(phone, phoneId, await residentFileForPhone(page, phoneId, '1-101'));

    // The phone: resident mode for its household, the request and the signed form.
    await waitForItems(phone, (l) => l.find((i) => i.label === '住户模式'), 'resident mode on the phone', 20000);
    const resident = await waitForItems(phone, (l) => l.find((i) => i.kind === 'selectable'), 'a resident of 1-101 to sign in as');
    await clickItem(phone, resident.label, 'selectable');
    await phone.waitForFunction(() => window.bianmin.session().actor?.role === 'resident', null, { timeout: 10000 });
    await phone.evaluate(() => window.bianmin.test.openScreen('resident_request'));
    await settle(phone);
    const before = (await session(phone)).events;
    await choose(phone, '服务项目', WATER);
    await typeWithIme(phone, '需要什么服务', 'songliangtongshui', NOTE);
    await submit(phone, '提交申请', '申请已提交');
    await clickItem(phone, '登记委托', 'tab');
    await choose(phone, '委托项目', WATER);
    await choose(phone, '服务类别', '单次服务');
    await drawSignature(phone, '业主签名');
    await submit(phone, '签名并提交', '委托服务单已登记');
    assertEqual((await session(phone)).events, before + 2, 'the request and the signed form on the phone');
    await snap(phone, 'resident phone: water asked for and signed');

    await phone.evaluate(() => window.bianmin.test.openScreen('exchange'));
    await settle(phone);
    const file = await downloadFrom(phone, '导出并下载');
    assert(file.bytes.toString('utf8').includes(NOTE), 'the phone\'s file carries the note as typed');

    // The office imports the phone's file: two new events.
    const officeBefore = (await session(page)).events;
    await page.setInputFiles('#bianmin-file-input', { name: file.name, mimeType: 'application/json', buffer: file.bytes });
    await page.waitForFunction((n) => window.bianmin.session().events === n, officeBefore + 2, { timeout: 30000 });

    // The front desk sees it among the open requests.
    await page.evaluate(() => window.bianmin.test.signIn('fd1', 'front_desk'));
    await page.evaluate(() => window.bianmin.test.openScreen('desk_today'));
    await settle(page);
    await typeInto(page, '搜索', NOTE);
    const row = await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === NOTE),
      'the phone\'s request among the open requests', 20000);
    await snap(page, 'desk today: the request from a resident phone');
    assert(row.y > 0, 'the request row is on screen');
    // The office holds the phone's form with the resident's strokes, as drawn.
    const office = JSON.parse(await ccall(page, 'bm_test_events_file')).events;
    const form = office.find((e) => e.id.device === phoneId && e.type === 'entrustment_registered');
    assert(form, 'the phone\'s entrustment form in the office\'s store');
    assert(form.data.signature.length >= 1 && form.data.signature[0].length >= 2,
      `the form's signature strokes: ${JSON.stringify(form.data.signature).slice(0, 200)}`);
    assertEqual(form.data.item_id, office.find((e) => e.id.device === phoneId && e.type === 'service_requested').data.item_id,
      'the form and the request are for the same item');
  }, { timeoutMs: 240000 });
}
