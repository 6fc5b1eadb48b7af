//! Tests of the entity phases on sentences written for them, with small user lists so that
//! they do not depend on the embedded data.

use crate::{Document, Extractor, Label};

const LISTS: &str = "\
John Kerry\tJohn Kerry\tPER\tminister\tQ22316\t90\ttest\tsex=m
Sergei\tSergei\tGIVEN\tm\tgiven:sergei\t1000\ttest\t
John\tJohn\tGIVEN\tm\tgiven:john\t100000\ttest\t
Kerry\tCounty Kerry\tLOC\tregion\tgeonames:2963517\t147000\ttest\t
Kerry\tKerry\tSURNAME\t\tsurname:kerry\t5000\ttest\t
Homs\tHoms\tLOC\tcity\tgeonames:169577\t775404\ttest\tcountry=SY
Damascus\tDamascus\tLOC\tcity\tgeonames:170654\t1569394\ttest\tcountry=SY;capital=1
Syria\tSyria\tLOC\tcountry\tQ858\t22000000\ttest\tcountry=SY
Syrian\tSyrian\tNORP\tnationality\tnorp:SY\t90\ttest\tcountry=SY
Russian\tRussian\tNORP\tnationality\tnorp:RU\t90\ttest\tcountry=RU
President\tPresident\tTITLE\tpolitical\ttitle:president\t90\ttest\t
Mr\tMr\tTITLE\thonorific\ttitle:mr\t90\ttest\tsex=m
Foreign Minister\tForeign Minister\tTITLE\tpolitical\ttitle:foreign-minister\t90\ttest\t
secretary of state\tSecretary of State\tTITLE\tpolitical\ttitle:secretary-of-state\t90\ttest\t
Islamic State\tIslamic State\tORG\tarmed_group\tQ2429253\t90\ttest\t
ISIS\tIslamic State\tORG\tarmed_group\tQ2429253\t80\ttest\t
Reuters\tReuters\tORG\tnews_agency\tQ130879\t90\ttest\t
";

fn extract(text: &str) -> Document {
    Extractor::builder()
        .without_default_gazetteers()
        .gazetteer_tsv("test-lists", LISTS)
        .build()
        .unwrap()
        .extract(text)
}

fn entity<'d>(doc: &'d Document, name: &str) -> &'d crate::Entity {
    doc.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", summary(doc)))
}

fn summary(doc: &Document) -> Vec<String> {
    doc.entities
        .iter()
        .map(|e| {
            let forms: Vec<&str> = e.mentions.iter().map(|m| m.span.text(&doc.text)).collect();
            format!("{} {} {:?}", e.label, e.name, forms)
        })
        .collect()
}

#[test]
fn title_and_name_make_a_person_with_the_title_apart() {
    let doc = extract("Syrian President Bashar al-Assad spoke on Sunday.");
    let e = entity(&doc, "Bashar al-Assad");
    assert_eq!(e.label, Label::Per);
    let m = &e.mentions[0];
    assert_eq!(m.span.text(&doc.text), "Bashar al-Assad");
    assert_eq!(m.title.unwrap().text(&doc.text), "Syrian President");
    assert_eq!(m.provenance.rule, "names.title_name");
    // The nationality inside the title is still a NORP mention.
    assert!(doc
        .entities
        .iter()
        .any(|e| e.label == Label::Norp && e.name == "Syrian"));
}

#[test]
fn surname_joins_the_full_name_even_when_a_place_has_it() {
    let doc =
        extract("John Kerry arrived in Amman. Later, Mr Kerry met officials. Kerry said little.");
    let e = entity(&doc, "John Kerry");
    let forms: Vec<&str> = e.mentions.iter().map(|m| m.span.text(&doc.text)).collect();
    assert_eq!(forms, vec!["John Kerry", "Kerry", "Kerry"]);
    assert!(!doc
        .entities
        .iter()
        .any(|e| e.label == Label::Loc && e.name == "County Kerry"));
    assert_eq!(e.sex, Some(crate::Sex::Male));
}

#[test]
fn nationality_plus_organisation_head_is_an_organisation() {
    let doc = extract("The Syrian Army pushed north while the Syrian Opposition waited.");
    assert_eq!(entity(&doc, "Syrian Army").label, Label::Org);
    assert_eq!(entity(&doc, "Syrian Opposition").label, Label::Org);
    assert!(!doc.entities.iter().any(|e| e.label == Label::Norp));
}

#[test]
fn lower_case_title_before_a_given_name() {
    let doc = extract("He called his Russian counterpart Sergei Lavrov on Saturday.");
    let e = entity(&doc, "Sergei Lavrov");
    assert_eq!(e.label, Label::Per);
}

#[test]
fn gazetteer_places_and_acronyms_share_ids() {
    let doc =
        extract("Islamic State fighters attacked Homs. ISIS later claimed the attack in Homs.");
    let is = entity(&doc, "Islamic State");
    assert_eq!(is.mentions.len(), 2);
    assert_eq!(is.kb_id.as_deref(), Some("Q2429253"));
    let homs = entity(&doc, "Homs");
    assert_eq!(homs.label, Label::Loc);
    assert_eq!(homs.mentions.len(), 2);
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    let doc =
        extract("However, the talks failed. Police said nothing. Meanwhile Damascus was quiet.");
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, vec!["Damascus"]);
}

#[test]
fn context_types_unknown_names() {
    let doc = extract("The blast hit the Karam district. Rebels fled to Ain Qasr. The Spanish newspaper El Pais reported it.");
    assert_eq!(entity(&doc, "Karam").label, Label::Loc);
    assert_eq!(entity(&doc, "Ain Qasr").label, Label::Loc);
    assert_eq!(entity(&doc, "El Pais").label, Label::Org);
}

#[test]
fn organisation_leads_and_heads() {
    let doc = extract("The Ministry of Defence said the Northern Front had retreated.");
    assert_eq!(entity(&doc, "Ministry of Defence").label, Label::Org);
    assert_eq!(entity(&doc, "Northern Front").label, Label::Org);
}

#[test]
fn headline_words_need_the_body() {
    let doc = extract(
        "Homs Blast Kills Dozens As Talks Stall\n\nA blast hit Homs on Sunday, Reuters said.",
    );
    let names: Vec<&str> = doc.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Homs"));
    assert!(names.contains(&"Reuters"));
    assert!(!names
        .iter()
        .any(|n| n.contains("Blast") || n.contains("Talks")));
    assert_eq!(entity(&doc, "Homs").mentions.len(), 2);
}

#[test]
fn mention_offsets_are_exact() {
    let doc = extract("“Syria” — Foreign Minister Sergei Lavrov met John Kerry in Damascus.");
    for e in &doc.entities {
        for m in &e.mentions {
            assert_eq!(m.span.text(&doc.text), &doc.text[m.span.start..m.span.end]);
        }
    }
    assert_eq!(
        entity(&doc, "Sergei Lavrov").mentions[0]
            .title
            .unwrap()
            .text(&doc.text),
        "Foreign Minister"
    );
}
