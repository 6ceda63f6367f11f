//! Files that common programs write, beyond the shared samples: Excel's „Unicode-Text“ (UTF-16),
//! Thunderbird's address book (German and English), Google Contacts (current and legacy CSV),
//! RFC 6350's own example vCard and an Outlook 2003 vCard with phone numbers as people type them;
//! and bad input: broken bytes in UTF-8, NUL bytes, files over the size limit.
//!
//! The files live in `tests/data/contacts/`, written from the formats' published headers.
#![allow(clippy::unwrap_used)]

use netzwerkmappe_core::import::{
    Encoding, Field, ImportedContact, ImportedValue, MAX_FILE_BYTES, Position, decode, detect_kind,
    guess_mapping, map_rows, parse_vcards, read_file, read_table,
};

macro_rules! data {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/contacts/",
            $name
        ))
    };
}

fn csv_contacts(bytes: &[u8]) -> Vec<ImportedContact> {
    let table = read_table(bytes).unwrap();
    map_rows(&table, &guess_mapping(&table.headers))
}

fn find<'a>(contacts: &'a [ImportedContact], last_name: &str) -> &'a ImportedContact {
    contacts
        .iter()
        .find(|c| c.last_name.as_deref() == Some(last_name))
        .unwrap_or_else(|| panic!("{last_name} missing in {contacts:#?}"))
}

fn s(value: &str) -> Option<String> {
    Some(value.to_owned())
}

fn value(value: &str, kind: &str, preferred: bool) -> ImportedValue {
    ImportedValue {
        value: value.to_owned(),
        kind: kind.to_owned(),
        preferred,
    }
}

// ---------------------------------------------------------------------------------------------
// Excel „Unicode-Text (*.txt)“

#[test]
fn excel_unicode_text_utf16_le_and_be() {
    for (bytes, encoding) in [
        (&data!("excel-unicode-text-utf16le.txt")[..], Encoding::Utf16Le),
        (&data!("excel-unicode-text-utf16be.txt")[..], Encoding::Utf16Be),
    ] {
        assert_eq!(
            detect_kind(bytes).unwrap(),
            netzwerkmappe_core::import::FileKind::Csv
        );
        let table = read_table(bytes).unwrap();
        assert_eq!(table.encoding, encoding);
        assert_eq!(table.delimiter, '\t');
        assert_eq!(table.headers[0], "Anrede", "no BOM left in the first header");
        assert_eq!(table.rows.len(), 4);
        assert_eq!(table.rows[3].line, 5);
        let contacts = map_rows(&table, &guess_mapping(&table.headers));
        let ayse = find(&contacts, "Yılmaz");
        assert_eq!(ayse.first_name, s("Ayşe"));
        assert_eq!(ayse.organisation, s("Stadt Ulm"));
        assert_eq!(ayse.phones, vec![value("0731 161-0000", "work", true)]);
        let m = find(&contacts, "Wiśniewska");
        assert_eq!(
            (m.first_name.as_deref(), m.title.as_deref()),
            (Some("Małgorzata"), Some("Dr."))
        );
        let olena = find(&contacts, "Коваленко");
        assert_eq!(olena.first_name, s("Олена"));
        assert_eq!(olena.emails, vec![value("olena@verein-hn.example", "work", true)]);
        // "DW 9" is an extension.
        assert_eq!(olena.phones, vec![value("07131 56-78-9", "work", true)]);
        assert!(contacts.iter().all(|c| c.warnings.is_empty()), "{contacts:#?}");
    }
    assert_eq!(Encoding::Utf16Le.label(), "UTF-16 („Unicode-Text“)");
    assert_eq!(serde_json::to_string(&Encoding::Utf16Le).unwrap(), "\"Utf16Le\"");
}

#[test]
fn utf16_vcard_is_read_too() {
    let text = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Yılmaz;Ayşe\r\nEMAIL:a@ulm.example\r\nEND:VCARD\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(
        detect_kind(&bytes).unwrap(),
        netzwerkmappe_core::import::FileKind::VCard
    );
    let cards = parse_vcards(&bytes).unwrap();
    assert_eq!(cards[0].last_name, s("Yılmaz"));
    assert_eq!(cards[0].first_name, s("Ayşe"));
}

// ---------------------------------------------------------------------------------------------
// Thunderbird

