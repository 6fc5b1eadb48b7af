//! Input records: whole text files or JSONL lines, each with where it came from.

use std::io::{self, BufRead, Read};

use serde::Deserialize;

/// One document to process, or why it cannot be.
pub struct Record {
    /// Where it came from (`file` or `file:line`), for messages.
    pub origin: String,
    /// The document, or the reason it cannot be processed.
    pub input: Result<Doc, RecordError>,
}

impl Record {
    /// Bytes of text (for throughput).
    pub fn size(&self) -> usize {
        self.input.as_ref().map_or(0, |d| d.text.len())
    }
}

/// A document's id and text.
pub struct Doc {
    /// The record's id (a JSONL record's `id`, or the file's path).
    pub id: String,
    /// The document's text.
    pub text: String,
}

/// Why a record cannot be processed, with its id when it could be read.
pub struct RecordError {
    /// The record's id, when it could be read.
    pub id: Option<String>,
    /// What is wrong with the record.
    pub message: String,
}

/// Where records come from.
pub enum Input<R> {
    /// One whole file (or stdin) is one document.
    Whole(Box<dyn Read + Send>),
    /// One JSONL record per line.
    Jsonl(R),
}

#[derive(Deserialize)]
struct Raw {
    id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
}

impl<R: BufRead + Send + 'static> Input<R> {
    /// The records, in order, with no size limit beyond memory.
    pub fn records(self, origin: &str) -> Box<dyn Iterator<Item = io::Result<Record>> + Send> {
        self.records_with_limit(origin, usize::MAX)
    }

    /// The records, in order. A document over `max_bytes` bytes (a whole file, or a JSONL
    /// line longer than the longest line a `max_bytes` text can be escaped to) is not held
    /// in memory: it becomes an error record and the input is skipped to its end (or to the
    /// next line). A read error (a directory, a device failing) becomes an error record that
    /// names the line, and ends the input. The iterator never yields `Err` itself.
    pub fn records_with_limit(
        self,
        origin: &str,
        max_bytes: usize,
    ) -> Box<dyn Iterator<Item = io::Result<Record>> + Send> {
        match self {
            Input::Whole(r) => Box::new(std::iter::once(Ok(read_whole(origin, r, max_bytes)))),
            Input::Jsonl(r) => Box::new(JsonlRecords {
                reader: r,
                origin: origin.to_string(),
                line: 0,
                buf: Vec::new(),
                // A JSON string escapes a byte to at most 6 bytes (`\u0000`).
                max_line: max_bytes.saturating_mul(6).saturating_add(4096),
                done: false,
            }),
        }
    }
}

fn error_record(origin: &str, id: Option<String>, message: String) -> Record {
    Record {
        origin: origin.to_string(),
        input: Err(RecordError { id, message }),
    }
}

/// Reads a whole input as one document, reading at most `max_bytes + 1` bytes into memory.
fn read_whole(origin: &str, r: Box<dyn Read + Send>, max_bytes: usize) -> Record {
    let mut bytes = Vec::new();
    let cap = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut r = r.take(cap);
    if let Err(e) = r.read_to_end(&mut bytes) {
        return error_record(
            origin,
            Some(origin.to_string()),
            format!("cannot read: {e}"),
        );
    }
    if bytes.len() > max_bytes {
        // Count the rest without keeping it, so the message can give the size.
        let mut rest = r.into_inner();
        let extra = io::copy(&mut rest, &mut io::sink()).unwrap_or(0);
        let size = (bytes.len() as u64).saturating_add(extra);
        return error_record(
            origin,
            Some(origin.to_string()),
            format!("document is {size} bytes, over the limit of {max_bytes} bytes (--max-bytes)"),
        );
    }
    whole_record(origin, bytes)
}

