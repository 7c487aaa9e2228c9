// Import stages 3 and 4 (exchange_import.hpp) and the summary for people.
#include "bianmin/exchange_import.hpp"

#include <memory>
#include <set>

#include "exchange_detail.hpp"

namespace bianmin {

namespace {

// `projected` holds the store's events followed, in total order, by the new ones.
bool holds_store_and_new(const Ledger& projected, const Ledger& store, const std::vector<Event>& new_events) {
    if (projected.size() != store.size() + new_events.size()) return false;
    for (const Event& e : new_events)
        if (!projected.contains(e.id)) return false;
    for (const Event& e : store.events())
        if (!projected.contains(e.id)) return false;
    return true;
}

}  // namespace

Result<ImportPlan> plan_import(const Ledger& store, const Bundle& bundle, const ImportOptions& options,
                               std::shared_ptr<Ledger> projected) {
    const State& s = store.state();
    const BundleHeader& h = bundle.header;
    const std::string& store_estate = s.has_estate ? s.estate_id : options.estate_id;
    if (!store_estate.empty() && store_estate != h.estate_id)
        return bundle_error("bundle.other_estate", "estate_id", "文件属于 " + h.estate_id + ",本机数据属于 " + store_estate,
                            "the bundle is for " + h.estate_id + ", this store holds " + store_estate);

    ImportPlan plan;
    plan.header = h;
    ImportSummary& summary = plan.summary;
    summary.events_in_bundle = bundle.events.size();
    for (std::size_t i = 0; i < bundle.events.size(); ++i) {
        const Event& e = bundle.events[i];
        const Event* held = store.find(e.id);
        if (!held) {
            plan.new_events.push_back(e);
            summary.new_by_type[std::string(to_string(e.type()))] += 1;
        } else if (*held == e) {
            summary.duplicates += 1;
        } else {
            return bundle_error("bundle.id_conflict", "events[" + std::to_string(i) + "]", to_string(e.id), to_string(e.id));
        }
    }
    summary.new_events = plan.new_events.size();

    // After the digest (stage 2): a file damaged after sealing is named as such first.
    if (Errors bad = exchange_detail::check_event_shapes(bundle.events); !bad.empty()) return bad;
    if (Errors bad = exchange_detail::check_clocks(bundle.events, store.events(), options); !bad.empty()) return bad;
    // Records made inside the bundle are found in the store and the new events together,
    // added to a copy of the store only if its state alone cannot answer — and that copy
    // is what apply_import adopts, so a large import is projected once.
    plan.store_size = store.size();
    if (!store.events().empty()) plan.store_last = store.events().back().id;
    if (projected && holds_store_and_new(*projected, store, plan.new_events)) plan.combined = std::move(projected);
    const exchange_detail::Lookup lookup{s, [&]() -> const State* {
        if (plan.combined) return &plan.combined->state();
        auto combined = std::make_shared<Ledger>(store);
        auto added = combined->add(plan.new_events);
        if (!added.rejected.empty()) return nullptr;  // apply_import reports it
        plan.combined = std::move(combined);
        plan.combined_rebuilt = added.rebuilt;
        return &plan.combined->state();
    }};
    if (Errors bad = exchange_detail::check_permissions(bundle, lookup); !bad.empty()) return bad;
    return plan;
}

namespace {

bool unchanged_since(const Ledger& store, const ImportPlan& plan) {
    if (store.size() != plan.store_size) return false;
    return store.events().empty() ? !plan.store_last : plan.store_last && store.events().back().id == *plan.store_last;
}

// Adopts the plan's combined store (moving it when `owned`), or adds the new events.
Result<ImportSummary> apply_plan(Ledger& store, const ImportPlan& plan, bool owned) {
    const std::set<FieldKey> conflicted_before = store.state().conflicted;
    ImportSummary summary = plan.summary;
    if (plan.combined && unchanged_since(store, plan)) {
        if (owned) store = std::move(*plan.combined);
        else store = *plan.combined;
        summary.rebuilt = plan.combined_rebuilt;
    } else {
        auto added = store.add(plan.new_events);
        if (!added.rejected.empty()) return exchange_detail::id_conflict(added.rejected);
        // Exact when the store did not change since the plan; otherwise events added in
        // between count as duplicates.
        summary.new_events = added.added;
        summary.duplicates += added.duplicates;
        summary.rebuilt = added.rebuilt;
    }
    for (const auto& key : store.state().conflicted)
        if (!conflicted_before.count(key)) summary.new_conflicts.push_back(key);
    summary.conflicts_found = summary.new_conflicts.size();
    summary.conflicts_open = store.state().conflicted.size();
    return summary;
}

}  // namespace

Result<ImportSummary> apply_import(Ledger& store, const ImportPlan& plan) { return apply_plan(store, plan, false); }

Result<ImportSummary> apply_import(Ledger& store, ImportPlan&& plan) {
    return apply_plan(store, plan, plan.combined.use_count() == 1);
}

Result<ImportSummary> import_bundle(Ledger& store, std::string_view text, const Sha256Hex& sha256,
                                    const ImportOptions& options) {
    auto bundle = open_bundle(text, sha256, options);
    if (!bundle.ok()) return bundle.errors();
    auto plan = plan_import(store, bundle.value(), options);
    if (!plan.ok()) return plan.errors();
    return apply_import(store, std::move(plan).value());
}

std::string summary_text(const ImportSummary& summary, Language language) {
    std::string out;
    auto n = [](std::size_t v) { return std::to_string(v); };
    if (language == Language::zh) {
        out = "新事件 " + n(summary.new_events) + " 条,跳过重复 " + n(summary.duplicates) + " 条,发现冲突 " +
              n(summary.conflicts_found) + " 处(待处理冲突共 " + n(summary.conflicts_open) + " 处)\n";
    } else {
        out = n(summary.new_events) + " new events, " + n(summary.duplicates) + " duplicates skipped, " +
              n(summary.conflicts_found) + " conflicts found (" + n(summary.conflicts_open) + " open)\n";
    }
    for (const auto& [type, count] : summary.new_by_type) out += "  " + type + ": " + n(count) + "\n";
    return out;
}

}  // namespace bianmin
