//! The reference data every organisation can point at: the 4 Regierungsbezirke and the
//! 44 Stadt- und Landkreise of Baden-Württemberg (shipped by a migration, read-only).

use serde::Serialize;

// Deriving the Kreis of an organisation from its name or Ort lives in `district_derivation.rs`,
// which builds on these types (never the other way round).

/// A Regierungsbezirk, identified by its 3-digit official key (081 Stuttgart … 084 Tübingen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Region {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, sqlx::Type)]
#[serde(rename_all = "lowercase")]
#[sqlx(type_name = "TEXT", rename_all = "lowercase")]
pub enum DistrictKind {
    Stadtkreis,
    Landkreis,
}

impl DistrictKind {
    /// The word the UI and the CLI show.
    pub fn label(self) -> &'static str {
        match self {
            DistrictKind::Stadtkreis => "Stadtkreis",
            DistrictKind::Landkreis => "Landkreis",
        }
    }
}

/// A Stadt- or Landkreis with its official Kreisschlüssel (5-digit AGS, e.g. 08416 Tübingen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct District {
    pub ags: String,
    pub name: String,
    pub kind: DistrictKind,
    pub region_code: String,
    pub region_name: String,
}

impl District {
    /// "Landkreis Heilbronn" / "Stadtkreis Heilbronn": unambiguous where two share a name.
    pub fn full_name(&self) -> String {
        if self.name.ends_with("kreis") || self.name.ends_with("Kreis") {
            self.name.clone()
        } else {
            format!("{} {}", self.kind.label(), self.name)
        }
    }
}

/// What the districts list can be narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct DistrictFilter {
    /// Regierungsbezirk code (081 … 084); `None` lists all 44.
    pub region_code: Option<String>,
}

/// Finds a Regierungsbezirk by its code ("084") or name ("Tübingen", "tuebingen", "TÜBINGEN").
pub fn find_region<'a>(regions: &'a [Region], input: &str) -> Option<&'a Region> {
    use crate::search::fold;
    let wanted = fold(input.trim());
    regions
        .iter()
        .find(|r| r.code == input.trim() || fold(&r.name) == wanted)
}

