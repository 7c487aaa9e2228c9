#include "ui/price_rows.h"

#include "bianmin/queries.hpp"
#include "bianmin/reports.hpp"
#include "i18n/format.h"
#include "i18n/i18n.h"
#include "runtime/data_month.h"
#include "runtime/record_choices.h"

namespace bianmin::ui {

namespace {
enum Col { kItem, kBilling, kPrice, kDeposit, kPrepayment, kBreakEven, kSubscribers, kRevenue, kCost, kFlag };
}

std::vector<TableColumn> PriceRowsSource::columns() {
    return {{"office.prices.col_item"},        {"office.prices.col_billing"},
            {"office.prices.col_price", true}, {"office.prices.col_deposit", true},
            {"office.prices.col_prepayment", true}, {"office.prices.col_break_even", true},
            {"office.prices.col_subscribers", true}, {"office.prices.col_revenue", true},
            {"office.prices.col_cost", true},  {"office.prices.col_flag"}};
}

void PriceRowsSource::set(const State& s, const std::vector<PriceRow>& rows, YearMonth month, std::int64_t now_ms) {
    rows_ = rows;
    figures_.clear();
    names_.clear();
    std::map<std::string, Fen> revenue;
    for (const BreakEvenRow& r : break_even_report(s, month).rows) revenue[r.item_id] = r.revenue;
    for (const PriceRow& row : rows_) {
        PriceRowFigures f;
        f.subscribers = subscriber_count(s, row.item_id, now_ms);
        if (auto it = revenue.find(row.item_id); it != revenue.end()) f.revenue = it->second;
        figures_.push_back(f);
        names_.push_back(choices::item_name(s, row.item_id));
    }
    ++version_;
}

std::string_view PriceRowsSource::cell(int row, int column, std::string& scratch) const {
    const PriceRow& r = rows_[std::size_t(row)];
    const PriceRowFigures& f = figures_[std::size_t(row)];
    switch (column) {
        case kItem: return names_[std::size_t(row)];
        case kBilling: return scratch = choices::label(r.billing);
        case kPrice: return scratch = i18n::money(r.price);
        case kDeposit: return scratch = i18n::money(r.deposit);
        case kPrepayment: return scratch = i18n::money(r.prepayment);
        case kBreakEven: return scratch = std::to_string(r.break_even_subscribers);
        case kSubscribers: return scratch = std::to_string(f.subscribers);
        case kRevenue: return scratch = i18n::money(f.revenue);
        case kCost: return scratch = i18n::money(r.monthly_cost);
        case kFlag:
            if (f.below_break_even(r)) return i18n::tr("office.prices.flag_below");
            if (f.loss(r)) return i18n::tr("office.prices.flag_loss");
            return r.billing == Billing::free ? std::string_view() : i18n::tr("office.prices.flag_ok");
        default: return {};
    }
}

std::int64_t PriceRowsSource::number(int row, int column) const {
    const PriceRow& r = rows_[std::size_t(row)];
    const PriceRowFigures& f = figures_[std::size_t(row)];
    switch (column) {
        case kPrice: return r.price.value;
        case kDeposit: return r.deposit.value;
        case kPrepayment: return r.prepayment.value;
        case kBreakEven: return r.break_even_subscribers;
        case kSubscribers: return f.subscribers;
        case kRevenue: return f.revenue.value;
        case kCost: return r.monthly_cost.value;
        default: return 0;
    }
}

}  // namespace bianmin::ui
