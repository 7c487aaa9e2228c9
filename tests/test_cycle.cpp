// Area 4: the yearly cycle — opinion survey and its per-item summary; the price table
// draft → submitted → approved/rejected (with comment) → published on channels;
// published tables are immutable, a change is a new version. SPEC [1-4.1, 1-4.2,
// 3-4.1, 3-4.2.2].
#include "fixture.hpp"

using namespace fx;

namespace {

std::string open_survey(World& w) {
    auto events = w.ok(OM, SurveyOpened{"", 2023, "2023年便民服务调查", {"barrel_water", "housekeeping", "parking"}});
    return w.payload_of<SurveyOpened>(events).survey_id;
}

std::string draft(World& w, std::vector<PriceRow> rows = catalogue_rows(), std::int64_t year = 2024,
                  std::string replaces = "") {
    auto events = w.ok(OM, PriceTableDrafted{"", year, 0, replaces, "", std::move(rows), ""});
    return w.payload_of<PriceTableDrafted>(events).table_id;
}

}  // namespace

TEST_CASE("[3-4.1.3] the opinion survey is summarised per item: who wants it, how often, how satisfied") {
    World w;
    w.found();
    w.seed();
    std::string survey = open_survey(w);
    w.ok(R101, SurveyAnswered{survey, "1-101", {{"barrel_water", true, 4, 5}, {"housekeeping", true, 2, 3}}, "水很好"});
    w.ok(FD, SurveyAnswered{survey, "1-102", {{"barrel_water", true, 2, 4}, {"parking", false, 0, 0}}, ""});
    w.ok(FD, SurveyAnswered{survey, "2-201", {{"barrel_water", false, 0, 2}}, ""});
    auto summary = survey_summary(w.state(), survey);
    REQUIRE(summary.size() == 3);
    CHECK(summary[0].item_id == "barrel_water");
    CHECK(summary[0].responses == 3);
    CHECK(summary[0].wanted == 2);
    CHECK(summary[0].times_per_month == 6);
    CHECK(summary[0].satisfaction_x10() == 36);  // (5+4+2)/3 = 3.66
    CHECK(summary[1].wanted == 1);
    CHECK(summary[2].responses == 1);
    CHECK(summary[2].wanted == 0);
    CHECK(summary[2].satisfaction_count == 0);
    Table t = survey_table(w.state(), survey);
    CHECK(t.rows.size() == 3);
    CHECK(t.cell(0, "satisfaction") == "3.6");
}

TEST_CASE("[3-4.1.3] a household's later answer replaces its earlier one") {
    World w;
    w.found();
    w.seed();
    std::string survey = open_survey(w);
    w.ok(FD, SurveyAnswered{survey, "1-101", {{"parking", true, 1, 3}}, ""});
    w.ok(R101, SurveyAnswered{survey, "1-101", {{"parking", false, 0, 3}}, "改主意了"});
    auto summary = survey_summary(w.state(), survey);
    CHECK(summary[2].responses == 1);
    CHECK(summary[2].wanted == 0);
}

TEST_CASE("[3-4.1.2] survey errors: items, answers, closed surveys") {
    World w;
    w.found();
    w.seed();
    SUBCASE("opening") {
        CHECK(has(w.fail(OM, SurveyOpened{"", 2023, "", {"parking"}}), "survey.title_required"));
        CHECK(has(w.fail(OM, SurveyOpened{"", 1899, "调查", {"parking"}}), "survey.bad_year"));
        CHECK(has(w.fail(OM, SurveyOpened{"", 2023, "调查", {}}), "survey.no_items"));
        CHECK(has(w.fail(OM, SurveyOpened{"", 2023, "调查", {"nope"}}), "survey.unknown_item"));
        CHECK(has(w.fail(OM, SurveyOpened{"", 2023, "调查", {"parking", "parking"}}), "survey.duplicate_item"));
    }
    SUBCASE("answering") {
        std::string survey = open_survey(w);
        CHECK(has(w.fail(FD, SurveyAnswered{"nope", "1-101", {{"parking", true, 1, 3}}, ""}), "survey.unknown"));
        CHECK(has(w.fail(FD, SurveyAnswered{survey, "9-9", {{"parking", true, 1, 3}}, ""}), "survey.unknown_household"));
        CHECK(has(w.fail(FD, SurveyAnswered{survey, "1-101", {}, ""}), "survey.no_answers"));
        CHECK(has(w.fail(FD, SurveyAnswered{survey, "1-101", {{"venue_rental", true, 1, 3}}, ""}), "survey.item_not_in_survey"));
        CHECK(has(w.fail(FD, SurveyAnswered{survey, "1-101", {{"parking", true, 1, 9}}, ""}), "survey.bad_answer"));
        CHECK(has(w.fail(FD, SurveyAnswered{survey, "1-101", {{"parking", true, 1, 3}, {"parking", true, 1, 3}}, ""}),
                  "survey.duplicate_item"));
        w.ok(OM, SurveyClosed{survey});
        CHECK(has(w.fail(FD, SurveyAnswered{survey, "1-101", {{"parking", true, 1, 3}}, ""}), "survey.closed"));
        CHECK(has(w.fail(OM, SurveyClosed{survey}), "survey.closed"));
        CHECK(has(w.fail(OM, SurveyClosed{"nope"}), "survey.unknown"));
    }
}

