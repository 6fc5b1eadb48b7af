//! Quotes and speakers over short news paragraphs written for these tests.

use byline::{Document, Extractor, QuoteKind};

fn extract(text: &str) -> Document {
    Extractor::new().extract(text)
}

/// (content, kind, speaker as written) of every quote.
fn quotes(doc: &Document) -> Vec<(&str, QuoteKind, &str)> {
    doc.quotes
        .iter()
        .map(|q| {
            (
                q.span.text(&doc.text),
                q.kind,
                q.speaker.as_ref().map_or("", |s| s.span.text(&doc.text)),
            )
        })
        .collect()
}

fn find<'d>(doc: &'d Document, needle: &str) -> (&'d str, QuoteKind, &'d str) {
    // Quotations in marks first, then reported speech.
    let mut all = quotes(doc);
    all.sort_by_key(|q| q.1 == QuoteKind::Indirect);
    all.into_iter()
        .find(|(t, _, _)| t.contains(needle))
        .unwrap_or_else(|| panic!("no quote containing {needle:?} in {:?}", quotes(doc)))
}

#[test]
fn quote_comma_name_cue() {
    let doc = extract("\"The bridge will reopen next week,\" Marta Olsen said on Monday.");
    let (t, k, s) = find(&doc, "bridge");
    assert_eq!(t, "The bridge will reopen next week,");
    assert_eq!(k, QuoteKind::Direct);
    assert_eq!(s, "Marta Olsen");
    let q = &doc.quotes[0];
    assert_eq!(q.cue.unwrap().text(&doc.text), "said");
    assert_eq!(q.provenance.rule, "quotes.quote_comma_name_cue");
}

#[test]
fn quote_comma_cue_name_strips_titles() {
    let doc = extract("\"We are not leaving,\" said Interior Minister Tomas Varga.");
    assert_eq!(find(&doc, "leaving").2, "Tomas Varga");
}

#[test]
fn name_cue_colon_quote() {
    let doc = extract("The governor told reporters: \"Every family will be housed by winter.\"");
    let (_, k, s) = find(&doc, "Every family");
    assert_eq!(k, QuoteKind::Direct);
    assert_eq!(s, "The governor");
}

#[test]
fn appositive_speaker() {
    let doc =
        extract("\"The fire is contained,\" Ravi Menon, a spokesman for the fire service, said.");
    assert_eq!(find(&doc, "contained").2, "Ravi Menon");
    let doc =
        extract("Ravi Menon, a spokesman for the fire service, said: \"The fire is contained.\"");
    assert_eq!(find(&doc, "contained").2, "Ravi Menon");
}

#[test]
fn dash_attribution() {
    let doc = extract("\"Nobody is above the law\" - Commissioner Hana Lutz");
    assert_eq!(find(&doc, "above the law").2, "Hana Lutz");
}

#[test]
fn pronoun_and_description_speakers() {
    let doc = extract(
        "\"They came at night,\" a police spokesman said. \"We heard shots,\" she told the radio.",
    );
    assert_eq!(find(&doc, "came at night").2, "a police spokesman");
    assert_eq!(find(&doc, "heard shots").2, "she");
}

#[test]
fn partial_quote_inside_reported_speech() {
    let doc =
        extract("He said any deal must ensure that \"armed groups are disarmed within a month\".");
    let (_, k, s) = find(&doc, "armed groups");
    assert_eq!(k, QuoteKind::Partial);
    assert_eq!(s, "He");
}

#[test]
fn one_word_partial_after_cue() {
    let doc = extract("The opposition said it had accepted the \"possibility\" of talks.");
    let (t, k, s) = find(&doc, "possibility");
    assert_eq!(t, "possibility");
    assert_eq!(k, QuoteKind::Partial);
    assert_eq!(s, "The opposition");
}

#[test]
fn scare_quotes_and_titles_are_not_statements() {
    let doc = extract("The so-called \"Red Line\" film was shown in the town hall last year.");
    assert!(
        doc.quotes.iter().all(|q| q.kind == QuoteKind::Indirect),
        "{:?}",
        quotes(&doc)
    );
    let doc = extract("The war on \"terror\" continued through the winter.");
    assert!(doc.quotes.is_empty(), "{:?}", quotes(&doc));
}

