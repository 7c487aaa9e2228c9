// The page's event log (web/runtime/session.cpp): stored events come back after a reload
// and project to the same state; the test shortcuts sign in and open screens. [issue 4]
import { assert, assertEqual } from '../lib/assert.mjs';
import { clickItem, items } from '../lib/widgets.mjs';

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
}
