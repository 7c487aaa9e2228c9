// Storage banner — one or more coloured lines at the top of the app when saving is not
// normal (read-only tab, full disk, failed writes, database closed) and for warnings that
// do not stop work (damaged records set aside, no persistent storage, days unexported).
// Lines are in the current language and reported to the test hook as kind "text".
#pragma once

namespace bianmin::storage_banner {

// Draws nothing when all is well. unsynced_days: see storage::warnings().
void draw(int unsynced_days = 7);

}  // namespace bianmin::storage_banner
