// Storage codec — the byte layout of a "segment": many records in one buffer.
//
// A segment is what a chunk record in IndexedDB carries (after its 24-byte header, see
// docs/STORAGE.md) and what JavaScript hands to C++ when loading. Little-endian:
//
//   u32 device_count, then device_count × { u16 length, UTF-8 bytes }
//   u32 record_count, then record_count × { u16 device_index, u32 seq_low, u32 seq_high,
//                                           u32 length, bytes }
//
// Devices are listed once per segment because a chunk holds thousands of records of a
// handful of devices. web/platform/library_storage_format.js reads and writes the same
// layout; the browser tests write with one side and read with the other.
//
// A load buffer is a run of sources: { u32 source_id, u32 length, segment }, where
// source_id is the IndexedDB key of the chunk it came from (0: loose records).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "platform/storage.h"

namespace bianmin::storage::codec {

inline constexpr std::size_t kMaxDeviceBytes = 0xFFFF;

// Appends the segment of these records to out. Records are written in the given order.
void encode_segment(std::span<const RecordView> records, std::string& out);

// Appends the records of a segment to out (views into bytes). Returns "" or, if the
// segment is malformed, why — and then out is left as it was.
std::string decode_segment(std::span<const std::uint8_t> bytes, std::vector<RecordView>& out);

struct Source {
    std::uint32_t id = 0;
    std::span<const std::uint8_t> bytes;
};

// Splits a load buffer into its sources. Returns "" or why the buffer is malformed
// (sources found before the fault are kept in out).
std::string split_sources(std::span<const std::uint8_t> buffer, std::vector<Source>& out);

}  // namespace bianmin::storage::codec
