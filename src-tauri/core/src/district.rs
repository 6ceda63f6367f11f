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

/// Organisation names that begin with a town's administration: the rest names the Gemeinde.
/// Compared after `gemeinde::normalise` (umlauts folded: "bürgermeisteramt" → "burgermeisteramt").
const TOWN_PREFIXES: [&str; 10] = [
    "stadtverwaltung",
    "stadtkreis",
    "stadt",
    "landeshauptstadt",
    "universitatsstadt",
    "grosse kreisstadt",
    "gemeindeverwaltung",
    "gemeinde",
    "burgermeisteramt",
    "rathaus",
];

/// Organisation names that begin with a Landkreis's administration: the rest names the Landkreis.
const LANDKREIS_PREFIXES: [&str; 4] = [
    "landratsamt des landkreises",
    "landratsamt",
    "kreisverwaltung",
    "landkreis",
];

/// The Stadt-/Landkreis of an organisation an import creates, where it is certain; `None` where it
/// is not (the user then sets it, for many at once). In this order:
///
/// 1. the Kreis the row names (`kreis`, e.g. the CSV column "Stadt-/Landkreis"), read as
///    [`find_district`] does, the organisation's name deciding between Stadt- and Landkreis
///    Heilbronn or Karlsruhe;
/// 2. the organisation's name: "Landratsamt Böblingen", "Landratsamt Rems-Murr-Kreis" → that
///    Landkreis; "Stadt Mannheim", "Stadtverwaltung Freiburg im Breisgau", "Stadt Neckarsulm",
///    "Gemeindeverwaltung Ammerbuch" → the Kreis of that Gemeinde (the Stadtkreise are Gemeinden
///    too, so "Stadt Heilbronn" is the Stadtkreis and "Landratsamt Heilbronn" the Landkreis);
/// 3. the row's Ort, when it is a Baden-Württemberg Gemeinde (PLZ in front allowed).
///
/// A name shared by Gemeinden in two Kreise ("Altdorf") decides nothing. The Ort is not used for a
/// ministry, a Regierungspräsidium or a kommunaler Landesverband (they serve the whole Land or a
/// Regierungsbezirk, not the Kreis they sit in), nor to put a Landratsamt into a Stadtkreis: the
/// Landratsämter of the Landkreise Heilbronn, Karlsruhe, Breisgau-Hochschwarzwald, Rhein-Neckar and
/// Alb-Donau sit in the Stadtkreis next door. When the row names a Kreis that cannot be read on its
/// own, the name or Ort may settle it only where it agrees with that text (Ort Neckarsulm and
/// "Heilbronn" → Landkreis Heilbronn; "Berlin" stays empty).
pub fn derive_district<'a>(
    districts: &'a [District],
    kreis: Option<&str>,
    organisation: &str,
    city: Option<&str>,
) -> Option<&'a District> {
    let kreis = kreis.map(str::trim).filter(|k| !k.is_empty());
    if let Some(found) = kreis.and_then(|k| find_district(districts, k, organisation)) {
        return Some(found);
    }
    let derived = district_from_name(districts, organisation)
        .or_else(|| district_from_city(districts, organisation, city?))?;
    match kreis {
        None => Some(derived),
        // The text is ambiguous or unknown on its own: keep what we derived only if the text,
        // told which Kreis we mean, reads as that very Kreis.
        Some(text) => find_district(districts, text, &derived.full_name()).filter(|d| d.ags == derived.ags),
    }
}

/// The Kreis an organisation's own name makes certain, if any (see [`derive_district`]).
fn district_from_name<'a>(districts: &'a [District], organisation: &str) -> Option<&'a District> {
    let name = crate::gemeinde::normalise(organisation);
    let after = |prefix: &str| {
        name.strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix(' '))
            .filter(|rest| !rest.is_empty())
    };
    if let Some(rest) = LANDKREIS_PREFIXES.iter().find_map(|p| after(p)) {
        // "Landratsamt Landkreis Tübingen" says it twice.
        let rest = rest.strip_prefix("landkreis ").unwrap_or(rest);
        return landkreis_at_start(districts, rest);
    }
    // "Rems-Murr-Kreis", "Ortenaukreis – Amt für Migration": a name that starts with a Landkreis
    // called "…kreis" is that Landkreis's.
    if let Some(d) = landkreis_at_start(districts, &name).filter(|d| d.name.to_lowercase().ends_with("kreis"))
    {
        return Some(d);
    }
    let rest = TOWN_PREFIXES.iter().find_map(|p| after(p))?;
    let ags = crate::gemeinde::single_district(&crate::gemeinde::find_at_start(rest))?;
    districts.iter().find(|d| d.ags == ags)
}

/// The Landkreis whose name starts `text` (normalised), the longest name winning.
fn landkreis_at_start<'a>(districts: &'a [District], text: &str) -> Option<&'a District> {
    districts
        .iter()
        .filter(|d| d.kind == DistrictKind::Landkreis)
        .filter(|d| {
            let name = crate::gemeinde::normalise(&d.name);
            text.strip_prefix(&name)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        })
        .max_by_key(|d| d.name.len())
}

/// The Kreis of the Gemeinde a row's Ort names, where that is certain for this organisation.
fn district_from_city<'a>(districts: &'a [District], organisation: &str, city: &str) -> Option<&'a District> {
    use crate::organisation::OrganisationKind as Kind;
    let kind = crate::organisation::OrganisationKind::guess_from_name(organisation);
    if matches!(
        kind,
        Kind::Ministerium | Kind::Regierungspraesidium | Kind::KommunalerLandesverband
    ) {
        return None;
    }
    // "72074 Tübingen": a postcode in the Ort column is common in hand-made lists.
    let city = city.trim();
    let city = match city.split_once(' ') {
        Some((plz, rest)) if plz.len() == 5 && plz.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => city,
    };
    let ags = crate::gemeinde::single_district(&crate::gemeinde::find(city))?;
    let district = districts.iter().find(|d| d.ags == ags)?;
    let name = crate::gemeinde::normalise(organisation);
    // A Kreis-level body ("Landratsamt", "Jobcenter Landkreis …", "DRK-Kreisverband …") in a
    // Stadtkreis may well serve the Landkreis around it.
    if district.kind == DistrictKind::Stadtkreis && (kind == Kind::Landratsamt || name.contains("kreis")) {
        return None;
    }
    // "Caritas Stuttgart" with Ort Esslingen: the name and the Ort disagree, so neither is certain.
    let own = crate::gemeinde::normalise(&district.name);
    let names_another = districts.iter().any(|d| {
        let other = crate::gemeinde::normalise(&d.name);
        other != own && contains_words(&name, &other)
    });
    (!names_another).then_some(district)
}

/// Whether `words` occurs in `text` as whole words (both normalised: single spaces, no punctuation).
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(start, _)| {
        let end = start + words.len();
        // Both indices border ASCII spaces or the ends, so slicing is on character boundaries.
        (start == 0 || text[..start].ends_with([' ', '-']))
            && (end == text.len() || text[end..].starts_with([' ', '-']))
    })
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
