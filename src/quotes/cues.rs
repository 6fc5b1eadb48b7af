//! The word table of the quotes stage: speech cues and the closed word classes the speaker
//! finder needs (pronouns, determiners, titles, auxiliaries, connectors), as data.
//!
//! Every word token is looked up once (packed lower-case into an integer, one probe of a word
//! table) and gets a bit set of classes; the rules then test bits
//! instead of strings.

use once_cell::sync::Lazy;

use super::words::WordTable;

use crate::document::{Document, Token, TokenKind};

/// A speech verb usable in every pattern, including reported speech without marks.
pub const CUE: u32 = 1;
/// A speech verb used only right next to a quotation or followed by "that".
pub const CUE_WEAK: u32 = 1 << 1;
/// A cue that takes an addressee ("told reporters").
pub const TELL: u32 = 1 << 2;
/// A personal pronoun that can be a speaker.
pub const PRONOUN: u32 = 1 << 3;
/// A determiner or possessive that starts a description ("the", "a", "his").
pub const DET: u32 = 1 << 4;
/// A title or role word that precedes a name ("President", "Mr", "Sen").
pub const TITLE: u32 = 1 << 5;
/// A function word that never starts a name even when capitalised ("The", "But").
pub const FUNC: u32 = 1 << 6;
/// An auxiliary or adverb that may stand between a subject and its cue ("also", "has").
pub const SKIP: u32 = 1 << 7;
/// A word that ends a noun-phrase scan ("that", "who", "and", "in").
pub const STOP: u32 = 1 << 8;
/// A lower-case word allowed inside a capitalised name ("of", "al", "bin").
pub const CONNECT: u32 = 1 << 9;
/// "he".
pub const MALE: u32 = 1 << 10;
/// "she".
pub const FEMALE: u32 = 1 << 11;
/// "they", "we".
pub const PLURAL: u32 = 1 << 12;
/// "it".
pub const NEUTER: u32 = 1 << 13;
/// "according" (of "according to").
pub const ACCORDING: u32 = 1 << 14;
/// "that".
pub const THAT: u32 = 1 << 15;
/// A preposition or time word that opens an adverbial after a cue ("on", "in", "late").
pub const ADVERBIAL: u32 = 1 << 16;
/// A head noun naming a person by role ("spokesman", "minister", "witness").
pub const ROLE: u32 = 1 << 17;
/// A head noun naming an organisation or group ("ministry", "police", "army").
pub const GROUP: u32 = 1 << 18;
/// The word "to".
pub const TO: u32 = 1 << 19;
/// A passive auxiliary ("was", "were", "been", "be", "is", "are").
pub const BE: u32 = 1 << 20;
/// A verb that introduces a quotation but not reported speech ("described", "called").
pub const QCUE: u32 = 1 << 21;
/// A noun for a written or spoken statement ("statement", "tweet"): `Trump's statement`
/// speaks for Trump.
pub const DOCNOUN: u32 = 1 << 23;
/// A verb of belief or cognition that reports a held view: `X believes (that) …`.
pub const BELIEF: u32 = 1 << 24;
/// A verb of stance, volition or evidence that reports a position: `X wants …`, `X
/// proposed …`, `a poll shows …`.
pub const STANCE: u32 = 1 << 25;
/// A preposition that can join a speaker to a place or organisation ("at", "of", "from").
pub const PREP: u32 = 1 << 22;

/// Speech verbs in all their forms. Strong cues first (usable for reported speech).
const STRONG_CUES: &str = "say says said saying \
    tell tells told telling \
    state states stated stating \
    declare declares declared declaring \
    warn warns warned warning \
    claim claims claimed claiming \
    insist insists insisted insisting \
    explain explains explained explaining \
    announce announces announced announcing \
    deny denies denied denying \
    acknowledge acknowledges acknowledged acknowledging \
    admit admits admitted admitting \
    argue argues argued arguing \
    confirm confirms confirmed confirming \
    vow vows vowed vowing \
    pledge pledges pledged pledging \
    promise promises promised promising \
    allege alleges alleged alleging \
    assert asserts asserted asserting \
    contend contends contended contending \
    predict predicts predicted predicting \
    tweet tweets tweeted tweeting \
    report reports reported reporting \
    caution cautions cautioned cautioning \
    urge urges urged urging \
    stress stresses stressed stressing \
    emphasise emphasises emphasised emphasising emphasize emphasizes emphasized emphasizing \
    concede concedes conceded conceding \
    testify testifies testified testifying \
    reiterate reiterates reiterated reiterating \
    estimate estimates estimated indicate indicates indicated suggest suggests suggested \
    note notes noted reveal reveals revealed disclose discloses disclosed";

