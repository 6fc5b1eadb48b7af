//! Word lists of the text layer: abbreviations that keep their period, words that usually
//! start a sentence, month and weekday names, small function words.
//!
//! The lists are `match` tables (compiled to length-then-byte comparisons), so a lookup costs
//! a few nanoseconds and allocates nothing. They are written from how English news is
//! written (AP and BBC style), not mined from any evaluation data.

/// How an abbreviation that keeps its period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AbbrevClass {
    /// A title or a word that is always followed by more of the sentence (`Mr.`, `Gen.`,
    /// `Lt.`, `St.`, `No.` before a number, `vs.`): never ends a sentence on the same line.
    Title,
    /// An abbreviation that can end a sentence (`U.S.`, `Inc.`, `a.m.`, `Jan.`, `Calif.`):
    /// ends it when the next word is a typical sentence starter (`The`, `He`, `But` …) or an
    /// opening quotation mark.
    CanEnd,
    /// A single capital letter with a period, an initial (`F.` in `John F. Kennedy`).
    Initial,
}

/// Is `word` (without its period) a title or abbreviation that keeps its period?
/// Case-sensitive: `Gen` is an abbreviation, `gen` is not.
///
/// ```
/// use byline::text::{abbreviation_class, AbbrevClass};
/// assert_eq!(abbreviation_class("Gen"), Some(AbbrevClass::Title));
/// assert_eq!(abbreviation_class("Inc"), Some(AbbrevClass::CanEnd));
/// assert_eq!(abbreviation_class("Assad"), None);
/// ```
pub fn abbreviation_class(word: &str) -> Option<AbbrevClass> {
    use AbbrevClass::*;
    Some(match word {
        // Titles and ranks.
        "Mr" | "Mrs" | "Ms" | "Mx" | "Dr" | "Prof" | "Gen" | "Lt" | "Col" | "Maj" | "Capt"
        | "Cpt" | "Sgt" | "Cpl" | "Pvt" | "Pte" | "Adm" | "Cmdr" | "Cdr" | "Brig" | "Lieut"
        | "Sen" | "Rep" | "Gov" | "Pres" | "Supt" | "Insp" | "Det" | "Rev" | "Fr" | "Hon"
        | "Rt" | "Messrs" | "Mme" | "Mmes" | "Mlle" | "Sqn" | "Ldr" | "Atty" | "Amb" | "Cllr"
        | "Gens" | "Sens" | "Reps" | "Sra" | "Msgr" | "Dist" | "Sheikh" => Title,
        // Places in names and words always followed by more.
        "St" | "Mt" | "Ft" | "Pt" => Title,
        "No" | "Nos" | "vs" | "v" | "al" | "cf" | "viz" | "Vol" | "vol" | "pp" | "Fig" | "fig"
        | "Op" | "ca" | "approx" | "Approx" => Title,
        // Companies and suffixes.
        "Inc" | "Corp" | "Ltd" | "Co" | "Bros" | "Jr" | "Sr" | "Esq" | "Dept" | "Univ" | "Assn"
        | "Ave" | "Blvd" | "Rd" | "etc" | "est" | "Est" => CanEnd,
        // Months and weekdays (AP style abbreviates them with a period).
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "Mon" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" => CanEnd,
        // US states in AP style.
        "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill"
        | "Ind" | "Kan" | "Ky" | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo"
        | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa" | "Tenn" | "Tex" | "Va" | "Vt"
        | "Wash" | "Wis" | "Wyo" => CanEnd,
        _ => return None,
    })
}

/// Is `word` one that commonly starts an English news sentence? Used to decide whether an
/// abbreviation that can end a sentence (`U.S.`, `Inc.`) does end one: "in the U.S. The
/// talks …" splits, "the U.S. Army" does not.
///
/// ```
/// assert!(byline::text::is_sentence_starter("The"));
/// assert!(!byline::text::is_sentence_starter("Army"));
/// ```
pub fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Then"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "As"
            | "After"
            | "Before"
            | "When"
            | "While"
            | "If"
            | "Although"
            | "Though"
            | "However"
            | "Meanwhile"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "Your"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "One"
            | "Two"
            | "Three"
            | "Four"
            | "Five"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "Dr"
            | "Last"
            | "Earlier"
            | "Later"
            | "Now"
            | "Since"
            | "With"
            | "For"
            | "From"
            | "By"
            | "Under"
            | "Among"
            | "Despite"
            | "During"
            | "Also"
            | "Still"
            | "Even"
            | "Both"
            | "Each"
            | "Another"
            | "Such"
            | "Not"
            | "Only"
            | "According"
            | "Several"
            | "More"
            | "Any"
            | "Every"
            | "Here"
            | "Today"
            | "Yesterday"
            | "Officials"
            | "Police"
            | "Analysts"
            | "Witnesses"
    )
}

/// Month names, full and abbreviated (`January`, `Jan`, `Sept`).
pub fn is_month(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Jan."
            | "Feb."
            | "Mar."
            | "Apr."
            | "Jun."
            | "Jul."
            | "Aug."
            | "Sep."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
    )
}

/// Weekday names and words typical of time stamps (`Monday`, `GMT`, `Updated`).
pub(crate) fn is_stamp_word(word: &str) -> bool {
    matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "GMT"
            | "BST"
            | "UTC"
            | "EST"
            | "EDT"
            | "ET"
            | "Published"
            | "Updated"
            | "Posted"
            | "Modified"
            | "PUBLISHED"
            | "UPDATED"
    )
}

/// Small lower-case function words that headlines leave in lower case ("Man of the Year").
pub(crate) fn is_small_word(word: &str) -> bool {
    matches!(
        word,
        "of" | "the"
            | "a"
            | "an"
            | "and"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "by"
            | "with"
            | "from"
            | "as"
            | "or"
            | "but"
            | "vs"
            | "vs."
            | "de"
            | "la"
            | "le"
            | "al"
            | "el"
            | "du"
            | "von"
            | "van"
            | "der"
            | "des"
            | "bin"
            | "ibn"
            | "'s"
            | "’s"
    )
}

/// Lower-case words that take a leading apostrophe in informal writing (`'em`, `'til`,
/// `rock 'n' roll`).
pub(crate) fn is_leading_elision(word: &str) -> bool {
    matches!(
        word,
        "em" | "til" | "cause" | "bout" | "tis" | "twas" | "n" | "round" | "kay"
    )
}