#[test]
fn curly_guillemets_and_low_nine_marks() {
    let doc = extract("“The dam held,” the engineer said.");
    assert_eq!(find(&doc, "dam held").2, "the engineer");
    let doc = extract("«The dam held,» the engineer said.");
    assert_eq!(find(&doc, "dam held").2, "the engineer");
    let doc = extract("„The dam held,“ the engineer said.");
    assert_eq!(find(&doc, "dam held").2, "the engineer");
}

#[test]
fn nested_single_quotes_stay_inside() {
    let doc = extract("\"They shouted 'get out' and ran,\" the witness said.");
    assert_eq!(doc.quotes.len(), 1, "{:?}", quotes(&doc));
    let (t, _, s) = find(&doc, "get out");
    assert_eq!(t, "They shouted 'get out' and ran,");
    assert_eq!(s, "the witness");
}

#[test]
fn apostrophes_are_not_quotes() {
    let doc = extract("The mayor's office said it didn't know. \"We're checking,\" she said.");
    let (t, _, s) = find(&doc, "checking");
    assert_eq!(t, "We're checking,");
    assert_eq!(s, "she");
}

#[test]
fn multi_paragraph_quote() {
    let text = "\"The water rose in minutes,\" said Ana Ruiz, a farmer.\n\
                \"We lost the animals and the seed.\n\
                \"Now we wait for help.\"\n\
                Rain is forecast for Friday.";
    let doc = extract(text);
    assert!(doc.diagnostics.iter().all(|d| d.kind != "unclosed_quote"));
    assert_eq!(find(&doc, "lost the animals").2, "Ana Ruiz");
    assert_eq!(find(&doc, "wait for help").2, "Ana Ruiz");
}

#[test]
fn quote_only_paragraph_continues_previous_speaker() {
    let text = "\"The school is gone,\" the headteacher said.\n\
                \"Every classroom was flooded.\"";
    let doc = extract(text);
    assert_eq!(find(&doc, "classroom").2, "the headteacher");
}

#[test]
fn cue_colon_at_paragraph_end() {
    let text = "Police chief Omar Said Farah said:\n\"We have made two arrests.\"";
    let doc = extract(text);
    assert_eq!(find(&doc, "two arrests").2, "Omar Said Farah");
}

#[test]
fn unclosed_quote_is_a_diagnostic_and_the_rest_survives() {
    let text = "\"The convoy was hit at dawn, the driver said.\n\
                Later the army said: \"The road is open again.\"";
    let doc = extract(text);
    assert!(doc.diagnostics.iter().any(|d| d.kind == "unclosed_quote"));
    assert_eq!(find(&doc, "road is open").2, "the army");
    assert!(find(&doc, "convoy was hit").0.starts_with("The convoy"));
}

#[test]
fn odd_quote_count_does_not_spoil_later_paragraphs() {
    let text = "He called it \"a disgrace.\nOfficials said the count was over.\n\
                \"We will appeal,\" the party said.";
    let doc = extract(text);
    assert_eq!(find(&doc, "We will appeal").2, "the party");
    assert_eq!(find(&doc, "count was over").1, QuoteKind::Indirect);
}

#[test]
fn indirect_speech_patterns() {
    let doc = extract("The ministry said that the border crossing would stay closed.");
    let (t, k, s) = find(&doc, "border crossing");
    assert_eq!(t, "the border crossing would stay closed");
    assert_eq!(k, QuoteKind::Indirect);
    assert_eq!(s, "The ministry");

    let doc = extract("Five people were hurt in the blast, police said.");
    let (t, _, s) = find(&doc, "Five people");
    assert_eq!(t, "Five people were hurt in the blast");
    assert_eq!(s, "police");

    let doc = extract("According to the health ministry, 12 patients were moved overnight.");
    let (t, _, s) = find(&doc, "12 patients");
    assert_eq!(t, "12 patients were moved overnight");
    assert_eq!(s, "the health ministry");

    let doc = extract("The commander told reporters the town had been retaken.");
    let (t, _, s) = find(&doc, "retaken");
    assert_eq!(t, "the town had been retaken");
    assert_eq!(s, "The commander");

    let doc = extract("A little-known group claimed responsibility for the attack.");
    let (_, _, s) = find(&doc, "responsibility");
    assert_eq!(s, "A little-known group");

    let doc = extract("The company denied any wrongdoing.");
    assert_eq!(find(&doc, "wrongdoing").2, "The company");
}

