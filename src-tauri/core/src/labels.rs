//! The German words for codes the core sends, in one place for every front-end: the window loads
//! them once at start (`ui_labels` command) instead of keeping a second copy in JavaScript, so a
//! new organisation kind or encoding needs no change in the UI's word lists.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::district::DistrictKind;
use crate::format::Noun;
use crate::import::Encoding;
use crate::organisation::OrganisationKind;
use crate::paper_status::PaperStatus;

/// A code as the core serialises it and the word a person reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub value: String,
    pub label: String,
}

/// Singular and plural of a counted noun ("Kontakt", "Kontakte").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NounForms {
    pub one: &'static str,
    pub other: &'static str,
}

/// Everything the UI labels with words the core owns. Lists keep the order a select shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UiLabels {
    pub organisation_kinds: Vec<Label>,
    pub district_kinds: Vec<Label>,
    pub encodings: Vec<Label>,
    pub email_kinds: Vec<Label>,
    pub phone_kinds: Vec<Label>,
    /// Konzeptpapier statuses in their order (Entwurf … archiviert), for the list's filter.
    pub paper_statuses: Vec<Label>,
    /// Keyed by the noun's code ("kontakt", "organisation", …), for `count()` in ui/js/format.js.
    pub nouns: BTreeMap<String, NounForms>,
}

/// The words for e-mail kinds, in the order the form offers them (codes: `contact::EMAIL_KINDS`).
const EMAIL_KIND_LABELS: [(&str, &str); 3] =
    [("work", "dienstlich"), ("home", "privat"), ("other", "sonstige")];
/// The words for phone kinds (codes: `contact::PHONE_KINDS`).
const PHONE_KIND_LABELS: [(&str, &str); 5] = [
    ("work", "dienstlich"),
    ("mobile", "mobil"),
    ("home", "privat"),
    ("fax", "Fax"),
    ("other", "sonstige"),
];

/// Every encoding the import can report. The `match` has no wildcard on purpose: a new
/// `Encoding` variant does not compile until it is listed here, so the UI never shows a bare code.
fn encodings() -> Vec<Encoding> {
    let all = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Windows1252,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
    ];
    for e in all {
        match e {
            Encoding::Utf8
            | Encoding::Utf8Bom
            | Encoding::Windows1252
            | Encoding::Utf16Le
            | Encoding::Utf16Be => {}
        }
    }
    all.to_vec()
}

/// The code serde gives a unit variant ("landratsamt", "Utf8Bom").
fn code_of(value: impl Serialize) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        // Unit variants always serialise as strings; anything else is a programming error that
        // the tests below catch, and an empty code is harmless for a label.
        _ => String::new(),
    }
}

impl UiLabels {
    pub fn new() -> Self {
        let pairs = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(v, l)| Label {
                    value: (*v).to_owned(),
                    label: (*l).to_owned(),
                })
                .collect()
        };
        UiLabels {
            organisation_kinds: OrganisationKind::ALL
                .iter()
                .map(|k| Label {
                    value: code_of(k),
                    label: k.label().to_owned(),
                })
                .collect(),
            district_kinds: [DistrictKind::Stadtkreis, DistrictKind::Landkreis]
                .iter()
                .map(|k| Label {
                    value: code_of(k),
                    label: k.label().to_owned(),
                })
                .collect(),
            encodings: encodings()
                .into_iter()
                .map(|e| Label {
                    value: code_of(e),
                    label: e.label().to_owned(),
                })
                .collect(),
            email_kinds: pairs(&EMAIL_KIND_LABELS),
            phone_kinds: pairs(&PHONE_KIND_LABELS),
            paper_statuses: PaperStatus::ALL
                .iter()
                .map(|s| Label {
                    value: code_of(s),
                    label: s.label().to_owned(),
                })
                .collect(),
            nouns: Noun::ALL
                .iter()
                .map(|n| {
                    let (one, other) = n.forms();
                    (code_of(n), NounForms { one, other })
                })
                .collect(),
        }
    }
}

impl Default for UiLabels {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::{EMAIL_KINDS, PHONE_KINDS};

    #[test]
    fn codes_match_what_the_core_sends() {
        let labels = UiLabels::new();
        assert_eq!(labels.organisation_kinds.len(), OrganisationKind::ALL.len());
        assert_eq!(labels.organisation_kinds[0].value, "landratsamt");
        assert_eq!(labels.organisation_kinds[5].value, "kommunaler_landesverband");
        assert_eq!(labels.organisation_kinds[4].label, "Regierungspräsidium");
        assert_eq!(labels.district_kinds[0].value, "stadtkreis");
        assert_eq!(labels.encodings[1].value, "Utf8Bom");
        assert_eq!(labels.encodings[1].label, "UTF-8 mit BOM");
        let email: Vec<&str> = labels.email_kinds.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(email, EMAIL_KINDS);
        let phone: Vec<&str> = labels.phone_kinds.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(phone, PHONE_KINDS);
        assert_eq!(labels.paper_statuses[1].value, "in_abstimmung");
        assert_eq!(labels.paper_statuses[1].label, "in Abstimmung");
        assert_eq!(labels.nouns["kontakt"].other, "Kontakte");
        assert_eq!(labels.nouns["empfaenger"].one, "Empfänger");
        assert_eq!(labels.nouns.len(), Noun::ALL.len());
        assert!(labels.nouns.keys().all(|k| !k.is_empty()));
    }
}
