// Property: devices that exchange bundles in any order, late, twice or never, end with
// identical events, projections and reports once a final full exchange has run — equal
// to importing everything at once. Issue 4 "Tests"; SPEC "Working offline": "importing
// the same file twice changes nothing; files may arrive late and out of order".
//
// Each seed takes the set-up of a shrunk generated estate (estate, staff, the office's
// devices) and a random handful of its later events; 3–5 devices (the office computer,
// the cashier's computer, tablets) each make "their" events — those of their device, the
// office relaying residents' phones — over a few rounds, and between rounds send random
// bundles (full or delta, from what the receiver last reported) that are dropped,
// duplicated, delayed and delivered in random order; at the end each device and the
// office exchange what the other lacks. 1,000 seeds by default; set
// BIANMIN_PROPERTY_SEEDS for a longer run.
#include <cstdlib>
#include <memory>

#include "bianmin/generator.hpp"
#include "exchange_fixture.hpp"

using namespace xfx;

namespace {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}
    std::uint64_t next() {  // splitmix64
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : std::size_t(next() % n); }
    bool percent(int p) { return int(next() % 100) < p; }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }

private:
    std::uint64_t s_;
};

struct Estate {
    std::vector<Event> setup;      // up to the last office device registered on day one
    std::vector<Event> later;      // everything after
    std::vector<std::string> office_devices;
};

const Estate& shrunk_estate() {
    static const Estate estate = [] {
        EstateProfile p = estate_profile(EstateSize::small);
        p.months = 1;
        p.households = 12;
        p.tablets = 3;
        p.resident_phones_permille = 400;
        auto events = generate_estate(p, 7);
        if (!events.ok()) FAIL("the generator failed: " << events.errors());
        Estate e;
        std::size_t end = 0;
        for (std::size_t i = 0; i < events.value().size(); ++i) {
            const Event& ev = events.value()[i];
            if (ev.as<EstateCreated>()) e.office_devices.push_back(ev.id.device);
            if (const auto* d = ev.as<DeviceRegistered>(); d && d->kind == DeviceKind::office && e.office_devices.size() < 5) {
                e.office_devices.push_back(d->device);
                end = i + 1;
            }
        }
        e.setup.assign(events.value().begin(), events.value().begin() + std::ptrdiff_t(end));
        e.later.assign(events.value().begin() + std::ptrdiff_t(end), events.value().end());
        return e;
    }();
    return estate;
}

struct Node {
    std::string device;
    Ledger ledger;
    std::vector<VersionVector> reported;  // per node: what it last said it had seen
    std::vector<std::pair<std::size_t, std::string>> inbox;  // (sender, bundle text)
};

class Simulation {
public:
    Simulation(std::uint64_t seed) : rng_(seed) {
        const Estate& estate = shrunk_estate();
        const std::size_t count = 3 + rng_.below(3);
        for (std::size_t i = 0; i < count; ++i) {
            auto node = std::make_unique<Node>();
            node->device = estate.office_devices[i];
            node->ledger.add(estate.setup);
            // Every device was set up from the office's bundle: each knows the others hold it.
            node->reported.assign(count, node->ledger.version_vector());
            nodes_.push_back(std::move(node));
        }
        for (const auto& e : estate.later)
            if (rng_.percent(10)) chosen_.push_back(e);
    }

    // Each round, the devices make their next events, then bundles fly.
    void run() {
        const std::size_t rounds = 2 + rng_.below(4);
        for (std::size_t round = 0; round < rounds; ++round) {
            std::size_t end = chosen_.size() * (round + 1) / rounds;
            for (; made_ < end; ++made_) {
                const Event& e = chosen_[made_];
                REQUIRE(owner(e).ledger.add({e}).rejected.empty());
            }
            for (std::size_t sends = 1 + rng_.below(4); sends > 0; --sends) send_random();
            deliver_some();
        }
        for (auto& node : nodes_) deliver(*node, node->inbox.size());
    }

    // Everyone sends the office what it lacks, then the office sends each what it lacks —
    // deltas from the version vectors last reported, so this also tests that they miss
    // nothing.
    void final_exchange() {
        std::vector<std::size_t> order;
        for (std::size_t i = 1; i < nodes_.size(); ++i) order.push_back(i);
        rng_.shuffle(order);
        for (std::size_t i : order) receive(0, i, export_from(i, 0, false));
        for (std::size_t i : order) receive(i, 0, export_from(0, i, false));
    }

