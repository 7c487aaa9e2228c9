// B5's peer: the smallest Dear ImGui page — GLFW, WebGL 2, one window, the default font —
// compiled and linked with the app's flags and served the same way. Its bytes and its
// time to the first interactive frame are the floor the app's cold start is held to.
#include "imgui.h"
#include "page_shell.h"

namespace {

void draw() {
    ImGui::Begin("Minimal");
    ImGui::Text("Dear ImGui %s", IMGUI_VERSION);
    ImGui::Button("OK");
    ImGui::End();
}

}  // namespace

int main() { return bench::run_page("minimal", draw); }
