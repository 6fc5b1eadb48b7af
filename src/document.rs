//! The document model: one [`Document`] that every stage annotates.
//!
//! A `Document` owns the text and holds one layer per stage: paragraphs, sentences and
//! tokens (the text layer), gazetteer candidates, entities with their mentions, casualty
//! figures and quotes. Every annotation points into the text with a [`Span`] (UTF-8 byte
//! offsets, end exclusive) and says which rule or gazetteer entry produced it with a
//! [`Provenance`].
//!
//! Stages only ever add their own layer; they never rewrite another stage's layer. The
//! JSON shape of a document (the output contract) is produced by its `serde::Serialize`
//! implementation in [`crate::output`].

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::gazetteer::index::Index;
use crate::gazetteer::Kind;

/// A byte range into a document's text, end exclusive, always on `char` boundaries.
///
/// ```
/// use byline::Span;
/// let text = "Erdoğan spoke.";
/// let span = Span::new(0, 8);
/// assert_eq!(span.text(text), "Erdoğan");
/// assert_eq!(span.char_range(text), 0..7);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not be greater than `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span's length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers. Returns `""` when the span does not fit `text` or does not
    /// fall on character boundaries, so it never panics.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The span as a range of `char` indices into `text` (what Python and most annotation
    /// tools call offsets). Linear in the span's end offset.
    pub fn char_range(&self, text: &str) -> Range<usize> {
        let start = text
            .get(..self.start)
            .map_or(0, |prefix| prefix.chars().count());
        let len = self.text(text).chars().count();
        start..start + len
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies inside this span.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// Where an annotation came from: the id of the rule that produced it and, when a
/// gazetteer lookup was involved, the id of the gazetteer entry.
///
/// Rule ids are dotted, `stage.rule` (`names.title_name`, `casualties.count_were_killed`),
/// and are listed in `DESIGN.md`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Provenance {
    /// The rule id.
    pub rule: Cow<'static, str>,
    /// The gazetteer entry id (`geonames:170794`, `Q44329`, `byline:assad`), if any.
    pub entry: Option<String>,
}

impl Provenance {
    /// A provenance for a built-in rule.
    pub const fn rule(rule: &'static str) -> Provenance {
        Provenance {
            rule: Cow::Borrowed(rule),
            entry: None,
        }
    }

    /// A provenance for a rule that used a gazetteer entry.
    pub fn gazetteer(rule: &'static str, entry: impl Into<String>) -> Provenance {
        Provenance {
            rule: Cow::Borrowed(rule),
            entry: Some(entry.into()),
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.entry {
            Some(e) => write!(f, "{} [{}]", self.rule, e),
            None => f.write_str(&self.rule),
        }
    }
}

/// The shape of a word token, as rules use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// First letter upper case, at least one lower-case letter after it (`Damascus`, `McCain`).
    Capitalised,
    /// Every letter upper case, at least one letter (`ISIS`, `U.S`, `AFP`, `I`).
    AllCaps,
    /// Every letter lower case (`killed`, `al-Assad` starts lower).
    Lower,
    /// Only digits (and digit separators inside: `1,200`, `3.5`).
    Digits,
    /// Letters and digits, or a lower-case start with upper case inside (`F-16`, `iPhone`).
    Mixed,
    /// No letters or digits (punctuation, symbols).
    Other,
}

/// Which kind of quotation mark a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteStyle {
    /// `"`
    StraightDouble,
    /// `'` used as a quotation mark (not an apostrophe).
    StraightSingle,
    /// `“` `”` `„` `‟`
    CurlyDouble,
    /// `‘` `’` `‚` `‛` used as quotation marks.
    CurlySingle,
    /// `«` `»` `‹` `›`
    Guillemet,
    /// `″` `〃` and similar primes used as quotation marks.
    Prime,
}

/// Whether a quotation mark opens, closes, or could do either.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteDir {
    /// Opens a quotation (`“`, `„`, or `"` before a word).
    Open,
    /// Closes a quotation (`”`, or `"` after a word or punctuation).
    Close,
    /// Cannot be told from the mark and its neighbours alone.
    Ambiguous,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word: letters, possibly with digits, inner hyphens, apostrophes and periods of
    /// abbreviations (`U.S.`, `al-Assad`, `don't`, `'90s`).
    Word,
    /// A number written in digits, with separators and decimals (`1,200`, `3.5`, `2016`).
    Number,
    /// A quotation mark.
    Quote(QuoteStyle, QuoteDir),
    /// Sentence-final punctuation: `.`, `?`, `!`, `…`, `...`.
    Terminal,
    /// Other punctuation: `,` `;` `:` `-` `—` `(` `)` `[` `]` `/` and the like.
    Punct,
    /// Anything else (symbols, emoji, currency signs).
    Symbol,
}

