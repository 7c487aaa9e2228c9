// Storage keys — which (device, seq) keys this page already knows, as ranges.
//
// A read-only tab hears of new records from the writer tab and, when it becomes the
// writer, reads everything again; both must pass on only what is new. Sequence numbers
// of one device are mostly consecutive, so a set of [first, last] ranges per device stays
// tiny where a hash set of 200,000 keys would take megabytes.
#pragma once

#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <string_view>

namespace bianmin::storage {

class KnownKeys {
public:
    bool contains(std::string_view device, std::uint64_t seq) const;
    // True if the key was new (and is now known).
    bool insert(std::string_view device, std::uint64_t seq);
    // The highest seq known for a device, 0 if none.
    std::uint64_t highest(std::string_view device) const;
    std::size_t ranges() const;  // for tests of compactness

private:
    // Per device: first seq of a range → last seq of it; ranges never touch or overlap.
    std::map<std::string, std::map<std::uint64_t, std::uint64_t>, std::less<>> devices_;
};

}  // namespace bianmin::storage
