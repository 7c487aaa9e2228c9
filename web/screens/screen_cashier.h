// The cashier's screen (screen_cashier*.cpp): money taken at the desk and reversals
// (screen_cashier.cpp); hand-overs from staff, reconciliation and settlements
// (screen_cashier_handover.cpp).
#pragma once

#include <string_view>

#include "bianmin/event.hpp"
#include "runtime/form.h"
#include "ui/fields.h"

namespace bianmin::screens::cashier {

// The forms of these screens are drawn only for a role that may run them
// (session::may_record); the office manager looks at the lists read-only.

// The core's error for a money field, unless the field already shows its own (not an amount).
const ui::FieldError* money_error(const session::Form& form, const ui::MoneyInput& money, std::string_view field);

void draw_receive();         // PaymentReceived: fees, prepayments, deposits [3-3.5, 3-4.3]
void draw_ledger();          // the money ledger; MoneyReversed (never edited or deleted)
void draw_handovers();       // HandoverReceived [1-4.8]
void draw_reconciliation();  // per staff: collected against handed over; the desk's own cash
void draw_settlements();     // SettlementPaid for stopped forms [1-4.12]; the list only, read-only for others

}  // namespace bianmin::screens::cashier
