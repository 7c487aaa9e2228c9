// What the storage status means to a person, in Chinese and English: one sentence per
// code that says what happened and what to do, and the warnings that do not stop work.
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "platform/storage.h"

namespace bianmin::storage {
namespace {

struct Text {
    Code code;
    const char* name;
    const char* zh;
    const char* en;
};

constexpr Text kTexts[] = {
    {Code::ok, "ok", "所有修改已保存在本机", "All changes are saved on this device"},
    {Code::opening, "opening", "正在读取本机数据…", "Reading the data on this device…"},
    {Code::blocked, "blocked",
     "另一个旧版便民服务标签页挡住了数据升级：请关闭其他便民服务标签页",
     "An older Bianmin tab is holding the data back: close the other Bianmin tabs"},
    {Code::unavailable, "unavailable",
     "此浏览器无法在本机保存数据（可能是隐私模式）：现在只能查看，修改不会保存",
     "This browser cannot store data here (private mode?): you can look, but changes are not saved"},
    {Code::newer_version, "newer_version",
     "本机数据来自更新版本的便民服务：请刷新页面以加载新版本",
     "The data here was written by a newer Bianmin: reload the page to get it"},
    {Code::version_change, "version_change",
     "便民服务已在另一个标签页中更新：请刷新本页后再继续",
     "Bianmin was updated in another tab: reload this page to go on"},
    {Code::closed, "closed",
     "浏览器关闭了本机数据库（可能清除了网站数据）：请刷新页面；未保存的修改请先导出",
     "The browser closed the database (site data cleared?): reload; export unsaved changes first"},
    {Code::read_only_other_tab, "read_only_other_tab",
     "便民服务已在另一个标签页中打开，本页只能查看：请在那个标签页操作，或关闭它",
     "Bianmin is open in another tab, so this one is read-only: work there, or close it"},
    {Code::quota_exceeded, "quota_exceeded",
     "本机存储空间已满，最近的修改还没有保存（仍保留在本页）：请导出给办公室并释放空间，不要关闭本页",
     "The device's storage is full; recent changes are not saved yet (kept in this page): "
     "export to the office and free some space, and do not close this page"},
    {Code::write_failed, "write_failed",
     "保存失败，正在重试；修改仍保留在本页：请不要关闭本页，必要时先导出",
     "Saving failed and is being retried; the changes are kept in this page: do not close it, "
     "export them if this goes on"},
};

const Text& text_of(Code code) {
    for (const Text& t : kTexts)
        if (t.code == code) return t;
    return kTexts[0];
}

std::string format(const char* pattern, double value) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

}  // namespace

std::string message(Code code, i18n::Lang lang) {
    const Text& t = text_of(code);
    return lang == i18n::Lang::Zh ? t.zh : t.en;
}

const char* code_name(Code code) { return text_of(code).name; }

std::vector<std::string> warnings(i18n::Lang lang, double now_ms, int unsynced_days) {
    const Status& s = status();
    const bool zh = lang == i18n::Lang::Zh;
    std::vector<std::string> out;
    if (!s.loaded) return out;
    if (s.quarantined > 0) {
        out.push_back(format(zh ? "发现 %.0f 条损坏的记录，已另外保存（没有删除）：请告诉办公室"
                                : "%.0f damaged records were found and set aside (not deleted): tell the office",
                             double(s.quarantined)));
    }
    if (s.persistence == Persistence::denied) {
        out.push_back(zh ? "浏览器没有给本站持久存储：久不使用时数据可能被清除，请经常导出给办公室"
                         : "The browser did not grant persistent storage: unused data may be cleared, "
                           "so export to the office often");
    }
    if (s.quota_bytes > 0 && s.usage_bytes >= 0.9 * s.quota_bytes) {
        out.push_back(format(zh ? "本机存储空间已用 %.0f%%：请导出给办公室并释放空间"
                                : "%.0f%% of the storage is used: export to the office and free some space",
                             std::floor(100.0 * s.usage_bytes / s.quota_bytes)));
    }
    if (s.unsynced_since_ms > 0 && unsynced_days > 0) {
        const double days = (now_ms - s.unsynced_since_ms) / 86400000.0;
        if (days >= unsynced_days) {
            out.push_back(format(zh ? "本机有 %.0f 天前的修改还没有导出给办公室：请尽快导出"
                                    : "Changes from %.0f days ago are not exported to the office yet: export soon",
                                 std::floor(days)));
        }
    }
    if (!s.tab_lock) {
        out.push_back(zh ? "此连接不安全，无法防止两个标签页同时修改：请只开一个便民服务标签页"
                         : "This connection is not secure, so two tabs cannot be kept from editing at once: "
                           "keep one Bianmin tab open");
    }
    return out;
}

}  // namespace bianmin::storage
