// The shell both benchmark peer pages share: GLFW, WebGL 2 and Dear ImGui set up as the
// app does, one frame per animation frame, and window.benchReady() once two frames are
// drawn (interactive as the app counts it: ImGui shows new windows in the second frame).
#pragma once

namespace bench {

// draw() runs between ImGui::NewFrame and ImGui::Render; after_frame (optional) gets the
// frame's CPU time in ms, from its start to the last GL call. Returns main()'s status.
int run_page(const char* title, void (*draw)(), void (*after_frame)(double ms) = nullptr);

}  // namespace bench
