// Files in and out of the app (emscripten --js-library; C++ side: files.cpp).
// Out: a Blob over bytes copied from the heap, clicked through <a download>.
// In: <input type=file> or drag-and-drop onto the page → FileReader → bytes copied into
// the heap → bm_file_imported (with bm_file_progress while reading large files).
mergeInto(LibraryManager.library, {
  $BianminFiles: {
    input: null,
    nextId: 1,
    maxBytes: 0,  // larger files are refused by size, unread (0: no limit)

    withName: function (name, call) {
      var size = lengthBytesUTF8(name) + 1;
      var ptr = _malloc(size);
      stringToUTF8(name, ptr, size);
      call(ptr);
      _free(ptr);
    },

    read: function (file) {
      var id = BianminFiles.nextId++;
      if (BianminFiles.maxBytes > 0 && file.size > BianminFiles.maxBytes) {
        BianminFiles.withName(file.name, function (namePtr) { _bm_file_too_large(id, namePtr, file.size); });
        return;
      }
      var reader = new FileReader();
      reader.onprogress = function (event) {
        if (!event.lengthComputable) return;
        BianminFiles.withName(file.name, function (namePtr) {
          _bm_file_progress(id, namePtr, event.loaded, event.total);
        });
      };
      reader.onerror = function () {
        BianminFiles.withName(file.name, function (namePtr) { _bm_file_failed(id, namePtr); });
      };
      reader.onload = function () {
        var bytes = new Uint8Array(reader.result);
        var data = _malloc(Math.max(1, bytes.length));
        if (!data) {  // no room in the app's memory: say so rather than write at address 0
          BianminFiles.withName(file.name, function (namePtr) { _bm_file_failed(id, namePtr); });
          return;
        }
        HEAPU8.set(bytes, data);
        BianminFiles.withName(file.name, function (namePtr) {
          _bm_file_imported(id, namePtr, data, bytes.length);  // takes ownership of data
        });
      };
      reader.readAsArrayBuffer(file);
    },

    readAll: function (files) {
      for (var i = 0; i < files.length; ++i) BianminFiles.read(files[i]);
    },

    install: function () {
      var input = document.createElement('input');
      input.type = 'file';
      input.id = 'bianmin-file-input';
      input.style.display = 'none';
      input.setAttribute('aria-hidden', 'true');
      input.addEventListener('change', function () {
        BianminFiles.readAll(input.files);
        input.value = '';  // the same file can be chosen again
      });
      document.body.appendChild(input);
      BianminFiles.input = input;

      // Without preventDefault on both, the browser would open the dropped file instead.
      document.addEventListener('dragover', function (event) {
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      });
      document.addEventListener('drop', function (event) {
        event.preventDefault();
        if (event.dataTransfer && event.dataTransfer.files) BianminFiles.readAll(event.dataTransfer.files);
      });
    },
  },

  bm_js_files_set_max_bytes__deps: ['$BianminFiles'],
  bm_js_files_set_max_bytes: function (maxBytes) {
    BianminFiles.maxBytes = maxBytes;
  },

  bm_js_files_install__deps: ['$BianminFiles', 'malloc', 'free'],
  bm_js_files_install: function () {
    BianminFiles.install();
  },

  // Must run within a few seconds of a click or tap (browsers open pickers only then).
  bm_js_open_file_picker__deps: ['$BianminFiles'],
  bm_js_open_file_picker: function (acceptPtr, multiple) {
    var input = BianminFiles.input;
    input.accept = UTF8ToString(acceptPtr);
    input.multiple = !!multiple;
    input.click();
  },

  bm_js_download: function (namePtr, mimePtr, data, size) {
    var blob = new Blob([HEAPU8.slice(data, data + size)], { type: UTF8ToString(mimePtr) });
    var url = URL.createObjectURL(blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = UTF8ToString(namePtr);
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is plenty.
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  },
});