/// Speech verbs that are cues only next to a quotation or with "that".
const WEAK_CUES: &str = "add adds added adding \
    note notes noted noting \
    ask asks asked asking \
    write writes wrote written writing \
    estimate estimates estimated estimating \
    suggest suggests suggested suggesting \
    recall recalls recalled recalling \
    reply replies replied replying \
    respond responds responded responding \
    continue continues continued continuing \
    explain \
    remark remarks remarked remarking \
    comment comments commented commenting \
    observe observes observed observing \
    complain complains complained complaining \
    post posts posted posting \
    shout shouts shouted shouting \
    yell yells yelled yelling \
    recount recounts recounted recounting \
    agree agrees agreed \
    reveal reveals revealed revealing \
    disclose discloses disclosed disclosing \
    indicate indicates indicated indicating \
    believe believes believed \
    think thinks thought \
    maintain maintains maintained \
    concluded conclude concludes \
    boasted boast boasts \
    quipped joked joke jokes \
    wondered wonder wonders \
    demand demands demanded exclaim exclaims exclaimed retort retorts retorted \
    counter counters countered interject interjects interjected interrupted \
    mutter mutters muttered whisper whispers whispered scream screams screamed \
    cry cries cried plead pleads pleaded begged lament laments lamented \
    muse muses mused grumble grumbles grumbled protest protests protested \
    object objects objected reason reasons reasoned concur concurs concurred \
    snap snaps snapped sigh sighs sighed scoff scoffs scoffed fume fumes fumed \
    sing sings sang chant chants chanted brag brags bragged gush gushes gushed \
    proclaim proclaims proclaimed repeat repeats repeated answer answers answered \
    mention mentions mentioned type types typed text texts texted email emails emailed";

/// Verbs that characterise in a quotation: `called it "a disgrace"`.
const QUOTE_CUES: &str = "describe describes described describing call calls called calling \
    characterize characterizes characterized characterizing characterise characterises \
    characterised characterising dub dubs dubbed dubbing label labels labelled labeled \
    labelling labeling term terms termed brand brands branded praise praises praised \
    praising condemn condemns condemned condemning slam slams slammed slamming blast \
    blasts blasted criticise criticises criticised criticising criticize criticizes \
    criticized criticizing hail hails hailed hailing decry decries decried decrying \
    speak speaks spoke speaking quote quotes quoted quoting read reads";

/// Verbs of belief and cognition: their subject holds the reported view.
const BELIEF_VERBS: &str = "believe believes believed think thinks thought feel feels felt \
    fear fears feared hope hopes hoped expect expects expected worry worries worried \
    doubt doubts doubted suspect suspects suspected know knows knew understand understands \
    understood assume assumes assumed suppose supposes supposed reckon reckons reckoned \
    consider considers considered guess guesses guessed imagine imagines imagined \
    realize realizes realized realise realises realised recognize recognizes recognized \
    recognise recognises recognised agree agrees agreed disagree disagrees disagreed \
    conclude concludes concluded speculate speculates speculated contend contends contended \
    maintain maintains maintained believing thinking feeling fearing hoping expecting \
    worrying doubting suspecting knowing assuming";

