# Replays every fuzz target's seed corpus and past findings as ordinary tests (label
# "fuzz_replay"), in any build with tests: fuzz/replay_main.cc stands in for libFuzzer.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(t ${SITREP_FUZZ_TARGETS})
  add_executable(fuzz_replay_${t} ${CMAKE_CURRENT_LIST_DIR}/${t}_fuzzer.cc
                                  ${CMAKE_CURRENT_LIST_DIR}/replay_main.cc)
  target_include_directories(fuzz_replay_${t} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR})
  target_link_libraries(fuzz_replay_${t} PRIVATE sitrep::sitrep simdjson::simdjson)
  target_compile_definitions(fuzz_replay_${t} PRIVATE SITREP_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  set(_inputs ${CMAKE_CURRENT_LIST_DIR}/corpus/${t})
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/regressions/${t})
    list(APPEND _inputs ${CMAKE_CURRENT_LIST_DIR}/regressions/${t})
  endif()
  add_test(NAME fuzz_replay_${t} COMMAND fuzz_replay_${t} ${_inputs})
  set_tests_properties(fuzz_replay_${t} PROPERTIES LABELS fuzz_replay TIMEOUT 300)
endforeach()
