//! Unit tests of the error type: the JSON of every code, German messages, SQLite mapping.

use super::*;

#[test]
fn sqlite_version_gate() {
    assert!(sqlite_version_is_supported("3.51.3"));
    assert!(sqlite_version_is_supported("3.52.0"));
    assert!(sqlite_version_is_supported("4.0.0"));
    assert!(!sqlite_version_is_supported("3.51.2"));
    assert!(!sqlite_version_is_supported("3.45.1"));
    assert!(!sqlite_version_is_supported("kaputt"));
    assert!(!sqlite_version_is_supported(""));
}

#[test]
fn extended_codes_reduce_to_primary() {
    assert_eq!(primary_code("261").as_deref(), Some(SQLITE_BUSY)); // SQLITE_BUSY_RECOVERY
    assert_eq!(primary_code("13").as_deref(), Some(SQLITE_FULL));
    assert_eq!(primary_code("x"), None);
}

/// Pins the JSON the UI branches on, for every code.
#[test]
fn payload_json_for_every_code() {
    let cases: Vec<(Error, &str)> = vec![
        (Error::validation("Nachname", "Bitte ausfüllen."), "Validation"),
        (
            Error::NotFound {
                what: "Der Kontakt".into(),
            },
            "NotFound",
        ),
        (
            Error::Conflict {
                what: "Der Kontakt".into(),
                which: "den Kontakt".into(),
            },
            "Conflict",
        ),
        (
            Error::DamagedDatabase {
                path: "/d/n.sqlite3".into(),
                finding: DamageFinding::NotADatabase,
                technical: "file is not a database".into(),
            },
            "DamagedDatabase",
        ),
        (
            Error::NewerDatabase {
                path: "/d/n.sqlite3".into(),
            },
            "NewerDatabase",
        ),
        (
            Error::SqliteTooOld {
                found: "3.40.0".into(),
            },
            "SqliteTooOld",
        ),
        (Error::Busy, "Busy"),
        (Error::DiskFull, "DiskFull"),
        (
            Error::io("Lesen", std::io::Error::from(std::io::ErrorKind::NotFound)),
            "Io",
        ),
        (Error::Database("kaputt".into()), "Database"),
        (Error::ReadOnly, "ReadOnly"),
        (Error::CannotOpen, "CannotOpen"),
        (Error::SharedMemory, "CannotOpen"),
        (Error::DiskIo, "DiskIo"),
        (
            Error::Pdf {
                reason: "Das Logo ist kein PNG-Bild.".into(),
            },
            "Pdf",
        ),
    ];
    for (err, code) in cases {
        if let Error::DamagedDatabase { .. } = err {
            assert!(
                !err.to_string().contains("file is not"),
                "no English in the message"
            );
        }
        let json = serde_json::to_value(ErrorPayload::from(&err)).unwrap();
        assert_eq!(json["code"], code);
        assert_eq!(json["message"], err.to_string());
        let expected_members = if code == "Validation" { 4 } else { 2 };
        assert_eq!(
            json.as_object().unwrap().len(),
            expected_members,
            "only code and message (and field, fields for Validation): {json}"
        );
    }

    // One field: `field` names it, `fields` lists it.
    let json = serde_json::to_string(&ErrorPayload::from(Error::validation(
        "Nachname",
        "Bitte ausfüllen.",
    )))
    .unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"code":"Validation","message":"Nachname: Bitte ausfüllen.","field":"Nachname","#,
            r#""fields":[{"field":"Nachname","message":"Bitte ausfüllen."}]}"#
        )
    );

    // Several fields: `field` is the first, `fields` lists every one, the message all of them.
    let several = Error::from_fields(vec![
        FieldError::new("Nachname", "Bitte ausfüllen."),
        FieldError::new("E-Mail-Adresse", "„x“ ist ungültig.").at(1),
    ])
    .unwrap();
    let json = serde_json::to_string(&ErrorPayload::from(&several)).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"code":"Validation","message":"Bitte prüfen Sie 2 Angaben: Nachname: Bitte ausfüllen. "#,
            r#"E-Mail-Adresse: „x“ ist ungültig.","field":"Nachname","fields":["#,
            r#"{"field":"Nachname","message":"Bitte ausfüllen."},"#,
            r#"{"field":"E-Mail-Adresse","message":"„x“ ist ungültig.","index":1}]}"#
        )
    );

    // An import row: the position as data, the code of the underlying error.
    let in_row = Error::validation("E-Mail-Adresse", "„x“ ist ungültig.").at_position(14, "Zeile 14");
    let json = serde_json::to_string(&ErrorPayload::from(&in_row)).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"code":"Validation","message":"Zeile 14: E-Mail-Adresse: „x“ ist ungültig.","#,
            r#""field":"E-Mail-Adresse","fields":[{"field":"E-Mail-Adresse","message":"„x“ ist ungültig."}],"#,
            r#""position":14,"position_label":"Zeile 14"}"#
        )
    );
    let io_in_card = Error::Busy.at_position(3, "Karte 3");
    assert_eq!(io_in_card.code(), ErrorCode::Busy);
    let json = serde_json::to_value(ErrorPayload::from(&io_in_card)).unwrap();
    assert_eq!(json["position"], 3);
    assert!(json.get("field").is_none(), "{json}");
}

