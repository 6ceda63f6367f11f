//! Outlook CSV (German, Windows-1252) and Excel CSV (semicolon, Windows-1252 and UTF-8 with BOM).

use super::*;

// ---------------------------------------------------------------------------------------------
// Outlook CSV (German, Windows-1252, comma, every field quoted, embedded line break)

#[test]
fn outlook_csv_table_encoding_delimiter_and_lines() {
    let table = read_table(OUTLOOK_CSV).unwrap();
    assert_eq!(table.encoding, Encoding::Windows1252);
    assert_eq!(table.delimiter, ',');
    assert_eq!(table.headers.len(), 91);
    assert_eq!(table.headers.first().map(String::as_str), Some("Anrede"));
    assert!(table.headers.iter().any(|h| h == "Straße geschäftlich"));
    assert!(table.headers.iter().any(|h| h == "Telefon für Hörbehinderte"));
    assert!(table.rows.iter().all(|r| r.cells.len() == 91));
    // Anna's record spans lines 2–3 (line break in Notizen), so Kemal starts on line 4.
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 4, 5, 6, 7]);
}

#[test]
fn outlook_csv_mapping_by_german_headers() {
    let table = read_table(OUTLOOK_CSV).unwrap();
    let mapping = guess_mapping(&table.headers);
    assert_eq!(mapping.len(), table.headers.len());
    let field_of = |header: &str| {
        let i = table.headers.iter().position(|h| h == header).unwrap();
        mapping[i]
    };
    assert_eq!(field_of("Anrede"), Some(Field::Salutation));
    assert_eq!(field_of("Vorname"), Some(Field::FirstName));
    assert_eq!(field_of("Nachname"), Some(Field::LastName));
    assert_eq!(field_of("Firma"), Some(Field::Organisation));
    assert_eq!(field_of("Abteilung"), Some(Field::Department));
    assert_eq!(field_of("Position"), Some(Field::Function));
    assert_eq!(field_of("Straße geschäftlich"), Some(Field::Street));
    assert_eq!(field_of("Postleitzahl geschäftlich"), Some(Field::PostalCode));
    assert_eq!(field_of("Ort geschäftlich"), Some(Field::City));
    assert_eq!(field_of("Land/Region geschäftlich"), Some(Field::Country));
    assert_eq!(field_of("Telefon geschäftlich"), Some(Field::Phone));
    assert_eq!(field_of("Mobiltelefon"), Some(Field::Mobile));
    assert_eq!(field_of("E-Mail-Adresse"), Some(Field::Email));
    assert_eq!(field_of("E-Mail 2: Adresse"), Some(Field::Email));
    assert_eq!(field_of("E-Mail 3: Adresse"), Some(Field::Email));
    assert_eq!(field_of("Notizen"), Some(Field::Notes));
    assert_eq!(field_of("Kategorien"), Some(Field::Groups));
    // Not e-mails, and not the business city.
    for header in [
        "E-Mail-Typ",
        "E-Mail: Angezeigter Name",
        "E-Mail 2: Typ",
        "E-Mail 2: Angezeigter Name",
    ] {
        assert_eq!(field_of(header), None, "{header}");
    }
    assert_eq!(field_of("Ort"), None);
    assert_eq!(field_of("Ort privat"), None);
    assert_eq!(field_of("Fax geschäftlich"), None);
    assert_eq!(field_of("Geschlecht"), None);
    // Every single-valued field is fed by at most one column.
    for field in Field::ALL.iter().filter(|f| !f.is_multi_valued()) {
        assert!(
            mapping.iter().filter(|m| **m == Some(*field)).count() <= 1,
            "{field:?}"
        );
    }
}

#[test]
fn outlook_csv_contacts() {
    let (_, contacts) = csv_contacts(OUTLOOK_CSV);
    assert_eq!(contacts.len(), 5);

    let anna = find(&contacts, "Müller");
    assert_eq!(anna.position, Position::Line(2));
    assert_eq!(anna.salutation, s("Frau"));
    assert_eq!(anna.title, None);
    assert_eq!(anna.first_name, s("Anna"));
    assert_eq!(anna.organisation, s("Landratsamt Tübingen"));
    assert_eq!(anna.department, s("Stabsstelle Integration"));
    assert_eq!(anna.function, s("Integrationsbeauftragte"));
    assert_eq!(anna.street, s("Wilhelm-Keil-Straße 50"));
    assert_eq!(anna.postal_code, s("72072"));
    assert_eq!(anna.city, s("Tübingen"));
    assert_eq!(anna.country, s("Deutschland"));
    // Only the address column counts; the display name "Anna Müller (a.mueller@…)" is no e-mail.
    assert_eq!(
        anna.emails,
        vec![value("a.mueller@landkreis-tuebingen.example", "work", true)]
    );
    assert_eq!(anna.phones, vec![value("+49 7071 207-0000", "work", true)]);
    assert_eq!(
        anna.notes,
        s("Ansprechpartnerin für Sprachkurse.\nVertretung: Herr Weiß")
    );
    assert_eq!(
        anna.groups,
        vec!["Netzwerk Integration", "Integrationsbeauftragte"]
    );

    // "Dr." stands in the Anrede column: it is a title, not a salutation.
    let kemal = find(&contacts, "Öztürk");
    assert_eq!(kemal.position, Position::Line(4));
    assert_eq!(kemal.salutation, None);
    assert_eq!(kemal.title, s("Dr."));
    assert_eq!(kemal.first_name, s("Kemal"));
    assert_eq!(kemal.organisation, s("Stadt Mannheim"));
    assert_eq!(kemal.department, s("Beauftragter für Integration und Migration"));
    assert_eq!(kemal.function, s("Leitung"));
    assert_eq!(
        kemal.phones,
        vec![
            value("0621 293-0000", "work", true),
            value("0170 0000000", "mobile", false)
        ]
    );
    assert_eq!(email_values(kemal), vec!["kemal.oeztuerk@mannheim.example"]);

    // The second e-mail address column.
    let gerlinde = find(&contacts, "Weiß-Straßburger");
    assert_eq!(gerlinde.position, Position::Line(5));
    assert_eq!(gerlinde.salutation, None);
    assert_eq!(gerlinde.first_name, s("Gerlinde"));
    assert_eq!(
        gerlinde.organisation,
        s("Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg")
    );
    assert_eq!(
        gerlinde.emails,
        vec![
            value("gruesse.weiss@sm.bwl.example", "work", true),
            value("poststelle@sm.bwl.example", "work", false)
        ]
    );
    assert_eq!(gerlinde.city, s("Stuttgart"));
    assert_eq!(gerlinde.postal_code, s("70174"));
    assert_eq!(gerlinde.street, None);
    assert!(gerlinde.phones.is_empty());

    // `""` inside a quoted field is one quote; `;` in Kategorien separates groups.
    let zofia = find(&contacts, "Nowak");
    assert_eq!(zofia.position, Position::Line(6));
    assert_eq!(
        zofia.notes,
        s("Spricht Polnisch, \"Deutsch\" und Englisch; Schwerpunkt: Wohnen")
    );
    assert_eq!(
        zofia.groups,
        vec!["Netzwerk Integration", "Integrationsmanagement"]
    );
    assert_eq!(zofia.street, s("Badstraße 20"));

    // A row without e-mail.
    let lars = find(&contacts, "Ekström");
    assert_eq!(lars.position, Position::Line(7));
    assert_eq!(lars.salutation, s("Herr"));
    assert!(lars.emails.is_empty());
    assert_eq!(lars.organisation, s("Gemeindetag Baden-Württemberg"));
    assert_eq!(lars.groups, vec!["Kommunale Landesverbände"]);
    assert_eq!(lars.department, None);
}

