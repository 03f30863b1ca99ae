#pragma once
/// Opening input files safely: only regular files are read. Opening a FIFO for reading
/// blocks until a writer appears (forever, for a FIFO nobody writes), and a device or a
/// socket is no document; a directory reads as empty. So every input, configuration,
/// baseline, rule and quote-store file is opened here: the open itself never blocks
/// (O_NONBLOCK, which changes nothing in reading a regular file), and anything but a regular file
/// is an error naming what it is ("is a directory", "not a regular file (a FIFO)").

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace quotecheck {

/// "a FIFO", "a socket", "a character device", "a directory", … (for messages).
std::string_view FileKindName(std::filesystem::file_type type);

/// Opens the regular file at `path` for reading ("rb"). On failure returns nullptr and sets
/// `*error` to the reason, without the path: "cannot open: No such file or directory",
/// "cannot open: is a directory", "cannot open: not a regular file (a FIFO)".
std::FILE* OpenRegularFile(const std::string& path, std::string* error);

/// Reads the rest of `file` into `*bytes` (appending). Returns 0 or the errno of a read
/// error.
int ReadAll(std::FILE* file, std::string* bytes);

/// Reads the whole of `file`, opened by OpenRegularFile and not read from yet, into
/// `*bytes` (appending), with room for `padding` bytes more (a parser's padding) reserved
/// from the file's size, in one read of the whole file and one at its end. Returns 0 or the
/// errno of a read error.
int ReadWholeFile(std::FILE* file, size_t padding, std::string* bytes);

/// The whole regular file at `path` into `*bytes`. False with `*error` set as by
/// OpenRegularFile, or "cannot read: <reason>".
bool ReadRegularFile(const std::string& path, std::string* bytes, std::string* error);

/// The message of an errno value ("No such file or directory").
std::string ErrnoMessage(int err);

}  // namespace quotecheck
