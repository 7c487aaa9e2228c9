// The office's command-line tool: reports for an events file as a table or CSV, a usage
// message, a non-zero exit with a clear message on bad input. Issue 3 "Acceptance".
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bianmin/demo.hpp"
#include "cli_fixture.hpp"
#include "fixture.hpp"

using namespace fx;

namespace {

using Output = cfx::ToolRun;
Output tool(const std::vector<std::string>& args) { return cfx::run_tool(args); }
std::string temp_path(const std::string& name) { return cfx::scratch_path(name); }
std::string write_temp(const std::string& name, const std::string& text) { return cfx::scratch_file(name, text); }

// A demo year written as an events file, once.
const std::string& demo_file() {
    static const std::string path = [] {
        std::string p = temp_path("demo-events.json");
        std::ofstream(p, std::ios::binary) << write_events_file(demo_events(DemoOptions{2024, 12, 2, 6, 3}).value());
        return p;
    }();
    return path;
}

// The demo file's events, projected as the tool projects them.
const State& demo_state() {
    static const State state = [] {
        return project(read_events_file(cfx::bytes_of(demo_file())).value());
    }();
    return state;
}

// CSV as Excel reads it: a byte-order mark, then CRLF-ended records of cells, quotes
// doubled inside quoted cells. REQUIREs the mark and the line ends.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false, bad_line_end = false;
    for (std::size_t i = 3; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += text[++i];
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            rows.emplace_back(1);
        } else {
            bad_line_end = bad_line_end || c == '\r' || c == '\n';  // a bare CR or LF
            rows.back().back() += c;
        }
    }
    REQUIRE_FALSE(bad_line_end);
    REQUIRE(rows.back() == std::vector<std::string>(1));  // the text ends with CRLF
    rows.pop_back();
    return rows;
}

std::size_t column(const std::vector<std::string>& header, const std::string& name) {
    auto it = std::find(header.begin(), header.end(), name);
    REQUIRE(it != header.end());
    return std::size_t(it - header.begin());
}

}  // namespace

