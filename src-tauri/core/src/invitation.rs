//! The text of "Einladung per E-Mail": a German subject and body with date, time, place or video
//! link and the agenda, built from the stored session. How it reaches the mail program (a
//! `mailto:` link with the participants in BCC, or text to copy when the link would be too long)
//! is `mail.rs`'s business; this module only writes what the invitation says.

use serde::Serialize;

use crate::agenda::{AgendaItem, agenda_lines};
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
    let agenda = agenda_lines(agenda);
    if !agenda.is_empty() {
        lines.push(String::new());
        lines.extend(agenda);
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

/// "Einladung per E-Mail" as the window hands it over: a `mailto:` link with the people in BCC,
/// subject and body when it fits `mail::MAILTO_LIMIT` (Windows mail programs cut longer links),
/// else the parts to copy (addresses `;`-separated, as Outlook expects).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InvitationMail {
    pub subject: String,
    pub body: String,
    /// "a@x.de; b@y.de"
    pub addresses: String,
    pub recipients: usize,
    /// `None` when the link would be too long: then the window offers the parts for copying.
    pub link: Option<String>,
    /// Set by the front-end that opened the link.
    pub opened: bool,
}

/// Builds the hand-over of `invitation` to `addresses` (blanks and duplicates, case-insensitively,
/// dropped). Nobody with an address is a German validation error, so no empty message opens.
pub fn invitation_mail(invitation: &Invitation, addresses: &[String]) -> crate::Result<InvitationMail> {
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<&str> = addresses
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty() && seen.insert(a.to_lowercase()))
        .collect();
    if unique.is_empty() {
        return Err(crate::Error::validation(
            "Einladung",
            "Niemand auf der Liste der Teilnehmenden (eingeladen oder zugesagt) hat eine E-Mail-Adresse.",
        ));
    }
    let bcc: Vec<String> = unique.iter().map(|a| percent(a)).collect();
    // RFC 6068: line breaks in a mailto body are CRLF.
    let url = format!(
        "mailto:?bcc={}&subject={}&body={}",
        bcc.join(","),
        percent(&invitation.subject),
        percent(&invitation.body.replace('\n', "\r\n"))
    );
    Ok(InvitationMail {
        subject: invitation.subject.clone(),
        body: invitation.body.clone(),
        addresses: unique.join("; "),
        recipients: unique.len(),
        link: (url.len() <= crate::mail::MAILTO_LIMIT).then_some(url),
        opened: false,
    })
}

/// Percent-encodes everything but RFC 3986's unreserved characters (and `@` in addresses).
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_invitation_is_a_link_a_long_one_parts_to_copy() {
        let inv = Invitation {
            subject: "Einladung: Treffen am Di., 24.11.2026".into(),
            body: "Sehr geehrte Damen und Herren,\n\nTOP 1 Begrüßung & Co.".into(),
        };
        let few = vec![
            "a@x.de".to_owned(),
            " A@X.de ".to_owned(),
            "b@y.de".to_owned(),
            String::new(),
        ];
        let mail = invitation_mail(&inv, &few).unwrap();
        assert_eq!(mail.recipients, 2);
        assert_eq!(mail.addresses, "a@x.de; b@y.de");
        let link = mail.link.unwrap();
        assert!(
            link.starts_with("mailto:?bcc=a@x.de,b@y.de&subject=Einladung%3A%20Treffen"),
            "{link}"
        );
        assert!(
            link.contains("Herren%2C%0D%0A%0D%0ATOP%201%20Begr%C3%BC%C3%9Fung%20%26%20Co."),
            "{link}"
        );
        let many: Vec<String> = (0..80)
            .map(|i| format!("person{i}@landratsamt.example"))
            .collect();
        let mail = invitation_mail(&inv, &many).unwrap();
        assert_eq!(mail.link, None);
        assert_eq!(mail.recipients, 80);
        assert!(
            invitation_mail(&inv, &[])
                .unwrap_err()
                .to_string()
                .contains("E-Mail-Adresse")
        );
    }

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

    #[test]
    fn the_calendar_and_the_invitation_list_the_same_agenda() {
        let s = crate::session::tests_support::session();
        let agenda = [
            item(1, None, "1", "14:00", "Begrüßung"),
            item(2, None, "2", "14:10", "Berichte"),
            item(3, Some(2), "2.1", "14:10", "Landkreis Tübingen"),
        ];
        let block = crate::agenda::agenda_lines(&agenda).join("\n");
        assert_eq!(
            block,
            "Tagesordnung:\nTOP 1  14:00 Uhr  Begrüßung\nTOP 2  14:10 Uhr  Berichte\n    TOP 2.1  14:10 Uhr  Landkreis Tübingen"
        );
        assert!(invitation(&s, &agenda).body.contains(&block));
        assert!(crate::ics::description(&s, &agenda).contains(&block));
        assert!(crate::agenda::agenda_lines(&[]).is_empty());
    }
}
