#include "platform/storage_codec.h"

namespace bianmin::storage::codec {
namespace {

void put_u16(std::string& out, std::uint32_t v) {
    out.push_back(char(v & 0xFF));
    out.push_back(char((v >> 8) & 0xFF));
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xFF));
}

// Bounds-checked little-endian reading: every read says whether it fitted, so a damaged
// segment ends in a reason, never in a read past the buffer.
struct Reader {
    std::span<const std::uint8_t> bytes;
    std::size_t at = 0;

    bool has(std::size_t n) const { return n <= bytes.size() - at; }
    bool u16(std::uint32_t& v) {
        if (!has(2)) return false;
        v = std::uint32_t(bytes[at]) | std::uint32_t(bytes[at + 1]) << 8;
        at += 2;
        return true;
    }
    bool u32(std::uint32_t& v) {
        if (!has(4)) return false;
        v = 0;
        for (int i = 0; i < 4; ++i) v |= std::uint32_t(bytes[at + i]) << (8 * i);
        at += 4;
        return true;
    }
    bool text(std::size_t n, std::string_view& v) {
        if (!has(n)) return false;
        v = std::string_view(reinterpret_cast<const char*>(bytes.data() + at), n);
        at += n;
        return true;
    }
};

}  // namespace

void encode_segment(std::span<const RecordView> records, std::string& out) {
    // Device table in order of first appearance; a linear search is fine for the few
    // devices an estate has (and encoding is not on the load path).
    std::vector<std::string_view> devices;
    std::vector<std::uint32_t> index(records.size());
    for (std::size_t i = 0; i < records.size(); ++i) {
        std::size_t d = 0;
        while (d < devices.size() && devices[d] != records[i].device) ++d;
        if (d == devices.size()) devices.push_back(records[i].device);
        index[i] = std::uint32_t(d);
    }
    put_u32(out, std::uint32_t(devices.size()));
    for (std::string_view device : devices) {
        put_u16(out, std::uint32_t(device.size()));
        out.append(device);
    }
    put_u32(out, std::uint32_t(records.size()));
    for (std::size_t i = 0; i < records.size(); ++i) {
        put_u16(out, index[i]);
        put_u32(out, std::uint32_t(records[i].seq & 0xFFFFFFFFu));
        put_u32(out, std::uint32_t(records[i].seq >> 32));
        put_u32(out, std::uint32_t(records[i].bytes.size()));
        out.append(records[i].bytes);
    }
}

std::string decode_segment(std::span<const std::uint8_t> bytes, std::vector<RecordView>& out) {
    Reader in{bytes};
    std::uint32_t device_count = 0;
    if (!in.u32(device_count)) return "segment shorter than its device count";
    if (device_count > bytes.size() / 2) return "device count larger than the segment";
    std::vector<std::string_view> devices(device_count);
    for (auto& device : devices) {
        std::uint32_t length = 0;
        if (!in.u16(length) || !in.text(length, device)) return "device table runs past the end";
        if (device.empty()) return "empty device id";
    }
    std::uint32_t record_count = 0;
    if (!in.u32(record_count)) return "segment shorter than its record count";
    if (record_count > bytes.size() / 14) return "record count larger than the segment";
    const std::size_t first = out.size();
    for (std::uint32_t i = 0; i < record_count; ++i) {
        std::uint32_t device = 0, low = 0, high = 0, length = 0;
        std::string_view body;
        if (!in.u16(device) || !in.u32(low) || !in.u32(high) || !in.u32(length) || !in.text(length, body)) {
            out.resize(first);
            return "record " + std::to_string(i) + " runs past the end";
        }
        const std::uint64_t seq = std::uint64_t(high) << 32 | low;
        if (device >= device_count || seq > kMaxSeq) {
            out.resize(first);
            return "record " + std::to_string(i) + " has a bad device index or sequence number";
        }
        out.push_back(RecordView{devices[device], seq, body});
    }
    if (in.at != bytes.size()) {
        out.resize(first);
        return "trailing bytes after the last record";
    }
    return {};
}

std::string split_sources(std::span<const std::uint8_t> buffer, std::vector<Source>& out) {
    Reader in{buffer};
    while (in.at < buffer.size()) {
        std::uint32_t id = 0, length = 0;
        if (!in.u32(id) || !in.u32(length) || !in.has(length)) return "load buffer cut inside a source";
        out.push_back(Source{id, buffer.subspan(in.at, length)});
        in.at += length;
    }
    return {};
}

}  // namespace bianmin::storage::codec
