//! Gazetteers: the row format, the compiled index, the embedded default lists, user lists,
//! and the matcher that fills [`Document::candidates`].
//!
//! The default lists (`gazetteers/**/*.tsv[.gz]`) are compiled at build time by `build.rs`
//! into an `fst` map from normalised key to postings plus an entry table and a string pool,
//! embedded in the library and read in place: building a [`Gazetteer`] with the defaults
//! costs no parsing and no allocation proportional to the lists. User lists in the same row
//! format are compiled by [`GazetteerBuilder`] at run time into an index of the same format,
//! consulted before the embedded one.
//!
//! Names are looked up by their *key* (see [`normalize_key`]): lower case, diacritics,
//! apostrophes and periods folded away, hyphens and spaces equal, Arabic articles dropped,
//! `-ah`/`-eh` endings folded. So "Ar-Raqqah", "Al-Raqqah", "Raqqah" and "Raqqa" are one key.
//!
//! ```
//! use byline::gazetteer::{GazetteerBuilder, Kind};
//!
//! let mut b = GazetteerBuilder::new().without_defaults();
//! b.add_tsv("mine", "Raqqa\tRaqqa\tLOC\tcity\tgeonames:172955\t177636\tmine\tcountry=SY\n\
//!                    Jordan\tJordan\tLOC\tcountry\tiso:JO\t10000000\tmine\t\n\
//!                    Jordan\tJordan\tGIVEN\tm\tgiven:jordan\t5000\tmine\t\n").unwrap();
//! let gaz = b.build().unwrap();
//!
//! let senses = gaz.lookup("Ar-Raqqah");
//! assert_eq!(senses[0].id(), "geonames:172955");
//! assert_eq!(gaz.lookup("Al Raqqah")[0].id(), "geonames:172955");
//!
//! // Every sense is kept, best first.
//! let jordan = gaz.lookup("Jordan");
//! assert_eq!(jordan.len(), 2);
//! assert_eq!(jordan[0].kind(), "LOC");
//! assert!(gaz.contains_kind("Jordan", Kind::Given));
//! ```

use std::io::Read;
use std::path::Path;

use once_cell::sync::Lazy;

use crate::document::{Document, Sense, Sex};
use crate::error::{Error, Result};

pub(crate) mod compile;
pub(crate) mod index;
#[allow(dead_code)] // some fields are read by build.rs only
mod lists;
mod matcher;
mod memo;
pub(crate) mod normalize;
mod row;

use compile::{Compiler, Stats};
use index::Index;
pub use row::{Kind, MAX_SURFACE_BYTES};

/// The largest user gazetteer file [`GazetteerBuilder::add_file`] reads (after gzip
/// decompression): 1 GiB.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The lookup key of a surface form: what the indexes store and the matcher looks up.
///
/// Lower case; Latin diacritics folded (`ğ` → `g`, `ß` → `ss`, `ı` → `i`); apostrophes of any
/// style and periods dropped; hyphens, spaces and other punctuation separate words (one
/// space); an Arabic article (`al el ar as ad at az ash an ath adh ul ud ut`) followed by
/// another word dropped; a final `-ah` of a word of five or more letters folded to `-a`,
/// `-eh` to `-a`. See `DESIGN.md` for the full table.
///
/// ```
/// use byline::gazetteer::normalize_key;
/// assert_eq!(normalize_key("Ar-Raqqah"), normalize_key("Raqqa"));
/// assert_eq!(normalize_key("Türkiye"), "turkiye");
/// assert_eq!(normalize_key("Deir el-Balah"), "deir bala");
/// ```
pub fn normalize_key(surface: &str) -> String {
    normalize::key(surface)
}

/// The same as [`normalize_key`]: the lookup key of a surface form, for comparing names.
///
/// ```
/// assert_eq!(byline::gazetteer::normalize("Al-Raqqah"), byline::gazetteer::normalize("Raqqa"));
/// ```
pub fn normalize(surface: &str) -> String {
    normalize::key(surface)
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/gaz_stats.rs"));
}

const EMBEDDED_SECTIONS: [&[u8]; 8] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_main.fst")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_lower.fst")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_postings.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_entries.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_str_data.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_main_first.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_lower_first.bin")),
    include_bytes!(concat!(env!("OUT_DIR"), "/gaz_main_pairs.bin")),
];

