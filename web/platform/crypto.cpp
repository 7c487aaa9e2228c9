#include "platform/crypto.h"
#include "platform/frame_pacing.h"

#include <emscripten.h>

#include <map>

// Implemented in web/platform/library_crypto.js.
extern "C" {
int bm_js_crypto_available();
void bm_js_crypto_pbkdf2(int id, const char* pin, const char* salt_b64, double iterations);
void bm_js_crypto_sha256(int id, const char* data, int size);
}

namespace bianmin::platform::crypto {
namespace {

using Answer = std::function<void(bool ok, const std::string& first, const std::string& second)>;

struct Requests {
    int next_id = 1;
    std::map<int, Answer> waiting;
};

Requests& requests() {
    static Requests r;
    return r;
}

int remember(Answer answer) {
    Requests& r = requests();
    const int id = r.next_id++;
    r.waiting.emplace(id, std::move(answer));
    return id;
}

}  // namespace

bool available() { return bm_js_crypto_available() == 1; }

void derive_pin(const std::string& pin, const std::string& salt_b64, std::int64_t iterations,
                std::function<void(const PinHash&)> done) {
    const int id = remember([done = std::move(done)](bool ok, const std::string& first, const std::string& second) {
        PinHash result;
        result.ok = ok;
        if (ok) {
            result.salt_b64 = first;
            result.hash_b64 = second;
        } else {
            result.error = first;
        }
        done(result);
    });
    bm_js_crypto_pbkdf2(id, pin.c_str(), salt_b64.c_str(), double(iterations));
}

void sha256_hex(std::string_view bytes, std::function<void(bool ok, const std::string& hex)> done) {
    const int id = remember([done = std::move(done)](bool ok, const std::string& first, const std::string&) {
        done(ok, first);
    });
    bm_js_crypto_sha256(id, bytes.data(), int(bytes.size()));
}

}  // namespace bianmin::platform::crypto

extern "C" {

// An answer from library_crypto.js; each request is answered once.
EMSCRIPTEN_KEEPALIVE void bm_crypto_done(int id, int ok, const char* first, const char* second) {
    bianmin::platform::pacing::wake();
    auto& waiting = bianmin::platform::crypto::requests().waiting;
    auto it = waiting.find(id);
    if (it == waiting.end()) return;
    auto answer = std::move(it->second);
    waiting.erase(it);
    answer(ok == 1, first ? first : "", second ? second : "");
}

}  // extern "C"