/// Finds the Stadt-/Landkreis a file names: by Kreisschlüssel ("08416"), by name ("Tübingen",
/// "tuebingen", "Freiburg" for Freiburg im Breisgau) or with its kind ("Landkreis Heilbronn",
/// "Stadtkreis Karlsruhe", "LK Karlsruhe", "Stadt Heilbronn"). Heilbronn and Karlsruhe are both a
/// Stadt- and a Landkreis: when the text does not say which, `hint` (the organisation's name,
/// "Landratsamt Karlsruhe" or "Stadt Karlsruhe") decides, else nothing is guessed.
pub fn find_district<'a>(districts: &'a [District], input: &str, hint: &str) -> Option<&'a District> {
    use crate::search::fold;
    let input = input.trim();
    // Excel drops the leading zero ("8416"); a Gemeindeschlüssel ("08416041") starts with the Kreis.
    if !input.is_empty() && input.bytes().all(|b| b.is_ascii_digit()) {
        // All ASCII digits: byte slicing cannot split a character.
        let key = match input.len() {
            4 => format!("0{input}"),
            8 => input[..5].to_owned(),
            _ => input.to_owned(),
        };
        if let Some(d) = districts.iter().find(|d| d.ags == key) {
            return Some(d);
        }
    }
    let folded = fold(input);
    let kind_of = |text: &str| -> (Option<DistrictKind>, String) {
        const LAND: [&str; 5] = ["landkreis ", "landratsamt ", "lkr. ", "lk ", "kreis "];
        const STADT: [&str; 4] = ["stadtkreis ", "stadtverwaltung ", "stadt ", "sk "];
        for (kind, prefixes) in [
            (DistrictKind::Landkreis, &LAND[..]),
            (DistrictKind::Stadtkreis, &STADT[..]),
        ] {
            if let Some(rest) = prefixes.iter().find_map(|p| text.strip_prefix(p)) {
                return (Some(kind), rest.trim().to_owned());
            }
        }
        (None, text.to_owned())
    };
    let (mut kind, name) = kind_of(&folded);
    let named = |d: &&District| fold(&d.name) == name || fold(&d.full_name()) == folded;
    let mut candidates: Vec<&District> = districts.iter().filter(named).collect();
    if candidates.is_empty() && !name.is_empty() {
        // "Freiburg" for "Freiburg im Breisgau": a unique name that starts with the text.
        candidates = districts
            .iter()
            .filter(|d| fold(&d.name).starts_with(&format!("{name} ")))
            .collect();
    }
    if candidates.len() > 1 && kind.is_none() {
        // "Landratsamt Heilbronn" → Landkreis. A town's own administration is only the Stadtkreis
        // when the town is the Kreis itself: "Stadt Heilbronn" yes, "Stadt Neckarsulm" (in the
        // Landkreis Heilbronn) no, so nothing is guessed then.
        kind = match kind_of(&fold(hint.trim())) {
            (Some(DistrictKind::Stadtkreis), town) if town != name => None,
            (kind, _) => kind,
        };
    }
    if let Some(kind) = kind {
        candidates.retain(|d| d.kind == kind);
    }
    match candidates.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn district(name: &str, kind: DistrictKind) -> District {
        District {
            ags: "08000".into(),
            name: name.into(),
            kind,
            region_code: "081".into(),
            region_name: "Stuttgart".into(),
        }
    }

    #[test]
    fn regions_are_found_by_code_or_name() {
        let regions = vec![
            Region {
                code: "081".into(),
                name: "Stuttgart".into(),
            },
            Region {
                code: "084".into(),
                name: "Tübingen".into(),
            },
        ];
        assert_eq!(find_region(&regions, "084").unwrap().name, "Tübingen");
        assert_eq!(find_region(&regions, " tuebingen ").unwrap().code, "084");
        assert_eq!(find_region(&regions, "TÜBINGEN").unwrap().code, "084");
        assert!(find_region(&regions, "Berlin").is_none());
    }

    fn districts() -> Vec<District> {
        let d = |ags: &str, name: &str, kind| District {
            ags: ags.into(),
            name: name.into(),
            kind,
            region_code: "081".into(),
            region_name: "Stuttgart".into(),
        };
        vec![
            d("08121", "Heilbronn", DistrictKind::Stadtkreis),
            d("08125", "Heilbronn", DistrictKind::Landkreis),
            d("08119", "Rems-Murr-Kreis", DistrictKind::Landkreis),
            d("08311", "Freiburg im Breisgau", DistrictKind::Stadtkreis),
            d("08416", "Tübingen", DistrictKind::Landkreis),
        ]
    }

    #[test]
    fn districts_are_found_as_files_name_them() {
        let all = districts();
        let ags = |input: &str, hint: &str| find_district(&all, input, hint).map(|d| d.ags.as_str());
        assert_eq!(ags("08416", ""), Some("08416"));
        assert_eq!(ags("Tübingen", ""), Some("08416"));
        assert_eq!(ags(" tuebingen ", ""), Some("08416"));
        assert_eq!(ags("Landkreis Tübingen", ""), Some("08416"));
        assert_eq!(ags("rems-murr-kreis", ""), Some("08119"));
        assert_eq!(ags("Freiburg", ""), Some("08311"));
        assert_eq!(ags("Stadtkreis Heilbronn", ""), Some("08121"));
        assert_eq!(ags("LK Heilbronn", ""), Some("08125"));
        // Ambiguous on its own; the organisation's name decides.
        assert_eq!(ags("Heilbronn", ""), None);
        assert_eq!(ags("Heilbronn", "Landratsamt Heilbronn"), Some("08125"));
        assert_eq!(ags("Heilbronn", "Stadt Heilbronn"), Some("08121"));
        // A town in the Landkreis is not the Stadtkreis.
        assert_eq!(ags("Heilbronn", "Stadt Neckarsulm"), None);
        assert_eq!(ags("8416", ""), Some("08416"));
        assert_eq!(ags("08416041", ""), Some("08416"));
        assert_eq!(ags("Berlin", ""), None);
        assert_eq!(ags("", ""), None);
    }

    proptest::proptest! {
        #[test]
        fn finding_a_district_never_panics(input in "\\PC{0,12}", hint in "\\PC{0,12}") {
            let _ = find_district(&districts(), &input, &hint);
        }
    }

    #[test]
    fn full_name_disambiguates_but_does_not_double_kreis() {
        assert_eq!(
            district("Heilbronn", DistrictKind::Landkreis).full_name(),
            "Landkreis Heilbronn"
        );
        assert_eq!(
            district("Heilbronn", DistrictKind::Stadtkreis).full_name(),
            "Stadtkreis Heilbronn"
        );
        assert_eq!(
            district("Rems-Murr-Kreis", DistrictKind::Landkreis).full_name(),
            "Rems-Murr-Kreis"
        );
        assert_eq!(
            district("Ostalbkreis", DistrictKind::Landkreis).full_name(),
            "Ostalbkreis"
        );
    }
}
