//! Casualty figures and document totals on short news paragraphs.

use byline::{Bounds, CasualtyKind, Document, Extractor};

fn doc(text: &str) -> Document {
    Extractor::new().extract(text)
}

/// (kind, min, max, span text) of every figure.
fn figs(d: &Document) -> Vec<(CasualtyKind, Option<u64>, Option<u64>, String)> {
    d.casualties
        .iter()
        .map(|c| {
            (
                c.kind,
                c.bounds.min,
                c.bounds.max,
                c.span.text(&d.text).to_string(),
            )
        })
        .collect()
}

fn has(d: &Document, kind: CasualtyKind, min: Option<u64>, max: Option<u64>) -> bool {
    d.casualties
        .iter()
        .any(|c| c.kind == kind && c.bounds.min == min && c.bounds.max == max)
}

fn total(d: &Document, kind: CasualtyKind) -> Option<u64> {
    d.casualty_totals.get(&kind).map(Bounds::headline)
}

use CasualtyKind::{Arrested, Displaced, Injured, Kidnapped, Killed, Missing};

#[test]
fn count_were_killed_with_span_victims_and_rule() {
    let d = doc("At least 57 people were killed in a double car bombing on Sunday.");
    let c = &d.casualties[0];
    assert_eq!(c.span.text(&d.text), "At least 57 people");
    assert_eq!(
        (c.kind, c.bounds.min, c.bounds.max),
        (Killed, Some(57), None)
    );
    assert_eq!(c.qualifier.as_deref(), Some("At least"));
    assert_eq!(c.victims.as_deref(), Some("people"));
    assert_eq!(c.trigger.as_deref(), Some("car bombing"));
    assert_eq!(c.provenance.rule, "casualties.count_were_killed");
}

#[test]
fn verb_forms() {
    let d = doc("A suicide bomber struck a market, killing at least 20 and wounding 35 others.");
    assert!(has(&d, Killed, Some(20), None), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(35), Some(35)), "{:?}", figs(&d));
    let d = doc("Bombings kill 119 in Syria");
    assert!(has(&d, Killed, Some(119), Some(119)), "{:?}", figs(&d));
    let d = doc("The blast left 12 dead and dozens injured.");
    assert!(has(&d, Killed, Some(12), Some(12)), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(24), None), "{:?}", figs(&d));
    let d = doc("Gunmen killed 5 soldiers and wounded 12 in the north.");
    assert!(has(&d, Killed, Some(5), Some(5)), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(12), Some(12)), "{:?}", figs(&d));
}

#[test]
fn noun_forms_and_headlines() {
    let d = doc("Earthquake: 5 dead, 12 injured");
    assert!(has(&d, Killed, Some(5), Some(5)), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(12), Some(12)), "{:?}", figs(&d));
    let d = doc("Officials confirmed six deaths and more than 40 injuries after the flood.");
    assert!(has(&d, Killed, Some(6), Some(6)), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(41), None), "{:?}", figs(&d));
    let d = doc("The storm claimed 14 lives along the coast.");
    assert!(has(&d, Killed, Some(14), Some(14)), "{:?}", figs(&d));
}

#[test]
fn toll_revisions_supersede() {
    let d = doc(
        "Twelve people were killed in the explosion on Monday. By Tuesday the death toll had \
         risen to 31, officials said.",
    );
    assert!(has(&d, Killed, Some(12), Some(12)));
    assert!(has(&d, Killed, Some(31), Some(31)));
    assert_eq!(total(&d, Killed), Some(31));
    let d = doc("The toll rose from 40 to 52 overnight.");
    assert_eq!(total(&d, Killed), Some(52), "{:?}", figs(&d));
}