fn whole_record(origin: &str, bytes: Vec<u8>) -> Record {
    let input = match String::from_utf8(bytes) {
        Ok(text) => Ok(Doc {
            id: origin.to_string(),
            text,
        }),
        Err(e) => Err(RecordError {
            id: Some(origin.to_string()),
            message: format!(
                "not valid UTF-8 text (first bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        }),
    };
    Record {
        origin: origin.to_string(),
        input,
    }
}

struct JsonlRecords<R> {
    reader: R,
    origin: String,
    line: usize,
    buf: Vec<u8>,
    max_line: usize,
    done: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Reads one line into `buf`, keeping at most `max_line` bytes; returns the line's full
    /// length (0 at the end of the input).
    fn read_line(&mut self) -> io::Result<usize> {
        self.buf.clear();
        let cap = u64::try_from(self.max_line).unwrap_or(u64::MAX);
        let n = (&mut self.reader)
            .take(cap)
            .read_until(b'\n', &mut self.buf)?;
        if n == 0 || self.buf.last() == Some(&b'\n') || n < self.max_line {
            return Ok(n);
        }
        // Too long: skip to the end of the line without keeping it.
        let mut total = n;
        loop {
            let (skip, found) = {
                let avail = match self.reader.fill_buf() {
                    Ok(a) => a,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                };
                if avail.is_empty() {
                    break;
                }
                match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (avail.len(), false),
                }
            };
            self.reader.consume(skip);
            total = total.saturating_add(skip);
            if found {
                break;
            }
        }
        Ok(total)
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let n = match self.read_line() {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    let origin = format!("{}:{}", self.origin, self.line + 1);
                    return Some(Ok(error_record(
                        &origin,
                        None,
                        format!("cannot read: {e}; the rest of {} is skipped", self.origin),
                    )));
                }
            };
            self.line += 1;
            let origin = format!("{}:{}", self.origin, self.line);
            if n > self.buf.len() {
                let id = salvage_id(&String::from_utf8_lossy(&self.buf));
                return Some(Ok(error_record(
                    &origin,
                    id,
                    format!(
                        "line is {n} bytes, longer than a document within the size limit can be"
                    ),
                )));
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let input = parse_line(&self.buf);
            return Some(Ok(Record { origin, input }));
        }
    }
}

/// Parses one JSONL line into a document; errors name the field at fault.
pub fn parse_line(line: &[u8]) -> Result<Doc, RecordError> {
    let line = trim_line_end(line);
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            let lossy = String::from_utf8_lossy(line);
            return Err(RecordError {
                id: salvage_id(&lossy),
                message: format!(
                    "line is not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                ),
            });
        }
    };
    let raw: Raw = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            return Err(RecordError {
                id: salvage_id(text),
                message: format!("not a JSON object with \"id\" and \"text\": {e}"),
            })
        }
    };
    let id = match raw.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(RecordError {
                id: None,
                message: "field \"id\" must be a string".into(),
            })
        }
        None => {
            return Err(RecordError {
                id: None,
                message: "missing field \"id\"".into(),
            })
        }
    };
    let text = match raw.text {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => {
            return Err(RecordError {
                id: Some(id),
                message: "field \"text\" must be a string".into(),
            })
        }
        None => {
            return Err(RecordError {
                id: Some(id),
                message: "missing field \"text\"".into(),
            })
        }
    };
    Ok(Doc { id, text })
}

fn trim_line_end(mut line: &[u8]) -> &[u8] {
    while let [rest @ .., b'\n' | b'\r'] = line {
        line = rest;
    }
    line
}

/// Best effort: finds `"id": "..."` in a line that does not parse, so its error line can
/// still carry the id.
fn salvage_id(line: &str) -> Option<String> {
    let at = line.find("\"id\"")?;
    let rest = line[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    let id = &rest[..end];
    (!id.contains('\\')).then(|| id.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_line() {
        let d = parse_line(br#"{"id": "a", "text": "Hello."}"#)
            .ok()
            .unwrap();
        assert_eq!(d.id, "a");
        assert_eq!(d.text, "Hello.");
    }

    #[test]
    fn errors_name_the_field_and_keep_the_id() {
        let e = parse_line(br#"{"id": "b"}"#).err().unwrap();
        assert_eq!(e.id.as_deref(), Some("b"));
        assert!(e.message.contains("\"text\""));
        let e = parse_line(br#"{"id": "c", "text": 5}"#).err().unwrap();
        assert!(e.message.contains("must be a string"));
        let e = parse_line(br#"{"id": "d", "text": "x"#).err().unwrap();
        assert_eq!(e.id.as_deref(), Some("d"));
    }

    #[test]
    fn lone_surrogates_and_bad_utf8_are_errors() {
        let e = parse_line(br#"{"id": "e", "text": "\ud800"}"#)
            .err()
            .unwrap();
        assert_eq!(e.id.as_deref(), Some("e"));
        let e = parse_line(b"{\"id\": \"f\", \"text\": \"\xff\"}")
            .err()
            .unwrap();
        assert_eq!(e.id.as_deref(), Some("f"));
        assert!(e.message.contains("UTF-8"));
    }
}
