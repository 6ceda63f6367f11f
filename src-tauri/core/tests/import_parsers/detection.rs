//! Detection of file kind, encoding and delimiter; headers, salutations, mappings and labels.

use super::*;

// ---------------------------------------------------------------------------------------------
// Detection: file kind, encoding, delimiter

#[test]
fn detect_kind_of_every_sample() {
    for csv in [OUTLOOK_CSV, EXCEL_1252, EXCEL_UTF8_BOM] {
        assert_eq!(detect_kind(csv), Ok(FileKind::Csv));
    }
    for vcf in [VCARD_21, VCARD_30, VCARD_40] {
        assert_eq!(detect_kind(vcf), Ok(FileKind::VCard));
    }
    // By content, after BOM and blank lines, any case.
    assert_eq!(
        detect_kind(b"\xEF\xBB\xBF\r\n  begin:vcard\r\n"),
        Ok(FileKind::VCard)
    );
    assert_eq!(detect_kind(b"Name;BEGIN:VCARD\n"), Ok(FileKind::Csv));
}

#[test]
fn decode_detects_all_three_encodings() {
    assert_eq!(decode("Weiß".as_bytes()), ("Weiß".to_owned(), Encoding::Utf8));
    assert_eq!(
        decode(b"\xEF\xBB\xBFWei\xC3\x9F"),
        ("Weiß".to_owned(), Encoding::Utf8Bom)
    );
    assert_eq!(
        decode(b"Wei\xDF \x80"),
        ("Weiß €".to_owned(), Encoding::Windows1252)
    );
    assert_eq!(decode(b""), (String::new(), Encoding::Utf8));
    assert_eq!(decode(EXCEL_1252).1, Encoding::Windows1252);
    assert_eq!(decode(EXCEL_UTF8_BOM).1, Encoding::Utf8Bom);
    assert_eq!(decode(VCARD_30).1, Encoding::Utf8);
    assert_eq!(
        decode(EXCEL_1252).0,
        decode(EXCEL_UTF8_BOM).0.replace('\u{FEFF}', "")
    );
}

#[test]
fn delimiter_detection() {
    let cases: [(&str, char); 5] = [
        ("Vorname;Nachname\nAnna;Müller\n", ';'),
        ("Vorname,Nachname\nAnna,Müller\n", ','),
        ("Vorname\tNachname\nAnna\tMüller\n", '\t'),
        // Commas inside quotes do not count.
        (
            "\"Name, Vorname\";\"Firma, Sitz\"\n\"Müller, Anna\";\"LRA, Tübingen\"\n",
            ';',
        ),
        // Excel's delimiter hint line.
        ("sep=,\r\nVorname;Nachname,Ort\r\nAnna;B,Ulm\r\n", ','),
    ];
    for (text, delimiter) in cases {
        let table = read_table(text.as_bytes()).unwrap();
        assert_eq!(table.delimiter, delimiter, "{text:?}");
        assert_eq!(table.rows.len(), 1);
    }
    let table = read_table(b"sep=,\r\nVorname,Nachname\r\nAnna,M\r\n").unwrap();
    assert_eq!(table.headers, ["Vorname", "Nachname"]);
    assert_eq!(table.rows[0].line, 3);
}

