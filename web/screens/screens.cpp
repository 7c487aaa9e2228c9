// The list of screens after sign-in (screens.h).
#include "screens/screens.h"

#include <cstring>

#include "bianmin/fields.hpp"

namespace bianmin::screens {
namespace {

constexpr std::uint32_t bit(Role role) { return role_bit(role); }
constexpr std::uint32_t kResident = bit(Role::resident);
constexpr std::uint32_t kDesk = bit(Role::front_desk) | bit(Role::service_worker);
constexpr std::uint32_t kOffice = bit(Role::office_manager);
constexpr std::uint32_t kGm = bit(Role::general_manager);
constexpr std::uint32_t kCashier = bit(Role::cashier);
constexpr std::uint32_t kAssessment = bit(Role::assessment_group);
constexpr std::uint32_t kAllStaff = kDesk | kOffice | kGm | kCashier | kAssessment;

constexpr ScreenInfo kScreens[] = {
    {"resident_home", "nav.resident_home", kResident, draw_resident_home},
    {"resident_request", "nav.resident_request", kResident, draw_resident_request},
    {"resident_feedback", "nav.resident_feedback", kResident, draw_resident_feedback},
    {"desk_today", "nav.desk_today", kDesk | kOffice, draw_desk_today},
    {"desk_register", "nav.desk_register", kDesk | kOffice, draw_desk_register},
    {"desk_deliveries", "nav.desk_deliveries", kDesk | kOffice, draw_desk_deliveries},
    {"desk_handover", "nav.desk_handover", kDesk | kOffice, draw_desk_handover},
    {"desk_problems", "nav.desk_problems", kDesk | kOffice | kGm, draw_desk_problems},
    {"cashier", "nav.cashier", kCashier | kOffice, draw_cashier},
    {"office_cycle", "nav.office_cycle", kOffice, draw_office_cycle},
    {"office_lists", "nav.office_lists", kOffice | kGm | kDesk | kCashier, draw_office_lists},
    {"office_breakeven", "nav.office_breakeven", kOffice | kGm, draw_office_breakeven},
    {"office_people", "nav.office_people", kOffice, draw_office_people},
    {"conflicts", "nav.conflicts", kOffice, draw_conflicts},
    {"gm_decisions", "nav.gm_decisions", kGm, draw_gm_decisions},
    {"assessment", "nav.assessment", kAllStaff, draw_assessment},  // window staff: attendance and leave only
    {"reports", "nav.reports", kAllStaff, draw_reports},
    {"exchange", "nav.exchange", kAllStaff | kResident, draw_exchange},
};

}  // namespace

std::span<const ScreenInfo> all_screens() { return kScreens; }

const ScreenInfo* find_screen(const char* id) {
    for (const auto& screen : kScreens)
        if (std::strcmp(screen.id, id) == 0) return &screen;
    return nullptr;
}

}  // namespace bianmin::screens