#[test]
fn singular_people() {
    let d = doc("One person died and a policeman was killed in the attack.");
    assert!(has(&d, Killed, Some(1), Some(1)), "{:?}", figs(&d));
    let d = doc("A 63-year-old man was found dead in his home on Friday.");
    assert!(has(&d, Killed, Some(1), Some(1)), "{:?}", figs(&d));
    assert_eq!(total(&d, Killed), Some(1));
    let d = doc("Police said Darnell Hayes, 23, was fatally shot outside a store on Elm Street.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", d.casualty_totals);
    let d = doc("Two men were shot dead at a checkpoint.");
    assert!(has(&d, Killed, Some(2), Some(2)), "{:?}", figs(&d));
}

#[test]
fn no_one_was_hurt() {
    let d = doc("The bomb exploded in an empty lot and no one was hurt.");
    assert!(has(&d, Injured, Some(0), Some(0)), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured), Some(0));
    let d = doc("Nobody was killed, police said.");
    assert!(has(&d, Killed, Some(0), Some(0)), "{:?}", figs(&d));
}

#[test]
fn among_the_dead_and_including_are_subsets() {
    let d = doc(
        "At least 30 people were killed in the air strike, including eight children. Two \
         journalists were among the dead.",
    );
    let parent = d
        .casualties
        .iter()
        .position(|c| c.bounds.min == Some(30))
        .expect("parent");
    let kids = d
        .casualties
        .iter()
        .find(|c| c.bounds.min == Some(8))
        .expect("subset");
    assert_eq!(kids.kind, Killed);
    assert_eq!(kids.subset_of, Some(parent));
    assert!(has(&d, Killed, Some(2), Some(2)));
    assert_eq!(total(&d, Killed), Some(30));
}

#[test]
fn separate_places_add_up_unless_a_total_covers_them() {
    // Two places in one sentence: the figures add up.
    let d = doc(
        "At least 57 people were killed in Homs on Sunday, while 62 people were killed in \
         Damascus.",
    );
    if d.casualties.iter().filter(|c| c.place.is_some()).count() == 2 {
        assert_eq!(total(&d, Killed), Some(119), "{:?}", figs(&d));
    }
    // A headline total that covers the places is kept.
    let d = doc(
        "Bombings kill 119 in Syria\n\nIn Homs, at least 57 people were killed in a double \
         car bombing, while 62 people were killed in four attacks near a shrine in Damascus.",
    );
    assert!(has(&d, Killed, Some(57), None), "{:?}", figs(&d));
    assert!(has(&d, Killed, Some(62), Some(62)), "{:?}", figs(&d));
    assert_eq!(total(&d, Killed), Some(119));
}

#[test]
fn transfers_move_people_between_kinds() {
    let d = doc(
        "Five people were injured in the shooting on Saturday night. One of them has since \
         died, police said.",
    );
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured), Some(4), "{:?}", d.casualty_totals);
}

