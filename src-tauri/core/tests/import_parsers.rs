//! The contact-file parsers on the shared sample files (Outlook and Excel CSV, vCard 2.1/3.0/4.0),
//! on small hand-written files for headers, delimiters and salutations, on broken input, and with
//! arbitrary bytes (they must never panic).
#![allow(clippy::unwrap_used)]

use netzwerkmappe_core::import::{
    Encoding, Field, FileKind, ImportedContact, ImportedValue, Position, Table, decode, detect_kind,
    guess_mapping, map_rows, parse_vcards, read_table,
};
use proptest::prelude::*;

macro_rules! sample {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/samples/contacts/",
            $name
        ))
    };
}

const OUTLOOK_CSV: &[u8] = sample!("outlook-de-windows1252.csv");
const EXCEL_1252: &[u8] = sample!("excel-de-semicolon-windows1252.csv");
const EXCEL_UTF8_BOM: &[u8] = sample!("excel-de-semicolon-utf8-bom.csv");
const VCARD_21: &[u8] = sample!("outlook-2.1-quoted-printable.vcf");
const VCARD_30: &[u8] = sample!("apple-3.0-utf8.vcf");
const VCARD_40: &[u8] = sample!("rfc6350-4.0.vcf");

fn csv_contacts(bytes: &[u8]) -> (Table, Vec<ImportedContact>) {
    let table = read_table(bytes).unwrap();
    let mapping = guess_mapping(&table.headers);
    let contacts = map_rows(&table, &mapping);
    (table, contacts)
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

fn email_values(contact: &ImportedContact) -> Vec<&str> {
    contact.emails.iter().map(|e| e.value.as_str()).collect()
}

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

// ---------------------------------------------------------------------------------------------
// vCards

#[test]
fn vcard_21_quoted_printable() {
    let contacts = parse_vcards(VCARD_21).unwrap();
    assert_eq!(contacts.len(), 1);
    let anna = &contacts[0];
    assert_eq!(anna.position, Position::Card(1));
    assert_eq!(anna.last_name, s("Müller"));
    assert_eq!(anna.first_name, s("Anna"));
    assert_eq!(anna.organisation, s("Landratsamt Tübingen"));
    assert_eq!(anna.department, s("Stabsstelle Integration"));
    assert_eq!(anna.function, s("Integrationsbeauftragte"));
    // Bare 2.1 type parameters.
    assert_eq!(anna.phones, vec![value("+49 7071 207-0000", "work", true)]);
    assert_eq!(
        anna.emails,
        vec![value("a.mueller@landkreis-tuebingen.example", "work", true)]
    );
    assert_eq!(anna.street, s("Wilhelm-Keil-Straße 50"));
    assert_eq!(anna.city, s("Tübingen"));
    assert_eq!(anna.postal_code, s("72072"));
    assert_eq!(anna.country, s("Deutschland"));
    // =0D=0A is a line break; "=" at the line end is a soft break (no break in the text).
    assert_eq!(
        anna.notes,
        s("Ansprechpartnerin für Sprachkurse.\nVertretung: Herr Weiß, erreichbar Mo-Do.")
    );
}

#[test]
fn vcard_30_apple() {
    let contacts = parse_vcards(VCARD_30).unwrap();
    assert_eq!(contacts.len(), 2);

    let kemal = &contacts[0];
    assert_eq!(kemal.position, Position::Card(1));
    // The title comes from N's prefix field.
    assert_eq!(kemal.title, s("Dr."));
    assert_eq!(kemal.salutation, None);
    assert_eq!(kemal.first_name, s("Kemal"));
    assert_eq!(kemal.last_name, s("Öztürk"));
    assert_eq!(kemal.organisation, s("Stadt Mannheim"));
    assert_eq!(kemal.department, s("Beauftragter für Integration und Migration"));
    assert_eq!(kemal.function, s("Leitung"));
    // Repeated type= parameters; type=pref.
    assert_eq!(
        kemal.emails,
        vec![value("kemal.oeztuerk@mannheim.example", "work", true)]
    );
    assert_eq!(
        kemal.phones,
        vec![
            value("0621 293-0000", "work", true),
            value("0170 0000000", "mobile", false)
        ]
    );
    // Grouped property item1.ADR.
    assert_eq!(kemal.street, s("Rathaus E 5"));
    assert_eq!(kemal.city, s("Mannheim"));
    assert_eq!(kemal.postal_code, s("68159"));
    assert_eq!(kemal.country, s("Deutschland"));
    // Folded line (CRLF + space) and escaped \, \; \n.
    assert_eq!(
        kemal.notes,
        s(
            "Schwerpunkte: Arbeitsmarktintegration, Antidiskriminierung; Vorsitz der AG Sprache seit 2021.\n\
           Bitte vor Sitzungen anrufen."
        )
    );
    assert_eq!(kemal.groups, vec!["Netzwerk Integration", "Kommune"]);

    let zofia = &contacts[1];
    assert_eq!(zofia.position, Position::Card(2));
    assert_eq!(
        (zofia.first_name.as_deref(), zofia.last_name.as_deref()),
        (Some("Zofia"), Some("Nowak"))
    );
    assert_eq!(zofia.organisation, s("Landratsamt Ortenaukreis"));
    assert_eq!(zofia.department, s("Amt für Migration und Integration"));
    assert_eq!(
        zofia.emails,
        vec![value("zofia.nowak@ortenaukreis.example", "work", true)]
    );
    assert_eq!(zofia.phones, vec![value("0781 805 0", "work", true)]);
    assert_eq!(zofia.street, None);
    assert_eq!(zofia.title, None);
}

#[test]
fn vcard_40_rfc6350() {
    let contacts = parse_vcards(VCARD_40).unwrap();
    assert_eq!(contacts.len(), 1);
    let gerlinde = &contacts[0];
    assert_eq!(gerlinde.position, Position::Card(1));
    assert_eq!(gerlinde.last_name, s("Weiß-Straßburger"));
    assert_eq!(gerlinde.first_name, s("Gerlinde"));
    // The escaped comma belongs to the organisation's name; `;` starts the department.
    assert_eq!(
        gerlinde.organisation,
        s("Ministerium für Soziales, Gesundheit und Integration Baden-Württemberg")
    );
    assert_eq!(gerlinde.department, s("Referat Integration"));
    assert_eq!(gerlinde.function, s("Referentin"));
    assert_eq!(
        gerlinde.emails,
        vec![
            value("gruesse.weiss@sm.bwl.example", "work", true),
            value("poststelle@sm.bwl.example", "work", false)
        ]
    );
    // Quoted parameter value TYPE="work,voice" and a tel: URI.
    assert_eq!(gerlinde.phones, vec![value("+49-711-0000-0", "work", true)]);
}

#[test]
fn vcard_features_beyond_the_samples() {
    let card = "BEGIN:VCARD\nVERSION:4.0\nFN:Prof. Dr. Ingrid Beispiel\n\
                EMAIL;TYPE=home:privat@example.org\nEMAIL;PREF=2:zweit@example.org\n\
                EMAIL;PREF=1:erst@example.org\nEMAIL:ERST@example.org\n\
                TEL;TYPE=fax,work:0711 1\nTEL;TYPE=home:0711 2\n\
                ADR;TYPE=home:;;Privatweg 1;Ulm;;89073;\nADR;TYPE=work:;;Amtsplatz 2;Ulm;;89070;\n\
                NOTE:Pfad C:\\Daten\nNOTE:zweite Notiz\nCATEGORIES:A,B\\,C,a\nX-UNKNOWN;FOO=bar:baz\n\
                END:VCARD\nbegin:vcard\nN:;;;Frau;\nFN:Erika Mustermann\nEND:VCARD\n";
    let contacts = parse_vcards(card.as_bytes()).unwrap();
    assert_eq!(contacts.len(), 2);
    let ingrid = &contacts[0];
    // FN fallback (no N): titles split off, "Ingrid" is no title.
    assert_eq!(ingrid.title, s("Prof. Dr."));
    assert_eq!(ingrid.first_name, s("Ingrid"));
    assert_eq!(ingrid.last_name, s("Beispiel"));
    // Lowest PREF wins; duplicates (case-insensitive) are dropped.
    assert_eq!(
        ingrid.emails,
        vec![
            value("privat@example.org", "home", false),
            value("zweit@example.org", "work", false),
            value("erst@example.org", "work", true)
        ]
    );
    assert_eq!(
        ingrid.phones,
        vec![value("0711 1", "fax", true), value("0711 2", "home", false)]
    );
    // The work address wins over the home address.
    assert_eq!(ingrid.street, s("Amtsplatz 2"));
    assert_eq!(ingrid.postal_code, s("89070"));
    assert_eq!(ingrid.notes, s("Pfad C:\\Daten\nzweite Notiz"));
    assert_eq!(ingrid.groups, vec!["A", "B,C"]);

    let erika = &contacts[1];
    assert_eq!(erika.position, Position::Card(2));
    assert_eq!(erika.salutation, s("Frau"));
    assert_eq!(erika.first_name, s("Erika"));
    assert_eq!(erika.last_name, s("Mustermann"));
}

#[test]
fn vcard_21_embedded_agent_card_is_skipped() {
    let card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Haupt;Hanna\r\nAGENT:\r\nBEGIN:VCARD\r\nN:Vertretung;Vera\r\n\
                END:VCARD\r\nTEL;CELL:0170 1\r\nEND:VCARD\r\n";
    let contacts = parse_vcards(card.as_bytes()).unwrap();
    assert_eq!(contacts.len(), 1);
    assert_eq!(contacts[0].last_name, s("Haupt"));
    assert_eq!(contacts[0].phones, vec![value("0170 1", "mobile", true)]);
}

#[test]
fn vcard_in_windows_1252_without_charset() {
    let card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:M\xFCller;J\xF6rg\r\nEND:VCARD\r\n";
    let contacts = parse_vcards(card).unwrap();
    assert_eq!(contacts[0].last_name, s("Müller"));
    assert_eq!(contacts[0].first_name, s("Jörg"));
}

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

// ---------------------------------------------------------------------------------------------
// Broken input

fn error_of<T: std::fmt::Debug>(result: Result<T, netzwerkmappe_core::import::ParseError>) -> String {
    result.unwrap_err().to_string()
}

#[test]
fn empty_files_are_refused() {
    for bytes in [&b""[..], b"   \r\n\r\n", b"\xEF\xBB\xBF", b"\xEF\xBB\xBF\n"] {
        assert_eq!(error_of(detect_kind(bytes)), "Die Datei ist leer.");
        assert_eq!(error_of(read_table(bytes)), "Die Datei ist leer.");
        assert_eq!(error_of(parse_vcards(bytes)), "Die Datei ist leer.");
    }
    // Only delimiters: no header.
    assert_eq!(error_of(read_table(b";;;\r\n;;\r\n")), "Die Datei ist leer.");
}

#[test]
fn header_only_is_refused() {
    let message = error_of(read_table(b"Anrede;Vorname;Nachname\r\n"));
    assert_eq!(
        message,
        "Die Datei enthält nur die Kopfzeile, aber keine Kontakte."
    );
    assert_eq!(
        error_of(read_table(b"Anrede;Vorname;Nachname\r\n;;\r\n\r\n")),
        message
    );
}

#[test]
fn binary_files_are_refused() {
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend([0u8; 64]);
    let message = "Die Datei ist keine CSV- oder vCard-Datei (sie enthält Binärdaten).";
    assert_eq!(error_of(detect_kind(&png)), message);
    assert_eq!(error_of(read_table(&png)), message);
    assert_eq!(error_of(parse_vcards(&png)), message);
    // Control characters without NUL.
    assert_eq!(error_of(detect_kind(&[1, 2, 3, 4, 5, 6, 7, 8])), message);
    // A NUL after a vCard start is still binary.
    assert_eq!(error_of(parse_vcards(b"BEGIN:VCARD\r\n\0\0")), message);
}

#[test]
fn office_and_utf16_files_get_their_own_message() {
    let xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00";
    assert!(error_of(detect_kind(xlsx)).contains("CSV UTF-8"));
    assert!(error_of(read_table(xlsx)).starts_with("Die Datei ist eine Excel-"));
    // UTF-16 with BOM is read (tests/import_formats.rs); only an empty one is refused as empty.
    let utf16: Vec<u8> = "\u{FEFF}  \r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(error_of(read_table(&utf16)), "Die Datei ist leer.");
    let utf16_no_bom: Vec<u8> = "Vorname;Nachname\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert!(error_of(read_table(&utf16_no_bom)).contains("UTF-16"));
}

#[test]
fn truncated_vcard_is_refused() {
    let cut = VCARD_30.len() - "END:VCARD\r\n".len();
    assert_eq!(
        error_of(parse_vcards(&VCARD_30[..cut])),
        "Die vCard-Datei ist unvollständig: Karte 2 endet nicht mit END:VCARD."
    );
    // Cut in the middle of the first card.
    assert_eq!(
        error_of(parse_vcards(&VCARD_40[..120])),
        "Die vCard-Datei ist unvollständig: Karte 1 endet nicht mit END:VCARD."
    );
    // Three cards, the third without END.
    let three = "BEGIN:VCARD\nN:A\nEND:VCARD\nBEGIN:VCARD\nN:B\nEND:VCARD\nBEGIN:VCARD\nN:C\n";
    assert_eq!(
        error_of(parse_vcards(three.as_bytes())),
        "Die vCard-Datei ist unvollständig: Karte 3 endet nicht mit END:VCARD."
    );
}

#[test]
fn wrong_kind_for_the_parser() {
    assert!(error_of(parse_vcards(EXCEL_UTF8_BOM)).contains("BEGIN:VCARD"));
    assert_eq!(
        error_of(read_table(VCARD_21)),
        "Die Datei ist eine vCard-Datei, keine CSV-Datei."
    );
}

#[test]
fn ragged_rows_still_parse() {
    let csv =
        "Vorname;Nachname;E-Mail\r\nAnna;Müller\r\nKemal;Öztürk;k@m.example;extra;mehr\r\n\r\n;;\r\nLars\r\n";
    let table = read_table(csv.as_bytes()).unwrap();
    assert_eq!(
        table.headers,
        ["Vorname", "Nachname", "E-Mail", "Spalte 4", "Spalte 5"]
    );
    assert!(table.rows.iter().all(|r| r.cells.len() == 5));
    let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, vec![2, 3, 6]);
    let contacts = map_rows(&table, &guess_mapping(&table.headers));
    assert_eq!(contacts.len(), 3);
    assert_eq!(contacts[0].last_name, s("Müller"));
    assert!(contacts[0].emails.is_empty());
    assert_eq!(email_values(&contacts[1]), vec!["k@m.example"]);
    assert_eq!(contacts[2].first_name, s("Lars"));
    assert_eq!(contacts[2].last_name, None);
}

