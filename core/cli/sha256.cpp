// sha256_hex through OpenSSL's EVP interface (see sha256.hpp).
#include "sha256.hpp"

#include <openssl/evp.h>

#include <cassert>
#include <memory>

namespace bianmin::cli {

std::string sha256_hex(std::string_view bytes) {
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    bool ok = ctx && EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) == 1 &&
              EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) == 1 &&
              EVP_DigestFinal_ex(ctx.get(), digest, &length) == 1;
    assert(ok && length == 32 && "OpenSSL SHA-256 failed");
    (void)ok;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        hex += kHex[digest[i] >> 4];
        hex += kHex[digest[i] & 0xf];
    }
    return hex;
}

}  // namespace bianmin::cli
