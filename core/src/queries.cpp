// Read-only queries over State.
//
// Index
// [SECTION] Labels
// [SECTION] Price tables and charges
// [SECTION] Subscribers and forms
// [SECTION] Requests and return visits
// [SECTION] Staff cash
// [SECTION] Surveys and conflicts
#include "bianmin/queries.hpp"

#include <algorithm>
#include <set>

namespace bianmin {

//-----------------------------------------------------------------------------
// [SECTION] Labels
//-----------------------------------------------------------------------------

std::string household_label(const State& s, const std::string& household_id) {
    const auto* h = s.find_household(household_id);
    if (!h) return household_id;
    return h->building_id + "-" + h->room;
}

std::string staff_name(const State& s, const std::string& person_id) {
    const auto* staff = s.find_staff(person_id);
    if (staff) return staff->name;
    const auto* resident = s.find_resident(person_id);
    return resident ? resident->name : person_id;
}

std::string item_name_zh(const State& s, const std::string& item_id) {
    const auto* item = s.find_item(item_id);
    return item ? item->def.name_zh : item_id;
}

std::string item_name_en(const State& s, const std::string& item_id) {
    const auto* item = s.find_item(item_id);
    return item && !item->def.name_en.empty() ? item->def.name_en : item_name_zh(s, item_id);
}

//-----------------------------------------------------------------------------
// [SECTION] Price tables and charges
//-----------------------------------------------------------------------------

const PriceTableRecord* current_price_table(const State& s) {
    if (s.published_tables.empty()) return nullptr;
    return s.find_table(s.published_tables.back());
}

const PriceTableRecord* price_table_at(const State& s, std::int64_t at_ms) {
    for (auto it = s.published_tables.rbegin(); it != s.published_tables.rend(); ++it) {
        const auto* table = s.find_table(*it);
        if (table && table->published_ms <= at_ms) return table;
    }
    return nullptr;
}

const PriceRow* price_row_at(const State& s, const std::string& item_id, std::int64_t at_ms) {
    const auto* table = price_table_at(s, at_ms);
    return table ? table->row(item_id) : nullptr;
}

const PriceRow* current_price_row(const State& s, const std::string& item_id) {
    const auto* table = current_price_table(s);
    return table ? table->row(item_id) : nullptr;
}

Fen delivery_charge(const PriceRow& row, std::int64_t quantity) {
    if (row.billing == Billing::per_use || row.billing == Billing::one_off) return Fen{row.price.value * quantity};
    return Fen{0};
}

std::int64_t next_price_table_version(const State& s, std::int64_t year) {
    std::int64_t v = 0;
    for (const auto& [id, t] : s.price_tables)
        if (t.def.year == year) v = std::max(v, t.def.version);
    return v + 1;
}

std::int64_t suggested_break_even(Fen monthly_cost, Fen revenue_per_subscriber_month) {
    if (revenue_per_subscriber_month.value <= 0) return 0;
    return (monthly_cost.value + revenue_per_subscriber_month.value - 1) / revenue_per_subscriber_month.value;
}

//-----------------------------------------------------------------------------
// [SECTION] Subscribers and forms
//-----------------------------------------------------------------------------

std::vector<const FormRecord*> subscribers(const State& s, const std::string& item_id, std::int64_t at_ms) {
    std::vector<const FormRecord*> out;
    for (const auto& [id, form] : s.forms)
        if (form.def.item_id == item_id && form.active_at(at_ms)) out.push_back(&form);
    std::stable_sort(out.begin(), out.end(), [](const FormRecord* a, const FormRecord* b) {
        return a->def.household_id < b->def.household_id;
    });
    return out;
}

std::int64_t subscriber_count(const State& s, const std::string& item_id, std::int64_t at_ms) {
    std::int64_t n = 0;
    for (const auto& [id, form] : s.forms)
        if (form.def.item_id == item_id && form.active_at(at_ms)) ++n;
    return n;
}

std::int64_t break_even_households(const State& s, const std::string& item_id, std::int64_t month_start_ms,
                                   std::int64_t at_ms) {
    std::set<std::string_view> households;
    for (const auto& [id, form] : s.forms) {
        if (form.def.item_id != item_id) continue;
        const bool one_off_this_month = form.def.kind == EntrustmentKind::one_off && form.is_signed() &&
                                        form.signed_ms >= month_start_ms && form.signed_ms <= at_ms;
        if (one_off_this_month || form.active_at(at_ms)) households.insert(form.def.household_id);
    }
    return std::int64_t(households.size());
}

const FormRecord* open_form(const State& s, const std::string& household_id, const std::string& item_id) {
    auto it = s.open_forms.find(pair_key(household_id, item_id));
    return it == s.open_forms.end() ? nullptr : s.find_form(it->second);
}

std::vector<const FormRecord*> forms_of_household(const State& s, const std::string& household_id) {
    std::vector<const FormRecord*> out;
    for (const auto& [id, form] : s.forms)
        if (form.def.household_id == household_id) out.push_back(&form);
    std::stable_sort(out.begin(), out.end(),
                     [](const FormRecord* a, const FormRecord* b) { return a->registered_ms < b->registered_ms; });
    return out;
}

std::int64_t months_billed(const State& s, const FormRecord& form, std::int64_t at_ms) {
    if (!form.is_signed()) return 0;
    std::int64_t end = form.stopped ? std::min(form.stopped_ms, at_ms) : at_ms;
    if (end < form.signed_ms) return 0;
    YearMonth first = month_at(s, form.signed_ms), last = month_at(s, end);
    return std::int64_t(last.year - first.year) * 12 + (last.month - first.month) + 1;
}

Fen amount_due(const State& s, const FormRecord& form, std::int64_t at_ms) {
    const PriceRow* row = price_row_at(s, form.def.item_id, at_ms);
    if (row && row->billing == Billing::per_month) {
        Fen billed{row->price.value * months_billed(s, form, at_ms)};
        return billed - form.fees_paid - (form.prepaid - form.prepayment_refunded);
    }
    return form.fees_owed();
}

std::vector<const FormRecord*> unsettled_stopped_forms(const State& s) {
    std::vector<const FormRecord*> out;
    for (const auto& [id, form] : s.forms)
        if (form.stopped && !form.settled &&
            (form.deposit_held().value != 0 || form.prepaid_balance().value > 0))
            out.push_back(&form);
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Requests and return visits
//-----------------------------------------------------------------------------

std::int64_t promised_hours(const State& s, const std::string& item_id) {
    const auto* item = s.find_item(item_id);
    if (item && item->def.promised_hours > 0) return item->def.promised_hours;
    return s.settings.default_promised_hours;
}

std::vector<const RequestRecord*> overdue_requests(const State& s, std::int64_t now_ms) {
    std::vector<const RequestRecord*> out;
    for (const auto& [id, request] : s.requests)
        if (request.overdue_at(now_ms)) out.push_back(&request);
    std::stable_sort(out.begin(), out.end(), [](const RequestRecord* a, const RequestRecord* b) {
        return a->def.due_ms < b->def.due_ms;
    });
    return out;
}

std::vector<const RequestRecord*> requests_owned_by(const State& s, const std::string& person_id) {
    std::vector<const RequestRecord*> out;
    for (const auto& [id, request] : s.requests)
        if (request.owner == person_id) out.push_back(&request);
    return out;
}

std::vector<VisitDue> return_visits_due(const State& s, std::int64_t now_ms) {
    std::vector<VisitDue> out;
    const std::int64_t interval = std::int64_t(s.settings.return_visit_interval_days) * kMsPerDay;
    for (const auto& [key, delivered_ms] : s.last_delivery_ms) {
        auto visit = s.last_visit_ms.find(key);
        std::int64_t visited = visit == s.last_visit_ms.end() ? 0 : visit->second;
        bool due = visited == 0 ? now_ms - delivered_ms >= 0 : now_ms - visited >= interval && delivered_ms > visited;
        if (!due) continue;
        auto bar = key.find('|');
        out.push_back(VisitDue{key.substr(0, bar), key.substr(bar + 1), delivered_ms, visited});
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Staff cash
//-----------------------------------------------------------------------------

std::int64_t oldest_unhanded_ms(const State& s, const std::string& person_id) {
    auto it = s.unhanded.find(person_id);
    if (it == s.unhanded.end() || it->second.empty()) return 0;
    std::int64_t oldest = 0;
    for (const auto& [id, ms] : it->second)
        if (oldest == 0 || ms < oldest) oldest = ms;
    return oldest;
}

std::vector<StaffCash> staff_cash(const State& s, std::int64_t now_ms) {
    std::map<std::string, StaffCash> by_person;
    for (const auto& entry : s.money) {
        if (entry.kind != MoneyEntryKind::collection || !entry.reversed_by.empty()) continue;
        auto& row = by_person[entry.taken_by];
        row.collected += entry.cash;
        row.collections += 1;
    }
    for (const auto& [id, handover] : s.handovers) {
        auto& row = by_person[handover.def.staff_id];
        row.handed_over_expected += handover.def.expected;
        row.handed_over_counted += handover.def.counted;
        row.discrepancy += handover.discrepancy();
        row.handovers += 1;
    }
    std::vector<StaffCash> out;
    const std::int64_t limit = std::int64_t(s.settings.handover_limit_days) * kMsPerDay;
    for (auto& [person, row] : by_person) {
        row.person_id = person;
        row.name = staff_name(s, person);
        row.on_hand = row.collected - row.handed_over_expected;
        row.oldest_unhanded_ms = oldest_unhanded_ms(s, person);
        row.overdue = row.oldest_unhanded_ms != 0 && now_ms - row.oldest_unhanded_ms > limit;
        out.push_back(row);
    }
    return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Surveys and conflicts
//-----------------------------------------------------------------------------

std::vector<SurveyItemSummary> survey_summary(const State& s, const std::string& survey_id) {
    std::vector<SurveyItemSummary> out;
    auto it = s.surveys.find(survey_id);
    if (it == s.surveys.end()) return out;
    for (const auto& item : it->second.def.item_ids) out.push_back(SurveyItemSummary{item});
    for (const auto& [household, answered] : it->second.answers) {
        for (const auto& answer : answered.answers) {
            for (auto& row : out) {
                if (row.item_id != answer.item_id) continue;
                row.responses += 1;
                if (answer.wanted) {
                    row.wanted += 1;
                    row.times_per_month += answer.times_per_month;
                }
                if (answer.satisfaction > 0) {
                    row.satisfaction_sum += answer.satisfaction;
                    row.satisfaction_count += 1;
                }
            }
        }
    }
    return out;
}

std::vector<Conflict> conflicts(const State& s) {
    std::vector<Conflict> out;
    for (const auto& key : s.conflicted) {
        auto it = s.fields.find(key);
        if (it == s.fields.end() || !it->second.in_conflict()) continue;
        Conflict c{key, {}};
        for (auto index : it->second.heads) c.candidates.push_back(it->second.edits[index]);
        out.push_back(std::move(c));
    }
    return out;
}

const FieldHistory* field_history(const State& s, const FieldKey& key) {
    auto it = s.fields.find(key);
    return it == s.fields.end() ? nullptr : &it->second;
}

}  // namespace bianmin
