//! The casualty stage's word tables, in one place: kind cues, victim nouns, auxiliaries,
//! triggers, and the words that mark a number as something other than a count of people.
//!
//! Every table is a `match` over the ASCII-lower-cased word, so lookups cost a few
//! comparisons and no hashing. Words come from how news reports write casualties, not from
//! any evaluation set.

/// A casualty kind as the stage reasons about it: the contract's six kinds plus `Shot`
/// ("three people were shot": killed or injured, decided by the totals).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IKind {
    /// Killed, dead, died.
    Killed,
    /// Injured, wounded, hurt.
    Injured,
    /// Missing.
    Missing,
    /// Kidnapped, abducted, taken hostage.
    Kidnapped,
    /// Displaced, fled, homeless, evacuated.
    Displaced,
    /// Arrested, detained.
    Arrested,
    /// Shot (killed or injured; never output as a figure).
    Shot,
}

/// A participle or adjective that says what happened to a subject ("were killed",
/// "died", "are missing"), read after the subject and its auxiliaries.
pub fn participle(w: &str) -> Option<IKind> {
    use IKind::*;
    Some(match w {
        "killed" | "dead" | "died" | "die" | "dies" | "slain" | "murdered" | "perished"
        | "executed" | "beheaded" | "drowned" | "massacred" | "assassinated" | "electrocuted"
        | "crushed" | "deceased" => Killed,
        "injured" | "wounded" | "hurt" | "hospitalized" | "hospitalised" | "maimed" => Injured,
        "missing" => Missing,
        "kidnapped" | "abducted" | "kidnaped" => Kidnapped,
        "displaced" | "evacuated" | "homeless" | "fled" | "uprooted" | "relocated" => Displaced,
        "arrested" | "detained" | "apprehended" => Arrested,
        "shot" => Shot,
        _ => return None,
    })
}

/// An active verb that takes the count as its object ("killing 20", "kill 119",
/// "wounded 12 others").
pub fn active_verb(w: &str) -> Option<IKind> {
    use IKind::*;
    Some(match w {
        "kill" | "kills" | "killed" | "killing" | "slew" | "slay" | "slays" | "murdered"
        | "murdering" | "murder" | "murders" | "massacred" | "executed" | "executing" => Killed,
        "injure" | "injures" | "injured" | "injuring" | "wound" | "wounds" | "wounded"
        | "wounding" | "hurt" | "hurting" | "hospitalized" | "hospitalised" => Injured,
        "kidnap" | "kidnaps" | "kidnapped" | "kidnapping" | "abduct" | "abducts" | "abducted"
        | "abducting" | "seized" | "seize" | "seizing" => Kidnapped,
        "arrest" | "arrests" | "arrested" | "arresting" | "detain" | "detains" | "detained"
        | "detaining" => Arrested,
        "displace" | "displaces" | "displaced" | "displacing" | "evacuate" | "evacuates"
        | "evacuated" | "evacuating" => Displaced,
        "shot" | "shoot" | "shoots" | "shooting" => Shot,
        _ => return None,
    })
}

/// A noun that is itself the head of a casualty figure ("119 dead", "57 deaths",
/// "12 injuries", "20 hostages").
pub fn cue_noun(w: &str) -> Option<IKind> {
    use IKind::*;
    Some(match w {
        "dead" | "deaths" | "death" | "fatalities" | "fatality" | "bodies" | "body" | "lives"
        | "life" | "killed" | "corpses" => Killed,
        "injured" | "wounded" | "injuries" | "hurt" => Injured,
        "missing" => Missing,
        "hostages" | "hostage" | "kidnapped" | "abducted" => Kidnapped,
        "displaced" | "homeless" | "evacuees" => Displaced,
        "arrests" | "arrested" | "detainees" | "detained" => Arrested,
        _ => return None,
    })
}

/// Adjectives that end a "left N dead" clause.
pub fn result_adjective(w: &str) -> Option<IKind> {
    use IKind::*;
    Some(match w {
        "dead" => Killed,
        "injured" | "wounded" | "hurt" => Injured,
        "missing" => Missing,
        "homeless" | "displaced" => Displaced,
        _ => return None,
    })
}

/// Verbs of "left N dead": the count is followed by the result adjective.
pub fn is_resultative(w: &str) -> bool {
    // "left 12 dead"; "officers found the man dead": found with a result adjective
    matches!(
        w,
        "left" | "leaving" | "leaves" | "leave" | "found" | "finding" | "discovered"
    )
}

