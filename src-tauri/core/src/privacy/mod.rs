//! DSGVO rules: what an erasure (Art. 17) replaces and with what, what an Auskunft (Art. 15)
//! holds and how it reads, and which contacts the retention review offers. Plain functions on
//! values, tested without a database: `usecase/privacy.rs` loads what they need through
//! `store/privacy/` and writes what they return.
//!
//! `names.rs`: the person's name forms and the matcher; `erasure.rs`: what an erasure replaces,
//! keeps or deletes; `access.rs`: the Auskunft; `retention.rs`: the retention review.

mod access;
mod erasure;
mod names;
mod retention;
#[cfg(test)]
mod tests;

pub use access::*;
pub use erasure::*;
pub use names::*;
pub use retention::*;

use chrono::NaiveDate;

use crate::berlin::format_date;

/// What stands where an erased person's name stood: in attendance lists, as TOP responsibility,
/// as the owner of an action item, and in minutes text.
pub const ANONYMISED: &str = "anonymisierte Person";

/// How long older backups may still hold erased data: the rotation keeps daily backups for a
/// week and then weekly ones (see `backup.rs`), so the oldest is this many weeks old.
pub const BACKUP_RETENTION_WEEKS: usize = crate::backup::BACKUP_RETENTION_WEEKS;

/// Aufbewahrung: three years without any involvement. It matches the regular limitation period
/// (§ 195 BGB), after which nothing about a contact is usually still needed as proof, and a
/// network that meets a few times a year has by then invited an active contact at least once;
/// the office can choose 1 to 30 years in Einstellungen.
pub const DEFAULT_RETENTION_YEARS: u32 = 3;

/// The sentence the user reads after an erasure about the backups.
pub fn backup_notice() -> String {
    format!(
        "Ältere Sicherungen enthalten die Daten noch bis zu {BACKUP_RETENTION_WEEKS} Wochen lang; \
         danach löscht die automatische Rotation sie. Selbst gespeicherte Sicherungen („Jetzt \
         sichern“) enthalten sie, bis Sie sie löschen."
    )
}

/// The refusal when something would write into an erased person's placeholder (form, CLI).
pub fn anonymised_contact_refused() -> crate::Error {
    crate::Error::validation(
        "Kontakt",
        "Die Daten dieser Person wurden nach Art. 17 DSGVO gelöscht; der Eintrag steht nur noch als \
         „anonymisierte Person“ in alten Protokollen und kann nicht mehr bearbeitet werden.",
    )
}

/// The Nachtrag recorded on approved minutes that named the person.
pub fn erasure_addendum_text(on: NaiveDate) -> String {
    format!(
        "Personenbezogene Daten gemäß Art. 17 DSGVO entfernt am {}.",
        format_date(on)
    )
}
