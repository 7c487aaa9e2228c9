// The role table and the static authorization of events.
//
// Index
// [SECTION] Role table
// [SECTION] Household of an event
// [SECTION] authorize
// [SECTION] Visibility
#include "bianmin/authorize.hpp"
#include "overloaded.hpp"

#include <array>

namespace bianmin {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Role table
//-----------------------------------------------------------------------------

constexpr std::uint32_t GM = role_bit(Role::general_manager);
constexpr std::uint32_t OM = role_bit(Role::office_manager);
constexpr std::uint32_t FD = role_bit(Role::front_desk);
constexpr std::uint32_t SW = role_bit(Role::service_worker);
constexpr std::uint32_t CS = role_bit(Role::cashier);
constexpr std::uint32_t RES = role_bit(Role::resident);
constexpr std::uint32_t AG = role_bit(Role::assessment_group);
constexpr std::uint32_t STAFF = GM | OM | FD | SW | CS | AG;
constexpr std::uint32_t FIELD_TABLE = STAFF | RES;  // the field table decides

using E = EventType;
constexpr std::array<std::uint32_t, kEventTypeCount> kRoles = [] {
    std::array<std::uint32_t, kEventTypeCount> t{};
    auto set = [&](E e, std::uint32_t roles) { t[std::size_t(e)] = roles; };
    set(E::estate_created, OM);
    set(E::staff_registered, OM);
    set(E::staff_deactivated, OM);
    set(E::device_registered, OM);
    set(E::device_revoked, OM);
    set(E::building_added, OM);
    set(E::household_registered, OM | FD);
    set(E::resident_registered, OM | FD);
    set(E::field_edited, FIELD_TABLE);
    set(E::conflict_resolved, OM);
    set(E::item_defined, OM);
    set(E::survey_opened, OM);
    set(E::survey_answered, RES | FD | OM);
    set(E::survey_closed, OM);
    set(E::price_table_drafted, OM);
    set(E::price_table_revised, OM);
    set(E::price_table_submitted, OM);
    set(E::price_table_approved, GM);
    set(E::price_table_rejected, GM);
    set(E::price_table_published, OM | FD);
    set(E::below_break_even_reported, FD | OM);
    set(E::break_even_measure_recorded, OM);
    set(E::item_stop_requested, OM);
    set(E::item_stop_decided, GM);
    set(E::entrustment_registered, FD | OM | RES);
    set(E::entrustment_signed, FD | SW | OM | RES);
    set(E::service_requested, FD | OM | RES);
    set(E::request_handed_on, FD | SW | OM);
    set(E::delivery_logged, SW | FD);
    set(E::delivery_confirmed, RES | SW | FD);
    set(E::service_stopped, FD | OM | RES);
    set(E::payment_received, CS);
    set(E::fee_collected, FD | SW);
    set(E::handover_received, CS);
    set(E::money_reversed, CS);
    set(E::settlement_paid, CS);
    set(E::problem_reported, FD | SW | OM);
    set(E::problem_escalated, FD | OM);
    set(E::problem_decided, FD | OM | GM);
    set(E::complaint_recorded, FD | OM | RES);
    set(E::complaint_answered, FD | SW | OM);
    set(E::complaint_closed, FD | OM | RES);
    set(E::return_visit_recorded, FD | OM);
    set(E::quality_evaluated, GM);
    set(E::water_stock_received, FD | OM);
    set(E::signed_in, STAFF);
    set(E::signed_out, STAFF);
    set(E::leave_requested, STAFF);
    set(E::leave_decided, OM | GM);
    set(E::violation_recorded, AG);
    set(E::violation_withdrawn, AG);
    set(E::annual_rating_recorded, AG);
    set(E::pin_set, STAFF);  // others' PINs: office manager only (rule 4 below)
    return t;
}();

Error auth_error(std::string code, std::string zh, std::string en) {
    return make_error(std::move(code), "actor", std::move(zh), std::move(en));
}

//-----------------------------------------------------------------------------
// [SECTION] Household of an event
//-----------------------------------------------------------------------------

std::string household_of_form(const State& s, const std::string& form_id) {
    const auto* form = s.find_form(form_id);
    return form ? form->def.household_id : std::string();
}

std::string household_of_record(const State& s, RecordKind kind, const std::string& record) {
    switch (kind) {
        case RecordKind::household: return record;
        case RecordKind::resident: {
            const auto* r = s.find_resident(record);
            return r ? r->household_id : std::string();
        }
        case RecordKind::complaint: {
            auto it = s.complaints.find(record);
            return it == s.complaints.end() ? std::string() : it->second.def.household_id;
        }
        default: return {};
    }
}

}  // namespace

