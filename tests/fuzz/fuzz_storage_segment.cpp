// Fuzz target: the storage load buffer (web/platform/storage_codec.h) — what JavaScript
// hands to C++ when the app opens: sources, each a segment of records. The bytes come
// from IndexedDB, where a torn write or bit rot can leave anything.
// Properties: decoding never reads out of bounds (AddressSanitizer); a refused segment
// leaves the output as it was; the records of an accepted segment, encoded again,
// decode to the same records.
#include <span>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "platform/storage_codec.h"

using namespace bianmin;
namespace codec = bianmin::storage::codec;

namespace {

bool same_records(const std::vector<storage::RecordView>& a, const std::vector<storage::RecordView>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].device != b[i].device || a[i].seq != b[i].seq || a[i].bytes != b[i].bytes) return false;
    return true;
}

void check_segment(std::span<const std::uint8_t> bytes) {
    std::vector<storage::RecordView> records{storage::RecordView{"sentinel", 1, "kept"}};
    const std::string why = codec::decode_segment(bytes, records);
    if (!why.empty()) {
        fuzz::require(records.size() == 1 && records[0].device == "sentinel", "a refused segment leaves the output as it was");
        return;
    }
    records.erase(records.begin());
    std::string encoded;
    codec::encode_segment(records, encoded);
    std::vector<storage::RecordView> again;
    const auto* encoded_bytes = reinterpret_cast<const std::uint8_t*>(encoded.data());
    fuzz::require(codec::decode_segment({encoded_bytes, encoded.size()}, again).empty(), "an encoded segment decodes");
    fuzz::require(same_records(records, again), "decode(encode(records)) gives the same records");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::span<const std::uint8_t> buffer(data, size);
    check_segment(buffer);  // the bytes as one segment
    std::vector<codec::Source> sources;
    const std::string why = codec::split_sources(buffer, sources);
    std::size_t covered = 0;
    for (const auto& source : sources) {
        fuzz::require(source.bytes.data() >= data && source.bytes.data() + source.bytes.size() <= data + size,
                      "a source lies inside the load buffer");
        covered += 8 + source.bytes.size();
        check_segment(source.bytes);
    }
    if (why.empty()) fuzz::require(covered == size, "an accepted load buffer is exactly its sources");
    return 0;
}