static EMBEDDED: Lazy<Index> = Lazy::new(|| {
    let stats = Stats {
        rows_per_kind: embedded::ROWS_PER_KIND,
        skipped: embedded::SKIPPED,
        entries: embedded::ENTRIES,
        keys: embedded::KEYS,
        lower_keys: embedded::LOWER_KEYS,
        postings: embedded::POSTINGS,
        truncated: embedded::TRUNCATED,
    };
    Index::from_static(EMBEDDED_SECTIONS, stats)
});

/// Recompiles the lists under `dir` (normally the crate's `gazetteers/` folder) exactly as
/// `build.rs` does and checks that the result is byte for byte what the library embeds: the
/// compiled form is a pure function of the committed TSV files. Returns the names of the
/// sections that differ, or an empty list.
///
/// ```no_run
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteers");
/// assert!(byline::gazetteer::verify_embedded(&dir).is_empty());
/// ```
pub fn verify_embedded(dir: &Path) -> Vec<&'static str> {
    let out = lists::compile_dir(dir);
    let c = &out.compiled;
    let names = [
        "main",
        "lower",
        "postings",
        "entries",
        "str_data",
        "main_first",
        "lower_first",
        "main_pairs",
    ];
    let built: [&[u8]; 8] = [
        &c.main,
        &c.lower,
        &c.postings,
        &c.entries,
        &c.str_data,
        &c.main_first,
        &c.lower_first,
        &c.main_pairs,
    ];
    names
        .into_iter()
        .zip(built.iter().zip(EMBEDDED_SECTIONS))
        .filter(|(_, (b, e))| *b != e)
        .map(|(n, _)| n)
        .collect()
}

/// Counts of a compiled list set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListStats {
    /// Rows compiled per type, in [`Kind::ALL`] order.
    pub rows_per_kind: Vec<(Kind, usize)>,
    /// Rows skipped because their key has fewer than two characters.
    pub skipped: usize,
    /// Distinct entries (rows that differ only in their surface share one).
    pub entries: usize,
    /// Distinct keys.
    pub keys: usize,
    /// Distinct keys that also match lower-case text.
    pub lower_keys: usize,
}

impl ListStats {
    fn from_stats(s: &Stats) -> ListStats {
        ListStats {
            rows_per_kind: Kind::ALL
                .iter()
                .map(|&k| (k, s.rows_per_kind[usize::from(k.code())]))
                .collect(),
            skipped: s.skipped,
            entries: s.entries,
            keys: s.keys,
            lower_keys: s.lower_keys,
        }
    }

    /// Rows compiled in total.
    pub fn rows(&self) -> usize {
        self.rows_per_kind.iter().map(|(_, n)| n).sum()
    }
}

/// What the build script compiled into the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbeddedInfo {
    /// Counts.
    pub stats: ListStats,
    /// Every default list file (relative to `gazetteers/`) with its rows compiled.
    pub files: &'static [(&'static str, usize)],
    /// Malformed rows skipped by the build script (a test asserts there are none).
    pub row_error_count: usize,
    /// The first hundred of them, as `file:line: message`.
    pub row_errors: &'static [&'static str],
}

/// Describes the embedded default lists.
///
/// ```
/// let info = byline::gazetteer::embedded_info();
/// assert_eq!(info.stats.rows(), info.files.iter().map(|(_, n)| n).sum::<usize>());
/// ```
pub fn embedded_info() -> EmbeddedInfo {
    EmbeddedInfo {
        stats: ListStats::from_stats(&EMBEDDED.stats),
        files: embedded::FILES,
        row_error_count: embedded::ROW_ERROR_COUNT,
        row_errors: embedded::ROW_ERRORS,
    }
}

/// A set of [`Kind`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KindSet(u16);

impl KindSet {
    /// Adds a kind.
    pub fn insert(&mut self, kind: Kind) {
        self.0 |= 1 << kind.code();
    }

    /// True when `kind` is in the set.
    pub fn contains(&self, kind: Kind) -> bool {
        self.0 & (1 << kind.code()) != 0
    }

    /// True when the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The kinds in the set, in [`Kind::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = Kind> + '_ {
        Kind::ALL.into_iter().filter(|k| self.contains(*k))
    }
}

/// One sense found while gathering postings, before it becomes a [`Sense`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub layer: u8,
    pub entry: u32,
    pub literal: bool,
    pub exact: bool,
    pub prior: u64,
}

