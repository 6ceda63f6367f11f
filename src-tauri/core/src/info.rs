//! What the Info view and `netzwerkmappe info` show: version, data file, SQLite, record counts,
//! and where the reference data shipped inside the app comes from (its licence asks us to say so,
//! and users must be able to judge how current it is).

use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Info {
    pub app_version: String,
    /// Absolute path of the data file, or ":memory:" for in-memory stores (tests).
    pub data_file: String,
    pub sqlite_version: String,
    /// Version (timestamp) of the newest migration applied to the data file.
    pub schema_version: i64,
    /// When this data file was first created.
    pub created_at: Option<DateTime<Utc>>,
    pub counts: Vec<RecordCount>,
    /// Reference data compiled into the app, with source, date and licence.
    pub data_sources: Vec<DataSource>,
    /// German warnings about where and how the data file is kept (read-only, network drive).
    pub warnings: Vec<String>,
}

/// One set of reference data the app ships, as Info names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DataSource {
    /// Stable key, e.g. "gemeinden".
    pub key: &'static str,
    /// German label, e.g. "Gemeinden Baden-Württembergs".
    pub label: &'static str,
    /// How many entries it has.
    pub count: usize,
    /// What it covers where that is less than its label says, e.g. "nur die Stadtkreise; …".
    pub scope: Option<&'static str>,
    /// The publication it was taken from.
    pub source: &'static str,
    /// The date the data describes (Gebietsstand), as the UI shows dates ("25.01.2021"), or what
    /// it follows.
    pub as_of: &'static str,
    pub licence: &'static str,
}

/// The reference data shipped inside the binary (the 44 districts come with the data file's
/// migrations and are counted in `counts`).
pub fn data_sources() -> Vec<DataSource> {
    vec![DataSource {
        key: "gemeinden",
        label: "Gemeinden Baden-Württembergs",
        count: crate::gemeinde::Gemeinden::shipped().all().len(),
        scope: Some(crate::gemeinde::SCOPE),
        source: crate::gemeinde::SOURCE,
        as_of: crate::gemeinde::AS_OF,
        licence: crate::gemeinde::LICENCE,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gemeinden_list_is_named_with_source_date_and_licence() {
        let sources = data_sources();
        let gemeinden = sources.iter().find(|s| s.key == "gemeinden").expect("listed");
        // For now only the 9 Stadtkreise, and Info must not claim more.
        assert_eq!(gemeinden.count, 9);
        let scope = gemeinden.scope.unwrap_or_default();
        assert!(
            scope.starts_with("nur die Stadtkreise; die vollständige Gemeindeliste folgt"),
            "{scope}"
        );
        assert!(gemeinden.source.contains("Stadtkreise"), "{}", gemeinden.source);
        assert!(
            gemeinden.as_of.contains("Stadt- und Landkreise"),
            "{}",
            gemeinden.as_of
        );
        assert!(
            gemeinden.licence.contains("Referenzdaten der App"),
            "{}",
            gemeinden.licence
        );
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordCount {
    /// Stable key, e.g. "districts".
    pub key: &'static str,
    /// German label, e.g. "Stadt- und Landkreise".
    pub label: &'static str,
    pub count: i64,
}
