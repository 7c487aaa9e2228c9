// The parts of the office's People & devices screen (screen_office_people*.cpp).
#pragma once

#include "bianmin/state.hpp"

namespace bianmin::screens::people {

void draw_staff(const State& s);      // screen_office_people.cpp
void draw_buildings(const State& s);  // screen_office_people_places.cpp
void draw_devices(const State& s);    // screen_office_people_places.cpp
void draw_items(const State& s);      // screen_office_people_items.cpp

}  // namespace bianmin::screens::people
