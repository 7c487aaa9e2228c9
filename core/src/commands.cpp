// Commands: completing proposed payloads, checking them, returning events.
//
// Index
// [SECTION] Completing generated fields
// [SECTION] execute
// [SECTION] Composite commands
// [SECTION] Desk
#include "bianmin/commands.hpp"

#include <algorithm>
#include <cassert>

#include "bianmin/authorize.hpp"
#include "bianmin/catalogue.hpp"
#include "bianmin/json.hpp"
#include "bianmin/queries.hpp"
#include "overloaded.hpp"

namespace bianmin {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Completing generated fields
//-----------------------------------------------------------------------------

void fill(std::string& field, std::string_view prefix, const EventId& id) {
    if (field.empty()) field = generated_id(prefix, id);
}

// Household and item of a money line or delivery, from its form when left empty.
void from_form(const State& s, const std::string& form_id, std::string& household_id, std::string& item_id) {
    const FormRecord* form = s.find_form(form_id);
    if (!form) return;
    if (household_id.empty()) household_id = form->def.household_id;
    if (item_id.empty()) item_id = form->def.item_id;
}

void complete(const State& s, Event& e) {
    const EventId& id = e.id;
    const std::int64_t now = e.hlc.wall_ms;
    std::visit(
        Overloaded{
            [&](HouseholdRegistered& p) {
                if (p.household_id.empty() && !p.building_id.empty() && !p.room.empty())
                    p.household_id = p.building_id + "-" + p.room;
            },
            [&](ResidentRegistered& p) { fill(p.person_id, "R", id); },
            [&](FieldEdited& p) {
                p.supersedes.clear();
                if (const FieldHistory* h = field_history(s, FieldKey{p.kind, p.record, p.field}))
                    if (const FieldEdit* winner = h->winner()) p.supersedes.push_back(winner->id);
            },
            [&](ConflictResolved& p) {
                if (const FieldHistory* h = field_history(s, FieldKey{p.kind, p.record, p.field})) {
                    p.supersedes = h->head_ids();
                    if (const FieldEdit* chosen = h->find(p.chosen)) p.value = chosen->value;
                }
            },
            [&](SurveyOpened& p) { fill(p.survey_id, "S", id); },
            [&](PriceTableDrafted& p) {
                fill(p.table_id, "T", id);
                p.version = next_price_table_version(s, p.year);
            },
            [&](BelowBreakEvenReported& p) { fill(p.report_id, "BR", id); },
            [&](BreakEvenMeasureRecorded& p) { fill(p.measure_id, "M", id); },
            [&](EntrustmentRegistered& p) {
                fill(p.form_id, "F", id);
                const HouseholdRecord* h = s.find_household(p.household_id);
                if (h && p.phone.empty()) p.phone = h->phone;
                if (h && p.resident_name.empty() && !h->residents.empty())
                    if (const ResidentRecord* r = s.find_resident(h->residents.front())) p.resident_name = r->name;
            },
            [&](ServiceRequested& p) {
                fill(p.request_id, "Q", id);
                if (p.due_ms == 0) p.due_ms = now + promised_hours(s, p.item_id) * kMsPerHour;
            },
            [&](DeliveryLogged& p) {
                fill(p.delivery_id, "D", id);
                from_form(s, p.form_id, p.household_id, p.item_id);
                if (p.household_id.empty() || p.item_id.empty()) {
                    auto r = s.requests.find(p.request_id);
                    if (r != s.requests.end()) {
                        if (p.household_id.empty()) p.household_id = r->second.def.household_id;
                        if (p.item_id.empty()) p.item_id = r->second.def.item_id;
                    }
                }
                if (const PriceRow* row = price_row_at(s, p.item_id, now)) p.charge = delivery_charge(*row, p.quantity);
            },
            [&](PaymentReceived& p) {
                fill(p.payment_id, "P", id);
                from_form(s, p.form_id, p.household_id, p.item_id);
            },
            [&](FeeCollected& p) {
                fill(p.collection_id, "C", id);
                if (p.form_id.empty()) {
                    auto d = s.deliveries.find(p.delivery_id);
                    if (d != s.deliveries.end()) p.form_id = d->second.def.form_id;
                }
                from_form(s, p.form_id, p.household_id, p.item_id);
            },
            [&](HandoverReceived& p) {
                fill(p.handover_id, "H", id);
                Fen sum;
                for (const auto& c : p.collection_ids)
                    if (const MoneyEntry* m = s.find_money(c)) sum += m->cash;
                p.expected = sum;
            },
            [&](MoneyReversed& p) { fill(p.reversal_id, "RV", id); },
            [&](SettlementPaid& p) { fill(p.settlement_id, "ST", id); },
            [&](ProblemReported& p) { fill(p.problem_id, "PB", id); },
            [&](ComplaintRecorded& p) { fill(p.complaint_id, "CP", id); },
            [&](ReturnVisitRecorded& p) { fill(p.visit_id, "VS", id); },
            [&](WaterStockReceived& p) { fill(p.receipt_id, "W", id); },
            [&](LeaveRequested& p) { fill(p.leave_id, "L", id); },
            [&](ViolationRecorded& p) { fill(p.violation_id, "VL", id); },
            [](auto&) {},
        },
        e.payload);
}

}  // namespace

