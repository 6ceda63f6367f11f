//! Unit tests of the DSGVO rules (no database).

use super::*;

fn wagner() -> PersonName {
    PersonName {
        salutation: Some("Frau".into()),
        title: Some("Dr.".into()),
        first_name: Some("Anna".into()),
        last_name: "Wagner".into(),
    }
}

#[test]
fn forms_are_longest_first_and_the_bare_surname_only_when_unique() {
    let forms = wagner().forms(false);
    assert_eq!(forms[0], "Herrn Dr. Wagner");
    assert!(forms.contains(&"Anna Wagner".to_owned()));
    assert!(forms.contains(&"Wagner, Anna".to_owned()));
    assert!(forms.contains(&"Herr Wagner".to_owned()));
    assert!(!forms.contains(&"Wagner".to_owned()));
    assert_eq!(wagner().forms(true).last().map(String::as_str), Some("Wagner"));
    let lengths: Vec<usize> = forms.iter().map(|f| f.chars().count()).collect();
    assert!(lengths.windows(2).all(|w| w[0] >= w[1]));
}

#[test]
fn replaces_whole_names_case_insensitively_and_keeps_other_words() {
    let m = NameMatcher::new(&wagner().forms(true));
    assert_eq!(
        m.replace("TOP 2: Dr. Anna Wagner berichtet. Frau  Wagner schlägt vor, die Wagnerstraße zu nutzen.")
            .as_deref(),
        Some(
            "TOP 2: anonymisierte Person berichtet. anonymisierte Person schlägt vor, die Wagnerstraße zu nutzen."
        )
    );
    assert_eq!(
        m.replace("ANNA WAGNER, wagner").as_deref(),
        Some("anonymisierte Person, anonymisierte Person")
    );
    assert_eq!(
        m.replace("Wagner Wagner").as_deref(),
        Some("anonymisierte Person anonymisierte Person")
    );
    assert_eq!(m.replace("Kein Name hier"), None);
    assert!(!m.is_match("Wagnerin"));
    let shared = NameMatcher::new(&wagner().forms(false));
    assert_eq!(shared.replace("Wagner berichtet"), None);
    assert_eq!(
        shared.replace("Herr Wagner berichtet").as_deref(),
        Some("anonymisierte Person berichtet")
    );
}

#[test]
fn umlauts_and_regex_characters_in_names_are_literal() {
    let p = PersonName {
        last_name: "Müller-Lüdenscheidt (geb. Groß)".into(),
        first_name: Some("Jürgen".into()),
        ..PersonName::default()
    };
    let m = NameMatcher::new(&p.forms(false));
    assert_eq!(
        m.replace("Jürgen Müller-Lüdenscheidt (geb. Groß) war da")
            .as_deref(),
        Some("anonymisierte Person war da")
    );
    assert_eq!(m.replace("Jürgen Müller war da"), None);
    assert!(!NameMatcher::new(&[]).is_match("x"));
}

#[test]
fn retention_counts_whole_years() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    assert!(retention_due(d("2023-11-27"), d("2026-11-27"), 3));
    assert!(!retention_due(d("2023-11-28"), d("2026-11-27"), 3));
    // A year back from 28.02.2025 is 28.02.2024; the leap day after it is not yet due.
    assert!(retention_due(d("2024-02-28"), d("2025-02-28"), 1));
    assert!(!retention_due(d("2024-02-29"), d("2025-02-28"), 1));
    assert!(!retention_due(d("2026-01-01"), d("2026-11-27"), 1));
}

#[test]
fn texts_for_the_user_name_no_person() {
    assert_eq!(
        erasure_addendum_text(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap_or_default()),
        "Personenbezogene Daten gemäß Art. 17 DSGVO entfernt am 27.11.2026."
    );
    assert!(backup_notice().contains("bis zu 5 Wochen"));
    assert_eq!(
        erasure_summary(12, true, 1, 2),
        "Kontakt Nr. 12 gemäß Art. 17 DSGVO anonymisiert (bleibt in Sitzungen als „anonymisierte Person“); 1 Textstelle ersetzt, 2 Sitzungen betroffen."
    );
}

fn found(place: TextPlace, id: i64, session_id: Option<i64>, text: &str) -> FoundText {
    FoundText {
        place,
        id,
        session_id,
        text: text.into(),
    }
}

fn paper_text(place: PaperPlace, paper_id: i64, text: &str) -> FoundPaperText {
    FoundPaperText {
        place,
        paper_id,
        key: paper_id,
        text: text.into(),
    }
}

#[test]
fn an_anonymised_placeholder_is_not_erased_again() {
    let err = erasable(&wagner(), true, true).unwrap_err();
    assert!(err.to_string().contains("bereits gelöscht"), "{err}");
    assert!(erasable(&wagner(), false, true).is_ok_and(|m| m.is_match("Wagner berichtet")));
    assert!(erasable(&wagner(), false, false).is_ok_and(|m| !m.is_match("Wagner berichtet")));
}

