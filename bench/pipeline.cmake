# The whole pipeline in process on the generated corpus: code/places/times throughput,
# start-up, stage-by-stage cost; checks its answers against bench/expected/ first.
sitrep_bench(pipeline_bench ${CMAKE_CURRENT_SOURCE_DIR}/pipeline_bench.cc)
