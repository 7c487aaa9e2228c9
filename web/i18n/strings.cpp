// The translation table: key, Chinese, English. Keys are grouped by screen.
#include "i18n/i18n.h"

namespace bianmin::i18n {

extern const Entry kEntries[] = {
    // App frame
    {"app.title", "便民服务", "Bianmin Services"},
    {"app.subtitle", "小区便民服务台", "The estate's convenience-service desk"},
    {"app.switch_language", "English", "中文"},
    {"app.language_switched", "已切换为中文", "Switched to English"},
    {"app.version", "版本", "Version"},
    {"app.offline_ready", "离线也可使用", "Works offline"},
};

extern const int kEntryCount = sizeof(kEntries) / sizeof(kEntries[0]);

}  // namespace bianmin::i18n
