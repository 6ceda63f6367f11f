//! Unit tests of the session rules (no database).

use super::*;

fn input() -> SessionInput {
    SessionInput {
        title: " 3. Netzwerktreffen 2027 ".into(),
        date: "24.11.2026".into(),
        start_time: "14:00".into(),
        end_time: Some("16:30 Uhr".into()),
        ..Default::default()
    }
}

#[test]
fn a_valid_session_is_trimmed_and_parsed() {
    let f = input().normalised().unwrap();
    assert_eq!(f.title, "3. Netzwerktreffen 2027");
    assert_eq!(f.date_iso(), "2026-11-24");
    assert_eq!(f.start_hhmm(), "14:00");
    assert_eq!(f.end_hhmm().as_deref(), Some("16:30"));
}

#[test]
fn bad_input_names_the_field() {
    let cases: Vec<(SessionInput, &str)> = vec![
        (
            SessionInput {
                title: "  ".into(),
                ..input()
            },
            "Titel: Bitte geben Sie einen Titel ein.",
        ),
        (
            SessionInput {
                date: "31.02.2027".into(),
                ..input()
            },
            "Datum: „31.02.2027“ ist kein gültiges Datum. Bitte geben Sie es als TT.MM.JJJJ ein, z. B. 24.11.2026.",
        ),
        (
            SessionInput {
                end_time: Some("13:00".into()),
                ..input()
            },
            "Ende: Das Ende (13:00 Uhr) muss nach dem Beginn (14:00 Uhr) liegen.",
        ),
        (
            SessionInput {
                end_time: Some("14:00".into()),
                ..input()
            },
            "Ende: Das Ende (14:00 Uhr) muss nach dem Beginn (14:00 Uhr) liegen.",
        ),
        (
            SessionInput {
                video_link: Some("meet.example/abc".into()),
                ..input()
            },
            "Videolink: „meet.example/abc“ ist kein Link. Bitte fügen Sie die Adresse mit https:// ein.",
        ),
        (
            SessionInput {
                title: "x".repeat(201),
                ..input()
            },
            "Titel: Höchstens 200 Zeichen sind erlaubt, hier sind es 201. Bitte kürzen Sie den Text.",
        ),
    ];
    for (bad, message) in cases {
        assert_eq!(bad.normalised().unwrap_err().to_string(), message);
    }
    let gap = SessionInput {
        date: "28.03.2027".into(),
        start_time: "02:15".into(),
        end_time: None,
        ..input()
    };
    assert!(
        gap.normalised()
            .unwrap_err()
            .to_string()
            .starts_with("Beginn: 02:15 Uhr am 28.03.2027")
    );
}

#[test]
fn notes_pasted_from_word_are_kept_as_typed() {
    let text = "• Punkt eins\n\t– „Zitat“ mit ‚Anführung‘\n";
    let f = SessionInput {
        notes: Some(text.into()),
        ..input()
    }
    .normalised()
    .unwrap();
    assert_eq!(f.notes.as_deref(), Some(text));
}

#[test]
fn status_changes_follow_the_rule() {
    use SessionStatus::*;
    Geplant.check_change(Eingeladen, false).unwrap();
    Eingeladen.check_change(Durchgefuehrt, false).unwrap();
    Abgesagt.check_change(Geplant, false).unwrap();
    Durchgefuehrt.check_change(Eingeladen, false).unwrap();
    let err = Durchgefuehrt.check_change(Eingeladen, true).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Status: Die Sitzung hat schon ein Protokoll")
    );
    let err = Abgesagt.check_change(Durchgefuehrt, false).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Status: Eine Sitzung mit dem Status „abgesagt“ kann nicht auf „durchgeführt“ gesetzt werden."
    );
    Durchgefuehrt.check_change(Durchgefuehrt, true).unwrap();
}

#[test]
fn upcoming_first_then_the_past_latest_first() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let mut rows = [
        ("2026-10-01", "10:00", 1),
        ("2027-01-10", "09:00", 2),
        ("2026-11-24", "14:00", 3),
        ("2025-05-05", "10:00", 4),
        ("2026-11-24", "09:00", 5),
    ];
    rows.sort_by(|a, b| list_order(today, *a, *b));
    let ids: Vec<i64> = rows.iter().map(|r| r.2).collect();
    assert_eq!(ids, [5, 3, 2, 1, 4]);
}

#[test]
fn when_is_written_the_german_way() {
    assert_eq!(
        when_de("2026-11-24", "14:00", Some("16:30")),
        "Di., 24.11.2026, 14:00–16:30 Uhr"
    );
    assert_eq!(when_de("2026-11-24", "14:00", None), "Di., 24.11.2026, 14:00 Uhr");
}

#[test]
fn sessions_are_named_by_number_or_next_and_last() {
    assert_eq!(
        SessionReference::parse(" 12 ").unwrap(),
        SessionReference::Number(12)
    );
    assert_eq!(
        SessionReference::parse("Nächste").unwrap(),
        SessionReference::Next
    );
    assert_eq!(
        SessionReference::parse("naechste").unwrap(),
        SessionReference::Next
    );
    assert_eq!(SessionReference::parse("letzte").unwrap(), SessionReference::Last);
    assert_eq!(
        SessionReference::parse("Herbst").unwrap_err().to_string(),
        "Sitzung: „Herbst“ ist keine Sitzung. Bitte geben Sie ihre Nummer an oder „naechste“ bzw. „letzte“."
    );
    assert_eq!(
        SessionReference::Last.none_found().to_string(),
        "Sitzung: Es gibt noch keine vergangene Sitzung."
    );
    assert_eq!(
        SessionReference::Next.none_found().to_string(),
        "Sitzung: Es ist keine Sitzung geplant."
    );
}

#[test]
fn approved_sessions_keep_their_date() {
    let mut stored = tests_support::session();
    stored.minutes_status = Some(crate::minutes::MinutesStatus::Freigegeben);
    let same = SessionInput {
        title: "Neuer Titel".into(),
        date: "24.11.2026".into(),
        start_time: "14:00".into(),
        end_time: Some("16:30".into()),
        status: SessionStatus::Eingeladen,
        ..Default::default()
    }
    .normalised()
    .unwrap();
    check_update(&stored, &same).unwrap();
    let moved = SessionFields {
        date: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        ..same
    };
    assert!(
        check_update(&stored, &moved)
            .unwrap_err()
            .to_string()
            .starts_with("Protokoll:")
    );
}