#[test]
fn quotes_are_in_text_order_with_exact_offsets() {
    let text = "Officials said the river peaked. \"It is falling now,\" an engineer said. \
                \"Stay away from the banks,\" the mayor warned.";
    let doc = extract(text);
    assert!(doc.quotes.len() >= 3);
    for w in doc.quotes.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
    for q in &doc.quotes {
        assert!(text.get(q.span.start..q.span.end).is_some());
    }
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "\"",
        "\"\"",
        "“”‘’«»„",
        "said",
        "\"a\" said",
        ", said \"",
        "according to",
        "Mr. said: \"",
        "'''",
        "X, , said ,, \" ” “ \n\n\"",
        "«»«»«",
    ] {
        let doc = extract(text);
        for q in &doc.quotes {
            assert!(text.get(q.span.start..q.span.end).is_some());
        }
    }
}

/// The entity a quote's speaker links to, by name.
fn speaker_entity<'d>(doc: &'d Document, needle: &str) -> Option<&'d str> {
    let q = doc
        .quotes
        .iter()
        .find(|q| q.span.text(&doc.text).contains(needle))?;
    let e = q.speaker.as_ref()?.entity?;
    Some(doc.entities[e].name.as_str())
}

#[test]
fn passive_cue_takes_the_agent() {
    let doc = extract(
        "The governor visited the flooded valley on Tuesday. At the shelter he was told by \
         Fire Chief Lena Moritz of \"at least a dozen homes beyond repair\".",
    );
    assert_eq!(find(&doc, "dozen homes").2, "Lena Moritz");
    let doc = extract(
        "Karl Weiss, who was described as \"deeply troubled\" by the police, was charged on Friday.",
    );
    assert_eq!(find(&doc, "deeply troubled").2, "the police");
}

#[test]
fn party_label_and_state_between_name_and_cue() {
    let doc = extract(
        "\"This bill will not pass,\" Rep. Dana Holt (D-Ore.) said Friday.\n\n\
         \"We have the votes,\" Senate leader Paul Greer, R-Tenn., said on Tuesday.",
    );
    assert_eq!(find(&doc, "bill will not").2, "Dana Holt");
    assert_eq!(find(&doc, "have the votes").2, "Paul Greer");
}

#[test]
fn role_before_a_name_and_a_number_modifier() {
    let doc = extract("\"We waited for hours,\" said 9/11 widow Ruth Calder.");
    assert_eq!(find(&doc, "waited").2, "Ruth Calder");
    let doc = extract("\"Nobody told us anything,\" said tour guide Omar Haddad.");
    assert_eq!(find(&doc, "Nobody").2, "Omar Haddad");
}

#[test]
fn relative_clause_before_a_colon() {
    let doc = extract(
        "Another rescuer was driver Tom Ellery, 31, who credited his army training: \
         \"You just run towards it.\"",
    );
    let (_, _, s) = find(&doc, "run towards");
    assert_eq!(s, "Tom Ellery");
    assert_eq!(doc.quotes[0].provenance.rule, "quotes.relative_colon_quote");
}

#[test]
fn description_with_a_prepositional_phrase() {
    let doc = extract(
        "A source within the regional Health Ministry reportedly said \"we were ordered to stay \
         silent about the numbers\".",
    );
    assert_eq!(
        find(&doc, "ordered").2,
        "A source within the regional Health Ministry"
    );
}

#[test]
fn appositive_name_after_a_title_with_a_place() {
    let doc = extract(
        "The mayor of Lyon, Claire Dumas, wrote on Twitter: \"The city is grieving tonight.\"",
    );
    assert_eq!(find(&doc, "grieving").2, "Claire Dumas");
}

#[test]
fn inverted_cue_does_not_take_the_subject_of_the_next_clause() {
    let doc = extract(
        "On Twitter, Sam Oduya, a defender for the Rovers, said Kemal was his cousin and \
         \"a wonderful person.\"",
    );
    assert_eq!(find(&doc, "wonderful").2, "Sam Oduya");
}

#[test]
fn names_holding_cue_words() {
    let doc = extract(
        "In a statement, the United States Department of Energy defended the plan as \
         \"sound\" in every respect: \"The grid will be stronger for it.\"",
    );
    assert_eq!(find(&doc, "grid").2, "United States Department of Energy");
}