#[test]
fn unclosed_quote_does_not_fail() {
    let table = read_table(b"Vorname;Nachname\nAnna;\"M\xFCller\nKemal;X\n").unwrap();
    assert_eq!(table.rows.len(), 1);
    assert_eq!(&table.rows[0].cells[1], "Müller\nKemal;X\n");
}

// ---------------------------------------------------------------------------------------------
// Never panic

/// Lines that look like vCard content, with the tricky parts: folding, quoted-printable, quotes,
/// escapes, groups, odd parameters.
fn vcard_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("BEGIN:VCARD".to_owned()),
        Just("END:VCARD".to_owned()),
        Just("VERSION:2.1".to_owned()),
        "(item[0-9]\\.)?(N|FN|ORG|TITLE|ROLE|EMAIL|TEL|ADR|NOTE|CATEGORIES|X-Y|AGENT)(;[A-Za-z=\",^'-]{0,12}){0,3}:[ -~äöüß\\\\;,=]{0,30}",
        "[A-Z]{1,5};ENCODING=QUOTED-PRINTABLE(;CHARSET=(UTF-8|Windows-1252|x))?:[=0-9A-Fa-z ]{0,20}=?",
        "[ \t][ -~]{0,20}",
        "=[0-9A-F]{0,2}",
        ".{0,20}",
    ]
}

