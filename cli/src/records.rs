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
    pub id: String,
    pub text: String,
}

/// Why a record cannot be processed, with its id when it could be read.
pub struct RecordError {
    pub id: Option<String>,
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
    /// The records, in order. I/O errors end the iteration with an `Err`.
    pub fn records(self, origin: &str) -> Box<dyn Iterator<Item = io::Result<Record>> + Send> {
        match self {
            Input::Whole(mut r) => {
                let mut bytes = Vec::new();
                let rec = match r.read_to_end(&mut bytes) {
                    Ok(_) => Ok(whole_record(origin, bytes)),
                    Err(e) => Ok(Record {
                        origin: origin.to_string(),
                        input: Err(RecordError {
                            id: Some(origin.to_string()),
                            message: format!("cannot read: {e}"),
                        }),
                    }),
                };
                Box::new(std::iter::once(rec))
            }
            Input::Jsonl(r) => Box::new(JsonlRecords {
                reader: r,
                origin: origin.to_string(),
                line: 0,
                buf: Vec::new(),
            }),
        }
    }
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
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Err(io::Error::new(
                        e.kind(),
                        format!("{}: line {}: {e}", self.origin, self.line + 1),
                    )))
                }
            }
            self.line += 1;
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let origin = format!("{}:{}", self.origin, self.line);
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
