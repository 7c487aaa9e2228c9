// Text input through one hidden <textarea> (emscripten --js-library; C++ side: text_input.cpp).
//
// Emscripten 3.1.6's GLFW only sees `keypress`, so IME composition, paste and Android
// keyboards never reach ImGui. Instead, while an ImGui text field is active, a hidden
// textarea sits at the caret and holds the focus; what the browser commits into it is sent
// to C (bm_text_input_commit) and the textarea is reset. Keys (arrows, Backspace, Enter,
// shortcuts) still reach ImGui through GLFW's window-level keydown listener.
//
// The textarea always holds one sentinel space before the caret: Android keyboards send
// keyCode 229 and only report Backspace as a `deleteContentBackward` input event, which
// the browser fires only when there is something to delete.
mergeInto(LibraryManager.library, {
  $BianminText: {
    SENTINEL: ' ',
    area: null,          // the hidden textarea
    preedit: null,       // the overlay showing the IME's uncommitted text
    composing: false,
    wanted: false,       // an ImGui text field is active
    pasteShortcut: false,  // the paste event comes from Ctrl/Cmd+V (ImGui handles the key)
    deletedByKey: false,   // the last keydown was a real Backspace (GLFW already sent it)
    caret: { x: 0, y: 0, h: 20 },  // CSS pixels relative to the canvas
    KEYBOARDS: ['text', 'decimal', 'numeric', 'tel'],  // text_input::Keyboard

    setKeyboard: function (keyboard) {
      var mode = BianminText.KEYBOARDS[keyboard] || 'text';
      if (BianminText.area.inputMode !== mode) BianminText.area.inputMode = mode;
    },

    sendText: function (text) {
      if (!text) return;
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      _bm_text_input_commit(ptr);
      _free(ptr);
    },

    reset: function () {
      var area = BianminText.area;
      area.value = BianminText.SENTINEL;
      area.setSelectionRange(1, 1);
    },

    // Sends what was committed into the textarea (everything after the sentinel).
    flush: function () {
      var value = BianminText.area.value;
      var text = value.indexOf(BianminText.SENTINEL) === 0 ? value.substring(1) : value;
      BianminText.reset();
      BianminText.sendText(text.replace(/\r\n?/g, '\n'));
    },

    showPreedit: function (text) {
      var box = BianminText.preedit;
      if (!text) { box.style.display = 'none'; return; }
      box.textContent = text;
      box.style.display = 'block';
    },

    place: function () {
      var canvasBox = Module['canvas'].getBoundingClientRect();
      var c = BianminText.caret;
      var left = canvasBox.left + c.x, top = canvasBox.top + c.y;
      BianminText.area.style.left = left + 'px';
      BianminText.area.style.top = top + 'px';
      BianminText.area.style.height = Math.max(c.h, 16) + 'px';
      var box = BianminText.preedit;
      box.style.left = left + 'px';
      box.style.top = (top + c.h + 2) + 'px';
      box.style.fontSize = Math.max(c.h * 0.8, 14) + 'px';
    },

    focus: function () {
      var area = BianminText.area;
      if (document.activeElement !== area) {
        area.focus({ preventScroll: true });
        BianminText.reset();
      }
    },

    install: function () {
      var area = document.createElement('textarea');
      area.id = 'bianmin-text-input';
      area.setAttribute('autocomplete', 'off');
      area.setAttribute('autocorrect', 'off');
      area.setAttribute('autocapitalize', 'off');
      area.setAttribute('spellcheck', 'false');
      area.setAttribute('aria-hidden', 'true');
      area.tabIndex = -1;
      // Invisible but focusable (display:none could not hold the focus). 16px type keeps
      // iOS from zooming the page when the field takes the focus.
      area.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:20px;padding:0;border:0;' +
        'margin:0;opacity:0;resize:none;overflow:hidden;font-size:16px;color:transparent;' +
        'background:transparent;caret-color:transparent;pointer-events:none;z-index:-1;white-space:pre;';
      var preedit = document.createElement('div');
      preedit.id = 'bianmin-preedit';
      preedit.setAttribute('aria-hidden', 'true');
      preedit.style.cssText = 'position:fixed;display:none;pointer-events:none;z-index:10;' +
        'background:#fffbe6;color:#222;border:1px solid #c9b458;border-radius:4px;padding:1px 6px;' +
        'font-family:system-ui,"Noto Sans CJK SC","Droid Sans Fallback",sans-serif;' +
        'text-decoration:underline;white-space:pre;';
      document.body.appendChild(area);
      document.body.appendChild(preedit);
      BianminText.area = area;
      BianminText.preedit = preedit;
      BianminText.reset();

      area.addEventListener('keydown', function (event) {
        BianminText.pasteShortcut = (event.ctrlKey || event.metaKey) && (event.key === 'v' || event.key === 'V');
        BianminText.deletedByKey = event.keyCode === 8;
      });
      area.addEventListener('keyup', function () {
        BianminText.pasteShortcut = false;
        BianminText.deletedByKey = false;
      });
      area.addEventListener('compositionstart', function () {
        BianminText.composing = true;
        BianminText.place();
      });
      area.addEventListener('compositionupdate', function (event) {
        BianminText.showPreedit(event.data);
      });
      area.addEventListener('compositionend', function () {
        BianminText.composing = false;
        BianminText.showPreedit('');
        BianminText.flush();
      });
      area.addEventListener('input', function (event) {
        if (event.isComposing || BianminText.composing) {
          BianminText.showPreedit(area.value.replace(BianminText.SENTINEL, ''));
          return;
        }
        var type = event.inputType || '';
        if (type.indexOf('delete') === 0) {
          // Android keyboards (keyCode 229): the only sign of Backspace is this event.
          BianminText.reset();
          if (type.indexOf('Backward') > 0 && !BianminText.deletedByKey) _bm_text_input_backspace();
          return;
        }
        if (type === 'insertLineBreak' || type === 'insertParagraph') {
          BianminText.reset();  // Enter reached ImGui as a key already
          return;
        }
        BianminText.flush();
      });
      area.addEventListener('paste', function (event) {
        event.preventDefault();
        var data = event.clipboardData && event.clipboardData.getData('text/plain');
        if (!data) return;
        var size = lengthBytesUTF8(data) + 1;
        var ptr = _malloc(size);
        stringToUTF8(data.replace(/\r\n?/g, '\n'), ptr, size);
        _bm_text_input_paste(ptr, BianminText.pasteShortcut ? 1 : 0);
        _free(ptr);
      });
      window.addEventListener('resize', function () { if (BianminText.wanted) BianminText.place(); });
    },
  },

  bm_js_text_input_install__deps: ['$BianminText', 'malloc', 'free'],
  bm_js_text_input_install: function () {
    BianminText.install();
  },

  // From io.SetPlatformImeDataFn: where the caret is (CSS pixels) and whether a field wants text.
  bm_js_text_input_place__deps: ['$BianminText'],
  bm_js_text_input_place: function (want, x, y, lineHeight, keyboard) {
    BianminText.caret = { x: x, y: y, h: lineHeight };
    BianminText.place();
    if (want) BianminText.setKeyboard(keyboard);
    if (want && !BianminText.wanted) {
      BianminText.wanted = true;
      BianminText.focus();
    } else if (!want && BianminText.wanted) {
      BianminText.wanted = false;
      BianminText.composing = false;
      BianminText.showPreedit('');
      BianminText.area.blur();
    }
  },

  // Called each frame while a field is active: a click on the canvas moves the DOM focus
  // away from the textarea; bring it back unless an IME is mid-composition.
  bm_js_text_input_keep_focus__deps: ['$BianminText'],
  bm_js_text_input_keep_focus: function () {
    if (BianminText.wanted && !BianminText.composing) BianminText.focus();
  },

  // Called inside a touchend handler (a user gesture): focusing there is what opens the
  // virtual keyboard on phones and tablets; a later frame would be too late.
  bm_js_text_input_focus_in_gesture__deps: ['$BianminText'],
  bm_js_text_input_focus_in_gesture: function (x, y, keyboard) {
    BianminText.caret = { x: x, y: y, h: BianminText.caret.h };
    BianminText.place();
    BianminText.setKeyboard(keyboard);
    BianminText.wanted = true;
    BianminText.focus();
  },

  bm_js_clipboard_write: function (textPtr) {
    var text = UTF8ToString(textPtr);
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(function () {});
    }
  },
});