TEST_CASE("[1-4.1] the price table goes draft → submitted → approved → published") {
    World w;
    w.found();
    w.seed();
    std::string survey = open_survey(w);
    auto events = w.ok(OM, PriceTableDrafted{"", 2024, 0, "", survey, catalogue_rows(), "按保本微利原则"});
    std::string id = w.payload_of<PriceTableDrafted>(events).table_id;
    const PriceTableRecord* t = w.state().find_table(id);
    REQUIRE(t);
    CHECK(t->status == PriceTableStatus::draft);
    CHECK(t->def.version == 1);
    CHECK(t->authors == std::vector<std::string>{"om"});
    w.ok(OM, PriceTableSubmitted{id});
    CHECK(t->status == PriceTableStatus::submitted);
    w.ok(GM, PriceTableApproved{id, "同意执行"});
    CHECK(t->status == PriceTableStatus::approved);
    CHECK(t->decided_by == "gm");
    CHECK(current_price_table(w.state()) == nullptr);  // approved is not yet announced
    w.ok(FD, PriceTablePublished{id, {PublishChannel::notice_board, PublishChannel::electronic_screen}});
    CHECK(t->status == PriceTableStatus::published);
    CHECK(t->channels.size() == 2);
    REQUIRE(current_price_table(w.state()) == t);
    CHECK(current_price_row(w.state(), "barrel_water")->price == Fen{1800});
}

TEST_CASE("[1-4.1] a rejected table carries the general manager's comment and can be revised and resubmitted") {
    World w;
    w.found();
    w.seed();
    std::string id = draft(w);
    w.ok(OM, PriceTableSubmitted{id});
    CHECK(has(w.fail(GM, PriceTableRejected{id, ""}), "price_table.comment_required"));
    w.ok(GM, PriceTableRejected{id, "桶装水价格偏高"});
    const PriceTableRecord* t = w.state().find_table(id);
    CHECK(t->status == PriceTableStatus::rejected);
    CHECK(t->decision_comment == "桶装水价格偏高");
    CHECK(has(w.fail(OM, PriceTableSubmitted{id}), "price_table.bad_status"));
    CHECK(has(w.fail(OM, PriceTablePublished{id, {PublishChannel::newsletter}}), "price_table.not_approved"));
    auto rows = catalogue_rows();
    for (auto& r : rows)
        if (r.item_id == "barrel_water") r.price = Fen{1600};
    w.ok(OM, PriceTableRevised{id, rows, "已下调"});
    CHECK(t->status == PriceTableStatus::draft);
    w.ok(OM, PriceTableSubmitted{id});
    w.ok(GM, PriceTableApproved{id, ""});
    w.ok(OM, PriceTablePublished{id, {PublishChannel::newsletter}});
    CHECK(current_price_row(w.state(), "barrel_water")->price == Fen{1600});
    CHECK(t->rejection_comments == std::vector<std::string>{"桶装水价格偏高"});
}

