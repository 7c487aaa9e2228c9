// Files: downloads are named by the app and CSV has a BOM and proper quoting; imports
// through the file picker and drag-and-drop reach C++ with name and bytes; large files
// report progress. [platform: web/platform/files.*, web/ui/csv.*]
import { readFileSync } from 'node:fs';

import { assert, assertEqual } from '../lib/assert.mjs';
import { clickItem, focusField, openGallery, waitForFieldValue, waitForItems } from '../lib/widgets.mjs';

const BOM = '\ufeff';

async function download(page, buttonLabel) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), clickItem(page, buttonLabel, 'button')]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

export default function (test) {
  test('CSV export of a searched table: UTF-8 with BOM, Chinese headers, only the rows shown', async ({ page, open }) => {
    await openGallery(open, 'table');
    await focusField(page, '搜索');
    await page.keyboard.type('000123');
    await waitForFieldValue(page, '搜索', '000123');
    await waitForItems(page, (list) => list.find((i) => i.label === '找到 1 行（共 200,000 行）'), 'one row found');
    const { name, text } = await download(page, '导出 CSV');
    assertEqual(name, 'gallery-rows.csv', 'file name given by the app');
    assert(text.startsWith(BOM), `no byte-order mark: ${JSON.stringify(text.slice(0, 10))}`);
    const lines = text.slice(1).split('\r\n');
    assertEqual(lines[0], '编号,住户,房号,服务,金额', 'header line');
    assert(/^000123,[^,]+,\d+栋\d+室,[^,]+,\d+\.\d\d元$/.test(lines[1]), `data line: ${lines[1]}`);
    assertEqual(lines.length, 3, 'header, one row and the final line end');
    await waitForItems(page, (list) => list.find((i) => i.label === '已导出 gallery-rows.csv'), 'export announced');
    assertEqual(await page.evaluate(() => document.getElementById('status').textContent), '已导出 gallery-rows.csv',
      'aria-live announcement');
  });

  test('CSV quoting: commas and quotes escaped, formulas neutralised', async ({ page, open }) => {
    await openGallery(open, 'files');
    const { name, text } = await download(page, '下载示例 CSV');
    assertEqual(name, '便民-示例.csv', 'file name');
    assert(text.startsWith(BOM), 'byte-order mark');
    const lines = text.slice(1).split('\r\n');
    assertEqual(lines[1], '王伟,桶装水,12.50', 'plain row');
    assertEqual(lines[2], '"李""小""芳, 3栋",家政服务,-8.00', 'quoted row (negative number kept as a number)');
    assertEqual(lines[3], "'=1+1,,0.00", 'formula neutralised');
  });

  test('a file chosen in the picker reaches C++ with its name and bytes', async ({ page, open }) => {
    await openGallery(open, 'files');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 10000 }), clickItem(page, '导入文件', 'button')]);
    const content = '{"kind":"bianmin-exchange","note":"101室 王芳"}\n';
    await chooser.setFiles({ name: '101室-请求.json', mimeType: 'application/json', buffer: Buffer.from(content) });
    await waitForItems(page, (list) => list.find((i) => i.label === '101室-请求.json'), 'file name shown');
    const list = await waitForItems(page, (l) => l.find((i) => i.label === String(Buffer.byteLength(content))) && l, 'byte count');
    assert(list.some((i) => i.label === content.trim()), 'first line shown as read');
    assertEqual(await page.evaluate(() => document.getElementById('status').textContent),
      `已读取文件 101室-请求.json（${Buffer.byteLength(content)} 字节）`, 'aria-live announcement');
  });

  test('a file dropped onto the page is imported; a large one reports progress', async ({ page, open }) => {
    await openGallery(open, 'files');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['第一行,拖放\nsecond\n'], '拖放.csv', { type: 'text/csv' }));
      const canvas = document.getElementById('canvas');
      canvas.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      canvas.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitForItems(page, (list) => list.find((i) => i.label === '拖放.csv'), 'dropped file name');
    await waitForItems(page, (list) => list.find((i) => i.label === '第一行,拖放'), 'dropped file content');
    // 48 MB (made in the page: cheaper than sending it over the DevTools protocol): the
    // browser reads it in chunks and reports progress on the way.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(48 * 1024 * 1024).fill(97)], 'big.txt', { type: 'text/plain' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitForItems(page, (list) => list.find((i) => i.label === '50,331,648'), 'the large file arrived', 60000);
    const list = await waitForItems(page, (l) => l.find((i) => i.label === '2') && l, 'files count 2');
    const progress = list.find((i, n) => list[n - 1] && list[n - 1].label === '读取进度报告：');
    assert(progress && Number(progress.label) >= 1, `no progress reported for 48 MB: ${progress && progress.label}`);
  }, { timeoutMs: 150000 });
}
