// GeoJSON output (`sitrep code --format geojson`): one FeatureCollection (RFC 7946) with a
// Point feature per event that has a place with coordinates, [longitude, latitude] in WGS 84,
// the event's id as the feature id and the columns of io/event_table.h as properties (typed:
// numbers are numbers, empty cells null). Events without coordinates are left out and counted
// in the foreign member "sitrep": {"events", "located", "left_out"}; "bbox" bounds the points.
// The collection is written as it goes: memory does not grow with the number of events.
#ifndef SITREP_IO_GEOJSON_H_
#define SITREP_IO_GEOJSON_H_

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>

#include "io/event_table.h"
#include "io/runner.h"

namespace sitrep::io {

class GeoJsonFormat final : public OutputFormat {
 public:
  // `names` (not owned) must outlive the format.
  explicit GeoJsonFormat(const PlaceNames* names) : names_(names) {}
  void Begin(std::string* out) override;
  size_t Format(const Document& doc, const DocResult& r, std::string* out) const override;
  void Emit(std::string* bytes) override;
  void End(const RunStats& stats, std::string* out) override;

  uint64_t events() const { return events_.load(); }
  uint64_t left_out() const { return left_out_.load(); }

 private:
  const PlaceNames* names_;
  bool first_ = true;
  mutable std::atomic<uint64_t> events_{0}, left_out_{0};
  mutable std::mutex box_mu_;
  mutable bool any_ = false;
  mutable double west_ = 0, south_ = 0, east_ = 0, north_ = 0;
};

}  // namespace sitrep::io

#endif  // SITREP_IO_GEOJSON_H_
