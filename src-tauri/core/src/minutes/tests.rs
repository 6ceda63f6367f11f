//! Unit tests of the minutes rules (no database).

use chrono::NaiveDate;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn decision_numbers_follow_the_scheme() {
    assert_eq!(decision_label(3, 2027, 2), "Beschluss 3/2027-2");
    assert_eq!(session_ordinal(0), 1);
    assert_eq!(decision_label(session_ordinal(2), 2027, 1), "Beschluss 3/2027-1");
}

#[test]
fn decisions_are_numbered_in_agenda_order() {
    // Decision 10 was recorded first but belongs to TOP 3; 11 to TOP 1; 12 without TOP; 13 TOP 1.
    let numbered = number_decisions(&[
        (10, Some(2), 1),
        (11, Some(0), 2),
        (12, None, 3),
        (13, Some(0), 4),
    ]);
    assert_eq!(numbered, [(11, 1), (13, 2), (10, 3), (12, 4)]);
    assert!(number_decisions(&[]).is_empty());
}

#[test]
fn approved_minutes_are_locked() {
    check_editable(None).unwrap();
    check_editable(Some(MinutesStatus::Entwurf)).unwrap();
    let err = check_editable(Some(MinutesStatus::Freigegeben)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Protokoll: Das Protokoll ist freigegeben"),
        "{err}"
    );
    assert!(err.to_string().contains("Nachtrag"));
}

#[test]
fn approval_needs_a_draft_and_a_name() {
    check_approval(Some(MinutesStatus::Entwurf), "Dr. Anna Müller").unwrap();
    assert!(
        check_approval(Some(MinutesStatus::Entwurf), " ")
            .unwrap_err()
            .to_string()
            .starts_with("Freigegeben von:")
    );
    assert!(check_approval(Some(MinutesStatus::Freigegeben), "x").is_err());
    assert!(check_approval(None, "x").is_err());
}

#[test]
fn sessions_with_approved_minutes_stay() {
    check_session_deletable(None).unwrap();
    check_session_deletable(Some(MinutesStatus::Entwurf)).unwrap();
    assert!(check_session_deletable(Some(MinutesStatus::Freigegeben)).is_err());
}

#[test]
fn an_addendum_only_after_approval() {
    let input = AddendumInput {
        date: None,
        reason: "Tippfehler im Beschluss".into(),
        text: "Statt „2026“ muss es „2027“ heißen.".into(),
    };
    let err = input
        .clone()
        .normalised(Some(MinutesStatus::Entwurf), None, d(2027, 3, 1))
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("Nachtrag: Ein Nachtrag ist erst nach der Freigabe")
    );
    let ok = input
        .clone()
        .normalised(
            Some(MinutesStatus::Freigegeben),
            Some(d(2027, 2, 1)),
            d(2027, 3, 1),
        )
        .unwrap();
    assert_eq!(ok.date, d(2027, 3, 1));
    let early = AddendumInput {
        date: Some("15.01.2027".into()),
        ..input.clone()
    };
    let err = early
        .normalised(
            Some(MinutesStatus::Freigegeben),
            Some(d(2027, 2, 1)),
            d(2027, 3, 1),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Datum: Der Nachtrag kann nicht vor der Freigabe am 01.02.2027 liegen."
    );
    let no_reason = AddendumInput {
        reason: " ".into(),
        ..input
    };
    assert!(
        no_reason
            .normalised(Some(MinutesStatus::Freigegeben), None, d(2027, 3, 1))
            .unwrap_err()
            .to_string()
            .starts_with("Grund:")
    );
}

#[test]
fn action_items_due_before_the_session_are_refused() {
    let session = d(2027, 3, 10);
    let item = ActionItemInput {
        what: "Konzept überarbeiten".into(),
        due_date: Some("01.03.2027".into()),
        ..Default::default()
    };
    let err = item.clone().normalised(session, session).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Fällig am: Der 01.03.2027 liegt vor der Sitzung am 10.03.2027. Bitte wählen Sie ein späteres Datum."
    );
    let ok = ActionItemInput {
        due_date: Some("30.04.2027".into()),
        status: ActionStatus::Erledigt,
        ..item
    }
    .normalised(session, d(2027, 4, 2))
    .unwrap();
    assert_eq!(
        ok.done_date,
        Some(d(2027, 4, 2)),
        "done today when no date is given"
    );
    let empty = ActionItemInput::default()
        .normalised(session, session)
        .unwrap_err();
    assert!(empty.to_string().starts_with("Aufgabe:"));
}

