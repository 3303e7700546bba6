// Transparent huge pages for large allocations of the sitrep binary.
//
// A single long document (issue 7's linearity inputs: 10 MB without punctuation, a 1 MB
// sentence) fills buffers of tens of megabytes that no earlier document has warmed: its
// tokens, mentions, toponyms and output line. Each of their 4 KB pages then costs a page
// fault on first touch, and on the virtual machines sitrep is measured on a fault costs
// microseconds: 73,000 faults took 0.6 s of the 1.9 s a 10 MB document needed, and the TLB
// misses of 4 KB pages slowed the rest. Where the kernel offers transparent huge pages on
// request (/sys/kernel/mm/transparent_hugepage/enabled is "madvise" or "always"), asking for
// them on large blocks cuts the faults about tenfold (measured: 72,800 -> 7,600).
//
// The replacement operator new below is the standard one (malloc, the new-handler loop,
// std::bad_alloc) plus an madvise(MADV_HUGEPAGE) hint on the 2 MB-aligned interior of a block
// of kHugeHintBytes or more. It is a hint: where huge pages are not available it does
// nothing, and memory is still released with free() by the default operator delete. It is
// linked into the command-line binary only, never into the library.
// Not under AddressSanitizer (SITREP_SANITIZE): its own operator new and delete check that
// they are paired, and a block from malloc() freed by its operator delete is reported.
#if defined(__SANITIZE_ADDRESS__)
#define SITREP_HUGE_PAGE_NEW 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SITREP_HUGE_PAGE_NEW 0
#endif
#endif
#ifndef SITREP_HUGE_PAGE_NEW
#define SITREP_HUGE_PAGE_NEW 1
#endif

#if SITREP_HUGE_PAGE_NEW
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kHugeHintBytes = std::size_t{1} << 20;

void HintHugePages(void* p, std::size_t n) {
  const auto begin = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (begin + n) & ~(kHugePage - 1);
  if (first < last) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace

void* operator new(std::size_t n) {
  if (n == 0) n = 1;
  for (;;) {
    if (void* p = std::malloc(n)) {
      if (n >= kHugeHintBytes) HintHugePages(p, n);
      return p;
    }
    std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

#endif  // SITREP_HUGE_PAGE_NEW
