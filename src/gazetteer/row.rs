//! The gazetteer row format (see `gazetteers/README.md`): ONE parser, shared by the build
//! script and the run-time loader (included into `build.rs` with `#[path]`; `std` only).

/// The longest surface a row may have, in bytes. Longer rows are rejected with an error.
pub const MAX_SURFACE_BYTES: usize = 1024;

/// The type of a gazetteer entry (column 3 of a row).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// `LOC`: a place.
    Loc,
    /// `PER`: a known person.
    Per,
    /// `ORG`: a known organisation.
    Org,
    /// `NORP`: a nationality, ethnic, religious or political group.
    Norp,
    /// `MISC`: events, languages, laws, works.
    Misc,
    /// `GIVEN`: a given name.
    Given,
    /// `SURNAME`: a surname.
    Surname,
    /// `TITLE`: a title or honorific.
    Title,
    /// `ORG_KEYWORD`: a word that marks an organisation name.
    OrgKeyword,
    /// `ORG_SUFFIX`: a company legal suffix.
    OrgSuffix,
}

impl Kind {
    /// Every kind, in the order of their codes (`0..10`).
    pub const ALL: [Kind; 10] = [
        Kind::Loc,
        Kind::Per,
        Kind::Org,
        Kind::Norp,
        Kind::Misc,
        Kind::Given,
        Kind::Surname,
        Kind::Title,
        Kind::OrgKeyword,
        Kind::OrgSuffix,
    ];

    /// The kind as rows write it (`LOC`, `ORG_KEYWORD` …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Loc => "LOC",
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Norp => "NORP",
            Kind::Misc => "MISC",
            Kind::Given => "GIVEN",
            Kind::Surname => "SURNAME",
            Kind::Title => "TITLE",
            Kind::OrgKeyword => "ORG_KEYWORD",
            Kind::OrgSuffix => "ORG_SUFFIX",
        }
    }

    /// Parses a row's type column.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The kind's code (its index in [`Kind::ALL`]).
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The kind with the given code.
    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.get(usize::from(code)).copied()
    }

    /// True for the kinds that are common nouns or adjectives as often as names, and so also
    /// match lower-case running text: titles (`prime minister`), organisation keywords
    /// (`ministry`), legal suffixes (`plc`) and NORP (`sunni`). MISC rows of subtype
    /// `language` are lower-case-matchable too (see `Row::matches_lower_case`).
    pub const fn matches_lower_case(self) -> bool {
        matches!(
            self,
            Kind::Title | Kind::OrgKeyword | Kind::OrgSuffix | Kind::Norp
        )
    }
}

/// One parsed row, borrowing from the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    /// The surface form.
    pub surface: &'a str,
    /// The canonical name (the surface when the column is empty).
    pub canonical: &'a str,
    /// The type.
    pub kind: Kind,
    /// The subtype (may be empty).
    pub subtype: &'a str,
    /// The id (may be empty).
    pub id: &'a str,
    /// The prior (0 when empty).
    pub prior: u64,
    /// The source (may be empty).
    pub source: &'a str,
    /// The `key=value;…` attributes (may be empty).
    pub attrs: &'a str,
}

impl Row<'_> {
    /// True when the row also matches lower-case text (see [`Kind::matches_lower_case`];
    /// MISC rows of subtype `language` too).
    ///
    /// A surface written in capitals only (`HE`, `IS`, `AS`) is an acronym and never matches
    /// lower-case text; a legal suffix matches it only when listed in lower case (`plc`).
    pub fn matches_lower_case(&self) -> bool {
        let kind_ok = (self.kind.matches_lower_case() && self.kind != Kind::OrgSuffix)
            || (self.kind == Kind::Misc && self.subtype == "language")
            || (self.kind == Kind::OrgSuffix && !self.surface.chars().any(char::is_uppercase));
        kind_ok && !self.is_acronym()
    }

    /// True when the surface has two or more letters, all of them capitals (`IS`, `U.S.`,
    /// `HE`): such a surface matches running prose only when written the same way.
    pub fn is_acronym(&self) -> bool {
        let mut letters = 0;
        for c in self.surface.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2
    }
}

/// Parses one line of a gazetteer file. `Ok(None)` for empty lines and `#` comments; the
/// error is a message for people (the caller adds file and line).
pub fn parse_line(line: &str) -> Result<Option<Row<'_>>, String> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let mut cols = [""; 8];
    let mut n = 0;
    for col in line.split('\t') {
        if n == 8 {
            n += 1;
            break;
        }
        cols[n] = col;
        n += 1;
    }
    if !(6..=8).contains(&n) {
        let found = if n > 8 {
            "more than 8".to_string()
        } else {
            n.to_string()
        };
        return Err(format!(
            "expected 6 to 8 tab-separated columns (surface, canonical, type, subtype, id, prior[, source[, attrs]]), found {found}"
        ));
    }
    let surface = cols[0].trim();
    if surface.is_empty() {
        return Err("empty surface (column 1)".to_string());
    }
    if surface.len() > MAX_SURFACE_BYTES {
        return Err(format!(
            "surface is {} bytes long, over the limit of {MAX_SURFACE_BYTES}",
            surface.len()
        ));
    }
    let kind_s = cols[2].trim();
    let kind = Kind::parse(kind_s).ok_or_else(|| {
        format!(
            "unknown type {kind_s:?} (column 3); expected one of LOC, PER, ORG, NORP, MISC, GIVEN, SURNAME, TITLE, ORG_KEYWORD, ORG_SUFFIX"
        )
    })?;
    let prior_s = cols[5].trim();
    let prior = if prior_s.is_empty() {
        0
    } else {
        prior_s.parse::<u64>().map_err(|_| {
            let shown: String = prior_s.chars().take(40).collect();
            format!("prior (column 6) is not a non-negative integer: {shown:?}")
        })?
    };
    let canonical = match cols[1].trim() {
        "" => surface,
        c => c,
    };
    Ok(Some(Row {
        surface,
        canonical,
        kind,
        subtype: cols[3].trim(),
        id: cols[4].trim(),
        prior,
        source: cols[6].trim(),
        attrs: cols[7].trim(),
    }))
}
