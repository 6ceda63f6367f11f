//! "E-Mail schreiben": a `mailto:` link with the people in BCC (so recipients do not see each
//! other's addresses, as DSGVO asks). Windows mail programs cut links longer than about 2,000
//! characters; then the addresses are offered for copying instead (`;`-separated, as Outlook
//! expects in its address fields).

use serde::Serialize;

use crate::contact::{ContactFilter, ContactRow};
use crate::{Result, Store};

/// Longest `mailto:` link handed to the mail program.
pub const MAILTO_LIMIT: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MailDraft {
    /// Open this link with the mail program.
    Link { url: String, recipients: usize },
    /// Too long for a link: copy these addresses into the BCC field instead.
    Copy { addresses: String, recipients: usize },
    /// Nobody in the list has an e-mail address.
    Empty,
}

/// What "E-Mail schreiben" produced for a list: the draft, whether the mail program was asked to
/// open it (set by the front-end that opens links), and who could not be included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MailOutcome {
    pub draft: MailDraft,
    /// The mail program was asked to open the link. Only a front-end can open links, so this
    /// starts `false`; the window sets it.
    pub opened: bool,
    /// Contacts in the list without an e-mail address.
    pub without_email: usize,
}

impl MailOutcome {
    /// The `mailto:` link to open, when the draft is one.
    pub fn link(&self) -> Option<&str> {
        match &self.draft {
            MailDraft::Link { url, .. } => Some(url),
            _ => None,
        }
    }
}

/// The outcome for these contacts: a BCC draft of their addresses, and how many have none.
pub fn mail_outcome(rows: &[ContactRow]) -> MailOutcome {
    MailOutcome {
        draft: bcc_draft(rows.iter().filter_map(|r| r.email.as_deref())),
        opened: false,
        without_email: rows.iter().filter(|r| r.email.is_none()).count(),
    }
}

/// "E-Mail schreiben" for the contacts matching `filter` (a selection or the filtered list).
pub async fn prepare_mail(store: &Store, filter: &ContactFilter) -> Result<MailOutcome> {
    Ok(mail_outcome(&store.list_contacts(filter).await?))
}

/// Builds the draft for `addresses` (duplicates, case-insensitively, and blanks dropped).
pub fn bcc_draft<'a>(addresses: impl IntoIterator<Item = &'a str>) -> MailDraft {
    let mut unique: Vec<&str> = Vec::new();
    for a in addresses.into_iter().map(str::trim).filter(|a| !a.is_empty()) {
        if !unique.iter().any(|u| u.eq_ignore_ascii_case(a)) {
            unique.push(a);
        }
    }
    if unique.is_empty() {
        return MailDraft::Empty;
    }
    let encoded: Vec<String> = unique.iter().map(|a| encode(a)).collect();
    let url = format!("mailto:?bcc={}", encoded.join(","));
    if url.len() <= MAILTO_LIMIT {
        MailDraft::Link {
            url,
            recipients: unique.len(),
        }
    } else {
        MailDraft::Copy {
            addresses: unique.join("; "),
            recipients: unique.len(),
        }
    }
}

/// Percent-encodes what RFC 6068 does not allow literally in a header value.
fn encode(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    for b in address.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'@' | b'.' | b'-' | b'_' | b'+' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_become_a_bcc_link() {
        let draft = bcc_draft([
            "a.mueller@lra.example",
            " A.Mueller@lra.example ",
            "",
            "k@stadt.example",
        ]);
        assert_eq!(
            draft,
            MailDraft::Link {
                url: "mailto:?bcc=a.mueller@lra.example,k@stadt.example".into(),
                recipients: 2
            }
        );
    }

    #[test]
    fn special_characters_are_encoded() {
        let MailDraft::Link { url, .. } = bcc_draft(["o'brien&co@x.example"]) else {
            panic!("link expected")
        };
        assert_eq!(url, "mailto:?bcc=o%27brien%26co@x.example");
    }

    fn row(id: i64, email: Option<&str>) -> ContactRow {
        ContactRow {
            id,
            title: None,
            first_name: None,
            last_name: format!("Person {id}"),
            function: None,
            organisation_name: None,
            district_name: None,
            email: email.map(str::to_owned),
            phone: None,
        }
    }

    #[test]
    fn the_outcome_counts_people_without_an_address() {
        let outcome = mail_outcome(&[row(1, Some("a@x.example")), row(2, None), row(3, None)]);
        assert_eq!(outcome.without_email, 2);
        assert!(!outcome.opened);
        assert_eq!(outcome.link(), Some("mailto:?bcc=a@x.example"));
        let nobody = mail_outcome(&[row(4, None)]);
        assert_eq!(nobody.draft, MailDraft::Empty);
        assert_eq!(nobody.link(), None);
    }

    #[test]
    fn long_lists_are_offered_for_copying() {
        let many: Vec<String> = (0..100)
            .map(|i| format!("person{i}@landratsamt-beispiel.example"))
            .collect();
        let draft = bcc_draft(many.iter().map(String::as_str));
        let MailDraft::Copy {
            addresses,
            recipients,
        } = draft
        else {
            panic!("copy expected")
        };
        assert_eq!(recipients, 100);
        assert!(addresses.starts_with("person0@landratsamt-beispiel.example; person1@"));
        assert_eq!(bcc_draft(Vec::<&str>::new()), MailDraft::Empty);
    }
}
