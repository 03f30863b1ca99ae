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
extern "C" {
// NOLINTNEXTLINE: the name jemalloc looks for.
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:auto,background_thread:true";
}
