//! The text of "Einladung per E-Mail": a German subject and body with date, time, place or video
//! link and the agenda, built from the stored session. How it reaches the mail program (a
//! `mailto:` link with the participants in BCC, or text to copy when the link would be too long)
//! is `mail.rs`'s business; this module only writes what the invitation says.

use serde::Serialize;

use crate::agenda::AgendaItem;
use crate::session::{Session, SessionFormat};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invitation {
    pub subject: String,
    pub body: String,
}

/// Subject "Einladung: <Titel> am Di., 24.11.2026, 14:00–16:30 Uhr" and a body people can send as
/// it is (they can still edit it in their mail program).
pub fn invitation(session: &Session, agenda: &[AgendaItem]) -> Invitation {
    let when = session.when_de();
    let subject = format!("Einladung: {} am {when}", session.title);
    let mut lines = vec![
        "Sehr geehrte Damen und Herren,".to_owned(),
        String::new(),
        format!(
            "hiermit laden wir Sie herzlich zur Sitzung „{}“ ein.",
            session.title
        ),
        String::new(),
        format!("Termin: {when}"),
    ];
    match (session.format, &session.place, &session.video_link) {
        (SessionFormat::Online, _, Some(link)) => lines.push(format!("Online: {link}")),
        (SessionFormat::Hybrid, Some(place), Some(link)) => {
            lines.push(format!("Ort: {place}"));
            lines.push(format!("Online-Teilnahme: {link}"));
        }
        (_, Some(place), _) => lines.push(format!("Ort: {place}")),
        (_, None, Some(link)) => lines.push(format!("Online: {link}")),
        (_, None, None) => {}
    }
    if let Some(host) = &session.host_organisation_name {
        lines.push(format!("Gastgeber: {host}"));
    }
    if !agenda.is_empty() {
        lines.push(String::new());
        lines.push("Tagesordnung:".into());
        for item in agenda {
            let indent = if item.parent_id.is_some() { "    " } else { "" };
            lines.push(format!(
                "{indent}TOP {}  {} Uhr  {}",
                item.number, item.clock_time, item.title
            ));
        }
    }
    lines.push(String::new());
    lines.push("Bitte teilen Sie uns mit, ob Sie teilnehmen.".into());
    lines.push(String::new());
    lines.push("Mit freundlichen Grüßen".into());
    Invitation {
        subject,
        body: lines.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: i64, parent_id: Option<i64>, number: &str, clock: &str, title: &str) -> AgendaItem {
        AgendaItem {
            id,
            session_id: 7,
            parent_id,
            position: 0,
            title: title.into(),
            description: None,
            planned_minutes: None,
            approves_session_id: None,
            discussion: None,
            version: 1,
            number: number.into(),
            clock_time: clock.into(),
            responsible: Vec::new(),
        }
    }

    #[test]
    fn the_invitation_names_date_place_and_agenda() {
        let mut s = crate::session::tests_support::session();
        s.format = SessionFormat::Hybrid;
        s.video_link = Some("https://video.example/raum".into());
        let agenda = [
            item(1, None, "1", "14:00", "Begrüßung"),
            item(2, None, "2", "14:10", "Berichte"),
            item(3, Some(2), "2.1", "14:10", "Landkreis Tübingen"),
        ];
        let inv = invitation(&s, &agenda);
        assert_eq!(
            inv.subject,
            "Einladung: 3. Netzwerktreffen 2026 am Di., 24.11.2026, 14:00–16:30 Uhr"
        );
        assert!(inv.body.contains("Termin: Di., 24.11.2026, 14:00–16:30 Uhr\nOrt: Stuttgart\nOnline-Teilnahme: https://video.example/raum"), "{}", inv.body);
        assert!(inv.body.contains("Tagesordnung:\nTOP 1  14:00 Uhr  Begrüßung\nTOP 2  14:10 Uhr  Berichte\n    TOP 2.1  14:10 Uhr  Landkreis Tübingen"), "{}", inv.body);
        assert!(inv.body.starts_with("Sehr geehrte Damen und Herren,"));
    }
}
