//! The output contract as a serde `Serialize` implementation for [`Document`].

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::document::{Casualty, Document, Entity, Mention, Quote, Span, Speaker};

/// The version of the output contract this crate writes.
pub const SCHEMA_VERSION: &str = "1";

/// A span with its text: `{"start", "end", "text"}`.
struct SpanOut<'a> {
    span: Span,
    text: &'a str,
}

impl Serialize for SpanOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("start", &self.span.start)?;
        m.serialize_entry("end", &self.span.end)?;
        m.serialize_entry("text", self.span.text(self.text))?;
        m.end()
    }
}

struct MentionOut<'a>(&'a Mention, &'a str);

impl Serialize for MentionOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let MentionOut(m, text) = self;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("start", &m.span.start)?;
        map.serialize_entry("end", &m.span.end)?;
        map.serialize_entry("text", m.span.text(text))?;
        if let Some(t) = m.title {
            map.serialize_entry("title", t.text(text))?;
        }
        map.serialize_entry("rule", &*m.provenance.rule)?;
        if let Some(e) = &m.provenance.entry {
            map.serialize_entry("gazetteer_entry", e)?;
        }
        map.end()
    }
}

struct Seq<'a, T, F>(&'a [T], F);

impl<'a, T, F, O> Serialize for Seq<'a, T, F>
where
    F: Fn(usize, &'a T) -> O,
    O: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (i, item) in self.0.iter().enumerate() {
            seq.serialize_element(&(self.1)(i, item))?;
        }
        seq.end()
    }
}

struct EntityOut<'a>(usize, &'a Entity, &'a str);

impl Serialize for EntityOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let EntityOut(i, e, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &Entity::id_for(i))?;
        m.serialize_entry("label", e.label.as_str())?;
        m.serialize_entry("name", &e.name)?;
        m.serialize_entry(
            "mentions",
            &Seq(&e.mentions, |_, mention| MentionOut(mention, text)),
        )?;
        if let Some(kb) = &e.kb_id {
            m.serialize_entry("kb_id", kb)?;
        }
        if let Some(st) = &e.subtype {
            m.serialize_entry("subtype", st)?;
        }
        m.end()
    }
}

struct SpeakerOut<'a>(&'a Speaker, &'a str);

impl Serialize for SpeakerOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let SpeakerOut(sp, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &sp.span.start)?;
        m.serialize_entry("end", &sp.span.end)?;
        m.serialize_entry("text", sp.span.text(text))?;
        if let Some(e) = sp.entity {
            m.serialize_entry("entity", &Entity::id_for(e))?;
        }
        m.end()
    }
}

struct QuoteOut<'a>(&'a Quote, &'a str);

impl Serialize for QuoteOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let QuoteOut(q, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &q.span.start)?;
        m.serialize_entry("end", &q.span.end)?;
        m.serialize_entry("text", q.span.text(text))?;
        m.serialize_entry("kind", q.kind.as_str())?;
        m.serialize_entry(
            "speaker",
            &q.speaker.as_ref().map(|sp| SpeakerOut(sp, text)),
        )?;
        m.serialize_entry("cue", &q.cue.map(|span| SpanOut { span, text }))?;
        m.serialize_entry("rule", &*q.provenance.rule)?;
        m.end()
    }
}

struct CasualtyOut<'a>(&'a Casualty, &'a str);

impl Serialize for CasualtyOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let CasualtyOut(c, text) = *self;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &c.span.start)?;
        m.serialize_entry("end", &c.span.end)?;
        m.serialize_entry("text", c.span.text(text))?;
        m.serialize_entry("kind", c.kind.as_str())?;
        m.serialize_entry("min", &c.bounds.min)?;
        m.serialize_entry("max", &c.bounds.max)?;
        if let Some(q) = &c.qualifier {
            m.serialize_entry("qualifier", q)?;
        }
        if let Some(v) = &c.victims {
            m.serialize_entry("victims", v)?;
        }
        if let Some(p) = c.place {
            m.serialize_entry("place", &Entity::id_for(p))?;
        }
        if let Some(t) = &c.trigger {
            m.serialize_entry("trigger", t)?;
        }
        if let Some(cb) = &c.claimed_by {
            m.serialize_entry("claimed_by", cb)?;
        }
        if let Some(sub) = c.subset_of {
            m.serialize_entry("subset_of", &sub)?;
        }
        if c.delta {
            m.serialize_entry("delta", &true)?;
        }
        m.serialize_entry("rule", &*c.provenance.rule)?;
        m.end()
    }
}

