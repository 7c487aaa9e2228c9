// Price rows — the rows of a price table with their break-even figures, as a TableSource
// for ui::DataTable. The office manager's draft editor and the general manager's review
// show the same columns: per item, the price, deposit and prepayment, the break-even
// number of subscribers against the subscribers now, and the month's revenue against the
// monthly cost [1-4.1, 3-4.1.4].
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bianmin/payloads.hpp"
#include "bianmin/state.hpp"
#include "ui/data_table.h"

namespace bianmin::ui {

struct PriceRowFigures {
    std::int64_t subscribers = 0;  // long-term subscribers now
    Fen revenue;                   // income of the item in the figures' month
    bool below_break_even(const PriceRow& row) const {
        return row.break_even_subscribers > 0 && subscribers < row.break_even_subscribers;
    }
    bool loss(const PriceRow& row) const { return row.billing != Billing::free && revenue < row.monthly_cost; }
};

class PriceRowsSource : public TableSource {
public:
    // Columns for a DataTable showing this source (same order as cell()).
    static std::vector<TableColumn> columns();

    // Recomputes the figures for `rows` (subscribers at now_ms, revenue in `month`).
    void set(const State& s, const std::vector<PriceRow>& rows, YearMonth month, std::int64_t now_ms);
    const std::vector<PriceRow>& rows() const { return rows_; }
    const PriceRowFigures& figures(int row) const { return figures_[std::size_t(row)]; }

    int row_count() const override { return int(rows_.size()); }
    std::string_view cell(int row, int column, std::string& scratch) const override;
    std::int64_t number(int row, int column) const override;
    std::uint64_t version() const override { return version_; }

private:
    std::vector<PriceRow> rows_;
    std::vector<PriceRowFigures> figures_;
    std::vector<std::string> names_;
    std::uint64_t version_ = 0;
};

}  // namespace bianmin::ui
