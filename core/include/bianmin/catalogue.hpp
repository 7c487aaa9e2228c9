// The service-item catalogue — the items named in SPEC [3-4.2.3, 3-4.2.4], shipped as
// assets/catalogue.json and compiled into the core (so the web build needs no file).
//
// Format: {"format":"bianmin-catalogue","version":1,"items":[<ItemDefined>...]}, each
// item in the JSON form of ItemDefined (json.hpp). Estates add their own items with
// item_defined events; the catalogue only seeds the list (seed_catalogue, commands.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "bianmin/errors.hpp"
#include "bianmin/payloads.hpp"

namespace bianmin {

inline constexpr std::string_view kCatalogueFormat = "bianmin-catalogue";
inline constexpr int kCatalogueVersion = 1;

struct Catalogue {
    int version = kCatalogueVersion;
    std::vector<ItemDefined> items;
};

// Never throws; errors are "json.*", "format.*" or "catalogue.*".
Result<Catalogue> parse_catalogue(std::string_view json_text);
// The catalogue shipped with this build.
std::string_view default_catalogue_json();
Result<Catalogue> default_catalogue();

}  // namespace bianmin