TEST_CASE("[1-4.2] only an approved table can be published, on at least one channel, once") {
    World w;
    w.found();
    w.seed();
    std::string id = draft(w);
    CHECK(has(w.fail(OM, PriceTablePublished{id, {PublishChannel::office_notice}}), "price_table.not_approved"));
    CHECK(has(w.fail(GM, PriceTableApproved{id, ""}), "price_table.not_submitted"));
    w.ok(OM, PriceTableSubmitted{id});
    CHECK(has(w.fail(OM, PriceTableSubmitted{id}), "price_table.bad_status"));
    CHECK(has(w.fail(OM, PriceTableRevised{id, catalogue_rows(), ""}), "price_table.not_editable"));
    w.ok(GM, PriceTableApproved{id, ""});
    CHECK(has(w.fail(GM, PriceTableApproved{id, ""}), "price_table.not_submitted"));
    CHECK(has(w.fail(OM, PriceTablePublished{id, {}}), "price_table.no_channel"));
    CHECK(has(w.fail(OM, PriceTablePublished{id, {PublishChannel::newsletter, PublishChannel::newsletter}}),
              "price_table.duplicate_channel"));
    w.ok(OM, PriceTablePublished{id, {PublishChannel::newsletter}});
    CHECK(has(w.fail(OM, PriceTablePublished{id, {PublishChannel::newsletter}}), "price_table.already_published"));
    CHECK(has(w.fail(OM, PriceTablePublished{"nope", {PublishChannel::newsletter}}), "price_table.unknown"));
    CHECK(has(w.fail(SW, PriceTablePublished{id, {PublishChannel::newsletter}}), "auth.role_forbidden"));
}

TEST_CASE("[1-4.2] a published table is never edited: a change is a new version through approval again") {
    World w;
    w.ready();
    const std::string v1 = current_price_table(w.state())->def.table_id;
    CHECK(has(w.fail(OM, PriceTableRevised{v1, catalogue_rows(), ""}), "price_table.published_immutable"));
    CHECK(has(w.fail(OM, PriceTableSubmitted{v1}), "price_table.published_immutable"));
    SUBCASE("a second table for the same year must replace the current one") {
        CHECK(has(w.fail(OM, PriceTableDrafted{"", 2024, 0, "", "", catalogue_rows(), ""}), "price_table.use_replaces"));
    }
    SUBCASE("only the table in effect can be replaced") {
        CHECK(has(w.fail(OM, PriceTableDrafted{"", 2024, 0, "nope", "", catalogue_rows(), ""}),
                  "price_table.replaces_not_current"));
    }
    SUBCASE("version 2 replaces version 1 once published; v1 stays as it was") {
        auto rows = catalogue_rows();
        for (auto& r : rows)
            if (r.item_id == "housekeeping") r.price = Fen{4500};
        std::string v2 = draft(w, rows, 2024, v1);
        CHECK(w.state().find_table(v2)->def.version == 2);
        CHECK(current_price_row(w.state(), "housekeeping")->price == Fen{4000});  // until v2 is published
        w.ok(OM, PriceTableSubmitted{v2});
        w.ok(GM, PriceTableApproved{v2, "同意调价"});
        w.ok(OM, PriceTablePublished{v2, {PublishChannel::office_notice}});
        CHECK(current_price_row(w.state(), "housekeeping")->price == Fen{4500});
        const PriceTableRecord* old = w.state().find_table(v1);
        CHECK(old->status == PriceTableStatus::superseded);
        CHECK(old->superseded_by == v2);
        CHECK(old->row("housekeeping")->price == Fen{4000});
        CHECK(w.state().published_tables == std::vector<std::string>{v1, v2});
    }
}

TEST_CASE("[1-4.1] the table in effect at a moment is the last one published before it") {
    World w;
    w.found();
    w.seed();
    const std::int64_t jan = w.clock.now_ms();
    std::string v1 = w.publish_table();
    w.clock.set(at(2024, 7, 1));
    auto rows = catalogue_rows();
    for (auto& r : rows)
        if (r.item_id == "parking") r.price = Fen{18000};
    std::string v2 = w.publish_table(2024, rows, v1);
    CHECK(price_table_at(w.state(), jan - 1) == nullptr);
    CHECK(price_table_at(w.state(), at(2024, 3, 1))->def.table_id == v1);
    CHECK(price_row_at(w.state(), "parking", at(2024, 8, 1))->price == Fen{18000});
}

