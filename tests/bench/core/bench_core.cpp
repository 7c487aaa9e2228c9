// B6 and B7: the core's heavy work on a generated estate, timed the same way natively
// and in WebAssembly (Node), from the same source.
//
//   bench_core FILE [--runs N]      prints one JSON object (see print_json)
//
// Each run: parse the file (read_events_file), rebuild the projection from the events
// (what a device does at start or after importing events out of order), the monthly
// income report of the last complete month, and one register query (water sales of
// that month). Results carry a digest of what was computed, so the orchestrator can
// check both builds computed the same thing. Memory: the WebAssembly memory size (it
// only grows, so it is the peak) or, natively, the peak resident set.
//
// Built without main() (BIANMIN_BENCH_NO_MAIN) it is the browser page's import probe:
// bench_import() parses and projects bytes already in the heap (B1's core share).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "bianmin/json.hpp"
#include "bianmin/projection.hpp"
#include "bianmin/registers.hpp"
#include "bianmin/reports.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#include <sys/resource.h>
#define EMSCRIPTEN_KEEPALIVE
#endif

namespace {

using bianmin::Event;
using bianmin::State;

double ms_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// Peak memory of the process so far, in bytes.
double peak_bytes() {
#ifdef __EMSCRIPTEN__
    return double(__builtin_wasm_memory_size(0)) * 65536.0;
#else
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) * 1024.0;  // Linux reports kilobytes
#endif
}

#ifndef BIANMIN_BENCH_NO_MAIN
struct Run {
    double parse_ms = 0, rebuild_ms = 0, report_ms = 0, register_ms = 0, peak = 0;
    std::size_t events = 0, register_rows = 0;
    std::int64_t report_total_fen = 0;
    std::string month, error;
};

Run run_once(const std::string& bytes) {
    Run r;
    auto t = std::chrono::steady_clock::now();
    auto parsed = bianmin::read_events_file(bytes);
    r.parse_ms = ms_since(t);
    if (!parsed.ok()) {
        r.error = bianmin::codes_of(parsed.errors());
        return r;
    }
    std::vector<Event> events = std::move(parsed).value();
    r.events = events.size();
    if (events.empty()) return r;
    const std::int64_t last_ms = events.back().hlc.wall_ms;

    t = std::chrono::steady_clock::now();
    State state = bianmin::project(std::move(events));
    r.rebuild_ms = ms_since(t);

    const int tz = state.settings.tz_offset_minutes;
    const bianmin::YearMonth month = bianmin::local_month(last_ms, tz).prev();
    r.month = bianmin::to_string(month);
    t = std::chrono::steady_clock::now();
    bianmin::IncomeReport report = bianmin::income_report(state, month);
    r.report_ms = ms_since(t);
    r.report_total_fen = report.total.value;

    t = std::chrono::steady_clock::now();
    bianmin::RegisterFilter filter{bianmin::month_start_ms(month, tz), bianmin::month_end_ms(month, tz)};
    bianmin::Table water = bianmin::register_table(state, bianmin::RegisterKind::water_sales, filter);
    r.register_ms = ms_since(t);
    r.register_rows = water.rows.size();
    r.peak = peak_bytes();
    return r;
}

void print_list(const char* name, const std::vector<Run>& runs, double Run::*field, bool last = false) {
    std::printf("  \"%s\": [", name);
    for (std::size_t i = 0; i < runs.size(); ++i) std::printf("%s%.3f", i ? ", " : "", runs[i].*field);
    std::printf("]%s\n", last ? "" : ",");
}

void print_json(const std::string& file, std::size_t bytes, const std::vector<Run>& runs) {
#ifdef __EMSCRIPTEN__
    const char* platform = "wasm";
#else
    const char* platform = "native";
#endif
    const Run& first = runs.front();
    std::printf("{\n  \"platform\": \"%s\",\n  \"file\": \"%s\",\n  \"bytes\": %zu,\n  \"events\": %zu,\n", platform,
                file.c_str(), bytes, first.events);
    std::printf("  \"month\": \"%s\",\n  \"digest\": \"events=%zu total=%lld rows=%zu\",\n", first.month.c_str(), first.events,
                static_cast<long long>(first.report_total_fen), first.register_rows);
    print_list("parse_ms", runs, &Run::parse_ms);
    print_list("rebuild_ms", runs, &Run::rebuild_ms);
    print_list("report_ms", runs, &Run::report_ms);
    print_list("register_ms", runs, &Run::register_ms);
    print_list("peak_bytes", runs, &Run::peak, true);
    std::printf("}\n");
}

#endif  // BIANMIN_BENCH_NO_MAIN

}  // namespace

// The browser page's probe (B1): parse and project `length` bytes at `bytes`; returns
// the milliseconds taken, or −1 when the file does not read.
extern "C" EMSCRIPTEN_KEEPALIVE double bench_import(const char* bytes, int length) {
    auto t = std::chrono::steady_clock::now();
    auto parsed = bianmin::read_events_file(std::string_view(bytes, std::size_t(length)));
    if (!parsed.ok()) return -1;
    State state = bianmin::project(std::move(parsed).value());
    const double elapsed = ms_since(t);
    return state.anomalies.empty() ? elapsed : -1;
}

extern "C" EMSCRIPTEN_KEEPALIVE double bench_memory_bytes() { return peak_bytes(); }

#ifndef BIANMIN_BENCH_NO_MAIN
int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_core FILE [--runs N]\n");
        return 2;
    }
    const std::string file = argv[1];
    int runs = 5;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "bench_core: cannot read %s\n", file.c_str());
        return 1;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    std::vector<Run> results;
    for (int i = 0; i < runs; ++i) {
        results.push_back(run_once(bytes));
        if (!results.back().error.empty()) {
            std::fprintf(stderr, "bench_core: %s: %s\n", file.c_str(), results.back().error.c_str());
            return 1;
        }
    }
    print_json(file, bytes.size(), results);
    return 0;
}
#endif
