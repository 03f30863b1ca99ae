/// jemalloc's settings for the quotecheck binary, compiled in only when the binary links
/// jemalloc (meson option `allocator`; never in sanitizer or fuzz builds). jemalloc reads
/// this symbol when it starts; MALLOC_CONF in the environment still overrides it.
///
/// Why: a large check allocates tokens, keys, word lists and diffs on every thread and
/// frees most of them pass by pass, and then spent a tenth of its time in the kernel
/// (page faults, and the TLB shootdowns of jemalloc returning pages on the working threads).
///  - thp:always: jemalloc asks for transparent huge pages for its memory (the kernel's
///    "madvise" mode honours it), so a fresh gigabyte faults in 2 MB at a time;
///  - metadata_thp:auto: the same for its own metadata once it is large;
///  - background_thread:true: unused pages go back to the system from jemalloc's own thread
///    rather than from the threads that free them.
/// Measured on the hard store (gen_quote_store_hard.py) 250k, -j 2: 24.9 → 20.2 s of CPU
/// (user + system), 752 → 782 MB peak.
///  - dirty_decay_ms:60000 (jemalloc's default is 10 s): a pass frees what it used and the
///    next allocates as much soon after; pages given back in between are faulted in and
///    zeroed again (the kernel's page clearing was 8–10% of a hard 1M check's CPU). A run
///    shorter than the decay was spared that, a longer one was not, so the cost grew faster
///    than the store. Hard 1M, -j 2, five runs each, alternating: 43.6 + 5.2 → 42.0 + 3.5 s of
///    CPU (user + system), peak RSS the same (2.45–2.49 GB); 250k: 8.7 + 1.1 → 8.5 + 1.0 s.
///    Pages stay with the process at most a minute after it last freed them; no decay at
///    all (-1) kept 3.0 GB at 1M.
extern "C" {
// NOLINTNEXTLINE: the name jemalloc looks for.
extern const char* malloc_conf;
const char* malloc_conf =
    "thp:always,metadata_thp:auto,background_thread:true,dirty_decay_ms:60000";
}
