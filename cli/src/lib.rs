//! Library part of the `byline` command: the input record readers, shared by the binary and
//! by the fuzz targets (`fuzz/`), so the JSONL parser can be fuzzed without a process.

#![warn(missing_docs)]

pub mod records;