#[test]
fn english_outlook_headers() {
    let csv = "\"Title\",\"First Name\",\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\",\"Department\",\
               \"Job Title\",\"Business Street\",\"Business City\",\"Business Postal Code\",\
               \"Business Country/Region\",\"Business Phone\",\"Mobile Phone\",\"Business Fax\",\
               \"E-mail Address\",\"E-mail Type\",\"E-mail Display Name\",\"E-mail 2 Address\",\
               \"Categories\",\"Notes\",\"Location\"\r\n\
               \"Mr.\",\"John\",\"Q.\",\"Smith\",\"\",\"City of Example\",\"Integration\",\"Officer\",\
               \"1 Main St\",\"Springfield\",\"12345\",\"USA\",\"+1 555 0100\",\"+1 555 0199\",\"+1 555 0101\",\
               \"john@example.org\",\"SMTP\",\"John Smith (john@example.org)\",\"js@example.org\",\
               \"Network;Board\",\"Line one\r\nLine two\",\"Room 3\"\r\n\
               \"Ms.\",\"Jane\",\"\",\"Doe\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n";
    let (table, contacts) = csv_contacts(csv.as_bytes());
    let mapping = guess_mapping(&table.headers);
    assert_eq!(
        mapping,
        vec![
            Some(Field::Salutation),
            Some(Field::FirstName),
            None,
            Some(Field::LastName),
            None,
            Some(Field::Organisation),
            Some(Field::Department),
            Some(Field::Function),
            Some(Field::Street),
            Some(Field::City),
            Some(Field::PostalCode),
            Some(Field::Country),
            Some(Field::Phone),
            Some(Field::Mobile),
            None,
            Some(Field::Email),
            None,
            None,
            Some(Field::Email),
            Some(Field::Groups),
            Some(Field::Notes),
            None,
        ]
    );
    let john = find(&contacts, "Smith");
    assert_eq!(john.position, Position::Line(2));
    assert_eq!(john.salutation, s("Herr"));
    assert_eq!(john.first_name, s("John"));
    assert_eq!(john.organisation, s("City of Example"));
    assert_eq!(john.function, s("Officer"));
    assert_eq!(
        (john.street.as_deref(), john.city.as_deref()),
        (Some("1 Main St"), Some("Springfield"))
    );
    assert_eq!(email_values(john), vec!["john@example.org", "js@example.org"]);
    assert_eq!(
        john.phones,
        vec![
            value("+1 555 0100", "work", true),
            value("+1 555 0199", "mobile", false)
        ]
    );
    assert_eq!(john.groups, vec!["Network", "Board"]);
    assert_eq!(john.notes, s("Line one\nLine two"));
    let jane = find(&contacts, "Doe");
    assert_eq!(jane.position, Position::Line(4));
    assert_eq!(jane.salutation, s("Frau"));
}

#[test]
fn salutations_and_titles_in_the_anrede_column() {
    let csv = "Anrede;Titel;Nachname\nFrau Dr.;;A\nHerr;Prof.;B\nDr.;Prof.;C\nMrs.;;D\nfrau;;E\nDivers;;F\n\
               Prof. Dr. med.;;G\n";
    let (_, contacts) = csv_contacts(csv.as_bytes());
    let pairs: Vec<(Option<&str>, Option<&str>)> = contacts
        .iter()
        .map(|c| (c.salutation.as_deref(), c.title.as_deref()))
        .collect();
    assert_eq!(
        pairs,
        vec![
            (Some("Frau"), Some("Dr.")),
            (Some("Herr"), Some("Prof.")),
            // An explicit title column wins.
            (None, Some("Prof.")),
            (Some("Frau"), None),
            (Some("Frau"), None),
            (Some("Divers"), None),
            (None, Some("Prof. Dr. med.")),
        ]
    );
}

#[test]
fn user_edited_mapping_is_applied() {
    let table = read_table(b"A;B;C;D\nx@y.example;Ulm;Notiz 1;Notiz 2\n").unwrap();
    let mapping = vec![
        Some(Field::Email),
        Some(Field::City),
        Some(Field::Notes),
        Some(Field::Notes),
    ];
    let contacts = map_rows(&table, &mapping);
    assert_eq!(email_values(&contacts[0]), vec!["x@y.example"]);
    assert_eq!(contacts[0].city, s("Ulm"));
    assert_eq!(contacts[0].notes, s("Notiz 1\nNotiz 2"));
    // A mapping shorter or longer than the table is no problem.
    assert_eq!(map_rows(&table, &vec![]).len(), 1);
    assert_eq!(map_rows(&table, &vec![None; 10]).len(), 1);
}

#[test]
fn field_labels_and_serialisation() {
    assert_eq!(Field::ALL.len(), 18);
    let labels: Vec<&str> = Field::ALL.iter().map(|f| f.label()).collect();
    assert_eq!(
        labels,
        [
            "Anrede",
            "Titel",
            "Vorname",
            "Nachname",
            "Funktion",
            "Organisation",
            "Abteilung",
            "Stadt-/Landkreis",
            "E-Mail",
            "Telefon",
            "Mobiltelefon",
            "Straße",
            "PLZ",
            "Ort",
            "Land",
            "Notizen",
            "Gruppen",
            "Name (Vor- und Nachname)"
        ]
    );
    assert_eq!(
        serde_json::to_string(&Field::PostalCode).unwrap(),
        "\"postal_code\""
    );
    assert_eq!(
        serde_json::to_string(&Position::Line(14)).unwrap(),
        r#"{"kind":"line","number":14}"#
    );
    assert_eq!(Position::Line(14).to_string(), "Zeile 14");
    assert_eq!(Position::Card(2).to_string(), "Karte 2");
    let back: Position = serde_json::from_str(r#"{"kind":"card","number":2}"#).unwrap();
    assert_eq!(back, Position::Card(2));
}
