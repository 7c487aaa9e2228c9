// WebGL state that the ImGui renderer reads back every frame, answered from a copy.
//
// imgui_impl_opengl3 saves the GL state before it draws and restores it after. In
// Chromium, getParameter(VIEWPORT, SCISSOR_BOX, BLEND_*) is a synchronous round trip to
// the GPU process, which answers only after finishing the work already sent — the
// previous frame's drawing. With software WebGL that held every frame's main thread for
// about 3 ms (B4, docs/PERFORMANCE.md). These values change only through the setters
// wrapped below, so a copy taken on the way in is exact. A call the context refuses (a
// negative size, an unknown enum) or a lost context forgets the copy: the next read asks
// the GPU again. Used by the app (platform_web.cpp) and the benchmark pages alike.
mergeInto(LibraryManager.library, {
  bm_js_shadow_gl_state__deps: ['$GL'],
  bm_js_shadow_gl_state: function () {
    var gl = GLctx;
    if (!gl || gl.bianminShadow) return;
    var shadow = gl.bianminShadow = new Map();
    var VIEWPORT = 0x0BA2, SCISSOR_BOX = 0x0C10;
    var BLEND_SRC_RGB = 0x80C9, BLEND_DST_RGB = 0x80C8, BLEND_SRC_ALPHA = 0x80CB, BLEND_DST_ALPHA = 0x80CA;
    var BLEND_EQUATION_RGB = 0x8009, BLEND_EQUATION_ALPHA = 0x883D;
    var FACTORS = new Set([0, 1, 0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0305, 0x0306, 0x0307, 0x0308,
      0x8001, 0x8002, 0x8003, 0x8004]);
    var EQUATIONS = new Set([0x8006, 0x800A, 0x800B, 0x8007, 0x8008]);  // ADD, SUBTRACT, REVERSE, MIN, MAX
    var SHADOWED = [VIEWPORT, SCISSOR_BOX, BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA,
      BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA];
    var maxDims = null;  // VIEWPORT is clamped to MAX_VIEWPORT_DIMS (read once, a constant)

    var keep = function (names, values, valid) {
      names.forEach(function (name, i) {
        if (valid && !gl.isContextLost()) shadow.set(name, values[i]);
        else shadow.delete(name);
      });
    };
    // WebGL refuses a constant colour factor paired with a constant alpha one.
    var CONSTANT_COLOUR = new Set([0x8001, 0x8002]), CONSTANT_ALPHA = new Set([0x8003, 0x8004]);
    var factorsOk = function (src, dst) {
      return FACTORS.has(src) && FACTORS.has(dst) &&
        !(CONSTANT_COLOUR.has(src) && CONSTANT_ALPHA.has(dst)) && !(CONSTANT_ALPHA.has(src) && CONSTANT_COLOUR.has(dst));
    };
    var wrap = function (method, after) {
      var real = gl[method];
      gl[method] = function () {
        var result = real.apply(gl, arguments);
        after.apply(null, arguments);
        return result;
      };
    };
    var box = function (x, y, w, h) { return [x | 0, y | 0, w | 0, h | 0]; };

    var getParameter = gl.getParameter;
    gl.getParameter = function (name) {
      if (shadow.has(name)) {
        var value = shadow.get(name);
        return Array.isArray(value) ? new Int32Array(value) : value;
      }
      var answer = getParameter.call(gl, name);
      if (SHADOWED.indexOf(name) >= 0 && !gl.isContextLost()) {
        shadow.set(name, answer instanceof Int32Array ? Array.prototype.slice.call(answer) : answer);
      }
      return answer;
    };

    wrap('viewport', function (x, y, w, h) {
      if (!maxDims) maxDims = getParameter.call(gl, 0x0D3A);  // MAX_VIEWPORT_DIMS
      var fits = maxDims && w >= 0 && h >= 0 && w <= maxDims[0] && h <= maxDims[1];
      keep([VIEWPORT], [box(x, y, w, h)], fits);
    });
    wrap('scissor', function (x, y, w, h) { keep([SCISSOR_BOX], [box(x, y, w, h)], w >= 0 && h >= 0); });
    wrap('blendFunc', function (src, dst) {
      keep([BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA], [src, dst, src, dst], factorsOk(src, dst));
    });
    wrap('blendFuncSeparate', function (srcRgb, dstRgb, srcAlpha, dstAlpha) {
      keep([BLEND_SRC_RGB, BLEND_DST_RGB, BLEND_SRC_ALPHA, BLEND_DST_ALPHA], [srcRgb, dstRgb, srcAlpha, dstAlpha],
        factorsOk(srcRgb, dstRgb) && FACTORS.has(srcAlpha) && FACTORS.has(dstAlpha));
    });
    wrap('blendEquation', function (mode) {
      keep([BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA], [mode, mode], EQUATIONS.has(mode));
    });
    wrap('blendEquationSeparate', function (rgb, alpha) {
      keep([BLEND_EQUATION_RGB, BLEND_EQUATION_ALPHA], [rgb, alpha], EQUATIONS.has(rgb) && EQUATIONS.has(alpha));
    });
    // A lost context comes back with the defaults: ask the GPU again.
    gl.canvas.addEventListener('webglcontextlost', function () { shadow.clear(); });
    gl.canvas.addEventListener('webglcontextrestored', function () { shadow.clear(); });
  },
});