#[test]
fn thunderbird_german_export() {
    let bytes = data!("thunderbird-de-windows1252.csv");
    let table = read_table(bytes).unwrap();
    assert_eq!(table.encoding, Encoding::Windows1252);
    assert_eq!(table.delimiter, ',');
    let mapping = guess_mapping(&table.headers);
    let field_of = |name: &str| {
        let i = table.headers.iter().position(|h| h == name).unwrap();
        mapping[i]
    };
    assert_eq!(field_of("Primäre E-Mail-Adresse"), Some(Field::Email));
    assert_eq!(field_of("Sekundäre E-Mail-Adresse"), Some(Field::Email));
    assert_eq!(field_of("Tel. dienstlich"), Some(Field::Phone));
    assert_eq!(field_of("Tel. privat"), None);
    assert_eq!(field_of("Mobil-Tel.-Nr."), Some(Field::Mobile));
    assert_eq!(field_of("Organisation"), Some(Field::Organisation));
    assert_eq!(field_of("Abteilung"), Some(Field::Department));
    assert_eq!(field_of("Arbeitstitel"), Some(Field::Function));
    assert_eq!(field_of("Dienstlich: Adresse"), Some(Field::Street));
    assert_eq!(field_of("Dienstlich: PLZ"), Some(Field::PostalCode));
    assert_eq!(field_of("Dienstlich: Ort"), Some(Field::City));
    assert_eq!(field_of("Dienstlich: Land"), Some(Field::Country));
    assert_eq!(field_of("Privat: Ort"), None);
    assert_eq!(field_of("Anzeigename"), Some(Field::FullName));
    assert_eq!(field_of("Notizen"), Some(Field::Notes));

    let contacts = map_rows(&table, &mapping);
    assert_eq!(contacts.len(), 3);
    let anna = find(&contacts, "Müller");
    assert_eq!(anna.first_name, s("Anna"));
    assert_eq!(anna.organisation, s("Landratsamt Tübingen"));
    assert_eq!(anna.department, s("Stabsstelle Integration"));
    assert_eq!(anna.function, s("Integrationsbeauftragte"));
    assert_eq!(
        anna.emails,
        vec![
            value("a.mueller@landkreis-tuebingen.example", "work", true),
            value("integration@landkreis-tuebingen.example", "work", false)
        ]
    );
    assert_eq!(
        anna.phones,
        vec![
            value("07071 207-0000", "work", true),
            value("0170 1234567", "mobile", false)
        ]
    );
    assert_eq!(anna.street, s("Wilhelm-Keil-Straße 50"));
    assert_eq!(anna.postal_code, s("72072"));
    assert_eq!(anna.city, s("Tübingen"));
    assert_eq!(anna.country, s("Deutschland"));
    assert_eq!(
        anna.notes,
        s("Ansprechpartnerin für Sprachkurse, Vertretung: Herr Weiß")
    );

    let kemal = find(&contacts, "Öztürk");
    assert_eq!(kemal.first_name, s("Kemal"));
    assert_eq!(kemal.phones, vec![value("+49 621 293-0000-12", "work", true)]);
    assert_eq!(kemal.organisation, s("Stadt Mannheim"));

    // A collected address: the name comes from „Anzeigename“.
    let zofia = find(&contacts, "Nowak");
    assert_eq!(zofia.first_name, s("Zofia"));
    assert_eq!(
        zofia.emails,
        vec![value("z.nowak@migrantinnenverein.example", "work", true)]
    );
    assert_eq!(zofia.position, Position::Line(4));
}

