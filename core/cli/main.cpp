// bianmin — the office's command-line tool over the domain core.
#include <cstdio>
#include <cstring>
#include <string_view>

#include "bianmin/version.hpp"

namespace {

void print_usage(std::FILE* out) {
    std::fprintf(out,
                 "usage: bianmin <command> [arguments]\n"
                 "\n"
                 "commands:\n"
                 "  version      print the tool's version\n"
                 "  help         print this message\n");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        print_usage(stderr);
        return 2;
    }
    std::string_view command = argv[1];
    if (command == "help" || command == "--help" || command == "-h") {
        print_usage(stdout);
        return 0;
    }
    if (command == "version" || command == "--version") {
        std::printf("%s %s\n", bianmin::kProductName, bianmin::kProductVersion);
        return 0;
    }
    std::fprintf(stderr, "bianmin: unknown command '%s'\n\n", argv[1]);
    print_usage(stderr);
    return 2;
}
