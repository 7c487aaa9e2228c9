// See page_shell.h.
#include "page_shell.h"

#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"

// The app builds Dear ImGui with its test-engine item hooks compiled in
// (web/imconfig_bianmin.h); the pages use the same Dear ImGui build, so they provide the
// hooks too — as the app does outside test mode, they do nothing.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID, const char*, ImGuiItemStatusFlags) {}
void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

extern "C" void bm_js_shadow_gl_state();  // web/platform/library_gl_state.js, as in the app

namespace bench {
namespace {

GLFWwindow* g_window = nullptr;
int g_frames = 0;
void (*g_draw)() = nullptr;
void (*g_after_frame)(double) = nullptr;

void frame() {
    const double started = emscripten_get_now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    g_draw();
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(g_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (g_after_frame) g_after_frame(emscripten_get_now() - started);
    if (++g_frames == 2) EM_ASM({ if (window.benchReady) window.benchReady(); });
}

}  // namespace

int run_page(const char* title, void (*draw)(), void (*after_frame)(double ms)) {
    g_draw = draw;
    g_after_frame = after_frame;
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1280, 800, title, nullptr, nullptr);
    if (!g_window) return 1;
    glfwMakeContextCurrent(g_window);
    bm_js_shadow_gl_state();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}

}  // namespace bench
