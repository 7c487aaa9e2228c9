#include "platform/storage_keys.h"

namespace bianmin::storage {

bool KnownKeys::contains(std::string_view device, std::uint64_t seq) const {
    auto d = devices_.find(device);
    if (d == devices_.end()) return false;
    auto after = d->second.upper_bound(seq);  // first range starting after seq
    if (after == d->second.begin()) return false;
    --after;
    return seq <= after->second;
}

bool KnownKeys::insert(std::string_view device, std::uint64_t seq) {
    if (contains(device, seq)) return false;
    auto d = devices_.find(device);
    if (d == devices_.end()) d = devices_.emplace(std::string(device), std::map<std::uint64_t, std::uint64_t>{}).first;
    auto& ranges = d->second;
    auto next = ranges.upper_bound(seq);
    // Join the range that ends just before seq, then the one that starts just after it.
    if (next != ranges.begin()) {
        auto previous = std::prev(next);
        if (previous->second + 1 == seq) {
            previous->second = seq;
            if (next != ranges.end() && next->first == seq + 1) {
                previous->second = next->second;
                ranges.erase(next);
            }
            return true;
        }
    }
    if (next != ranges.end() && next->first == seq + 1) {
        const std::uint64_t last = next->second;
        ranges.erase(next);
        ranges.emplace(seq, last);
        return true;
    }
    ranges.emplace(seq, seq);
    return true;
}

std::uint64_t KnownKeys::highest(std::string_view device) const {
    auto d = devices_.find(device);
    if (d == devices_.end() || d->second.empty()) return 0;
    return d->second.rbegin()->second;
}

std::size_t KnownKeys::ranges() const {
    std::size_t n = 0;
    for (const auto& [device, ranges] : devices_) n += ranges.size();
    return n;
}

}  // namespace bianmin::storage
