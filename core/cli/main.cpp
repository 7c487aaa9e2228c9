// bianmin — the office's command-line tool over the domain core (see cli.hpp).
#include <iostream>

#include "cli.hpp"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return bianmin::cli::run(args, std::cout, std::cerr);
}