/// A token of the text layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token's bytes.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
    /// Its letter-case shape.
    pub shape: Shape,
    /// First token of its sentence.
    pub sentence_start: bool,
    /// First token of its paragraph.
    pub paragraph_start: bool,
    /// Preceded by whitespace (or at the start of the text).
    pub space_before: bool,
    /// A line break lies between this token and the previous one.
    pub newline_before: bool,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.text(text)
    }

    /// True for word tokens starting with an upper-case letter (`Capitalised`, `AllCaps`, or
    /// `Mixed` starting with a capital such as `F-16`).
    #[inline]
    pub fn is_capitalised(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        let s = self.text(text);
        match s.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => s.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// True for quotation marks.
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokenKind::Quote(..))
    }
}

/// A sentence: a span and the range of its tokens in [`Document::tokens`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's bytes (first token to last token).
    pub span: Span,
    /// Indices of its tokens.
    pub tokens: Range<usize>,
    /// True when the sentence looks like news furniture rather than prose: a headline, a
    /// dateline, a byline, a caption, a time stamp (no final punctuation, mostly capitalised
    /// words, a line of its own).
    pub furniture: bool,
}

/// A paragraph: a span and the range of its sentences in [`Document::sentences`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's bytes.
    pub span: Span,
    /// Indices of its sentences.
    pub sentences: Range<usize>,
}

/// Entity labels, as in the output contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// A person.
    Per,
    /// A place: country, city, region, geographic feature.
    Loc,
    /// An organisation: agency, army, party, company, armed group, media outlet.
    Org,
    /// A nationality, religious or political group ("Syrian", "Shia").
    Norp,
    /// Other names news readers want: events, languages, laws, works.
    Misc,
}

impl Label {
    /// The label as the contract writes it (`PER`, `LOC`, `ORG`, `NORP`, `MISC`).
    pub const fn as_str(&self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Loc => "LOC",
            Label::Org => "ORG",
            Label::Norp => "NORP",
            Label::Misc => "MISC",
        }
    }

    /// Parses a contract label (also accepts `GPE` and `FAC` as `LOC`).
    pub fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "PER" => Label::Per,
            "LOC" | "GPE" | "FAC" => Label::Loc,
            "ORG" => Label::Org,
            "NORP" => Label::Norp,
            "MISC" => Label::Misc,
            _ => return None,
        })
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One mention of an entity: the name alone ("Assad" in "Mr Assad").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name's bytes.
    pub span: Span,
    /// The title before the name, if any ("Syrian President", "Mr").
    pub title: Option<Span>,
    /// The rule or gazetteer entry that produced the mention.
    pub provenance: Provenance,
}

/// A distinct real-world entity with all its mentions in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Its label.
    pub label: Label,
    /// Canonical name: the gazetteer's canonical form where known, else the longest mention.
    pub name: String,
    /// A Wikidata, GeoNames or local id, where the gazetteers know it.
    pub kb_id: Option<String>,
    /// Finer type from the gazetteer or the rule (`city`, `country`, `armed_group` …).
    pub subtype: Option<String>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Grammatical sex for pronoun resolution, when titles or given names tell it.
    pub sex: Option<Sex>,
}

impl Entity {
    /// The entity's id in the output (`E1`, `E2` …) given its index in
    /// [`Document::entities`].
    pub fn id_for(index: usize) -> String {
        format!("E{}", index + 1)
    }
}

/// Grammatical sex of a person entity, as far as titles and given names tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sex {
    /// He.
    Male,
    /// She.
    Female,
}

/// The kind of a quoted or reported statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A statement in quotation marks.
    Direct,
    /// A quoted fragment inside reported speech.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The kind as the contract writes it.
    pub const fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// The speaker of a quote: the mention nearest to the statement as written (a name, a
/// pronoun, a description) and the entity it refers to, when resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker mention's bytes.
    pub span: Span,
    /// Index into [`Document::entities`], when resolved.
    pub entity: Option<usize>,
}

/// A quoted or reported statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The statement's content.
    pub span: Span,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Who said it, if found.
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase ("said", "according to"), if any.
    pub cue: Option<Span>,
    /// The rule that found the statement and its speaker.
    pub provenance: Provenance,
}

