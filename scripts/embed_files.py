#!/usr/bin/env python3
"""Writes a C++ source that embeds text files: embed_files.py OUT.cc NAME FILE... 

Each file becomes {"rules/<basename>", "<contents>"} in `NAME`, an array of EmbeddedFile
(declared in attribute/builtin_rules.h). Used by meson to build the rules into the binary.
"""
import os
import sys


def literal(data: bytes) -> str:
    # Hex escapes keep any byte exact; split into chunks to stay under compiler limits.
    out = []
    for i in range(0, len(data), 64):
        out.append('"' + ''.join(f'\\x{b:02x}' for b in data[i:i + 64]) + '"')
    return '\n    '.join(out) if out else '""'


def main():
    out_path, name, files = sys.argv[1], sys.argv[2], sorted(sys.argv[3:], key=os.path.basename)
    lines = ['#include "attribute/builtin_rules.h"', '', 'namespace quotecheck {', '',
             f'const EmbeddedFile {name}[] = {{']
    for path in files:
        with open(path, 'rb') as f:
            data = f.read()
        lines.append(f'  {{"rules/{os.path.basename(path)}",')
        lines.append(f'   std::string_view({literal(data)}, {len(data)})}},')
    lines += ['};', f'const size_t {name}Count = {len(files)};', '', '}  // namespace quotecheck', '']
    with open(out_path, 'w') as f:
        f.write('\n'.join(lines))


if __name__ == '__main__':
    main()