fn vcard_text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(vcard_line(), 0..25),
        prop_oneof![Just("\r\n"), Just("\n"), Just("\r")],
    )
        .prop_map(|(lines, newline)| lines.join(newline))
}

/// Bytes that pass the binary check: printable ASCII, Windows-1252 / UTF-8 high bytes, line breaks,
/// quotes and delimiters.
fn text_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => 0x20u8..0x7f,
        2 => 0x80u8..=0xff,
        1 => prop::sample::select(b"\r\n\t\";,:=\\".to_vec()),
    ];
    prop::collection::vec(byte, 0..600)
}

// 256 cases each by default; more with e.g. PROPTEST_CASES=20000.
proptest! {
    #[test]
    fn nothing_panics_on_arbitrary_bytes(
        bytes in prop_oneof![prop::collection::vec(any::<u8>(), 0..600), text_like_bytes()],
    ) {
        let _ = detect_kind(&bytes);
        let _ = decode(&bytes);
        if let Ok(table) = read_table(&bytes) {
            let mapping = guess_mapping(&table.headers);
            prop_assert_eq!(map_rows(&table, &mapping).len(), table.rows.len());
            prop_assert!(table.rows.iter().all(|r| r.cells.len() == table.headers.len()));
        }
        let _ = parse_vcards(&bytes);
    }

    #[test]
    fn nothing_panics_on_vcard_like_text(text in vcard_text(), bom in any::<bool>()) {
        let mut bytes = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        bytes.extend_from_slice(text.as_bytes());
        let _ = detect_kind(&bytes);
        if let Ok(contacts) = parse_vcards(&bytes) {
            for (i, contact) in contacts.iter().enumerate() {
                prop_assert_eq!(contact.position, Position::Card(i + 1));
                prop_assert!(contact.emails.iter().filter(|e| e.preferred).count() <= 1);
                prop_assert!(contact.phones.iter().filter(|e| e.preferred).count() <= 1);
            }
        }
        let _ = read_table(&bytes);
    }

    #[test]
    fn nothing_panics_on_utf16_text(
        text in "[A-Za-zäöüşłО@.;,\t\"\r\n =:-]{0,200}",
        big_endian in any::<bool>(),
        cut in any::<bool>(),
    ) {
        let mut bytes: Vec<u8> = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        if cut {
            bytes.pop();
        }
        let _ = detect_kind(&bytes);
        let _ = decode(&bytes);
        if let Ok(table) = read_table(&bytes) {
            prop_assert!(table.rows.iter().all(|r| r.cells.len() == table.headers.len()));
            prop_assert_eq!(map_rows(&table, &guess_mapping(&table.headers)).len(), table.rows.len());
        }
        let _ = parse_vcards(&bytes);
        // The same text as UTF-8 gives the same table.
        if !cut && let (Ok(a), Ok(b)) = (read_table(&bytes), read_table(text.as_bytes())) {
            prop_assert_eq!(a.headers, b.headers);
            prop_assert_eq!(a.rows.len(), b.rows.len());
        }
    }

    #[test]
    fn nothing_panics_on_csv_like_text(
        text in "[A-Za-zäöü@.;,\t\"\r\n =-]{0,200}",
        mapping in prop::collection::vec(prop::option::of(prop::sample::select(Field::ALL.to_vec())), 0..12),
    ) {
        if let Ok(table) = read_table(text.as_bytes()) {
            let contacts = map_rows(&table, &mapping);
            prop_assert_eq!(contacts.len(), table.rows.len());
            for contact in &contacts {
                prop_assert!(contact.emails.iter().filter(|e| e.preferred).count() <= 1);
                prop_assert!(contact.salutation.as_deref().is_none_or(|s| !s.is_empty()));
            }
        }
    }
}
