// Strings of the store on this device: the status line and the warnings that do not stop
// work (web/platform/storage_status.cpp), each saying what happened and what to do.
#include "i18n/i18n.h"

namespace bianmin::i18n {
namespace {

const Entry kStorageEntries[] = {
    {"storage.ok", "所有修改已保存在本机", "All changes are saved on this device"},
    {"storage.opening", "正在读取本机数据…", "Reading the data on this device…"},
    {"storage.blocked", "另一个旧版便民服务标签页挡住了数据升级：请关闭其他便民服务标签页",
     "An older Bianmin tab is holding the data back: close the other Bianmin tabs"},
    {"storage.unavailable", "此浏览器无法在本机保存数据（可能是隐私模式）：现在只能查看，修改不会保存",
     "This browser cannot store data here (private mode?): you can look, but changes are not saved"},
    {"storage.newer_version", "本机数据来自更新版本的便民服务：请刷新页面以加载新版本",
     "The data here was written by a newer Bianmin: reload the page to get it"},
    {"storage.version_change", "便民服务已在另一个标签页中更新：请刷新本页后再继续",
     "Bianmin was updated in another tab: reload this page to go on"},
    {"storage.closed", "浏览器关闭了本机数据库（可能清除了网站数据）：请刷新页面；未保存的修改请先导出",
     "The browser closed the database (site data cleared?): reload; export unsaved changes first"},
    {"storage.read_only_other_tab", "便民服务已在另一个标签页中打开，本页只能查看：请在那个标签页操作，或关闭它",
     "Bianmin is open in another tab, so this one is read-only: work there, or close it"},
    {"storage.quota_exceeded",
     "本机存储空间已满，最近的修改还没有保存（仍保留在本页）：请导出给办公室并释放空间，不要关闭本页",
     "The device's storage is full; recent changes are not saved yet (kept in this page): "
     "export to the office and free some space, and do not close this page"},
    {"storage.write_failed", "保存失败，正在重试；修改仍保留在本页：请不要关闭本页，必要时先导出",
     "Saving failed and is being retried; the changes are kept in this page: do not close it, "
     "export them if this goes on"},
    // Warnings
    {"storage.warn_discarded",
     "浏览器丢弃了本机保存的数据（至少 {0} 条记录）：请从办公室导入最新的数据文件，上次导出之后的修改须重新录入",
     "The browser threw away the data stored on this device ({0} records or more): import the office's latest "
     "file, and enter again what changed since the last export"},
    {"storage.warn_quarantined", "发现 {0} 条损坏的记录，已另外保存（没有删除）：请告诉办公室",
     "{0} damaged records were found and set aside (not deleted): tell the office"},
    {"storage.warn_not_persistent", "浏览器没有给本站持久存储：久不使用时数据可能被清除，请经常导出给办公室",
     "The browser did not grant persistent storage: unused data may be cleared, so export to the office often"},
    {"storage.warn_full", "本机存储空间已用 {0}%：请导出给办公室并释放空间",
     "{0}% of the storage is used: export to the office and free some space"},
    {"storage.warn_unsynced", "本机有 {0} 天前的修改还没有导出给办公室：请尽快导出",
     "Changes from {0} days ago are not exported to the office yet: export soon"},
    {"storage.warn_no_tab_lock", "此连接不安全，无法防止两个标签页同时修改：请只开一个便民服务标签页",
     "This connection is not secure, so two tabs cannot be kept from editing at once: keep one Bianmin tab open"},
};

}  // namespace

extern const StringTable kStorageStrings{kStorageEntries};

}  // namespace bianmin::i18n