#[test]
fn fragment_ending_its_sentence_does_not_take_the_next_subject() {
    let doc = extract(
        "Norway branded the launch an \"act of open provocation.\" The Finnish \
         government said the region was calm.",
    );
    let (_, _, s) = find(&doc, "open provocation");
    assert_ne!(s, "The Finnish government");
}

#[test]
fn pronoun_resolves_to_the_salient_subject() {
    // "he" is the subject of the previous sentence (Dorn), not the most recent man (Pratt).
    let doc = extract(
        "Governor Alan Dorn toured the site with engineer Victor Pratt on Monday. Later he said \
         the dam would be rebuilt within a year.",
    );
    assert_eq!(find(&doc, "dam would").2, "he");
    assert_eq!(speaker_entity(&doc, "dam would"), Some("Alan Dorn"));
}

#[test]
fn pronoun_skips_names_inside_quotations() {
    let doc = extract(
        "\"I spoke to Martin Kerr this morning,\" Paul Abbott said. He added that the talks \
         would resume on Friday.",
    );
    assert_eq!(speaker_entity(&doc, "talks would"), Some("Paul Abbott"));
}

#[test]
fn belief_and_stance_verbs_report_views() {
    let doc = extract(
        "Senator Maria Lopez believes the tax plan will hurt small farms. The union wants a \
         new contract before the summer. A recent poll shows most voters oppose the bridge.",
    );
    let (t, k, s) = find(&doc, "tax plan");
    assert_eq!(k, QuoteKind::Indirect);
    assert_eq!(t, "the tax plan will hurt small farms");
    assert_eq!(s, "Maria Lopez");
    assert_eq!(find(&doc, "new contract").2, "The union");
    assert_eq!(find(&doc, "most voters").2, "A recent poll");
}

#[test]
fn stance_verbs_need_an_agent() {
    // No view is reported: the subjects are no agents, or the verb is a noun.
    let doc = extract("The bodies were found near the river. The road shows signs of damage.");
    assert!(
        doc.quotes.is_empty(),
        "{:?}",
        doc.quotes
            .iter()
            .map(|q| q.span.text(&doc.text))
            .collect::<Vec<_>>()
    );
}

#[test]
fn statement_speaks_for_its_issuer() {
    let doc = extract(
        "Following a hastily called meeting, the Regional Council issued a statement calling \
         the decision \"a grave mistake\".",
    );
    assert_eq!(find(&doc, "grave mistake").2, "Regional Council");
}

#[test]
fn introductory_phrase_is_no_subject() {
    let doc =
        extract("Once in her first year, she laughed and said, \"I never wanted to be a lawyer.\"");
    assert_eq!(find(&doc, "lawyer").2, "she");
    let doc = extract(
        "Conversely, the review board described the station as \"entirely safe\" last year.",
    );
    assert_eq!(find(&doc, "entirely safe").2, "the review board");
}

#[test]
fn prepositional_phrase_subjects_use_their_head() {
    let doc = extract("Lawyers for the family said the officers had ignored the warnings.");
    let (t, _, s) = find(&doc, "ignored");
    assert_eq!(t, "the officers had ignored the warnings");
    assert_eq!(s, "Lawyers");
}

#[test]
fn inverted_cue_before_a_colon() {
    let doc = extract("The market fell again. Said Ramos: \"Nobody knows where the floor is.\"");
    assert_eq!(find(&doc, "floor").2, "Ramos");
}

#[test]
fn adverbial_is_no_reported_clause() {
    let doc = extract("\"We are ready,\" Anna Berg said in a statement.");
    assert!(doc.quotes.iter().all(|q| q.kind != QuoteKind::Indirect));
}

#[test]
fn a_negative_subject_makes_no_statement() {
    let text = "Nobody has claimed responsibility for the bombing, but police said investigators \
                were examining links to a local militia.";
    let doc = byline::Extractor::new().extract(text);
    assert!(
        doc.quotes.iter().all(|q| q
            .speaker
            .as_ref()
            .is_none_or(|s| s.span.text(&doc.text) != "Nobody")),
        "{:?}",
        doc.quotes
    );
    assert!(doc.quotes.iter().any(|q| q
        .speaker
        .as_ref()
        .is_some_and(|s| s.span.text(&doc.text) == "police")));
}
