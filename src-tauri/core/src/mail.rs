//! "E-Mail schreiben": a `mailto:` link with the people in BCC (so recipients do not see each
//! other's addresses, as DSGVO asks). Windows mail programs cut links longer than about 2,000
//! characters; then the addresses are offered for copying instead (`;`-separated, as Outlook
//! expects in its address fields).
//!
//! Mail servers cap the recipients of one message (often at 50 to 100), so a longer list is not
//! opened at once: the person is asked first and gets it split into messages of at most the
//! office's setting "Empfänger je E-Mail" (default 50, `settings.rs`), opened one after the other.

use std::collections::HashSet;

use serde::Serialize;

use crate::contact::ContactRow;
use crate::{Error, Result};

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
    /// More recipients than one message should carry: ask, then open the messages one by one
    /// (`batch` 1 to `batches`).
    Split {
        recipients: usize,
        batches: usize,
        batch_size: usize,
    },
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
    /// Which message of a split list this draft is (1-based), if the list was split.
    pub batch: Option<usize>,
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
///
/// Up to `batch_size` distinct addresses make one draft. More give `MailDraft::Split` when no
/// `batch` is asked for, else the draft of that message (addresses in list order, `batch_size`
/// each). A `batch` beyond the last message is refused.
pub fn mail_outcome(rows: &[ContactRow], batch_size: usize, batch: Option<usize>) -> Result<MailOutcome> {
    let addresses = unique_addresses(rows.iter().filter_map(|r| r.email.as_deref()));
    let batch_size = batch_size.max(1);
    let batches = addresses.len().div_ceil(batch_size);
    let (draft, batch) = match batch {
        _ if batches <= 1 => (bcc_draft(addresses), None),
        None => (
            MailDraft::Split {
                recipients: addresses.len(),
                batches,
                batch_size,
            },
            None,
        ),
        Some(n) if (1..=batches).contains(&n) => {
            let part = addresses.into_iter().skip((n - 1) * batch_size).take(batch_size);
            (bcc_draft(part), Some(n))
        }
        Some(n) => {
            return Err(Error::validation(
                "E-Mail",
                format!("Nachricht {n} gibt es nicht: die Liste ergibt {batches} Nachrichten."),
            ));
        }
    };
    Ok(MailOutcome {
        draft,
        opened: false,
        without_email: rows.iter().filter(|r| r.email.is_none()).count(),
        batch,
    })
}

/// The addresses trimmed, blanks and duplicates (case-insensitively) dropped, in their order.
fn unique_addresses<'a>(addresses: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = HashSet::new();
    addresses
        .into_iter()
        .map(str::trim)
        .filter(|a| !a.is_empty() && seen.insert(a.to_lowercase()))
        .collect()
}

/// Builds the draft for `addresses` (duplicates, case-insensitively, and blanks dropped).
pub fn bcc_draft<'a>(addresses: impl IntoIterator<Item = &'a str>) -> MailDraft {
    let unique = unique_addresses(addresses);
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
        let outcome = mail_outcome(
            &[row(1, Some("a@x.example")), row(2, None), row(3, None)],
            50,
            None,
        )
        .unwrap();
        assert_eq!(outcome.without_email, 2);
        assert!(!outcome.opened);
        assert_eq!(outcome.batch, None);
        assert_eq!(outcome.link(), Some("mailto:?bcc=a@x.example"));
        let nobody = mail_outcome(&[row(4, None)], 50, None).unwrap();
        assert_eq!(nobody.draft, MailDraft::Empty);
        assert_eq!(nobody.link(), None);
    }

    #[test]
    fn long_lists_are_split_after_asking() {
        let rows: Vec<ContactRow> = (0..7)
            .map(|i| row(i, Some(&format!("p{i}@x.example"))))
            .chain([row(7, Some("P0@X.example")), row(8, None)])
            .collect();
        // Exactly one message's worth is not split.
        let fits = mail_outcome(&rows, 7, None).unwrap();
        assert!(
            matches!(fits.draft, MailDraft::Link { recipients: 7, .. }),
            "{fits:?}"
        );
        // One more than fits: the list is not opened but offered in parts.
        let asked = mail_outcome(&rows, 3, None).unwrap();
        assert_eq!(
            asked.draft,
            MailDraft::Split {
                recipients: 7,
                batches: 3,
                batch_size: 3
            }
        );
        assert_eq!(asked.link(), None);
        assert_eq!(asked.without_email, 1);
        let second = mail_outcome(&rows, 3, Some(2)).unwrap();
        assert_eq!(second.batch, Some(2));
        assert_eq!(
            second.link(),
            Some("mailto:?bcc=p3@x.example,p4@x.example,p5@x.example")
        );
        let last = mail_outcome(&rows, 3, Some(3)).unwrap();
        assert_eq!(last.link(), Some("mailto:?bcc=p6@x.example"));
        let err = mail_outcome(&rows, 3, Some(4)).unwrap_err().to_string();
        assert_eq!(
            err,
            "E-Mail: Nachricht 4 gibt es nicht: die Liste ergibt 3 Nachrichten."
        );
        assert!(mail_outcome(&rows, 3, Some(0)).is_err());
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