struct TotalsOut<'a>(&'a Document);

impl Serialize for TotalsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.casualty_totals.len()))?;
        for (kind, b) in &self.0.casualty_totals {
            m.serialize_entry(kind.as_str(), &BoundsOut(b.min, b.max))?;
        }
        m.end()
    }
}

struct BoundsOut(Option<u64>, Option<u64>);

impl Serialize for BoundsOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("min", &self.0)?;
        m.serialize_entry("max", &self.1)?;
        m.end()
    }
}

/// Serialises a document as one contract object:
/// `{"id", "schema_version", "entities", "quotes", "casualties", "casualty_totals",
/// "diagnostics"}`.
///
/// ```
/// let doc = byline::Extractor::new().extract_with_id("d1", "Rain fell.");
/// let json = serde_json::to_value(&doc).unwrap();
/// assert_eq!(json["id"], "d1");
/// assert_eq!(json["schema_version"], "1");
/// assert!(json["entities"].is_array());
/// ```
impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.text.as_str();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("schema_version", SCHEMA_VERSION)?;
        m.serialize_entry(
            "entities",
            &Seq(&self.entities, |i, e| EntityOut(i, e, text)),
        )?;
        m.serialize_entry("quotes", &Seq(&self.quotes, |_, q| QuoteOut(q, text)))?;
        m.serialize_entry(
            "casualties",
            &Seq(&self.casualties, |_, c| CasualtyOut(c, text)),
        )?;
        m.serialize_entry("casualty_totals", &TotalsOut(self))?;
        m.serialize_entry(
            "diagnostics",
            &Seq(&self.diagnostics, |_, d| DiagnosticOut(d, text)),
        )?;
        m.end()
    }
}

struct DiagnosticOut<'a>(&'a crate::document::Diagnostic, &'a str);

impl Serialize for DiagnosticOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let DiagnosticOut(d, text) = *self;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("start", &d.span.start)?;
        m.serialize_entry("end", &d.span.end)?;
        m.serialize_entry("text", d.span.text(text))?;
        m.serialize_entry("kind", d.kind)?;
        m.serialize_entry("message", &d.message)?;
        m.end()
    }
}

/// Writes `doc` as one line of contract JSON into `out` (appended): the same bytes as
/// `serde_json::to_string(doc)`, written directly, without serde's per-field machinery.
/// The command line writes every record this way; the serde implementation above stays for
/// users who serialise with their own serializer.
///
/// ```
/// let doc = byline::Extractor::new().extract_with_id("d1", "\"We will stay,\" Mr Obama said.");
/// let mut line = String::new();
/// byline::output::write_json(&doc, &mut line);
/// assert_eq!(line, serde_json::to_string(&doc).unwrap());
/// ```
pub fn write_json(doc: &Document, out: &mut String) {
    let mut w = Writer {
        buf: std::mem::take(out),
        sink: None,
        error: None,
    };
    write_doc(doc, &mut w);
    *out = w.buf;
}