#[test]
fn overdue_means_open_and_past_due() {
    let today = d(2027, 5, 1);
    assert!(is_overdue(ActionStatus::Offen, Some(d(2027, 4, 30)), today));
    assert!(!is_overdue(ActionStatus::Offen, Some(today), today));
    assert!(!is_overdue(ActionStatus::Erledigt, Some(d(2027, 4, 30)), today));
    assert!(!is_overdue(ActionStatus::Offen, None, today));
}

#[test]
fn cancelled_sessions_get_no_minutes() {
    check_may_begin(false).unwrap();
    assert!(
        check_may_begin(true)
            .unwrap_err()
            .to_string()
            .starts_with("Protokoll: Die Sitzung wurde abgesagt")
    );
}

#[test]
fn decisions_name_their_own_sessions_tops() {
    check_item_of_session(None, 1).unwrap();
    check_item_of_session(Some(1), 1).unwrap();
    assert!(check_item_of_session(Some(2), 1).is_err());
}

#[test]
fn a_decision_approves_draft_minutes_only() {
    assert!(approves_linked(Some(MinutesStatus::Entwurf)));
    assert!(!approves_linked(Some(MinutesStatus::Freigegeben)));
    assert!(!approves_linked(None));
    assert_eq!(
        approved_by_decision("Beschluss 2/2027-1", "Netzwerktreffen"),
        "Beschluss 2/2027-1 der Sitzung „Netzwerktreffen“"
    );
}

#[test]
fn decisions_follow_the_agenda_by_top_id() {
    // TOPs 7, 5, 9 in reading order; decision 1 on TOP 9, 2 without TOP, 3 on TOP 7.
    let numbered = number_in_agenda(&[7, 5, 9], &[(1, Some(9)), (2, None), (3, Some(7))]);
    assert_eq!(numbered, [(3, 1), (1, 2), (2, 3)]);
}

#[test]
fn blank_discussion_is_stored_as_none() {
    assert_eq!(discussion("  \n").unwrap(), None);
    assert_eq!(discussion("\tWie besprochen").unwrap(), Some("\tWie besprochen"));
    assert!(discussion(&"x".repeat(crate::limits::TEXT + 1)).is_err());
    assert_eq!(minute_taker_name(Some("  ".into())), None);
    assert_eq!(minute_taker_name(Some(" Anna ".into())), Some("Anna".into()));
}

#[test]
fn owners_are_named_with_their_organisation() {
    assert_eq!(
        owner_label(Some("Anna Müller".into()), Some("Landratsamt Tübingen".into())).as_deref(),
        Some("Anna Müller (Landratsamt Tübingen)")
    );
    assert_eq!(owner_label(None, Some("LRA".into())).as_deref(), Some("LRA"));
    assert_eq!(owner_label(None, None), None);
}

#[test]
fn done_dates_follow_the_status() {
    let today = d(2027, 5, 1);
    assert_eq!(done_date(ActionStatus::Offen, Some(today), today), None);
    assert_eq!(done_date(ActionStatus::Erledigt, None, today), Some(today));
    assert_eq!(
        done_date(ActionStatus::Erledigt, Some(d(2027, 4, 2)), today),
        Some(d(2027, 4, 2))
    );
    assert_eq!(
        approved_on(Some("2027-02-01T23:30:00Z")),
        Some(d(2027, 2, 2)),
        "Stuttgart's day"
    );
    assert_eq!(approved_on(None), None);
}

#[test]
fn approved_action_items_change_status_only() {
    let stored = ActionItem {
        id: 1,
        session_id: 1,
        agenda_item_id: None,
        what: "Konzept".into(),
        owner_contact_id: None,
        owner_organisation_id: None,
        owner_name: None,
        due_date: None,
        status: ActionStatus::Offen,
        done_date: None,
        created_at: String::new(),
        updated_at: String::new(),
        version: 1,
    };
    let same = ActionItemInput {
        what: "Konzept".into(),
        status: ActionStatus::Erledigt,
        ..Default::default()
    }
    .normalised(d(2027, 1, 1), d(2027, 2, 1))
    .unwrap();
    let approved = Some(MinutesStatus::Freigegeben);
    assert!(!check_action_item_change(&stored, &same, approved).unwrap());
    let other = ActionItemFields {
        what: "Anderes".into(),
        ..same
    };
    assert!(check_action_item_change(&stored, &other, approved).is_err());
    assert!(check_action_item_change(&stored, &other, Some(MinutesStatus::Entwurf)).unwrap());
}
