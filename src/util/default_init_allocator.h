// An allocator whose value-less construct() default-initialises: a std::vector<T,
// DefaultInitAllocator<T>> of a trivial T grows by resize(n) without zero-filling the new
// elements, for a buffer that is written right after it grows (the offsets of
// text::Normalize, four bytes per byte of text).
#ifndef SITREP_UTIL_DEFAULT_INIT_ALLOCATOR_H_
#define SITREP_UTIL_DEFAULT_INIT_ALLOCATOR_H_

#include <memory>
#include <new>
#include <utility>

namespace sitrep {

template <typename T>
class DefaultInitAllocator : public std::allocator<T> {
 public:
  template <typename U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <typename U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}

  // resize(n) and emplace_back(): default-initialised, so a trivial T is left unwritten.
  template <typename U>
  void construct(U* p) noexcept(noexcept(::new (static_cast<void*>(p)) U)) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

}  // namespace sitrep

#endif  // SITREP_UTIL_DEFAULT_INIT_ALLOCATOR_H_
