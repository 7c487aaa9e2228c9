// Desk today — the day's work: open and overdue requests with their promised time
// (时效制, 限时办结制) and first-contact owner (首问责任制), taking a request or handing
// it on with a reason, and recording a request made by phone or in person
// [SPEC "Serving a resident" 3; 3-4.4.2, 2-2.5, 2-2.6, 3-4.2.5].
//
// The new-request form shows only to the roles the core lets record a request (a service
// worker sees the day's work and takes or hands on requests); handing on an owned
// request is its owner's or the office manager's (首问责任制).
//
// [SECTION] Summary
// [SECTION] Open requests
// [SECTION] Take or hand on
// [SECTION] New request
// [SECTION] Screen
#include "app.h"
#include "bianmin/fields.hpp"
#include "bianmin/queries.hpp"
#include "i18n/format.h"
#include "imgui.h"
#include "runtime/form.h"
#include "runtime/record_choices.h"
#include "runtime/session.h"
#include "screens/screens.h"
#include "ui/core_table.h"
#include "ui/widgets.h"

namespace bianmin::screens {
namespace {

std::string g_request;  // the request chosen in the table

//-------------------------------------------------------------------------------------
// [SECTION] Summary
//-------------------------------------------------------------------------------------

// The day's figures walk every request and delivery of the estate: worked out again when
// the state, the person, the language or the minute changes, not in every frame.
std::string summary_text(const State& s, const std::string& me, std::int64_t now) {
    const LocalDate today = date_at(s, now);
    std::int64_t open = 0, mine = 0, delivered_today = 0, unconfirmed = 0;
    for (const auto& [id, r] : s.requests) {
        if (r.done()) continue;
        ++open;
        if (r.owner == me) ++mine;
    }
    for (const auto& [id, d] : s.deliveries) {
        if (d.worker != me) continue;
        if (date_at(s, d.ms) == today) ++delivered_today;
        if (!d.confirmed()) ++unconfirmed;
    }
    return i18n::fill("desk.today_summary",
                      {to_string(today), std::to_string(open), std::to_string(overdue_requests(s, now).size()),
                       std::to_string(mine), std::to_string(delivered_today), std::to_string(unconfirmed),
                       std::to_string(return_visits_due(s, now).size())});
}

void draw_summary(const State& s, const std::string& me) {
    static std::string text, for_person;
    static std::uint64_t key = 0;
    const std::int64_t now = session::now_ms();
    const std::uint64_t now_key = ui::core_table_key({session::revision(), std::uint64_t(now / 60000)});  // and language
    if (text.empty() || key != now_key || for_person != me) {
        text = summary_text(s, me, now);
        key = now_key;
        for_person = me;
    }
    ui::value_text_wrapped(text);
}

//-------------------------------------------------------------------------------------
// [SECTION] Open requests
//-------------------------------------------------------------------------------------

void draw_requests(const State& s, bool only_overdue) {
    static ui::CoreTable open_table("desk.requests"), overdue_table("desk.overdue");
    static std::vector<std::string> open_ids, overdue_ids;
    ui::CoreTable& table = only_overdue ? overdue_table : open_table;
    std::vector<std::string>& ids = only_overdue ? overdue_ids : open_ids;
    const std::int64_t now = session::now_ms();
    // The overdue state changes with the clock: rebuild at least every minute.
    table.update(ui::core_table_key({session::revision(), std::uint64_t(now / 60000)}), [&](Language) {
        Table t;
        t.columns = {choices::column("due", "desk.col_due", true), choices::column("household", "desk.col_household"),
                     choices::column("item", "desk.col_item"), choices::column("detail", "desk.col_detail"),
                     choices::column("owner", "desk.col_owner"), choices::column("status", "desk.col_status"),
                     choices::column("request", "desk.col_request")};
        ids.clear();
        for (const auto& [id, r] : s.requests) {
            if (r.done() || (only_overdue && !r.overdue_at(now))) continue;
            ids.push_back(id);
            t.add_row({choices::when(s, r.def.due_ms), household_label(s, r.def.household_id),
                       choices::item_name(s, r.def.item_id), r.def.detail,
                       r.owner.empty() ? i18n::tr("desk.no_owner") : staff_name(s, r.owner),
                       i18n::tr(r.overdue_at(now) ? "desk.status_overdue" : "desk.status_open"), id});
        }
        return t;
    });
    const int clicked = table.draw({.height = ImGui::GetFontSize() * 12, .export_filename = "requests.csv"});
    if (clicked >= 0 && clicked < int(ids.size())) g_request = ids[std::size_t(clicked)];
}

//-------------------------------------------------------------------------------------
// [SECTION] Take or hand on
//-------------------------------------------------------------------------------------

void draw_hand_on(const State& s, const Actor& me_actor) {
    const std::string& me = me_actor.person_id;
    static int to = 0;
    static std::string reason;
    static session::Form form, take_form;
    auto it = s.requests.find(g_request);
    if (it == s.requests.end() || it->second.done()) {
        ui::hint("desk.pick_request");
        return;
    }
    const RequestRecord& r = it->second;
    ui::heading("desk.hand_on_heading");
    ui::value_text(household_label(s, r.def.household_id) + " · " + choices::item_name(s, r.def.item_id) + " · " + r.def.detail);
    ui::label_value("desk.owner", r.owner.empty() ? i18n::tr("desk.no_owner") : staff_name(s, r.owner));
    ui::label_value("desk.due", choices::when_text(s, r.def.due_ms));
    if (r.owner.empty()) {  // asked in the app: whoever takes it owns it
        if (ui::primary_button("desk.take_submit"))
            take_form.submit(session::run(RequestHandedOn{g_request, me, ""}), "desk.request_taken");
        take_form.show_other_errors({});
    } else if (r.owner != me && me_actor.role != Role::office_manager) {
        ui::hint("desk.hand_on_not_yours");
        return;
    }
    const auto& staff = choices::staff(s, role_bit(Role::front_desk) | role_bit(Role::service_worker) |
                                             role_bit(Role::office_manager));
    choices::pick("desk.hand_to", to, staff);
    if (const auto* e = form.error("to_person")) ui::error_text(e->message());
    ui::text_field("desk.hand_reason", reason, form.error("reason"), {.max_chars = 500});
    form.show_other_errors({"to_person", "reason"});
    const RequestHandedOn proposed{g_request, staff.id(to), reason};
    form.check_as_you_type(proposed);
    if (ui::button("desk.hand_submit") && form.submit(session::run(proposed), "desk.request_handed_on")) reason.clear();
}

//-------------------------------------------------------------------------------------
// [SECTION] New request
//-------------------------------------------------------------------------------------

void draw_new_request(const State& s) {
    static int household = 0, item = 0, channel = 0;
    static std::string detail;
    static session::Form form;
    ui::heading("desk.new_request_heading");
    const auto& households = choices::households(s);
    choices::pick("desk.request_household", household, households);
    if (const auto* e = form.error("household_id")) ui::error_text(e->message());
    const auto& items = choices::published_items(s);
    choices::pick("desk.request_item", item, items);
    if (const auto* e = form.error("item_id")) ui::error_text(e->message());
    const auto channels = choices::labels<RequestChannel>();
    ui::combo_data("desk.request_channel", &channel, channels);
    ui::text_field("desk.request_detail", detail, form.error("detail"), {.multiline = true, .max_chars = 500});
    form.show_other_errors({"household_id", "item_id", "form_id", "detail"});
    ServiceRequested p;
    p.household_id = households.id(household);
    p.item_id = items.id(item);
    if (const FormRecord* open = open_form(s, p.household_id, p.item_id)) p.form_id = open->def.form_id;
    p.channel = choices::value_at<RequestChannel>(channel);
    p.detail = detail;
    form.check_as_you_type(p);
    if (ui::primary_button("desk.request_submit")) {
        auto result = session::run(p);
        if (form.submit(result, "desk.request_saved")) {
            g_request = result.value().front().as<ServiceRequested>()->request_id;
            detail.clear();
        }
    }
}

}  // namespace

//-------------------------------------------------------------------------------------
// [SECTION] Screen
//-------------------------------------------------------------------------------------

void draw_desk_today(App&) {
    ui::title("nav.desk_today");
    const auto& actor = session::actor();
    if (!actor) return;
    const State& s = session::state();
    draw_summary(s, actor->person_id);
    if (!ui::begin_tabs("desk.today_tabs")) return;
    if (ui::tab("desk.tab_open")) {
        draw_requests(s, false);
        draw_hand_on(s, *actor);
        ui::end_tab();
    }
    if (ui::tab("desk.tab_overdue")) {
        draw_requests(s, true);
        draw_hand_on(s, *actor);
        ui::end_tab();
    }
    if (session::may_record(EventType::service_requested) && ui::tab("desk.tab_new_request")) {
        draw_new_request(s);
        ui::end_tab();
    }
    ui::end_tabs();
}

}  // namespace bianmin::screens