/// Victim nouns: `Some(true)` for a singular person noun, `Some(false)` for plural.
pub fn victim_noun(w: &str) -> Option<bool> {
    Some(match w {
        "man" | "woman" | "boy" | "girl" | "child" | "person" | "teen" | "teenager" | "baby"
        | "infant" | "toddler" | "soldier" | "officer" | "policeman" | "policewoman"
        | "civilian" | "victim" | "student" | "passenger" | "resident" | "worker" | "driver"
        | "pedestrian" | "motorist" | "bystander" | "suspect" | "gunman" | "shooter"
        | "attacker" | "bomber" | "militant" | "fighter" | "worshipper" | "worshiper"
        | "pilgrim" | "protester" | "protestor" | "member" | "guard" | "deputy" | "trooper"
        | "agent" | "journalist" | "reporter" | "doctor" | "nurse" | "teacher" | "youth"
        | "juvenile" | "male" | "female" | "adult" | "customer" | "employee" | "cyclist"
        | "occupant" | "tourist" | "inmate" | "prisoner" | "patient" | "guest" | "daughter"
        | "son" | "mother" | "father" | "brother" | "sister" | "wife" | "husband" | "friend"
        | "relative" | "neighbor" | "neighbour" | "clerk" | "firefighter" | "marine" | "sailor"
        | "pilot" | "crewman" | "rebel" | "insurgent" | "jihadist" | "constable" | "sergeant"
        | "lieutenant" | "captain" | "sheriff" | "individual" | "kid" | "senior" | "homeowner"
        | "peacekeeper" | "volunteer" | "miner" | "farmer" | "villager" | "refugee" | "migrant"
        | "hiker" | "swimmer" | "fisherman" | "spectator" | "fan" | "shopper" | "diner"
        | "colleague" | "classmate" | "roommate" | "girlfriend" | "boyfriend" | "uncle"
        | "aunt" | "cousin" | "grandmother" | "grandfather" | "nephew" | "niece" | "citizen"
        | "national" | "contractor" | "diplomat" | "official" | "commander" | "leader"
        | "patron" | "cashier" | "owner" | "bartender" | "bouncer" | "tenant" | "landlord"
        | "coworker" | "co-worker" | "manager" | "attendant" | "courier" | "rapper" | "singer"
        | "player" | "athlete" | "coach" | "pastor" | "priest" | "grandson" | "granddaughter"
        | "stepfather" | "stepson" | "partner" | "acquaintance" | "stranger" | "intruder"
        | "burglar" | "robber" | "carjacker" | "minor" | "newborn" | "marshal" | "ranger"
        | "photographer" | "photojournalist" | "cameraman" | "motorcyclist" | "hunter"
        | "shopkeeper" | "vendor" | "trucker" => true,
        "people" | "persons" | "men" | "women" | "boys" | "girls" | "children" | "kids"
        | "teens" | "teenagers" | "babies" | "infants" | "soldiers" | "officers" | "civilians"
        | "victims" | "students" | "passengers" | "residents" | "workers" | "drivers"
        | "pedestrians" | "motorists" | "bystanders" | "suspects" | "attackers" | "bombers"
        | "militants" | "fighters" | "worshippers" | "worshipers" | "pilgrims" | "protesters"
        | "protestors" | "members" | "guards" | "deputies" | "troopers" | "agents"
        | "journalists" | "reporters" | "doctors" | "nurses" | "teachers" | "youths"
        | "juveniles" | "males" | "females" | "adults" | "customers" | "employees" | "cyclists"
        | "occupants" | "tourists" | "inmates" | "prisoners" | "patients" | "guests" | "troops"
        | "personnel" | "others" | "relatives" | "neighbors" | "neighbours" | "firefighters"
        | "marines" | "sailors" | "pilots" | "crew" | "crewmen" | "rebels" | "insurgents"
        | "jihadists" | "shooters" | "policemen" | "policewomen" | "constables" | "individuals"
        | "seniors" | "peacekeepers" | "volunteers" | "miners" | "farmers" | "villagers"
        | "refugees" | "migrants" | "hikers" | "swimmers" | "fishermen" | "spectators" | "fans"
        | "shoppers" | "diners" | "family" | "families" | "citizens" | "nationals"
        | "contractors" | "diplomats" | "officials" | "commanders" | "leaders" | "hostages"
        | "casualties" | "servicemen" | "servicemembers" | "staff" | "staffers" | "cops"
        | "friends" | "siblings" | "sons" | "daughters" | "brothers" | "sisters" | "parents"
        | "gunmen" | "assailants" | "forces" | "accused" | "patrons" | "cashiers" | "owners"
        | "tenants" | "coworkers" | "co-workers" | "players" | "athletes" | "robbers"
        | "burglars" | "intruders" | "hunters" | "photographers" | "photojournalists"
        | "partygoers" | "concertgoers" | "churchgoers" | "survivors" | "more" => false,
        _ => return None,
    })
}

