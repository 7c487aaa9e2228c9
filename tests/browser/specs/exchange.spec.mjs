// Exchange files between browsers (issue 4 "Tests", issue 7 "Security"): an office
// export imported into a fresh browser profile holds the same events; the same file twice
// adds nothing; a tampered, truncated or other-estate file is refused with a readable
// bilingual reason and the store is byte-for-byte unchanged (storage.digest()).
import { assert, assertEqual } from '../lib/assert.mjs';
import { choose, clickCell, session, submit, typeInto } from '../lib/serving.mjs';
import { digest } from '../lib/storage_helpers.mjs';
import { centre, clickAt, clickItem, downloadFrom, fieldValue, settle, waitForItems } from '../lib/widgets.mjs';
import { createEstate } from './access.spec.mjs';

async function exportFull(page) {
  await page.evaluate(() => window.bianmin.test.openScreen('exchange'));
  await settle(page);
  return downloadFrom(page, '导出并下载');
}

// Drops a file on the page's file input (the import listens while its screen shows).
async function importFile(page, file) {
  await page.setInputFiles('#bianmin-file-input', { name: file.name, mimeType: 'application/json', buffer: file.bytes });
}

// The value drawn right of the label (ui::label_value draws two text items on one line).
// With `expected`, waits until the value is that.
async function valueBeside(page, label, expected = null) {
  return waitForItems(page, (list) => {
    const l = list.find((i) => i.kind === 'text' && i.label === label);
    if (!l) return null;
    const v = list.find((i) => i.kind === 'text' && i !== l && Math.abs(i.y - l.y) < 4 && i.x > l.x);
    return v && (expected === null || v.label === expected) ? v.label : null;
  }, `the value beside ${label}${expected === null ? '' : ' = ' + expected}`, 20000);
}

// A second, fresh profile that joined with the office's full file, signed in at the exchange screen.
// `copy`: a page already open (for a device the office registered first), else a new one.
async function joinedCopy(newPage, open, file, copy = null) {
  if (!copy) {
    copy = await newPage();
    await open('', copy);
  }
  await settle(copy);
  await clickItem(copy, '加入小区（平板或手机）', 'tab');
  await importFile(copy, file);
  // With the estate in place the device leaves set-up for sign-in.
  await copy.waitForFunction(() => window.bianmin.session().estate === 'test-garden', null, { timeout: 30000 });
  await copy.evaluate(() => window.bianmin.test.signIn('om', 'office_manager'));
  await copy.evaluate(() => window.bianmin.test.openScreen('exchange'));
  await settle(copy);
  return copy;
}

async function registerDevice(page, id) {
  await page.evaluate(() => window.bianmin.test.openScreen('office_people'));
  await settle(page);
  await clickItem(page, '设备', 'tab');
  await typeInto(page, '设备编号', id);
  await typeInto(page, '设备名称', '前台平板');
  await choose(page, '设备类型', '办公/员工设备');
  await submit(page, '登记设备', '设备已登记');
}

// Sets the founder's window on the People screen (the one field staff edit in place).
async function setWindow(page, text) {
  await page.evaluate(() => window.bianmin.test.openScreen('office_people'));
  await settle(page);
  await clickItem(page, '员工', 'tab');
  await clickCell(page, 'om');
  await typeInto(page, '窗口/岗位', text);
  await submit(page, '保存窗口', '窗口已保存');
}

async function windowOf(page) {
  await page.evaluate(() => window.bianmin.test.openScreen('office_people'));
  await settle(page);
  await clickItem(page, '员工', 'tab');
  await clickCell(page, 'om');
  return fieldValue(page, '窗口/岗位');
}