bool role_may_emit(Role role, EventType type) {
    return std::size_t(type) < kRoles.size() && (kRoles[std::size_t(type)] & role_bit(role)) != 0;
}

std::uint32_t roles_allowed(EventType type) {
    return std::size_t(type) < kRoles.size() ? kRoles[std::size_t(type)] : 0;
}

std::string event_household(const Event& event, const State& s) {
    return std::visit(
        Overloaded{
            [](const HouseholdRegistered& p) { return p.household_id; },
            [](const ResidentRegistered& p) { return p.household_id; },
            [](const DeviceRegistered& p) { return p.household_id; },
            [&](const FieldEdited& p) { return household_of_record(s, p.kind, p.record); },
            [&](const ConflictResolved& p) { return household_of_record(s, p.kind, p.record); },
            [](const SurveyAnswered& p) { return p.household_id; },
            [](const EntrustmentRegistered& p) { return p.household_id; },
            [&](const EntrustmentSigned& p) { return household_of_form(s, p.form_id); },
            [](const ServiceRequested& p) { return p.household_id; },
            [&](const RequestHandedOn& p) {
                auto it = s.requests.find(p.request_id);
                return it == s.requests.end() ? std::string() : it->second.def.household_id;
            },
            [](const DeliveryLogged& p) { return p.household_id; },
            [&](const DeliveryConfirmed& p) {
                auto it = s.deliveries.find(p.delivery_id);
                return it == s.deliveries.end() ? std::string() : it->second.def.household_id;
            },
            [&](const ServiceStopped& p) { return household_of_form(s, p.form_id); },
            [](const PaymentReceived& p) { return p.household_id; },
            [](const FeeCollected& p) { return p.household_id; },
            [&](const MoneyReversed& p) {
                const auto* entry = s.find_money(p.entry_id);
                return entry ? entry->household_id : std::string();
            },
            [&](const SettlementPaid& p) { return household_of_form(s, p.form_id); },
            [](const ComplaintRecorded& p) { return p.household_id; },
            [&](const ComplaintAnswered& p) { return household_of_record(s, RecordKind::complaint, p.complaint_id); },
            [&](const ComplaintClosed& p) { return household_of_record(s, RecordKind::complaint, p.complaint_id); },
            [](const ReturnVisitRecorded& p) { return p.household_id; },
            [](const auto&) { return std::string(); },
        },
        event.payload);
}

//-----------------------------------------------------------------------------
// [SECTION] authorize
//-----------------------------------------------------------------------------

