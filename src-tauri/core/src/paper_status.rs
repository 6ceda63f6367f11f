//! Which status a concept paper may move to, and when its text is frozen. Plain rules; the store
//! loads the paper's status, calls them inside the write transaction and records the change.
//!
//! The way of a paper: **Entwurf → in Abstimmung → beschlossen → archiviert**, and back from
//! in Abstimmung to Entwurf (comments came in, it needs another round). Decided beyond the issue:
//!
//! - *Entwurf/in Abstimmung → archiviert*: a paper that is dropped is archived without a
//!   decision; it stays findable, nothing is deleted.
//! - *archiviert → Entwurf*: a dropped or outdated paper is taken up again.
//! - *beschlossen → Entwurf* ("Fortschreibung"): an adopted paper is revised. The adopted version
//!   stays as it is (versions are never changed), and the status history keeps which version the
//!   decision adopted; new text becomes the next version of a draft that needs a new decision.
//! - **Frozen**: while a paper is *beschlossen* or *archiviert* no version, draft, restore or
//!   change of title/summary is accepted: what was adopted is what the paper says. To change it,
//!   move it back to Entwurf first (the message says so).
//! - *beschlossen* needs a Beschluss of a session and a saved version (the version current at
//!   that moment is the one adopted); every other target takes no decision.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(type_name = "TEXT", rename_all = "snake_case")]
pub enum PaperStatus {
    #[default]
    Entwurf,
    InAbstimmung,
    Beschlossen,
    Archiviert,
}

impl PaperStatus {
    pub const ALL: [PaperStatus; 4] = [
        PaperStatus::Entwurf,
        PaperStatus::InAbstimmung,
        PaperStatus::Beschlossen,
        PaperStatus::Archiviert,
    ];

    pub fn label(self) -> &'static str {
        match self {
            PaperStatus::Entwurf => "Entwurf",
            PaperStatus::InAbstimmung => "in Abstimmung",
            PaperStatus::Beschlossen => "beschlossen",
            PaperStatus::Archiviert => "archiviert",
        }
    }

    /// The statuses a paper in this status may move to, in the order a form offers them.
    pub fn next(self) -> &'static [PaperStatus] {
        use PaperStatus::*;
        match self {
            Entwurf => &[InAbstimmung, Archiviert],
            InAbstimmung => &[Beschlossen, Entwurf, Archiviert],
            Beschlossen => &[Archiviert, Entwurf],
            Archiviert => &[Entwurf],
        }
    }

    /// Whether the paper's text (versions, draft, title, summary) is frozen in this status.
    pub fn is_frozen(self) -> bool {
        matches!(self, PaperStatus::Beschlossen | PaperStatus::Archiviert)
    }
}

/// Checks a status change. `decision` is the Beschluss named with it; `has_version` whether the
/// paper has a saved version (a draft alone cannot be adopted).
pub fn check_change(
    from: PaperStatus,
    to: PaperStatus,
    decision: Option<i64>,
    has_version: bool,
) -> Result<()> {
    if !from.next().contains(&to) {
        let allowed: Vec<String> = from.next().iter().map(|s| format!("„{}“", s.label())).collect();
        return Err(Error::validation(
            "Status",
            format!(
                "Ein Konzeptpapier kann nicht von „{}“ auf „{}“ gesetzt werden. Möglich ist: {}.",
                from.label(),
                to.label(),
                allowed.join(" oder ")
            ),
        ));
    }
    match (to, decision) {
        (PaperStatus::Beschlossen, None) => Err(Error::validation(
            "Beschluss",
            "Bitte wählen Sie den Beschluss der Sitzung, mit dem das Konzeptpapier beschlossen wurde.",
        )),
        (PaperStatus::Beschlossen, Some(_)) if !has_version => Err(Error::validation(
            "Status",
            "Das Konzeptpapier hat noch keine gespeicherte Version. Bitte speichern Sie zuerst eine Version; \
             sie wird mit dem Beschluss festgeschrieben.",
        )),
        (PaperStatus::Beschlossen, Some(_)) => Ok(()),
        (_, Some(_)) => Err(Error::validation(
            "Beschluss",
            format!(
                "Ein Beschluss gehört nur zum Status „beschlossen“, nicht zu „{}“.",
                to.label()
            ),
        )),
        (_, None) => Ok(()),
    }
}

