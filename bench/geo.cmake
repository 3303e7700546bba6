# The geoparser: index open time and `places` throughput (text analysis + geoparsing).
sitrep_bench(geo_bench ${CMAKE_CURRENT_SOURCE_DIR}/geo_bench.cc)
target_link_libraries(geo_bench PRIVATE simdjson::simdjson)
