# The text layer: reading JSON Lines, normalising, tokenising, sentences and speech.
sitrep_bench(text_bench ${CMAKE_CURRENT_SOURCE_DIR}/text_bench.cc)