TEST_CASE("[1-4.1] price-table rows are checked: break-even plus small profit, free vs paid, items") {
    World w;
    w.found();
    w.seed();
    auto rows_with = [](auto change) {
        auto rows = catalogue_rows();
        change(rows);
        return PriceTableDrafted{"", 2024, 0, "", "", rows, ""};
    };
    auto set = [](std::vector<PriceRow>& rows, const char* id, auto f) {
        for (auto& r : rows)
            if (r.item_id == id) f(r);
    };
    SUBCASE("empty") { CHECK(has(w.fail(OM, PriceTableDrafted{"", 2024, 0, "", "", {}, ""}), "price_table.empty")); }
    SUBCASE("unknown item") {
        CHECK(has(w.fail(OM, rows_with([](auto& r) { r.push_back(PriceRow{"nope", Billing::per_use, Fen{100}, "", "", Fen{}, Fen{}, 1, Fen{}}); })), "price_table.unknown_item"));
    }
    SUBCASE("an item twice") {
        CHECK(has(w.fail(OM, rows_with([](auto& r) { r.push_back(r.front()); })), "price_table.duplicate_item"));
    }
    SUBCASE("a free item with a price") {
        CHECK(has(w.fail(OM, rows_with([&](auto& r) { set(r, "broadband_agency", [](PriceRow& p) { p.price = Fen{100}; }); })),
                  "price_table.free_with_price"));
    }
    SUBCASE("a paid item without a price") {
        CHECK(has(w.fail(OM, rows_with([&](auto& r) { set(r, "housekeeping", [](PriceRow& p) { p.price = Fen{0}; }); })),
                  "price_table.paid_without_price"));
    }
    SUBCASE("a paid item made free") {
        CHECK(has(w.fail(OM, rows_with([&](auto& r) {
                      set(r, "housekeeping", [](PriceRow& p) { p.billing = Billing::free; p.price = Fen{0}; });
                  })),
                  "price_table.billing_mismatch"));
    }
    SUBCASE("no break-even number") {
        CHECK(has(w.fail(OM, rows_with([&](auto& r) { set(r, "housekeeping", [](PriceRow& p) { p.break_even_subscribers = 0; }); })),
                  "price_table.break_even_missing"));
    }
    SUBCASE("a monthly item that cannot cover its cost at break-even") {
        CHECK(has(w.fail(OM, rows_with([&](auto& r) { set(r, "parking", [](PriceRow& p) { p.break_even_subscribers = 5; }); })),
                  "price_table.below_cost"));
    }
    SUBCASE("negative money") {
        CHECK(has(w.fail(OM, rows_with([&](auto& r) { set(r, "parking", [](PriceRow& p) { p.deposit = Fen{-5}; }); })),
                  "price_table.bad_amount"));
    }
    SUBCASE("bad year") { CHECK(has(w.fail(OM, PriceTableDrafted{"", 1999, 0, "", "", catalogue_rows(), ""}), "price_table.bad_year")); }
    SUBCASE("unknown survey") {
        CHECK(has(w.fail(OM, PriceTableDrafted{"", 2024, 0, "", "nope", catalogue_rows(), ""}), "price_table.unknown_survey"));
    }
    CHECK(w.state().price_tables.empty());
}

TEST_CASE("[1-4.1] the draft's version number is generated and checked on import") {
    World w;
    w.found();
    w.seed();
    std::string a = draft(w);
    std::string b = draft(w);  // a second draft of the same year, neither published
    CHECK(w.state().find_table(a)->def.version == 1);
    CHECK(w.state().find_table(b)->def.version == 2);
    Event forged{EventId{"office", w.state().next_seq("office")}, w.hlc.tick(), OM,
                 PriceTableDrafted{"T-forged", 2024, 7, "", "", catalogue_rows(), ""}};
    CHECK(has(check_event(w.state(), forged), "price_table.bad_version"));
}

TEST_CASE("[3-4.2.5] residents can only ask for items on the published table") {
    World w;
    w.found();
    w.seed();
    CHECK(has(w.fail(FD, EntrustmentRegistered{"", "1-101", "李业主", "13900000101", "housekeeping",
                                               EntrustmentKind::long_term, RequestChannel::phone, {}, scribble(), ""}),
              "entrustment.item_not_published"));
    w.publish_table(2024, catalogue_rows({"barrel_water"}));
    CHECK(has(w.fail(FD, EntrustmentRegistered{"", "1-101", "李业主", "13900000101", "housekeeping",
                                               EntrustmentKind::long_term, RequestChannel::phone, {}, scribble(), ""}),
              "entrustment.item_not_published"));
    w.subscribe("1-101", "barrel_water");
}
