//! The reference data every organisation can point at: the 4 Regierungsbezirke and the
//! 44 Stadt- und Landkreise of Baden-Württemberg (shipped by a migration, read-only).

use serde::Serialize;

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
