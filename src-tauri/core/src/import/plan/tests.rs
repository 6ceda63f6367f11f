//! Unit tests of the import plan: rows as new, duplicate or error; actions.

use super::*;
use crate::import::ImportedValue;

fn row(line: usize, first: &str, last: &str, email: Option<&str>) -> ImportedContact {
    ImportedContact {
        position: Position::Line(line),
        first_name: Some(first.into()),
        last_name: (!last.is_empty()).then(|| last.into()),
        organisation: Some("Landratsamt Tübingen".into()),
        emails: email
            .map(|e| ImportedValue {
                value: e.into(),
                kind: "work".into(),
                preferred: true,
            })
            .into_iter()
            .collect(),
        ..Default::default()
    }
}

fn file() -> Vec<ImportedContact> {
    vec![
        row(2, "Anna", "Müller", Some("A.Mueller@lrat.example")),
        row(3, "Bernd", "", Some("b@lrat.example")),
        row(4, "Carla", "Schmidt", Some("carla(at)lrat")),
        row(5, "Anna", "Mueller", None),
        row(6, "Dora", "Stein", Some("a.mueller@lrat.example")),
        row(7, "Emil", "Ende", Some("e@lrat.example")),
    ]
}

#[test]
fn keys_are_what_the_valid_rows_need_each_once() {
    let contacts = file();
    let checked = check_rows(&contacts);
    let keys = lookup_keys(&contacts, &checked);
    assert_eq!(keys.emails, ["a.mueller@lrat.example", "e@lrat.example"]);
    assert_eq!(keys.names, ["ende emil", "muller anna", "stein dora"]);
}

#[test]
fn every_row_gets_a_decision_with_its_field_and_without_its_own_position() {
    let contacts = file();
    let stored = StoredIdentities {
        by_email: HashMap::from([("e@lrat.example".to_owned(), 41)]),
        by_name: HashMap::new(),
    };
    let rows = plan_rows(&contacts, check_rows(&contacts), &stored);
    let got: Vec<(&str, RowStatus, Option<&str>, Option<i64>)> = rows
        .iter()
        .map(|r| {
            (
                r.position_label.as_str(),
                r.status,
                r.field.as_deref(),
                r.duplicate_of,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Zeile 2", RowStatus::New, None, None),
            ("Zeile 3", RowStatus::Error, Some("Nachname"), None),
            ("Zeile 4", RowStatus::Error, Some("E-Mail-Adresse"), None),
            ("Zeile 5", RowStatus::Duplicate, None, None),
            ("Zeile 6", RowStatus::Duplicate, None, None),
            ("Zeile 7", RowStatus::Duplicate, None, Some(41)),
        ]
    );
    assert_eq!(rows[1].message.as_deref(), Some("Nachname fehlt."));
    assert!(rows[2].message.as_deref().unwrap().starts_with("„carla(at)lrat“"));
    assert_eq!(rows[2].fields.len(), 1);
    assert_eq!(rows[2].fields[0].field, "E-Mail-Adresse");
    assert!(row_reason(&rows[2]).starts_with("E-Mail-Adresse: „carla(at)lrat“"));
    assert_eq!(row_reason(&rows[1]), "Nachname fehlt.");
    assert_eq!(row_reason(&rows[3]), "steht schon in Zeile 2 dieser Datei");
    // Same name and organisation, and same address (any case), as row 2.
    assert_eq!(
        rows[3].message.as_deref(),
        Some("steht schon in Zeile 2 dieser Datei")
    );
    assert_eq!(
        rows[4].message.as_deref(),
        Some("steht schon in Zeile 2 dieser Datei")
    );
    assert_eq!(
        rows[5].message.as_deref(),
        Some("gleiche E-Mail-Adresse wie ein gespeicherter Kontakt")
    );
    assert!(rows.iter().all(|r| {
        !r.message
            .as_deref()
            .unwrap_or_default()
            .contains(&r.position_label)
    }));

    let preview = ImportPreview::new(
        ParsedFile {
            kind: FileKind::Csv,
            encoding: Some(Encoding::Utf8),
            delimiter: Some(';'),
            headers: Vec::new(),
            mapping: Vec::new(),
            contacts,
        },
        rows,
    );
    assert_eq!(
        (preview.new_count, preview.duplicate_count, preview.error_count),
        (1, 3, 2)
    );
    let json = serde_json::to_value(&preview.rows[2]).unwrap();
    assert_eq!(json["field"], "E-Mail-Adresse");
    assert_eq!(json["position"], serde_json::json!({"kind": "line", "number": 4}));
}

#[test]
fn only_duplicates_of_stored_contacts_can_be_updated() {
    let contacts = file();
    let stored = StoredIdentities {
        by_email: HashMap::from([("e@lrat.example".to_owned(), 41)]),
        by_name: HashMap::new(),
    };
    let rows = plan_rows(&contacts, check_rows(&contacts), &stored);
    let actions = |choice| -> Vec<DuplicateAction> { rows.iter().map(|r| row_action(r, choice)).collect() };
    use DuplicateAction::{ImportAnyway as Anyway, Skip, Update};
    assert_eq!(actions(Skip), [Anyway, Skip, Skip, Skip, Skip, Skip]);
    assert_eq!(actions(Update), [Anyway, Skip, Skip, Skip, Skip, Update]);
    assert_eq!(actions(Anyway), [Anyway, Skip, Skip, Anyway, Anyway, Anyway]);
}