/// Compiled gazetteers: the embedded defaults and/or user lists.
///
/// Built by [`GazetteerBuilder`] (or [`Gazetteer::embedded`] for the defaults alone);
/// immutable, `Send` and `Sync`. `Gazetteer::default()` has no lists at all.
#[derive(Default)]
pub struct Gazetteer {
    user: Option<std::sync::Arc<Index>>,
    defaults: bool,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("defaults", &self.defaults)
            .field("user", &self.user)
            .finish()
    }
}

impl Gazetteer {
    /// The embedded default lists alone. Costs almost nothing: the compiled index is read in
    /// place from the library's bytes.
    pub fn embedded() -> Gazetteer {
        Lazy::force(&EMBEDDED);
        Gazetteer {
            user: None,
            defaults: true,
        }
    }

    /// The indexes to consult, user lists first.
    pub(crate) fn layers(&self) -> [Option<&Index>; 2] {
        [
            self.user.as_deref(),
            if self.defaults {
                Some(&*EMBEDDED)
            } else {
                None
            },
        ]
    }

    /// The [`Sense`] of entry `entry` of layer `layer` (0: the user lists, 1: the embedded
    /// lists; see [`Gazetteer::layers`]).
    #[inline]
    pub(crate) fn sense(&self, layer: u8, entry: u32, exact: bool) -> Option<Sense> {
        let ix = self.layers()[usize::from(layer.min(1))]?;
        self.coded_sense(layer, entry, Sense::kind_code_of(ix, entry), exact)
    }

    /// [`Gazetteer::sense`] given the entry's kind code (see [`Sense::kind_code_of`]), as
    /// the matcher's memo keeps it.
    #[inline]
    pub(crate) fn coded_sense(
        &self,
        layer: u8,
        entry: u32,
        kind: u8,
        exact: bool,
    ) -> Option<Sense> {
        match layer {
            0 => self
                .user
                .as_ref()
                .map(|ix| Sense::user(ix, entry, kind, exact)),
            _ => self
                .defaults
                .then(|| Sense::embedded(&EMBEDDED, entry, kind, exact)),
        }
    }

    /// Counts of the user lists compiled into this gazetteer (`None` without user lists).
    pub fn user_stats(&self) -> Option<ListStats> {
        self.user.as_ref().map(|u| ListStats::from_stats(&u.stats))
    }

    /// Gathers the postings of `values` (one per layer) into `hits`, one per entry, in sense
    /// order (in `prose`, acronyms listed in capitals match only when written so): user lists first, then senses whose listed surface is literally the text, then
    /// those that match its case, then by prior (highest first), then in list order.
    pub(crate) fn gather(
        &self,
        layers: &[Option<&Index>; 2],
        values: &[Option<u64>; 2],
        case_h: u32,
        lit_h: u32,
        prose: bool,
        hits: &mut Vec<Hit>,
    ) {
        hits.clear();
        for (l, (ix, v)) in layers.iter().zip(values).enumerate() {
            let (Some(ix), Some(v)) = (ix, v) else {
                continue;
            };
            for p in ix.postings(*v) {
                if prose && p.acronym && p.case_h != case_h {
                    // "He" at the start of a sentence is not "HE" (His Excellency).
                    continue;
                }
                hits.push(Hit {
                    layer: l as u8,
                    entry: p.entry,
                    literal: p.lit_h == lit_h,
                    exact: p.case_h == case_h,
                    prior: ix.prior(p.entry),
                });
            }
        }
        // Postings are sorted by entry within a key: merge the surfaces of one entry.
        hits.dedup_by(|b, a| {
            if a.layer == b.layer && a.entry == b.entry {
                a.literal |= b.literal;
                a.exact |= b.exact;
                true
            } else {
                false
            }
        });
        hits.sort_by(|a, b| {
            a.layer
                .cmp(&b.layer)
                .then(b.literal.cmp(&a.literal))
                .then(b.exact.cmp(&a.exact))
                .then(b.prior.cmp(&a.prior))
                .then(a.entry.cmp(&b.entry))
        });
        // One referent listed by several sources (same layer, kind and non-empty id) is one
        // sense: keep the best-ranked row.
        let ident = |h: &Hit| -> Option<(u8, u8, u32)> {
            let ix = layers[usize::from(h.layer)]?;
            let id = ix.id_ref(h.entry);
            (id != 0).then(|| (h.layer, ix.kind(h.entry).map_or(255, Kind::code), id))
        };
        if hits.len() <= 64 {
            let mut n = 0;
            for i in 0..hits.len() {
                let key = ident(&hits[i]);
                let dup = key.is_some() && hits[..n].iter().any(|h| ident(h) == key);
                if !dup {
                    hits[n] = hits[i];
                    n += 1;
                }
            }
            hits.truncate(n);
        } else {
            let mut seen = std::collections::HashSet::new();
            hits.retain(|h| ident(h).is_none_or(|k| seen.insert(k)));
        }
    }

