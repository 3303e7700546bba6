// The report's inlined files, embedded in the binary at build time (assets.cc).
#ifndef SITREP_REPORT_ASSETS_H_
#define SITREP_REPORT_ASSETS_H_

#include <string_view>

namespace sitrep::report {

struct Assets {
  std::string_view page;      // assets/report.html: the page with @MARKERS@
  std::string_view style;     // assets/report.css
  std::string_view app;       // assets/report.js
  std::string_view d3_array;  // npm d3-array dist/d3-array.min.js
  std::string_view d3_geo;    // npm d3-geo dist/d3-geo.min.js
  std::string_view topojson;  // npm topojson-client dist/topojson-client.min.js
  std::string_view world;     // npm world-atlas countries-50m.json (TopoJSON)
  bool libraries = false;     // false: built without third_party/npm (the last four empty)
};

const Assets& GetAssets();

}  // namespace sitrep::report

#endif  // SITREP_REPORT_ASSETS_H_