export default function (test) {
  test('an office export imported into a fresh browser profile gives the same events; importing it twice adds nothing', async ({ page, open, newPage }) => {
    await createEstate(page, open);
    const file = await exportFull(page);
    assert(/^bianmin-test-garden-.+-office_full-\d{8}-\d{4}\.json$/.test(file.name), `file name ${file.name}`);
    const envelope = JSON.parse(file.bytes.toString('utf8'));
    assertEqual(envelope.digest.algorithm, 'SHA-256', 'digest algorithm');
    assert(/^[0-9a-f]{64}$/.test(envelope.digest.hex), `digest ${envelope.digest.hex}`);
    const original = await session(page);

    const copy = await joinedCopy(newPage, open, file);
    const copied = await session(copy);
    assertEqual(copied.events, original.events, 'events in the second profile');
    assertEqual(copied.estate, 'test-garden', 'estate in the second profile');
    assertEqual(await valueBeside(copy, '新记录：'), String(original.events), 'new events reported by the first import');

    const before = await digest(copy);
    await importFile(copy, file);
    // The first summary stays until the second replaces it: wait for its figures.
    assertEqual(await valueBeside(copy, '已有而跳过：', String(original.events)), String(original.events), 'duplicates skipped');
    assertEqual(await valueBeside(copy, '新记录：'), '0', 'new events on the second import');
    assertEqual((await session(copy)).events, original.events, 'events after importing twice');
    assertEqual(JSON.stringify(await digest(copy)), JSON.stringify(before), 'store digest after a duplicate import');
  }, { timeoutMs: 180000 });

  test('a tampered, truncated or other-estate file is refused with a reason and the store is unchanged', async ({ page, open, newPage }) => {
    await createEstate(page, open, { seed: false });
    const file = await exportFull(page);
    const copy = await joinedCopy(newPage, open, file);
    const events = (await session(copy)).events;
    const before = await digest(copy);
    const text = file.bytes.toString('utf8');

    const cases = [
      // The estate's name changed in an event, the digest left as it was.
      { what: 'tampered', bytes: Buffer.from(text.replace('测试花园', '别的花园')), reason: /校验值|digest/ },
      { what: 'truncated', bytes: file.bytes.subarray(0, Math.floor(file.bytes.length * 0.6)), reason: /./ },
      { what: 'other estate', bytes: Buffer.from(text.replaceAll('test-garden', 'other-garden')), reason: /./ },
    ];
    for (const c of cases) {
      await importFile(copy, { name: `${c.what}.json`, bytes: c.bytes });
      const list = await waitForItems(copy, (l) => l.some((i) => i.label === '文件被拒绝') && l.some((i) => i.label === `${c.what}.json`) && l,
        `the refusal of the ${c.what} file`, 30000);
      const heading = list.find((i) => i.label === '整个文件都没有导入，本设备的数据没有任何改变。原因：');
      assert(heading, `${c.what}: no explanation shown`);
      const reasons = list.filter((i) => i.kind === 'text' && i.y > heading.y && i.label.length > 3);
      assert(reasons.some((r) => c.reason.test(r.label)), `${c.what}: reasons shown ${JSON.stringify(reasons.map((r) => r.label))}`);
      assertEqual((await session(copy)).events, events, `${c.what}: event count`);
      assertEqual(JSON.stringify(await digest(copy)), JSON.stringify(before), `${c.what}: store digest`);
    }
    // The reason is bilingual: the same screen in English.
    await copy.evaluate(() => window.bianmin.setLang('en'));
    await waitForItems(copy, (l) => l.find((i) => i.label === 'File refused'), 'the English refusal');
  }, { timeoutMs: 180000 });
  test('two devices change the same field offline: the import shows the conflict, the manager keeps one value, and every device follows [issue 4 Conflicts]', async ({ page, open, newPage }) => {
    await createEstate(page, open, { seed: false });
    // A second office device, registered before it joins (an unregistered one may not edit).
    const tablet = await newPage();
    await open('', tablet);
    await registerDevice(page, (await session(tablet)).device);
    const copy = await joinedCopy(newPage, open, await exportFull(page), tablet);
    // The founder's window, set on each device without seeing the other's change.
    await setWindow(page, '1号窗口');
    await setWindow(copy, '2号窗口');

    const fromCopy = await exportFull(copy);
    await page.evaluate(() => window.bianmin.test.openScreen('exchange'));
    await settle(page);
    await importFile(page, fromCopy);
    assertEqual(await valueBeside(page, '发现修改冲突：'), '1', 'conflicts found by the import');
    // Until the manager chooses, the later edit shows.
    assertEqual(await windowOf(page), '2号窗口', 'the provisional value');

    await page.evaluate(() => window.bianmin.test.openScreen('conflicts'));
    await settle(page);
    const list = await waitForItems(page, (l) => l.some((i) => i.label === '1号窗口') && l.some((i) => i.label === '2号窗口') && l,
      'both values on the conflicts screen');
    const first = list.find((i) => i.label === '1号窗口');
    const keep = list.filter((i) => i.kind === 'button' && i.label === '保留此值' && i.y > first.y).sort((a, b) => a.y - b.y)[0];
    assert(keep, 'a 保留此值 button under the first value');
    const events = (await session(page)).events;
    await clickAt(page, centre(keep));
    await waitForItems(page, (l) => l.find((i) => i.label === '没有冲突：各设备的修改一致。'), 'no open conflict after the choice');
    assertEqual((await session(page)).events, events + 1, 'the choice is one event (conflict_resolved)');
    await waitForItems(page, (l) => l.find((i) => i.kind === 'table-cell' && i.label === '1号窗口'), 'the kept value among the resolved');
    assertEqual(await windowOf(page), '1号窗口', 'the value kept');

    // The choice travels: the other device takes the office's file and shows the same.
    const fromOffice = await exportFull(page);
    await copy.evaluate(() => window.bianmin.test.openScreen('exchange'));
    await settle(copy);
    await importFile(copy, fromOffice);
    await copy.waitForFunction((n) => window.bianmin.session().events === n, (await session(page)).events, { timeout: 30000 });
    assertEqual(await windowOf(copy), '1号窗口', 'the value on the other device');
  }, { timeoutMs: 240000 });
}
