// The demo year: a scripted estate run through the real commands.
//
// Index
// [SECTION] Script machinery
// [SECTION] Setting up the estate
// [SECTION] A month of work
// [SECTION] demo_events
#include "bianmin/demo.hpp"

#include <algorithm>
#include <string>

#include "bianmin/catalogue.hpp"
#include "bianmin/commands.hpp"
#include "bianmin/queries.hpp"

namespace bianmin {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Script machinery
//-----------------------------------------------------------------------------

// splitmix64: the same numbers on every platform (std distributions are not).
struct Random {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % std::uint64_t(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

const Actor kOM{"om", Role::office_manager}, kGM{"gm", Role::general_manager}, kFD1{"fd1", Role::front_desk},
    kFD2{"fd2", Role::front_desk}, kSW1{"sw1", Role::service_worker}, kSW2{"sw2", Role::service_worker},
    kCS{"cs1", Role::cashier}, kAG{"ag1", Role::assessment_group};

constexpr int kTz = kDefaultTzOffsetMinutes;

struct Run {
    DemoOptions opt;
    FakeClock clock;
    HlcClock hlc{clock};
    Ledger ledger;
    Desk office{ledger, hlc, "office"};
    Desk tablet{ledger, hlc, "tab1"};
    Random rng;
    Errors errors;
    std::vector<Event> last;
    std::vector<std::string> households;
    std::map<std::string, std::string> resident_of;  // household -> person
    std::vector<std::string> water_forms, parking_forms, housekeeping_forms;
    std::string table_id;

    explicit Run(const DemoOptions& o) : opt(o), clock(local_ms(o.year, 1, 2, 9, 0, kTz)), rng{o.seed} {}

    const State& state() const { return ledger.state(); }
    void at(int month_index, int day, int hour, int minute = 0) {
        int year = opt.year + (month_index - 1) / 12, month = (month_index - 1) % 12 + 1;
        std::int64_t t = local_ms(year, month, day, hour, minute, kTz);
        clock.set(std::max(t, clock.now_ms()));
    }
    bool run(const Actor& a, Payload p, Desk* desk = nullptr) {
        if (!errors.empty()) return false;
        auto r = (desk ? desk : &office)->run(a, std::move(p));
        if (!r.ok()) {
            errors = r.errors();
            return false;
        }
        last = r.value();
        return true;
    }
    bool commit(Result<std::vector<Event>> r) {
        if (!errors.empty()) return false;
        r = office.commit(std::move(r));
        if (!r.ok()) {
            errors = r.errors();
            return false;
        }
        last = r.value();
        return true;
    }
    template <class T>
    const T* made() const {
        for (const auto& e : last)
            if (const T* p = e.as<T>()) return p;
        return nullptr;
    }
};

std::string person_name(Random& rng) {
    static const char* kSurnames[] = {"李", "王", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
    static const char* kGiven[] = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超"};
    // One draw per statement: the operands of + are evaluated in no fixed order, and GCC
    // and clang (so the browser) would otherwise make different demo estates.
    std::string name = kSurnames[rng.below(16)];
    name += kGiven[rng.below(16)];
    if (rng.chance(50)) name += kGiven[rng.below(16)];
    return name;
}

std::string phone_number(Random& rng) {
    std::string p = "139";
    for (int i = 0; i < 8; ++i) p += char('0' + rng.below(10));
    return p;
}

//-----------------------------------------------------------------------------
// [SECTION] Setting up the estate
//-----------------------------------------------------------------------------

void set_up(Run& r) {
    r.run(kOM, EstateCreated{"demo-estate", "加州城市花园", "California City Garden", kTz, "欧经理"});
    r.run(kOM, StaffRegistered{"gm", "高总", {Role::general_manager}, "", ""});
    r.run(kOM, StaffRegistered{"fd1", "方丽", {Role::front_desk}, "1号窗口", "13800000001"});
    r.run(kOM, StaffRegistered{"fd2", "冯静", {Role::front_desk}, "2号窗口", "13800000002"});
    r.run(kOM, StaffRegistered{"sw1", "孙强", {Role::service_worker}, "送水组", ""});
    r.run(kOM, StaffRegistered{"sw2", "沈军", {Role::service_worker}, "家政组", ""});
    r.run(kOM, StaffRegistered{"cs1", "蔡敏", {Role::cashier}, "收银台", ""});
    r.run(kOM, StaffRegistered{"ag1", "艾组长", {Role::assessment_group}, "", ""});
    r.run(kOM, DeviceRegistered{"tab1", "服务平板", DeviceKind::office, ""});
    for (int b = 1; b <= r.opt.buildings; ++b) {
        std::string building = std::to_string(b);
        r.run(kOM, BuildingAdded{building, building + "栋"});
        for (int i = 0; i < r.opt.rooms_per_building; ++i) {
            std::string room = std::to_string((i / 2 + 1) * 100 + i % 2 + 1);
            std::string household = building + "-" + room;
            r.run(kFD1, HouseholdRegistered{household, building, room, phone_number(r.rng), ""});
            std::string person = "r-" + household;
            r.run(kFD1, ResidentRegistered{person, household, person_name(r.rng), phone_number(r.rng),
                                           r.rng.chance(80) ? Tenure::owner : Tenure::tenant});
            r.households.push_back(household);
            r.resident_of[household] = person;
        }
    }
    r.commit(seed_catalogue(r.office.context(kOM), r.state(), default_catalogue().value()));
    // Last year's opinion survey [1-4.1].
    r.at(1, 3, 10);
    r.run(kOM, SurveyOpened{"", r.opt.year - 1, "便民服务意见征询表", {"barrel_water", "parking", "housekeeping", "newspaper_agency"}});
    std::string survey = r.made<SurveyOpened>() ? r.made<SurveyOpened>()->survey_id : "";
    for (const auto& h : r.households) {
        if (!r.rng.chance(60)) continue;
        r.run(kFD2, SurveyAnswered{survey, h,
                                   {{"barrel_water", r.rng.chance(60), 4, 3 + r.rng.below(3)},
                                    {"housekeeping", r.rng.chance(30), 2, 2 + r.rng.below(4)},
                                    {"parking", r.rng.chance(40), 1, 0}},
                                   ""});
    }
    r.at(1, 6, 17);
    r.run(kOM, SurveyClosed{survey});
    // The price table: drafted by the manager, approved by the GM, published [1-4.1, 1-4.2].
    std::vector<PriceRow> rows;
    for (const auto& item : default_catalogue().value().items)
        rows.push_back(PriceRow{item.item_id, item.billing, item.price, item.unit_zh, item.unit_en, item.deposit,
                                item.prepayment, item.break_even_subscribers, item.monthly_cost});
    r.at(1, 8, 9);
    r.run(kOM, PriceTableDrafted{"", r.opt.year, 0, "", survey, rows, "按保本微利原则拟定"});
    r.table_id = r.made<PriceTableDrafted>() ? r.made<PriceTableDrafted>()->table_id : "";
    r.run(kOM, PriceTableSubmitted{r.table_id});
    r.at(1, 10, 11);
    r.run(kGM, PriceTableApproved{r.table_id, "同意"});
    r.at(1, 11, 9);
    r.run(kFD1, PriceTablePublished{r.table_id, {PublishChannel::office_notice, PublishChannel::notice_board,
                                                  PublishChannel::electronic_screen}});
}

//-----------------------------------------------------------------------------
// [SECTION] A month of work
//-----------------------------------------------------------------------------

void subscribe(Run& r, int month) {
    for (std::size_t i = 0; i < r.households.size(); ++i) {
        if (int(i % 3) != month - 1) continue;  // households join over the first three months
        const std::string& h = r.households[i];
        r.at(month, 12 + r.rng.below(12), 10);
        std::string name = r.state().find_resident(r.resident_of[h])->name;
        auto form = [&](const std::string& item, std::map<std::string, std::string> details) {
            return EntrustmentRegistered{"", h, name, "", item, EntrustmentKind::long_term, RequestChannel::in_person,
                                         std::move(details), Signature{{{{10, 20, 0}, {300, 90, 120}, {600, 40, 260}}}}, ""};
        };
        if (r.rng.chance(55) && r.run(kFD1, form("barrel_water", {}))) {
            std::string id = r.made<EntrustmentRegistered>()->form_id;
            r.water_forms.push_back(id);
            r.run(kCS, PaymentReceived{"", "", "", id, PaymentKind::deposit, Fen{3000}, PaymentMethod::cash, ""});
            r.run(kCS, PaymentReceived{"", "", "", id, PaymentKind::prepayment, Fen{10000}, PaymentMethod::cash, ""});
        }
        if (r.rng.chance(30) && r.run(kFD2, form("parking", {{"space", "P-" + h}, {"plate", "粤B" + std::to_string(10000 + r.rng.below(89999))}}))) {
            std::string id = r.made<EntrustmentRegistered>()->form_id;
            r.parking_forms.push_back(id);
            r.run(kCS, PaymentReceived{"", "", "", id, PaymentKind::deposit, Fen{20000}, PaymentMethod::cash, ""});
            r.run(kCS, PaymentReceived{"", "", "", id, PaymentKind::fee, Fen{15000}, PaymentMethod::card, "首月"});
        }
        if (r.rng.chance(25) && r.run(kFD1, form("housekeeping", {})))
            r.housekeeping_forms.push_back(r.made<EntrustmentRegistered>()->form_id);
        if (r.rng.chance(15)) r.run(kFD2, form("newspaper_agency", {{"publication", "深圳特区报"}, {"copies", "1"}}));
        if (r.rng.chance(10)) r.run(kFD2, form("broadband_agency", {{"provider", "电信"}, {"bandwidth", "500M"}}));
    }
}

void attendance(Run& r, int month) {
    for (int day = 2; day <= 27; day += 5)
        for (const Actor* a : {&kFD1, &kFD2, &kSW1, &kSW2, &kCS}) {
            r.at(month, day, 8, 20 + r.rng.below(20));
            r.run(*a, SignedIn{""});
            r.at(month, day, 17, 40 + r.rng.below(15));
            r.run(*a, SignedOut{""});
        }
}

void water_round(Run& r, int month, int day) {
    r.at(month, day, 9);
    for (const auto& id : r.water_forms) {
        const FormRecord* f = r.state().find_form(id);
        if (!f || f->stopped || !r.rng.chance(70)) continue;
        std::int64_t quantity = 1 + r.rng.below(2);
        if (f->prepaid_balance().value < 1800 * quantity)
            r.run(kCS, PaymentReceived{"", "", "", id, PaymentKind::prepayment, Fen{10000}, PaymentMethod::transfer, "续费"});
        const Actor& worker = r.rng.chance(50) ? kSW1 : kSW2;
        if (!r.run(worker, DeliveryLogged{"", "", "", id, "", quantity, Fen{}, ""}, &r.tablet)) return;
        std::string delivery = r.made<DeliveryLogged>()->delivery_id;
        if (r.rng.chance(85)) r.run(worker, DeliveryConfirmed{delivery, Signature{{{{5, 5, 0}, {90, 60, 80}}}}, ""}, &r.tablet);
    }
}

void housekeeping_round(Run& r, int month, int day) {
    std::vector<std::string> collections;
    for (const auto& id : r.housekeeping_forms) {
        const FormRecord* f = r.state().find_form(id);
        if (!f || f->stopped || !r.rng.chance(50)) continue;
        r.at(month, day, 9, 30);
        if (!r.run(kFD1, ServiceRequested{"", f->def.household_id, "housekeeping", id, RequestChannel::phone, "家居保洁", 0})) return;
        std::string request = r.made<ServiceRequested>()->request_id;
        r.run(kFD1, RequestHandedOn{request, "sw2", "安排上门"});
        r.at(month, day, 14 + r.rng.below(3));
        if (r.rng.chance(10)) r.at(month, day + 2, 10);  // now and then, late
        if (!r.run(kSW2, DeliveryLogged{"", "", "", id, request, 2 + r.rng.below(2), Fen{}, ""}, &r.tablet)) return;
        const DeliveryLogged* d = r.made<DeliveryLogged>();
        std::string delivery = d->delivery_id;
        Fen charge = d->charge;
        r.run(kSW2, DeliveryConfirmed{delivery, Signature{{{{1, 1, 0}, {50, 50, 40}}}}, ""}, &r.tablet);
        if (r.run(kSW2, FeeCollected{"", "", "", "", delivery, charge}, &r.tablet))
            collections.push_back(r.made<FeeCollected>()->collection_id);
    }
    if (collections.empty()) return;
    r.at(month, day + 1, 9);
    Fen counted;
    for (const auto& c : collections) counted += r.state().find_money(c)->cash;
    r.run(kCS, HandoverReceived{"", "sw2", collections, Fen{}, counted, ""});
}

void month_of_work(Run& r, int month) {
    r.at(month, 1, 9);
    const std::int64_t barrels = std::max<std::int64_t>(400, std::int64_t(r.households.size()) * 6);
    r.run(kFD1, WaterStockReceived{"", "barrel_water", barrels, "波仕塔水厂", Fen{900}});
    if (month == 5) {  // leave asked and approved in advance [2-2.4]
        r.at(month, 1, 9, 30);
        r.run(kFD2, LeaveRequested{"", LeaveKind::leave, local_ms(r.opt.year, 5, 20, 9, 0, kTz),
                                   local_ms(r.opt.year, 5, 22, 18, 0, kTz), "探亲"});
        std::string leave = r.made<LeaveRequested>() ? r.made<LeaveRequested>()->leave_id : "";
        r.run(kOM, LeaveDecided{leave, true, "同意"});
    }
    if (month <= 3) subscribe(r, month);
    // Monthly parking fees [1-4.5].
    r.at(month, 2, 10);
    if (month > 1)
        for (const auto& id : r.parking_forms) {
            const FormRecord* f = r.state().find_form(id);
            if (f && !f->stopped) r.run(kCS, PaymentReceived{"", "", "", id, PaymentKind::fee, Fen{15000}, PaymentMethod::card, ""});
        }
    attendance(r, month);
    for (int day : {5, 12, 19, 26}) water_round(r, month, day);
    for (int day : {8, 22}) housekeeping_round(r, month, day);
    // A complaint through its life cycle [1-4.11].
    if (month % 4 == 3 && !r.households.empty()) {
        r.at(month, 15, 11);
        r.run(kFD1, ComplaintRecorded{"", r.households[std::size_t(month) % r.households.size()], "barrel_water", "送水不及时",
                                      ComplaintSource::phone, ""});
        std::string complaint = r.made<ComplaintRecorded>() ? r.made<ComplaintRecorded>()->complaint_id : "";
        r.commit(assign_complaint(r.office.context(kOM), r.state(), complaint, "fd2"));
        r.at(month, 16, 10);
        r.run(kFD2, ComplaintAnswered{complaint, "已调整送水路线"});
        r.run(kFD2, ComplaintClosed{complaint, 4, "电话回访满意"});
    }
    if (month == 4) {
        r.at(month, 9, 10);
        r.run(kFD1, ProblemReported{"", "送水车刮伤业主车辆", "", "barrel_water", false});
        std::string problem = r.made<ProblemReported>() ? r.made<ProblemReported>()->problem_id : "";
        r.run(kFD1, ProblemEscalated{problem, "涉及赔偿"});
        r.at(month, 10, 10);
        r.run(kOM, ProblemDecided{problem, "由保险理赔,向业主致歉"});
    }
    if (month == 3) {
        r.at(month, 18, 15);
        r.run(kAG, ViolationRecorded{"", "fd2", 3, ViolationSource::county_inspection, date_at(r.state(), r.clock.now_ms()), 0, "县巡查发现上班玩手机"});
    }
    if (month == 10) {
        r.at(month, 11, 15);
        r.run(kAG, ViolationRecorded{"", "sw2", 7, ViolationSource::province_inspection, date_at(r.state(), r.clock.now_ms()), 0, "收受业主红包"});
    }
    // A resident moves out mid-year: stop and settle [1-4.12].
    if (month == 6 && !r.water_forms.empty()) {
        std::string id = r.water_forms.front();
        r.at(month, 27, 10);
        if (r.run(kFD1, ServiceStopped{id, StopReason::moving_out, "搬离小区"})) {
            const FormRecord* f = r.state().find_form(id);
            r.run(kCS, SettlementPaid{"", id, f->deposit_held(), Fen{}, f->prepaid_balance(), "退押金及预交余额"});
        }
    }
    // A price change through approval in July [3-4.3.4].
    if (month == 7) {
        std::vector<PriceRow> rows = r.state().find_table(r.table_id)->def.rows;
        for (auto& row : rows)
            if (row.item_id == "housekeeping") row.price = Fen{4500};
        r.at(month, 1, 10);
        r.run(kOM, PriceTableDrafted{"", r.opt.year, 0, r.table_id, "", rows, "家政调价"});
        std::string v2 = r.made<PriceTableDrafted>() ? r.made<PriceTableDrafted>()->table_id : "";
        r.run(kOM, BreakEvenMeasureRecorded{"", "housekeeping", YearMonth{r.opt.year, 6}, MeasureKind::price_change, "家政服务调价至45元/小时", v2});
        r.run(kOM, PriceTableSubmitted{v2});
        r.at(month, 3, 10);
        r.run(kGM, PriceTableApproved{v2, "同意调价"});
        r.run(kFD1, PriceTablePublished{v2, {PublishChannel::notice_board, PublishChannel::newsletter}});
        r.table_id = v2;
    }
    // Month end: report items below break-even, visit delivered households.
    r.at(month, 28, 16);
    for (const auto& [id, item] : r.state().items) {
        const PriceRow* row = current_price_row(r.state(), id);
        if (!row || row->break_even_subscribers == 0 || item.status != ItemStatus::active) continue;
        const std::int64_t now = r.clock.now_ms();
        const YearMonth this_month = month_at(r.state(), now);
        const std::int64_t month_start = month_start_ms(this_month, r.state().settings.tz_offset_minutes);
        if (break_even_households(r.state(), id, month_start, now) < row->break_even_subscribers && r.rng.chance(30))
            r.run(kFD1, BelowBreakEvenReported{"", id, this_month, "服务户数不足"});
    }
    int visits = 0;
    for (const auto& due : return_visits_due(r.state(), r.clock.now_ms())) {
        if (++visits > 4) break;
        r.run(kFD2, ReturnVisitRecorded{"", due.household_id, due.item_id, "", 3 + r.rng.below(3), "", ""});
    }
    // The GM's quality evaluation at the end of each half year [3-4.5.4].
    if (month % 6 == 0) {
        std::string period = Period::containing(YearMonth{r.opt.year + (month - 1) / 12, (month - 1) % 12 + 1}, 6).label();
        r.run(kGM, QualityEvaluated{"barrel_water", period, QualityRating::good, "回访满意度较高"});
        r.run(kGM, QualityEvaluated{"housekeeping", period, month == 6 ? QualityRating::fair : QualityRating::good, ""});
    }
    if (month == 12) {
        r.run(kAG, AnnualRatingRecorded{"fd1", r.opt.year, AnnualRating::excellent, ""});
        r.run(kAG, AnnualRatingRecorded{"fd2", r.opt.year, AnnualRating::competent, ""});
        r.run(kAG, AnnualRatingRecorded{"sw2", r.opt.year, AnnualRating::basically_competent, "省巡查通报"});
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] demo_events
//-----------------------------------------------------------------------------

Result<std::vector<Event>> demo_events(const DemoOptions& options) {
    DemoOptions o = options;
    o.months = std::clamp(o.months, 1, 24);
    o.buildings = std::clamp(o.buildings, 1, 99);
    o.rooms_per_building = std::clamp(o.rooms_per_building, 1, 200);
    Run r(o);
    set_up(r);
    for (int month = 1; month <= o.months && r.errors.empty(); ++month) month_of_work(r, month);
    if (!r.errors.empty()) return r.errors;
    return r.ledger.events();
}

}  // namespace bianmin
