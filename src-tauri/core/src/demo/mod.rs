//! The demo network's data ("Beispielnetzwerk laden", `netzwerkmappe demo`) as plain values: the
//! seats of the Landratsämter, invented names and `.example` addresses, the Wednesdays sessions
//! fall on and their titles, and the concept papers' texts (`paper_texts.rs`). Writing them into
//! a store is the use case `usecase::demo`.

pub(crate) mod paper_texts;

use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};

use crate::search::fold;

/// Seat of each Landratsamt (AGS → town); a Stadtverwaltung sits in its own city.
pub(crate) const SEATS: [(&str, &str); 35] = [
    ("08115", "Böblingen"),
    ("08116", "Esslingen am Neckar"),
    ("08117", "Göppingen"),
    ("08118", "Ludwigsburg"),
    ("08119", "Waiblingen"),
    ("08125", "Heilbronn"),
    ("08126", "Künzelsau"),
    ("08127", "Schwäbisch Hall"),
    ("08128", "Tauberbischofsheim"),
    ("08135", "Heidenheim an der Brenz"),
    ("08136", "Aalen"),
    ("08215", "Karlsruhe"),
    ("08216", "Rastatt"),
    ("08225", "Mosbach"),
    ("08226", "Heidelberg"),
    ("08235", "Calw"),
    ("08236", "Pforzheim"),
    ("08237", "Freudenstadt"),
    ("08315", "Freiburg im Breisgau"),
    ("08316", "Emmendingen"),
    ("08317", "Offenburg"),
    ("08325", "Rottweil"),
    ("08326", "Villingen-Schwenningen"),
    ("08327", "Tuttlingen"),
    ("08335", "Konstanz"),
    ("08336", "Lörrach"),
    ("08337", "Waldshut-Tiengen"),
    ("08415", "Reutlingen"),
    ("08416", "Tübingen"),
    ("08417", "Balingen"),
    ("08425", "Ulm"),
    ("08426", "Biberach an der Riß"),
    ("08435", "Friedrichshafen"),
    ("08436", "Ravensburg"),
    ("08437", "Sigmaringen"),
];

/// Invented people: (salutation, first name). Last names are combined with these.
pub(crate) const FIRST: [(&str, &str); 22] = [
    ("Frau", "Anna"),
    ("Herr", "Kemal"),
    ("Frau", "Gerlinde"),
    ("Herr", "Jonas"),
    ("Frau", "Zofia"),
    ("Herr", "Lars"),
    ("Frau", "Fatma"),
    ("Herr", "Peter"),
    ("Frau", "Sabine"),
    ("Herr", "Ahmet"),
    ("Frau", "Maria"),
    ("Herr", "Jürgen"),
    ("Frau", "Leyla"),
    ("Herr", "Tobias"),
    ("Frau", "Ewa"),
    ("Herr", "Dimitrios"),
    ("Frau", "Katharina"),
    ("Herr", "Matthias"),
    ("Frau", "Aylin"),
    ("Herr", "Andreas"),
    ("Frau", "Olena"),
    ("Herr", "Stefan"),
];
pub(crate) const LAST: [&str; 23] = [
    "Müller",
    "Öztürk",
    "Bäuerle",
    "Nowak",
    "Weiß",
    "Yılmaz",
    "Fischer",
    "Schäfer",
    "Kovač",
    "Hoffmann",
    "Papadopoulos",
    "Wagner",
    "Demir",
    "Koch",
    "Schneider",
    "Becker",
    "Kowalska",
    "Richter",
    "Haag",
    "Schmid",
    "Aydın",
    "Krämer",
    "Ehrle",
];

pub(crate) fn person(i: usize) -> (&'static str, &'static str, &'static str) {
    let (salutation, first) = FIRST[i % FIRST.len()];
    (salutation, first, LAST[(i * 7 + 3) % LAST.len()])
}

/// An invented address under the reserved `.example` domain: "anna.muller@lra-tubingen.example".
pub(crate) fn address(first: &str, last: &str, org: &str) -> String {
    let slug = |s: &str| -> String {
        fold(s)
            .chars()
            // Letters `fold` keeps (Turkish, Polish, Croatian names) as their base letter.
            .map(|c| match c {
                'ı' => 'i',
                'ç' | 'č' | 'ć' => 'c',
                'ş' | 'š' | 'ś' => 's',
                'ğ' => 'g',
                'ł' => 'l',
                'ž' | 'ź' | 'ż' => 'z',
                'é' | 'è' | 'ê' => 'e',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    format!("{}.{}@{}.example", slug(first), slug(last), slug(org))
}

/// The Wednesday on or before `day` (network sessions are mid-week).
pub(crate) fn wednesday_before(day: NaiveDate) -> NaiveDate {
    let back = (day.weekday().num_days_from_monday() + 7 - Weekday::Wed.num_days_from_monday()) % 7;
    day - TimeDelta::days(i64::from(back))
}

pub(crate) const MONTHS: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

pub(crate) fn session_title(date: NaiveDate) -> String {
    let month = MONTHS[date.month0() as usize % 12];
    format!("Netzwerktreffen {month} {}", date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invented_addresses_are_plain_ascii_under_example() {
        assert_eq!(
            address("Jürgen", "Öztürk", "Landratsamt Tübingen"),
            "jurgen.ozturk@landratsamt-tubingen.example"
        );
        assert_eq!(
            address("Aylin", "Aydın", "Stadt Baden-Baden"),
            "aylin.aydin@stadt-baden-baden.example"
        );
        assert_eq!(
            address("Ewa", "Kovač", "Stadt Ulm"),
            "ewa.kovac@stadt-ulm.example"
        );
    }

    #[test]
    fn sessions_fall_on_wednesdays() {
        for offset in 0..7 {
            let d = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap() + TimeDelta::days(offset);
            let w = wednesday_before(d);
            assert_eq!(w.weekday(), Weekday::Wed);
            assert!(w <= d && d - w < TimeDelta::days(7));
        }
        assert_eq!(
            session_title(NaiveDate::from_ymd_opt(2027, 3, 10).unwrap()),
            "Netzwerktreffen März 2027"
        );
    }
}