Errors authorize(const Event& event, const State& s) {
    Errors errors;
    const EventType type = event.type();
    const Role role = event.actor.role;
    const std::string& person = event.actor.person_id;
    const std::string role_en(label_en(role)), role_zh(label_zh(role));
    const std::string type_name(to_string(type));

    // 1. Bootstrap.
    if (type == EventType::estate_created) {
        if (s.has_estate)
            errors.push_back(auth_error("auth.estate_exists", "小区已建立,不能重复建立", "the estate already exists"));
        if (role != Role::office_manager)
            errors.push_back(auth_error("auth.role_forbidden", "只有管理处经理可以建立小区",
                                        "only an office manager can create the estate"));
        return errors;
    }
    if (!s.has_estate) {
        errors.push_back(auth_error("auth.no_estate", "小区尚未建立", "the estate has not been created yet"));
        return errors;
    }

    // 2. Device.
    const DeviceRecord* device = s.find_device(event.id.device);
    if (!device) {
        errors.push_back(auth_error("auth.unknown_device", "未登记的设备: " + event.id.device,
                                    "unregistered device: " + event.id.device));
        return errors;
    }
    if (device->revoked)
        errors.push_back(auth_error("auth.device_revoked", "设备已停用: " + event.id.device,
                                    "device has been revoked: " + event.id.device));
    if (device->kind == DeviceKind::resident && role != Role::resident)
        errors.push_back(auth_error("auth.resident_device", "住户设备不能记录员工操作(" + role_zh + ")",
                                    "a resident device cannot carry staff actions (" + role_en + ")"));

    // 3. The person holds the role.
    std::string actor_household;
    if (role == Role::resident) {
        const ResidentRecord* resident = s.find_resident(person);
        if (!resident) {
            errors.push_back(auth_error("auth.unknown_person", "未登记的住户: " + person, "unknown resident: " + person));
            return errors;
        }
        actor_household = resident->household_id;
        if (device->kind == DeviceKind::resident && device->household_id != actor_household)
            errors.push_back(auth_error("auth.resident_device", "该设备属于其他住户",
                                        "this device belongs to another household"));
    } else {
        const StaffRecord* staff = s.find_staff(person);
        if (!staff) {
            errors.push_back(auth_error("auth.unknown_person", "未登记的员工: " + person, "unknown staff member: " + person));
            return errors;
        }
        if (!staff->active)
            errors.push_back(auth_error("auth.staff_inactive", "员工已离职: " + person, "staff member has left: " + person));
        if (!staff->has_role(role))
            errors.push_back(auth_error("auth.role_not_held", person + " 不担任 " + role_zh,
                                        person + " does not hold the role " + role_en));
    }

    // 4. The role may emit this type (and edit this field).
    if (!role_may_emit(role, type)) {
        errors.push_back(auth_error("auth.role_forbidden", role_zh + " 无权进行此操作: " + type_name,
                                    "a " + role_en + " may not do this: " + type_name));
    } else if (const auto* pin = event.as<PinSet>(); pin && role != Role::office_manager && pin->person_id != person) {
        errors.push_back(auth_error("auth.pin_of_other", "只有管理处经理可以设置他人的登录密码",
                                    "only an office manager may set another person's PIN"));
    } else if (const auto* edit = event.as<FieldEdited>()) {
        const FieldSpec* spec = find_field(edit->kind, edit->field);
        if (!spec)
            errors.push_back(auth_error("auth.field_forbidden", "该字段不可修改: " + edit->field,
                                        "this field cannot be edited: " + edit->field));
        else if (!role_may_edit(*spec, role))
            errors.push_back(auth_error("auth.field_forbidden", role_zh + " 无权修改 " + std::string(spec->zh),
                                        "a " + role_en + " may not edit " + std::string(spec->en)));
    }

    // 5. Residents act for their own household only.
    if (role == Role::resident && errors.empty()) {
        std::string household = event_household(event, s);
        if (household.empty())
            errors.push_back(auth_error("auth.household_unknown", "无法确定该操作所属住户",
                                        "cannot tell which household this concerns"));
        else if (household != actor_household)
            errors.push_back(auth_error("auth.other_household", "住户只能办理本户的事项",
                                        "a resident may only act for their own household"));
    }
    return errors;
}

//-----------------------------------------------------------------------------
// [SECTION] Visibility
//-----------------------------------------------------------------------------

Visibility visibility(const Event& event, const State& s) {
    switch (event.type()) {
        case EventType::estate_created:
        case EventType::building_added:
        case EventType::item_defined:
        case EventType::survey_opened:
        case EventType::survey_closed:
            return Visibility::everyone;
        case EventType::price_table_drafted:
        case EventType::price_table_revised:
        case EventType::price_table_submitted:
        case EventType::price_table_approved:
        case EventType::price_table_rejected:
        case EventType::price_table_published: {
            // A table is public once published: its whole history, so a resident device
            // can replay it; drafts that never made it stay internal.
            std::string id = std::visit([](const auto& p) -> std::string {
                if constexpr (requires { p.table_id; }) return p.table_id;
                else return {};
            }, event.payload);
            const auto* table = s.find_table(id);
            bool is_public = table && (table->status == PriceTableStatus::published ||
                                       table->status == PriceTableStatus::superseded);
            return is_public ? Visibility::everyone : Visibility::internal;
        }
        case EventType::field_edited:
        case EventType::conflict_resolved: {
            RecordKind kind = event.as<FieldEdited>() ? event.as<FieldEdited>()->kind : event.as<ConflictResolved>()->kind;
            const std::string& field = event.as<FieldEdited>() ? event.as<FieldEdited>()->field : event.as<ConflictResolved>()->field;
            if (kind == RecordKind::item) return field == "monthly_cost" ? Visibility::internal : Visibility::everyone;
            if (kind == RecordKind::estate) {
                const FieldSpec* spec = find_field(kind, field);
                bool assessment = spec && (spec->roles & role_bit(Role::assessment_group));
                return assessment || field == "handover_limit_days" ? Visibility::internal : Visibility::everyone;
            }
            return event_household(event, s).empty() ? Visibility::internal : Visibility::household;
        }
        case EventType::handover_received:
        case EventType::pin_set:  // salts and hashes of staff PINs stay in the office
        case EventType::problem_reported:
        case EventType::problem_escalated:
        case EventType::problem_decided:
            return Visibility::internal;
        default:
            return event_household(event, s).empty() ? Visibility::internal : Visibility::household;
    }
}

}  // namespace bianmin
