// B4's peer: a bare Dear ImGui table of 200,000 rows drawn through ImGuiListClipper (only
// the visible rows are laid out), scrolled a few rows every frame, built with the app's
// flags. It measures the CPU time of each frame on the page's main thread — from the
// start of the frame to the last GL call — which is what the app's busiest table screen
// is held to (≤ 1 ms median).
//
// The page calls bench_table_record(n): the next n frames scroll and are timed;
// bench_table_recorded() counts them; bench_table_times() gives them as a JSON array.
// ?rows=N changes the row count.
#include <emscripten.h>

#include <cstdio>
#include <string>
#include <vector>

#include "imgui.h"
#include "page_shell.h"

namespace {

int g_rows = 200000;
int g_record_left = 0;
std::vector<double> g_times;
std::string g_times_json;

// A delivery-like row, made up from its index: what a register screen shows.
void cell(char* out, std::size_t size, int row, int column) {
    switch (column) {
        case 0: std::snprintf(out, size, "2024-%02d-%02d %02d:%02d", 1 + row % 12, 1 + row % 28, 8 + row % 10, row % 60); break;
        case 1: std::snprintf(out, size, "%d-%d%02d", 1 + row % 25, 1 + row % 32, 1 + row % 4); break;
        case 2: std::snprintf(out, size, "%s", row % 3 ? "barrel water" : "housekeeping"); break;
        case 3: std::snprintf(out, size, "%d", 1 + row % 3); break;
        case 4: std::snprintf(out, size, "%d.%02d", 18 * (1 + row % 3), 0); break;
        default: std::snprintf(out, size, "%s", row % 10 ? "confirmed" : "waiting"); break;
    }
}

void draw_table() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Deliveries", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
    static const char* kColumns[] = {"time", "household", "item", "quantity", "charge", "status"};
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersV |
                                  ImGuiTableFlags_Resizable;
    if (ImGui::BeginTable("rows", 6, flags)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        for (const char* name : kColumns) ImGui::TableSetupColumn(name);
        ImGui::TableHeadersRow();
        if (g_record_left > 0) ImGui::SetScrollY(ImGui::GetScrollY() + ImGui::GetTextLineHeightWithSpacing() * 3);
        ImGuiListClipper clipper;
        clipper.Begin(g_rows);
        char text[64];
        while (clipper.Step())
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                ImGui::TableNextRow();
                for (int column = 0; column < 6; ++column) {
                    ImGui::TableSetColumnIndex(column);
                    cell(text, sizeof text, row, column);
                    ImGui::TextUnformatted(text);
                }
            }
        ImGui::EndTable();
    }
    ImGui::End();
}

void after_frame(double ms) {
    if (g_record_left > 0) {
        g_times.push_back(ms);
        --g_record_left;
    }
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void bench_table_record(int frames) {
    g_times.clear();
    g_record_left = frames;
}
EMSCRIPTEN_KEEPALIVE int bench_table_recorded() { return int(g_times.size()); }
EMSCRIPTEN_KEEPALIVE const char* bench_table_times() {
    g_times_json = "[";
    char number[32];
    for (std::size_t i = 0; i < g_times.size(); ++i) {
        std::snprintf(number, sizeof number, "%s%.4f", i ? "," : "", g_times[i]);
        g_times_json += number;
    }
    g_times_json += "]";
    return g_times_json.c_str();
}
}

int main() {
    g_rows = EM_ASM_INT({ return Number(new URLSearchParams(location.search).get('rows')) || 200000; });
    return bench::run_page("table", draw_table, after_frame);
}