/// Verbs of stance, volition and evidence: what a person or a document wants, proposes,
/// opposes or shows.
const STANCE_VERBS: &str = "want wants wanted wish wishes wished plan plans planned \
    intend intends intended propose proposes proposed support supports supported \
    oppose opposes opposed favor favors favored favour favours favoured endorse endorses \
    endorsed reject rejects rejected refuse refuses refused demand demands demanded \
    seek seeks sought recommend recommends recommended advocate advocates advocated \
    question questions questioned dispute disputes disputed accuse accuses accused \
    blame blames blamed cite cites cited show shows showed shown find finds found \
    defend defends defended threaten threatens threatened challenge challenges \
    challenged mention mentions mentioned acknowledge acknowledges acknowledged \
    project projects projected forecast forecasts predict predicts predicted \
    wanting planning proposing supporting opposing endorsing rejecting refusing demanding \
    seeking recommending advocating questioning disputing accusing blaming citing showing \
    defending threatening challenging mentioning predicting";

const TELL_CUES: &str = "tell tells told telling assure assures assured informed inform informs";

const PRONOUNS: &[(&str, u32)] = &[
    ("he", MALE),
    ("she", FEMALE),
    ("they", PLURAL),
    ("we", PLURAL),
    ("it", NEUTER),
    ("i", 0),
];

const DETS: &str = "the a an his her their its our this that these those another one two three \
    four several some many other both each";

/// Titles and role words that come before a name. Capitalised in text before a name.
const TITLES: &str = "mr mrs ms miss dr prof professor sir dame lord lady rev reverend \
    president vice prime minister secretary chancellor premier governor gov sen senator \
    rep representative congressman congresswoman mayor judge justice ambassador envoy \
    general gen col colonel lt lieutenant capt captain maj major sgt sergeant cmdr commander \
    admiral adm chief officer commissioner inspector superintendent detective constable \
    deputy spokesman spokeswoman spokesperson king queen prince princess sheikh emir pope \
    cardinal bishop imam ayatollah mullah attorney sheriff speaker leader chairman chairwoman \
    director foreign defence defense interior health finance home state justice \
    economy trade education police army opposition former acting candidate nominee \
    democratic republican democrat gop presidential hon pm mp mep";

const FUNCS: &str = "the a an but and or however meanwhile in on at as when while then also so \
    yet still later earlier now today yesterday this that these those last next after before \
    since if though although because there here what why how where who which his her their \
    its our my your mr";

const SKIPS: &str = "also later then again earlier previously has had have was is were would \
    will could did does do once further separately recently publicly privately reportedly \
    repeatedly initially first finally subsequently then simply just only already never \
    always often flatly strongly quickly still even now";

const STOPS: &str = "that which who whom whose when where while and but or because if as after \
    before since though although in on at of for with by from to into about over than \
    under during without against is was were are be been being has have had would will \
    could should can may might must do does did not no also said says told within there \
    through across along around near until upon via amid despite among between \
    it's what";

const CONNECTS: &str = "of for and al el bin ibn abu de del della di da du la le van von der den \
    dos das y st";

const ADVERBIALS: &str = "on in at during late early earlier later yesterday today tonight \
    last this on monday tuesday wednesday thursday friday saturday sunday recently previously \
    january february march april june july august september october november december \
    afterwards afterward separately again also further publicly privately repeatedly then \
    now";

/// Head nouns naming a person by role.
const ROLES: &str = "spokesman spokeswoman spokesperson minister president official officer \
    witness witnesses source sources resident residents chief commander governor mayor \
    director leader secretary ambassador envoy analyst analysts expert experts doctor \
    doctors survivor survivors victim relative relatives neighbour neighbor neighbours \
    neighbors man woman father mother brother sister son daughter wife husband friend \
    officials officers spokespeople activist activists lawyer attorney prosecutor \
    prosecutors judge senator congressman congresswoman candidate nominee chairman \
    chairwoman adviser advisor aide aides diplomat diplomats commissioner sheriff \
    superintendent inspector detective general colonel captain lieutenant sergeant \
    representative representatives member members eyewitness eyewitnesses \
    people staff critics family families parents students crew troops soldiers citizens \
    locals villagers colleagues aide";

/// Head nouns naming an organisation or group.
const GROUPS: &str = "ministry police army military government agency group authorities \
    authority department office council committee commission militants rebels company \
    firm observatory organisation organization campaign statement report media newspaper \
    agency force forces service services coalition party administration pentagon \
    regime embassy court hospital network channel television radio union board team";

