// The copy of the WebGL state the ImGui renderer reads back (web/platform/library_gl_state.js)
// always says what the GPU says, across frames, valid and refused setter calls, and a lost
// context. The real answer comes from the prototype's getParameter, which the copy does
// not replace. [issue 5, issue 6 B4]
import { assert, assertEqual } from '../lib/assert.mjs';

// In the page: every shadowed parameter, the copy's answer against the GPU's.
const COMPARE = () => {
  const gl = window.Module.ctx;
  const names = { VIEWPORT: 0x0BA2, SCISSOR_BOX: 0x0C10, BLEND_SRC_RGB: 0x80C9, BLEND_DST_RGB: 0x80C8,
    BLEND_SRC_ALPHA: 0x80CB, BLEND_DST_ALPHA: 0x80CA, BLEND_EQUATION_RGB: 0x8009, BLEND_EQUATION_ALPHA: 0x883D };
  const real = WebGL2RenderingContext.prototype.getParameter;
  const show = (v) => (v && v.length !== undefined ? Array.from(v) : v);
  const out = { installed: gl.getParameter !== real, differences: [], copied: gl.bianminShadow.size };
  for (const [label, name] of Object.entries(names)) {
    const copy = show(gl.getParameter(name)), gpu = show(real.call(gl, name));
    if (JSON.stringify(copy) !== JSON.stringify(gpu)) out.differences.push(`${label}: copy ${JSON.stringify(copy)}, GPU ${JSON.stringify(gpu)}`);
  }
  return out;
};

function assertSame(seen, when) {
  assert(seen.differences.length === 0, `${when}, the copy and the GPU differ: ${seen.differences.join('; ')}`);
}

export default function (test) {
  test('the WebGL state copy answers what the GPU answers, through frames and refused calls', async ({ page, open }) => {
    await open();
    await page.evaluate(() => window.bianmin.nextFrame());
    let seen = await page.evaluate(COMPARE);
    assert(seen.installed, 'the GL context\'s getParameter is not the copy\'s');
    assert(seen.copied >= 8, `the renderer's reads were not copied: ${seen.copied} of 8 values held`);
    assertSame(seen, 'after two frames');

    // Setter calls of every kind, the valid ones changing the state, the refused ones not.
    const steps = [
      'viewport(3, 4, 50, 60)', 'viewport with a negative width (refused)', 'viewport wider than the maximum (clamped)',
      'scissor(1, 2, 30, 40)', 'scissor with a negative height (refused)',
      'blendFunc(ONE, ZERO)', 'blendFunc with an unknown factor (refused)',
      'blendFunc(CONSTANT_COLOR, CONSTANT_ALPHA) (refused by WebGL)',
      'blendFuncSeparate(SRC_ALPHA, ONE_MINUS_SRC_ALPHA, ONE, ONE_MINUS_SRC_ALPHA)',
      'blendEquation(FUNC_SUBTRACT)', 'blendEquationSeparate(MIN, MAX)', 'blendEquation with an unknown mode (refused)',
    ];
    for (let i = 0; i < steps.length; i++) {
      seen = await page.evaluate(({ i, compare }) => {
        const gl = window.Module.ctx;
        const calls = [
          () => gl.viewport(3, 4, 50, 60), () => gl.viewport(0, 0, -5, 10), () => gl.viewport(0, 0, 1 << 20, 10),
          () => gl.scissor(1, 2, 30, 40), () => gl.scissor(1, 2, 30, -1),
          () => gl.blendFunc(gl.ONE, gl.ZERO), () => gl.blendFunc(0x1234, gl.ONE),
          () => gl.blendFunc(gl.CONSTANT_COLOR, gl.CONSTANT_ALPHA),
          () => gl.blendFuncSeparate(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA, gl.ONE, gl.ONE_MINUS_SRC_ALPHA),
          () => gl.blendEquation(gl.FUNC_SUBTRACT), () => gl.blendEquationSeparate(gl.MIN, gl.MAX),
          () => gl.blendEquation(0x1234),
        ];
        calls[i]();
        for (let n = 0; n < 8 && gl.getError() !== gl.NO_ERROR; n++) { /* a refused call leaves an error */ }
        return new Function(`return (${compare})`)()();
      }, { i, compare: COMPARE.toString() });
      assertSame(seen, `after ${steps[i]}`);
    }

    // The app draws again over whatever the calls left: its own state comes back.
    await page.evaluate(() => window.bianmin.nextFrame());
    assertSame(await page.evaluate(COMPARE), 'after the app drew again');

    // A lost context forgets everything (a restored one starts from the defaults), and a
    // setter called while it is lost is not kept.
    const lost = await page.evaluate(async () => {
      const gl = window.Module.ctx;
      const lose = gl.getExtension('WEBGL_lose_context');
      if (!lose) return 'no WEBGL_lose_context';
      gl.viewport(7, 7, 70, 70);
      const event = new Promise((resolve) => gl.canvas.addEventListener('webglcontextlost', resolve, { once: true }));
      lose.loseContext();
      if (await Promise.race([event.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]) !== true) return 'not lost in 5 s';
      gl.viewport(1, 1, 10, 10);
      return { held: gl.bianminShadow.size, viewport: gl.getParameter(gl.VIEWPORT) };
    });
    assertEqual(JSON.stringify(lost), JSON.stringify({ held: 0, viewport: null }), 'the copy once the context was lost');
  });
}
