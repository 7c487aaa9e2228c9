// Storage test API — window.bianmin.storage, only with ?test=1.
//
// Until the core's event log exists, this is the one consumer of the store: it keeps
// every record loaded, followed or appended (as text) so browser tests can append, reload
// and list. Members (all in web/platform/library_storage_test.js, docs/STORAGE.md):
//   append(text) → Promise<{device, seq}> on durability, or {refused: true}
//   appendMany(texts) → [seq or -1]         appendAs(device, seq, text) → like append
//   bulk(records) / bulkGenerated({...}) → Promise<{ok, detail, ms, progress}>
//   list(), status(), report(), acked(), pendingRecords(), retry(), setLastExport(ms),
//   timings() (loading stages), heapBytes()
//   compact() → Promise<{ok, detail}>       digest(), stored() → Promises (IndexedDB)
#pragma once

#include <span>

#include "platform/storage.h"

namespace bianmin::storage_test {

// The open() callback in test mode: remembers the records and the report.
void on_loaded(std::span<const storage::RecordView> records, const storage::LoadReport& report);

// Records another tab wrote (the session passes them on, see runtime/session.h).
void on_followed(std::span<const storage::RecordView> records);

// Installs window.bianmin.storage (test mode only).
void install();

}  // namespace bianmin::storage_test