    fn hits_for(&self, surface: &str, hits: &mut Vec<Hit>) {
        let mut buf = String::with_capacity(surface.len());
        normalize::normalize_into(surface, normalize::Mode::CaseKey, &mut buf);
        let case_h = normalize::hash32(&buf);
        normalize::normalize_into(surface, normalize::Mode::Literal, &mut buf);
        let lit_h = normalize::hash32(&buf);
        normalize::normalize_into(surface, normalize::Mode::Key, &mut buf);
        let layers = self.layers();
        let values = [
            layers[0].and_then(|ix| ix.get(buf.as_bytes(), false)),
            layers[1].and_then(|ix| ix.get(buf.as_bytes(), false)),
        ];
        self.gather(&layers, &values, case_h, lit_h, false, hits);
    }

    /// Every sense of a surface form, best first (user lists, then literal matches, then
    /// case matches, then by prior). The lookup is by key (see [`normalize_key`]), so it is
    /// case-insensitive; each sense's `exact_case` says whether `surface` is written with
    /// the listed capitalisation.
    ///
    /// ```
    /// use byline::gazetteer::Gazetteer;
    /// let gaz = Gazetteer::embedded();
    /// for sense in gaz.lookup("Syria") {
    ///     assert!(!sense.kind().is_empty());
    /// }
    /// ```
    pub fn lookup(&self, surface: &str) -> Vec<Sense> {
        let mut hits = Vec::new();
        self.hits_for(surface, &mut hits);
        hits.iter()
            .filter_map(|h| self.sense(h.layer, h.entry, h.exact))
            .collect()
    }

    /// The senses of `surface` of one kind, best first.
    pub fn lookup_kind(&self, surface: &str, kind: Kind) -> Vec<Sense> {
        let mut hits = Vec::new();
        self.hits_for(surface, &mut hits);
        let layers = self.layers();
        hits.iter()
            .filter_map(|h| {
                let ix = layers[usize::from(h.layer)]?;
                if ix.kind(h.entry) != Some(kind) {
                    return None;
                }
                self.sense(h.layer, h.entry, h.exact)
            })
            .collect()
    }

    /// The kinds a surface form has in the lists, without building [`Sense`]s.
    ///
    /// ```
    /// use byline::gazetteer::{GazetteerBuilder, Kind};
    /// let mut b = GazetteerBuilder::new().without_defaults();
    /// b.add_tsv("t", "Kerry\tKerry\tSURNAME\t\ts:kerry\t900\tt\t\n\
    ///                 Kerry\tCounty Kerry\tLOC\tregion\tgeonames:2963517\t147707\tt\t\n").unwrap();
    /// let gaz = b.build().unwrap();
    /// let kinds = gaz.kinds("Kerry");
    /// assert!(kinds.contains(Kind::Surname) && kinds.contains(Kind::Loc));
    /// assert!(!kinds.contains(Kind::Per));
    /// ```
    pub fn kinds(&self, surface: &str) -> KindSet {
        let key = normalize::key(surface);
        let mut set = KindSet::default();
        for ix in self.layers().into_iter().flatten() {
            if let Some(v) = ix.get(key.as_bytes(), false) {
                for p in ix.postings(v) {
                    if let Some(k) = ix.kind(p.entry) {
                        set.insert(k);
                    }
                }
            }
        }
        set
    }

    /// True when `surface` has a sense of `kind`.
    ///
    /// ```
    /// use byline::gazetteer::{GazetteerBuilder, Kind};
    /// let mut b = GazetteerBuilder::new().without_defaults();
    /// b.add_tsv("t", "Chad\tChad\tLOC\tcountry\tiso:TD\t17000000\tt\t\n").unwrap();
    /// let gaz = b.build().unwrap();
    /// assert!(gaz.contains_kind("Chad", Kind::Loc));
    /// assert!(gaz.contains_kind("CHAD", Kind::Loc)); // lookups fold case
    /// assert!(!gaz.contains_kind("Chad", Kind::Per));
    /// ```
    pub fn contains_kind(&self, surface: &str, kind: Kind) -> bool {
        self.kinds(surface).contains(kind)
    }