/// What happened to the people a casualty figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CasualtyKind {
    /// Killed, dead, died.
    Killed,
    /// Wounded, injured, hurt.
    Injured,
    /// Missing, unaccounted for.
    Missing,
    /// Kidnapped, abducted, taken hostage.
    Kidnapped,
    /// Displaced, fled, made homeless.
    Displaced,
    /// Arrested, detained.
    Arrested,
}

impl CasualtyKind {
    /// Every kind, in contract order.
    pub const ALL: [CasualtyKind; 6] = [
        CasualtyKind::Killed,
        CasualtyKind::Injured,
        CasualtyKind::Missing,
        CasualtyKind::Kidnapped,
        CasualtyKind::Displaced,
        CasualtyKind::Arrested,
    ];

    /// The kind as the contract writes it.
    pub const fn as_str(&self) -> &'static str {
        match self {
            CasualtyKind::Killed => "killed",
            CasualtyKind::Injured => "injured",
            CasualtyKind::Missing => "missing",
            CasualtyKind::Kidnapped => "kidnapped",
            CasualtyKind::Displaced => "displaced",
            CasualtyKind::Arrested => "arrested",
        }
    }
}

/// An interval of counts: `min`/`max` inclusive, `None` for unbounded.
///
/// "at least 57" is `{min: Some(57), max: None}`; "up to 57" is `{min: None, max: Some(57)}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Bounds {
    /// Lower bound, or `None`.
    pub min: Option<u64>,
    /// Upper bound, or `None`.
    pub max: Option<u64>,
}

impl Bounds {
    /// An exact count.
    pub const fn exact(n: u64) -> Bounds {
        Bounds {
            min: Some(n),
            max: Some(n),
        }
    }

    /// The value the scorers read: `min`, else `max`, else 0.
    pub fn headline(&self) -> u64 {
        self.min.or(self.max).unwrap_or(0)
    }
}

/// A casualty figure: a count of people killed, injured, missing, kidnapped, displaced or
/// arrested, with what the text says about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Casualty {
    /// The figure and its head noun ("at least 57 people", "119 dead").
    pub span: Span,
    /// What happened to them.
    pub kind: CasualtyKind,
    /// The count as an interval.
    pub bounds: Bounds,
    /// The qualifier as written ("at least", "more than").
    pub qualifier: Option<String>,
    /// Who they were ("civilians", "police officers").
    pub victims: Option<String>,
    /// Index into [`Document::entities`] of the place, when known.
    pub place: Option<usize>,
    /// What caused it ("car bombing", "air strike").
    pub trigger: Option<String>,
    /// Who gave the figure (an entity id such as `E3`, or the speaker's text).
    pub claimed_by: Option<String>,
    /// Index into [`Document::casualties`] of the figure this one is part of.
    pub subset_of: Option<usize>,
    /// True for an increment ("two more died").
    pub delta: bool,
    /// The rule that found it.
    pub provenance: Provenance,
}

/// Something the extractor noticed but could not resolve. Never an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Where.
    pub span: Span,
    /// A short machine-readable kind (`unclosed_quote`).
    pub kind: &'static str,
    /// A sentence for people.
    pub message: String,
}

/// A gazetteer match: a token-aligned span whose normalised text is in a gazetteer, with
/// every sense the lists know for it. The entity stage decides among them.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The matched bytes.
    pub span: Span,
    /// Token indices `[first, last]` of the match.
    pub tokens: Range<usize>,
    /// Every sense of the surface form, best prior first.
    pub senses: Vec<Sense>,
}

/// One sense of a gazetteer surface form: an entry of a list, read through accessors.
///
/// A sense is a handle of 24 bytes: the entry's number in its compiled index (the embedded
/// lists, or the user lists of a [`crate::gazetteer::Gazetteer`], which it keeps alive),
/// plus whether it matched in its own case. Its strings are read from the index when asked
/// for, so a candidate with several senses costs no allocation beyond its `Vec`. A sense
/// can also be made by hand with [`Sense::new`] (for a pipeline component of your own, or a
/// test).
///
/// ```
/// use byline::gazetteer::Gazetteer;
/// let senses = Gazetteer::embedded().lookup("Aleppo");
/// let city = senses.iter().find(|s| s.kind() == "LOC").unwrap();
/// assert_eq!(city.canonical(), "Aleppo");
/// assert!(city.exact_case());
/// ```
#[derive(Clone)]
pub struct Sense {
    data: SenseData,
    entry: u32,
    /// The entry's [`Kind`] code, read once (`NO_KIND` for none or a hand-made sense).
    kind: u8,
    exact_case: bool,
}