#[test]
fn erasure_replaces_only_texts_that_name_the_person_and_collects_their_sessions() {
    let m = NameMatcher::new(&wagner().forms(true));
    let texts = replace_texts(
        &m,
        vec![
            found(TextPlace::Discussion, 1, Some(7), "Frau Wagner berichtet."),
            found(TextPlace::Decision, 2, Some(8), "Kein Name."),
            found(TextPlace::ContactNote, 3, None, "Vertretung für Anna Wagner"),
        ],
    );
    assert_eq!(texts.len(), 2);
    assert_eq!(texts[0].text, "anonymisierte Person berichtet.");
    assert_eq!(texts[1].text, "Vertretung für anonymisierte Person");
    // Linked sessions and those whose texts changed, once each, ascending.
    assert_eq!(affected_sessions(&[9, 7], &texts), [7, 9]);
}

#[test]
fn erasure_rewrites_who_and_what_of_older_audit_entries() {
    let m = NameMatcher::new(&wagner().forms(true));
    let entries = vec![
        AuditText {
            id: 1,
            user: "Anna Wagner".into(),
            summary: "Kontakt Nr. 3 geändert.".into(),
        },
        AuditText {
            id: 2,
            user: "Büro".into(),
            summary: "Kontakt Nr. 4 angelegt.".into(),
        },
    ];
    let rewritten = rewrite_audit(&m, entries);
    assert_eq!(rewritten.len(), 1);
    assert_eq!(rewritten[0].user, ANONYMISED);
    assert_eq!(rewritten[0].summary, "Kontakt Nr. 3 geändert.");
}

#[test]
fn saved_versions_of_frozen_papers_get_a_status_note() {
    let m = NameMatcher::new(&wagner().forms(true));
    let texts = replace_paper_texts(
        &m,
        vec![
            paper_text(PaperPlace::VersionBody, 5, "Erstellt von Anna Wagner"),
            paper_text(PaperPlace::Title, 6, "Bericht Wagner"),
            paper_text(PaperPlace::Summary, 6, "Ohne Namen"),
        ],
    );
    assert_eq!(texts.len(), 2);
    assert_eq!(
        papers_with_changed_versions(&texts)
            .into_iter()
            .collect::<Vec<_>>(),
        [5]
    );
    assert_eq!(
        changed_papers(&[4], &texts).into_iter().collect::<Vec<_>>(),
        [4, 5, 6]
    );
    assert!(needs_status_note(crate::paper_status::PaperStatus::Beschlossen));
    assert!(!needs_status_note(crate::paper_status::PaperStatus::Entwurf));
    assert!(PaperPlace::ALL.iter().filter(|p| p.is_saved_version()).count() == 5);
}

#[test]
fn auskunft_lists_authorship_once_and_a_versions_lines_that_name_the_person() {
    let m = NameMatcher::new(&wagner().forms(true));
    let mention = |place, paper_id, text: &str, version| PaperMention {
        found: paper_text(place, paper_id, text),
        title: format!("Papier {paper_id}"),
        version,
    };
    let papers = access_papers(
        vec![(5, "Papier 5".into())],
        vec![
            // Authorship by contact is listed already; the typed author name is not repeated.
            mention(PaperPlace::Author, 5, "Anna Wagner", None),
            mention(
                PaperPlace::VersionBody,
                6,
                "Zeile eins\nFrau Wagner schlägt vor\nEnde",
                Some(2),
            ),
        ],
        &m,
    );
    assert_eq!(papers.len(), 2);
    assert_eq!(
        (papers[0].place.as_str(), papers[0].text.as_str()),
        ("Autor/in", "")
    );
    assert_eq!(papers[1].place, "Text einer Version (Version 2)");
    assert_eq!(papers[1].text, "Frau Wagner schlägt vor");

    let own = found(TextPlace::ContactNote, 12, None, "Wagner");
    assert!(is_own_note(&own, 12));
    assert!(!is_own_note(&own, 13));
    let entry = AuditText {
        id: 0,
        user: "Büro".into(),
        summary: "Kontakt Nr. 12 geändert.".into(),
    };
    assert!(audit_concerns(Some("contact"), Some(12), 12, &entry, &m));
    assert!(!audit_concerns(Some("contact"), Some(13), 12, &entry, &m));
}

#[test]
fn the_retention_review_keeps_due_contacts_oldest_first() {
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
    let candidate = |id, last: &str| RetentionCandidate {
        id,
        name: format!("Kontakt {id}"),
        organisation: None,
        last_activity: last.into(),
        involved: false,
    };
    let due = retention_review(
        vec![
            candidate(1, "2023-06-01"),
            candidate(2, "2022-01-01"),
            candidate(3, "2026-01-01"),
            candidate(4, "kein Datum"),
        ],
        d("2026-11-27"),
        3,
    );
    assert_eq!(due.iter().map(|c| c.id).collect::<Vec<_>>(), [2, 1]);
}