#[test]
fn from_fields_picks_the_smallest_shape() {
    assert!(Error::from_fields(Vec::new()).is_none());
    let one = Error::from_fields(vec![FieldError::new("Name", "Fehlt.")]).unwrap();
    assert!(matches!(one, Error::Validation { ref field, .. } if field == "Name"));
    assert_eq!(one.to_string(), "Name: Fehlt.");
    assert_eq!(one.field_errors().len(), 1);
    // One of several e-mail addresses keeps its index, so it stays a `Fields` error.
    let indexed = Error::from_fields(vec![FieldError::new("E-Mail-Adresse", "Ungültig.").at(2)]).unwrap();
    assert_eq!(indexed.to_string(), "E-Mail-Adresse: Ungültig.");
    assert_eq!(indexed.field_errors()[0].index, Some(2));
    assert!(Error::Busy.field_errors().is_empty());
}

#[test]
fn sqlx_errors_map_to_codes() {
    assert_eq!(Error::from(sqlx::Error::PoolTimedOut).code(), ErrorCode::Busy);
    assert_eq!(Error::from(sqlx::Error::RowNotFound).code(), ErrorCode::Database);
    let io = sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::StorageFull));
    assert_eq!(Error::from(io).code(), ErrorCode::DiskFull);
}

#[test]
fn storage_full_becomes_disk_full() {
    let e = Error::io("Schreiben", std::io::Error::from(std::io::ErrorKind::StorageFull));
    assert_eq!(e.code(), ErrorCode::DiskFull);
    assert!(e.to_string().contains("Datenträger ist voll"));
    let e = Error::io(
        "Die Datei „x.csv“ konnte nicht gelesen werden",
        std::io::ErrorKind::NotFound.into(),
    );
    assert_eq!(
        e.to_string(),
        "Die Datei „x.csv“ konnte nicht gelesen werden: Die Datei oder der Ordner existiert nicht."
    );
}

#[test]
fn messages_are_german_and_name_the_problem() {
    let e = Error::validation("Regierungsbezirk", "„Berlin“ gibt es in Baden-Württemberg nicht.");
    assert_eq!(e.code(), ErrorCode::Validation);
    assert_eq!(
        e.to_string(),
        "Regierungsbezirk: „Berlin“ gibt es in Baden-Württemberg nicht."
    );
    let e = Error::SqliteTooOld {
        found: "3.45.1".into(),
    };
    assert!(e.to_string().contains("3.45.1"));
    assert!(e.to_string().contains("mindestens 3.51.3"));
}