std::string generated_id(std::string_view prefix, const EventId& id) {
    return std::string(prefix) + "-" + id.device + "-" + std::to_string(id.seq);
}

//-----------------------------------------------------------------------------
// [SECTION] execute
//-----------------------------------------------------------------------------

std::uint64_t first_seq(const CommandContext& ctx, const State& state) {
    return std::max(state.next_seq(ctx.device), ctx.min_seq);
}

Result<std::vector<Event>> execute_all(const CommandContext& ctx, const State& state, std::vector<Payload> proposed) {
    assert(ctx.clock && "CommandContext needs a clock");
    if (proposed.empty())
        return Error{make_error("command.empty", "", "没有要执行的操作", "nothing to do")};
    std::vector<Event> events;
    // Later events of the command are checked against the state the earlier ones make.
    std::optional<State> scratch;
    if (proposed.size() > 1) scratch = state;
    const State* current = &state;
    // A command is made after everything its device knows: its events must sort after
    // every event in the state, whatever the wall clocks say (the HLC's causality).
    if (state.has_last) ctx.clock->observe(state.last_hlc);
    std::uint64_t seq = first_seq(ctx, state);
    for (auto& payload : proposed) {
        Event e{EventId{ctx.device, seq++}, ctx.clock->tick(), ctx.actor, std::move(payload)};
        complete(*current, e);
        Errors errors = validate_event_text(e);
        if (errors.empty()) errors = authorize(e, *current);
        if (errors.empty()) errors = check_event(*current, e);
        if (!errors.empty()) return errors;
        if (scratch) {
            apply_event(*scratch, e);
            current = &*scratch;
        }
        events.push_back(std::move(e));
    }
    return events;
}

Result<std::vector<Event>> execute(const CommandContext& ctx, const State& state, Payload proposed) {
    std::vector<Payload> one;
    one.push_back(std::move(proposed));
    return execute_all(ctx, state, std::move(one));
}

//-----------------------------------------------------------------------------
// [SECTION] Composite commands
//-----------------------------------------------------------------------------

Result<std::vector<Event>> seed_catalogue(const CommandContext& ctx, const State& state, const Catalogue& catalogue) {
    std::vector<Payload> payloads;
    for (const auto& item : catalogue.items)
        if (!state.find_item(item.item_id)) payloads.emplace_back(item);
    if (payloads.empty())
        return Error{make_error("catalogue.nothing_new", "", "目录中的项目都已存在", "every catalogue item is already defined")};
    return execute_all(ctx, state, std::move(payloads));
}

Result<std::vector<Event>> record_return_visit(const CommandContext& ctx, const State& state,
                                               ReturnVisitRecorded visit, const std::string& complaint_text) {
    if (complaint_text.empty()) return execute(ctx, state, std::move(visit));
    std::uint64_t seq = first_seq(ctx, state);
    std::string complaint_id = generated_id("CP", EventId{ctx.device, seq});
    if (visit.visit_id.empty()) visit.visit_id = generated_id("VS", EventId{ctx.device, seq + 1});
    ComplaintRecorded complaint;
    complaint.complaint_id = complaint_id;
    complaint.household_id = visit.household_id;
    complaint.item_id = visit.item_id;
    complaint.text = complaint_text;
    complaint.source = ComplaintSource::return_visit;
    complaint.visit_id = visit.visit_id;
    visit.complaint_id = complaint_id;
    std::vector<Payload> payloads;
    payloads.emplace_back(std::move(complaint));
    payloads.emplace_back(std::move(visit));
    return execute_all(ctx, state, std::move(payloads));
}

Result<std::vector<Event>> edit_field(const CommandContext& ctx, const State& state, RecordKind kind,
                                      const std::string& record, const std::string& field, FieldValue value) {
    return execute(ctx, state, FieldEdited{kind, record, field, std::move(value), {}});
}

Result<std::vector<Event>> assign_complaint(const CommandContext& ctx, const State& state,
                                            const std::string& complaint_id, const std::string& person_id) {
    return edit_field(ctx, state, RecordKind::complaint, complaint_id, "assignee", FieldValue{person_id});
}

Result<std::vector<Event>> resolve_conflict(const CommandContext& ctx, const State& state, const FieldKey& key,
                                            const EventId& chosen) {
    return execute(ctx, state, ConflictResolved{key.kind, key.record, key.field, chosen, FieldValue{}, {}});
}

//-----------------------------------------------------------------------------
// [SECTION] Desk
//-----------------------------------------------------------------------------

Result<std::vector<Event>> Desk::commit(Result<std::vector<Event>> result) {
    if (!result.ok()) return result;
    auto added = ledger_->add(result.value());
    if (!added.rejected.empty()) return added.rejected;
    return result;
}

Result<std::vector<Event>> Desk::run(const Actor& actor, Payload proposed) {
    return commit(execute(context(actor), ledger_->state(), std::move(proposed)));
}

Result<std::vector<Event>> Desk::run_all(const Actor& actor, std::vector<Payload> proposed) {
    return commit(execute_all(context(actor), ledger_->state(), std::move(proposed)));
}

}  // namespace bianmin
