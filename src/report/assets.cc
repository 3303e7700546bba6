// Embeds the report's files with the assembler's .incbin (GCC and Clang on ELF): no
// generated sources, and the build re-runs when a file changes (OBJECT_DEPENDS in
// CMakeLists.txt). Paths come from CMake as string-literal macros SITREP_ASSET_<NAME>.
#include "report/assets.h"

#define SITREP_INCBIN(sym, path)                                                   \
  __asm__(".section .rodata\n"                                                    \
          ".global " #sym "_begin\n.hidden " #sym "_begin\n.balign 16\n" #sym      \
          "_begin:\n.incbin \"" path "\"\n"                                        \
          ".global " #sym "_end\n.hidden " #sym "_end\n" #sym "_end:\n.byte 0\n"   \
          ".previous\n");                                                          \
  extern "C" const char sym##_begin[];                                             \
  extern "C" const char sym##_end[];

SITREP_INCBIN(sitrep_report_page, SITREP_ASSET_PAGE)
SITREP_INCBIN(sitrep_report_style, SITREP_ASSET_STYLE)
SITREP_INCBIN(sitrep_report_app, SITREP_ASSET_APP)
#if SITREP_REPORT_LIBRARIES
SITREP_INCBIN(sitrep_report_d3_array, SITREP_ASSET_D3_ARRAY)
SITREP_INCBIN(sitrep_report_d3_geo, SITREP_ASSET_D3_GEO)
SITREP_INCBIN(sitrep_report_topojson, SITREP_ASSET_TOPOJSON)
SITREP_INCBIN(sitrep_report_world, SITREP_ASSET_WORLD)
#endif

namespace sitrep::report {
namespace {
std::string_view View(const char* b, const char* e) {
  return std::string_view(b, static_cast<size_t>(e - b));
}
}  // namespace

const Assets& GetAssets() {
  static const Assets a = [] {
    Assets x;
    x.page = View(sitrep_report_page_begin, sitrep_report_page_end);
    x.style = View(sitrep_report_style_begin, sitrep_report_style_end);
    x.app = View(sitrep_report_app_begin, sitrep_report_app_end);
#if SITREP_REPORT_LIBRARIES
    x.d3_array = View(sitrep_report_d3_array_begin, sitrep_report_d3_array_end);
    x.d3_geo = View(sitrep_report_d3_geo_begin, sitrep_report_d3_geo_end);
    x.topojson = View(sitrep_report_topojson_begin, sitrep_report_topojson_end);
    x.world = View(sitrep_report_world_begin, sitrep_report_world_end);
    x.libraries = true;
#endif
    return x;
  }();
  return a;
}

}  // namespace sitrep::report