TEST_CASE("[CLI] without a command the tool prints its usage and exits 2") {
    Output o = tool({});
    CHECK(o.code == 2);
    CHECK(o.err.find("usage: bianmin") != std::string::npos);
    Output help = tool({"help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("report income --month YYYY-MM --events FILE") != std::string::npos);
    CHECK(tool({"--help"}).code == 0);
    CHECK(tool({"version"}).out.rfind("bianmin ", 0) == 0);
}

TEST_CASE("[CLI] bad usage is refused with a message in both languages") {
    SUBCASE("unknown command") {
        Output o = tool({"frobnicate"});
        CHECK(o.code == 2);
        CHECK(o.err.find("unknown command 'frobnicate'") != std::string::npos);
        CHECK(o.err.find("未知命令") != std::string::npos);
    }
    SUBCASE("unknown option") { CHECK(tool({"breakeven", "--colour", "red"}).code == 2); }
    SUBCASE("an option without its value") { CHECK(tool({"breakeven", "--month"}).code == 2); }
    SUBCASE("an option twice") { CHECK(tool({"breakeven", "--month", "2024-01", "--month", "2024-02"}).code == 2); }
    SUBCASE("a missing --events") { CHECK(tool({"breakeven", "--month", "2024-01"}).err.find("missing --events") != std::string::npos); }
    SUBCASE("a report that does not exist") { CHECK(tool({"report", "expenses"}).code == 2); }
    SUBCASE("an unknown language") { CHECK(tool({"breakeven", "--lang", "fr"}).code == 2); }
}

TEST_CASE("[CLI] bad input exits 1 and says what is wrong") {
    SUBCASE("a file that is not there") {
        Output o = tool({"report", "income", "--month", "2024-03", "--events", temp_path("no-such-file.json")});
        CHECK(o.code == 1);
        CHECK(o.err.find("cannot read the events file") != std::string::npos);
    }
    SUBCASE("a file that is not JSON") {
        std::string p = write_temp("broken.json", "{\"format\":\"bianmin-events\",\"version\":1,\"events\":[{\"id\":");
        Output o = tool({"report", "income", "--month", "2024-03", "--events", p});
        CHECK(o.code == 1);
        CHECK(o.err.find("json.") != std::string::npos);
        CHECK(o.err.find("文件内容不正确") != std::string::npos);
    }
    SUBCASE("a file of a newer version") {
        std::string p = write_temp("v9.json", "{\"format\":\"bianmin-events\",\"version\":9,\"events\":[]}");
        CHECK(tool({"breakeven", "--month", "2024-03", "--events", p}).err.find("format.version") != std::string::npos);
    }
    SUBCASE("a month that is not a month") {
        Output o = tool({"report", "income", "--month", "March", "--events", demo_file()});
        CHECK(o.code == 1);
        CHECK(o.err.find("YYYY-MM") != std::string::npos);
    }
    SUBCASE("a period that is not a period") { CHECK(tool({"assessment", "--period", "2024Q5", "--events", demo_file()}).code == 1); }
    SUBCASE("a register that does not exist") { CHECK(tool({"register", "laundry", "--events", demo_file()}).code == 1); }
    SUBCASE("an item that does not exist") { CHECK(tool({"subscribers", "--item", "nope", "--events", demo_file()}).code == 1); }
}

TEST_CASE("[CLI][3-7] report income prints the monthly income report as a table or CSV") {
    Output o = tool({"report", "income", "--month", "2024-03", "--events", demo_file()});
    REQUIRE(o.code == 0);
    CHECK(o.out.find("综合服务部收入月报表 2024-03") != std::string::npos);
    CHECK(o.out.find("合计") != std::string::npos);
    Output en = tool({"report", "income", "--month", "2024-03", "--events", demo_file(), "--lang", "en"});
    CHECK(en.out.find("Monthly income report 2024-03") != std::string::npos);
    Output csv = tool({"report", "income", "--month=2024-03", "--events=" + demo_file(), "--csv"});
    REQUIRE(csv.code == 0);
    CHECK(csv.out.rfind("\xEF\xBB\xBF服务项目,本月收入", 0) == 0);
    // The CSV total equals the report computed directly.
    std::string total = format_yuan_plain(income_report(demo_state(), YearMonth{2024, 3}).total);
    CHECK(csv.out.find("合计," + total + ",") != std::string::npos);
}

TEST_CASE("[CLI][1-4.13] breakeven prints each paid item's status for the month") {
    Output o = tool({"breakeven", "--month", "2024-06", "--events", demo_file(), "--lang", "en"});
    REQUIRE(o.code == 0);
    CHECK(o.out.find("Break-even status 2024-06") != std::string::npos);
    CHECK(o.out.find("housekeeping") != std::string::npos);
    CHECK(o.out.find("items needing attention") != std::string::npos);
}

TEST_CASE("[CLI][3-5] register prints any of the 11 registers") {
    Output list = tool({"register", "list"});
    REQUIRE(list.code == 0);
    CHECK(std::count(list.out.begin(), list.out.end(), '\n') == 11);
    Output water = tool({"register", "water_stock", "--events", demo_file()});
    REQUIRE(water.code == 0);
    CHECK(water.out.find("饮用水收发货统计表") != std::string::npos);
    CHECK(water.out.find("现有库存") != std::string::npos);
    Output march = tool({"register", "water_sales", "--events", demo_file(), "--month", "2024-03", "--csv"});
    REQUIRE(march.code == 0);
    CHECK(march.out.find("2024-02-") == std::string::npos);
    CHECK(march.out.find("2024-03-") != std::string::npos);
    CHECK(tool({"register"}).code == 2);
}

TEST_CASE("[CLI][2] assessment prints the half-year staff assessment") {
    Output o = tool({"assessment", "--period", "2024H2", "--events", demo_file(), "--at", "2025-01-05"});
    REQUIRE(o.code == 0);
    CHECK(o.out.find("绩效考核 2024H2") != std::string::npos);
    CHECK(o.out.find("不得评为称职及以上") != std::string::npos);  // the demo's province-level violation
    CHECK(tool({"assessment", "--period", "2024H2", "--events", demo_file(), "--at", "yesterday"}).code == 1);
}

TEST_CASE("[CLI][3-5] every one of the 11 registers prints by name, as a table and as CSV with its own columns") {
    for (const auto& entry : EnumTable<RegisterKind>::entries) {
        const std::string name(entry.id);
        CAPTURE(name);
        Output text = tool({"register", name, "--events", demo_file()});
        REQUIRE(text.code == 0);
        CHECK(text.out.find(std::string(entry.zh)) != std::string::npos);
        Output csv = tool({"register", name, "--events", demo_file(), "--csv", "--lang", "en"});
        REQUIRE(csv.code == 0);
        auto rows = read_csv(csv.out);
        Table expected = register_table(demo_state(), entry.value);
        REQUIRE(rows.size() == expected.rows.size() + 1);
        REQUIRE(rows[0].size() == expected.columns.size());
        for (std::size_t c = 0; c < expected.columns.size(); ++c) CHECK(rows[0][c] == expected.columns[c].en);
        for (std::size_t r = 0; r < expected.rows.size(); ++r) CHECK(rows[r + 1] == expected.rows[r]);
    }
}

TEST_CASE("[CLI][3-7, 1-4.13, 2] every report is CSV for Excel too, with the figures the core computes") {
    SUBCASE("break-even: the flagged items") {
        Output o = tool({"breakeven", "--month", "2024-06", "--events", demo_file(), "--csv"});
        REQUIRE(o.code == 0);
        auto rows = read_csv(o.out);
        BreakEvenReport report = break_even_report(demo_state(), YearMonth{2024, 6});
        REQUIRE(rows.size() == report.rows.size() + 1);
        std::size_t flag = column(rows[0], "提示");
        std::size_t flagged = 0;
        for (std::size_t r = 1; r < rows.size(); ++r) flagged += rows[r][flag] != "正常";
        CHECK(flagged == report.flagged());
        CHECK(report.flagged() > 0);  // the demo has items below break-even
    }
    SUBCASE("assessment: the payouts add up to the total") {
        Output o = tool({"assessment", "--period", "2024H1", "--events", demo_file(), "--at", "2024-07-01", "--csv"});
        REQUIRE(o.code == 0);
        auto rows = read_csv(o.out);
        AssessmentReport report = assessment_report(demo_state(), Period{2024, 1, 6}, at(2024, 7, 1, 0));
        REQUIRE(rows.size() == report.rows.size() + 1);
        REQUIRE(rows.size() > 1);
        std::size_t payout = column(rows[0], "实发");
        Fen total;
        for (std::size_t r = 1; r < rows.size(); ++r) {
            auto fen = parse_yuan(rows[r][payout]);
            REQUIRE(fen);
            total += *fen;
        }
        CHECK(total == report.total_payout);
    }
    SUBCASE("income: one row per paid item and the total") {
        Output o = tool({"report", "income", "--month", "2024-05", "--events", demo_file(), "--csv", "--lang", "en"});
        REQUIRE(o.code == 0);
        auto rows = read_csv(o.out);
        IncomeReport report = income_report(demo_state(), YearMonth{2024, 5});
        REQUIRE(rows.size() == report.rows.size() + 2);
        CHECK(rows.back()[0] == "total");
        CHECK(rows.back()[column(rows[0], "income")] == format_yuan_plain(report.total));
        CHECK(rows.back()[column(rows[0], "last month")] == format_yuan_plain(report.total_last_month));
    }
}

TEST_CASE("[CLI] an events file that is not an events file, or holds a bad event, exits 1 naming the problem") {
    SUBCASE("another JSON document") {
        std::string p = write_temp("catalogue-not-events.json", "{\"format\":\"bianmin-catalogue\",\"version\":1,\"items\":[]}");
        Output o = tool({"breakeven", "--month", "2024-03", "--events", p});
        CHECK(o.code == 1);
        CHECK(o.err.find("format.unknown") != std::string::npos);
        CHECK(o.out.empty());
    }
    SUBCASE("an event of a type nobody knows") {
        std::string p = write_temp("unknown-type.json",
                                   "{\"format\":\"bianmin-events\",\"version\":1,\"events\":[{\"actor\":{\"person\":\"om\",\"role\":"
                                   "\"office_manager\"},\"data\":{},\"hlc\":{\"counter\":0,\"wall_ms\":1},\"id\":{\"device\":\"o\","
                                   "\"seq\":1},\"type\":\"teleported\"}]}");
        Output o = tool({"register", "parking", "--events", p});
        CHECK(o.code == 1);
        CHECK(o.err.find("json.unknown_event_type") != std::string::npos);
        CHECK(o.err.find("文件内容不正确") != std::string::npos);
    }
    SUBCASE("an empty log prints empty reports") {
        std::string p = write_temp("empty.json", "{\"format\":\"bianmin-events\",\"version\":1,\"events\":[]}");
        Output o = tool({"report", "income", "--month", "2024-03", "--events", p});
        CHECK(o.code == 0);
        CHECK(o.out.find("合计") != std::string::npos);
    }
}

TEST_CASE("[CLI] subscribers, conflicts and anomalies lists") {
    Output subs = tool({"subscribers", "--item", "barrel_water", "--events", demo_file()});
    REQUIRE(subs.code == 0);
    CHECK(subs.out.find("接受长期服务业主名单") != std::string::npos);
    CHECK(tool({"conflicts", "--events", demo_file()}).code == 0);
    Output anomalies = tool({"anomalies", "--events", demo_file(), "--lang", "en"});
    REQUIRE(anomalies.code == 0);
    CHECK(anomalies.out.find("Anomalies in the event log") != std::string::npos);
}

TEST_CASE("[CLI] demo writes an events file the other commands read") {
    std::string p = temp_path("demo-small.json");
    Output o = tool({"demo", "--out", p, "--households", "6", "--months", "2", "--seed", "9"});
    REQUIRE(o.code == 0);
    CHECK(o.err.find("wrote ") != std::string::npos);
    CHECK(tool({"report", "income", "--month", "2024-02", "--events", p}).code == 0);
    CHECK(tool({"demo", "--out", p, "--households", "0"}).code == 1);
    CHECK(tool({"demo"}).code == 2);
}
