# Registers the report's browser test with ctest (label "browser"). Included from
# src/report/CMakeLists.txt, which the top level adds before its enable_testing(): testing
# is enabled here for this directory too. The test skips (exit 77) without node,
# /usr/bin/chromium, playwright-core (tools/test.lock) or the gazetteer index.
enable_testing()
find_program(SITREP_NODE node)
if(SITREP_NODE)
  add_test(NAME report_browser
    COMMAND ${SITREP_NODE} ${PROJECT_SOURCE_DIR}/tests/report/report_browser_test.mjs
            --sitrep $<TARGET_FILE:sitrep>
            --index ${CMAKE_BINARY_DIR}/gazetteer.idx
            --input ${PROJECT_SOURCE_DIR}/examples/reports.jsonl
            --npm ${SITREP_NPM_DIR}
            --out ${CMAKE_BINARY_DIR}/test-output/report_browser)
  set_tests_properties(report_browser PROPERTIES LABELS browser SKIP_RETURN_CODE 77 TIMEOUT 300)
else()
  message(STATUS "node not found: the report's browser test is not registered")
endif()
