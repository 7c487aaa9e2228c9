// Strings of exchanging files with the office: screen_exchange.cpp and the import
// helper runtime/bundle_import.cpp (also shown on the set-up screen).
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kExchangeEntries[] = {
    {"exchange.store_failed", "保存导入的数据失败，什么都没有改变：{0}", "Saving the imported events failed; nothing changed: {0}"},
    {"exchange.export_heading", "导出数据文件", "Export a data file"},
    {"exchange.export_hint", "导出的文件交给管理处（或由管理处交给设备），在另一台设备上导入。",
     "Take the exported file to the office (or from the office to the device) and import it there."},
    {"exchange.kind", "文件类型", "Kind of file"},
    {"exchange.kind_full", "全部数据（办公室完整数据）", "Everything (office full)"},
    {"exchange.kind_delta", "给某台设备的增量数据", "What one device has not seen (delta)"},
    {"exchange.kind_resident", "某户住户的数据文件", "One household's file (resident)"},
    {"exchange.for_device", "给哪台设备", "For which device"},
    {"exchange.seen_known", "该设备上次报告已有 {0} 条记录", "That device last reported holding {0} events"},
    {"exchange.seen_unknown", "还没收到过该设备的文件：导出它缺少的全部数据", "No file from that device yet: exporting everything it lacks"},
    {"exchange.household", "哪一户", "Which household"},
    {"exchange.no_devices", "没有其他已登记的设备。", "No other registered device."},
    {"exchange.no_households", "还没有登记住户。", "No household is registered yet."},
    {"exchange.resident_export_hint", "导出本户在本设备上办理的事项，交给管理处。",
     "Exports what this household did on this device, for the office."},
    {"exchange.export", "导出并下载", "Export and download"},
    {"exchange.exporting", "正在计算文件摘要…", "Computing the file's digest…"},
    {"exchange.exported", "已导出 {0}（{1} 条记录）", "Exported {0} ({1} events)"},
    {"exchange.last_export", "上次导出：", "Last export:"},
    {"exchange.never_exported", "从未导出", "never"},
    {"exchange.import_heading", "导入数据文件", "Import a data file"},
    {"exchange.import_hint", "选择文件，或把文件拖到页面上。同一个文件导入两次不会重复。",
     "Choose a file, or drop it onto the page. Importing the same file twice changes nothing."},
    {"exchange.import", "选择文件导入", "Choose a file to import"},
    {"exchange.busy", "正在导入另一个文件，请稍候", "Another file is being imported: wait a moment"},
    {"exchange.read_failed", "浏览器无法读取这个文件", "The browser could not read this file"},
    {"exchange.no_crypto", "此设备不能计算文件摘要：请用 HTTPS 地址（或本机 localhost）打开本应用。",
     "This device cannot compute file digests: open the app through its HTTPS address (or localhost)."},
    {"exchange.not_writable", "本页面现在不能保存（见页面上方的提示），什么都没有导入。",
     "This page cannot save now (see the notice at the top): nothing was imported."},
    {"exchange.stage_reading", "正在读取 {0}…", "Reading {0}…"},
    {"exchange.stage_checking", "正在检查 {0}…", "Checking {0}…"},
    {"exchange.stage_writing", "正在保存 {0}…", "Saving {0}…"},
    {"exchange.summary_heading", "导入完成", "Import finished"},
    {"exchange.summary_new", "新记录：", "New events:"},
    {"exchange.summary_duplicates", "已有而跳过：", "Duplicates skipped:"},
    {"exchange.summary_conflicts", "发现修改冲突：", "Conflicts found:"},
    {"exchange.summary_line", "导入完成：新记录 {0} 条，跳过重复 {1} 条，发现冲突 {2} 处",
     "Imported: {0} new events, {1} duplicates skipped, {2} conflicts found"},
    {"exchange.conflicts_hint", "有待处理的修改冲突：管理处经理在“修改冲突”页中选择保留的值。",
     "Some edits conflict: the office manager chooses the value to keep on the Conflicts screen."},
    {"exchange.rejected_heading", "文件被拒绝", "File refused"},
    {"exchange.rejected_hint", "整个文件都没有导入，本设备的数据没有任何改变。原因：",
     "Nothing of the file was imported; this device's data is unchanged. Why:"},
    {"exchange.store_heading", "本设备的数据", "This device's data"},
    {"exchange.device", "本设备编号：", "This device:"},
    {"exchange.events", "记录条数：", "Events held:"},
};

}  // namespace

extern const StringTable kExchangeStrings{kExchangeEntries};

}  // namespace bianmin::i18n
