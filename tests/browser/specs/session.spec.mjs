// The page's event log (web/runtime/session.cpp): stored events come back after a reload
// and project to the same state; the test shortcuts sign in and open screens. [issue 4]
import { assert, assertEqual } from '../lib/assert.mjs';
import { putLoose, report, status } from '../lib/storage_helpers.mjs';
import { clickItem, items, settle } from '../lib/widgets.mjs';

const session = (page) => page.evaluate(() => window.bianmin.session());

export default function (test) {
  test('a demo year loaded into the store is projected again after a reload', async ({ page, open }) => {
    await open();
    const empty = await session(page);
    assertEqual(empty.events, 0, 'events on a fresh device');
    assertEqual(empty.estate, '', 'estate on a fresh device');
    await page.evaluate(() => window.bianmin.test.loadDemo({ months: 3 }));
    const loaded = await session(page);
    assert(loaded.events > 500, `demo events: ${loaded.events}`);
    assertEqual(loaded.estate, 'demo-estate', 'estate after the demo');
    assertEqual(loaded.anomalies, 0, 'anomalies after the demo');
    await page.reload();
    await page.waitForFunction(() => window.bianmin && window.bianmin.ready);
    const reloaded = await session(page);
    assertEqual(reloaded.events, loaded.events, 'events after a reload');
    assertEqual(reloaded.unreadable, 0, 'unreadable records after a reload');
    assertEqual(reloaded.estate, 'demo-estate', 'estate after a reload');
  }, { timeoutMs: 120000 });

  test('signing in shows the role\'s navigation and signing out returns to sign-in', async ({ page, open }) => {
    await open();
    await page.evaluate(() => window.bianmin.test.loadDemo({ months: 1 }));
    await page.evaluate(() => window.bianmin.test.signIn('cs1', 'cashier'));
    const cashier = await items(page);
    assert(cashier.some((i) => i.kind === 'tab' && i.label === '收银'), 'the cashier sees the cashier screen');
    assert(!cashier.some((i) => i.kind === 'tab' && i.label === '调查与价目表'), 'the cashier does not see the office cycle');
    assertEqual((await session(page)).actor.person, 'cs1', 'signed-in person');
    await clickItem(page, '退出登录', 'button');
    await page.waitForFunction(() => !window.bianmin.session().actor);
    await page.evaluate(() => window.bianmin.nextFrame());
    assert(!(await items(page)).some((i) => i.kind === 'tab'), 'no navigation after signing out');
  }, { timeoutMs: 120000 });

  // storage::append refuses an own sequence number below the store's next one (numbers of
  // records set aside on load are never reused). The session must therefore number its next
  // edit after the store, not after the events it still holds, or the edit would be shown
  // but never saved.
  test('an edit after the device\'s newest record was set aside on load is saved and comes back [issue 4, 7]', async ({ page, open }) => {
    const signInAtWork = async () => {
      await page.evaluate(() => window.bianmin.test.signIn('ag1', 'assessment_group'));
      await page.evaluate(() => window.bianmin.test.openScreen('assessment'));
      await settle(page);
      await clickItem(page, '签到签退', 'tab');
      await settle(page);
      const before = (await session(page)).events;
      await clickItem(page, '上班签到', 'button');
      await settle(page);
      await page.waitForFunction(() => window.bianmin.pending() === 0, null, { timeout: 60000 });
      assertEqual((await session(page)).events, before + 1, 'the sign-in is an event');
    };
    await open();
    await page.evaluate(() => window.bianmin.test.loadDemo({ months: 1 }));
    await signInAtWork();
    const { device, nextSeq } = await status(page);
    const newest = nextSeq - 1;
    const events = (await session(page)).events;
    await putLoose(page, [device, newest], 'torn: not a stored record');

    await open();
    const load = await report(page);
    assertEqual(load.quarantinedNow, 1, `the damaged record is set aside: ${JSON.stringify(load.problems)}`);
    assertEqual((await session(page)).events, events - 1, 'events after the newest was set aside');
    assertEqual((await status(page)).nextSeq, nextSeq, 'its number stays used');

    await signInAtWork();  // the lost sign-in is made again
    const after = await status(page);
    assertEqual(after.nextSeq, nextSeq + 1, 'the new edit took the next unused number');

    await open();
    assertEqual((await session(page)).events, events, 'events after a reload: the new sign-in is there');
    const mine = (await page.evaluate(() => window.bianmin.storage.list())).filter((r) => r.device === device);
    assert(mine.some((r) => r.seq === nextSeq && r.text.includes('ag1')), `record ${nextSeq} is stored and is ag1's`);
  }, { timeoutMs: 180000 });
}