    const std::vector<std::unique_ptr<Node>>& nodes() const { return nodes_; }
    std::size_t imports() const { return imports_; }
    std::vector<Event> all_events() const {
        std::vector<Event> all = shrunk_estate().setup;
        all.insert(all.end(), chosen_.begin(), chosen_.end());
        return all;
    }

private:
    Node& owner(const Event& e) {
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            if (nodes_[i]->device == e.id.device) return *nodes_[i];
        const auto& devices = shrunk_estate().office_devices;
        auto at = std::find(devices.begin(), devices.end(), e.id.device);
        // Devices without a node of their own: office devices by index, phones via the office.
        return at == devices.end() ? *nodes_[0] : *nodes_[std::size_t(at - devices.begin()) % nodes_.size()];
    }

    std::string export_from(std::size_t from, std::size_t to, bool full) {
        Node& src = *nodes_[from];
        ExportRequest request;
        request.source_device = src.device;
        request.created_at = src.ledger.events().back().hlc.wall_ms;
        request.kind = full ? BundleKind::office_full : BundleKind::delta;
        if (!full) {
            request.for_device = nodes_[to]->device;
            request.device_seen = src.reported[to];
        }
        auto text = export_bundle(src.ledger, request, sha);
        REQUIRE(text.ok());
        return text.value();
    }

    void send_random() {
        std::size_t from = rng_.below(nodes_.size());
        std::size_t to = (from + 1 + rng_.below(nodes_.size() - 1)) % nodes_.size();
        std::string text = export_from(from, to, rng_.percent(25));
        if (rng_.percent(20)) return;  // lost on the way
        nodes_[to]->inbox.emplace_back(from, text);
        if (rng_.percent(25)) nodes_[to]->inbox.emplace_back(from, text);  // copied twice
    }

    void deliver_some() {
        for (auto& node : nodes_) deliver(*node, rng_.below(node->inbox.size() + 1));
    }

    // Imports `count` bundles of the inbox, picked in random order; the rest wait.
    void deliver(Node& node, std::size_t count) {
        rng_.shuffle(node.inbox);
        for (std::size_t k = 0; k < count; ++k) {
            auto [from, text] = node.inbox.back();
            node.inbox.pop_back();
            receive(index_of(node), from, text);
        }
    }

    std::size_t index_of(const Node& node) const {
        for (std::size_t i = 0; i < nodes_.size(); ++i)
            if (nodes_[i].get() == &node) return i;
        return 0;
    }

    void receive(std::size_t to, std::size_t from, const std::string& text) {
        Node& dst = *nodes_[to];
        auto bundle = open_bundle(text, sha);
        REQUIRE(bundle.ok());
        auto plan = plan_import(dst.ledger, bundle.value());
        if (!plan.ok()) FAIL("a good bundle was refused: " << plan.errors());
        REQUIRE(apply_import(dst.ledger, plan.value()).ok());
        ++imports_;
        VersionVector& reported = dst.reported[from];
        for (const auto& [device, n] : bundle.value().header.seen) reported[device] = std::max(reported[device], n);
    }

    Rng rng_;
    std::vector<std::unique_ptr<Node>> nodes_;
    std::vector<Event> chosen_;
    std::size_t made_ = 0;
    std::size_t imports_ = 0;
};

std::uint64_t seed_count() {
    const char* text = std::getenv("BIANMIN_PROPERTY_SEEDS");
    return text && *text ? std::strtoull(text, nullptr, 10) : 1000;
}

}  // namespace

TEST_CASE("[SPEC Offline] bundles in any order, late, twice or lost: after a full exchange every device holds the same") {
    const std::uint64_t seeds = seed_count();
    REQUIRE(shrunk_estate().office_devices.size() == 5);
    std::uint64_t devices_compared = 0, imports = 0, events = 0;
    for (std::uint64_t seed = 1; seed <= seeds; ++seed) {
        CAPTURE(seed);
        Simulation sim(seed);
        sim.run();
        sim.final_exchange();
        Ledger at_once;
        REQUIRE(at_once.add(sim.all_events()).rejected.empty());
        const YearMonth month = local_month(at_once.events().back().hlc.wall_ms, at_once.state().settings.tz_offset_minutes);
        const std::string report = render_text(to_table(income_report(at_once.state(), month)), Language::en);
        for (const auto& node : sim.nodes()) {
            REQUIRE(node->ledger.events() == at_once.events());
            REQUIRE(node->ledger.state() == at_once.state());
            REQUIRE(render_text(to_table(income_report(node->ledger.state(), month)), Language::en) == report);
            ++devices_compared;
        }
        imports += sim.imports();
        events += at_once.size();
    }
    MESSAGE(seeds << " seeds, " << devices_compared << " devices compared, " << imports << " bundles imported, "
                  << events / std::max<std::uint64_t>(seeds, 1) << " events per seed on average");
}
