// The doctest runner for the native unit tests; the tests live in tests/test_<area>.cpp.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
