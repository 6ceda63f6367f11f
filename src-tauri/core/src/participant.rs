//! Teilnehmende of a session: who is invited and what became of it (zugesagt, abgesagt,
//! teilgenommen, entschuldigt), added one by one or as whole sets. A participant keeps the name,
//! function and organisation they had on the day, so old minutes do not change when a contact
//! does. The rules (snapshot text, when a contact may leave the lists) are plain functions here.

use serde::{Deserialize, Serialize};

use crate::organisation::OrganisationKind;
use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum ParticipantStatus {
    #[default]
    Eingeladen,
    Zugesagt,
    Abgesagt,
    Teilgenommen,
    Entschuldigt,
}

impl ParticipantStatus {
    pub const ALL: [ParticipantStatus; 5] = [
        ParticipantStatus::Eingeladen,
        ParticipantStatus::Zugesagt,
        ParticipantStatus::Abgesagt,
        ParticipantStatus::Teilgenommen,
        ParticipantStatus::Entschuldigt,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ParticipantStatus::Eingeladen => "eingeladen",
            ParticipantStatus::Zugesagt => "zugesagt",
            ParticipantStatus::Abgesagt => "abgesagt",
            ParticipantStatus::Teilgenommen => "teilgenommen",
            ParticipantStatus::Entschuldigt => "entschuldigt",
        }
    }
}

/// The sets of people the "Teilnehmende hinzufügen" dialog offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "set", content = "value")]
pub enum ParticipantSet {
    /// These contacts.
    Contacts(Vec<i64>),
    /// Everyone in a group (by name).
    Group(String),
    /// Everyone at an organisation in this Regierungsbezirk ("081" … "084").
    Region(String),
    /// Everyone at an organisation in this Stadt-/Landkreis (AGS, "08416").
    District(String),
    /// Everyone at an organisation of this kind.
    OrganisationKind(OrganisationKind),
    /// Everyone at an organisation of one of the 44 Stadt- und Landkreise.
    AllDistricts,
}

/// A contact's name as lists print it: "Dr. Anna Müller".
pub fn display_name(title: Option<&str>, first_name: Option<&str>, last_name: &str) -> String {
    [title, first_name, Some(last_name)]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the snapshot of a participant may still follow the contact: only until the session
/// has taken place (afterwards it is the record of who was there, under which name).
pub fn snapshot_follows_contact(session_status: crate::session::SessionStatus, minutes_begun: bool) -> bool {
    !minutes_begun
        && matches!(
            session_status,
            crate::session::SessionStatus::Geplant | crate::session::SessionStatus::Eingeladen
        )
}

/// A contact can be deleted only when no session's minutes depend on them: nobody who took part
/// (or was excused, which the minutes also record) in a session and nobody who owns an action
/// item. Mere invitations are released by the store before the delete.
pub fn check_contact_removable(attended: i64, action_items: i64) -> Result<()> {
    if attended == 0 && action_items == 0 {
        return Ok(());
    }
    let mut why = Vec::new();
    if attended > 0 {
        why.push(if attended == 1 {
            "steht in der Anwesenheitsliste einer Sitzung".to_owned()
        } else {
            format!("steht in den Anwesenheitslisten von {attended} Sitzungen")
        });
    }
    if action_items > 0 {
        why.push(if action_items == 1 {
            "ist für eine Aufgabe verantwortlich".to_owned()
        } else {
            format!("ist für {action_items} Aufgaben verantwortlich")
        });
    }
    Err(Error::validation(
        "Kontakt",
        format!(
            "Der Kontakt kann nicht gelöscht werden: Er {}. So bleiben die Protokolle vollständig. \
             Die personenbezogenen Daten lassen sich stattdessen unter „Datenschutz“ löschen \
             (anonymisieren, Art. 17 DSGVO): In den Protokollen steht dann „anonymisierte Person“.",
            why.join(" und ")
        ),
    ))
}

/// One participant of a session, as the list and the attendance checklist show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Participant {
    pub id: i64,
    pub session_id: i64,
    pub contact_id: i64,
    pub status: ParticipantStatus,
    /// Name as on the day ("Dr. Anna Müller").
    pub name: String,
    pub function: Option<String>,
    pub organisation: Option<String>,
    /// The contact's preferred address now (for invitations and the .ics), if any.
    pub email: Option<String>,
}

/// What adding a set did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Added {
    /// Newly on the list.
    pub added: i64,
    /// Already on the list before.
    pub already: i64,
}

/// Every contact chosen one by one must still exist: `found` is how many of the chosen `asked`
/// ids the store found.
pub fn check_all_found(set: &ParticipantSet, found: usize) -> Result<()> {
    if let ParticipantSet::Contacts(asked) = set
        && found < asked.iter().collect::<std::collections::HashSet<_>>().len()
    {
        return Err(Error::validation(
            "Teilnehmende",
            "Eine gewählte Person gibt es nicht mehr. Bitte wählen Sie erneut.",
        ));
    }
    Ok(())
}

/// A participant that is not (or no longer) on the session's list.
pub fn participant_gone() -> Error {
    Error::NotFound {
        what: "Die teilnehmende Person".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SessionStatus;

    #[test]
    fn names_are_joined_without_gaps() {
        assert_eq!(
            display_name(Some("Dr."), Some("Anna"), "Müller"),
            "Dr. Anna Müller"
        );
        assert_eq!(display_name(None, Some(" "), "Öztürk"), "Öztürk");
    }

    #[test]
    fn snapshots_freeze_once_the_session_took_place() {
        assert!(snapshot_follows_contact(SessionStatus::Geplant, false));
        assert!(snapshot_follows_contact(SessionStatus::Eingeladen, false));
        assert!(!snapshot_follows_contact(SessionStatus::Durchgefuehrt, false));
        assert!(!snapshot_follows_contact(SessionStatus::Eingeladen, true));
    }

    #[test]
    fn people_in_minutes_cannot_vanish() {
        check_contact_removable(0, 0).unwrap();
        assert_eq!(
            check_contact_removable(2, 1).unwrap_err().to_string(),
            "Kontakt: Der Kontakt kann nicht gelöscht werden: Er steht in den Anwesenheitslisten von 2 Sitzungen \
             und ist für eine Aufgabe verantwortlich. So bleiben die Protokolle vollständig. \
             Die personenbezogenen Daten lassen sich stattdessen unter „Datenschutz“ löschen \
             (anonymisieren, Art. 17 DSGVO): In den Protokollen steht dann „anonymisierte Person“."
        );
        assert!(
            check_contact_removable(1, 0)
                .unwrap_err()
                .to_string()
                .contains("Er steht in der Anwesenheitsliste einer Sitzung.")
        );
    }

    #[test]
    fn sets_have_a_stable_json_shape() {
        let json = serde_json::to_string(&ParticipantSet::Region("084".into())).unwrap();
        assert_eq!(json, r#"{"set":"region","value":"084"}"#);
        let back: ParticipantSet = serde_json::from_str(r#"{"set":"all_districts"}"#).unwrap();
        assert_eq!(back, ParticipantSet::AllDistricts);
    }

    #[test]
    fn chosen_people_must_still_exist() {
        let set = ParticipantSet::Contacts(vec![1, 2, 2]);
        check_all_found(&set, 2).unwrap();
        assert!(
            check_all_found(&set, 1)
                .unwrap_err()
                .to_string()
                .starts_with("Teilnehmende:")
        );
        check_all_found(&ParticipantSet::AllDistricts, 0).unwrap();
    }
}
