// The tool's exchange commands (cmd_exchange.hpp): export, import, merge, verify, and
// generate --format bundle — for the office's scripts. Issue 4 "The native command-line
// tool gains export, import, merge and verify".
#include "cli_fixture.hpp"
#include "exchange_fixture.hpp"

using namespace xfx;

using namespace cfx;

namespace {

// The office's events file, with work from the tablet and the household's phone.
const std::string& office_file() {
    static const std::string path = [] {
        World w;
        w.ready();
        std::string form = w.subscribe("1-101", "barrel_water");
        w.stock_water("barrel_water", 20);
        w.pay(form, PaymentKind::deposit, 3000);
        w.pay(form, PaymentKind::prepayment, 10000);
        w.deliver(form);
        w.ok(R101, ServiceRequested{"", "1-101", "housekeeping", "", RequestChannel::app, "周六", 0});
        return scratch_file("office-events.json", write_events_file(w.ledger.events()));
    }();
    return path;
}

}  // namespace

TEST_CASE("[SPEC Offline][CLI] export writes a bundle that verify accepts in one line; the same input gives the same bytes") {
    const std::string out = scratch_path("office.bundle.json");
    std::filesystem::remove(out);
    ToolRun e = run_tool({"export", "--kind", "office", "--events", office_file(), "--out", out, "--created-at", "1704186000000"});
    REQUIRE(e.code == 0);
    CHECK(e.out.find("office_full bundle of estate jiazhou from office") != std::string::npos);
    const std::string first = bytes_of(out);
    REQUIRE(run_tool({"export", "--kind", "office", "--events", office_file(), "--out", out, "--created-at", "1704186000000"}).code == 0);
    CHECK(bytes_of(out) == first);
    ToolRun v = run_tool({"verify", out});
    CHECK(v.code == 0);
    CHECK(v.out.rfind("ok: office_full bundle of estate jiazhou from office", 0) == 0);
    CHECK(v.out.find("2024-01-02 09:00 UTC") != std::string::npos);
    CHECK(std::count(v.out.begin(), v.out.end(), '\n') == 1);
}

TEST_CASE("[SPEC Offline][CLI] verify refuses a damaged file with exit 1 and the reason in both languages") {
    const std::string good = scratch_path("good.bundle.json");
    REQUIRE(run_tool({"export", "--kind", "office", "--events", office_file(), "--out", good}).code == 0);
    const std::string text = bytes_of(good);
    SUBCASE("truncated") {
        ToolRun v = run_tool({"verify", scratch_file("cut.json", text.substr(0, text.size() / 3))});
        CHECK(v.code == 1);
        CHECK(v.err.find("[bundle.truncated]") != std::string::npos);
        CHECK(v.err.find("文件不完整") != std::string::npos);
    }
    SUBCASE("tampered") {
        std::string tampered = text;
        tampered.replace(tampered.find("\"quantity\":1"), 12, "\"quantity\":9");
        ToolRun v = run_tool({"verify", scratch_file("tampered.json", tampered)});
        CHECK(v.code == 1);
        CHECK(v.err.find("[bundle.digest_mismatch]") != std::string::npos);
        CHECK(v.err.find("校验值不符") != std::string::npos);
    }
    SUBCASE("over the size limit, refused before reading") {
        ToolRun v = run_tool({"verify", scratch_file("huge.json", std::string((1 << 20) + 10, ' ')), "--max-mib", "1"});
        CHECK(v.code == 1);
        CHECK(v.err.find("[bundle.too_large]") != std::string::npos);
    }
    SUBCASE("not there") { CHECK(run_tool({"verify", scratch_path("no-such.json")}).code == 1); }
}

TEST_CASE("[SPEC Offline][CLI] import adds what is new, a second time changes nothing, a bad bundle changes nothing") {
    const std::string bundle = scratch_path("for-import.bundle.json");
    REQUIRE(run_tool({"export", "--kind", "office", "--events", office_file(), "--out", bundle}).code == 0);
    const std::string store = scratch_path("device-store.json");
    std::filesystem::remove(store);

    ToolRun first = run_tool({"import", bundle, "--into", store, "--lang", "en"});
    REQUIRE(first.code == 0);
    CHECK(first.out.find(" new events, 0 duplicates skipped, 0 conflicts found") != std::string::npos);
    CHECK(bytes_of(store) == bytes_of(office_file()));
    const auto written = std::filesystem::last_write_time(store);

    ToolRun second = run_tool({"import", bundle, "--into", store});
    REQUIRE(second.code == 0);
    CHECK(second.out.rfind("新事件 0 条", 0) == 0);
    CHECK(bytes_of(store) == bytes_of(office_file()));
    CHECK(std::filesystem::last_write_time(store) == written);  // not even rewritten

    std::string damaged = bytes_of(bundle);
    damaged.resize(damaged.size() - 40);
    ToolRun bad = run_tool({"import", scratch_file("damaged.json", damaged), "--into", store});
    CHECK(bad.code == 1);
    CHECK(bad.err.find("[bundle.truncated]") != std::string::npos);
    CHECK(bytes_of(store) == bytes_of(office_file()));

    World other;
    other.ok(OM, EstateCreated{"elsewhere", "别处", "Elsewhere", kTz, "某经理"});
    ToolRun foreign = run_tool({"import", scratch_file("foreign.json", full_text(other.ledger)), "--into", store});
    CHECK(foreign.code == 1);
    CHECK(foreign.err.find("[bundle.other_estate]") != std::string::npos);
    CHECK(foreign.err.find("另一个小区") != std::string::npos);
    CHECK(bytes_of(store) == bytes_of(office_file()));
}

