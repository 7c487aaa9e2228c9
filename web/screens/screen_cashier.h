// The cashier's screen (screen_cashier*.cpp): money taken at the desk and reversals
// (screen_cashier.cpp); hand-overs from staff, reconciliation and settlements
// (screen_cashier_handover.cpp).
#pragma once

namespace bianmin::screens::cashier {

void draw_receive();         // PaymentReceived: fees, prepayments, deposits [3-3.5, 3-4.3]
void draw_ledger();          // the money ledger; MoneyReversed (never edited or deleted)
void draw_handovers();       // HandoverReceived [1-4.8]
void draw_reconciliation();  // per staff: collected against handed over; the desk's own cash
void draw_settlements();     // SettlementPaid for stopped forms [1-4.12]

}  // namespace bianmin::screens::cashier
