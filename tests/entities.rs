//! Entity cascade with the embedded gazetteers, on sentences written for these tests.

use byline::{Document, Extractor, Label};

fn extract(text: &str) -> Document {
    Extractor::new().extract(text)
}

fn find<'d>(doc: &'d Document, label: Label, form: &str) -> Option<&'d byline::Entity> {
    doc.entities
        .iter()
        .find(|e| e.label == label && e.mentions.iter().any(|m| m.span.text(&doc.text) == form))
}

#[test]
fn arabic_article_variants_are_one_place() {
    let doc =
        extract("Fighters left Ar-Raqqah. Later they returned to Al-Raqqah, then to Raqqa city.");
    let locs: Vec<_> = doc
        .entities
        .iter()
        .filter(|e| e.label == Label::Loc)
        .collect();
    assert_eq!(locs.len(), 1, "{:?}", doc.entities);
    let forms: Vec<&str> = locs[0]
        .mentions
        .iter()
        .map(|m| m.span.text(&doc.text))
        .collect();
    assert_eq!(forms, ["Ar-Raqqah", "Al-Raqqah", "Raqqa"]);
    assert!(locs[0].kb_id.is_some());
}

#[test]
fn a_surname_alone_joins_the_person_not_the_irish_county() {
    let doc = extract(
        "US secretary of state John Kerry flew to Geneva on Friday. Mr Kerry met his \
         Russian counterpart there, and Kerry later spoke to reporters.",
    );
    let kerry = find(&doc, Label::Per, "John Kerry").expect("John Kerry");
    assert_eq!(kerry.mentions.len(), 3);
    assert_eq!(
        kerry.mentions[1].title.map(|t| t.text(&doc.text)),
        Some("Mr")
    );
    assert!(find(&doc, Label::Loc, "Kerry").is_none());
    assert!(find(&doc, Label::Loc, "US").is_some());
    assert!(find(&doc, Label::Loc, "Geneva").is_some());
}

#[test]
fn titles_stay_out_of_the_name() {
    let doc = extract(
        "Syrian President Bashar al-Assad met Emergencies Minister Yevgeny Zinichev in \
         Damascus, while Coast Guard Commandant Admiral Elson Hermogino stayed in Manila.",
    );
    let assad = find(&doc, Label::Per, "Bashar al-Assad").expect("Assad");
    assert_eq!(
        assad.mentions[0].title.map(|t| t.text(&doc.text)),
        Some("Syrian President")
    );
    assert!(find(&doc, Label::Per, "Yevgeny Zinichev").is_some());
    assert!(find(&doc, Label::Per, "Elson Hermogino").is_some());
    assert!(find(&doc, Label::Norp, "Syrian").is_some());
}

#[test]
fn organisations_by_their_inside_and_acronyms() {
    let doc = extract(
        "The Syrian Army shelled the town. The National Disaster Risk Reduction and \
         Management Council said the NDRRMC would publish figures. Islamic State fighters \
         fled; IS later denied it.",
    );
    assert!(find(&doc, Label::Org, "Syrian Army").is_some());
    let council = find(
        &doc,
        Label::Org,
        "National Disaster Risk Reduction and Management Council",
    )
    .expect("council");
    assert!(council
        .mentions
        .iter()
        .any(|m| m.span.text(&doc.text) == "NDRRMC"));
    let is = find(&doc, Label::Org, "Islamic State").expect("IS");
    assert!(is.mentions.iter().any(|m| m.span.text(&doc.text) == "IS"));
}

#[test]
fn headlines_and_datelines() {
    let doc = extract(
        "Blast Kills Dozens In Port Salim\n\nPORT SALIM, March 3 (Reuters) - A truck bomb \
         exploded near the market on Tuesday, police said.",
    );
    let place = find(&doc, Label::Loc, "PORT SALIM").expect("dateline place");
    assert_eq!(place.mentions[0].provenance.rule, "names.dateline");
    assert!(find(&doc, Label::Org, "Reuters").is_some());
    // "March" is a month here, "Blast" and "Dozens" are not names.
    for e in &doc.entities {
        assert!(
            !["March", "Blast", "Dozens"].contains(&e.name.as_str()),
            "{e:?}"
        );
    }
}

#[test]
fn context_types_names_no_list_knows() {
    let doc = extract(
        "The bomb went off in the Karam district of Port Salim. Witnesses saw the truck \
         in Ain Qasr. The Spanish newspaper El Pais reported that Zorvan Kell was arrested.",
    );
    assert!(find(&doc, Label::Loc, "Karam").is_some());
    assert!(find(&doc, Label::Loc, "Port Salim").is_some());
    assert!(find(&doc, Label::Loc, "Ain Qasr").is_some());
    assert!(find(&doc, Label::Org, "El Pais").is_some());
}

#[test]
fn sports_clubs_named_after_places() {
    let doc = extract(
        "CRICKET - COUNTY RESULTS\nLONDON 1996-08-30\nSomerset 83 and 174 ( P. Simmons 4-38 ) , \
         Leicestershire 296 .",
    );
    assert!(
        find(&doc, Label::Org, "Somerset").is_some(),
        "{:?}",
        doc.entities
    );
    assert!(find(&doc, Label::Org, "Leicestershire").is_some());
    assert!(find(&doc, Label::Per, "P. Simmons").is_some());
    assert!(find(&doc, Label::Loc, "LONDON").is_some());
    assert!(!doc
        .entities
        .iter()
        .any(|e| e.name.eq_ignore_ascii_case("cricket")));
}
