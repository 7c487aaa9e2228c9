// JSON of every payload: keys are the member names, all required (payloads.hpp).
#include "json_detail.hpp"

namespace bianmin {

// estate, people, devices
BIANMIN_JSON_DEFINE(EstateCreated, estate_id, name_zh, name_en, tz_offset_minutes, founder_name)
BIANMIN_JSON_DEFINE(StaffRegistered, person_id, name, roles, window, phone)
BIANMIN_JSON_DEFINE(StaffDeactivated, person_id, reason)
BIANMIN_JSON_DEFINE(DeviceRegistered, device, label, kind, household_id)
BIANMIN_JSON_DEFINE(DeviceRevoked, device, reason)
BIANMIN_JSON_DEFINE(BuildingAdded, building_id, name)
BIANMIN_JSON_DEFINE(HouseholdRegistered, household_id, building_id, room, phone, note)
BIANMIN_JSON_DEFINE(ResidentRegistered, person_id, household_id, name, phone, tenure)
// field edits
BIANMIN_JSON_DEFINE(FieldEdited, kind, record, field, value, supersedes)
BIANMIN_JSON_DEFINE(ConflictResolved, kind, record, field, chosen, value, supersedes)
// items, surveys, price tables
BIANMIN_JSON_DEFINE(ItemDefined, item_id, name_zh, name_en, billing, unit_zh, unit_en, price, deposit, prepayment,
                    break_even_subscribers, monthly_cost, promised_hours, registers)
BIANMIN_JSON_DEFINE(SurveyOpened, survey_id, year, title, item_ids)
BIANMIN_JSON_DEFINE(SurveyAnswer, item_id, wanted, times_per_month, satisfaction)
BIANMIN_JSON_DEFINE(SurveyAnswered, survey_id, household_id, answers, comment)
BIANMIN_JSON_DEFINE(SurveyClosed, survey_id)
BIANMIN_JSON_DEFINE(PriceRow, item_id, billing, price, unit_zh, unit_en, deposit, prepayment, break_even_subscribers,
                    monthly_cost)
BIANMIN_JSON_DEFINE(PriceTableDrafted, table_id, year, version, replaces, survey_id, rows, note)
BIANMIN_JSON_DEFINE(PriceTableRevised, table_id, rows, note)
BIANMIN_JSON_DEFINE(PriceTableSubmitted, table_id)
BIANMIN_JSON_DEFINE(PriceTableApproved, table_id, comment)
BIANMIN_JSON_DEFINE(PriceTableRejected, table_id, comment)
BIANMIN_JSON_DEFINE(PriceTablePublished, table_id, channels)
// break-even
BIANMIN_JSON_DEFINE(BelowBreakEvenReported, report_id, item_id, month, note)
BIANMIN_JSON_DEFINE(BreakEvenMeasureRecorded, measure_id, item_id, month, kind, note, price_table_id)
BIANMIN_JSON_DEFINE(ItemStopRequested, item_id, reason)
BIANMIN_JSON_DEFINE(ItemStopDecided, item_id, approved, comment)
// serving
BIANMIN_JSON_DEFINE(EntrustmentRegistered, form_id, household_id, resident_name, phone, item_id, kind, channel, details,
                    signature, note)
BIANMIN_JSON_DEFINE(EntrustmentSigned, form_id, signature)
BIANMIN_JSON_DEFINE(ServiceRequested, request_id, household_id, item_id, form_id, channel, detail, due_ms)
BIANMIN_JSON_DEFINE(RequestHandedOn, request_id, to_person, reason)
BIANMIN_JSON_DEFINE(DeliveryLogged, delivery_id, household_id, item_id, form_id, request_id, quantity, charge, note)
BIANMIN_JSON_DEFINE(DeliveryConfirmed, delivery_id, signature, comment)
BIANMIN_JSON_DEFINE(ServiceStopped, form_id, reason_code, reason)
// money
BIANMIN_JSON_DEFINE(PaymentReceived, payment_id, household_id, item_id, form_id, kind, amount, method, note)
BIANMIN_JSON_DEFINE(FeeCollected, collection_id, household_id, item_id, form_id, delivery_id, amount)
BIANMIN_JSON_DEFINE(HandoverReceived, handover_id, staff_id, collection_ids, expected, counted, note)
BIANMIN_JSON_DEFINE(MoneyReversed, reversal_id, entry_id, reason)
BIANMIN_JSON_DEFINE(SettlementPaid, settlement_id, form_id, deposit_refund, deposit_retained, prepayment_refund, note)
// problems, complaints, visits, quality, water
BIANMIN_JSON_DEFINE(ProblemReported, problem_id, summary, household_id, item_id, major)
BIANMIN_JSON_DEFINE(ProblemEscalated, problem_id, note)
BIANMIN_JSON_DEFINE(ProblemDecided, problem_id, decision)
BIANMIN_JSON_DEFINE(ComplaintRecorded, complaint_id, household_id, item_id, text, source, visit_id)
BIANMIN_JSON_DEFINE(ComplaintAnswered, complaint_id, answer)
BIANMIN_JSON_DEFINE(ComplaintClosed, complaint_id, satisfaction, comment)
BIANMIN_JSON_DEFINE(ReturnVisitRecorded, visit_id, household_id, item_id, form_id, satisfaction, comment, complaint_id)
BIANMIN_JSON_DEFINE(QualityEvaluated, item_id, period, rating, comment)
BIANMIN_JSON_DEFINE(WaterStockReceived, receipt_id, item_id, quantity, supplier, unit_cost)
// staff
BIANMIN_JSON_DEFINE(SignedIn, note)
BIANMIN_JSON_DEFINE(SignedOut, note)
BIANMIN_JSON_DEFINE(LeaveRequested, leave_id, kind, from_ms, to_ms, reason)
BIANMIN_JSON_DEFINE(LeaveDecided, leave_id, approved, comment)
BIANMIN_JSON_DEFINE(ViolationRecorded, violation_id, person_id, conduct_item, source, found_on, extra_months, note)
BIANMIN_JSON_DEFINE(ViolationWithdrawn, violation_id, reason)
BIANMIN_JSON_DEFINE(AnnualRatingRecorded, person_id, year, rating, comment)
// sign-in PINs
BIANMIN_JSON_DEFINE(PinSet, person_id, salt, hash, iterations, algorithm)

}  // namespace bianmin
