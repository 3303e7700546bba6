# The phrase matcher alone: place names (gazetteer) and event phrases, one probe per token.
sitrep_bench(lexicon_bench ${CMAKE_CURRENT_SOURCE_DIR}/lexicon_bench.cc)