#[test]
fn thunderbird_english_export() {
    let contacts = csv_contacts(data!("thunderbird-en-utf8.csv"));
    let lars = find(&contacts, "Ekström");
    assert_eq!(lars.first_name, s("Lars"));
    assert_eq!(
        lars.emails,
        vec![value("lars.ekstroem@caritas-freiburg.example", "work", true)]
    );
    assert_eq!(
        lars.phones,
        vec![
            value("0761 200-123", "work", true),
            value("0151 2345678", "mobile", false)
        ]
    );
    assert_eq!(lars.organisation, s("Caritasverband Freiburg-Stadt"));
    assert_eq!(lars.department, s("Migrationsdienst"));
    assert_eq!(lars.function, s("Migrationsberater"));
    assert_eq!(lars.street, s("Karlstraße 40"));
    assert_eq!(lars.postal_code, s("79104"));
    assert_eq!(lars.city, s("Freiburg im Breisgau"));
    assert_eq!(lars.notes, s("Spricht Schwedisch.\nTermine nur nach Absprache."));

    // A phone field with a remark: the person is kept, the text goes to the notes.
    let jonas = find(&contacts, "Bäuerle");
    assert!(jonas.phones.is_empty());
    assert_eq!(jonas.notes, s("Telefon (nicht erkannt): 0781 805-0 (Zentrale)"));
    assert_eq!(
        jonas.warnings,
        ["Telefon: „0781 805-0 (Zentrale)“ ist keine Telefonnummer; der Text steht in den Notizen."]
    );
    assert_eq!(jonas.organisation, s("Landratsamt Ortenaukreis"));
}

// ---------------------------------------------------------------------------------------------
// Google Contacts

#[test]
fn google_contacts_csv() {
    let table = read_table(data!("google-contacts.csv")).unwrap();
    let mapping = guess_mapping(&table.headers);
    let field_of = |name: &str| mapping[table.headers.iter().position(|h| h == name).unwrap()];
    assert_eq!(field_of("E-mail 1 - Value"), Some(Field::Email));
    assert_eq!(field_of("E-mail 1 - Label"), None);
    assert_eq!(field_of("Phone 2 - Value"), Some(Field::Phone));
    assert_eq!(field_of("Organization Name"), Some(Field::Organisation));
    assert_eq!(field_of("Organization Title"), Some(Field::Function));
    assert_eq!(field_of("Address 1 - Street"), Some(Field::Street));
    assert_eq!(field_of("Address 1 - Postal Code"), Some(Field::PostalCode));
    assert_eq!(field_of("Labels"), Some(Field::Groups));
    let contacts = map_rows(&table, &mapping);
    assert_eq!(contacts.len(), 2);

    let g = find(&contacts, "Weiß-Straßburger");
    assert_eq!(g.first_name, s("Gerlinde"));
    assert_eq!(
        (g.salutation.as_deref(), g.title.as_deref()),
        (Some("Frau"), Some("Dr."))
    );
    assert_eq!(
        g.organisation,
        s("Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg")
    );
    assert_eq!(g.function, s("Referentin"));
    assert_eq!(g.department, s("Referat Integration"));
    // " ::: " joins several values in one cell; the type column gives the kind.
    assert_eq!(
        g.emails,
        vec![
            value("gruesse.weiss@sm.bwl.example", "work", true),
            value("poststelle@sm.bwl.example", "work", false),
            value("g.weiss@privat.example", "home", false),
        ]
    );
    assert_eq!(
        g.phones,
        vec![
            value("+49 711 123-0", "work", true),
            value("+49 711 123-4567", "work", false),
            value("+49 170 7654321", "mobile", false),
        ]
    );
    assert_eq!(g.street, s("Else-Josenhans-Straße 6"));
    assert_eq!(g.postal_code, s("70173"));
    assert_eq!(g.city, s("Stuttgart"));
    assert_eq!(g.country, s("Deutschland"));
    assert_eq!(g.groups, ["Netzwerk Integration", "Sprache"]);
    assert_eq!(g.notes, s("Zuständig für das Netzwerk"));

    let zofia = find(&contacts, "Nowak");
    assert_eq!(zofia.organisation, s("Polnischer Kulturverein Stuttgart e. V."));
    assert_eq!(
        zofia.emails,
        vec![value("z.nowak@migrantinnenverein.example", "other", true)]
    );
    assert_eq!(zofia.phones, vec![value("0711 765 43 21", "fax", true)]);
    assert!(zofia.groups.is_empty(), "Google's system label is no group");
    // The formatted address of the first row spans three lines.
    assert_eq!(zofia.position, Position::Line(5));
}

