// Rules: the estate, staff, devices, buildings, households, residents; field edits and
// conflict resolution.
//
// Index
// [SECTION] Estate
// [SECTION] Staff and devices
// [SECTION] Buildings, households, residents
// [SECTION] Field values into records
// [SECTION] Field edits and conflicts
#include <algorithm>

#include "rules.hpp"

namespace bianmin::rules {
namespace {

bool person_id_taken(const State& s, const std::string& id) { return s.staff.count(id) || s.residents.count(id); }

void duplicate(Errors& out, std::string area, std::string field, const std::string& id) {
    fail(out, area + ".duplicate_id", field, "编号已存在: " + id, "this id already exists: " + id);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Estate
//-----------------------------------------------------------------------------

void check(const State& s, const Event& e, const EstateCreated& p, Errors& out) {
    if (s.has_estate) fail(out, "estate.exists", "estate_id", "小区已建立", "the estate already exists");
    need_id(out, "estate", "estate_id", p.estate_id);
    need_text(out, "estate.name_required", "name_zh", p.name_zh, kNameText, "小区名称", "estate name");
    limit_text(out, "estate", "name_en", p.name_en, kNameText);
    if (p.tz_offset_minutes < -720 || p.tz_offset_minutes > 840)
        fail(out, "estate.bad_timezone", "tz_offset_minutes", "时区偏移超出范围(-720–840分钟)",
             "timezone offset outside -720–840 minutes");
    need_text(out, "estate.founder_required", "founder_name", p.founder_name, kShortText, "建立人姓名", "founder's name");
    need_id(out, "estate", "actor", who(e));
    need_id(out, "estate", "device", e.id.device);
}

void apply(State& s, const Event& e, const EstateCreated& p) {
    s.has_estate = true;
    s.estate_id = p.estate_id;
    s.estate_created_ms = when(e);
    s.settings.name_zh = p.name_zh;
    s.settings.name_en = p.name_en;
    s.settings.tz_offset_minutes = int(p.tz_offset_minutes);
    s.staff[who(e)] = StaffRecord{who(e), p.founder_name, "", "", {Role::office_manager}, true, when(e), 0, "", {}};
    s.devices[e.id.device] = DeviceRecord{e.id.device, "office", DeviceKind::office, "", false, when(e)};
    refresh_fields_of(s, RecordKind::estate, p.estate_id);
}

//-----------------------------------------------------------------------------
// [SECTION] Staff and devices
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const StaffRegistered& p, Errors& out) {
    need_id(out, "staff", "person_id", p.person_id);
    if (person_id_taken(s, p.person_id)) duplicate(out, "staff", "person_id", p.person_id);
    need_text(out, "staff.name_required", "name", p.name, kShortText, "员工姓名", "staff member's name");
    std::vector<Role> roles = p.roles;
    std::sort(roles.begin(), roles.end());
    bool repeated = std::adjacent_find(roles.begin(), roles.end()) != roles.end();
    bool resident = std::find(roles.begin(), roles.end(), Role::resident) != roles.end();
    if (roles.empty() || repeated || resident)
        fail(out, "staff.bad_roles", "roles", "请选择员工的岗位角色(不能为住户,不能重复)",
             "choose the staff member's roles (not resident, no repeats)");
    limit_text(out, "staff", "window", p.window, kShortText);
    need_phone(out, "staff.bad_phone", "phone", p.phone, false);
}

void apply(State& s, const Event& e, const StaffRegistered& p) {
    s.staff[p.person_id] = StaffRecord{p.person_id, p.name, p.phone, p.window, p.roles, true, when(e), 0, "", {}};
    refresh_fields_of(s, RecordKind::staff, p.person_id);
}

void check(const State& s, const Event& e, const StaffDeactivated& p, Errors& out) {
    const StaffRecord* staff = s.find_staff(p.person_id);
    if (!staff) {
        fail(out, "staff.unknown", "person_id", "没有这名员工: " + p.person_id, "no such staff member: " + p.person_id);
        return;
    }
    if (!staff->active) fail(out, "staff.already_inactive", "person_id", "该员工已离职", "this staff member has already left");
    if (p.person_id == who(e))
        fail(out, "staff.self_deactivation", "person_id", "不能停用自己的账号", "you cannot deactivate yourself");
    need_text(out, "staff.reason_required", "reason", p.reason, kLongText, "停用原因", "reason");
    if (staff->has_role(Role::office_manager)) {
        int managers = 0;
        for (const auto& [id, other] : s.staff)
            if (other.active && other.has_role(Role::office_manager)) ++managers;
        if (managers <= 1)
            fail(out, "staff.last_office_manager", "person_id", "不能停用最后一名管理处经理",
                 "the last office manager cannot be deactivated");
    }
}

void apply(State& s, const Event& e, const StaffDeactivated& p) {
    auto it = s.staff.find(p.person_id);
    if (it == s.staff.end()) return;
    it->second.active = false;
    it->second.deactivated_ms = when(e);
    it->second.deactivation_reason = p.reason;
}

void check(const State& s, const Event&, const DeviceRegistered& p, Errors& out) {
    need_id(out, "device", "device", p.device);
    if (s.devices.count(p.device)) duplicate(out, "device", "device", p.device);
    limit_text(out, "device", "label", p.label, kShortText);
    if (p.kind == DeviceKind::resident) {
        if (!s.find_household(p.household_id))
            fail(out, "device.unknown_household", "household_id", "住户设备必须绑定已登记的住户",
                 "a resident device must belong to a registered household");
    } else if (!p.household_id.empty()) {
        fail(out, "device.household_on_office_device", "household_id", "办公设备不绑定住户",
             "an office device does not belong to a household");
    }
}

void apply(State& s, const Event& e, const DeviceRegistered& p) {
    s.devices[p.device] = DeviceRecord{p.device, p.label, p.kind, p.household_id, false, when(e)};
}

void check(const State& s, const Event& e, const DeviceRevoked& p, Errors& out) {
    const DeviceRecord* device = s.find_device(p.device);
    if (!device) {
        fail(out, "device.unknown", "device", "没有这台设备: " + p.device, "no such device: " + p.device);
        return;
    }
    if (device->revoked) fail(out, "device.already_revoked", "device", "设备已停用", "the device is already revoked");
    if (p.device == e.id.device)
        fail(out, "device.self_revoke", "device", "不能在设备上停用它自己", "a device cannot revoke itself");
    need_text(out, "device.reason_required", "reason", p.reason, kLongText, "停用原因", "reason");
}

void apply(State& s, const Event&, const DeviceRevoked& p) {
    auto it = s.devices.find(p.device);
    if (it != s.devices.end()) it->second.revoked = true;
}

//-----------------------------------------------------------------------------
// [SECTION] Buildings, households, residents
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const BuildingAdded& p, Errors& out) {
    need_id(out, "building", "building_id", p.building_id);
    if (s.buildings.count(p.building_id)) duplicate(out, "building", "building_id", p.building_id);
    limit_text(out, "building", "name", p.name, kShortText);
}

void apply(State& s, const Event&, const BuildingAdded& p) {
    s.buildings[p.building_id] = BuildingRecord{p.building_id, p.name.empty() ? p.building_id : p.name};
}

void check(const State& s, const Event&, const HouseholdRegistered& p, Errors& out) {
    need_id(out, "household", "household_id", p.household_id);
    if (s.households.count(p.household_id)) duplicate(out, "household", "household_id", p.household_id);
    if (!s.buildings.count(p.building_id))
        fail(out, "household.unknown_building", "building_id", "没有这栋楼: " + p.building_id,
             "no such building: " + p.building_id);
    need_id(out, "household", "room", p.room);
    need_phone(out, "household.bad_phone", "phone", p.phone, false);
    limit_text(out, "household", "note", p.note, kLongText);
}

void apply(State& s, const Event& e, const HouseholdRegistered& p) {
    s.households[p.household_id] = HouseholdRecord{p.household_id, p.building_id, p.room, p.phone, p.note, {}, when(e)};
    refresh_fields_of(s, RecordKind::household, p.household_id);
}

void check(const State& s, const Event&, const ResidentRegistered& p, Errors& out) {
    need_id(out, "resident", "person_id", p.person_id);
    if (person_id_taken(s, p.person_id)) duplicate(out, "resident", "person_id", p.person_id);
    if (!s.find_household(p.household_id))
        fail(out, "resident.unknown_household", "household_id", "没有这户: " + p.household_id,
             "no such household: " + p.household_id);
    need_text(out, "resident.name_required", "name", p.name, kShortText, "住户姓名", "resident's name");
    need_phone(out, "resident.bad_phone", "phone", p.phone, false);
}

void apply(State& s, const Event&, const ResidentRegistered& p) {
    s.residents[p.person_id] = ResidentRecord{p.person_id, p.household_id, p.name, p.phone, p.tenure};
    auto it = s.households.find(p.household_id);
    if (it != s.households.end()) it->second.residents.push_back(p.person_id);
    refresh_fields_of(s, RecordKind::resident, p.person_id);
}

//-----------------------------------------------------------------------------
// [SECTION] Field values into records
//-----------------------------------------------------------------------------

namespace {

template <class T>
void set_int(T& target, const FieldValue& value) {
    if (const auto* n = std::get_if<std::int64_t>(&value)) target = T(*n);
}
void set_text(std::string& target, const FieldValue& value) {
    if (const auto* t = std::get_if<std::string>(&value)) target = *t;
}
void set_money(Fen& target, const FieldValue& value) {
    if (const auto* n = std::get_if<std::int64_t>(&value)) target = Fen{*n};
}

// Writes a field's current value into its record; wrong-typed values are ignored
// (they were reported when the edit was applied).
void set_field(State& s, const FieldKey& key, const FieldValue& v) {
    const FieldSpec* spec = find_field(key.kind, key.field);
    if (!spec || !validate_field_value(*spec, v).empty()) return;
    const std::string& f = key.field;
    switch (key.kind) {
        case RecordKind::estate: {
            if (key.record != s.estate_id) return;
            Settings& st = s.settings;
            if (f == "name_zh") set_text(st.name_zh, v);
            else if (f == "name_en") set_text(st.name_en, v);
            else if (f == "tz_offset_minutes") set_int(st.tz_offset_minutes, v);
            else if (f == "default_promised_hours") set_int(st.default_promised_hours, v);
            else if (f == "unsynced_warning_days") set_int(st.unsynced_warning_days, v);
            else if (f == "return_visit_interval_days") set_int(st.return_visit_interval_days, v);
            else if (f == "handover_limit_days") set_int(st.handover_limit_days, v);
            else if (f == "assessment_monthly") set_money(st.assessment_monthly, v);
            else if (f == "deduction_months_town") set_int(st.deduction_months_town, v);
            else if (f == "deduction_months_public") set_int(st.deduction_months_public, v);
            else if (f == "deduction_months_county") set_int(st.deduction_months_county, v);
            else if (f == "deduction_months_city") set_int(st.deduction_months_city, v);
            else if (f == "deduction_months_province") set_int(st.deduction_months_province, v);
            else if (f == "assessment_period_months") {
                const auto* n = std::get_if<std::int64_t>(&v);
                if (n && Period::valid_length(int(*n))) st.assessment_period_months = int(*n);
            }
            return;
        }
        case RecordKind::household: {
            auto it = s.households.find(key.record);
            if (it == s.households.end()) return;
            if (f == "phone") set_text(it->second.phone, v);
            else if (f == "note") set_text(it->second.note, v);
            return;
        }
        case RecordKind::resident: {
            auto it = s.residents.find(key.record);
            if (it == s.residents.end()) return;
            if (f == "name") set_text(it->second.name, v);
            else if (f == "phone") set_text(it->second.phone, v);
            return;
        }
        case RecordKind::staff: {
            auto it = s.staff.find(key.record);
            if (it == s.staff.end()) return;
            if (f == "name") set_text(it->second.name, v);
            else if (f == "phone") set_text(it->second.phone, v);
            else if (f == "window") set_text(it->second.window, v);
            return;
        }
        case RecordKind::item: {
            auto it = s.items.find(key.record);
            if (it == s.items.end()) return;
            ItemDefined& d = it->second.def;
            if (f == "name_zh") set_text(d.name_zh, v);
            else if (f == "name_en") set_text(d.name_en, v);
            else if (f == "unit_zh") set_text(d.unit_zh, v);
            else if (f == "unit_en") set_text(d.unit_en, v);
            else if (f == "monthly_cost") set_money(d.monthly_cost, v);
            else if (f == "promised_hours") set_int(d.promised_hours, v);
            return;
        }
        case RecordKind::complaint: {
            auto it = s.complaints.find(key.record);
            if (it == s.complaints.end()) return;
            if (f == "assignee") {
                set_text(it->second.assignee, v);
                if (it->second.status == ComplaintStatus::recorded) it->second.status = ComplaintStatus::assigned;
            }
            return;
        }
    }
}

bool record_exists(const State& s, RecordKind kind, const std::string& record) {
    switch (kind) {
        case RecordKind::estate: return s.has_estate && record == s.estate_id;
        case RecordKind::household: return s.households.count(record) != 0;
        case RecordKind::resident: return s.residents.count(record) != 0;
        case RecordKind::staff: return s.staff.count(record) != 0;
        case RecordKind::item: return s.items.count(record) != 0;
        case RecordKind::complaint: return s.complaints.count(record) != 0;
    }
    return false;
}

void check_field_target(const State& s, RecordKind kind, const std::string& record, const std::string& field,
                        const FieldValue& value, Errors& out) {
    const FieldSpec* spec = find_field(kind, field);
    if (!spec) {
        fail(out, "field.unknown", "field", "该字段不可修改: " + field, "this field cannot be edited: " + field);
        return;
    }
    Errors value_errors = validate_field_value(*spec, value);
    out.insert(out.end(), value_errors.begin(), value_errors.end());
    if (!record_exists(s, kind, record))
        fail(out, "field.unknown_record", "record", "没有这条记录: " + record, "no such record: " + record);
    if (kind == RecordKind::complaint) {
        auto it = s.complaints.find(record);
        if (it != s.complaints.end() && it->second.status == ComplaintStatus::closed)
            fail(out, "complaint.closed", "record", "投诉已关闭", "the complaint is closed");
        const auto* person = std::get_if<std::string>(&value);
        const StaffRecord* staff = person ? s.find_staff(*person) : nullptr;
        if (!staff || !staff->active)
            fail(out, "complaint.unknown_assignee", "value", "处理人必须是在职员工", "the assignee must be an active staff member");
    }
    if (kind == RecordKind::estate && field == "assessment_period_months") {
        const auto* n = std::get_if<std::int64_t>(&value);
        if (n && !Period::valid_length(int(*n)))
            fail(out, "field.range", "value", "考核周期必须能整除12个月(1、2、3、4、6、12)",
                 "the period must divide 12 months (1, 2, 3, 4, 6, 12)");
    }
}

}  // namespace

void refresh_fields_of(State& s, RecordKind kind, const std::string& record) {
    FieldKey from{kind, record, ""};
    for (auto it = s.fields.lower_bound(from); it != s.fields.end(); ++it) {
        if (it->first.kind != kind || it->first.record != record) break;
        if (const FieldEdit* winner = it->second.winner()) set_field(s, it->first, winner->value);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Field edits and conflicts
//-----------------------------------------------------------------------------

void check(const State& s, const Event&, const FieldEdited& p, Errors& out) {
    check_field_target(s, p.kind, p.record, p.field, p.value, out);
    const FieldHistory* history = field_history(s, FieldKey{p.kind, p.record, p.field});
    if (history && history->in_conflict()) {
        bool covers_all = true;
        for (const auto& head : history->head_ids())
            if (std::find(p.supersedes.begin(), p.supersedes.end(), head) == p.supersedes.end()) covers_all = false;
        if (!covers_all)
            fail(out, "field.in_conflict", "field", "该字段有待处理的冲突,请先由管理处经理选择保留哪个值",
                 "this field has an unresolved conflict: the office manager must choose a value first");
    }
}

namespace {
void apply_edit(State& s, const Event& e, RecordKind kind, const std::string& record, const std::string& field,
                const FieldValue& value, const std::vector<EventId>& supersedes, bool resolution) {
    FieldKey key{kind, record, field};
    FieldHistory& history = s.fields[key];
    history.add(FieldEdit{e.id, e.hlc, e.actor, value, supersedes, resolution});
    if (history.in_conflict()) s.conflicted.insert(key);
    else s.conflicted.erase(key);
    if (const FieldEdit* winner = history.winner()) set_field(s, key, winner->value);
}
}  // namespace

void apply(State& s, const Event& e, const FieldEdited& p) {
    apply_edit(s, e, p.kind, p.record, p.field, p.value, p.supersedes, false);
}

void check(const State& s, const Event&, const ConflictResolved& p, Errors& out) {
    check_field_target(s, p.kind, p.record, p.field, p.value, out);
    const FieldHistory* history = field_history(s, FieldKey{p.kind, p.record, p.field});
    if (!history || !history->in_conflict()) {
        fail(out, "conflict.none", "field", "该字段没有冲突", "this field has no conflict");
        return;
    }
    auto heads = history->head_ids();
    const FieldEdit* chosen = history->find(p.chosen);
    if (!chosen || std::find(heads.begin(), heads.end(), p.chosen) == heads.end())
        fail(out, "conflict.bad_choice", "chosen", "所选的值不是冲突中的一个", "the chosen value is not one of the conflicting edits");
    else if (!(chosen->value == p.value))
        fail(out, "conflict.value_mismatch", "value", "记录的值与所选的值不一致", "the value does not match the chosen edit");
    for (const auto& head : heads)
        if (std::find(p.supersedes.begin(), p.supersedes.end(), head) == p.supersedes.end()) {
            fail(out, "conflict.incomplete", "supersedes", "解决冲突必须覆盖所有冲突的值",
                 "a resolution must supersede every conflicting edit");
            break;
        }
}

void apply(State& s, const Event& e, const ConflictResolved& p) {
    apply_edit(s, e, p.kind, p.record, p.field, p.value, p.supersedes, true);
}

}  // namespace bianmin::rules
