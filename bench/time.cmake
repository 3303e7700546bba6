# The time tagger: TIMEX3 recognition and normalisation over analysed documents.
sitrep_bench(time_bench ${CMAKE_CURRENT_SOURCE_DIR}/time_bench.cc)