#[test]
fn google_contacts_legacy_csv() {
    let table = read_table(data!("google-contacts-legacy.csv")).unwrap();
    let mapping = guess_mapping(&table.headers);
    let field_of = |name: &str| mapping[table.headers.iter().position(|h| h == name).unwrap()];
    assert_eq!(field_of("Given Name"), Some(Field::FirstName));
    assert_eq!(field_of("Family Name"), Some(Field::LastName));
    assert_eq!(field_of("Name"), Some(Field::FullName));
    assert_eq!(field_of("Organization 1 - Name"), Some(Field::Organisation));
    assert_eq!(field_of("Organization 1 - Title"), Some(Field::Function));
    assert_eq!(field_of("Group Membership"), Some(Field::Groups));
    let contacts = map_rows(&table, &mapping);

    let anna = find(&contacts, "Müller");
    assert_eq!(anna.first_name, s("Anna"));
    assert_eq!(anna.organisation, s("Landratsamt Tübingen"));
    assert_eq!(anna.function, s("Integrationsbeauftragte"));
    assert_eq!(anna.department, s("Stabsstelle Integration"));
    assert_eq!(
        anna.emails,
        vec![value("a.mueller@landkreis-tuebingen.example", "work", true)]
    );
    assert_eq!(
        anna.phones,
        vec![
            value("+49 7071 207-0000", "work", true),
            value("+49 170 1234567", "mobile", false)
        ]
    );
    assert_eq!(anna.street, s("Wilhelm-Keil-Straße 50"));
    assert_eq!(anna.city, s("Tübingen"));
    assert_eq!(anna.groups, ["Netzwerk Integration"]);

    // Only „Name“ filled: title, first and last name from it.
    let kemal = find(&contacts, "Öztürk");
    assert_eq!(
        (kemal.title.as_deref(), kemal.first_name.as_deref()),
        (Some("Dr."), Some("Kemal"))
    );
    assert_eq!(kemal.organisation, s("Stadt Mannheim"));
}

#[test]
fn name_beside_vorname_is_the_last_name() {
    let contacts = csv_contacts("Name;Vorname;E-Mail\r\nMüller;Anna;a@b.example\r\n".as_bytes());
    assert_eq!(contacts[0].last_name, s("Müller"));
    assert_eq!(contacts[0].first_name, s("Anna"));
    let contacts = csv_contacts("Name;E-Mail\r\nAnna Müller;a@b.example\r\n".as_bytes());
    assert_eq!(contacts[0].last_name, s("Müller"));
    assert_eq!(contacts[0].first_name, s("Anna"));
}

// ---------------------------------------------------------------------------------------------
// vCards with phone numbers as written

#[test]
fn rfc6350_example_vcard() {
    let cards = parse_vcards(data!("rfc6350-section8-example.vcf")).unwrap();
    assert_eq!(cards.len(), 1);
    let simon = &cards[0];
    assert_eq!(simon.last_name, s("Perreault"));
    assert_eq!(simon.first_name, s("Simon"));
    assert_eq!(simon.organisation, s("Viagenie"));
    assert_eq!(
        simon.emails,
        vec![value("simon.perreault@viagenie.ca", "work", true)]
    );
    assert_eq!(
        simon.phones,
        vec![
            value("+1-418-656-9254-102", "work", true),
            value("+1-418-262-6501", "mobile", false),
        ]
    );
    assert_eq!(simon.street, s("2875 Laurier"));
    assert_eq!(simon.city, s("Quebec"));
    assert_eq!(simon.postal_code, s("G1V 2M2"));
    assert_eq!(simon.country, s("Canada"));
    assert!(simon.warnings.is_empty(), "{:?}", simon.warnings);
}

#[test]
fn outlook_2003_vcard() {
    let cards = parse_vcards(data!("outlook-2003.vcf")).unwrap();
    assert_eq!(cards.len(), 1);
    let jonas = &cards[0];
    assert_eq!(jonas.last_name, s("Bäuerle"));
    assert_eq!(jonas.first_name, s("Jonas"));
    assert_eq!(jonas.salutation, s("Herr"));
    assert_eq!(jonas.organisation, s("Landratsamt Ortenaukreis"));
    assert_eq!(jonas.department, s("Amt für Migration und Integration"));
    assert_eq!(jonas.function, s("Integrationsbeauftragter"));
    assert_eq!(
        jonas.emails,
        vec![value("jonas.baeuerle@ortenaukreis.example", "work", true)]
    );
    assert_eq!(
        jonas.phones,
        vec![
            value("+49 (781) 805 1234", "work", true),
            value("+49 781 805-0-1235", "work", false),
            value("(0781) 12 34 56", "home", false),
            value("0171 / 123 45 67", "mobile", false),
            value("+49 (781) 805-9999", "fax", false),
        ]
    );
    assert_eq!(jonas.street, s("Badstraße 20"));
    assert_eq!(jonas.city, s("Offenburg"));
    assert_eq!(jonas.postal_code, s("77652"));
    assert_eq!(jonas.notes, s("Telefon (nicht erkannt): nur über Zentrale"));
    assert_eq!(jonas.warnings.len(), 1);
    assert!(
        jonas.warnings[0].contains("„nur über Zentrale“"),
        "{:?}",
        jonas.warnings
    );
}