// ---------------------------------------------------------------------------------------------
// Excel CSV (German, semicolon), in Windows-1252 and in UTF-8 with BOM

fn check_excel(bytes: &[u8], encoding: Encoding) {
    let (table, contacts) = csv_contacts(bytes);
    assert_eq!(table.encoding, encoding);
    assert_eq!(table.delimiter, ';');
    assert_eq!(
        table.headers,
        [
            "Anrede",
            "Titel",
            "Vorname",
            "Nachname",
            "Organisation",
            "Funktion",
            "Stadt-/Landkreis",
            "E-Mail",
            "Telefon",
            "Themen"
        ]
    );
    assert_eq!(
        guess_mapping(&table.headers),
        vec![
            Some(Field::Salutation),
            Some(Field::Title),
            Some(Field::FirstName),
            Some(Field::LastName),
            Some(Field::Organisation),
            Some(Field::Function),
            Some(Field::District),
            Some(Field::Email),
            Some(Field::Phone),
            Some(Field::Groups),
        ]
    );
    assert_eq!(contacts.len(), 4);
    let positions: Vec<Position> = contacts.iter().map(|c| c.position).collect();
    assert_eq!(positions, [2, 3, 4, 5].map(Position::Line));

    let anna = find(&contacts, "Müller");
    assert_eq!(anna.salutation, s("Frau"));
    assert_eq!(anna.title, None);
    assert_eq!(anna.organisation, s("Landratsamt Tübingen"));
    assert_eq!(anna.function, s("Integrationsbeauftragte"));
    assert_eq!(anna.district, s("Tübingen"));
    assert_eq!(
        anna.emails,
        vec![value("a.mueller@landkreis-tuebingen.example", "work", true)]
    );
    assert_eq!(anna.phones, vec![value("07071 207-0000", "work", true)]);
    // "Sprache; Bildung" is one quoted field with a `;` inside.
    assert_eq!(anna.groups, vec!["Sprache", "Bildung"]);
    assert_eq!(&table.rows[0].cells[9], "Sprache; Bildung");

    let kemal = find(&contacts, "Öztürk");
    assert_eq!(kemal.salutation, s("Herr"));
    assert_eq!(kemal.title, s("Dr."));
    assert_eq!(kemal.function, s("Beauftragter für Integration"));
    assert_eq!(kemal.district, s("Mannheim"));
    assert_eq!(kemal.groups, vec!["Arbeit"]);

    // Empty fields stay empty.
    let weiss = find(&contacts, "Weiß-Straßburger");
    assert_eq!(weiss.first_name, s("Grüße"));
    assert_eq!(
        weiss.organisation,
        s("Ministerium für Soziales, Gesundheit und Integration")
    );
    assert_eq!(weiss.district, None);
    assert!(weiss.phones.is_empty());
    assert!(weiss.groups.is_empty());
    assert_eq!(email_values(weiss), vec!["gruesse.weiss@sm.bwl.example"]);

    let jonas = find(&contacts, "Bäuerle");
    assert_eq!(jonas.first_name, s("Jonas"));
    assert_eq!(jonas.district, s("Rems-Murr-Kreis"));
    assert_eq!(jonas.groups, vec!["Wohnen", "Gesundheit"]);
}

#[test]
fn excel_csv_windows1252() {
    check_excel(EXCEL_1252, Encoding::Windows1252);
}

#[test]
fn excel_csv_utf8_bom() {
    check_excel(EXCEL_UTF8_BOM, Encoding::Utf8Bom);
}

#[test]
fn excel_csv_both_encodings_give_the_same_contacts() {
    assert_eq!(csv_contacts(EXCEL_1252).1, csv_contacts(EXCEL_UTF8_BOM).1);
}
