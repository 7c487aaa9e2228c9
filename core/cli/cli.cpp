// The commands of the bianmin tool.
//
// Index
// [SECTION] Usage
// [SECTION] Input: the events file and option values
// [SECTION] Commands
// [SECTION] Dispatch
#include "cli.hpp"

#include <fstream>

#include "args.hpp"
#include "bianmin/demo.hpp"
#include "cmd_exchange.hpp"
#include "cmd_generate.hpp"
#include "files.hpp"
#include "bianmin/json.hpp"
#include "bianmin/projection.hpp"
#include "bianmin/registers.hpp"
#include "bianmin/reports.hpp"
#include "bianmin/version.hpp"

namespace bianmin::cli {

//-----------------------------------------------------------------------------
// [SECTION] Usage
//-----------------------------------------------------------------------------

std::string usage() {
    return "usage: bianmin <command> [options]\n"
           "\n"
           "reports over an events file ({\"format\":\"bianmin-events\",\"version\":1,\"events\":[...]}):\n"
           "  report income --month YYYY-MM --events FILE   monthly income report (收入月报表)\n"
           "  breakeven --month YYYY-MM --events FILE        break-even status per item (保本情况)\n"
           "  register NAME --events FILE [--month YYYY-MM]  one of the 11 registers (登记表)\n"
           "  register list                                  the register names\n"
           "  assessment --period 2024H1 --events FILE [--at YYYY-MM-DD]\n"
           "                                                 staff assessment (绩效考核)\n"
           "  subscribers --item ID --events FILE            long-term subscribers of an item\n"
           "  conflicts --events FILE                        edits to resolve\n"
           "  anomalies --events FILE                        events that could not be applied\n"
           "\n"
           "other:\n"
           "  demo --out FILE [--households N] [--months N] [--year YYYY] [--seed N]\n"
           "                                                 write a demo year of events\n"
           "  generate --size small|full --seed N [--out FILE] [--format events|bundle]\n"
           "                                                 a realistic estate's events (tests, benchmarks)\n"
           "\n"
           "exchange bundles ({\"format\":\"bianmin-bundle\",\"version\":1,...}, docs/EXCHANGE.md):\n"
           "  export --kind office|delta|resident --events FILE --out FILE\n"
           "         [--device D [--seen FILE_OR_JSON]] [--household H] [--source-device D] [--created-at MS]\n"
           "                                                 write a bundle (交换文件): everything, what device D\n"
           "                                                 has not seen, or household H's own slice\n"
           "  import BUNDLE --into EVENTS_FILE [--max-mib N]  check a bundle and add its new events (导入)\n"
           "  merge A.json B.json ... --out FILE [--source-device D] [--created-at MS]\n"
           "                                                 many bundles into one (合并)\n"
           "  verify FILE [--max-mib N]                      check a bundle: exit 0, or 1 with the reason (校验)\n"
           "  version | help\n"
           "\n"
           "output options: --csv (UTF-8 with BOM, for Excel)   --lang zh|en (default zh)\n"
           "exit status: 0 done, 1 bad input, 2 bad usage\n";
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Input: the events file and option values
//-----------------------------------------------------------------------------

// A failure the person must fix: printed in both languages.
struct Failure {
    int code = kExitBadInput;
    std::string zh, en;
};

int report_failure(const Failure& f, std::ostream& err) {
    err << "bianmin: " << f.en << "\n";
    if (!f.zh.empty()) err << "bianmin: " << f.zh << "\n";
    if (f.code == kExitUsage) err << "\n" << usage();
    return f.code;
}

Failure usage_failure(const std::string& en, const std::string& zh) { return Failure{kExitUsage, zh, en}; }

struct Context {
    Args args;
    std::ostream& out;
    std::ostream& err;
    Language language = Language::zh;
    bool csv = false;
};

std::optional<Failure> need_option(const Context& c, const std::string& name, std::string& value) {
    auto v = c.args.get(name);
    if (!v || v->empty()) return usage_failure("missing " + name, "缺少参数 " + name);
    value = *v;
    return std::nullopt;
}

std::optional<Failure> load_state(const Context& c, State& state) {
    std::string path;
    if (auto f = need_option(c, "--events", path)) return f;
    auto text = read_file(path);
    if (!text) return Failure{kExitBadInput, "无法读取事件文件: " + path, "cannot read the events file: " + path};
    auto events = read_events_file(*text);
    if (!events.ok()) {
        const Error& e = events.errors().front();
        return Failure{kExitBadInput, path + ": " + e.message_zh, path + ": " + e.message_en + " [" + e.code + "]"};
    }
    state = project(std::move(events).value());
    return std::nullopt;
}

std::optional<Failure> month_option(const Context& c, YearMonth& month) {
    std::string text;
    if (auto f = need_option(c, "--month", text)) return f;
    auto m = parse_year_month(text);
    if (!m) return Failure{kExitBadInput, "月份格式应为 YYYY-MM: " + text, "a month is written YYYY-MM: " + text};
    month = *m;
    return std::nullopt;
}

int print(const Context& c, const Table& table) {
    c.out << (c.csv ? render_csv(table, c.language, true) : render_text(table, c.language));
    return kExitOk;
}

//-----------------------------------------------------------------------------
// [SECTION] Commands
//-----------------------------------------------------------------------------

int income(Context& c) {
    YearMonth month;
    State s;
    if (auto f = month_option(c, month)) return report_failure(*f, c.err);
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    return print(c, to_table(income_report(s, month), c.language));
}

int breakeven(Context& c) {
    YearMonth month;
    State s;
    if (auto f = month_option(c, month)) return report_failure(*f, c.err);
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    return print(c, to_table(break_even_report(s, month), c.language));
}

int registers(Context& c) {
    if (c.args.words.size() < 2)
        return report_failure(usage_failure("which register? (bianmin register list)", "请指定登记表(bianmin register list)"), c.err);
    const std::string& name = c.args.words[1];
    if (name == "list") {
        for (const auto& entry : EnumTable<RegisterKind>::entries)
            c.out << entry.id << "  " << entry.zh << "  " << entry.en << "\n";
        return kExitOk;
    }
    auto kind = enum_from_string<RegisterKind>(name);
    if (!kind)
        return report_failure(Failure{kExitBadInput, "没有这个登记表: " + name, "no register called " + name + " (see: bianmin register list)"}, c.err);
    State s;
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    RegisterFilter filter;
    if (c.args.get("--month")) {
        YearMonth month;
        if (auto f = month_option(c, month)) return report_failure(*f, c.err);
        filter.from_ms = month_start_ms(month, s.settings.tz_offset_minutes);
        filter.to_ms = month_end_ms(month, s.settings.tz_offset_minutes);
    }
    return print(c, register_table(s, *kind, filter));
}

int assessment(Context& c) {
    std::string text;
    State s;
    if (auto f = need_option(c, "--period", text)) return report_failure(*f, c.err);
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    auto period = parse_period(text, s.settings.assessment_period_months);
    if (!period)
        return report_failure(Failure{kExitBadInput, "考核期格式不正确(本小区每期 " + std::to_string(s.settings.assessment_period_months) + " 个月,如 2024H1): " + text,
                                      "not an assessment period for this estate (" + std::to_string(s.settings.assessment_period_months) +
                                          " months each, e.g. 2024H1): " + text},
                              c.err);
    std::int64_t now = SystemClock{}.now_ms();
    if (auto at = c.args.get("--at")) {
        auto d = parse_date(*at);
        if (!d) return report_failure(Failure{kExitBadInput, "日期格式应为 YYYY-MM-DD: " + *at, "a date is written YYYY-MM-DD: " + *at}, c.err);
        now = local_day_start_ms(*d, s.settings.tz_offset_minutes);
    }
    return print(c, to_table(assessment_report(s, *period, now), c.language));
}

int subscribers_cmd(Context& c) {
    std::string item;
    State s;
    if (auto f = need_option(c, "--item", item)) return report_failure(*f, c.err);
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    if (!s.find_item(item))
        return report_failure(Failure{kExitBadInput, "没有这个服务项目: " + item, "no such service item: " + item}, c.err);
    return print(c, subscriber_table(s, item, SystemClock{}.now_ms(), c.language));
}

int conflicts_cmd(Context& c) {
    State s;
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    return print(c, conflicts_table(s, c.language));
}

int anomalies_cmd(Context& c) {
    State s;
    if (auto f = load_state(c, s)) return report_failure(*f, c.err);
    return print(c, anomalies_table(s, c.language));
}

bool read_int(const std::string& text, int lo, int hi, int& out) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    out = std::stoi(text);
    return out >= lo && out <= hi;
}

int demo(Context& c) {
    std::string path;
    if (auto f = need_option(c, "--out", path)) return report_failure(*f, c.err);
    DemoOptions o;
    int households = 24, value = 0;
    if (auto v = c.args.get("--households")) {
        if (!read_int(*v, 1, 20000, households)) return report_failure(Failure{kExitBadInput, "户数应为1–20000", "--households must be 1–20000"}, c.err);
    }
    if (auto v = c.args.get("--months")) {
        if (!read_int(*v, 1, 24, value)) return report_failure(Failure{kExitBadInput, "月数应为1–24", "--months must be 1–24"}, c.err);
        o.months = value;
    }
    if (auto v = c.args.get("--year")) {
        if (!read_int(*v, 2000, 2100, value)) return report_failure(Failure{kExitBadInput, "年份应为2000–2100", "--year must be 2000–2100"}, c.err);
        o.year = value;
    }
    if (auto v = c.args.get("--seed")) {
        if (!read_int(*v, 0, 999'999'999, value)) return report_failure(Failure{kExitBadInput, "种子应为非负整数", "--seed must be a whole number"}, c.err);
        o.seed = std::uint64_t(value);
    }
    o.rooms_per_building = std::min(households, 200);
    o.buildings = (households + o.rooms_per_building - 1) / o.rooms_per_building;
    auto events = demo_events(o);
    if (!events.ok()) return report_failure(Failure{kExitBadInput, "示例数据生成失败", "the demo script failed: " + codes_of(events.errors())}, c.err);
    std::ofstream file(path, std::ios::binary);
    file << write_events_file(events.value());
    if (!file) return report_failure(Failure{kExitBadInput, "无法写入: " + path, "cannot write " + path}, c.err);
    c.err << "wrote " << events.value().size() << " events to " << path << "\n";
    return kExitOk;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Dispatch
//-----------------------------------------------------------------------------

int run(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
    Context c{parse_args(raw), out, err};
    if (!c.args.error.empty()) return report_failure(usage_failure(c.args.error, "参数不正确: " + c.args.error), err);
    if (c.args.flag("--help") || c.args.flag("-h") || (!c.args.words.empty() && c.args.words[0] == "help")) {
        out << usage();
        return kExitOk;
    }
    if (c.args.words.empty()) return report_failure(usage_failure("no command given", "请给出命令"), err);
    if (auto lang = c.args.get("--lang")) {
        if (*lang == "en") c.language = Language::en;
        else if (*lang != "zh") return report_failure(usage_failure("--lang is zh or en", "--lang 应为 zh 或 en"), err);
    }
    c.csv = c.args.flag("--csv");
    const std::string& command = c.args.words[0];
    if (command == "version") {
        out << kProductName << " " << kProductVersion << "\n";
        return kExitOk;
    }
    if (command == "report") {
        if (c.args.words.size() >= 2 && c.args.words[1] == "income") return income(c);
        return report_failure(usage_failure("which report? (report income)", "请指定报表(report income)"), err);
    }
    if (command == "breakeven") return breakeven(c);
    if (command == "register") return registers(c);
    if (command == "assessment") return assessment(c);
    if (command == "subscribers") return subscribers_cmd(c);
    if (command == "conflicts") return conflicts_cmd(c);
    if (command == "anomalies") return anomalies_cmd(c);
    if (command == "demo") return demo(c);
    if (command == "generate") return generate(c.args, out, err);
    if (is_exchange_command(command)) return exchange_command(c.args, c.language, out, err);
    return report_failure(usage_failure("unknown command '" + command + "'", "未知命令: " + command), err);
}

}  // namespace bianmin::cli
