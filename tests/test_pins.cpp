// Staff sign-in PINs (pin_set): the core keeps only a salted PBKDF2 result, checks its
// shape and who may set it, and never lets it leave the office. SPEC "People and what each
// may do", "Working offline"; issue 7 "Security".
#include "fixture.hpp"

using namespace fx;

namespace {

// A well-formed record: 16 salt bytes and a 32-byte hash, base64.
PinSet pin_for(const std::string& person, std::string hash = "wFwYa+VyX36E1NmywG8054dBAfVJgyEGezcOG+71D2M=") {
    return PinSet{person, "c2FsdHNhbHRzYWx0c2FsdA==", std::move(hash), 210000, std::string(kPinAlgorithm)};
}

}  // namespace

TEST_CASE("[SPEC People] the office manager sets a staff member's PIN, and the staff record keeps only salt and hash") {
    World w;
    w.found();
    CHECK_FALSE(w.state().find_staff("fd")->pin.is_set());
    w.ok(OM, pin_for("fd"));
    const StaffPin& pin = w.state().find_staff("fd")->pin;
    CHECK(pin.is_set());
    CHECK(pin.salt == "c2FsdHNhbHRzYWx0c2FsdA==");
    CHECK(pin.hash == "wFwYa+VyX36E1NmywG8054dBAfVJgyEGezcOG+71D2M=");
    CHECK(pin.iterations == 210000);
    CHECK(pin.algorithm == kPinAlgorithm);
    CHECK(pin.set_by == "om");
    // Nobody else got a PIN by the way.
    CHECK_FALSE(w.state().find_staff("sw")->pin.is_set());
}

TEST_CASE("[SPEC People] a later PIN replaces the earlier one (a reset by the office, or a change by the person)") {
    World w;
    w.found();
    w.ok(OM, pin_for("fd"));
    w.ok(FD, pin_for("fd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
    CHECK(w.state().find_staff("fd")->pin.hash == "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    CHECK(w.state().find_staff("fd")->pin.set_by == "fd");
}

TEST_CASE("[SPEC People] staff may set their own PIN but only the office manager sets someone else's") {
    World w;
    w.found();
    SUBCASE("own PIN, every staff role") {
        for (const Actor& a : {GM, FD, SW, CS, AG}) {
            CAPTURE(a.person_id);
            w.ok(a, pin_for(a.person_id));
            CHECK(w.state().find_staff(a.person_id)->pin.is_set());
        }
    }
    SUBCASE("someone else's PIN") {
        for (const Actor& a : {GM, FD, SW, CS, AG}) {
            CAPTURE(a.person_id);
            CHECK(has(w.fail(a, pin_for("fd2")), "auth.pin_of_other"));
        }
        CHECK_FALSE(w.state().find_staff("fd2")->pin.is_set());
    }
    SUBCASE("a resident sets no PIN, not even one named like theirs") {
        CHECK(has(w.fail(R101, pin_for("r101")), "auth.role_forbidden"));
        CHECK(has(w.fail(R101, pin_for("fd")), "auth.role_forbidden"));
    }
}

TEST_CASE("[SPEC People] a PIN record that is not a proper PBKDF2 result for an active staff member is refused") {
    World w;
    w.found();
    PinSet bad = pin_for("fd");
    const char* code = "";
    SUBCASE("unknown person") { bad.person_id = "nobody"; code = "pin.unknown_staff"; }
    SUBCASE("a resident is not staff") { bad.person_id = "r101"; code = "pin.unknown_staff"; }
    SUBCASE("too few iterations") { bad.iterations = 99999; code = "pin.too_few_iterations"; }
    SUBCASE("negative iterations") { bad.iterations = -210000; code = "pin.too_few_iterations"; }
    SUBCASE("another algorithm") { bad.algorithm = "MD5"; code = "pin.bad_algorithm"; }
    SUBCASE("empty salt") { bad.salt = ""; code = "pin.bad_salt"; }
    SUBCASE("salt not base64") { bad.salt = "not base64!"; code = "pin.bad_salt"; }
    SUBCASE("empty hash") { bad.hash = ""; code = "pin.bad_hash"; }
    SUBCASE("the PIN itself in clear instead of a hash") { bad.hash = "1234"; code = "pin.bad_hash"; }
    SUBCASE("data after the padding") { bad.hash = "AAAAAAAAAAAAAAAAAAAA==AA"; code = "pin.bad_hash"; }
    SUBCASE("a salt too short to matter") { bad.salt = "c2FsdA=="; code = "pin.bad_salt"; }
    SUBCASE("a hash far too long") { bad.hash = std::string(400, 'A'); code = "pin.bad_hash"; }
    CAPTURE(code);
    CHECK(has(w.fail(OM, bad), code));
    CHECK_FALSE(w.state().find_staff("fd")->pin.is_set());
}

TEST_CASE("[SPEC People] a staff member who has left gets no new PIN") {
    World w;
    w.found();
    w.ok(OM, StaffDeactivated{"fd2", "离职"});
    CHECK(has(w.fail(OM, pin_for("fd2")), "pin.staff_inactive"));
}

TEST_CASE("[SPEC Offline] PIN records are internal: never sent to a resident device") {
    World w;
    w.found();
    auto events = w.ok(OM, pin_for("fd"));
    CHECK(visibility(events.at(0), w.state()) == Visibility::internal);
    CHECK(event_household(events.at(0), w.state()).empty());
}

TEST_CASE("[SPEC Offline] a PIN event survives JSON and replay, and a forged one from another device is skipped") {
    World w;
    w.found();
    auto events = w.ok(OM, pin_for("fd"));
    Json j = events.at(0);
    CHECK(j.at("type") == "pin_set");
    CHECK(j.at("data").at("algorithm") == "PBKDF2-SHA256");
    CHECK(j.get<Event>() == events.at(0));

    // A front-desk member "resetting" a colleague's PIN, as a bundle could carry it.
    Event forged = events.at(0);
    forged.actor = FD;
    forged.id.seq = w.state().max_seq.at("office") + 1;
    forged.hlc.wall_ms += 1000;
    std::get<PinSet>(forged.payload) = pin_for("fd2");
    std::vector<Event> log = w.ledger.events();
    log.push_back(forged);
    State replayed = project(log);
    CHECK_FALSE(replayed.find_staff("fd2")->pin.is_set());
    REQUIRE_FALSE(replayed.anomalies.empty());
    CHECK(replayed.anomalies.back().skipped);
}