/// Writes the contract JSON of `doc` (the bytes of [`write_json`], without a line break)
/// to `out` as it goes, through a buffer of 64 KiB: the memory it needs does not grow with
/// the document, which matters for a document of many megabytes (its JSON is often ten or
/// twenty times the size of its text).
///
/// ```
/// let doc = byline::Extractor::new().extract("At least 12 people were killed in Homs.");
/// let mut bytes = Vec::new();
/// byline::output::write_json_to(&doc, &mut bytes).unwrap();
/// let mut line = String::new();
/// byline::output::write_json(&doc, &mut line);
/// assert_eq!(bytes, line.as_bytes());
/// ```
///
/// # Errors
///
/// The first error of `out`; writing stops there.
pub fn write_json_to<W: std::io::Write>(doc: &Document, out: &mut W) -> std::io::Result<()> {
    let mut w = Writer {
        buf: String::with_capacity(FLUSH_AT + 4096),
        sink: Some(out),
        error: None,
    };
    write_doc(doc, &mut w);
    w.flush();
    match w.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The buffer size at which [`write_json_to`] hands its bytes to the writer.
const FLUSH_AT: usize = 1 << 16;

fn write_doc(doc: &Document, w: &mut Writer<'_>) {
    let text = doc.text.as_str();
    w.raw("{\"id\":");
    match &doc.id {
        Some(id) => w.str(id),
        None => w.raw("null"),
    }
    w.raw(",\"schema_version\":");
    w.str(SCHEMA_VERSION);
    w.raw(",\"entities\":[");
    for (i, e) in doc.entities.iter().enumerate() {
        w.comma(i);
        w.raw("{\"id\":\"E");
        w.num((i + 1) as u64);
        w.raw("\",\"label\":");
        w.str(e.label.as_str());
        w.raw(",\"name\":");
        w.str(&e.name);
        w.raw(",\"mentions\":[");
        for (k, m) in e.mentions.iter().enumerate() {
            w.comma(k);
            w.span_fields(m.span, text);
            w.opt_str("title", m.title.map(|t| t.text(text)));
            w.raw(",\"rule\":");
            w.str(&m.provenance.rule);
            w.opt_str("gazetteer_entry", m.provenance.entry.as_deref());
            w.raw("}");
            w.item_done();
        }
        w.raw("]");
        w.opt_str("kb_id", e.kb_id.as_deref());
        w.opt_str("subtype", e.subtype.as_deref());
        w.raw("}");
    }
    w.raw("],\"quotes\":[");
    for (i, q) in doc.quotes.iter().enumerate() {
        w.comma(i);
        w.span_fields(q.span, text);
        w.raw(",\"kind\":");
        w.str(q.kind.as_str());
        w.raw(",\"speaker\":");
        match &q.speaker {
            Some(sp) => {
                w.span_fields(sp.span, text);
                if let Some(e) = sp.entity {
                    w.entity_ref("entity", e);
                }
                w.raw("}");
            }
            None => w.raw("null"),
        }
        w.raw(",\"cue\":");
        match q.cue {
            Some(span) => {
                w.span_fields(span, text);
                w.raw("}");
            }
            None => w.raw("null"),
        }
        w.raw(",\"rule\":");
        w.str(&q.provenance.rule);
        w.raw("}");
        w.item_done();
    }
    w.raw("],\"casualties\":[");
    for (i, c) in doc.casualties.iter().enumerate() {
        w.comma(i);
        w.span_fields(c.span, text);
        w.raw(",\"kind\":");
        w.str(c.kind.as_str());
        w.raw(",\"min\":");
        w.opt_num(c.bounds.min);
        w.raw(",\"max\":");
        w.opt_num(c.bounds.max);
        w.opt_str("qualifier", c.qualifier.as_deref());
        w.opt_str("victims", c.victims.as_deref());
        if let Some(p) = c.place {
            w.entity_ref("place", p);
        }
        w.opt_str("trigger", c.trigger.as_deref());
        w.opt_str("claimed_by", c.claimed_by.as_deref());
        if let Some(sub) = c.subset_of {
            w.raw(",\"subset_of\":");
            w.num(sub as u64);
        }
        if c.delta {
            w.raw(",\"delta\":true");
        }
        w.raw(",\"rule\":");
        w.str(&c.provenance.rule);
        w.raw("}");
        w.item_done();
    }
    w.raw("],\"casualty_totals\":{");
    for (i, (kind, b)) in doc.casualty_totals.iter().enumerate() {
        w.comma(i);
        w.str(kind.as_str());
        w.raw(":{\"min\":");
        w.opt_num(b.min);
        w.raw(",\"max\":");
        w.opt_num(b.max);
        w.raw("}");
    }
    w.raw("},\"diagnostics\":[");
    for (i, d) in doc.diagnostics.iter().enumerate() {
        w.comma(i);
        w.span_fields(d.span, text);
        w.raw(",\"kind\":");
        w.str(d.kind);
        w.raw(",\"message\":");
        w.str(&d.message);
        w.raw("}");
        w.item_done();
    }
    w.raw("]}");
}

/// True when one of the eight bytes of `x` is a control character, `"` or `\\` (the
/// classic "has a zero byte" / "has a byte less than n" bit tricks).
#[inline]
fn needs_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
    (below_space | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')))) != 0
}

/// A compact JSON writer with serde_json's exact escaping, into a string or, through it,
/// into an `io::Write`.
struct Writer<'o> {
    buf: String,
    /// Where the buffer goes once it is full (none: it all stays in `buf`).
    sink: Option<&'o mut dyn std::io::Write>,
    /// The sink's first error; nothing more is written after it.
    error: Option<std::io::Error>,
}