#[test]
fn shot_people_who_did_not_die_are_injured() {
    let d = doc("Three people were shot, one fatally, outside a bar early Sunday.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured), Some(2), "{:?}", d.casualty_totals);
    let d =
        doc("A man was shot in the leg on Monday. He was taken to a hospital in stable condition.");
    assert_eq!(total(&d, Killed).unwrap_or(0), 0);
    assert_eq!(total(&d, Injured), Some(1), "{:?}", d.casualty_totals);
}

#[test]
fn deltas_add() {
    let d = doc("Ten people were killed in the fire. Two more died in hospital on Tuesday.");
    let more = d
        .casualties
        .iter()
        .find(|c| c.bounds.min == Some(2))
        .expect("delta");
    assert!(more.delta);
    assert_eq!(total(&d, Killed), Some(12));
}

#[test]
fn attackers_count_in_totals() {
    let d = doc(
        "Two people were killed when a gunman opened fire at a mall. The gunman was shot \
         dead by police.",
    );
    assert_eq!(total(&d, Killed), Some(3), "{:?}", figs(&d));
}

#[test]
fn other_kinds() {
    let d = doc(
        "Twelve people are missing after the landslide. Gunmen abducted 20 students. Police \
         arrested three suspects. About 2,000 residents were displaced by the floods.",
    );
    assert!(has(&d, Missing, Some(12), Some(12)), "{:?}", figs(&d));
    assert!(has(&d, Kidnapped, Some(20), Some(20)), "{:?}", figs(&d));
    assert!(has(&d, Arrested, Some(3), Some(3)), "{:?}", figs(&d));
    assert!(has(&d, Displaced, Some(2000), Some(2000)), "{:?}", figs(&d));
    let d = doc("Four tourists were taken hostage at the hotel.");
    assert!(has(&d, Kidnapped, Some(4), Some(4)), "{:?}", figs(&d));
}

#[test]
fn claimed_figures_name_the_claimer() {
    let d = doc("The Taliban claimed 190 were dead after the raid.");
    let c = d.casualties.iter().find(|c| c.bounds.min == Some(190));
    let c = c.expect("figure");
    assert_eq!(c.claimed_by.as_deref(), Some("The Taliban"));
}

#[test]
fn non_casualty_numbers_are_not_figures() {
    let texts = [
        "The 12-year-old boy was killed instantly.", // the age is not a count (1 is)
        "Voters backed the plan by 52 to 48 in 2016.",
        "Resolution 2254 was passed on 18 December 2015.",
        "The attack happened at 10:30 on May 5, killing nobody.",
        "Four attacks were carried out in 10 years.",
        "Damage was estimated at $5 million, and 40% of homes were hit.",
        "Call 555-1234 if you were injured.",
        "He was the third person killed this year.",
        "The killer, aged 63, was arrested.",
    ];
    for t in texts {
        let d = doc(t);
        for c in &d.casualties {
            let v = c.bounds.headline();
            assert!(v <= 1, "{t:?} gave a figure {:?} {v}", c.span.text(&d.text));
        }
    }
}

#[test]
fn offsets_are_exact_and_nothing_panics() {
    let texts = [
        "Ünïcödé — 57 people were killed; “at least 20” wounded…",
        "99999999999999999999999999 people were killed",
        "killed killed killed 1,2,3,4 dead dead",
        "",
        "a",
        "At least",
        "the death toll rose to",
    ];
    for t in texts {
        let d = doc(t);
        for c in &d.casualties {
            assert_eq!(c.span.text(&d.text), &d.text[c.span.start..c.span.end]);
        }
    }
    let long = format!("{} people were killed.", "9".repeat(100_000));
    let d = doc(&long);
    assert_eq!(d.casualties[0].bounds.min, Some(u64::MAX));
}

#[test]
fn background_statistics_stay_out_of_the_totals() {
    let d = doc(
        "A man was shot and killed on Oak Street on Friday. More than 600 people have been \
         killed in the city this year, and police have counted 3,000 shootings citywide.",
    );
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    let d = doc("2017 Man killed in crash on Route 9");
    assert!(
        d.casualties.iter().all(|c| c.bounds.headline() <= 1),
        "{:?}",
        figs(&d)
    );
}

#[test]
fn toll_from_words_to_digits_is_a_revision() {
    let d = doc(
        "Rescuers pulled more bodies from the ruins on Thursday, raising the official \
                 death toll from twelve to 27 following the collapse.",
    );
    assert!(has(&d, Killed, Some(12), Some(12)), "{:?}", figs(&d));
    assert!(has(&d, Killed, Some(27), Some(27)), "{:?}", figs(&d));
    assert_eq!(total(&d, Killed), Some(27));
    let d = doc("The agency increased the previous death toll to nine following a landslide.");
    assert!(has(&d, Killed, Some(9), Some(9)), "{:?}", figs(&d));
    assert_eq!(total(&d, Killed), Some(9));
}

#[test]
fn toll_with_an_aside_and_in_the_hundreds() {
    let d = doc("The death toll, according to hospital officials, rose to 48 on Friday.");
    assert!(has(&d, Killed, Some(48), Some(48)), "{:?}", figs(&d));
    let d = doc("Activists put the death toll in the hundreds.");
    assert!(has(&d, Killed, Some(200), None), "{:?}", figs(&d));
}

#[test]
fn a_larger_lead_figure_beats_an_earlier_body_revision() {
    let d = doc("A total of 52 are confirmed dead, officials said.\n\n\
                 By Tuesday the confirmed death toll had risen from 20 to 45.");
    assert_eq!(total(&d, Killed), Some(52), "{:?}", figs(&d));
}

#[test]
fn no_casualties_is_zero() {
    let d = doc("A rocket attack on the base produced no casualties, the army said.");
    assert!(has(&d, Killed, Some(0), Some(0)), "{:?}", figs(&d));
}

#[test]
fn partitives_with_possessives_and_survivors() {
    let d = doc("Police said two of the gunman's victims died, and four others were hurt.");
    assert!(has(&d, Killed, Some(2), Some(2)), "{:?}", figs(&d));
    assert_eq!(total(&d, Killed), Some(2));
    let d = doc("Eleven people died in the crash. 60 of the survivors have been hospitalised.");
    assert!(has(&d, Injured, Some(60), Some(60)), "{:?}", figs(&d));
    // the survivors are not taken out of the dead
    assert_eq!(total(&d, Killed), Some(11));
    assert_eq!(total(&d, Injured), Some(60));
}

#[test]
fn arrests_of_single_people() {
    let d = doc("A spokesman said the suspect's brother was taken into custody.");
    assert_eq!(total(&d, Arrested), Some(1), "{:?}", figs(&d));
    let d = doc("Officers said the gunman surrendered to police an hour later.");
    assert_eq!(total(&d, Arrested), Some(1), "{:?}", figs(&d));
    let d = doc("Police arrested the accused near the station.");
    assert_eq!(total(&d, Arrested), Some(1), "{:?}", figs(&d));
}

#[test]
fn stabbed_is_killed_or_injured() {
    let d = doc("Four people were stabbed outside a bar. One of them died in hospital.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured), Some(3), "{:?}", figs(&d));
}

#[test]
fn lists_of_figures() {
    let d = doc(
        "The army said the confirmed deaths are nine civilians, three soldiers, and one \
                 member of the police.",
    );
    assert!(has(&d, Killed, Some(9), Some(9)), "{:?}", figs(&d));
    assert!(has(&d, Killed, Some(3), Some(3)), "{:?}", figs(&d));
    assert!(has(&d, Killed, Some(1), Some(1)), "{:?}", figs(&d));
    let d = doc("Doctors said 40 villagers were wounded, as were eight from the army.");
    assert!(has(&d, Injured, Some(40), Some(40)), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(8), Some(8)), "{:?}", figs(&d));
    let d = doc("The agency counted 12 injured people in Leyte, 30 in Samar and five in Cebu.");
    assert!(has(&d, Injured, Some(30), Some(30)), "{:?}", figs(&d));
    assert!(has(&d, Injured, Some(5), Some(5)), "{:?}", figs(&d));
    let d = doc("Officials said 80 soldiers, 30 civilians, and hundreds of rebels were killed.");
    assert!(has(&d, Killed, Some(80), Some(80)), "{:?}", figs(&d));
    assert!(has(&d, Killed, Some(30), Some(30)), "{:?}", figs(&d));
    assert!(has(&d, Killed, Some(200), None), "{:?}", figs(&d));
}

#[test]
fn struck_inversions_and_relative_clauses() {
    let d = doc("A bystander was struck in the arm by a stray round.");
    assert_eq!(total(&d, Injured), Some(1), "{:?}", figs(&d));
    let d = doc("Also wounded were three teenagers, police said.");
    assert!(has(&d, Injured, Some(3), Some(3)), "{:?}", figs(&d));
    let d = doc("Two deputies who entered the house were wounded.");
    assert!(has(&d, Injured, Some(2), Some(2)), "{:?}", figs(&d));
    let d = doc("The sheriff said the two clerks are both deceased.");
    assert_eq!(total(&d, Killed), Some(2), "{:?}", figs(&d));
}

#[test]
fn more_after_another_kind_is_not_an_increment() {
    let d = doc("Six tourists were killed and seven more were injured in the attack.");
    let inj = d
        .casualties
        .iter()
        .find(|c| c.kind == Injured)
        .expect("injured figure");
    assert!(!inj.delta, "{:?}", figs(&d));
    assert_eq!(total(&d, Injured), Some(7));
    let d = doc("Police arrested a man in the fatal shooting of a woman on Sunday.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
}

#[test]
fn an_earlier_toll_is_superseded() {
    let d = doc(
        "At least 15 people were killed, police said. This revised downwards an earlier \
                 toll of 22 dead.",
    );
    assert!(has(&d, Killed, Some(22), Some(22)), "{:?}", figs(&d));
    assert_eq!(total(&d, Killed), Some(15));
}

#[test]
fn a_shot_person_who_dies_later_in_the_sentence_is_killed() {
    let d = doc("A 31-year-old driver was shot twice in the back and died at a clinic.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured).unwrap_or(0), 0, "{:?}", figs(&d));
    let d = doc("A teenager who was shot outside a bakery on Monday has died, deputies said.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    let d = doc("The woman was taken to Mercy Hospital, where she later died of her wounds.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    // another subject dies: the shot man stays injured
    let d = doc("A man was shot in the leg and a woman died in the kitchen.");
    assert!(has(&d, Injured, Some(1), Some(1)), "{:?}", figs(&d));
}

#[test]
fn a_magnitude_yields_to_the_story_s_own_count() {
    let d = doc(
        "Four guards were killed when the convoy was ambushed on Tuesday. Rights groups say \
         the insurgency has cost the lives of hundreds of people.",
    );
    assert_eq!(total(&d, Killed), Some(4), "{:?}", figs(&d));
    // alone, the magnitude is the figure
    let d = doc("Hundreds of people were killed in the floods, officials said.");
    assert_eq!(total(&d, Killed), Some(200), "{:?}", figs(&d));
}

#[test]
fn found_dead_and_also_shot() {
    let d = doc("Deputies found the victim dead in the back seat of a car.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    let d = doc("Officers found 19-year-old Dana Whitfield dead near the bus stop.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    // those "also shot" are besides the dead: all of them are injured
    let d = doc(
        "A man was killed outside the bar. A woman and two other men were also shot and \
         taken to a hospital.",
    );
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured), Some(3), "{:?}", figs(&d));
}

#[test]
fn definite_ages_and_bracketed_names_are_people() {
    let d = doc("The 17-year-old, identified as Corey Lamb, was pronounced dead at a clinic.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    let d = doc("The victim (Maria Ortiz, 40) died at the hospital on Sunday.");
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
}

#[test]
fn could_not_save_is_a_death() {
    let d = doc(
        "A cyclist was shot near the park. He was rushed to a hospital, but surgeons were \
         unable to save him.",
    );
    assert_eq!(total(&d, Killed), Some(1), "{:?}", figs(&d));
    assert_eq!(total(&d, Injured).unwrap_or(0), 0, "{:?}", figs(&d));
    let d = doc("Paramedics saved her after the crash.");
    assert_eq!(total(&d, Killed), None, "{:?}", figs(&d));
}

#[test]
fn a_person_and_n_others_killed_is_n_plus_one() {
    let d = doc("The pilot and three other crew members were killed in the crash.");
    assert_eq!(total(&d, Killed), Some(4), "{:?}", figs(&d));
    let d = doc("Officials said the blast and two other explosions were linked.");
    assert_eq!(total(&d, Killed), None, "{:?}", figs(&d));
}