    /// True when `word` is a listed given name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.contains_kind(word, Kind::Given)
    }

    /// True when `word` is a listed surname.
    pub fn is_surname(&self, word: &str) -> bool {
        self.contains_kind(word, Kind::Surname)
    }

    /// The sex a given name tells: the subtype (`m`/`f`) of its given-name senses, weighted
    /// by prior; `None` when it is not a given name, is listed as unisex (`u`), or the
    /// weights are within a factor of two of each other.
    ///
    /// ```
    /// use byline::{gazetteer::GazetteerBuilder, Sex};
    /// let mut b = GazetteerBuilder::new().without_defaults();
    /// b.add_tsv("t", "Maria\tMaria\tGIVEN\tf\tg:maria\t5000\tt\t\n\
    ///                 Jordan\tJordan\tGIVEN\tm\tg:jordan-m\t900\tt\t\n\
    ///                 Jordan\tJordan\tGIVEN\tf\tg:jordan-f\t800\tt\t\n").unwrap();
    /// let gaz = b.build().unwrap();
    /// assert_eq!(gaz.given_name_sex("Maria"), Some(Sex::Female));
    /// assert_eq!(gaz.given_name_sex("Jordan"), None);
    /// assert_eq!(gaz.given_name_sex("Table"), None);
    /// ```
    pub fn given_name_sex(&self, word: &str) -> Option<Sex> {
        let key = normalize::key(word);
        let (mut m, mut f) = (0u128, 0u128);
        for ix in self.layers().into_iter().flatten() {
            if let Some(v) = ix.get(key.as_bytes(), false) {
                for p in ix.postings(v) {
                    if ix.kind(p.entry) == Some(Kind::Given) {
                        let w = u128::from(ix.prior(p.entry)) + 1;
                        match ix.field(p.entry, 1) {
                            "m" => m += w,
                            "f" => f += w,
                            _ => {}
                        }
                    }
                }
            }
        }
        if m > 2 * f {
            Some(Sex::Male)
        } else if f > 2 * m {
            Some(Sex::Female)
        } else {
            None
        }
    }

    /// The best title sense of `surface` (`President`, `Foreign Minister`, `Gen.`), if it is
    /// a listed title. Its `subtype` is the title class and `attr("sex")` the sex it implies.
    ///
    /// ```
    /// use byline::gazetteer::GazetteerBuilder;
    /// let mut b = GazetteerBuilder::new().without_defaults();
    /// b.add_tsv("t", "Foreign Minister\tForeign Minister\tTITLE\tpolitical\ttitle:fm\t80\tt\t\n\
    ///                 Mrs\tMrs\tTITLE\thonorific\ttitle:mrs\t90\tt\tsex=f\n").unwrap();
    /// let gaz = b.build().unwrap();
    /// assert_eq!(gaz.title("foreign minister").unwrap().subtype(), "political");
    /// assert_eq!(gaz.title("Mrs").unwrap().attr("sex"), Some("f"));
    /// assert!(gaz.title("Damascus").is_none());
    /// ```
    pub fn title(&self, surface: &str) -> Option<Sense> {
        self.lookup_kind(surface, Kind::Title).into_iter().next()
    }
}

/// Collects gazetteer lists and compiles them into a [`Gazetteer`].
///
/// User lists use the row format of `gazetteers/README.md` (UTF-8 TSV, plain or
/// gzip-compressed). Their entries are consulted before the embedded defaults and come
/// first among the senses of a match.
///
/// ```
/// use byline::gazetteer::GazetteerBuilder;
///
/// let mut b = GazetteerBuilder::new();
/// b.add_tsv("mine", "Zorvan Kell\tZorvan Kell\tPER\tother\tmy:zk\t50\tmine\tsex=m\n").unwrap();
/// let gaz = b.build().unwrap();
/// assert_eq!(gaz.lookup("Zorvan Kell")[0].id(), "my:zk");
///
/// // Errors name the list and the 1-based line.
/// let mut b = GazetteerBuilder::new();
/// let err = b.add_tsv("bad.tsv", "# comment\nOnly\tthree\tcolumns\n").unwrap_err();
/// assert!(err.to_string().starts_with("bad.tsv:2: "));
/// ```
#[derive(Default)]
pub struct GazetteerBuilder {
    defaults: bool,
    compiler: Option<Compiler>,
}

