//! vCards 2.1 (quoted-printable), 3.0 and 4.0, and what lies beyond the samples.

use super::*;

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