/// Words that may stand between a subject and its participle ("were reportedly killed",
/// "have been confirmed dead", "was later found dead").
pub fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "was" | "since"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "been"
            | "being"
            | "be"
            | "will"
            | "would"
            | "may"
            | "might"
            | "could"
            | "reportedly"
            | "also"
            | "later"
            | "confirmed"
            | "believed"
            | "feared"
            | "reported"
            | "thought"
            | "known"
            | "all"
            | "still"
            | "now"
            | "subsequently"
            | "critically"
            | "seriously"
            | "badly"
            | "slightly"
            | "severely"
            | "fatally"
            | "mortally"
            | "gravely"
            | "who"
            | "that"
            | "then"
            | "allegedly"
            | "apparently"
            | "presumed"
            | "said"
            | "found"
            | "pronounced"
            | "declared"
            | "left"
            | "lay"
            | "lie"
            | "lying"
            | "remain"
            | "remained"
            | "remains"
            | "already"
            | "both"
            | "either"
            | "not"
            | "instantly"
            | "immediately"
            | "eventually"
            | "just"
            | "initially"
            | "originally"
            | "officially"
            | "likely"
            | "listed"
            | "among"
            | "further"
            | "each"
            | "injured,"
            | "wounded,"
            | "got"
            | "get"
            | "gets"
    )
}

/// Words that may follow a count directly without making it a count of something else
/// ("killing 5 in Homs", "killed 5, including").
pub fn is_follow_ok(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "and"
            | "as"
            | "when"
            | "during"
            | "after"
            | "before"
            | "since"
            | "while"
            | "including"
            | "across"
            | "near"
            | "inside"
            | "outside"
            | "from"
            | "with"
            | "by"
            | "of"
            | "so"
            | "last"
            | "this"
            | "late"
            | "early"
            | "overnight"
            | "yesterday"
            | "today"
            | "earlier"
            | "more"
            | "others"
            | "people"
            | "or"
            | "but"
            | "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "had"
            | "has"
            | "who"
            | "among"
            | "under"
            | "over"
            | "along"
            | "around"
            | "within"
            | "throughout"
            | "into"
            | "to"
            | "mostly"
            | "mainly"
            | "many"
            | "most"
            | "some"
            | "all"
            | "both"
            | "according"
            | "said"
            | "police"
            | "officials"
            | "following"
            | "amid"
            | "each"
            | "despite"
            | "due"
    )
}

/// Qualifier-like adverbs between a count and its participle that make the figure a part
/// of another ("one fatally", "two critically").
pub fn is_fatally(w: &str) -> bool {
    matches!(w, "fatally" | "mortally")
}

/// Nouns and units that make a number something other than a count of people.
pub fn non_people(w: &str) -> bool {
    matches!(
        w,
        "years"
            | "year"
            | "months"
            | "month"
            | "weeks"
            | "week"
            | "days"
            | "day"
            | "hours"
            | "hour"
            | "minutes"
            | "minute"
            | "seconds"
            | "second"
            | "decades"
            | "decade"
            | "miles"
            | "mile"
            | "km"
            | "kilometres"
            | "kilometers"
            | "metres"
            | "meters"
            | "feet"
            | "foot"
            | "yards"
            | "inches"
            | "percent"
            | "per"
            | "%"
            | "dollars"
            | "pounds"
            | "euros"
            | "rupees"
            | "attacks"
            | "attack"
            | "times"
            | "votes"
            | "vote"
            | "points"
            | "point"
            | "shots"
            | "rounds"
            | "bullets"
            | "cars"
            | "vehicles"
            | "buildings"
            | "homes"
            | "houses"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "a.m"
            | "p.m"
            | "o'clock"
            | "gmt"
            | "bombs"
            | "incidents"
            | "cases"
            | "counts"
            | "charges"
            | "tons"
            | "tonnes"
            | "kg"
            | "pm,"
            | "am,"
            | "acres"
            | "villages"
            | "towns"
            | "cities"
            | "countries"
            | "states"
            | "districts"
            | "provinces"
            | "block"
            | "blocks"
            | "shootings"
            | "homicides"
            | "murders"
            | "killings"
            | "games"
            | "goals"
            | "seats"
            | "magnitude"
            | "degrees"
            | "million"
            | "billion"
            | "grade"
            | "th"
            | "st"
            | "nd"
            | "rd"
            | "mph"
            | "calibre"
            | "caliber"
            | "mm"
            | "guns"
            | "weapons"
            | "rifles"
            | "handguns"
            | "firearms"
    )
}