/// [`Sense::kind`] code of a sense without a [`Kind`].
const NO_KIND: u8 = u8::MAX;

#[derive(Clone)]
enum SenseData {
    /// Entry `entry` of the embedded index.
    Embedded(&'static Index),
    /// Entry `entry` of a user index.
    User(Arc<Index>),
    /// A sense made by hand.
    Owned(Arc<OwnedSense>),
}

#[derive(Clone, Default)]
struct OwnedSense {
    canonical: String,
    kind: String,
    subtype: String,
    id: String,
    prior: u64,
    source: String,
    attrs: String,
}

impl Sense {
    /// The kind code of entry `entry` of `index`, as a sense of it holds it (read once,
    /// so that making the sense need not read the entry table again).
    pub(crate) fn kind_code_of(index: &Index, entry: u32) -> u8 {
        index.kind(entry).map_or(NO_KIND, Kind::code)
    }

    /// A sense of entry `entry` of the embedded index, whose kind code is `kind` (see
    /// [`Sense::kind_code_of`]).
    pub(crate) fn embedded(index: &'static Index, entry: u32, kind: u8, exact_case: bool) -> Sense {
        Sense {
            data: SenseData::Embedded(index),
            entry,
            kind,
            exact_case,
        }
    }

    /// A sense of entry `entry` of a user index, whose kind code is `kind`.
    pub(crate) fn user(index: &Arc<Index>, entry: u32, kind: u8, exact_case: bool) -> Sense {
        Sense {
            data: SenseData::User(Arc::clone(index)),
            entry,
            kind,
            exact_case,
        }
    }

    /// A sense made by hand, with an empty subtype, id, source and attributes, a prior of
    /// 0, matched in its own case; the `with_` methods set the rest.
    ///
    /// ```
    /// use byline::Sense;
    /// let s = Sense::new("Zorvan Kell", "PER").with_id("my:zk").with_attrs("sex=m");
    /// assert_eq!((s.canonical(), s.kind(), s.id()), ("Zorvan Kell", "PER", "my:zk"));
    /// assert_eq!(s.attr("sex"), Some("m"));
    /// ```
    pub fn new(canonical: &str, kind: &str) -> Sense {
        Sense {
            data: SenseData::Owned(Arc::new(OwnedSense {
                canonical: canonical.to_string(),
                kind: kind.to_string(),
                ..OwnedSense::default()
            })),
            entry: 0,
            kind: NO_KIND,
            exact_case: true,
        }
    }

    /// This sense with `change` made to its fields (a sense of an index is first copied
    /// out): the `with_` methods.
    fn with(self, change: impl FnOnce(&mut OwnedSense)) -> Sense {
        let mut fields = match self.data {
            SenseData::Owned(o) => Arc::unwrap_or_clone(o),
            _ => OwnedSense {
                canonical: self.canonical().to_string(),
                kind: self.kind().to_string(),
                subtype: self.subtype().to_string(),
                id: self.id().to_string(),
                prior: self.prior(),
                source: self.source().to_string(),
                attrs: self.attrs().to_string(),
            },
        };
        change(&mut fields);
        Sense {
            data: SenseData::Owned(Arc::new(fields)),
            entry: 0,
            kind: NO_KIND,
            exact_case: self.exact_case,
        }
    }

    /// This sense with another subtype.
    pub fn with_subtype(self, subtype: &str) -> Sense {
        self.with(|o| o.subtype = subtype.to_string())
    }

    /// This sense with another id.
    pub fn with_id(self, id: &str) -> Sense {
        self.with(|o| o.id = id.to_string())
    }

    /// This sense with another prior.
    pub fn with_prior(self, prior: u64) -> Sense {
        self.with(|o| o.prior = prior)
    }

    /// This sense with another source list name.
    pub fn with_source(self, source: &str) -> Sense {
        self.with(|o| o.source = source.to_string())
    }

    /// This sense with other `key=value;…` attributes.
    pub fn with_attrs(self, attrs: &str) -> Sense {
        self.with(|o| o.attrs = attrs.to_string())
    }

    /// This sense, marked as matched in its own case or not (see [`Sense::exact_case`]).
    pub fn with_exact_case(mut self, exact_case: bool) -> Sense {
        self.exact_case = exact_case;
        self
    }

    /// String field `n` of the entry (see `Index::field`).
    #[inline]
    fn field(&self, n: usize) -> &str {
        match &self.data {
            SenseData::Embedded(ix) => ix.field(self.entry, n),
            SenseData::User(ix) => ix.field(self.entry, n),
            SenseData::Owned(o) => match n {
                0 => &o.canonical,
                1 => &o.subtype,
                2 => &o.id,
                3 => &o.source,
                _ => &o.attrs,
            },
        }
    }

