// Editable fields and edit conflicts (for offline devices that change the same thing).
//
// A record's mutable fields change through field_edited events naming (record kind,
// record id, field). Each edit carries `supersedes`: the edits of that field its device
// had seen. The edits of one field form a small graph; its heads are the edits no other
// edit supersedes. One head: that is the value. Several heads: a CONFLICT — both values
// are kept, the later head in the total order is the provisional value, and State lists
// the conflict until the office manager resolves it (conflict_resolved supersedes all
// heads). Money is never a field: money events only accumulate.
//
// Estate settings are fields of the `estate` record (kind estate, record = estate id).
#pragma once

#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bianmin/enums.hpp"
#include "bianmin/errors.hpp"
#include "bianmin/hlc.hpp"
#include "bianmin/values.hpp"

namespace bianmin {

enum class FieldType : std::uint8_t { text, phone, integer, money, person };

constexpr std::uint32_t role_bit(Role role) { return 1u << unsigned(role); }

struct FieldSpec {
    RecordKind kind;
    std::string_view field;
    FieldType type;
    std::int64_t min = 0;    // integer/money: smallest value; text: shortest length
    std::int64_t max = 0;    // integer/money: largest value; text: longest length (bytes)
    std::uint32_t roles = 0; // role_bit()s allowed to edit
    std::string_view zh, en;
};

// Every editable field, e.g. (household, phone), (item, monthly_cost),
// (estate, assessment_monthly). nullptr when the field is not editable.
const FieldSpec* find_field(RecordKind kind, std::string_view field);
std::span<const FieldSpec> all_fields();
inline bool role_may_edit(const FieldSpec& spec, Role role) { return (spec.roles & role_bit(role)) != 0; }
// Type and range of a value for a field; errors are "field.*".
Errors validate_field_value(const FieldSpec& spec, const FieldValue& value);

struct FieldKey {
    RecordKind kind = RecordKind::household;
    std::string record;
    std::string field;
    friend bool operator==(const FieldKey&, const FieldKey&) = default;
    // Written out: the WebAssembly build's libc++ (Emscripten 3.1.6) has no <=> for std::string.
    friend std::strong_ordering operator<=>(const FieldKey& a, const FieldKey& b) {
        if (a.kind != b.kind) return a.kind <=> b.kind;
        if (int c = a.record.compare(b.record)) return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
        int c = a.field.compare(b.field);
        return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    }
};
std::ostream& operator<<(std::ostream& os, const FieldKey& key);

struct FieldEdit {
    EventId id;
    Hlc hlc;
    Actor actor;
    FieldValue value;
    std::vector<EventId> supersedes;
    bool resolution = false;  // made by conflict_resolved
    friend bool operator==(const FieldEdit&, const FieldEdit&) = default;
};

// All edits of one field, and which of them are heads.
struct FieldHistory {
    std::vector<FieldEdit> edits;     // in the order applied
    std::vector<std::size_t> heads;   // indexes into edits, in total order (winner last)

    void add(FieldEdit edit);  // recomputes heads; order of add() does not matter
    const FieldEdit* winner() const { return heads.empty() ? nullptr : &edits[heads.back()]; }
    bool in_conflict() const { return heads.size() > 1; }
    const FieldEdit* find(const EventId& id) const;
    std::vector<EventId> head_ids() const;
    friend bool operator==(const FieldHistory&, const FieldHistory&) = default;
};

// A field with concurrent edits: every candidate value, who set it and when.
struct Conflict {
    FieldKey key;
    std::vector<FieldEdit> candidates;  // in total order; the last is the provisional winner
};

}  // namespace bianmin