// ---------------------------------------------------------------------------------------------
// Bad bytes, NUL, size

#[test]
fn one_broken_byte_in_utf8_is_no_reason_for_mojibake() {
    let mut bytes = "Vorname;Nachname;Organisation\r\nAnna;Müller;Landratsamt Tübingen\r\n"
        .as_bytes()
        .to_vec();
    // Line 3: a lone Windows-1252 "ü" (0xFC) in an otherwise UTF-8 file.
    bytes.extend_from_slice(
        b"J\xFCrgen;Wei\xC3\x9F;Stadt Ulm\r\nKemal;\xC3\x96zt\xC3\xBCrk;Stadt Mannheim\r\n",
    );
    let (text, encoding) = decode(&bytes);
    assert_eq!(encoding, Encoding::Utf8);
    assert!(text.contains("Tübingen") && !text.contains("Ã"), "{text}");
    let contacts = csv_contacts(&bytes);
    assert_eq!(contacts[0].organisation, s("Landratsamt Tübingen"));
    assert!(contacts[0].warnings.is_empty());
    let juergen = &contacts[1];
    assert_eq!(juergen.first_name, s("J\u{FFFD}rgen"));
    assert_eq!(juergen.last_name, s("Weiß"));
    assert_eq!(juergen.position, Position::Line(3));
    assert_eq!(
        juergen.warnings,
        [
            "Vorname enthält Zeichen, die in der Datei ungültig gespeichert sind; sie wurden durch „\u{FFFD}“ \
          ersetzt. Bitte prüfen Sie den Wert nach dem Import."
        ]
    );
    assert_eq!(contacts[2].last_name, s("Öztürk"));
    assert!(contacts[2].warnings.is_empty());

    // A real Windows-1252 file stays Windows-1252.
    let ansi = b"Vorname;Nachname\r\nJ\xFCrgen;Wei\xDF\r\nAnna;M\xFCller\r\n";
    assert_eq!(decode(ansi).1, Encoding::Windows1252);
    assert_eq!(csv_contacts(ansi)[0].first_name, s("Jürgen"));
}

#[test]
fn broken_bytes_in_a_vcard_value_do_not_garble_it() {
    let card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\xC3\xBCller-L\xFCdenscheid;Anna\r\nEND:VCARD\r\n";
    let cards = parse_vcards(card).unwrap();
    assert_eq!(cards[0].last_name, s("Müller-L\u{FFFD}denscheid"));
    assert!(
        cards[0].warnings[0].starts_with("Nachname enthält"),
        "{:?}",
        cards[0].warnings
    );
}

#[test]
fn nul_bytes_never_reach_the_data() {
    // Past the first 8 KB (which the binary check looks at) …
    let mut csv = "Vorname;Nachname;Notizen\r\n".as_bytes().to_vec();
    let filler = "x".repeat(9000);
    csv.extend_from_slice(format!("Anna;Müller;{filler}\r\n").as_bytes());
    csv.extend_from_slice(b"Lars;Ek\0str\xC3\xB6m;a\0b\r\n");
    let contacts = csv_contacts(&csv);
    assert_eq!(contacts[1].last_name, s("Ekström"));
    assert_eq!(contacts[1].notes, s("ab"));
    assert!(decode(&csv).0.find('\0').is_none());

    // … and in a vCard, raw or quoted-printable.
    let mut vcf = b"BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:".to_vec();
    vcf.extend_from_slice(filler.as_bytes());
    vcf.extend_from_slice(
        b"\r\nN:Ek\0str\xC3\xB6m;Lars\r\nTITLE;ENCODING=QUOTED-PRINTABLE:Refe=00rent\r\nEND:VCARD\r\n",
    );
    let cards = parse_vcards(&vcf).unwrap();
    assert_eq!(cards[0].last_name, s("Ekström"));
    assert_eq!(cards[0].function, s("Referent"));
    // Within the first 8 KB a NUL still means a binary file.
    assert!(read_table(b"Vorname;Nachname\r\nA\0;B\r\n").is_err());
}