impl std::fmt::Debug for GazetteerBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GazetteerBuilder")
            .field("defaults", &self.defaults)
            .field("user_lists", &self.compiler.is_some())
            .finish()
    }
}

fn encoding_error(file: &str, bytes: &[u8], at: usize) -> Error {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    Error::GazetteerEncoding {
        file: file.to_string(),
        line,
        byte: at - line_start,
    }
}

impl GazetteerBuilder {
    /// A builder with the embedded default lists.
    pub fn new() -> GazetteerBuilder {
        GazetteerBuilder {
            defaults: true,
            compiler: None,
        }
    }

    /// Leaves out the embedded defaults.
    pub fn without_defaults(mut self) -> GazetteerBuilder {
        self.defaults = false;
        self
    }

    /// Adds a list file: UTF-8 TSV, or gzip-compressed TSV (recognised by its magic bytes,
    /// whatever the file name). Files over [`MAX_FILE_BYTES`] (after decompression) are
    /// refused. Errors: [`Error::GazetteerIo`] when it cannot be read or decompressed,
    /// [`Error::GazetteerEncoding`] for bytes that are not UTF-8 text (with line and byte),
    /// [`Error::GazetteerRow`] for a malformed row (with line). On error nothing from the
    /// file is added.
    pub fn add_file(&mut self, path: &Path) -> Result<()> {
        let io = |source| Error::GazetteerIo {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        let mut raw = Vec::new();
        file.take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut raw)
            .map_err(io)?;
        let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&raw[..])
                .take(MAX_FILE_BYTES + 1)
                .read_to_end(&mut out)
                .map_err(io)?;
            out
        } else {
            raw
        };
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("file is larger than {MAX_FILE_BYTES} bytes"),
            )));
        }
        let name = path.display().to_string();
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| encoding_error(&name, &bytes, e.valid_up_to()))?;
        self.add_tsv(&name, text)
    }

    /// Adds a list from TSV text; `name` is used in error messages. Errors as for
    /// [`GazetteerBuilder::add_file`]; on error nothing from the text is added.
    pub fn add_tsv(&mut self, name: &str, tsv: &str) -> Result<()> {
        if let Some(at) = tsv.find('\0') {
            return Err(encoding_error(name, tsv.as_bytes(), at));
        }
        let mut rows = Vec::new();
        for (i, line) in tsv.split('\n').enumerate() {
            match row::parse_line(line) {
                Ok(Some(r)) => rows.push(r),
                Ok(None) => {}
                Err(message) => {
                    return Err(Error::GazetteerRow {
                        file: name.to_string(),
                        line: i + 1,
                        message,
                    })
                }
            }
        }
        let compiler = self.compiler.get_or_insert_with(Compiler::new);
        for r in &rows {
            compiler.add(r);
        }
        Ok(())
    }

    /// Compiles the user lists and returns the gazetteer.
    pub fn build(self) -> Result<Gazetteer> {
        if self.defaults {
            Lazy::force(&EMBEDDED);
        }
        Ok(Gazetteer {
            user: self
                .compiler
                .map(|c| std::sync::Arc::new(Index::from_compiled(c.finish()))),
            defaults: self.defaults,
        })
    }
}

/// Fills the document's gazetteer candidates (see the `matcher` section of `DESIGN.md`):
/// token-aligned longest matches from every start token, with all senses.
///
/// ```
/// use byline::gazetteer::{annotate, GazetteerBuilder};
/// use byline::Document;
///
/// let mut b = GazetteerBuilder::new().without_defaults();
/// b.add_tsv("t", "Oman\tOman\tLOC\tcountry\tiso:OM\t5000000\tt\t\n").unwrap();
/// let gaz = b.build().unwrap();
///
/// let mut doc = Document::new("A woman from Oman spoke.");
/// byline::text::annotate(&mut doc);
/// annotate(&mut doc, &gaz);
/// assert_eq!(doc.candidates.len(), 1);
/// assert_eq!(doc.span_text(doc.candidates[0].span), "Oman");
/// ```
pub fn annotate(doc: &mut Document, gazetteer: &Gazetteer) {
    let candidates = memo::with_memo(gazetteer, |memo| {
        matcher::Matcher::new(gazetteer, Some(memo)).run(&doc.text, &doc.tokens, &doc.sentences)
    });
    doc.candidates = candidates;
}

#[cfg(test)]
mod tests;
