# The fuzz targets: <name>_fuzzer.cc, corpus/<name>/, regressions/<name>/.
set(SITREP_FUZZ_TARGETS jsonl html text time pipeline dict index)
set(SITREP_FUZZ_TARGETS_PREFIXED "")
foreach(t ${SITREP_FUZZ_TARGETS})
  list(APPEND SITREP_FUZZ_TARGETS_PREFIXED fuzz_${t})
endforeach()