/// A day of the week, lower-cased.
pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Months (a number next to one is a date).
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// Words before a number that make it not a count ("aged 63", "Route 66", "No. 5").
pub fn non_count_before(w: &str) -> bool {
    matches!(
        w,
        "aged"
            | "age"
            | "ages"
            | "number"
            | "no"
            | "no."
            | "route"
            | "highway"
            | "page"
            | "chapter"
            | "article"
            | "resolution"
            | "flight"
            | "room"
            | "apartment"
            | "unit"
            | "suite"
            | "interstate"
            | "i"
            | "$"
            | "£"
            | "€"
            | "us$"
            | "rs"
            | "rs."
            | "channel"
            | "district"
            | "precinct"
            | "ward"
            | "grade"
            | "level"
            | "category"
            | "section"
            | "code"
            | "at"
            | "until"
            | "till"
            | "by"
            | "version"
            | "phase"
            | "hwy"
            | "sr"
            | "us"
            | "cr"
    )
}

/// Words that mark a sentence as background (earlier events, statistics), kept out of
/// the totals.
pub fn background_word(w: &str) -> bool {
    matches!(
        w,
        "annually"
            | "yearly"
            | "statistics"
            | "decade"
            | "previous"
            | "anniversary"
            | "history"
            | "homicides"
            | "shootings"
            | "citywide"
            | "nationwide"
            | "statewide"
            | "countywide"
            | "year-to-date"
    )
}

/// Verbs of a revised toll ("rose to", "climbed to", "now stands at").
pub fn is_revision_verb(w: &str) -> bool {
    matches!(
        w,
        "rose" | "risen" | "rise" | "rises" | "climbed" | "climb" | "climbs" | "increased"
            | "jumped" | "reached" | "hit" | "raising" | "raised" | "bringing" | "brought"
            | "brings" | "mounted" | "soared" | "grew" | "grown" | "now" | "updated" | "revised"
            | "rising" | "climbing" | "increasing" | "exceeded" | "surpassed" | "topped"
            | "passed" | "reaching" | "previous" | "increase" | "increases"
    )
}

/// Words that name the toll itself ("death toll", "the toll", "number of dead").
pub fn is_toll(w: &str) -> bool {
    matches!(w, "toll" | "tolls" | "tally" | "count")
}

/// Trigger phrases (events that cause casualties), longest first within a first word.
pub const TRIGGERS: &[&[&str]] = &[
    &["suicide", "car", "bombing"],
    &["suicide", "car", "bomb"],
    &["suicide", "bombing"],
    &["suicide", "bomber"],
    &["suicide", "bombers"],
    &["suicide", "attack"],
    &["car", "bombing"],
    &["car", "bomb"],
    &["car", "bombs"],
    &["truck", "bomb"],
    &["roadside", "bomb"],
    &["air", "strike"],
    &["air", "strikes"],
    &["air", "raid"],
    &["air", "raids"],
    &["drone", "strike"],
    &["drone", "strikes"],
    &["mass", "shooting"],
    &["airstrike"],
    &["airstrikes"],
    &["bombing"],
    &["bombings"],
    &["explosion"],
    &["explosions"],
    &["blast"],
    &["blasts"],
    &["shooting"],
    &["shootings"],
    &["gunfire"],
    &["stabbing"],
    &["earthquake"],
    &["quake"],
    &["flood"],
    &["floods"],
    &["flooding"],
    &["landslide"],
    &["landslides"],
    &["tsunami"],
    &["hurricane"],
    &["typhoon"],
    &["cyclone"],
    &["storm"],
    &["tornado"],
    &["avalanche"],
    &["fire"],
    &["wildfire"],
    &["wildfires"],
    &["blaze"],
    &["crash"],
    &["collision"],
    &["derailment"],
    &["shelling"],
    &["rocket", "attack"],
    &["mortar", "attack"],
    &["ambush"],
    &["clashes"],
    &["attack"],
    &["attacks"],
    &["stampede"],
];

/// Person pronouns in the singular.
pub fn singular_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she")
}

/// Nouns for the attackers: when they are killed or hurt they are counted on top of the
/// victims' figures (which rarely include them).
pub fn is_attacker(w: &str) -> bool {
    matches!(
        w,
        "gunman" | "shooter" | "attacker" | "bomber" | "assailant" | "perpetrator" | "hijacker"
    )
}