#[test]
fn files_over_the_limit_are_refused_with_their_size() {
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap();
    let mut big = "Vorname;Nachname\r\n".as_bytes().to_vec();
    big.resize(limit + 100_000, b'a');
    let message = "Die Datei ist 10,1 MB groß; importiert werden Dateien bis 10 MB. \
                   Bitte teilen Sie sie in kleinere Dateien auf.";
    assert_eq!(read_table(&big).unwrap_err().to_string(), message);
    assert_eq!(detect_kind(&big).unwrap_err().to_string(), message);
    assert_eq!(parse_vcards(&big).unwrap_err().to_string(), message);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gross.csv");
    big.resize(limit + 5 * 1024 * 1024, b'a');
    std::fs::write(&path, &big).unwrap();
    assert_eq!(
        read_file(&path).unwrap_err().to_string(),
        "Die Datei ist 15,0 MB groß; importiert werden Dateien bis 10 MB. \
         Bitte teilen Sie sie in kleinere Dateien auf."
    );
    let small = dir.path().join("klein.csv");
    std::fs::write(&small, b"Vorname;Nachname\r\nAnna;M\r\n").unwrap();
    assert_eq!(read_file(&small).unwrap(), b"Vorname;Nachname\r\nAnna;M\r\n");
    let missing = read_file(&dir.path().join("fehlt.csv")).unwrap_err().to_string();
    assert!(
        missing.starts_with("Die Datei „") && missing.ends_with("fehlt.csv“ gibt es nicht."),
        "{missing}"
    );
    // Just under the limit is read.
    big.truncate(limit);
    assert!(read_table(&big).is_ok());
}

#[test]
fn compact_cells_behave_like_a_list_of_strings() {
    let table = read_table("A;B;C\r\neins;;drei\r\nvier\r\n".as_bytes()).unwrap();
    let row = &table.rows[1];
    assert_eq!(row.cells.len(), 3);
    assert_eq!(row.cells.iter().collect::<Vec<_>>(), ["vier", "", ""]);
    assert_eq!(row.cells.get(3), None);
    assert_eq!(&table.rows[0].cells[2], "drei");
    assert_eq!(
        serde_json::to_string(&table.rows[0]).unwrap(),
        r#"{"line":2,"cells":["eins","","drei"]}"#
    );
    assert_eq!(format!("{:?}", row.cells), r#"["vier", "", ""]"#);
}

proptest::proptest! {
    /// One stray byte in a UTF-8 text with at least one umlaut never turns the text into
    /// Windows-1252 mojibake: the rest reads exactly as written.
    #[test]
    fn one_stray_byte_never_causes_mojibake(
        text in "[A-Za-z;\r\n ]{0,40}[äöüßÄÖÜ][A-Za-zäöüß;\r\n ]{0,40}",
        stray in 0x80u8..=0xFF,
        at in proptest::prelude::any::<proptest::sample::Index>(),
    ) {
        // Insert at a character boundary, so the text around it stays valid.
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let at = boundaries[at.index(boundaries.len())];
        let mut bytes = text.as_bytes()[..at].to_vec();
        bytes.push(stray);
        bytes.extend_from_slice(&text.as_bytes()[at..]);
        let (decoded, encoding) = decode(&bytes);
        proptest::prop_assert_eq!(encoding, Encoding::Utf8);
        proptest::prop_assert_eq!(decoded, String::from_utf8_lossy(&bytes).into_owned());
    }

    /// Whatever text comes in, a phone the importer keeps passes the validator.
    #[test]
    fn normalised_phones_always_pass_the_validator(raw in "[0-9 +()/.;=a-zA-Z\u{A0}\u{2013}-]{0,30}") {
        if let Some(number) = netzwerkmappe_core::import::normalise_phone(&raw) {
            proptest::prop_assert!(netzwerkmappe_core::contact::check_phone("Telefon", &number).is_ok(), "{raw:?} → {number:?}");
        }
    }
}