/// Every listed word with its class bits, in list order (a word in several lists appears
/// several times; the table merges its bits).
fn entries() -> Vec<(&'static str, u32)> {
    let mut m = Vec::new();
    let mut add = |list: &'static str, bit: u32| {
        for w in list.split_whitespace() {
            m.push((w, bit));
        }
    };
    add(STRONG_CUES, CUE);
    add(WEAK_CUES, CUE_WEAK);
    add(TELL_CUES, TELL | CUE);
    add(QUOTE_CUES, QCUE);
    add(BELIEF_VERBS, BELIEF);
    add(STANCE_VERBS, STANCE);
    add(
        "at of from with within for in through across along around near into about over \
         under during without against among between by on",
        PREP,
    );
    add(
        "statement statements message messages tweet tweets letter post posts email release \
         remarks comments speech account website poll polls survey surveys study studies \
         analysis report reports research memo document documents transcript ruling \
         article editorial ad",
        DOCNOUN,
    );
    add(DETS, DET);
    add(TITLES, TITLE);
    add(FUNCS, FUNC);
    add(SKIPS, SKIP);
    add(STOPS, STOP);
    add(CONNECTS, CONNECT);
    add(ADVERBIALS, ADVERBIAL);
    add(ROLES, ROLE);
    add(GROUPS, GROUP);
    add("according", ACCORDING);
    add("that", THAT);
    add("to", TO);
    add("was were been be is are being", BE);
    for (w, bits) in PRONOUNS {
        m.push((w, PRONOUN | bits));
    }
    m
}

static TABLE: Lazy<WordTable<u32>> = Lazy::new(|| WordTable::build(entries(), |a, b| a | b));

/// The class bits of one word (any case). Words longer than 16 bytes (no listed word is)
/// or not ASCII have none.
pub fn word_bits(word: &str) -> u32 {
    bits_at(&TABLE, word, 0, word.len())
}

/// The bits of `text[start..end]` (a word token), the trailing period of an abbreviation
/// (`Rep.`, `Sen.`) left out.
#[inline(always)]
fn bits_at(table: &WordTable<u32>, text: &str, start: usize, end: usize) -> u32 {
    let b = text.as_bytes();
    let mut len = end.saturating_sub(start);
    if len > 1 && b.get(end - 1) == Some(&b'.') {
        len -= 1;
    }
    table.get_in(b, start, len).unwrap_or(0)
}

/// The class bits of every token of the document (0 for non-words).
pub fn classify(doc: &Document) -> Vec<u32> {
    let table = &*TABLE;
    let text = doc.text.as_str();
    let mut bits = vec![0u32; doc.tokens.len()];
    for (slot, t) in bits.iter_mut().zip(&doc.tokens) {
        if matches!(t.kind, TokenKind::Word) {
            *slot = bits_at(table, text, t.span.start, t.span.end);
        }
    }
    bits
}

/// The word table (forced once, so that a loop over the tokens does not test the lazy
/// initialisation for every word).
pub(crate) fn table() -> &'static WordTable<u32> {
    &TABLE
}

/// The class bits of one word token of `text` (what [`classify`] gives it), for a caller
/// that walks the tokens itself; `table` is [`table`].
#[inline]
pub(crate) fn word_token_bits(table: &WordTable<u32>, text: &str, t: &Token) -> u32 {
    bits_at(table, text, t.span.start, t.span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_in_every_tense() {
        for w in ["say", "Says", "SAID", "saying", "told", "denied", "tweeted"] {
            assert!(word_bits(w) & CUE != 0, "{w}");
        }
        assert!(word_bits("added") & CUE_WEAK != 0);
        assert!(word_bits("told") & TELL != 0);
        assert_eq!(word_bits("Damascus"), 0);
        assert_eq!(word_bits("Erdoğan"), 0);
        assert_eq!(word_bits("Rep.") & TITLE, TITLE);
        assert_eq!(word_bits("."), 0);
    }

    #[test]
    fn every_listed_word_fits_the_table() {
        for (w, _) in entries() {
            assert!(
                w.len() <= crate::quotes::words::MAX_WORD && w.is_ascii(),
                "{w}"
            );
            assert!(!w.bytes().any(|b| b.is_ascii_uppercase()), "{w}");
        }
    }
}
