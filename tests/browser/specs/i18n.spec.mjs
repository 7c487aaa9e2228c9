// The translation table is complete, and no screen shows an untranslated key, in either
// language. Dates and money follow the language. [platform: web/i18n/]
import { assert, assertEqual } from '../lib/assert.mjs';
import {
  assertNoUntranslated, ccall, clickItem, focusField, items, openGallery, waitForFieldValue, waitForItems,
} from '../lib/widgets.mjs';

const HAN = /[\u3400-\u9fff]/;
// Keys whose English text shows Chinese on purpose: an example of what a Chinese-only field
// takes (the estate's Chinese name), which would be wrong in any other script.
const CHINESE_EXAMPLES = new Set(['setup.name_zh_placeholder']);
const placeholders = (text) => [...text.matchAll(/\{(\d)\}/g)].map((m) => m[1]).sort().join();

// Every tab of the gallery in the current language: [tab label, a label its page shows].
async function walkGallery(page, tabs) {
  const seen = [];
  for (const [tab, marker] of tabs) {
    await clickItem(page, tab, 'tab');
    seen.push(...await waitForItems(page, (list) => list.some((i) => i.label === marker) && list, `${tab} page`));
  }
  return seen;
}

export default function (test) {
  test('every translation key has Chinese and English text with the same placeholders', async ({ page, open }) => {
    await open();
    const table = JSON.parse(await ccall(page, 'bm_test_i18n_table'));
    assert(table.length >= 50, `only ${table.length} keys`);
    const keys = new Set();
    const problems = [];
    for (const { key, zh, en } of table) {
      if (keys.has(key)) problems.push(`${key}: listed twice`);
      keys.add(key);
      if (!zh.trim()) problems.push(`${key}: no Chinese`);
      if (!en.trim()) problems.push(`${key}: no English`);
      if (placeholders(zh) !== placeholders(en)) problems.push(`${key}: placeholders differ (${zh} / ${en})`);
      // English text with Han characters is a copy-paste slip, except a language's own name
      // and an example of Chinese input.
      if (HAN.test(en) && !/^(中文|English)$/.test(en) && !CHINESE_EXAMPLES.has(key)) problems.push(`${key}: Chinese in the English text: ${en}`);
    }
    assert(problems.length === 0, problems.join('\n'));
  });

  test('switching language shows no untranslated key on any screen', async ({ page, open }) => {
    await open();
    assertNoUntranslated(await items(page), 'home (zh)');
    await openGallery(open);
    const zh = await walkGallery(page, [['表格', '编号'], ['图表', '保本线 1000.00元'], ['签名', '业主签名'],
      ['文件', '导入文件'], ['输入', '姓名']]);
    assertNoUntranslated(zh, 'gallery (zh)');
    assert(zh.some((i) => i.label === '桶装水 · 本月: 1280.00元'), 'a chart bar in Chinese');
    assert(await page.evaluate(() => window.bianmin.setLang('en')), 'setLang(en)');
    const en = await walkGallery(page, [['Table', 'No.'], ['Chart', 'Break-even ¥1000.00'],
      ['Signature', "Resident's signature"], ['Files', 'Import a file'], ['Fields', 'Name']]);
    assertNoUntranslated(en, 'gallery (en)');
    assert(en.some((i) => i.label === 'Bottled water · This month: ¥1280.00'), 'a chart bar in English');
    const stillChinese = en.filter((i) => HAN.test(i.label) && i.kind !== 'table-cell' && i.label !== '中文');
    assert(stillChinese.length === 0, `Chinese left on the English screen: ${stillChinese.map((i) => i.label).join(', ')}`);
    assertEqual(await page.evaluate(() => document.documentElement.lang), 'en', '<html lang>');
    await page.evaluate(() => window.bianmin.setLang('zh'));
    assertNoUntranslated(await items(page), 'gallery back in Chinese');
  });

  test('money and dates are formatted for the language as they are typed', async ({ page, open }) => {
    await openGallery(open);
    await focusField(page, '金额');
    await page.keyboard.type('12.5');
    await waitForItems(page, (list) => list.find((i) => i.label === '= 12.50元'), 'Chinese money');
    await focusField(page, '日期');
    await page.keyboard.type('2024-2-29');
    await waitForItems(page, (list) => list.find((i) => i.label === '2024年2月29日 星期四'), 'Chinese date');
    await page.evaluate(() => window.bianmin.setLang('en'));
    await waitForItems(page, (list) => list.find((i) => i.label === '= ¥12.50'), 'English money');
    await waitForItems(page, (list) => list.find((i) => i.label === '29 Feb 2024 Thursday'), 'English date');
    // Not an amount / not a date: an inline message under the field, nothing accepted.
    await focusField(page, 'Amount');
    await page.keyboard.type('5');  // 12.55
    await page.keyboard.type('5');  // 12.555: three decimals
    await waitForFieldValue(page, 'Amount', '12.555');
    await waitForItems(page, (list) => list.find((i) => i.label.startsWith('Enter an amount of 0 or more')), 'money error');
    await focusField(page, 'Date');
    await page.keyboard.press('End');  // the click put the caret where it landed
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('30');
    await waitForFieldValue(page, 'Date', '2024-2-30');
    await waitForItems(page, (list) => list.find((i) => i.label === 'Enter a real date, e.g. 2024-03-05'), 'date error');
  });
}