/// Refuses a change of the text while the paper is frozen (`what` says what was tried, e.g.
/// "Eine neue Version").
pub fn check_editable(status: PaperStatus, what: &str) -> Result<()> {
    if status.is_frozen() {
        return Err(Error::validation(
            "Status",
            format!(
                "{what} ist nicht möglich: Das Konzeptpapier ist {} und damit festgeschrieben. \
                 Um es fortzuschreiben, setzen Sie den Status zuerst auf „Entwurf“.",
                status.label()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use PaperStatus::*;

    fn message(result: Result<()>) -> String {
        match result {
            Err(Error::Validation { message, .. }) => message,
            other => panic!("validation error expected, got {other:?}"),
        }
    }

    #[test]
    fn the_way_of_a_paper() {
        assert!(check_change(Entwurf, InAbstimmung, None, false).is_ok());
        assert!(check_change(InAbstimmung, Entwurf, None, true).is_ok());
        assert!(check_change(InAbstimmung, Beschlossen, Some(4), true).is_ok());
        assert!(check_change(Beschlossen, Archiviert, None, true).is_ok());
        assert!(
            check_change(Entwurf, Archiviert, None, true).is_ok(),
            "a dropped paper"
        );
        assert!(
            check_change(Archiviert, Entwurf, None, true).is_ok(),
            "taken up again"
        );
        assert!(
            check_change(Beschlossen, Entwurf, None, true).is_ok(),
            "Fortschreibung"
        );
    }

    #[test]
    fn refused_changes_name_from_and_to() {
        assert_eq!(
            message(check_change(Entwurf, Beschlossen, Some(1), true)),
            "Ein Konzeptpapier kann nicht von „Entwurf“ auf „beschlossen“ gesetzt werden. \
             Möglich ist: „in Abstimmung“ oder „archiviert“."
        );
        assert!(
            message(check_change(Archiviert, InAbstimmung, None, true))
                .contains("„archiviert“ auf „in Abstimmung“")
        );
        assert!(
            check_change(Entwurf, Entwurf, None, true).is_err(),
            "no change is no status change"
        );
    }

    #[test]
    fn beschlossen_needs_a_decision_and_a_version() {
        let err = check_change(InAbstimmung, Beschlossen, None, true).unwrap_err();
        assert!(matches!(&err, Error::Validation { field, .. } if field == "Beschluss"));
        assert!(
            message(check_change(InAbstimmung, Beschlossen, Some(1), false))
                .contains("keine gespeicherte Version")
        );
        assert!(
            message(check_change(InAbstimmung, Entwurf, Some(1), true))
                .contains("nur zum Status „beschlossen“")
        );
    }

    #[test]
    fn frozen_while_beschlossen_or_archiviert() {
        assert!(check_editable(Entwurf, "Eine neue Version").is_ok());
        assert!(check_editable(InAbstimmung, "Eine neue Version").is_ok());
        assert_eq!(
            message(check_editable(Beschlossen, "Eine neue Version")),
            "Eine neue Version ist nicht möglich: Das Konzeptpapier ist beschlossen und damit festgeschrieben. \
             Um es fortzuschreiben, setzen Sie den Status zuerst auf „Entwurf“."
        );
        assert!(check_editable(Archiviert, "Der Entwurf").is_err());
    }

    #[test]
    fn codes_are_snake_case() {
        assert_eq!(serde_json::to_string(&InAbstimmung).unwrap(), "\"in_abstimmung\"");
    }
}
