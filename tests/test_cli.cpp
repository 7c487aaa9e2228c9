// The office's command-line tool: reports for an events file as a table or CSV, a usage
// message, a non-zero exit with a clear message on bad input. Issue 3 "Acceptance".
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bianmin/demo.hpp"
#include "cli.hpp"
#include "fixture.hpp"

using namespace fx;

namespace {

struct Output {
    int code = -1;
    std::string out, err;
};

Output tool(std::vector<std::string> args) {
    std::ostringstream out, err;
    Output o;
    o.code = bianmin::cli::run(args, out, err);
    o.out = out.str();
    o.err = err.str();
    return o;
}

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("bianmin-test-" + name)).string();
}

// A demo year written as an events file, once.
const std::string& demo_file() {
    static const std::string path = [] {
        std::string p = temp_path("demo-events.json");
        std::ofstream(p, std::ios::binary) << write_events_file(demo_events(DemoOptions{2024, 12, 2, 6, 3}).value());
        return p;
    }();
    return path;
}

std::string write_temp(const std::string& name, const std::string& text) {
    std::string p = temp_path(name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
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
    State s = project(read_events_file([] {
                          std::ifstream in(demo_file(), std::ios::binary);
                          std::stringstream ss;
                          ss << in.rdbuf();
                          return ss.str();
                      }()).value());
    std::string total = format_yuan_plain(income_report(s, YearMonth{2024, 3}).total);
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
