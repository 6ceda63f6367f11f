//! Unit tests of the search rules: folding, sort keys, MATCH expressions, ranking.

use super::*;

#[test]
fn paper_text_holds_each_body_word_once() {
    let text = paper_text(&PaperWords {
        title: "Förderung",
        summary: Some("Kurz"),
        body_text: "Die Förderung der Kurse. Die Kurse, die Förderung!\nNeue Kurse",
        handlungsfeld: Some("Sprache"),
        lead_organisation: None,
        authors: &["Anna Özdemir"],
    });
    assert_eq!(
        text,
        "forderung kurz sprache anna ozdemir die forderung der kurse neu"
    );
}

#[test]
fn german_variants_fold_to_the_same_text() {
    assert_eq!(fold("Müller"), "muller");
    assert_eq!(fold("Mueller"), "muller");
    assert_eq!(fold("MULLER"), "muller");
    assert_eq!(fold("Weiß"), "weiss");
    assert_eq!(fold("Öztürk"), "ozturk");
    assert_eq!(fold("Bäuerle"), fold("Baeuerle"));
    assert_eq!(fold("Bäuerle"), fold("bauerle"));
    assert_eq!(fold("Straßburger"), fold("Strassburger"));
}

#[test]
fn prefixes_of_variants_still_match() {
    // What the user has typed so far must be a prefix of the folded name.
    for typed in ["m", "mu", "mü", "mue", "muel", "mül", "mueller", "müller"] {
        assert!(fold("Müller").starts_with(&fold(typed)), "{typed}");
    }
}

#[test]
fn fts_query_quotes_words_and_ignores_syntax() {
    assert_eq!(fts_query("Mueller").as_deref(), Some("\"muller\"*"));
    assert_eq!(fts_query("anna  mü").as_deref(), Some("\"anna\"* \"mu\"*"));
    assert_eq!(fts_query("\"OR* -NOT(").as_deref(), Some("\"or\"* \"not\"*"));
    assert_eq!(fts_query("  - * "), None);
}

#[test]
fn match_expression_keeps_words_in_the_folded_column_and_names_the_kind() {
    assert_eq!(
        fts_match(SearchKind::Organisation, "Land tü").as_deref(),
        Some("kind : \"organisation\" AND folded : (\"land\"* \"tu\"*)")
    );
    assert_eq!(fts_match(SearchKind::Contact, " ,; "), None);
}

/// `kind : "agenda_item"` is a phrase match on the tokens "agenda" "item": it would also find
/// a kind whose tokens contain that sequence. Guard against such a kind being added.
#[test]
fn no_kind_name_is_found_by_another_kinds_phrase() {
    let tokens = |k: SearchKind| -> Vec<&str> { k.as_str().split('_').collect() };
    for a in SearchKind::ALL {
        for b in SearchKind::ALL.into_iter().filter(|b| *b != a) {
            let (ta, tb) = (tokens(a), tokens(b));
            assert!(
                !tb.windows(ta.len()).any(|w| w == ta.as_slice()),
                "{a:?} would also match {b:?}"
            );
        }
    }
}

#[test]
fn contact_text_holds_every_searchable_value_folded() {
    let emails = ["A.Mueller@lrat.example"];
    let groups = ["Sprache", "Kernnetzwerk"];
    let text = contact_text(&ContactWords {
        title: Some("Dr."),
        first_name: Some("Anna"),
        last_name: "Müller",
        function: Some("Integrationsbeauftragte"),
        city: None,
        organisation: Some("Landratsamt Tübingen"),
        emails: &emails,
        groups: &groups,
    });
    assert_eq!(
        text,
        "dr. anna muller integrationsbeauftragte landratsamt tubingen a.muller@lrat.example kernnetzwerk sprache"
    );
    let org = organisation_text(&OrganisationWords {
        name: "Landratsamt Tübingen",
        city: Some("Tübingen"),
        district: None,
    });
    assert_eq!(org, "landratsamt tubingen tubingen");
}

#[test]
fn session_kinds_have_their_texts() {
    let tops = ["Sprachkurse für Geflüchtete"];
    let text = session_text(&SessionWords {
        title: "3. Netzwerktreffen",
        date: "2027-03-10",
        place: Some("Stuttgart"),
        host: Some("Ministerium für Soziales"),
        agenda_titles: &tops,
    });
    assert_eq!(
        text,
        "3. netzwerktreffen 10.03.2027 stuttgart ministerium fur soziales sprachkurse fur gefluchtete"
    );
    assert_eq!(
        decision_text(&DecisionWords {
            label: "Beschluss 3/2027-2",
            text: "Die Geschäftsordnung wird geändert."
        }),
        "beschluss 3/2027-2 die geschaftsordnung wird geandert."
    );
    assert_eq!(
        action_item_text(&ActionItemWords {
            what: "Entwurf verschicken",
            owner: Some("Jörg Weiß")
        }),
        "entwurf verschicken jorg weiss"
    );
    let d = ["Bericht über Übergänge"];
    assert_eq!(
        minutes_text(&MinutesWords {
            session_title: "Treffen",
            minute_taker: None,
            discussions: &d,
            addenda: &[]
        }),
        "protokoll treffen bericht uber ubergange"
    );
    assert_eq!(
        agenda_item_text(&AgendaItemWords {
            title: "Begrüßung",
            description: None,
            session_title: "Treffen"
        }),
        "begrussung treffen"
    );
}

#[test]
fn matched_words_are_the_shown_spelling() {
    let terms = query_terms("mue stras");
    assert_eq!(
        matched_words(&["Anna Müller", "Weiß-Straßburger, Mülheim"], &terms),
        ["Müller", "Straßburger", "Mülheim"]
    );
    assert!(matched_words(&["Kemal Öztürk"], &terms).is_empty());
}

#[test]
fn names_starting_with_the_typed_text_rank_first() {
    let hit = |id, label: &str| SearchHit {
        session_id: None,
        kind: SearchKind::Contact,
        id,
        label: label.into(),
        detail: None,
        matched: Vec::new(),
    };
    let ranked = rank_hits(
        "mu",
        vec![
            hit(1, "Zofia Amun"),
            hit(2, "Zofia Mustermann"),
            hit(3, "Anna Müller"),
        ],
        2,
    );
    let ids: Vec<i64> = ranked.iter().map(|h| h.id).collect();
    assert_eq!(ids, [3, 2]);
}

#[test]
fn sort_key_orders_umlauts_with_their_base_letter() {
    let mut names = vec!["Zimmer", "Öztürk", "Ostertag", "Müller", "Mayer"];
    names.sort_by_key(|n| sort_key(&[n]));
    assert_eq!(names, ["Mayer", "Müller", "Ostertag", "Öztürk", "Zimmer"]);
}