TEST_CASE("[SPEC Offline][CLI] delta and resident exports, and merge of many bundles into one") {
    const std::string delta = scratch_path("delta.json"), resident = scratch_path("resident.json"), merged = scratch_path("merged.json");
    ToolRun d = run_tool({"export", "--kind", "delta", "--device", "tab1", "--seen", R"({"office":20})", "--events", office_file(), "--out", delta});
    REQUIRE(d.code == 0);
    Bundle from_delta = open_bundle(bytes_of(delta), sha).value();
    for (const auto& e : from_delta.events) CHECK((e.id.device != "office" || e.id.seq > 20));
    // --seen may also name a bundle whose "seen" is taken.
    REQUIRE(run_tool({"export", "--kind", "delta", "--device", "tab1", "--seen", delta, "--events", office_file(), "--out", scratch_path("empty-delta.json")}).code == 0);
    CHECK(open_bundle(bytes_of(scratch_path("empty-delta.json")), sha).value().events.empty());

    REQUIRE(run_tool({"export", "--kind", "resident", "--household", "1-101", "--events", office_file(), "--out", resident}).code == 0);
    CHECK(bytes_of(resident).find("\"1-102\"") == std::string::npos);

    const std::string office_part = scratch_path("office-part.json");
    REQUIRE(run_tool({"export", "--kind", "office", "--events", office_file(), "--out", office_part}).code == 0);
    ToolRun m = run_tool({"merge", delta, office_part, "--out", merged});
    REQUIRE(m.code == 0);
    CHECK(m.out.rfind("merged 2 bundles", 0) == 0);
    CHECK(run_tool({"verify", merged}).code == 0);
    const std::string store = scratch_path("merged-store.json");
    std::filesystem::remove(store);
    REQUIRE(run_tool({"import", merged, "--into", store}).code == 0);
    CHECK(bytes_of(store) == bytes_of(office_file()));
    // A resident slice (founder's name withheld) cannot be merged with the office's data.
    ToolRun clash = run_tool({"merge", resident, office_part, "--out", scratch_path("clash.json")});
    CHECK(clash.code == 1);
    CHECK(clash.err.find("[bundle.id_conflict]") != std::string::npos);
}

TEST_CASE("[CLI] the exchange commands refuse bad usage with exit 2") {
    CHECK(run_tool({"export", "--events", office_file(), "--out", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"export", "--kind", "sideways", "--events", office_file(), "--out", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"export", "--kind", "delta", "--events", office_file(), "--out", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"export", "--kind", "resident", "--events", office_file(), "--out", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"export", "--kind", "office", "--household", "1-101", "--events", office_file(), "--out", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"import", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"merge", "--out", scratch_path("x.json")}).code == 2);
    CHECK(run_tool({"verify"}).code == 2);
    CHECK(run_tool({"verify", "a.json", "--max-mib", "0"}).code == 2);
    CHECK(run_tool({"generate", "--size", "small", "--seed", "1", "--format", "xml"}).code == 2);
    CHECK(run_tool({"help"}).out.find("merge A.json B.json ... --out FILE") != std::string::npos);
}

TEST_CASE("[CLI] generate --format bundle writes a verified bundle, the same for the same seed") {
    const std::string a = scratch_path("gen-a.json"), b = scratch_path("gen-b.json");
    REQUIRE(run_tool({"generate", "--size", "small", "--seed", "3", "--format", "bundle", "--out", a}).code == 0);
    REQUIRE(run_tool({"generate", "--size", "small", "--seed", "3", "--format", "bundle", "--out", b}).code == 0);
    CHECK(bytes_of(a) == bytes_of(b));
    ToolRun v = run_tool({"verify", a});
    CHECK(v.code == 0);
    CHECK(v.out.find("office_full bundle of estate jiazhou-garden from office-pc") != std::string::npos);
}