    /// The entry's canonical name.
    pub fn canonical(&self) -> &str {
        self.field(0)
    }

    /// The entry's type (`LOC`, `PER`, `ORG`, `NORP`, `MISC`, `GIVEN`, `SURNAME`, `TITLE`,
    /// `ORG_KEYWORD`, `ORG_SUFFIX`).
    #[inline]
    pub fn kind(&self) -> &str {
        match (&self.data, Kind::from_code(self.kind)) {
            (SenseData::Owned(o), _) => &o.kind,
            (_, Some(k)) => k.as_str(),
            (_, None) => "",
        }
    }

    /// The entry's subtype (`city`, `country`, `m` …), possibly empty.
    pub fn subtype(&self) -> &str {
        self.field(1)
    }

    /// The entry's id.
    pub fn id(&self) -> &str {
        self.field(2)
    }

    /// Population, frequency or salience.
    pub fn prior(&self) -> u64 {
        match &self.data {
            SenseData::Embedded(ix) => ix.prior(self.entry),
            SenseData::User(ix) => ix.prior(self.entry),
            SenseData::Owned(o) => o.prior,
        }
    }

    /// The list it came from.
    pub fn source(&self) -> &str {
        self.field(3)
    }

    /// The entry's `key=value;…` attributes.
    pub fn attrs(&self) -> &str {
        self.field(4)
    }

    /// True when the surface matched exactly as written (case included); false when it
    /// matched only after case folding (a headline, an ALL-CAPS line).
    #[inline]
    pub fn exact_case(&self) -> bool {
        self.exact_case
    }

    /// The value of an attribute (`country`, `sex`, `role` …).
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs().split(';').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k.trim() == key).then(|| v.trim())
        })
    }
}

impl PartialEq for Sense {
    fn eq(&self, other: &Sense) -> bool {
        self.exact_case == other.exact_case
            && self.prior() == other.prior()
            && self.kind() == other.kind()
            && (0..5).all(|n| self.field(n) == other.field(n))
    }
}

impl std::fmt::Debug for Sense {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sense")
            .field("canonical", &self.canonical())
            .field("kind", &self.kind())
            .field("subtype", &self.subtype())
            .field("id", &self.id())
            .field("prior", &self.prior())
            .field("source", &self.source())
            .field("attrs", &self.attrs())
            .field("exact_case", &self.exact_case)
            .finish()
    }
}

/// A document and everything the stages found in it.
///
/// Made by [`crate::Extractor::extract`]. Serialise it with serde to get the output
/// contract's JSON.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// The document id (echoed in the output; the input record's id or the file's path).
    pub id: Option<String>,
    /// The text, as given.
    pub text: String,
    /// Paragraphs in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Tokens in order; they never overlap.
    pub tokens: Vec<Token>,
    /// Gazetteer candidates, in text order (start, then longest first).
    pub candidates: Vec<Candidate>,
    /// Entities, each with its mentions; the index is the entity's id (`E{index+1}`).
    pub entities: Vec<Entity>,
    /// Casualty figures in text order.
    pub casualties: Vec<Casualty>,
    /// Document-level casualty totals per kind.
    pub casualty_totals: BTreeMap<CasualtyKind, Bounds>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Things noticed but not resolved.
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// An empty document over `text`, with no annotations yet.
    pub fn new(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            ..Document::default()
        }
    }

    /// The text a span covers (`""` if it does not fit).
    pub fn span_text(&self, span: Span) -> &str {
        span.text(&self.text)
    }

    /// The tokens of a sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        self.tokens.get(sentence.tokens.clone()).unwrap_or(&[])
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the first token that ends after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }

    /// The entities with a label, most mentioned first (ties in document order), with their
    /// indices in [`Document::entities`]: the order reports and reading views list them in.
    pub fn entities_by_mentions(&self, label: Label) -> Vec<(usize, &Entity)> {
        let mut ents: Vec<(usize, &Entity)> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.label == label)
            .collect();
        ents.sort_by(|a, b| {
            b.1.mentions
                .len()
                .cmp(&a.1.mentions.len())
                .then(a.0.cmp(&b.0))
        });
        ents
    }

    /// The entity that has a mention exactly at `span`, if any.
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        self.entities
            .iter()
            .position(|e| e.mentions.iter().any(|m| m.span == span))
    }
}