impl Writer<'_> {
    /// Called after each array element: hands a full buffer to the sink.
    #[inline]
    fn item_done(&mut self) {
        if self.sink.is_some() && self.buf.len() >= FLUSH_AT {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if let Some(sink) = self.sink.as_mut() {
            if self.error.is_none() {
                if let Err(e) = sink.write_all(self.buf.as_bytes()) {
                    self.error = Some(e);
                }
            }
            self.buf.clear();
        }
    }

    #[inline]
    fn raw(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    #[inline]
    fn comma(&mut self, i: usize) {
        if i > 0 {
            self.buf.push(',');
        }
    }

    /// `,"key":`
    fn key(&mut self, key: &str) {
        self.buf.push_str(",\"");
        self.buf.push_str(key);
        self.buf.push_str("\":");
    }

    /// `,"key":"…"` when there is a value; nothing when there is none (the field is
    /// left out, as serde's `skip_serializing_if` does).
    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.key(key);
            self.str(v);
        }
    }

    /// `,"key":"E{index + 1}"`: a reference to an entity by its id.
    fn entity_ref(&mut self, key: &str, index: usize) {
        self.key(key);
        self.raw("\"E");
        self.num((index + 1) as u64);
        self.raw("\"");
    }

    fn num(&mut self, mut n: u64) {
        // Two digits at a time from a table, then one `push_str`.
        const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
            2021222324252627282930313233343536373839\
            4041424344454647484950515253545556575859\
            6061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899";
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        while n >= 100 {
            let r = (n % 100) as usize * 2;
            n /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
        }
        if n >= 10 {
            let r = n as usize * 2;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + n as u8;
        }
        // Only ASCII digits were written.
        self.buf
            .push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
    }

    fn opt_num(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.num(n),
            None => self.raw("null"),
        }
    }

    /// `{"start":…,"end":…,"text":…` (the object is left open for more fields).
    fn span_fields(&mut self, span: Span, text: &str) {
        self.raw("{\"start\":");
        self.num(span.start as u64);
        self.raw(",\"end\":");
        self.num(span.end as u64);
        self.raw(",\"text\":");
        self.str(span.text(text));
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx`; everything else (all non-ASCII text included) as is.
    fn str(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let out = &mut self.buf;
        out.reserve(s.len() + 2);
        out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while none needs escaping (the common case).
            if let Some(chunk) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if !needs_escape(u64::from_le_bytes(word)) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            i += 1;
            if b >= 0x20 && b != b'"' && b != b'\\' {
                continue;
            }
            let i = i - 1;
            // `i` is an ASCII byte, so both slices fall on character boundaries.
            out.push_str(s.get(start..i).unwrap_or_default());
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\x08' => out.push_str("\\b"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                b'\x0c' => out.push_str("\\f"),
                b'\r' => out.push_str("\\r"),
                _ => {
                    out.push_str("\\u00");
                    out.push(char::from(HEX[usize::from(b >> 4)]));
                    out.push(char::from(HEX[usize::from(b & 0xf)]));
                }
            }
            start = i + 1;
        }
        out.push_str(s.get(start..).unwrap_or_default());
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::Writer;

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut values = vec![0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 65_535, u64::MAX];
        values.extend((0..64).map(|b| 1u64 << b));
        values.extend((0..20).map(|p| 10u64.pow(p) - 1));
        for n in values {
            let mut w = Writer {
                buf: String::new(),
                sink: None,
                error: None,
            };
            w.num(n);
            assert_eq!(w.buf, n.to_string());
        }
    }
}
