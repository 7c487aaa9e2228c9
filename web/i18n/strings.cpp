// The translation table: key, Chinese, English. Keys are grouped by screen.
#include "i18n/i18n.h"

namespace bianmin::i18n {

namespace {

const Entry kEntries[] = {
    // App frame
    {"app.title", "便民服务", "Bianmin Services"},
    {"app.subtitle", "小区便民服务台", "The estate's convenience-service desk"},
    {"app.switch_language", "English", "中文"},
    {"app.language_switched", "已切换为中文", "Switched to English"},
    {"app.version", "版本", "Version"},
    {"app.offline_ready", "离线也可使用", "Works offline"},

    // Platform chrome (web/ui/app_chrome.cpp)
    {"chrome.insecure",
     "当前地址不是安全连接（HTTPS）：本设备不能离线启动，也不能使用剪贴板和 PIN 加密。请向管理处要 HTTPS 地址（https://…）后再打开。",
     "This address is not a secure connection (HTTPS): this device cannot start the app offline, use the "
     "clipboard or hash PINs. Ask the office for the HTTPS address (https://…) and open that instead."},
    {"chrome.font_size", "字号", "Text size"},
    {"chrome.font_smaller", "A−", "A−"},
    {"chrome.font_larger", "A+", "A+"},
    {"chrome.font_default", "默认", "Default"},
    {"chrome.font_size_now", "字号：{0}", "Text size: {0}"},

    // Dates (web/i18n/format.cpp)
    {"date.sunday", "星期日", "Sunday"},
    {"date.monday", "星期一", "Monday"},
    {"date.tuesday", "星期二", "Tuesday"},
    {"date.wednesday", "星期三", "Wednesday"},
    {"date.thursday", "星期四", "Thursday"},
    {"date.friday", "星期五", "Friday"},
    {"date.saturday", "星期六", "Saturday"},

    // Form fields (web/ui/fields.cpp)
    {"field.money_placeholder", "例如 12.50", "e.g. 12.50"},
    {"field.money_invalid", "请输入金额，最多两位小数，例如 12.50", "Enter an amount with at most two decimals, e.g. 12.50"},
    {"field.money_invalid_positive", "请输入不小于 0 的金额，最多两位小数，例如 12.50",
     "Enter an amount of 0 or more with at most two decimals, e.g. 12.50"},
    {"field.date_placeholder", "例如 2024-03-05", "e.g. 2024-03-05"},
    {"field.date_invalid", "请输入有效日期，例如 2024-03-05", "Enter a real date, e.g. 2024-03-05"},
    {"field.today", "今天", "Today"},
    {"field.search_placeholder", "搜索…", "Search…"},

    // Tables (web/ui/data_table.cpp)
    {"table.search", "搜索", "Search"},
    {"table.rows", "共 {0} 行", "{0} rows"},
    {"table.rows_found", "找到 {0} 行（共 {1} 行）", "{0} of {1} rows"},
    {"table.export_csv", "导出 CSV", "Export CSV"},
    {"table.exported", "已导出 {0}", "Exported {0}"},

    // Signature pad (web/ui/signature_pad.cpp)
    {"signature.prompt", "请在此签名", "Sign here"},
    {"signature.clear", "清除签名", "Clear signature"},
    {"signature.view", "签名", "Signature"},
    // The session's refusals (runtime/session.cpp)
    {"session.importing", "正在导入数据，请稍候再试", "An import is in progress; try again in a moment"},
    {"session.read_only", "本页面现在只能查看，不能保存修改（见页面上方的提示）",
     "This page cannot save changes now (see the notice at the top)"},
    {"session.not_signed_in", "请先登录", "Please sign in first"},

    // Files (web/platform/files.h users)
    {"files.import", "导入文件", "Import a file"},
    {"files.imported", "已读取文件 {0}（{1} 字节）", "Read {0} ({1} bytes)"},
    {"files.import_failed", "无法读取文件 {0}", "Could not read {0}"},

    // TEST-ONLY widget gallery (web/screens/screen_gallery.cpp)
    {"gallery.title", "控件示例", "Widget gallery"},
    {"gallery.test_only", "仅供自动测试使用的页面。", "A page for automated tests only."},
    {"gallery.tab_fields", "输入", "Fields"},
    {"gallery.tab_table", "表格", "Table"},
    {"gallery.tab_chart", "图表", "Chart"},
    {"gallery.tab_signature", "签名", "Signature"},
    {"gallery.tab_files", "文件", "Files"},
    {"gallery.name", "姓名", "Name"},
    {"gallery.name_placeholder", "业主姓名", "Resident's name"},
    {"gallery.name_required", "请填写姓名", "Enter a name"},
    {"gallery.echo", "已输入：", "Typed:"},
    {"gallery.phone", "电话", "Phone"},
    {"gallery.phone_invalid", "电话号码应为 7 到 13 位数字", "A phone number has 7 to 13 digits"},
    {"gallery.note", "备注", "Note"},
    {"gallery.amount", "金额", "Amount"},
    {"gallery.date", "日期", "Date"},
    {"gallery.service", "服务项目", "Service"},
    {"gallery.agree", "业主已确认", "Resident confirmed"},
    {"gallery.agree_required", "请先请业主确认", "Ask the resident to confirm first"},
    {"gallery.submit", "提交", "Submit"},
    {"gallery.saved", "已保存", "Saved"},
    {"gallery.has_errors", "有内容需要修改，见红色提示", "Some entries need correcting (in red)"},
    {"gallery.tap_me", "点我", "Tap me"},
    {"gallery.tap_count", "已点击 {0} 次", "Tapped {0} times"},
    {"gallery.context_action", "上下文操作", "Context action"},
    {"gallery.context_count", "上下文菜单 {0} 次", "Context menu {0} times"},
    {"gallery.item_water", "桶装水", "Bottled water"},
    {"gallery.item_cleaning", "家政服务", "Housekeeping"},
    {"gallery.item_parking", "车位租赁", "Parking space"},
    {"gallery.item_broadband", "宽带代办", "Broadband"},
    {"gallery.col_number", "编号", "No."},
    {"gallery.col_name", "住户", "Resident"},
    {"gallery.col_room", "房号", "Room"},
    {"gallery.col_service", "服务", "Service"},
    {"gallery.col_amount", "金额", "Amount"},
    {"gallery.building_room", "{0}栋{1}室", "Bldg {0} Rm {1}"},
    {"gallery.row_chosen", "已选择第 {0} 行", "Row {0} chosen"},
    {"gallery.chart_title", "本月收入（与上月及保本线比较）", "This month's income (vs last month and break-even)"},
    {"gallery.this_month", "本月", "This month"},
    {"gallery.last_month", "上月", "Last month"},
    {"gallery.break_even", "保本线", "Break-even"},
    {"gallery.signature", "业主签名", "Resident's signature"},
    {"gallery.signature_taken", "已签名", "Signed"},
    {"gallery.signature_cleared", "签名已清除", "Signature cleared"},
    {"gallery.signature_counts", "{0} 笔，{1} 个点", "{0} strokes, {1} points"},
    {"gallery.signature_small", "缩小显示：", "Shown small:"},
    {"gallery.files_hint", "选择文件，或把文件拖到页面上。", "Choose a file, or drop one onto the page."},
    {"gallery.download_sample", "下载示例 CSV", "Download a sample CSV"},
    {"gallery.sample_filename", "便民-示例.csv", "bianmin-sample.csv"},
    {"gallery.files_count", "已导入文件数：", "Files imported:"},
    {"gallery.last_file", "文件名：", "File:"},
    {"gallery.file_size", "字节数：", "Bytes:"},
    {"gallery.first_line", "第一行：", "First line:"},
    {"gallery.progress_reports", "读取进度报告：", "Progress reports:"},
};

}  // namespace

extern const StringTable kPlatformStrings{kEntries};

}  // namespace bianmin::i18n
